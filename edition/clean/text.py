"""Character classes and measures shared by the cleaning rules."""

from __future__ import annotations

import re
import unicodedata

# Han ideographs (with extensions and compatibility forms): the "Chinese" in "Chinese running text".
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
# CJK and full-width punctuation, including the curly quotes Chinese typesetting uses.
CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
HAN_RE = re.compile(f"[{HAN}]")
CJK_RE = re.compile(f"[{HAN}{CJK_PUNCT}]")

# A sentence ends with one of these, optionally followed by closing quotes or brackets.
SENTENCE_FINAL = "。！？!?…"
CLOSERS = "”’」』）)》】"
_FINAL_RE = re.compile(f"[{re.escape(SENTENCE_FINAL)}][{re.escape(CLOSERS)}]*$")
# Punctuation no line of Chinese text may open with: a line that does was wrapped from the one before.
LINE_CONTINUING = CLOSERS + "。！？，、；：…"
# Punctuation after which a sentence obviously goes on.
CONTINUING = "，、；：,;:-（(“‘《「『【"  # not the dash: 背景—— is a heading

# Enumerators that open a numbered point: 一是 二是 …, 一、 二、 …, （一） …, 1. 2. …, 第一，
ENUMERATOR_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[，,、])"
)


def display_width(text: str) -> int:
    """Columns the text takes in a monospaced layout: wide (CJK) characters count double."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def ends_sentence(text: str) -> bool:
    return bool(_FINAL_RE.search(text.rstrip()))


def ends_mid_sentence(text: str) -> bool:
    """True when the text visibly breaks off: no sentence-final punctuation at its end."""
    return not ends_sentence(text)


def has_han(text: str) -> bool:
    return bool(HAN_RE.search(text))


def starts_with_enumerator(text: str) -> bool:
    return bool(ENUMERATOR_RE.match(text.lstrip()))


def leading_indent(raw_line: str) -> int:
    """Width of a line's leading whitespace (an ideographic space counts as two columns)."""
    stripped = raw_line.lstrip()
    return display_width(raw_line[: len(raw_line) - len(stripped)])


def non_space(text: str) -> str:
    """The text with all whitespace removed: what the losslessness check compares."""
    return "".join(text.split())
