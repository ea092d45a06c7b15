"""Bad catalogs and bad sources give a clear message naming the file and entry; nothing else is lost."""

from __future__ import annotations

import logging

import pytest
import yaml

from edition.errors import EditionError
from edition.pipeline import build, read_and_clean
from edition.read.catalog import load_catalog


def write_catalog(paths, sources):
    paths.catalog.write_text(yaml.safe_dump({"sources": sources}, allow_unicode=True), encoding="utf-8")


def real_sources(paths):
    return yaml.safe_load(paths.catalog.read_text(encoding="utf-8"))["sources"]


def test_real_catalog_describes_six_reports(repo_copy):
    catalog = load_catalog(repo_copy.catalog, repo_copy.seeds)
    assert sum(len(s.reports) for s in catalog.sources.values()) == 6


def test_yaml_syntax_error_names_file_and_line(repo_copy):
    repo_copy.catalog.write_text("sources:\n  - file: a.txt\n    reports: [\n", encoding="utf-8")
    with pytest.raises(EditionError, match=r"catalog\.yaml:\d+: YAML syntax error"):
        load_catalog(repo_copy.catalog, repo_copy.seeds)


@pytest.mark.parametrize("slug", ["../x", "Bad Slug", "a--b", "", "x/y"])
def test_unsafe_slug_is_refused(repo_copy, slug):
    sources = real_sources(repo_copy)
    sources[2]["reports"][0]["slug"] = slug
    write_catalog(repo_copy, sources)
    with pytest.raises(EditionError, match="slug"):
        load_catalog(repo_copy.catalog, repo_copy.seeds)


def test_duplicate_slug_is_refused(repo_copy):
    sources = real_sources(repo_copy)
    sources[3]["reports"][0]["slug"] = sources[2]["reports"][0]["slug"]
    write_catalog(repo_copy, sources)
    with pytest.raises(EditionError, match="duplicate slug 'pinghu-river-expropriation'"):
        load_catalog(repo_copy.catalog, repo_copy.seeds)


def test_malformed_catalog_is_refused(repo_copy):
    repo_copy.catalog.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(EditionError, match="mapping with a 'sources' list"):
        load_catalog(repo_copy.catalog, repo_copy.seeds)


def test_entry_naming_a_missing_file_of_an_unpublished_report_is_a_warning(repo_copy, caplog):
    sources = real_sources(repo_copy)
    sources.append({"file": "999_missing.txt", "reports": [{"slug": "ghost"}]})
    write_catalog(repo_copy, sources)
    catalog = load_catalog(repo_copy.catalog, repo_copy.seeds)
    assert len(catalog.sources) == 5 and list(catalog.missing) == ["999_missing.txt"]
    with caplog.at_level(logging.WARNING, logger="edition"):
        build(repo_copy)
    assert "seeds/catalog.yaml:" in caplog.text and "'999_missing.txt', which is not in seeds/" in caplog.text


def test_uncatalogued_source_is_built_with_inferred_metadata_and_a_warning(repo_copy, caplog):
    text = "某镇党建引领推进棚户区改造\n\n某镇坚持党建引领，全力推进棚户区改造工作，签约率达到99%。\n"
    (repo_copy.seeds / "005_new.txt").write_text(text, encoding="gb18030")
    with caplog.at_level(logging.WARNING, logger="edition"):
        edition = read_and_clean(repo_copy)
    assert "005_new.txt: not in seeds/catalog.yaml" in caplog.text
    report = edition.reports[-1]
    assert not report.catalogued
    assert report.meta["title"]["zh"] == "某镇党建引领推进棚户区改造"
    assert report.slug.startswith("mou-zhen-dang-jian-yin-ling-")
    assert report.slug == read_and_clean(repo_copy).reports[-1].slug  # deterministic
    assert len(edition.reports) == 7


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        ("首页|新闻|图片|视频\n关于我们 | 网站地图 | 版权所有\n".encode(), "no reading text"),
    ],
)
def test_bad_source_is_reported_and_the_rest_is_still_built(repo_copy, caplog, content, message):
    (repo_copy.seeds / "005_bad.txt").write_bytes(content)
    with caplog.at_level(logging.ERROR, logger="edition"):
        edition = build(repo_copy)
    assert "005_bad.txt" in caplog.text and message in caplog.text
    assert len(edition.problems) == 1
    assert len(edition.reports) == 6
    assert (repo_copy.build / "edition.json").exists()
