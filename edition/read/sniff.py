"""What a source file is, from its bytes: a PDF, a Word document, an HTML page or plain text.

The bytes decide, not the name: a PDF starts with ``%PDF-``; a Word document is a zip archive holding
``word/document.xml``; an HTML page opens (after a byte-order mark and white space) with a doctype or
an ``<html>``, ``<head>``, ``<body>`` or ``<meta>`` tag. The file's extension must agree (``.pdf``,
``.docx``, ``.html``/``.htm``/``.xhtml``, ``.txt`` or none): a file whose content does not match its
name is an error naming both, since a misnamed file is usually the wrong file; so is a file of any
other kind (an ``.odt``, an old binary ``.doc``), which would otherwise be read as garbled text.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from edition.errors import EditionError

PDF, DOCX, HTML, TEXT = "pdf", "docx", "html", "text"
EXTENSIONS = {".pdf": PDF, ".docx": DOCX, ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".txt": TEXT, "": TEXT}
_MARKUP = re.compile(rb"^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
                     re.IGNORECASE | re.DOTALL)
_NAMES = {PDF: "a PDF", DOCX: "a Word document (.docx)", HTML: "an HTML page", TEXT: "plain text"}


def sniff(data: bytes) -> str:
    """The format the bytes are in."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return DOCX if _is_docx(data) else "zip"
    if _MARKUP.match(data[:4096]) or _MARKUP.match(data[:4096].decode("utf-16", "ignore").encode("utf-8")):
        return HTML
    return TEXT


def format_of(data: bytes, file: str, name: str | None = None) -> str:
    """The format of the source file called ``file``; an error (naming it as ``name``) when its content and
    its name disagree, or its extension is none the edition reads."""
    name = name or file
    found = sniff(data)
    suffix = PurePath(file).suffix.lower()
    expected = EXTENSIONS.get(suffix)
    if found == "zip":
        raise EditionError(name, "is a zip archive but not a Word document (no word/document.xml in it)")
    if expected is None:
        readable = ", ".join(sorted(s for s in EXTENSIONS if s))
        raise EditionError(name, f"is a {suffix} file, which the edition does not read (it reads {readable} and "
                           "files without an extension as plain text): convert it, or keep it outside the sources "
                           "folder")
    if found == TEXT and expected in (PDF, DOCX):  # binary junk is no more "plain text" than it is a document
        shape = ("a PDF starts with %PDF- and this file does not" if expected == PDF
                 else "a .docx file is a zip archive and this file is not one")
        raise EditionError(name, f"is named {suffix} but is not {_NAMES[expected]} ({shape}): "
                           "it is damaged, or another kind of file")
    if found != expected:
        raise EditionError(name, f"is named {suffix or 'without an extension'} but holds {_NAMES[found]}: "
                           f"rename it (.{'docx' if found == DOCX else found if found != TEXT else 'txt'}) or "
                           "replace it with the right file")
    return found


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
