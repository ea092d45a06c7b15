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
* an entry whose msgctxt is no id of this report (typed by hand?) -> obsolete, and reported;
* an entry whose msgid is not its block's Chinese but exactly another block's (msgctxt swapped or
  changed by hand) -> an error naming both entries (:func:`check_moved_translations`): its English
  belongs to the other text, and is never published under this one.

File order is reading order: active entries follow the blocks, obsolete ones come last.
A reviewed translation is never replaced; only its fuzzy flag can be set when its Chinese changes.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from edition.errors import EditionError
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
    check_moved_translations(po, blocks, path)
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


def check_moved_translations(po: polib.POFile, blocks: Sequence[Block], path: Path | str = "") -> None:
    """Stop if an entry with English holds, as its msgid, not its own block's Chinese but exactly another
    block's: the msgctxt was changed (or two swapped) by hand, and restoring the msgid would publish
    that English under text it does not translate. Called before anything is written."""
    text_of = {b.id: b.zh for b in blocks if b.id}
    id_of: dict[str, str] = {}
    for block in blocks:
        if block.id:
            id_of.setdefault(block.zh, block.id)
    entries = pofile.by_context(po)
    lines: dict[str, int] | None = None
    for anchor_id, entry in entries.items():
        own = text_of.get(anchor_id)
        other = id_of.get(entry.msgid)
        if own is None or entry.msgid == own or other is None or other == anchor_id or not entry.msgstr.strip():
            continue
        lines = lines if lines is not None else pofile.entry_lines(pofile.dumps(po))
        raise EditionError(
            path,
            f"the entry {anchor_id} holds the Chinese of {other} (whose entry is at line {lines.get(other, '?')}), "
            "not its own: its English would be published under text it does not translate. Was a msgctxt changed "
            f"or swapped by hand? Put it back (git diff {path}); nothing was written",
            lines.get(anchor_id),
        )


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
