"""``seeds/SHA256SUMS``: the SHA-256 of every source as it arrived, one ``<hex>  <file>`` line each, the
format of coreutils' ``sha256sum`` (so ``cd seeds && sha256sum -c SHA256SUMS`` checks them by hand).

The build lists a source it has not seen before; it never rewrites the sum of a listed one. A source
whose bytes no longer match its sum is reported, because a source is kept byte for byte: if the new
bytes are meant (a better copy of the document), the editor replaces its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.errors import EditionError

_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")


def parse(text: str, name: str) -> dict[str, str]:
    """file -> SHA-256 (hex); a line that is not ``<hex>  <file>`` is an error naming it."""
    sums: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line.strip())
        if not match:
            raise EditionError(name, "is not a sha256sum list: expected '<64 hex digits>  <file name>'", number)
        digest, file = match.groups()
        if file in sums and sums[file] != digest:
            raise EditionError(name, f"lists {file} twice, with two different sums", number)
        sums[file] = digest
    return sums


@dataclass(frozen=True)
class Check:
    text: str  # the list with every new source added (unchanged if none is new)
    added: list[str]  # sources listed now for the first time
    changed: list[str]  # sources whose bytes are not those of their listed sum


def check(text: str, name: str, sources: dict[str, str]) -> Check:
    """Compare the sources (file -> SHA-256 of their bytes) with the list; new ones are appended."""
    listed = parse(text, name)
    added = sorted(file for file in sources if file not in listed)
    changed = sorted(file for file, digest in sources.items() if file in listed and listed[file] != digest)
    lines = text if not text or text.endswith("\n") else text + "\n"
    lines += "".join(f"{sources[file]}  {file}\n" for file in added)
    return Check(lines, added, changed)
