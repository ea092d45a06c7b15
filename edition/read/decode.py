"""Decode a source file's bytes into text, or say clearly why it cannot be done.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM, and GB18030 (a superset of GBK and
GB2312) when the bytes are not UTF-8. Newlines (CRLF, CR) become LF. Empty, binary and
undecodable files raise :class:`EditionError` naming the file.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from pathlib import Path

from edition.errors import EditionError
from edition.model import Source

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of characters that must be CJK, ASCII or common punctuation for a GB18030 reading to count:
# GB18030 maps almost any byte sequence to *something*, so a plausibility test is what "detects" it.
_MIN_PLAUSIBLE = 0.95


def decode_bytes(data: bytes, name: str | Path) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of the file called ``name``."""
    if not data.strip():
        raise EditionError(name, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(encoding)), encoding
            except UnicodeDecodeError as err:
                message = f"starts with a {encoding} byte-order mark but is not {encoding}: {err.reason}"
                raise EditionError(name, message) from None
    if b"\x00" in data:
        raise EditionError(name, "looks binary (it contains NUL bytes), not a text file")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise EditionError(name, "cannot be decoded as UTF-8, UTF-16 or GB18030") from None
        if _plausibility(text) < _MIN_PLAUSIBLE:
            raise EditionError(name, "is neither UTF-8 nor plausible GB18030/GBK text (binary or another encoding?)") from None
    if _has_control_characters(text):
        raise EditionError(name, "contains control characters: binary data, not a text file")
    text = _normalise_newlines(text)
    if not text.strip():
        raise EditionError(name, "the file is empty")
    return text, encoding


def read_source(path: Path) -> Source:
    """Read and decode one source file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise EditionError(path, f"cannot be read: {err.strerror}") from None
    text, encoding = decode_bytes(data, path)
    return Source(file=path.name, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _has_control_characters(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text)


def _plausibility(text: str) -> float:
    def plausible(c: str) -> bool:
        if c.isascii():
            return c.isprintable() or c in "\t\n\r"
        name = unicodedata.name(c, "")
        return name.startswith(("CJK", "FULLWIDTH", "IDEOGRAPHIC", "HALFWIDTH")) or unicodedata.category(c)[0] in "P"

    return sum(map(plausible, text)) / max(len(text), 1)
