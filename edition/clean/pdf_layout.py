"""Segment a PDF by its layout: what the page says of every line (edition.read.pdf), not only its text.

A text extraction loses where a line stood and how it was set; the PDF keeps both, and this is the
evidence used (never a file's line numbers):

* **page furniture** by position: a line in the top or bottom margin band of its page (the top or
  bottom ``BAND`` of the page's height) that repeats on other pages in the same band (digits aside),
  or has the shape of a page number (edition.clean.furniture), or, in a document of one page, is set
  smaller than the body text, is a running header, footer or page number (``pdf-running-head``,
  ``page-number``), left out before any line is joined to another;
* the **body size** is the size most of the text is set in; the **title** is the first run of lines
  on the first page set clearly larger (``LARGER``) than the body, or bold when the body is not; a
  run of such lines just above it set in another size is a kicker, one just below it a subtitle
  (``pdf-title``, ``pdf-kicker``, ``pdf-subtitle``);
* a later line set larger or bold that is no sentence is a **heading** (wrapped headings stay one);
  a line set smaller than the body after the title, and no longer than a caption, is a **caption**
  (``pdf-heading``, ``pdf-caption``);
* a **paragraph** starts at a line indented from the page's left edge of the text, or after a
  vertical gap wider than the usual line spacing (``GAP``), or after a line that ends a sentence
  well short of the right edge; any other line continues the paragraph before it, across a page
  break too (``pdf-paragraph``); lines are joined by N2, and N3 drops the extraction's spaces;
* paratext (masthead, contents, distribution list, colophon), editor's notes and closing bylines
  are recognised by their rules (edition.clean.paratext), as in a text extraction.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from edition.clean import paratext as para
from edition.clean.furniture import page_number
from edition.clean.normalise import join_headline, join_wrapped, normalise
from edition.clean.text import display_width, ends_sentence
from edition.model import Block, Doubt, LineHint, Omission, Paratext, Piece, Source

BAND = 0.085  # share of the page's height at its top and bottom where running heads and page numbers stand
LARGER = 1.15  # a title or heading is set at least this many times the body size
SMALLER = 0.92  # a caption is set at most this many times the body size
GAP = 1.25  # a vertical gap this many times the usual line spacing ends a paragraph
INDENT = 0.012  # of the page's width: a line this much further right than the text's left edge is indented
SHORT = 1.0  # characters: a finished sentence ending this much short of the right edge ends its paragraph
WRAP_SLACK = 1.2  # characters: a wrapped line stops short of the right edge by less than this
CAPTION_MAX_WIDTH = 120  # columns: a caption is one or two short sentences
_HEAD_SEARCH = 40  # lines of the first page in which the head (kicker, title, subtitle) is looked for
_DIGITS = re.compile(r"\d+")


@dataclass
class _Line:
    number: int
    raw: str
    text: str  # stripped and normalised (N1, N3, N4)
    hint: LineHint


def segment_pdf_layout(source: Source, doubts: list[Doubt] | None = None) -> list[Piece]:
    doubts = doubts if doubts is not None else []
    lines = [_Line(n, raw, normalise(raw.strip(), pdf=True), source.hints.get(n, LineHint()))
             for n, raw in enumerate(source.lines, start=1) if raw.strip()]
    furniture = _furniture(lines)
    pieces: list[Piece] = [Omission(line.raw, (line.number, line.number), *furniture[line.number])
                           for line in lines if line.number in furniture]
    body = [line for line in lines if line.number not in furniture]
    if not body:
        return pieces
    size = Counter(round(line.hint.size or 0, 1) for line in body for _ in line.text).most_common(1)[0][0]
    bold_body = sum(line.hint.bold for line in body) > len(body) / 2
    # The text's edges: where most lines start and end (a closing quote may hang past the right edge).
    left = Counter(round(line.hint.left or 0, 3) for line in body).most_common(1)[0][0]
    right = Counter(round(line.hint.right or 1, 3) for line in body).most_common(1)[0][0]
    pieces += _body(body, size, bold_body, left, right, doubts)
    pieces.sort(key=lambda piece: piece.lines[0])
    return pieces


def _furniture(lines: list[_Line]) -> dict[int, tuple[str, str]]:
    """line number -> (rule, reason) of every line of page furniture."""
    pages = {line.hint.page for line in lines}
    banded = [line for line in lines if _in_band(line.hint)]
    keys = defaultdict(set)
    for line in banded:
        keys[(_band(line.hint), _DIGITS.sub("#", line.text))].add(line.hint.page)
    sizes = Counter(round(line.hint.size or 0, 1) for line in lines for _ in line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0
    found: dict[int, tuple[str, str]] = {}
    for line in banded:
        if page_number(line.text) is not None:
            found[line.number] = ("page-number", "page number (in the page's margin)")
        elif len(keys[(_band(line.hint), _DIGITS.sub("#", line.text))]) >= 2 and not ends_sentence(line.text):
            found[line.number] = ("pdf-running-head", "running header or footer (in the page's margin, on every page)")
        elif len(pages) == 1 and (line.hint.size or 0) < body_size * SMALLER and not ends_sentence(line.text):
            found[line.number] = ("pdf-running-head", "running header or footer (in the page's margin, set small)")
    return found


def _in_band(hint: LineHint) -> bool:
    return (hint.top is not None and hint.top < BAND) or (hint.bottom is not None and hint.bottom > 1 - BAND)


def _band(hint: LineHint) -> str:
    return "top" if hint.top is not None and hint.top < BAND else "bottom"


def _body(body: list[_Line], size: float, bold_body: bool, left: float, right: float,
          doubts: list[Doubt]) -> list[Piece]:
    spacing = _line_spacing(body)

    def larger(line: _Line) -> bool:
        return (line.hint.size or 0) >= size * LARGER or (line.hint.bold and not bold_body)

    pieces: list[Piece] = []
    index = 0
    end = para.masthead_length([line.text for line in body[:8]])  # a bulletin's name, issue, office and date
    if end:
        pieces.append(_piece("masthead", body[:end]))
        index = end
    # Lines above the head (an editor's note printed before the title) are read as paragraphs.
    head = next((i for i in range(index, min(len(body), index + _HEAD_SEARCH))
                 if body[i].hint.page == body[0].hint.page and larger(body[i]) and not ends_sentence(body[i].text)),
                None)
    prelude = body[index:head] if head is not None else []
    index = head if head is not None else index
    runs: list[list[_Line]] = []  # the head: runs of large lines at the top of the first page
    while index < len(body) and body[index].hint.page == body[0].hint.page and larger(body[index]) \
            and not ends_sentence(body[index].text):
        if runs and _same_run(runs[-1][-1], body[index]):
            runs[-1].append(body[index])
        else:
            runs.append([body[index]])
        index += 1
    if runs:
        main = max(range(len(runs)), key=lambda k: (max(line.hint.size or 0 for line in runs[k]),
                                                     sum(len(line.text) for line in runs[k])))
        for k, run in enumerate(runs):
            pieces.append(_piece("kicker" if k < main else "title" if k == main else "subtitle", run, right))
    current: list[_Line] = []
    kind: str | None = None
    order = [*prelude, *body[index:]]

    def flush() -> None:
        nonlocal current, kind
        if current:
            pieces.append(_piece(kind or "paragraph", current, right))
        current, kind = [], None

    for position, line in enumerate(order):
        previous = order[position - 1] if position else None
        if position == len(prelude) and prelude:
            flush()  # the note above the head ends where the head begins
        if larger(line) and not ends_sentence(line.text) and position >= len(prelude):
            if kind != "heading" or not (_same_run(current[-1], line) and _fills(current[-1], right)):
                flush()
                kind = "heading"
            current.append(line)
            continue
        if (line.hint.size or size) <= size * SMALLER and display_width(line.text) <= CAPTION_MAX_WIDTH:
            wrapped = kind == "caption" and _same_run(current[-1], line) and _fills(current[-1], right)
            credit_only = para.photo_credit(line.text) and "。" not in line.text  # the credit, wrapped alone
            if not wrapped or ((para.photo_credit(current[-1].text) or ends_sentence(current[-1].text)) and not credit_only):
                flush()
                kind = "caption"
            current.append(line)
            continue
        continues = (
            kind == "paragraph"
            and previous is not None
            and (line.hint.left or 0) <= left + INDENT
            and _gap(previous, line) <= spacing * GAP
            and not (ends_sentence(previous.text) and _short_by(previous, right) >= SHORT)
            and not (para.byline(line.text) or para.distribution(line.text) or para.colophon(line.text))
        )
        if not continues and not (kind == "paragraph" and line.text[:1] in "，。、；：”’）》"):
            flush()
            kind = "paragraph"
        current.append(line)
    flush()
    if not any(isinstance(p, Block) and p.kind == "title" for p in pieces):
        first = next((p for p in pieces if isinstance(p, Block)), None)
        if first is not None and len(first.zh) <= 40 and not ends_sentence(first.zh):
            first.kind, first.rule, first.level = "title", "pdf-title", None
            doubts.append(Doubt(first.lines, "no line is set larger than the body: the first line is taken as the title"))
    return pieces


def _same_run(previous: _Line, line: _Line) -> bool:
    """Consecutive lines of one wrapped title or heading: the same size, on the same page."""
    return previous.hint.page == line.hint.page and abs((previous.hint.size or 0) - (line.hint.size or 0)) < 0.3


def _fills(line: _Line, right: float) -> bool:
    """The line runs to the right edge of the text, short of it by less than ``WRAP_SLACK`` of its own
    characters: the layout wrapped it, and the next line continues it. (A centred line broken short
    stops further from the edge.)"""
    return _short_by(line, right) <= WRAP_SLACK


def _short_by(line: _Line, right: float) -> float:
    """How far the line stops short of the text's right edge, in its own characters (their width read
    from the line itself: its extent over its width in columns)."""
    start, end = line.hint.left or 0, line.hint.right or 1
    char = (end - start) / max(1.0, display_width(line.text) / 2)
    return (right - end) / char if char else 0.0


def _line_spacing(body: list[_Line]) -> float:
    """The usual distance from one line's top to the next's on a page: the most common (the smallest of
    equally common ones, as a paragraph's lines are closer than paragraphs are)."""
    gaps = Counter(round(_gap(a, b), 3) for a, b in itertools.pairwise(body)
                   if a.hint.page == b.hint.page and _gap(a, b) > 0)
    return min(gaps, key=lambda gap: (-gaps[gap], gap)) if gaps else 1.0


def _gap(previous: _Line, line: _Line) -> float:
    if previous.hint.page != line.hint.page or previous.hint.bottom is None or line.hint.top is None:
        return 0.0
    return line.hint.top - previous.hint.top if previous.hint.top is not None else 0.0


def _join_head(lines: list[_Line], right: float) -> str:
    """A title's or heading's lines: a line the layout wrapped runs on without a space (N2); after a
    line broken short, the next begins after one space (N5)."""
    parts: list[list[str]] = [[lines[0].text]]
    for previous, line in itertools.pairwise(lines):
        if _fills(previous, right):
            parts[-1].append(line.text)
        else:
            parts.append([line.text])
    return join_headline([join_wrapped(part) for part in parts])


def _piece(kind: str, lines: list[_Line], right: float = 1.0) -> Piece:
    span = (lines[0].number, lines[-1].number)
    texts = [line.text for line in lines]
    if kind == "masthead":
        return Paratext("masthead", "\n".join(texts), span, rule="masthead")
    if kind in ("title", "kicker", "subtitle", "heading"):
        text = _join_head(lines, right)
        return Block(kind, text, span, level=2 if kind == "heading" else None, rule=f"pdf-{kind}")
    if kind == "caption":
        return Block("caption", normalise(join_wrapped(texts), pdf=True), span, rule="pdf-caption")
    text = normalise(join_wrapped(texts), pdf=True)
    for name, test in (("distribution", para.distribution), ("colophon", para.colophon)):
        if test(text):
            return Paratext(name, "\n".join(texts), span, rule=name)
    if para.note(text):
        return Block("note", text, span, rule="note")
    if para.byline(text):
        return Block("byline", text, span, rule="byline")
    return Block("paragraph", text, span, rule="pdf-paragraph")
