"""How a report is cited: the CSL-JSON, BibTeX and RIS downloads read back with their libraries, the
Highwire tags and JSON-LD of every built report page, the Cite reference, and one name for the edition."""

from __future__ import annotations

import json
import logging
import re

import bibtexparser
import jinja2
import pytest
import rispy
import yaml
from lxml import html

from edition.mkdocs_plugin import ChineseSearchPlugin
from edition.paths import Paths
from edition.write import citation

ROOT = Paths().root


def records(edition, base: str | None = "https://example.org/pbd/"):
    meta = edition.edition_meta()
    return {r.slug: (r, citation.csl_record(r, meta, citation.report_url(r.slug, base))) for r in edition.reports}


@pytest.mark.parametrize(("title", "expected"), [
    ("through “Project Party Building”", "“through ‘Project Party Building’”"),
    ('the "Pinghu Spirit" writes', "“the ‘Pinghu Spirit’ writes”"),
    ("Kaihua County’s Task Force", "“Kaihua County’s Task Force”"),  # an apostrophe stays one
])
def test_quotation_marks_inside_a_quoted_title_become_single(title, expected) -> None:
    assert citation.quoted(title) == expected


def test_the_reference_gives_author_date_titles_outlet_edition_and_version(edition) -> None:
    _, record = records(edition)["qujiang-project-party-building"]
    assert citation.reference(record) == (
        "Rao Xin. n.d. “Qujiang District Forcefully Advances Urban-Village Redevelopment through ‘Project Party "
        "Building’” [衢江区以“项目党建”强力推进城中村改造]. Special Issue on Serving the Central Work (No. 1). "
        "Translated in Party-Building and Demolition: A Bilingual Edition of Chinese Local-Government Reports, "
        f"version {edition.edition_meta()['version']}")  # the latest release, '+' where this build differs
    _, dated = records(edition)["taijiang-hundred-day-assault"]
    assert citation.reference(dated).startswith("Chen Qiaoling. 2023. “Taijiang")  # not the responsible editor
    assert "Southeast Net, November 7, 2023." in citation.reference(dated)


def test_only_the_writers_are_authors_and_nothing_unstated_is_invented(edition) -> None:
    by_slug = records(edition)
    assert by_slug["qianxi-shantytown-fast-and-furious"][1]["author"] == [
        {"family": "Li", "given": "Yujie"}, {"family": "Jin", "given": "Hua"}]
    pinghu = by_slug["pinghu-river-expropriation"][1]  # no author, outlet or date in the catalog
    assert not {"author", "issued", "container-title"} & pinghu.keys() and pinghu["type"] == "document"
    assert "author" not in by_slug["kaihua-task-force-super-speed"][1]  # an instructing official wrote nothing


def test_the_downloads_read_back_with_bibtexparser_and_rispy(edition) -> None:
    for slug, (report, record) in records(edition).items():
        files = citation.downloads(report, edition.edition_meta(), "https://example.org/pbd/")
        assert json.loads(files[f"cite/{slug}.json"]) == [record]
        library = bibtexparser.parse_string(files[f"cite/{slug}.bib"])
        assert not library.failed_blocks and len(library.entries) == 1
        entry = library.entries[0]
        assert entry.key == slug and entry.fields_dict["title"].value == record["title"]
        assert entry.fields_dict["url"].value == f"https://example.org/pbd/reports/{slug}/"
        if "original-title" in record:
            assert entry.fields_dict["origtitle"].value == report.meta["title"]["zh"]
        (ris,) = rispy.loads(files[f"cite/{slug}.ris"])
        assert ris["title"] == record["title"] and ris["publisher"] == record["publisher"]
        assert ris["type_of_reference"] == ("JOUR" if "container-title" in record else "GEN")
        assert ris.get("authors", []) == [f"{n['family']}, {n['given']}" for n in record.get("author", [])]
        assert ris.get("date") == ("/".join(f"{p:02d}" for p in record["issued"]["date-parts"][0])
                                   if "issued" in record else None)


