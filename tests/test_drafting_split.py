"""Cutting long blocks at sentence ends, and joining the pieces' translations."""

from __future__ import annotations

from edition.drafting.split import split_text
from edition.drafting.transport import translate_text


class Echo:
    def translate(self, text: str) -> str:
        return f"EN({text})"


def test_long_text_is_split_at_sentence_ends() -> None:
    text = "一二三。" * 5 + "四五六！七八九？"
    pieces = split_text(text, 9)
    assert "".join(pieces) == text
    assert all(len(p) <= 9 for p in pieces)
    assert all(p[-1] in "。！？" for p in pieces)
    assert translate_text(Echo(), "甲。乙。", limit=2) == "EN(甲。) EN(乙。)"
    assert split_text("短", 5000) == ["短"]
    assert all(len(p) <= 4 for p in split_text("没有句号的很长的一句话", 4))
