"""Renderers: a report's reference blocks written out as a source in another layout.

A renderer is given the blocks (kinds and Chinese) of one report and writes a source the way it
would arrive from somewhere else: a PDF text extraction hard-wrapped at some width, with page
numbers and running headers; a Word document exported to PDF; a web page of another site; a
WeChat article copied as text. Every line it writes has a *role*: reading text, paratext
(date lines, mastheads, editor lines), page furniture or site chrome. Because the renderer knows
which block each line came from, the segmentation the pipeline should find is known exactly:
:attr:`Rendering.expected`. It is never derived from the pipeline's output.

Changes a layout makes to the text itself (a heading numbered 一、, a caption printed without its
credit, an editor's note placed under the headline) are made to the expected blocks as well.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from edition.clean.text import CLOSERS, display_width
from evaluation.vocab import Paged, Site, Vocabulary, WeChat

READING, PARATEXT, FURNITURE, CHROME, BLANK = "text", "paratext", "furniture", "chrome", "blank"
HEADLINE_KINDS = ("kicker", "title", "subtitle")


@dataclass(frozen=True)
class RefBlock:
    kind: str
    zh: str
    level: int | None = None


@dataclass(frozen=True)
class RefReport:
    slug: str
    blocks: tuple[RefBlock, ...]

    @property
    def title(self) -> str:
        return next(b.zh for b in self.blocks if b.kind == "title")


@dataclass(frozen=True)
class Line:
    text: str
    role: str


@dataclass
class Rendering:
    """A rendered source: its lines (with roles) and the blocks it should give, in reading order."""

    lines: list[Line] = field(default_factory=list)
    expected: list[RefBlock] = field(default_factory=list)

    def text(self, newline: str = "\n") -> str:
        return newline.join(line.text for line in self.lines) + newline

    def add(self, text: str, role: str) -> None:
        self.lines.append(Line(text, role))

    def blank(self, count: int = 1) -> None:
        self.lines.extend(Line("", BLANK) for _ in range(count))

    def marked(self, *roles: str) -> list[tuple[int, str, str]]:
        """(1-based line number, text, role) of the lines with one of ``roles``."""
        return [(n, line.text, line.role) for n, line in enumerate(self.lines, start=1) if line.role in roles]


# --- changes a layout makes to the text ------------------------------------------------------------

_CHINESE_NUMERALS = "一二三四五六七八九十"
_CREDIT = re.compile(r"(?<=。)[^。]{2,16}(?:供图|[/／]图|摄)$")
_CREDITED = re.compile(r"(?:供图|[/／]图|摄)$")


def numeral(n: int) -> str:
    if n <= 10:
        return _CHINESE_NUMERALS[n - 1]
    return "十" + _CHINESE_NUMERALS[n - 11] if n < 20 else str(n)


def number_headings(blocks: list[RefBlock], style: str | None) -> list[RefBlock]:
    """Headings numbered the way documents number them: 一、 over （一）, or 1. over （1）."""
    if style is None:
        return blocks
    out, top, sub = [], 0, 0
    has_top = any(b.kind == "heading" and b.level == 2 for b in blocks)
    for block in blocks:
        if block.kind == "heading":
            if block.level == 2 or not has_top:
                top, sub = top + 1, 0
                prefix = f"{numeral(top)}、" if style == "chinese" else f"{top}."
            else:
                sub += 1
                prefix = f"（{numeral(sub)}）" if style == "chinese" else f"（{sub}）"
            block = replace(block, zh=prefix + block.zh)
        out.append(block)
    return out


def drop_credits(blocks: list[RefBlock]) -> list[RefBlock]:
    """Captions printed without their photo credit (only where a full sentence is left)."""
    return [replace(b, zh=_CREDIT.sub("", b.zh)) if b.kind == "caption" else b for b in blocks]


def note_under_headline(blocks: list[RefBlock]) -> list[RefBlock]:
    """Web pages and WeChat articles put an editor's note under the headline, not above it."""
    notes = [b for b in blocks if b.kind == "note"]
    rest = [b for b in blocks if b.kind != "note"]
    at = max((i for i, b in enumerate(rest) if b.kind in HEADLINE_KINDS), default=-1) + 1
    return rest[:at] + notes + rest[at:]


def fill(template: str, rng: random.Random, vocab: Vocabulary, **known: object) -> str:
    people = rng.sample(vocab.people, 2)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    values = {
        "date": f"2023-{month:02d}-{day:02d}", "cdate": f"2023年{month:02d}月{day:02d}日",
        "time": f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}", "person": people[0], "person2": people[1],
        "province": rng.choice(vocab.provinces), "views": rng.randint(100, 9000), "issue": rng.randint(2, 40),
        "n": 1, "total": 1, "name": "",
    }
    values.update(known)
    return template.format(**values)


