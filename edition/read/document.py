"""Read any source file into a :class:`~edition.model.Source`, by what its bytes are (edition.read.sniff).

* plain text (``.txt``): decoded (edition.read.decode); the cleaning tells a PDF text extraction from a
  web-page extraction by the shape of its lines;
* PDF (``.pdf``): its text layer, line by line, with page, position, font size and weight
  (edition.read.pdf); cleaned by that layout (``pdf-layout``);
* HTML (``.html``, ``.htm``): the page's lines with what the markup says of them (edition.read.html);
* Word (``.docx``): one line per paragraph with its style (edition.read.docx).

The file itself stays in ``seeds/`` byte for byte (its SHA-256 is the source's); the extracted lines are
its diplomatic layer, which the source page shows and every block's line numbers refer to.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from edition.errors import EditionError
from edition.model import Source
from edition.read.decode import decode_bytes
from edition.read.sniff import DOCX, HTML, PDF, format_of

LAYOUTS = {PDF: "pdf-layout", HTML: "structured", DOCX: "structured"}


def read_document(path: Path, shown: str | None = None) -> Source:
    """Read one source file; errors name it as ``shown`` (default: the path)."""
    name = shown or str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise EditionError(name, f"cannot be read: {err.strerror}") from None
    return document_from_bytes(data, path.name, name)


def document_from_bytes(data: bytes, file: str, name: str | None = None) -> Source:
    """A source from the bytes of the file called ``file`` (errors name it as ``name``)."""
    name = name or file
    path = Path(file)
    if not data.strip():
        raise EditionError(name, "the file is empty")
    kind = format_of(data, path.name, name)
    sha = hashlib.sha256(data).hexdigest()
    if kind == PDF:
        from edition.read.pdf import read_pdf

        found = read_pdf(data, name)
        return Source(path.name, "\n".join(found.lines), "pdf", sha, LAYOUTS[PDF], PDF, found.hints, found.metadata)
    if kind == HTML:
        from edition.read.html import read_html

        page = read_html(data, name)
        return Source(path.name, "\n".join(page.lines), page.encoding, sha, LAYOUTS[HTML], HTML, page.hints,
                      page.metadata)
    if kind == DOCX:
        from edition.read.docx import read_docx

        document = read_docx(data, name)
        return Source(path.name, "\n".join(document.lines), "docx", sha, LAYOUTS[DOCX], DOCX, document.hints,
                      document.metadata)
    text, encoding = decode_bytes(data, name)
    return Source(file=path.name, text=text, encoding=encoding, sha256=sha)
