"""The edition's normalisation rules. Nothing else in the text is ever changed.

Each rule is a small pure function; ``RULES`` documents them for the Editorial method page.

N1  Layout whitespace: a line's leading and trailing whitespace is layout, not text.
N2  Wrapped lines: lines hard-wrapped inside a paragraph are joined with nothing between
    them (Chinese has no spaces between words); with one space only where both sides are
    Latin letters or digits and not both digits (a number broken by the wrap, as a Chinese
    typesetter setting a fixed number of characters a line breaks one, is one number).
N3  PDF artefact spaces (PDF extractions only): spaces between a Chinese character and a Latin
    letter or digit are extraction artefacts and are dropped ("拆除 299 宗" -> "拆除299宗");
    any other run of two or more spaces is a layout gap and becomes one space.
N4  Full-width punctuation: half-width , : ; ( ) ! ? used in Chinese running text become
    ，：；（）！？. Numbers (1,000), times (10:29), ratios, URLs and e-mail addresses are untouched,
    and so is punctuation between Latin letters or digits.
N5  Headlines: a headline wrapped over several lines is joined with one space between its lines.
N6  Radical characters: a CJK radical character (⼯ U+2F2F, ⺠ U+2EA0) in running text is the
    ideograph whose glyph it shares (工, 民): PDF producers write radicals into the text layer for
    the ideographs they print (edition.clean.radicals).
N7  Dash ligatures (PDF extractions only): ⸺ (U+2E3A) and ⸻ (U+2E3B) are the single glyphs fonts
    set for two and three em dashes; the text is the dashes (—— and ———).
"""

from __future__ import annotations

import re

from edition.clean.radicals import TABLE as RADICAL_TABLE
from edition.clean.text import CJK_PUNCT, HAN

RULES: dict[str, str] = {
    "N1": "A line's leading and trailing whitespace is layout and is removed.",
    "N2": "Lines hard-wrapped inside a paragraph are joined with nothing between them; with one space "
    "only where both sides are Latin letters or digits and not both digits (a number broken by the wrap is one "
    "number).",
    "N3": "PDF extractions only: spaces between a Chinese character and a Latin letter or digit are "
    "extraction artefacts and are dropped (拆除 299 宗 → 拆除299宗); any other run of two or more spaces "
    "is a layout gap and becomes one space.",
    "N4": "Half-width , : ; ( ) ! ? in Chinese running text become full-width ，：；（）！？; numbers "
    "(1,000), times (10:29), URLs, e-mail addresses and punctuation between Latin letters or digits are untouched.",
    "N5": "A headline wrapped over several lines is joined with one space between its lines.",
    "N6": "A CJK radical character (⼯, ⺠) in running text is the ideograph whose glyph it shares (工, 民): PDF "
    "producers write radicals into the text layer for the ideographs they print.",
    "N7": "PDF extractions only: ⸺ and ⸻, the single glyphs fonts set for two and three em dashes, are "
    "the dashes —— and ———.",
}

_CJK_CLASS = f"{HAN}{CJK_PUNCT}"
_ARTEFACT_SPACE = re.compile(f"(?<=[{HAN}{CJK_PUNCT}]) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%]) +(?=[{HAN}{CJK_PUNCT}])")
_SPACE_RUN = re.compile(r"[ \u3000\t]{2,}")
_PROTECTED = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")
_HAN_CHAR = re.compile(f"[{HAN}]")


def join_wrapped(lines: list[str]) -> str:
    """N2: join the stripped lines of one paragraph."""
    out = ""
    for line in (part.strip() for part in lines):
        if not line:
            continue
        before, after = out[-1:], line[0]
        if (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
                and not (before.isdigit() and after.isdigit())):
            out += " "
        out += line
    return out


def join_headline(lines: list[str]) -> str:
    """N5: a headline's lines, joined with one space."""
    return " ".join(part.strip() for part in lines if part.strip())


def drop_pdf_artefact_spaces(text: str) -> str:
    """N3 (PDF extractions only)."""
    text = _ARTEFACT_SPACE.sub("", text)
    return _SPACE_RUN.sub(" ", text)


def full_width_punctuation(text: str) -> str:
    """N4: half-width punctuation in Chinese running text becomes full-width."""
    protected = [m.span() for m in _PROTECTED.finditer(text)]
    chars = list(text)
    for i, c in enumerate(chars):
        if c not in _FULL or any(a <= i < b for a, b in protected):
            continue
        before = _neighbour(text, i, -1)
        after = _neighbour(text, i, +1)
        if (c in "(" and _paren_encloses_chinese(text, i)) or (c in ")" and _paren_closes_chinese(text, i)):
            chars[i] = _FULL[c]
        elif c in "()":
            continue
        elif _is_cjk(before) or (_is_cjk(after) and not _is_latin_or_digit(before)):
            chars[i] = _FULL[c]
    return "".join(chars)


_RADICALS = str.maketrans(RADICAL_TABLE)


def radicals_to_ideographs(text: str) -> str:
    """N6."""
    return text.translate(_RADICALS)


def dash_ligatures(text: str) -> str:
    """N7 (PDF extractions only)."""
    return text.replace("\u2e3a", "——").replace("\u2e3b", "———")


def normalise(text: str, *, pdf: bool) -> str:
    """All character-level rules for one piece of running text: N6, N4, then (PDF only) N7 and N3."""
    text = full_width_punctuation(radicals_to_ideographs(text))
    return drop_pdf_artefact_spaces(dash_ligatures(text)) if pdf else text


_TRANSPARENT = frozenset(" ") | frozenset(_FULL) | frozenset(_FULL.values())


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest character before (step -1) or after (step +1) position i that decides its context.

    Spaces and the punctuation N4 converts are skipped, so that a run such as "::" is decided as a whole
    and converting it once more changes nothing (the rule is idempotent).
    """
    j = i + step
    while 0 <= j < len(text) and text[j] in _TRANSPARENT:
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _is_cjk(c: str) -> bool:
    return bool(c) and bool(_CJK_CHAR.match(c))


def _is_latin_or_digit(c: str) -> bool:
    return bool(c) and c.isascii() and c.isalnum()


def _paren_encloses_chinese(text: str, i: int) -> bool:
    """An opening bracket is Chinese if what it encloses has Han characters, or Chinese text precedes it."""
    close = min((j for j in (text.find(")", i + 1), text.find("）", i + 1)) if j != -1), default=len(text))
    return bool(_HAN_CHAR.search(text[i + 1 : close])) or _is_cjk(_neighbour(text, i, -1))


def _paren_closes_chinese(text: str, i: int) -> bool:
    """A closing bracket is Chinese if what it closes has Han characters, or Chinese text follows it."""
    opening = max(text.rfind("(", 0, i), text.rfind("（", 0, i))
    inner = text[opening + 1 : i] if opening != -1 else ""
    return bool(_HAN_CHAR.search(inner)) or _is_cjk(_neighbour(text, i, +1)) or (
        opening == -1 and _is_cjk(_neighbour(text, i, -1))
    )
