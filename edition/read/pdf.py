"""PDF sources: the text layer, line by line, with what the page says of each line.

Read with pdfplumber (built on pdfminer.six; MIT licence): it gives every character with its font,
size and position, which the text extraction alone loses and the cleaning uses (see docs/method.md):
the page a line stands on and where on it (running headers, footers and page numbers are found by
position and repetition), the font size and weight (titles and headings are set larger or bold), and
the left edge (a paragraph starts with an indent). pypdf extracts text faster but keeps less of the
layout; PyMuPDF keeps as much but is AGPL-licensed (docs/method.md, "Why these libraries", compares them).

The extracted lines are the source's diplomatic layer: exactly the characters of the text layer,
nothing normalised here (that is the cleaning's, by its documented rules). The document's own
metadata (title, author, creation date) is kept as evidence for the catalog.

An encrypted or damaged PDF, or one without a text layer (a scan), is an :class:`EditionError`
naming the file: nothing is guessed.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from edition.errors import EditionError
from edition.model import LineHint

_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


@dataclass(frozen=True)
class PdfText:
    lines: list[str]
    hints: dict[int, LineHint]
    metadata: dict[str, str]
    pages: int


def read_pdf(data: bytes, name: str) -> PdfText:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-descriptor chatter of common producers
    try:
        found = _extract(data)
    except EditionError:
        raise
    except Exception as raised:
        err = raised.args[0] if isinstance(raised, PdfminerException) and raised.args else raised  # pdfminer's
        if isinstance(err, PDFPasswordIncorrect | PDFEncryptionError):
            raise EditionError(name, "is an encrypted (password-protected) PDF: save an unprotected copy of it") \
                from None
        detail = " ".join(str(err).split())[:80]
        raise EditionError(name, f"is not a readable PDF (damaged or truncated?): {type(err).__name__}"
                           + (f": {detail}" if detail else "")) from None
    if not found.lines:
        raise EditionError(name, f"is a PDF of {found.pages} page(s) with no text layer (a scan?): OCR it first, "
                           "then add the PDF with its text layer")
    return found


def _extract(data: bytes) -> PdfText:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        lines: list[str] = []
        hints: dict[int, LineHint] = {}
        for number, page in enumerate(pdf.pages, start=1):
            for line in page.extract_text_lines(return_chars=True, strip=True):
                if line["text"].strip():
                    lines.append(line["text"])
                    hints[len(lines)] = _hint(line, number, float(page.width), float(page.height))
        return PdfText(lines, hints, _metadata(pdf.metadata or {}), len(pdf.pages))


def _hint(line: dict, page: int, width: float, height: float) -> LineHint:
    chars = [c for c in line["chars"] if c["text"].strip()]
    sizes = [round(float(c["size"]), 1) for c in chars] or [0.0]
    bold = sum("bold" in str(c.get("fontname", "")).lower() or "black" in str(c.get("fontname", "")).lower()
               for c in chars) > len(chars) / 2
    return LineHint(
        page=page,
        size=statistics.median(sizes),
        bold=bold,
        top=round(float(line["top"]) / height, 4),
        bottom=round(float(line["bottom"]) / height, 4),
        left=round(float(line["x0"]) / width, 4),
        right=round(float(line["x1"]) / width, 4),
    )


def _metadata(info: dict) -> dict[str, str]:
    """The document information a catalog entry may use: title, author, subject, creation date."""
    found = {}
    for key, name in (("Title", "title"), ("Author", "author"), ("Subject", "subject"), ("CreationDate", "created")):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str) and value.strip() and value.strip() != "about:blank":
            found[name] = value.strip()
    if "created" in found and (match := _DATE.match(found["created"])):
        found["created"] = "-".join(part for part in match.groups() if part)
    return found


def page_lines(hints: dict[int, LineHint]) -> dict[int, list[int]]:
    """page -> its line numbers, in order."""
    pages: dict[int, list[int]] = {}
    for number, hint in sorted(hints.items()):
        if hint.page is not None:
            pages.setdefault(hint.page, []).append(number)
    return pages


def body_size(hints: Iterable[LineHint]) -> float:
    """The size most lines are set in (the body text's)."""
    sizes = [h.size for h in hints if h.size]
    return statistics.mode(sizes) if sizes else 0.0
