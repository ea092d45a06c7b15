"""Import editorial drafts (JSON written by people) into the PO files.

A draft file is a list of ``{"lines": [first, last], "kind", "zh", "en", "note"}`` for one source.
Each block of the source gets the draft with the same ``lines``; failing that, the one with the
same first line; failing that, the unused draft whose Chinese is most similar (at least
``MIN_SIMILARITY``). The English becomes a fuzzy draft with the provenance
``editorial draft, <date>``, and a non-empty note a ``# note:`` translator comment. A reviewed
entry is never overwritten; re-importing the same draft changes nothing.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from edition.errors import EditionError
from edition.model import Block
from edition.translate import po as pofile

MIN_SIMILARITY = 0.6
PROVENANCE = "editorial draft"


@dataclass(frozen=True)
class Draft:
    lines: tuple[int, int]
    kind: str
    zh: str
    en: str
    note: str = ""


@dataclass
class ImportReport:
    imported: list[tuple[str, str]] = field(default_factory=list)  # (slug, id)
    unchanged: list[tuple[str, str]] = field(default_factory=list)  # the same draft was already there
    kept_reviewed: list[tuple[str, str]] = field(default_factory=list)
    undrafted: list[tuple[str, str]] = field(default_factory=list)  # blocks no draft matched
    unused: list[Draft] = field(default_factory=list)  # drafts no block took
    weak: list[tuple[str, str, float]] = field(default_factory=list)  # matched, but the Chinese differs


def load_drafts(path: Path) -> list[Draft]:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as err:
        raise EditionError(path, f"not valid JSON: {err}") from None
    if not isinstance(data, list):
        raise EditionError(path, "a draft file must be a list of blocks")
    drafts = []
    for number, item in enumerate(data, start=1):
        try:
            first, last = item["lines"]
            drafts.append(Draft((int(first), int(last)), str(item.get("kind", "")), str(item["zh"]),
                                str(item["en"]), str(item.get("note") or "")))
        except (KeyError, TypeError, ValueError):
            raise EditionError(path, f"draft {number} needs lines [first, last], zh and en") from None
    return drafts


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_drafts(
    blocks: Sequence[tuple[str, Block]], drafts: Sequence[Draft]
) -> tuple[list[tuple[str, Block, Draft]], list[tuple[str, Block]], list[Draft]]:
    """Pair (slug, block)s of one source with its drafts: equal lines, then same first line, then the
    most similar Chinese. Returns (pairs, blocks left without a draft, drafts left unused)."""
    unused = list(range(len(drafts)))
    chosen: dict[int, int] = {}  # block index -> draft index

    def take(rule) -> None:
        for b, (_, block) in enumerate(blocks):
            if b in chosen:
                continue
            for d in unused:
                if rule(block, drafts[d]):
                    chosen[b] = d
                    unused.remove(d)
                    break

    take(lambda block, draft: tuple(block.lines) == draft.lines)
    take(lambda block, draft: block.lines[0] == draft.lines[0])
    for b, (_, block) in enumerate(blocks):
        if b in chosen or not unused:
            continue
        best = max(unused, key=lambda d: similarity(block.zh, drafts[d].zh))
        if similarity(block.zh, drafts[best].zh) >= MIN_SIMILARITY:
            chosen[b] = best
            unused.remove(best)
    pairs = [(blocks[b][0], blocks[b][1], drafts[d]) for b, d in sorted(chosen.items())]
    left = [blocks[b] for b in range(len(blocks)) if b not in chosen]
    return pairs, left, [drafts[d] for d in unused]


def apply_draft(entry: polib.POEntry, draft: Draft, today: str) -> str:
    """Put an editorial draft in an entry: "imported", "unchanged" or "reviewed" (kept, not touched)."""
    if pofile.is_reviewed(entry):
        return "reviewed"
    notes = [draft.note] if draft.note.strip() else []
    same = (
        entry.msgstr == draft.en
        and pofile.status(entry) == pofile.DRAFT
        and entry.previous_msgid is None
        and (pofile.provenance(entry) or "").startswith(PROVENANCE + ",")
        and pofile.comments(entry, "note") == [line for n in notes for line in n.splitlines()]
    )
    if same:
        return "unchanged"
    pofile.set_draft(entry, draft.en, f"{PROVENANCE}, {today}", notes=notes)
    return "imported"


def import_source(
    blocks: Sequence[tuple[str, Block]],
    drafts: Sequence[Draft],
    catalogs: Mapping[str, polib.POFile],
    today: str,
    report: ImportReport | None = None,
) -> ImportReport:
    """Import one source's drafts into the PO files of its reports (``catalogs``: slug -> PO file)."""
    report = report or ImportReport()
    pairs, left, unused = match_drafts(blocks, drafts)
    entries = {slug: pofile.by_context(po) for slug, po in catalogs.items()}
    for slug, block, draft in pairs:
        entry = entries.get(slug, {}).get(block.id or "")
        if entry is None:
            report.undrafted.append((slug, block.id or "?"))
            continue
        ratio = similarity(block.zh, draft.zh)
        if ratio < 0.9:
            report.weak.append((slug, block.id or "?", ratio))
        outcome = apply_draft(entry, draft, today)
        {"imported": report.imported, "unchanged": report.unchanged, "reviewed": report.kept_reviewed}[
            outcome
        ].append((slug, block.id or "?"))
    report.undrafted += [(slug, block.id or "?") for slug, block in left]
    report.unused += unused
    return report
