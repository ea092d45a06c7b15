"""The MkDocs hooks: the navigation of generated pages, small editions and large."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pathspec.gitignore import GitIgnoreSpec

from edition.mkdocs_hooks import NAV_LISTS_UP_TO, generated_sections, on_config

NAV = [{"Home": "index.md"}, {"Reports": "reports/"}, {"Sources": "sources/"}, {"Downloads": "data/"}]


def docs_with(tmp_path: Path, reports: int) -> Path:
    data = tmp_path / "docs" / "data"
    data.mkdir(parents=True)
    edition = {
        "reports": [{"slug": f"r{n}"} for n in range(reports)],
        "sources": [{"file": f"s{n}.txt"} for n in range(reports)],
    }
    (data / "edition.json").write_text(json.dumps(edition), encoding="utf-8")
    return tmp_path / "docs"


def configured(docs: Path) -> dict:
    return on_config({"nav": NAV, "docs_dir": str(docs), "not_in_nav": GitIgnoreSpec.from_lines(["/glossary/*.md"])})


def test_a_small_edition_lists_every_report_and_source_in_the_nav(tmp_path):
    config = configured(docs_with(tmp_path, 3))
    assert config["nav"][1] == {"Reports": ["reports/index.md", "reports/r0.md", "reports/r1.md", "reports/r2.md"]}
    assert config["nav"][2] == {"Sources": ["sources/index.md", "sources/s0.md", "sources/s1.md", "sources/s2.md"]}
    assert config["nav"][3] == {"Downloads": "data/index.md"}
    assert not config["not_in_nav"].match_file("reports/r0.md")
    assert config["not_in_nav"].match_file("glossary/term.md")  # mkdocs.yml's own patterns are kept


@pytest.mark.parametrize("reports", [NAV_LISTS_UP_TO + 1, 1000])
def test_a_large_edition_lists_only_the_index_pages_and_declares_the_rest_not_in_nav(tmp_path, reports):
    """Material renders the whole nav into every page: listing every report would make the build quadratic."""
    config = configured(docs_with(tmp_path, reports))
    assert config["nav"][1] == {"Reports": "reports/index.md"}
    assert config["nav"][2] == {"Sources": "sources/index.md"}
    spec = config["not_in_nav"]
    assert spec.match_file("reports/r7.md") and spec.match_file("sources/s7.md")
    assert not spec.match_file("reports/index.md") and not spec.match_file("sources/index.md")
    assert spec.match_file("glossary/term.md")


def test_without_an_edition_the_nav_is_left_alone(tmp_path):
    (tmp_path / "docs").mkdir()
    assert generated_sections(tmp_path / "docs") == {}
    assert configured(tmp_path / "docs")["nav"] == NAV
