"""Translation memory: a block whose Chinese is (nearly) the same as one already translated elsewhere
in the edition gets that translation as a draft, before any machine translation.

Near-identical means a :mod:`difflib` ratio of at least ``THRESHOLD``. A reviewed translation is
preferred to a draft, then the most similar text. A draft whose Chinese has changed since it was
written (it still has a previous msgid) is not offered: it translates other text. The result is
always a fuzzy draft with the provenance ``translation memory from <slug>#<id>, <date>``, so a
reviewer sees where it came from; nothing is ever copied over an existing translation.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

import polib

from edition.translate import po as pofile

THRESHOLD = 0.9


@dataclass(frozen=True)
class Memory:
    zh: str
    en: str
    slug: str
    anchor: str
    reviewed: bool


@dataclass(frozen=True)
class Match:
    memory: Memory
    ratio: float

    @property
    def provenance_label(self) -> str:
        return f"translation memory from {self.memory.slug}#{self.memory.anchor}"


def memory_index(catalogs: Mapping[str, polib.POFile]) -> list[Memory]:
    index = []
    for slug, po in catalogs.items():
        for entry in pofile.active_entries(po):
            state = pofile.status(entry)
            if state == pofile.MISSING or entry.msgctxt is None:
                continue
            if state == pofile.DRAFT and entry.previous_msgid is not None:
                continue
            index.append(Memory(entry.msgid, entry.msgstr, slug, entry.msgctxt, state == pofile.REVIEWED))
    return index


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def lookup(
    zh: str, index: list[Memory], *, exclude: tuple[str, str] | None = None, threshold: float = THRESHOLD
) -> Match | None:
    """The best translation of (nearly) the same Chinese, or None."""
    best: Match | None = None
    for memory in index:
        if exclude == (memory.slug, memory.anchor) or not memory.zh:
            continue
        shortest, total = min(len(zh), len(memory.zh)), len(zh) + len(memory.zh)
        if total == 0 or 2 * shortest / total < threshold:  # cannot reach the threshold
            continue
        matcher = difflib.SequenceMatcher(None, zh, memory.zh, autojunk=False)
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            continue
        ratio = 1.0 if zh == memory.zh else matcher.ratio()
        if ratio < threshold:
            continue
        if best is None or (memory.reviewed, ratio) > (best.memory.reviewed, best.ratio):
            best = Match(memory, ratio)
    return best


def fill_from_memory(
    catalogs: Mapping[str, polib.POFile], *, today: str, threshold: float = THRESHOLD, only: str | None = None
) -> list[tuple[str, str, Match]]:
    """Give every missing entry (of the report ``only``, or of all) a draft from memory where one fits.

    Returns (slug, anchor, match) for each entry filled.
    """
    index = memory_index(catalogs)
    filled = []
    for slug, po in catalogs.items():
        if only is not None and slug != only:
            continue
        for entry in pofile.active_entries(po):
            if pofile.status(entry) != pofile.MISSING or entry.msgctxt is None:
                continue
            match = lookup(entry.msgid, index, exclude=(slug, entry.msgctxt), threshold=threshold)
            if match is None:
                continue
            pofile.set_draft(entry, match.memory.en, f"{match.provenance_label}, {today}")
            filled.append((slug, entry.msgctxt, match))
    return filled
