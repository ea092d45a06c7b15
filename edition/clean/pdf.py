"""Segment a PDF text extraction: rejoin hard-wrapped lines into paragraphs.

The evidence used, line by line (never per-file line numbers; the rules and their names are on
the Editorial method page):

* page furniture (page numbers, running headers and footers, circulation marks) is found first by
  :mod:`edition.clean.furniture` and is transparent: it and the empty lines around it are left out
  as if the page had not broken there, so nothing of it is ever joined into a paragraph;
* a *gap* (a line holding only spaces, or a run of empty lines longer than the layout's usual run)
  ends whatever was open;
* a paragraph ends where a line ends a sentence *and* either that line is short of the page's
  full width, or the next line is indented, or the next line is narrower than the line after it
  by the indent it lost, or the next line opens with an enumerator (一是, 二、, （三）…) and is
  itself short by the lost indent;
* a line that opens with punctuation no line of Chinese may open with (closing quotes and
  brackets, comma, full stop …) continues the paragraph before it;
* a short line that does not end a sentence, after a finished paragraph or a gap, is a
  headline; consecutive headline lines are one wrapped headline; a block of a heading's size that
  stops mid-sentence where a paragraph plainly starts is a heading too wide to be told by width;
* a photo credit (…供图, …/图) ends a caption; one short sentence alone after a gap is one too;
* paratext (masthead with its issue number and issuing office, contents, distribution list,
  colophon) and closing bylines are recognised by the rules in :mod:`edition.clean.paratext`.

The headline groups that open a report (at the start, or after a byline closed the previous one)
are its kicker, title and subtitle; any later one is a heading. Where the layout leaves a decision
in doubt, a :class:`~edition.model.Doubt` says what was decided.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from edition.clean import paratext as para
from edition.clean.furniture import find_furniture, page_break
from edition.clean.layout import typical_line_width
from edition.clean.normalise import join_headline, join_wrapped, normalise
from edition.clean.text import (
    CONTINUING,
    LINE_CONTINUING,
    display_width,
    ends_sentence,
    leading_indent,
    starts_with_enumerator,
)
from edition.model import Block, Doubt, Paratext, Piece

_HEADLINE_MAX_SHARE = 0.8  # a headline line is at most this share of the page width
_SHORT_BY = 4  # columns short of the full width that mark a paragraph's last line
_INDENT = 2  # leading columns that count as an indent
_HEADING_LINES = 2  # a heading is at most this many lines …
_HEADING_CHARS = 40  # … and characters
_CAPTION_CHARS = 100
_INDENTED_LINES = 3  # lines indented by two columns or more that show a layout indenting its paragraphs
_CAPTION_WIDTH = 120  # columns: a caption without its credit is one sentence, at most 60 characters
PARATEXT_KINDS = ("masthead", "contents", "distribution", "colophon")


@dataclass
class _Line:
    number: int
    raw: str
    text: str  # stripped and normalised (N1, N3, N4)
    width: int  # display width of the raw line, leading spaces included
    indent: int
    next_width: int | None = None  # width of the next text line, if no gap comes between
    next_indent: int | None = None  # and its indent
    next_text: str = ""  # and its text


@dataclass
class _Group:
    kind: str  # "body", "headline", "byline" or a paratext kind
    lines: list[_Line] = field(default_factory=list)
    after_gap: bool = False  # a gap (or the start) comes right before it

    @property
    def last(self) -> _Line:
        return self.lines[-1]


def segment_pdf(raw_lines: list[str], doubts: list[Doubt] | None = None) -> list[Piece]:
    """The pieces of a PDF extraction. Where the layout leaves a decision in doubt, what was decided is
    added to ``doubts`` (the build reports them as warnings)."""
    doubts = [] if doubts is None else doubts
    furniture = find_furniture(raw_lines, doubts)
    skip = {o.lines[0] for o in furniture}
    full = typical_line_width([raw for n, raw in enumerate(raw_lines, start=1) if n not in skip])
    items = _items(raw_lines, skip)
    indented = sum(item is not None and item.indent >= _INDENT for item in items) >= _INDENTED_LINES
    groups = _group(items, full, doubts, indented=indented)
    return sorted([*_pieces(groups), *furniture], key=lambda piece: piece.lines[0])


def _items(raw_lines: list[str], skip: set[int]) -> list[_Line | None]:
    """Text lines, with None for each gap.

    A gap is a line holding only spaces, or a run of empty lines longer than the layout's usual
    run between two lines (none, or one where every line is followed by an empty one). Page
    furniture (``skip``) and a form feed are transparent: they and the empty lines around them are
    left out as if the page had not broken there."""
    usual = _usual_empty_run(raw_lines, skip)
    items: list[_Line | None] = []
    empty_run, spaces, page_broke = 0, False, False
    for number, raw in enumerate(raw_lines, start=1):
        if number in skip or (page_break(raw) and not raw.strip()):
            empty_run, spaces, page_broke = 0, False, True
            continue
        if not raw.strip():
            if not page_broke:
                empty_run += not raw
                spaces = spaces or bool(raw)
            continue
        if items and (spaces or empty_run > usual):
            items.append(None)
        empty_run, spaces, page_broke = 0, False, False
        text = normalise(raw.strip(), pdf=True)
        items.append(_Line(number, raw, text, display_width(raw.rstrip()), leading_indent(raw)))
    for current, following in itertools.pairwise(items):
        if current is not None and following is not None:
            current.next_width, current.next_indent = following.width, following.indent
            current.next_text = following.text
    return items


def _usual_empty_run(raw_lines: list[str], skip: set[int]) -> int:
    """The most common number of empty lines between two text lines (the smaller one on a tie)."""
    runs: Counter[int] = Counter()
    run = None
    for number, raw in enumerate(raw_lines, start=1):
        if number in skip:
            run = None
        elif not raw:
            run = None if run is None else run + 1
        elif raw.strip():
            if run is not None:
                runs[run] += 1
            run = 0
        else:
            run = None
    return min(runs, key=lambda r: (-runs[r], r)) if runs else 0


def _group(items: list[_Line | None], full: int, doubts: list[Doubt], *, indented: bool) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    first_text_line = True
    in_contents = in_masthead = False
    after_gap = True
    opening = True  # no paragraph yet in this report: its headline may still come
    for item in items:
        if item is None:
            current, after_gap = None, True
            continue
        if current is not None and current.kind == "body" and item.text[0] in LINE_CONTINUING:
            current.lines.append(item)  # a wrapped line never opens with a closer or a comma
            continue
        kind = _classify(item, full, first_line=first_text_line, in_contents=in_contents, in_masthead=in_masthead,
                         opening=opening)
        first_text_line = False
        in_contents = kind == "contents"
        in_masthead = kind == "masthead"
        if kind == "headline" and current is not None and current.kind == "body" and _group_open(current):
            kind = "body"  # a short line finishing a sentence that is still open
        if current is not None and current.kind == "headline" and _completes_credit(current, item):
            kind = current.kind = "body"  # what looked like a headline was a caption's first line
        if current is not None and _continues(current, kind, item, full, doubts, indented=indented):
            current.lines.append(item)
        else:
            current = _Group(kind, [item], after_gap=after_gap)
            groups.append(current)
        after_gap = False
        if kind == "body" and not para.note(current.lines[0].text) and ends_sentence(item.text):
            opening = False
        elif kind == "byline":
            opening = True
    return groups


def _classify(line: _Line, full: int, *, first_line: bool, in_contents: bool, in_masthead: bool,
              opening: bool) -> str:
    text = line.text
    if para.masthead(text, first_line=first_line) or (in_masthead and para.masthead_more(text)) or (
            first_line and para.issue_line(line.next_text) and not para.issue_line(text)) or (
            first_line and para.masthead_above(text, line.next_text)):
        return "masthead"  # (a first line above an issue number is a serial's name, whatever its words)
    if para.contents_head(text) or (in_contents and para.contents_item(text)):
        return "contents"
    if para.distribution(text):
        return "distribution"
    if para.colophon(text):
        return "colophon"
    if para.byline(text):
        return "byline"
    if _headline_like(line, full, opening=opening) and not _indented_first_line(line, full):
        return "headline"
    return "body"


def _headline_like(line: _Line, full: int, *, opening: bool) -> bool:
    """A short line that is no sentence (as wide as it stood on the page). A heading holds no comma
    and may end with a dash (背景——); the title's lines, at the top of a report, may hold commas and
    end with one where the headline was broken."""
    text = line.text
    return (
        not _closed(text)
        and "。" not in text
        and (opening or "，" not in text)
        and (text[-1] not in CONTINUING + "—" or text.endswith("——") or (opening and text[-1] in "，、"))
        and line.width - line.indent <= full * _HEADLINE_MAX_SHARE
        and not para.note(text)
    )


def _closed(text: str) -> bool:
    """The text ends a sentence, or a photo caption's credit (…供图, …/图)."""
    return ends_sentence(text) or para.photo_credit(text)


