"""Merge a report's current blocks into its PO file, keyed on the block id (``msgctxt``).

Not polib's ``merge()``: that matches on msgid, and here the Chinese of a block may change while
its id stays. The rules:

* unchanged block -> its entry is left alone;
* the Chinese changed -> the translation is kept, marked fuzzy, and the Chinese it translated
  is recorded as the previous msgid (``#| msgid``), so the translator sees the difference;
* the msgid was edited by hand while the Chinese did not change -> reported as a mismatch and
  treated the same way (translation kept, fuzzy, previous msgid);
* a new block -> a new, empty entry;
* a block whose id disappeared -> its entry becomes obsolete (``#~``), never deleted;
* an entry whose msgctxt is no id of this report (typed by hand?) -> obsolete, and reported.

File order is reading order: active entries follow the blocks, obsolete ones come last.
A reviewed translation is never replaced; only its fuzzy flag can be set when its Chinese changes.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from edition.model import Block
from edition.translate import po as pofile

log = logging.getLogger("edition")


@dataclass
class SyncResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # Chinese changed: translation now fuzzy
    mismatched: list[str] = field(default_factory=list)  # msgid edited by hand
    retired: list[str] = field(default_factory=list)  # ids no longer in the report: now obsolete
    stray: list[str] = field(default_factory=list)  # msgctxt that was never an id of the report

    @property
    def touched(self) -> bool:
        return any((self.added, self.changed, self.mismatched, self.retired, self.stray))


def extracted_comment(block: Block) -> str:
    mark = f" ¶{block.number}" if block.number else ""
    return f"kind: {block.kind}{mark}"


def sync_catalog(
    po: polib.POFile,
    blocks: Sequence[Block],
    *,
    path: Path | str = "",
    previous_zh: Mapping[str, str] | None = None,
    known_ids: Collection[str] = (),
) -> SyncResult:
    """Bring ``po`` in line with ``blocks`` (in place).

    ``previous_zh`` (block id -> the Chinese at the last build) tells a changed Chinese from a
    hand-edited msgid; ``known_ids`` (every id the report's ledger ever issued) tells a retired
    block from a stray entry.
    """
    result = SyncResult()
    text = pofile.dumps(po)
    lines = pofile.entry_lines(text)
    previous_zh = previous_zh or {}
    current_ids = [b.id for b in blocks if b.id]
    active = [e for e in po if not e.obsolete]
    obsolete = [e for e in po if e.obsolete]
    existing: dict[str, polib.POEntry] = {}
    for entry in active:
        if entry.msgctxt is not None and entry.msgctxt not in existing:
            existing[entry.msgctxt] = entry
    for entry in obsolete:  # a retired id that is current again comes back with its translation
        if entry.msgctxt in current_ids and entry.msgctxt not in existing:
            entry.obsolete = False
            existing[entry.msgctxt] = entry
            obsolete.remove(entry)

    ordered: list[polib.POEntry] = []
    for block in blocks:
        if not block.id:
            continue
        entry = existing.pop(block.id, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=block.id, msgid=block.zh, msgstr="")
            result.added.append(block.id)
        elif entry.msgid != block.zh:
            where = f"{path}:{lines.get(block.id, '?')}"
            hand_edited = previous_zh.get(block.id) == block.zh
            if hand_edited:
                result.mismatched.append(block.id)
                log.warning(
                    "%s: the msgid of %s is not the report's Chinese (edited by hand?): "
                    "msgid restored, translation kept and marked fuzzy",
                    where,
                    block.id,
                )
            else:
                result.changed.append(block.id)
                log.info("%s: the Chinese of %s changed: translation kept and marked fuzzy", where, block.id)
            if entry.msgstr.strip():
                if entry.previous_msgid is None or pofile.FUZZY not in entry.flags:
                    entry.previous_msgid = entry.msgid
                pofile.set_fuzzy(entry)
            entry.msgid = block.zh
        entry.comment = extracted_comment(block)
        entry.occurrences = []
        ordered.append(entry)

    for entry in active:
        if (entry.msgctxt is not None and existing.get(entry.msgctxt) is entry) or entry.msgctxt is None:
            _retire(entry, path, lines, known_ids, result)

    po[:] = ordered + [e for e in active if e.obsolete] + obsolete
    return result


def _retire(
    entry: polib.POEntry,
    path: Path | str,
    lines: Mapping[str, int],
    known: Collection[str],
    result: SyncResult,
) -> None:
    entry.obsolete = True
    context = entry.msgctxt or ""
    if entry.msgctxt is not None and entry.msgctxt in known:
        result.retired.append(context)
        log.info("%s: block %s is no longer in the report: its entry is kept as obsolete", path, context)
    else:
        result.stray.append(context)
        line = lines.get(context) or entry.linenum
        where = f"{path}:{line}" if line else str(path)
        log.warning(
            "%s: entry with msgctxt %r is not a block of this report (typed by hand?): kept as obsolete",
            where,
            entry.msgctxt,
        )
