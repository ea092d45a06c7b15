"""Decode a source file's bytes into text, or say clearly why it cannot be done.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM, and GB18030 (a superset of GBK and
GB2312, with or without its own byte-order mark) when the bytes are not UTF-8. The mark is never
part of the text. Newlines (CRLF, CR) become LF. Empty, binary and
undecodable files raise :class:`EditionError` naming the file.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from edition.errors import EditionError

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
            try:  # (a second mark, as an editor saving the file again may add, goes too)
                return _normalise_newlines(data.decode(encoding)).removeprefix("\ufeff"), encoding
            except UnicodeDecodeError as err:
                message = f"starts with a {encoding} byte-order mark but is not {encoding}: {_what(err)}"
                raise EditionError(name, message, line=_line_of(data, err.start, encoding)) from None
    if b"\x00" in data:
        nul = data.index(b"\x00")
        raise EditionError(name, "looks binary (it contains NUL bytes), not a text file", line=_line_of(data, nul))
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as not_utf8:
        line = _line_of(data, not_utf8.start)
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            message = f"cannot be decoded as UTF-8 ({_what(not_utf8)}), UTF-16 or GB18030"
            raise EditionError(name, message, line=line) from None
        if _plausibility(text) < _MIN_PLAUSIBLE:
            message = f"is neither UTF-8 ({_what(not_utf8)}) nor plausible GB18030/GBK text (binary or another encoding?)"
            raise EditionError(name, message, line=line) from None
    control = _first_control_character(text)
    if control is not None:
        raise EditionError(
            name, "contains control characters: binary data, not a text file", line=text.count("\n", 0, control) + 1
        )
    text = _normalise_newlines(text).removeprefix("\ufeff")  # GB18030's byte-order mark decodes to one
    if not text.strip():
        raise EditionError(name, "the file is empty")
    return text, encoding


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first_control_character(text: str) -> int | None:
    return next((i for i, c in enumerate(text) if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f"), None)


def _line_of(data: bytes, offset: int, encoding: str = "utf-8") -> int:
    """The line (from 1) holding byte ``offset``, counted in what decodes before it."""
    return _normalise_newlines(data[:offset].decode(encoding, errors="replace")).count("\n") + 1


def _what(err: UnicodeDecodeError) -> str:
    return f"{err.reason} at byte {err.start}"


def _plausibility(text: str) -> float:
    def plausible(c: str) -> bool:
        if c.isascii():
            return c.isprintable() or c in "\t\n\r"
        name = unicodedata.name(c, "")
        return name.startswith(("CJK", "FULLWIDTH", "IDEOGRAPHIC", "HALFWIDTH")) or unicodedata.category(c)[0] in "P"

    return sum(map(plausible, text)) / max(len(text), 1)
