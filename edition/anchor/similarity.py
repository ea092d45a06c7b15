"""How much of one Chinese text survives in another: the measure anchors are matched by."""

from __future__ import annotations

from difflib import SequenceMatcher

from edition.config import DEFAULTS, Anchors


def shared_characters(a: str, b: str) -> int:
    """Characters a and b have in common, in order (the size of their longest matching blocks)."""
    if not a or not b:
        return 0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def similarity(a: str, b: str) -> float:
    """Shared characters over the longer text: 1.0 for equal texts, about 0.6 for the larger part of a split."""
    if a == b:
        return 1.0
    return shared_characters(a, b) / max(len(a), len(b), 1)


def containment(part: str, whole: str) -> float:
    """Share of ``part`` found in ``whole``: 1.0 when a retired block was merged wholesale into another."""
    return shared_characters(part, whole) / max(len(part), 1)


def still_names(published: str, text: str, settings: Anchors = DEFAULTS.anchors) -> bool:
    """Whether an id that named ``published`` may name ``text``: the same text changed a little
    (similarity at least ``anchors.keep``), or a part of it (``text`` found in it at ``anchors.part``),
    as when a block is split and its largest part keeps the id."""
    return similarity(published, text) >= settings.keep or containment(text, published) >= settings.part
