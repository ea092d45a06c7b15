"""Segment a PDF text extraction: rejoin hard-wrapped lines into paragraphs.

The evidence used, line by line (never per-file line numbers):

* a *gap* (a line holding only spaces, or three or more empty lines) ends whatever was open;
* a paragraph ends where a line ends a sentence *and* either that line is short of the page's
  full width, or the next line is indented, or the next line is narrower than the line after it
  by the indent it lost, or the next line opens with an enumerator (一是, 二、, （三）…) and is
  itself short by the lost indent;
* a line that opens with punctuation no line of Chinese may open with (closing quotes and
  brackets, comma, full stop …) continues the paragraph before it;
* a short line that does not end a sentence, after a finished paragraph or a gap, is a
  headline; consecutive headline lines are one wrapped headline;
* paratext (masthead with its issue number and issuing office, contents, distribution list,
  colophon) and closing bylines are recognised by the rules in :mod:`edition.clean.paratext`.

A headline that opens a report (at the start, or after a byline closed the previous one) is a
title; any other is a heading.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from edition.clean import paratext as para
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
from edition.model import Block, Paratext, Piece

_HEADLINE_MAX_SHARE = 0.8  # a headline line is at most this share of the page width
_SHORT_BY = 4  # columns short of the full width that mark a paragraph's last line
_INDENT = 2  # leading columns that count as an indent


@dataclass
class _Line:
    number: int
    raw: str
    text: str  # stripped and normalised (N1, N3, N4)
    width: int  # display width of the raw line, leading spaces included
    indent: int
    next_width: int | None = None  # width of the next text line, if no gap comes between


@dataclass
class _Group:
    kind: str  # "body", "headline", "byline" or a paratext kind
    lines: list[_Line] = field(default_factory=list)

    @property
    def last(self) -> _Line:
        return self.lines[-1]


def segment_pdf(raw_lines: list[str]) -> list[Piece]:
    full = typical_line_width(raw_lines)
    groups = _group(_items(raw_lines), full)
    return _pieces(groups)


def _items(raw_lines: list[str]) -> list[_Line | None]:
    """Text lines, with None for each gap."""
    items: list[_Line | None] = []
    empty_run = 0
    for number, raw in enumerate(raw_lines, start=1):
        if not raw:
            empty_run += 1
            if empty_run == 3:
                items.append(None)
            continue
        empty_run = 0
        if not raw.strip():
            items.append(None)
            continue
        text = normalise(raw.strip(), pdf=True)
        items.append(_Line(number, raw, text, display_width(raw.rstrip()), leading_indent(raw)))
    for current, following in itertools.pairwise(items):
        if current is not None and following is not None:
            current.next_width = following.width
    return items


def _group(items: list[_Line | None], full: int) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    first_text_line = True
    in_contents = in_masthead = False
    for item in items:
        if item is None:
            current = None
            continue
        if current is not None and current.kind == "body" and item.text[0] in LINE_CONTINUING:
            current.lines.append(item)  # a wrapped line never opens with a closer or a comma
            continue
        kind = _classify(item, full, first_line=first_text_line, in_contents=in_contents, in_masthead=in_masthead)
        first_text_line = False
        in_contents = kind == "contents"
        in_masthead = kind == "masthead"
        if kind == "headline" and current is not None and current.kind == "body" and _group_open(current):
            kind = "body"  # a short line finishing a sentence that is still open
        if current is not None and _continues(current, kind, item, full):
            current.lines.append(item)
            continue
        current = _Group(kind, [item])
        groups.append(current)
    return groups


def _classify(line: _Line, full: int, *, first_line: bool, in_contents: bool, in_masthead: bool) -> str:
    text = line.text
    if para.masthead(text, first_line=first_line) or (in_masthead and para.masthead_more(text)):
        return "masthead"
    if para.contents_head(text) or (in_contents and para.contents_item(text)):
        return "contents"
    if para.distribution(text):
        return "distribution"
    if para.colophon(text):
        return "colophon"
    if para.byline(text):
        return "byline"
    if _headline_like(line, full):
        return "headline"
    return "body"


def _headline_like(line: _Line, full: int) -> bool:
    text = line.text
    return (
        not ends_sentence(text)
        and text[-1] not in CONTINUING + "—"
        and display_width(text) <= full * _HEADLINE_MAX_SHARE
        and not para.note(text)
    )


def _open(line: _Line) -> bool:
    """The line stops mid-sentence, so the paragraph must go on."""
    return not ends_sentence(line.text)


def _group_open(group: _Group) -> bool:
    """The group's text so far stops mid-sentence (a last line of only ” ends what the line before ended)."""
    tail = "".join(line.text for line in group.lines[-2:])
    return not ends_sentence(tail)


def _continues(group: _Group, kind: str, line: _Line, full: int) -> bool:
    if kind != group.kind:
        return False
    if kind in ("headline", "masthead", "contents", "distribution"):
        return True
    if kind != "body":
        return False
    previous = group.last
    if _group_open(group):
        return True
    # A paragraph's first line is short by its lost indent, so only a shorter one proves it ended there.
    short = previous.width < full - (2 * _SHORT_BY if len(group.lines) == 1 else _SHORT_BY)
    indented = line.indent >= _INDENT
    enumerated = starts_with_enumerator(line.text) and line.width <= full - _SHORT_BY + 1
    # The first line of a paragraph is narrower than the line after it by the indent it lost.
    # (A line that ends a sentence only counts if it is nearly full, not the short last line of a paragraph.)
    lost_indent = (
        line.next_width is not None
        and line.next_width - line.width >= _SHORT_BY - 1
        and (_open(line) or line.width >= full - 2 * _SHORT_BY)
    )
    return not (short or indented or enumerated or lost_indent)


def _pieces(groups: list[_Group]) -> list[Piece]:
    pieces: list[Piece] = []
    report_open = False  # a report has started and not yet been closed by a byline
    for group in groups:
        span = (group.lines[0].number, group.last.number)
        texts = [line.text for line in group.lines]
        if group.kind == "headline":
            kind = "heading" if report_open else "title"
            pieces.append(Block(kind, join_headline(texts), span, level=2 if kind == "heading" else None))
            report_open = True
        elif group.kind == "body":
            text = normalise(join_wrapped(texts), pdf=True)
            pieces.append(Block("note" if para.note(text) else "paragraph", text, span))
        elif group.kind == "byline":
            pieces.append(Block("byline", texts[0], span))
            report_open = False
        else:
            lines = [normalise(part, pdf=True) for line in group.lines for part in para.fields(line.raw)]
            pieces.append(Paratext(group.kind, "\n".join(lines), span))
    return pieces
