"""Cutting a block that is longer than an engine accepts into pieces, at sentence ends."""

from __future__ import annotations

import re

SENTENCE_END = "。！？"


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut after 。！？ (a sentence longer than the limit is cut
    at the limit, as a last resort)."""
    if len(text) <= limit:
        return [text]
    sentences = [s for s in re.split(rf"(?<=[{SENTENCE_END}])", text) if s]
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        while len(sentence) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(sentence[:limit])
            sentence = sentence[limit:]
        if len(current) + len(sentence) > limit:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return pieces
