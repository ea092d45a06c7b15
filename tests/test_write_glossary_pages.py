"""Glossary pages and links in the text: every term links both ways, with the right counts."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape

import pytest

from edition.annotate.annotations import Annotations
from edition.errors import EditionError
from edition.paths import Paths
from edition.pipeline import build
from edition.read.glossary import load_glossary
from edition.write.glossary_pages import glossary_index, pinyin_key, term_page


def page(built_site, *parts: str) -> str:
    return built_site.paths.docs.joinpath(*parts).read_text(encoding="utf-8")


def block_html(report_page: str, block_id: str) -> str:
    match = re.search(rf'<div class="block [^"]*" id="{block_id}".*?(?=<div class="block |</div>\n</div>)',
                      report_page, re.S)
    assert match, block_id
    return match.group(0)


def test_every_term_has_an_entry_and_the_index_lists_it(built_site) -> None:
    annotations = built_site.edition.annotations
    index = page(built_site, "glossary", "index.md")
    for term in annotations.terms:
        assert built_site.paths.docs.joinpath("glossary", f"{term.id}.md").exists()
        # twice: once under its category, once in the pinyin index
        assert index.count(f'<a href="{term.id}/" lang="zh-Hans">') == 2


@pytest.mark.parametrize(
    ("term_id", "per_report"),
    [  # counted by hand in the sources (grep over the raw files with line breaks removed)
        ("temporary-party-branch", {"Kaihua": 1, "Pinghu": 5, "Taijiang": 3}),
        ("four-take-the-leads", {"Kecheng": 2, "Kaihua": 1}),
    ],
)
def test_hand_checked_concordance_counts(built_site, term_id: str, per_report: dict[str, int]) -> None:
    entry = page(built_site, "glossary", f"{term_id}.md")
    headings = dict(re.findall(r"^### (\w+) \((\d+)\)", entry, re.M))
    assert {k: int(v) for k, v in headings.items()} == per_report
    total = sum(per_report.values())
    assert f"<dt>Occurrences</dt><dd>{total} in {len(per_report)} of 6 reports</dd>" in entry


def test_entry_links_to_every_occurrence_and_every_occurrence_links_to_its_entry(built_site) -> None:
    annotations = built_site.edition.annotations
    reports = {r.slug: page(built_site, "reports", f"{r.slug}.md") for r in built_site.edition.reports}
    assert len(annotations.occurrences) > 500
    for term in annotations.terms:
        entry = page(built_site, "glossary", f"{term.id}.md")
        rows = re.findall(r'<td class="kwic-key" lang="zh-Hans"><a href="\.\./\.\./reports/([^/]+)/#(b\d+)">',
                          entry)
        expected = [(o.slug, o.block_id) for o in annotations.of_term(term.id)]
        assert rows == expected, term.id  # entry -> every occurrence, in reading order
    linked = Counter()
    for slug, text in reports.items():
        # The traditional text (a reading aid) links the same occurrences again: the same links as the
        # edition's text, block by block; counted once, in the edition's text.
        for simplified, traditional in re.findall(
                r'<div class="block-zh" lang="zh-Hans">(.*?)</div><div class="block-zh-hant"[^>]*>(.*?)</div>', text):
            assert re.findall(r'<a class="term" href="([^"]+)"', simplified) == re.findall(
                r'<a class="term" href="([^"]+)"', traditional)
        text = re.sub(r'<div class="block-zh-hant"[^>]*>.*?</div>', "", text)
        for block_id, term_id in re.findall(
            r'<div class="block [^"]*" id="(b\d+)"|<a class="term" href="\.\./\.\./glossary/([^/]+)/"', text
        ):
            if block_id:
                current = block_id
            else:
                linked[(slug, current, term_id)] += 1
    expected = Counter((o.slug, o.block_id, o.term_id) for o in annotations.occurrences)
    assert linked == expected  # every occurrence -> its entry, in the right paragraph, and nothing else


def test_links_in_the_text_carry_pinyin_and_english_and_keep_the_text(built_site) -> None:
    report = next(r for r in built_site.edition.reports if r.slug == "kaihua-task-force-super-speed")
    text = page(built_site, "reports", f"{report.slug}.md")
    html = block_html(text, "b1")
    assert 'title="zǔzhībù · Organisation Department"' in html or "组织部" not in report.blocks[0].zh
    zh = re.search(r'<div class="block-zh" lang="zh-Hans">(.*?)</div>', html).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", zh)) == report.blocks[0].zh  # links add no text, drop none


def test_related_reports_and_see_also(built_site) -> None:
    text = page(built_site, "reports", "kaihua-task-force-super-speed.md")
    assert "## Related reports { #related }" in text
    related = re.findall(r'^- <a href="\.\./([a-z-]+)/">', text, re.M)
    assert related and "kaihua-task-force-super-speed" not in related
    see_also = built_site.edition.annotations.see_also
    with_links = [key for key, items in see_also.items() if items]
    assert with_links, "some paragraph shares distinctive terms with another report"
    slug, block_id = with_links[0]
    first = see_also[(slug, block_id)][0]
    html = block_html(page(built_site, "reports", f"{slug}.md"), block_id)
    assert f'href="../{first.slug}/#{first.block_id}"' in html


def test_edition_json_carries_the_glossary_and_cross_links(built_site) -> None:
    data = json.loads((built_site.paths.build / "edition.json").read_text(encoding="utf-8"))
    glossary = {t["id"]: t for t in data["glossary"]}
    assert len(glossary) == len(built_site.edition.annotations.terms)
    branch = glossary["temporary-party-branch"]
    assert branch["count"] == 9 and branch["pinyin"] == "línshí dǎngzhībù"
    blocks = {(r["slug"], b["id"]): b for r in data["reports"] for b in r["blocks"]}
    for occurrence in branch["occurrences"]:
        assert "temporary-party-branch" in blocks[(occurrence["report"], occurrence["block"])]["terms"]
    assert all("related_reports" in r for r in data["reports"])


def test_exports_and_search_dictionary_are_published(built_site) -> None:
    data = built_site.paths.docs / "data"
    assert (data / "glossary.csv").read_text(encoding="utf-8").count("\n") > len(built_site.edition.annotations.terms)
    assert "<martif" in (data / "glossary.tbx").read_text(encoding="utf-8")
    dictionary = built_site.paths.jieba_dictionary.read_text(encoding="utf-8")
    assert "临时党支部 " in dictionary
    # the search plugin was given the dictionary: the term is one token of the search index
    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(d["text"] for d in index["docs"])
    assert "\u200b临时党支部\u200b" in texts


def test_pinyin_index_is_alphabetical_without_tones() -> None:
    terms = load_glossary(Paths().glossary)
    keys = [pinyin_key(t) for t in sorted(terms, key=pinyin_key)]
    assert keys == sorted(keys)
    assert pinyin_key(next(t for t in terms if t.zh == "党建引领"))[0].startswith("dangjian")


def test_markup_in_the_glossary_shows_as_text(built_site) -> None:
    from dataclasses import replace

    annotations = built_site.edition.annotations
    term = replace(annotations.terms[0], definition="<script>alert(1)</script>", en="<b>x</b>")
    text = term_page(term, annotations, built_site.edition.reports)
    assert "<script>" not in text and "&lt;script&gt;" in text and "<b>x</b>" not in text
    index = glossary_index(Annotations([term, *annotations.terms[1:]], annotations.occurrences))
    assert "<b>x</b>" not in index and "&lt;b&gt;x&lt;/b&gt;" in index


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda y: y.replace("- id: five-plus-two", "- id: day-plus-night", 1), "duplicate id"),
        (lambda y: y.replace('zh: "五加二"', 'zh: "白加黑"', 1), "also a form of"),
        (lambda y: y.replace('en: "five-plus-two"', 'en: ""', 1), "required field 'en'"),
        (lambda y: y.replace("related: [day-plus-night, continuous-combat]",
                             "related: [day-plus-night, no-such-term]", 1), "no-such-term"),
        (lambda y: y.replace('zh: "五加二"', 'zh: "五加二', 1), "glossary.yaml"),
    ],
)
def test_a_bad_glossary_stops_the_build_before_anything_is_written(repo_copy, mangle, message) -> None:
    build(repo_copy)
    before = {p: p.read_bytes() for p in repo_copy.root.rglob("*") if p.is_file()}
    repo_copy.glossary.write_text(mangle(repo_copy.glossary.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        build(repo_copy)
    assert message in str(caught.value)
    assert "glossary.yaml" in str(caught.value)
    after = {p: p.read_bytes() for p in repo_copy.root.rglob("*") if p.is_file() and p != repo_copy.glossary}
    assert after == {p: b for p, b in before.items() if p != repo_copy.glossary}