def _group_open(group: _Group) -> bool:
    """The group's text so far stops mid-sentence (a last line of only ” ends what the line before ended)."""
    tail = "".join(line.text for line in group.lines[-2:])
    return not _closed(tail)


def _continues(group: _Group, kind: str, line: _Line, full: int, doubts: list[Doubt], *, indented: bool) -> bool:
    """Whether the line goes on the group. ``indented``: the layout indents its paragraphs, so a
    paragraph that is not indented cannot begin."""
    if kind != group.kind:
        return False
    previous = group.last
    if kind == "headline":
        # A wrapped headline goes on, but a numbered line opens another, a dash (背景——) ends one,
        # and a line that plainly starts a paragraph is none.
        indented = line.indent >= _INDENT > previous.indent  # (a centred headline's lines all are)
        return not (starts_with_enumerator(line.text) or previous.text.endswith("——") or indented
                    or _lost_indent_before_full_line(line, full))
    if kind in ("masthead", "contents", "distribution"):
        return True
    if kind != "body" or para.photo_credit(join_wrapped([line.text for line in group.lines[-2:]])):
        return False  # (a credit ends its caption)
    if _completes_credit(group, line):
        return True  # a caption's credit wrapped onto the next line (…福州新闻/ 图)
    line_indented = line.indent >= _INDENT
    lost_indent = _lost_indent(line, full)
    if _group_open(group):
        # Still mid-sentence; but a block of a heading's size before a line that plainly starts a
        # paragraph was a heading (a wide one, or one ending in a dash, that was not recognised by its
        # width) — unless it is itself the first line of a paragraph.
        starts = line_indented or (_lost_indent_before_full_line(line, full) and not _lost_indent(previous, full)
                                   and group.lines[0].indent < _INDENT)
        wrapped_heading_ends = len(group.lines) == 1 or previous.width < full - _SHORT_BY  # (its last line is short)
        return not (_heading_sized(group) and starts and wrapped_heading_ends)
    # A paragraph's first line is short by its lost indent, so only a shorter one proves it ended there.
    short = previous.width < full - (2 * _SHORT_BY if len(group.lines) == 1 else _SHORT_BY)
    enumerated = starts_with_enumerator(line.text) and line.width <= full - _SHORT_BY + 1
    if enumerated and not (short or line_indented or lost_indent) and not indented:
        doubts.append(Doubt((previous.number, line.number), "a full line ends a sentence and the next opens with "
                            "a numbered point: read as a new paragraph; it may go on the same one"))
    elif not (short or line_indented or enumerated or lost_indent) and not indented and _closed(line.text) \
            and line.width < full - _SHORT_BY:
        doubts.append(Doubt((previous.number, line.number), "a full line ends a sentence and the next, short, "
                            "ends one too: read as the last line of the paragraph; it may be a paragraph of one line"))
    return not (short or line_indented or enumerated or lost_indent)


