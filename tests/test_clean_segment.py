"""Segmentation of the five real sources, checked block by block against the raw files by hand."""

from __future__ import annotations

import pytest

from tests.conftest import block_texts

# (slug, [(kind, first line, last line)]) for every block, as a careful editor marks them.
EXPECTED = {
    "kecheng-four-take-the-leads": [
        ("title", 10, 12), ("paragraph", 16, 21), ("paragraph", 23, 37), ("paragraph", 39, 51),
        ("paragraph", 53, 64), ("paragraph", 66, 80), ("byline", 82, 82),
    ],
    "qujiang-project-party-building": [
        ("title", 88, 88), ("paragraph", 92, 100), ("paragraph", 102, 125), ("paragraph", 127, 149),
        ("paragraph", 150, 174), ("byline", 176, 176),
    ],
    "kaihua-task-force-super-speed": [
        ("note", 1, 7), ("title", 8, 9), ("paragraph", 13, 20), ("paragraph", 22, 67),
        ("paragraph", 69, 108), ("paragraph", 110, 161),
    ],
    "pinghu-river-expropriation": [
        ("kicker", 5, 5), ("title", 7, 7), ("subtitle", 9, 9), ("paragraph", 11, 11), ("caption", 15, 15),
        ("heading", 17, 17), ("paragraph", 19, 19), ("paragraph", 21, 21), ("paragraph", 23, 23),
        ("paragraph", 25, 25), ("heading", 27, 27), ("paragraph", 29, 29), ("paragraph", 31, 31),
        ("heading", 33, 33), ("paragraph", 35, 35), ("paragraph", 37, 39), ("paragraph", 41, 41),
        ("paragraph", 43, 43), ("heading", 45, 45), ("paragraph", 47, 47), ("paragraph", 49, 49),
        ("paragraph", 51, 53), ("paragraph", 55, 55), ("paragraph", 57, 57),
    ],
    "qianxi-shantytown-fast-and-furious": [
        ("title", 1, 1), ("paragraph", 5, 5), ("paragraph", 9, 9), ("paragraph", 11, 11),
        *[item for n in (13, 17, 21, 25, 29, 33) for item in (("heading", n, n), ("paragraph", n + 2, n + 2))],
        ("heading", 37, 37), ("paragraph", 39, 39), ("paragraph", 41, 41), ("paragraph", 43, 43),
        ("paragraph", 45, 45),
    ],
}
TAIJIANG_CAPTIONS = {14, 16, 20, 36, 40, 44, 46, 54, 56, 58, 70, 72, 76, 80}
TAIJIANG_HEADINGS = {10: 2, 26: 2, 82: 2, 90: 2, 30: 3, 48: 3, 64: 3, 92: 3, 96: 3, 100: 3, 104: 3, 108: 3}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_blocks_are_what_an_editor_would_mark(edition, slug):
    report = next(r for r in edition.reports if r.slug == slug)
    assert [(b.kind, *b.lines) for b in report.blocks] == EXPECTED[slug]


def test_taijiang_page_structure(edition):
    report = next(r for r in edition.reports if r.slug == "taijiang-hundred-day-assault")
    kinds = {b.lines[0]: b for b in report.blocks}
    assert kinds[4].kind == "title"
    assert {n for n, b in kinds.items() if b.kind == "caption"} == TAIJIANG_CAPTIONS
    assert {n: b.level for n, b in kinds.items() if b.kind == "heading"} == TAIJIANG_HEADINGS
    paragraphs = [n for n, b in kinds.items() if b.kind == "paragraph"]
    assert paragraphs[0] == 8 and paragraphs[-1] == 110 and len(paragraphs) == 26


def test_one_source_holds_two_reports(edition):
    reports = [r.slug for r in edition.reports if r.source.startswith("000_")]
    assert reports == ["kecheng-four-take-the-leads", "qujiang-project-party-building"]


def test_six_reports_in_source_order(edition):
    assert len(edition.reports) == 6


def test_pdf_paragraph_text_is_rejoined_and_normalised(edition):
    texts = {zh[:11]: zh for _, zh in block_texts(edition, "kecheng-four-take-the-leads")}
    first = texts["柯城区以农房整治为契机"]
    assert "带头宣传、带头公示" in first  # joined across a line break
    assert first.endswith("全区党员干部已主动拆除299宗、33256平方米，带动全区拆违5022宗、68187平方米。")
    byline = block_texts(edition, "kecheng-four-take-the-leads")[-1]
    assert byline == ("byline", "（柯城区委组织部 万灵慧）")


def test_web_paragraph_broken_across_a_blank_line_is_joined(edition):
    texts = [zh for _, zh in block_texts(edition, "pinghu-river-expropriation")]
    assert any("存在交叉可能会被拒绝，没想到" in t for t in texts)
    assert any("确保如期提交施工作业面" in t for t in texts)


def test_paratext_is_classified(edition):
    by_source = {s.source.file[:3]: {(p.kind, p.lines) for p in s.paratext} for s in edition.sources}
    assert by_source["000"] == {("masthead", (1, 1)), ("contents", (3, 7))}
    assert by_source["001"] == {("distribution", (181, 183)), ("colophon", (185, 185))}
    assert by_source["002"] == set()
    assert by_source["004"] == {("dateline", (6, 6))}


def test_site_chrome_is_omitted_with_reasons(edition):
    omitted = {s.source.file[:3]: {o.lines[0]: o.rule for o in s.omissions} for s in edition.sources}
    assert omitted["003"] == {3: "repeated-title", 7: "repeated-title", 48: "share-buttons", 51: "related-articles"}
    taijiang = omitted["004"]
    assert taijiang[1] == "nav-menu" and taijiang[2] == "breadcrumb"
    assert taijiang[112] == "related-articles" and taijiang[114] == "share-buttons"
    assert set(taijiang) == {1, 2, *range(112, 131)} - {113}
    assert omitted["000"] == omitted["001"] == omitted["002"] == {}


def test_paratext_fields_set_apart_by_the_layout_stay_apart(edition):
    """The colophon's issuing office and date are two fields: N3 must not run them together."""
    kaihua = next(s for s in edition.sources if s.source.file.startswith("001_"))
    colophon = next(p for p in kaihua.paratext if p.kind == "colophon")
    assert colophon.zh == "中共衢州市委组织部办公室\n2018年9月18日印发"