def test_the_edition_has_one_name_and_version_everywhere(edition) -> None:
    """The catalog's edition title is the name: the site's, CITATION.cff's and the citations' agree."""
    name = edition.meta["title"]["en"]
    site = re.search(r"^site_name: \"(.*)\"", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert site and site.group(1) == name
    meta = edition.edition_meta()  # CITATION.cff names the latest release, whatever changed since
    assert cff["title"] == name and str(cff["version"]) == meta.get("changed_since", meta["version"])
    assert all(record["publisher"] == name for _, record in records(edition).values())


def test_the_skeleton_carries_the_same_theme_override() -> None:
    skeleton = ROOT / "edition" / "commands" / "skeleton" / "overrides" / "main.html"
    assert skeleton.read_bytes() == (ROOT / "overrides" / "main.html").read_bytes()
    partial = ("partials", "source.html")  # the repository link without the api.github.com fetch
    assert skeleton.parent.joinpath(*partial).read_bytes() == (ROOT / "overrides").joinpath(*partial).read_bytes()


def _head(page) -> tuple[dict[str, list[tuple[str, str | None]]], dict]:
    tags: dict[str, list[tuple[str, str | None]]] = {}
    for meta in page.xpath("//head/meta[starts-with(@name, 'citation_')]"):
        tags.setdefault(meta.get("name"), []).append((meta.get("content"), meta.get("lang")))
    (ld,) = page.xpath("//head/script[@type='application/ld+json']/text()")
    return tags, json.loads(ld)


def test_every_report_page_carries_highwire_tags_and_json_ld(built_site) -> None:
    edition = built_site.edition
    for slug, (report, record) in records(edition, None).items():
        page = html.parse(str(built_site.site / "reports" / slug / "index.html")).getroot()
        tags, ld = _head(page)
        title = report.meta["title"]
        assert tags["citation_title"] == [(title["en"], "en"), (title["zh"], "zh-Hans")]
        assert [a for a, _ in tags.get("citation_author", [])] == [
            f"{n['family']}, {n['given']}" for n in record.get("author", [])]
        date = (report.meta.get("date") or {}).get("value")
        assert [d for d, _ in tags.get("citation_publication_date", [])] == ([date.replace("-", "/")] if date else [])
        outlet = (report.meta.get("outlet") or {}).get("en")
        assert [o for o, _ in tags.get("citation_journal_title", [])] == ([outlet] if outlet else [])
        assert tags["citation_publisher"] == [(edition.meta["title"]["en"], "en")]
        assert [lang for lang, _ in tags["citation_language"]] == ["zh", "en"]
        assert "citation_public_url" not in tags  # the test build has no SITE_URL: no stable URL is claimed
        assert ld["@type"] == "Report" and ld["name"] == title["en"]
        assert ld["translationOfWork"]["name"] == title["zh"] and ld["translationOfWork"]["inLanguage"] == "zh-Hans"
        assert ld["isBasedOn"] == {"@id": ld["translationOfWork"]["@id"]}
        parts = [part["@id"] for part in ld["hasPart"]]
        assert parts == [f"#{block.id}" for block in report.blocks]
        assert all(page.get_element_by_id(part[1:]) is not None for part in parts)  # each part is a paragraph's URL
        assert page.xpath("//title/text()")[0].endswith(edition.meta["title"]["en"])


def test_the_downloads_page_links_every_reports_citation_files(built_site) -> None:
    page = html.parse(str(built_site.site / "data" / "index.html")).getroot()
    links = set(page.xpath("//a/@href"))
    for report in built_site.edition.reports:
        for ext in ("json", "bib", "ris"):
            assert f"cite/{report.slug}.{ext}" in links
            assert (built_site.site / "data" / "cite" / f"{report.slug}.{ext}").is_file()


def test_with_a_site_url_the_theme_gives_the_public_url_in_tags_and_json_ld() -> None:
    """overrides/main.html, rendered as MkDocs does (no autoescape) over a stand-in for Material's base."""
    env = jinja2.Environment(loader=jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(str(ROOT / "overrides")),
        jinja2.DictLoader({"base.html": "<head>{% block extrahead %}{% endblock %}</head>"})]))
    meta = {"citation": {"tags": [["citation_title", 'A "B" <i>', "en"]], "json_ld": {"@type": "Report"}}}
    page = type("Page", (), {"meta": meta, "canonical_url": "https://example.org/reports/r/"})()
    head = html.fromstring(env.get_template("main.html").render(page=page))
    assert head.xpath("//meta[@name='citation_title']/@content") == ['A "B" <i>']  # escaped, then parsed back
    assert head.xpath("//meta[@name='citation_public_url']/@content") == ["https://example.org/reports/r/"]
    assert json.loads(head.xpath("//script/text()")[0]) == {"@type": "Report", "url": "https://example.org/reports/r/"}
    assert not html.fromstring(env.get_template("main.html").render(page=None)).xpath("//meta")


@pytest.mark.parametrize(("command", "site_url", "warned"), [
    ("build", None, True), ("build", "https://example.org/", False), ("serve", None, False)])
def test_a_build_without_site_url_warns_that_citations_have_no_stable_url(caplog, command, site_url, warned) -> None:
    plugin = ChineseSearchPlugin()
    plugin.on_startup(command=command, dirty=False)
    with caplog.at_level(logging.WARNING, logger="edition.site"):
        plugin.on_config({"site_url": site_url})
    assert any("no stable URL" in r.getMessage() for r in caplog.records) is warned