def _completes_credit(group: _Group, line: _Line) -> bool:
    """The line ends a photo credit that the group's last line began."""
    return para.photo_credit(join_wrapped([group.last.text, line.text])) and not _closed(group.last.text)


def _lost_indent(line: _Line, full: int) -> bool:
    """The first line of a paragraph is narrower than the line after it by the indent it lost.
    (A line that ends a sentence only counts if it is nearly full, not the short last line of a paragraph.)"""
    return (
        line.next_width is not None
        and line.next_width - line.width >= _SHORT_BY - 1
        and (not _closed(line.text) or line.width >= full - 2 * _SHORT_BY)
        and not para.photo_credit(line.text)  # (a caption's last line)
    )


def _indented_first_line(line: _Line, full: int) -> bool:
    """An indented line above a full line that is not: a paragraph's first line, however short its text."""
    return (line.indent >= _INDENT and line.next_indent is not None and line.next_indent < _INDENT
            and line.next_width is not None and line.next_width >= full - _SHORT_BY + 1)


def _lost_indent_before_full_line(line: _Line, full: int) -> bool:
    """The line is plainly a paragraph's first line: it lost its indent, and the line after it is full."""
    return _lost_indent(line, full) and line.next_width is not None and line.next_width >= full - _SHORT_BY + 1


def _heading_sized(group: _Group) -> bool:
    """A heading is one or two short lines, with no comma or full stop inside (a paragraph's first
    line has the same width, but a sentence's commas)."""
    text = "".join(line.text for line in group.lines)
    return len(group.lines) <= _HEADING_LINES and len(text) <= _HEADING_CHARS and not any(c in text for c in "，。；")