# --- wrapping ----------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9.%+\-/:>]+|——|……|\s+|.")
_NO_LINE_START = CLOSERS + "。，、；：！？…—"
_NO_LINE_END = "“‘（《「『【("


def wrap(text: str, width: int, first: int | None = None, *, kinsoku: bool = True) -> list[str]:
    """Hard-wrap ``text`` at ``width`` columns (the first line at ``first``), never inside a number or
    a Latin word; with ``kinsoku``, as Chinese typesetting does, no line opens with closing punctuation
    (it hangs at the end of the line before) and none ends with an opening quote or bracket."""
    lines: list[str] = []
    line, used, limit = "", 0, width if first is None else first
    for token in _TOKEN.findall(text):
        size = display_width(token)
        if used + size > limit and line.strip():
            if kinsoku and token[0] in _NO_LINE_START:
                line, used = line + token, used + size
                continue
            carry = ""
            while kinsoku and line and line[-1] in _NO_LINE_END:
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line)
            line, used, limit = carry, display_width(carry), width
            if token.isspace():
                continue
        line, used = line + token, used + size
    if line.strip():
        lines.append(line)
    return [line.strip(" ") for line in lines]


def headline_lines(text: str, capacity: int) -> list[str]:
    """A headline set in a larger type: broken at its spaces, then after a comma, then where it is full."""
    lines: list[str] = []
    for part in text.split():
        while display_width(part) > capacity:
            cut = _fitting(part, capacity)
            comma = max(part.rfind(mark, 0, cut) for mark in "，、：")
            if comma >= cut // 2:
                cut = comma + 1
            while cut > 1 and part[cut - 1] in _NO_LINE_END:
                cut -= 1
            while cut < len(part) and part[cut] in _NO_LINE_START:
                cut += 1
            lines.append(part[:cut])
            part = part[cut:]
        if part:
            lines.append(part)
    return lines


def _fitting(text: str, columns: int) -> int:
    used = 0
    for index, char in enumerate(text):
        used += display_width(char)
        if used > columns:
            return max(index, 1)
    return len(text)


_ASCII_RUN = re.compile(r"(?<=[^\x00-\x7f])([0-9][0-9.,%]*)(?=[^\x00-\x7f])")


def set_digits_apart(text: str, rng: random.Random) -> str:
    """PDF extraction artefact: numbers inside Chinese text set apart by spaces (用时 10 天)."""
    return _ASCII_RUN.sub(lambda m: f" {m.group(1)} " if rng.random() < 0.7 else m.group(1), text)


# --- PDF text extractions and Word exports ------------------------------------------------------------


@dataclass(frozen=True)
class PdfOptions:
    width: int = 60  # columns of a full line
    blank_lines: bool = True  # an empty line after every line (as the seeds' extractions have)
    indent: str = "lost"  # "lost" | "fullwidth" (two ideographic spaces) | "ascii" (four spaces)
    stray_spaces: bool = False  # digits set apart, stray leading and trailing spaces
    page_numbers: str | None = None  # a page-number style, e.g. "— {n} —"
    header: str | None = None  # running header
    footer: str | None = None  # running footer, printed above the page number
    header_on_first_page: bool = True
    page_lines: int = 36  # text lines per page
    form_feed: bool = False  # a form feed where a page ends, as pdftotext writes
    centred: bool = False  # headlines and page numbers centred with spaces
    masthead: tuple[str, ...] = ()  # a bulletin's masthead (paratext)
    closing: tuple[str, ...] = ()  # distribution list and colophon (paratext)
    heading_gap: bool = False  # an empty gap above each heading
    gap: str = "space"  # how a gap shows in a layout with blank lines: "space" (a line of one space) or "empty"
    kinsoku: bool = True
    indent_headings: bool = False  # headings indented like paragraphs (as official documents set 一、…)


