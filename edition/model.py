"""The edition's small data model: source -> report -> block.

Kinds of text a source is cut into:

* a **block** belongs to the reading text of a report and is translatable
  (title, kicker, subtitle, heading, paragraph, caption, byline, note);
* **paratext** belongs to the document but not to the reading text
  (bulletin masthead, contents list, distribution list, colophon, a web page's date/source line);
* an **omission** is site chrome left out of the edition and listed in the apparatus.

Every piece records the 1-based source lines it came from, first and last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BLOCK_KINDS = ("title", "kicker", "subtitle", "heading", "paragraph", "caption", "byline", "note")
PARATEXT_KINDS = ("masthead", "contents", "distribution", "colophon", "dateline", "credits")

Lines = tuple[int, int]


@dataclass
class Block:
    """A translatable unit of a report's reading text."""

    kind: str
    zh: str
    lines: Lines
    level: int | None = None  # heading level (2 or 3) for headings
    id: str | None = None  # stable anchor id, assigned by edition.anchor
    number: int | None = None  # paragraph number (¶n), assigned in reading order
    en: str | None = None  # the English, from translations/en/<slug>.po (edition.translate)
    status: str = "missing"  # "missing" | "draft" (fuzzy) | "reviewed"
    provenance: str | None = None  # what produced the English, and when
    reviewed_by: list[str] = field(default_factory=list)  # reviewers as they signed (reviewed entries only)
    translator_note: str | None = None  # the entry's ``# note:`` lines, joined by newlines (the TEI export)
    po_line: int | None = None  # 1-based line of the entry's msgctxt in the PO file
    rule: str | None = None  # the cleaning rule that made it (docs/method.md)
    pages: tuple[int, int] | None = None  # a PDF's pages its first and last line stand on

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


@dataclass(frozen=True)
class Paratext:
    kind: str
    zh: str
    lines: Lines
    rule: str = ""  # the cleaning rule that recognised it (docs/method.md)


@dataclass(frozen=True)
class Omission:
    """Source text left out of the edition (site chrome), with the rule that removed it."""

    text: str  # the raw source text, lines joined with newlines
    lines: Lines
    rule: str  # machine name of the rule, e.g. "nav-menu"
    reason: str  # human-readable reason


Piece = Block | Paratext | Omission


@dataclass(frozen=True)
class Doubt:
    """A place where the layout leaves the segmentation in doubt, and what the cleaning did there."""

    lines: Lines
    message: str


FORMATS = ("text", "pdf", "html", "docx")  # what a source file is (edition.read.sniff)
FORMAT_NAMES = {"text": "plain text", "pdf": "PDF", "html": "HTML page", "docx": "Word document"}
LAYOUT_NAMES = {  # how the cleaning read a source (Source.layout)
    "pdf": "PDF text extraction", "web": "web-page extraction",
    "pdf-layout": "PDF page layout (fonts, sizes and positions)", "structured": "document markup (tags or styles)",
}


@dataclass(frozen=True)
class LineHint:
    """What the original document says of one extracted line, beyond its text: where it stood and what
    its markup made it. Every field is optional; a plain-text source has no hints at all."""

    page: int | None = None  # PDF: the page (from 1)
    role: str | None = None  # markup: "title" | "subtitle" | "heading" | "caption" | "chrome" | "furniture"
    level: int | None = None  # a heading's level (h2 -> 2)
    reason: str | None = None  # why it is chrome or furniture, in words (for the apparatus of omissions)
    size: float | None = None  # PDF: the font size, in points
    bold: bool = False  # PDF and Word: set in bold
    top: float | None = None  # PDF: the line's top, as a share of the page's height (0 at the top)
    bottom: float | None = None  # PDF: the line's bottom, likewise
    left: float | None = None  # PDF: the line's left edge, as a share of the page's width
    right: float | None = None  # PDF: its right edge, likewise
    centred: bool = False  # Word: the paragraph is centred
    outside: bool = False  # HTML: outside the page's article (its main content)


@dataclass
class Source:
    """A source file, read: its extracted text (the diplomatic layer, one line per line of the original as
    extracted) and, for PDF, HTML and Word documents, what the document says of each line."""

    file: str  # file name inside seeds/
    text: str  # decoded, newlines normalised to \n
    encoding: str
    sha256: str  # of the file's bytes, as received
    layout: str = ""  # how the cleaning reads it: "pdf" or "web" (text), "structured" (markup), "pdf-layout"
    format: str = "text"  # one of FORMATS
    hints: dict[int, LineHint] = field(default_factory=dict)  # line number (from 1) -> hint
    metadata: dict[str, str] = field(default_factory=dict)  # the document's own: title, author, date

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def page_of(self, line: int) -> int | None:
        hint = self.hints.get(line)
        return hint.page if hint else None

    def page_starts(self) -> dict[int, int]:
        """line number -> page, for the first line of every page (PDFs only)."""
        starts: dict[int, int] = {}
        for number in sorted(self.hints):
            page = self.hints[number].page
            if page is not None and page not in starts.values():
                starts[number] = page
        return starts


@dataclass
class Report:
    slug: str
    source: str  # file name of its source
    meta: dict[str, Any]  # catalog entry (or inferred metadata)
    blocks: list[Block] = field(default_factory=list)
    catalogued: bool = True

    @property
    def lines(self) -> Lines:
        return (min(b.lines[0] for b in self.blocks), max(b.lines[1] for b in self.blocks))

    @property
    def title(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "title"), None)

    @property
    def label(self) -> str:
        """A short English name for cross-references (the catalog's ``label``, else the slug)."""
        return str(self.meta.get("label") or self.slug)


@dataclass
class SourceEdition:
    """What the cleaning stage makes of one source: its reports, paratext and omissions."""

    source: Source
    reports: list[Report]
    paratext: list[Paratext]
    omissions: list[Omission]
    doubts: list[Doubt] = field(default_factory=list)  # ambiguities, reported as warnings


@dataclass(frozen=True)
class Finding:
    """A translation QA finding (:mod:`edition.qa`): which entry, where in its PO file, what check, what."""

    slug: str
    anchor: str
    path: str
    line: int | None
    check: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.slug}#{self.anchor}: {self.check}: {self.message}"