def _pieces(groups: list[_Group]) -> list[Piece]:
    """Blocks and paratext from the groups. The headline groups that open a report (before its first
    paragraph) are its kicker, title and subtitle: the widest is the title."""
    pieces: list[Piece] = []
    headline: list[_Group] = []  # the opening headline groups, not yet given their kinds
    report_open = False  # a report has started and not yet been closed by a byline
    for group in groups:
        if _is_headline(group):
            if report_open:
                pieces.append(Block("heading", _headline_text(group), _span(group), level=2, rule=_heading_rule(group)))
            else:
                headline.append(group)
            continue
        if headline and group.kind not in PARATEXT_KINDS:
            pieces.extend(_headline_blocks(headline))
            headline, report_open = [], True
        if group.kind == "body":
            previous = pieces[-1] if pieces else None
            after_text = isinstance(previous, Block) and previous.kind in ("paragraph", "caption")
            pieces.extend(_body_blocks(group, after_text=after_text))
        elif group.kind == "byline":
            pieces.append(Block("byline", group.lines[0].text, _span(group), rule="byline"))
            report_open = False
        else:
            lines = [normalise(part, pdf=True) for line in group.lines for part in para.fields(line.raw)]
            pieces.append(Paratext(group.kind, "\n".join(lines), _span(group), rule=group.kind))
    pieces.extend(_headline_blocks(headline))
    return pieces


def _span(group: _Group) -> tuple[int, int]:
    return group.lines[0].number, group.last.number


def _is_headline(group: _Group) -> bool:
    """A headline group, or a block of a heading's size that is no sentence (too wide to be told by its width)."""
    if group.kind == "headline":
        return True
    text = "".join(line.text for line in group.lines)
    return group.kind == "body" and _heading_sized(group) and not _closed(text) and text[-1] not in "，、；：:,;" \
        and not para.note(text)


def _headline_text(group: _Group) -> str:
    texts = [line.text for line in group.lines]
    return join_headline(texts) if group.kind == "headline" else normalise(join_wrapped(texts), pdf=True)


def _headline_blocks(groups: list[_Group]) -> list[Block]:
    """Kicker, title and subtitle: the widest group is the title. A numbered group, or one ending in a
    dash, is a section heading that follows the headline without a paragraph between."""
    if not groups:
        return []
    texts = [_headline_text(g) for g in groups]
    cut = next((i for i, t in enumerate(texts) if i > 0 and (starts_with_enumerator(t) or t.endswith("——"))),
               len(texts))
    main = max(range(cut), key=lambda i: (display_width(texts[i]), -i))
    kinds = ["kicker"] * main + ["title"] + ["subtitle"] * (cut - main - 1) + ["heading"] * (len(texts) - cut)
    return [Block(kind, text, _span(g), level=2 if kind == "heading" else None,
                  rule=_heading_rule(g) if kind == "heading" else "pdf-headline")
            for kind, text, g in zip(kinds, texts, groups, strict=True)]


def _heading_rule(group: _Group) -> str:
    return "pdf-heading" if group.kind == "headline" else "pdf-heading-before-paragraph"


def _body_blocks(group: _Group, *, after_text: bool) -> list[Block]:
    """A paragraph, an editor's note or a photo caption. A caption is told by its credit (…供图): it is
    the lines, after a sentence has ended at a line's end, that hold at most one sentence and the
    credit. One short sentence standing alone after a gap (where the photo was), below a paragraph or
    another caption, is a caption too."""
    texts = [line.text for line in group.lines]
    text = normalise(join_wrapped(texts), pdf=True)
    if para.note(text):
        return [Block("note", text, _span(group), rule="note")]
    if para.photo_credit(text):
        start = next((i for i in range(len(texts)) if _caption_shaped(texts[i:]) and
                      (i == 0 or ends_sentence(texts[i - 1]))), None)
        if start == 0:
            return [Block("caption", text, _span(group), rule="pdf-caption-credit")]
        if start is not None:
            head, tail = group.lines[:start], group.lines[start:]
            return [Block("paragraph", normalise(join_wrapped(texts[:start]), pdf=True),
                          (head[0].number, head[-1].number), rule="pdf-paragraph"),
                    Block("caption", normalise(join_wrapped(texts[start:]), pdf=True),
                          (tail[0].number, tail[-1].number), rule="pdf-caption-credit")]
    elif group.after_gap and after_text and _single_short_sentence(text):
        return [Block("caption", text, _span(group), rule="pdf-caption-after-gap")]
    return [Block("paragraph", text, _span(group), rule="pdf-paragraph")]


def _caption_shaped(texts: list[str]) -> bool:
    text = join_wrapped(texts)
    return sum(text.count(mark) for mark in "。！？") <= 1 and len(text) <= _CAPTION_CHARS


def _single_short_sentence(text: str) -> bool:
    return text.count("。") == 1 and text.endswith("。") and display_width(text) <= _CAPTION_WIDTH
