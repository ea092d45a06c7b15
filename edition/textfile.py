"""Reading the UTF-8 files people edit (catalog, glossary, ledgers, PO files): one clear error for bad bytes.

A UTF-8 byte-order mark (which some Windows editors write) is accepted and dropped. Bytes that are not
UTF-8 (a file saved as Latin-1 or GBK, say) are an :class:`EditionError` naming the file, the line and
the byte.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from edition.errors import EditionError


def read_utf8(path: Path, shown: str | Path | None = None) -> str:
    name = shown or path
    try:
        data = path.read_bytes()
    except OSError as err:
        raise EditionError(name, f"cannot be read: {err.strerror or err}") from None
    return decode_utf8(data, name)


def decode_utf8(data: bytes, name: str | Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise EditionError(name, "is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8", 1)
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line_start = data.rfind(b"\n", 0, err.start) + 1
        line = data.count(b"\n", 0, err.start) + 1
        raise EditionError(
            name,
            f"is not UTF-8: byte 0x{data[err.start]:02x} ({err.reason}) at byte {err.start} of the file, "
            f"column {err.start - line_start + 1} of the line (save it as UTF-8)",
            line,
        ) from None
