"""``edition new DIR``: a new, working bilingual edition, from the skeleton in ``edition/skeleton/``.

It holds one small example source that it writes itself (clearly marked as an example), its catalog
entry and checksum, a two-term glossary, ``edition.yml``, ``mkdocs.yml``, a home page, a README, a
Makefile (``make site``, ``make test``, ``make serve``) and a ``.gitignore``. ``make site`` builds it
as it stands. A folder that exists and is not empty is refused: nothing is ever overwritten.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from edition.atomic import write_bytes
from edition.errors import EditionError

SKELETON = Path(__file__).resolve().parent / "skeleton"
RENAMED = {"gitignore": ".gitignore"}  # files a package cannot ship under their real names


def new_edition(target: Path, title: str | None = None, title_zh: str | None = None) -> list[Path]:
    """Write a new edition into ``target``; returns the files written."""
    target = target.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise EditionError(target, "exists and is not an empty folder: a new edition needs a folder of its own")
    title = title or f"{target.name.replace('-', ' ').replace('_', ' ').strip().title()}: a bilingual edition"
    values = {"title": title, "title_zh": title_zh or "双语版", "slug": _slug(target.name)}
    written = []
    for source in sorted(p for p in SKELETON.rglob("*") if p.is_file()):
        relative = source.relative_to(SKELETON)
        destination = target / relative.parent / RENAMED.get(relative.name, relative.name)
        text = source.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{ " + key + " }}", value.replace('"', "'"))
        write_bytes(destination, text.encode("utf-8"))
        written.append(destination)
    sums = "".join(f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.name}\n"
                   for f in sorted((target / "seeds").glob("*.txt")))
    write_bytes(target / "seeds" / "SHA256SUMS", sums.encode("utf-8"))
    return [*written, target / "seeds" / "SHA256SUMS"]


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "bilingual-edition"
