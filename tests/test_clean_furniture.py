"""Page furniture of PDF extractions: page numbers by shape and sequence, running headers and footers by
repetition at the page breaks, removed before lines are joined."""

from __future__ import annotations

import pytest

from edition.clean.furniture import find_furniture, page_number
from edition.clean.pdf import segment_pdf
from edition.model import Block, Doubt, Omission


@pytest.mark.parametrize(
    ("line", "number"),
    [("— 2 —", 2), ("- 2 -", 2), ("第2页", 2), ("2/7", 2), ("2", 2), ("   12  ", 12), ("·3·", 3), ("－4－", 4),
     ("第 2 页 共 7 页", 2), ("共7页 第3页", 3), ("Page 2 of 7", 2), ("2 / 7", 2), ("～5～", 5), ("- 2/7 -", 2),
     ("（2）", 2), ("(12)", 12)],
)
def test_page_numbers_by_shape(line, number):
    assert page_number(line) == number


@pytest.mark.parametrize("line", ["9/7", "2023", "第一章", "1.", "一、", "（二）", "（2）做法", "共有2户", "2023年5月", "第2页第"])
def test_what_is_no_page_number(line):
    assert page_number(line) is None


def paged(pages: list[list[str]], header: str | None = "长沙晚报", style: str = "- {n} -") -> list[str]:
    """A Word export: the header on top of every page, the page number at the foot, no blank lines."""
    lines: list[str] = []
    for n, page in enumerate(pages, start=1):
        if header:
            lines.append(header)
        lines += page
        lines.append(style.format(n=n))
    return lines


PAGE_1 = [
    "柯城区党员干部带头推进农房整治",
    "",
    "\u3000\u3000柯城区以农房整治为契机，通过发挥党员干部带头宣传、带头公示等作用，带动",
    "群众主动拆、自觉拆。截至目前，全区党员干部已主动拆除299宗，带动全区拆违5022宗，党",
]
PAGE_2 = [
    "员干部违建线索全部核查完毕。",
    "\u3000\u3000一是带头宣传广发动。组织全区机关干部、乡镇街道、村两委，党员、村民代表等",
    "围绕如何推进农房整治开展讨论1000余次，建立健全区领导联乡包干拆的工作机制。",
]


def test_page_numbers_and_running_headers_are_omitted_before_lines_are_joined():
    lines = paged([PAGE_1, PAGE_2])
    pieces = segment_pdf(lines)
    omitted = {p.lines[0]: p.rule for p in pieces if isinstance(p, Omission)}
    assert omitted == {1: "running-head", 6: "page-number", 7: "running-head", 11: "page-number"}
    blocks = [(p.kind, p.zh) for p in pieces if isinstance(p, Block)]
    assert blocks[0] == ("title", "柯城区党员干部带头推进农房整治")  # under the first page's header
    assert blocks[1][1].endswith("党员干部违建线索全部核查完毕。")  # the paragraph runs on across the page break
    assert "长沙晚报" not in blocks[1][1] and "-" not in blocks[1][1]
    assert len(blocks) == 3


def test_a_header_printed_on_one_page_only_inside_a_sentence_is_omitted_without_doubt():
    lines = paged([PAGE_1, PAGE_2])
    del lines[0]  # a different first page: no header there
    doubts: list[Doubt] = []
    pieces = segment_pdf(lines, doubts)
    assert {p.lines[0]: p.rule for p in pieces if isinstance(p, Omission)} == {
        5: "page-number", 6: "running-head", 10: "page-number"}
    assert doubts == []


def test_a_lone_line_at_a_page_break_between_two_blocks_is_a_doubt():
    page_1 = [*PAGE_1[:-1], "群众主动拆、自觉拆。截至目前，全区党员干部已主动拆除299宗。"]
    lines = paged([page_1, PAGE_2[1:]])
    del lines[0]
    doubts: list[Doubt] = []
    find_furniture(lines, doubts)
    assert [d.lines for d in doubts] == [(6, 6)] and "heading" in doubts[0].message


def test_page_numbers_must_increase():
    lines = ["3", "正文第一行，写满一整行的文字，没有结束的句子，继续写下去", "2"]
    assert [o.lines[0] for o in find_furniture(lines)] == [1]


def test_repeated_captions_are_no_running_header():
    """The same credit under several photos repeats, but it is text, not furniture."""
    lines = (["这一段文字足够长，占满了一整行的宽度，继续写下去直到行末为止，再继续。"] * 14 + ["台江区城投集团供图"]) * 4
    assert find_furniture(lines) == []


def test_page_numbers_in_round_brackets_find_the_running_headers_too():
    """（2） is a page number like [2]; with it, the footer beside every page number is found by repetition."""
    pages = [PAGE_1, PAGE_2, ["\u3000\u3000二是带头公示受监督。建立两台一榜机制，通过媒体设置拆违点赞榜。"]]
    lines: list[str] = []
    for n, page in enumerate(pages, start=1):
        lines += [*page, "打印日期：2023年05月12日", f"（{n}）"]
    rules = {o.lines[0]: o.rule for o in find_furniture(lines)}
    assert sorted(rules.values()) == ["page-number"] * 3 + ["running-head"] * 3
    paragraphs = [p.zh for p in segment_pdf(lines) if isinstance(p, Block) and p.kind == "paragraph"]
    assert not any("打印日期" in p or "（" in p[:1] for p in paragraphs)
