"""Segmenting a PDF by its page layout (edition.clean.pdf_layout), on PDFs typeset here with reportlab
(tests/documents.py): the furniture in the margins is left out, the head is told by size, paragraphs by
indent, gap and short last lines, across page breaks too."""

from __future__ import annotations

import pytest

from edition.clean.segment import clean_source
from edition.read.document import document_from_bytes
from tests.documents import Item, typeset_pdf

LONG = "今年以来，某镇坚持党建引领，把老旧小区改造作为民生实事，成立临时党支部，组织党员干部入户宣传政策，逐户听取居民意见。"
REPORT = [
    Item("kicker", "某镇"), Item("title", "党建引领推进老旧小区改造 惠及居民一千三百余户"), Item("subtitle", "支部建在项目上"),
    Item("paragraph", LONG * 2), Item("heading", "一、主要做法"), Item("paragraph", LONG),
    Item("caption", "党员干部入户走访。某镇供图"), Item("caption", "召开动员部署会。"),
    Item("paragraph", LONG * 3), Item("heading", "二、工作成效"), Item("paragraph", "截至目前，已完成改造小区12个。"),
    Item("paragraph", LONG * 4),
]


def clean(data: bytes):
    edition = clean_source(document_from_bytes(data, "x.pdf"), None, "x.pdf")
    return edition, [(b.kind, b.zh) for r in edition.reports for b in r.blocks]


@pytest.mark.parametrize("indent", [True, False])
@pytest.mark.parametrize(("header", "numbers"), [("某某工作简报", "- {n} -"), (None, "第 {n} 页"), ("组工信息", None)])
def test_a_typeset_report_gives_its_blocks_exactly(indent, header, numbers):
    data = typeset_pdf(REPORT, header=header, numbers=numbers, indent=indent)
    edition, blocks = clean(data)
    assert blocks == [(item.kind, item.text) for item in REPORT]
    omitted = {(o.rule, o.text) for o in edition.omissions}
    assert ("pdf-running-head", header) in omitted if header else True
    assert all(rule in ("pdf-running-head", "page-number") for rule, _ in omitted)
    assert edition.source.layout == "pdf-layout"


def test_a_paragraph_broken_by_a_page_is_one_block_with_both_pages():
    edition, blocks = clean(typeset_pdf([Item("title", "某镇推进改造"), Item("paragraph", LONG * 30)]))
    assert blocks == [("title", "某镇推进改造"), ("paragraph", LONG * 30)]
    paragraph = edition.reports[0].blocks[1]
    assert paragraph.pages == (1, 2)
    inside = [o for o in edition.omissions if paragraph.lines[0] < o.lines[0] < paragraph.lines[1]]
    assert {o.rule for o in inside} == {"pdf-running-head", "page-number"}  # the page's margins, left out


def test_a_report_without_larger_lines_takes_its_first_line_as_title_with_a_doubt():
    items = [Item("paragraph", "某镇推进改造"), Item("paragraph", LONG)]
    edition, blocks = clean(typeset_pdf(items, indent=False))
    assert blocks[0] == ("title", "某镇推进改造")
    assert any("first line is taken as the title" in d.message for d in edition.doubts)


def test_a_bulletins_masthead_set_largest_is_paratext_not_the_title():
    items = [Item("masthead", "党建工作简报"), Item("paragraph", "第 12 期"), Item("title", "某镇推进改造"),
             Item("paragraph", LONG)]
    edition, blocks = clean(typeset_pdf(items))
    assert blocks == [("title", "某镇推进改造"), ("paragraph", LONG)]
    assert [(p.kind, p.zh) for p in edition.paratext] == [("masthead", "党建工作简报\n第12期")]  # N3: the extraction's spaces


def test_distribution_list_and_colophon_are_paratext():
    items = [Item("title", "某镇推进改造"), Item("paragraph", LONG),
             Item("paragraph", "送：各县（市、区）委组织部"), Item("paragraph", "某市委组织部办公室 2023年5月6日印发")]
    edition, blocks = clean(typeset_pdf(items, indent=False))
    assert blocks == [("title", "某镇推进改造"), ("paragraph", LONG)]
    assert [p.kind for p in edition.paratext] == ["distribution", "colophon"]


def test_no_character_of_the_text_layer_is_lost():
    edition, _ = clean(typeset_pdf(REPORT))
    kept = [b.zh for r in edition.reports for b in r.blocks] + [p.zh for p in edition.paratext]
    kept += [o.text for o in edition.omissions]
    assert sorted("".join("".join(kept).split())) == sorted("".join(edition.source.text.split()))