def render_pdf(report: RefReport, options: PdfOptions, rng: random.Random) -> Rendering:
    """A PDF text extraction (also of a Word export): hard-wrapped text, page furniture added last."""
    blocks = list(report.blocks)
    body = Rendering(expected=blocks)
    width = options.width

    def gap() -> None:
        if not options.blank_lines:
            body.blank()
        elif options.gap == "space":
            body.add(" ", BLANK)
        else:
            body.blank(3)

    def centred(text: str) -> str:
        return " " * max(0, (width - display_width(text)) // 2) + text if options.centred else text

    for line in options.masthead:
        body.add(line, PARATEXT)
    if options.masthead:
        gap()
    previous = None
    prefix = {"lost": "", "fullwidth": "\u3000\u3000", "ascii": "    "}[options.indent]
    for block in blocks:
        text = set_digits_apart(block.zh, rng) if options.stray_spaces else block.zh
        if block.kind in HEADLINE_KINDS:
            if previous in HEADLINE_KINDS:
                gap()
            capacity = max(16, int(width * (0.55 if block.kind == "kicker" else 0.72)))
            for line in headline_lines(text, capacity):
                body.add(centred(line), READING)
        elif block.kind in ("heading", "byline"):
            if previous in HEADLINE_KINDS:
                gap()
            if block.kind == "heading" and options.heading_gap and previous not in HEADLINE_KINDS:
                gap()
            indent = prefix if block.kind == "heading" and options.indent_headings else ""
            for index, line in enumerate(wrap(text, width, width - display_width(indent), kinsoku=options.kinsoku)):
                body.add(indent + line if index == 0 else line, READING)
        elif block.kind == "caption":
            if previous in HEADLINE_KINDS or not block.zh.endswith(("图", "摄")) or rng.random() < 0.5:
                gap()  # the space where the photo was
            for line in wrap(text, width, kinsoku=options.kinsoku):
                body.add(line, READING)
        else:  # paragraph, note
            if previous in HEADLINE_KINDS:
                gap()
            for index, line in enumerate(wrap(text, width, width - 4, kinsoku=options.kinsoku)):
                body.add(prefix + line if index == 0 else line, READING)
        previous = block.kind
    if options.closing:
        gap()
        for line in options.closing:
            body.add(line, PARATEXT)
    if options.stray_spaces:
        body.lines = [_stray(line, rng) for line in body.lines]
    paged = paginate(body, options, rng)
    if options.blank_lines:
        spaced = Rendering(expected=paged.expected)
        for line in paged.lines:
            spaced.lines.append(line)
            if line.role != BLANK:
                spaced.blank()
        paged = spaced
    return paged


def _stray(line: Line, rng: random.Random) -> Line:
    if line.role not in (READING, PARATEXT) or not line.text.strip():
        return line
    text = line.text
    if rng.random() < 0.08 and not text.startswith(("\u3000", "  ")):
        text = " " + text
    if rng.random() < 0.3:
        text += " "
    return Line(text, line.role)


def paginate(body: Rendering, options: PdfOptions, rng: random.Random) -> Rendering:
    """Cut the text into pages of ``page_lines`` text lines and print the furniture on each: the
    running header at the top, the running footer and the page number at the bottom."""
    if not (options.page_numbers or options.header or options.footer):
        return body
    pages: list[list[Line]] = [[]]
    count = 0
    for line in body.lines:
        if count >= options.page_lines and line.role != BLANK:
            pages.append([])
            count = 0
        pages[-1].append(line)
        count += line.role != BLANK
    total = len(pages)
    out = Rendering(expected=body.expected)
    for number, page in enumerate(pages, start=1):
        if options.form_feed and number > 1:
            out.lines[-1] = Line(out.lines[-1].text + "\f", out.lines[-1].role) if out.lines else Line("\f", BLANK)
        if options.header and (number > 1 or options.header_on_first_page):
            out.add(_centre(options.header, options) if rng.random() < 0.5 else options.header, FURNITURE)
            if not options.blank_lines and rng.random() < 0.5:
                out.blank()
        out.lines.extend(page)
        if not options.blank_lines and rng.random() < 0.5:
            out.blank()
        if options.footer:
            out.add(options.footer, FURNITURE)
        if options.page_numbers:
            out.add(_centre(options.page_numbers.format(n=number, total=total), options), FURNITURE)
    return out


def _centre(text: str, options: PdfOptions) -> str:
    return " " * max(0, (options.width - display_width(text)) // 2) + text if options.centred else text


def pdf_furniture(paged: Paged, rng: random.Random, vocab: Vocabulary, name: str, *, header: bool,
                  footer: bool) -> tuple[str | None, str | None]:
    head = fill(rng.choice(paged.headers), rng, vocab, name=name) if header else None
    foot = fill(rng.choice(paged.footers), rng, vocab, name=name) if footer else None
    return head, foot


# --- web pages ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WebOptions:
    blank_lines: bool = True  # an empty line between paragraphs
    indent: bool = False  # paragraphs indented with two ideographic spaces
    image_gaps: bool = True  # empty lines where a photo stood, above its caption
    halfwidth: bool = False  # the site types half-width punctuation (,:;()!?)
    broken: bool = False  # some long paragraphs broken in two across an empty line


_HALF = str.maketrans("，：；（）！？", ",:;()!?")


def render_web(report: RefReport, site: Site, vocab: Vocabulary, options: WebOptions, rng: random.Random,
               others: list[str]) -> Rendering:
    """A news or government web page: chrome above, the headline, the date line, the article one
    paragraph a line, the editor line, then chrome below (share buttons, related articles, footer)."""
    blocks = note_under_headline(list(report.blocks))
    out = Rendering(expected=blocks)
    for line in site.top:
        out.add(fill(line, rng, vocab, name=site.name), CHROME)
    out.blank()
    head = [b for b in blocks if b.kind in HEADLINE_KINDS]
    for block in head:
        out.add(block.zh, READING)
        out.blank()
    for line in rng.choice(site.dateline):
        out.add(fill(line, rng, vocab, name=site.name), PARATEXT)
    for line in site.under_dateline:
        out.add(fill(line, rng, vocab, name=site.name), CHROME)
    out.blank()
    _article(out, [b for b in blocks if b.kind not in HEADLINE_KINDS], options, rng)
    for line in site.editor:
        out.add(fill(line, rng, vocab, name=site.name), PARATEXT)
    out.blank()
    _tail(out, site.tail, rng, vocab, site.name, others)
    return out


def _article(out: Rendering, blocks: list[RefBlock], options: WebOptions, rng: random.Random) -> None:
    for block in blocks:
        text = block.zh.translate(_HALF) if options.halfwidth else block.zh
        if block.kind == "caption" and (options.image_gaps or not _CREDITED.search(block.zh)):
            out.blank(2)  # the space where the photo stood (without a credit, the only sign of a caption)
        if block.kind == "paragraph" and options.indent:
            text = "\u3000\u3000" + text
        if block.kind == "paragraph" and options.broken and len(text) > 150 and rng.random() < 0.3:
            cut = _clause_break(text, rng)
            out.add(text[:cut], READING)
            out.blank()
            text = text[cut:]
        out.add(text, READING)
        if options.blank_lines:
            out.blank()


def _clause_break(text: str, rng: random.Random) -> int:
    """Where a web page broke a paragraph in two: after a comma somewhere in its second half."""
    commas = [i + 1 for i, c in enumerate(text) if c in "，," and len(text) // 2 < i < len(text) - 20]
    return rng.choice(commas) if commas else len(text) // 2


def _tail(out: Rendering, tail: tuple[str, ...], rng: random.Random, vocab: Vocabulary, name: str,
          others: list[str]) -> None:
    for item in tail:
        if item == "{related}":
            for title in rng.sample(others, min(len(others), rng.randint(2, 4))):
                out.add(title, CHROME)
        else:
            out.add(fill(item, rng, vocab, name=name, prev=rng.choice(others), next=rng.choice(others)), CHROME)


# --- WeChat articles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeChatOptions:
    blank_lines: bool = True
    account_first: bool = False  # the account line above the title (as copied from an account's list)
    indent: bool = False


def render_wechat(report: RefReport, wechat: WeChat, vocab: Vocabulary, options: WeChatOptions,
                  rng: random.Random, others: list[str]) -> Rendering:
    """A WeChat public-account article copied as text: the headline, the account line (原创 …), the
    date line (… 发表于福建), the article, its credits, then the page's footer chrome."""
    blocks = note_under_headline(list(report.blocks))
    out = Rendering(expected=blocks)
    account = rng.choice(wechat.accounts)
    account_line = fill(rng.choice(wechat.account_line), rng, vocab, name=account)
    date_line = fill(rng.choice(wechat.date_line), rng, vocab, name=account)
    if options.account_first:
        out.add(account_line, PARATEXT)
        out.blank()
    for block in (b for b in blocks if b.kind in HEADLINE_KINDS):
        out.add(block.zh, READING)
        out.blank()
    if not options.account_first:
        out.add(account_line, PARATEXT)
    if date_line:
        out.add(date_line, PARATEXT)
    out.blank()
    for line in wechat.top:
        out.add(fill(line, rng, vocab, name=account), CHROME)
        out.blank()
    article = WebOptions(blank_lines=options.blank_lines, indent=options.indent, image_gaps=rng.random() < 0.5)
    _article(out, [b for b in blocks if b.kind not in HEADLINE_KINDS], article, rng)
    out.blank()
    for line in wechat.credits:
        out.add(fill(line, rng, vocab, name=account), PARATEXT)
    out.blank()
    _tail(out, wechat.tail, rng, vocab, account, others)
    return out
