"""Quality checks for every translated entry (draft or reviewed).

Checks (their names are what ``# qa-ok: <check>: <why>`` silences for one entry):

* ``empty`` – the English is only whitespace;
* ``untranslated`` – the English is the Chinese;
* ``cjk`` – Chinese characters or full-width punctuation left in the English;
* ``length`` – English/Chinese length ratio outside a sane band;
* ``numbers`` – a number of the Chinese has no equivalent in the English (see :func:`chinese_numbers`);
* ``glossary`` – a glossary term of the Chinese without any English rendering the glossary knows;
* ``glossary-variant`` – a term rendered by a variant outside the context the glossary tolerates it in;
* ``glossary-consistency`` – a term rendered two ways in one block or in one report
  (these three: :mod:`edition.qa_terms`).

Each finding names the report, the anchor id and the PO file and line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from edition import qa_terms
from edition.config import DEFAULTS, QA
from edition.model import Finding
from edition.read.glossary import Term
from edition.translate import po as pofile

CHECKS = pofile.QA_CHECKS  # the names a ``# qa-ok: <check>: <why>`` comment may give (the PO grammar)

# --- glossary ---------------------------------------------------------------------------------


def glossary_findings(zh: str, en: str, terms: Iterable[Term], slug: str = "") -> list[str]:
    """The ``glossary`` findings of one translation: terms of the Chinese (longest form first; a shorter
    term inside a longer one is not counted again) with no rendering the glossary knows in the English."""
    return [m for check, m in qa_terms.block_findings(qa_terms.term_usages(zh, en, terms, slug)) if check == "glossary"]


# --- numbers ----------------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_NUM = "零〇○一二两三四五六七八九十百千万亿"

# Measure words and units after which a Chinese numeral is a count (the numeral then has to be in
# the English). Without one, a numeral is usually part of a word or slogan (一线, 统一, 四带头).
_CLASSIFIERS = (
    "个月",
    "个",
    "名",
    "户",
    "人",
    "天",
    "日",
    "年",
    "次",
    "间",
    "栋",
    "幢",
    "处",
    "项",
    "宗",
    "位",
    "条",
    "座",
    "套",
    "亩",
    "元",
    "小时",
    "周",
    "星期",
    "场",
    "轮",
    "组",
    "支",
    "家",
    "份",
    "期",
    "片",
    "类",
    "批次",
    "平方米",
    "米",
    "公里",
    "千米",
    "倍",
    "成",
    "余",
    "多",
    "届",
    "岁",
    "件",
    "起",
    "笔",
    "张",
    "层",
    "号",
    "月",
    "季度",
    "点",
    "部",
    "台",
    "辆",
    "所",
    "村",
    "镇",
    "乡",
    "县",
    "区",
    "街道",
    "社区",
)
_CLASSIFIER = "|".join(sorted(_CLASSIFIERS, key=len, reverse=True))

# Words of the language built with numerals that are not numbers in English (a justification each).
# An edition adds the words of its own texts (slogans, congresses) as qa.numeral_words in edition.yml.
_IDIOMS = (
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "六是",
    "七是",
    "八是",
    "九是",
    "十是",  # enumerators: First, Second
    "一把手",  # "top leader"
    "一线",  # "front line"
    "第一时间",  # "at once"
    "一次性",  # "one-off, in one go"
    "一对一",
    "面对面",
    "点对点",  # "one-to-one"
    "一批",
    "一大批",
    "一系列",
    "一些",
    "一起",
    "一致",
    "一切",
    "一直",
    "一定",
    "一样",
    "一般",
    "一度",
    "一道",
    "一同",
    "一律",
    "一并",
    "一举",
    "一体",
    "统一",
    "唯一",
    "进一步",
    "万一",
    "一方面",
    "千方百计",  # "by every possible means"
    "千家万户",  # "countless households"
    "三番五次",
    "七嘴八舌",
    "一心一意",
    "一五一十",
    "一清二楚",
    "四面八方",
    "五花八门",  # four-character idioms
)

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "half": 0.5,
    "single": 1,
    "double": 2,
    "twice": 2,
    "triple": 3,
    "once": 1,
}
_EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "hundredth": 100,
}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


@dataclass(frozen=True)
class Number:
    value: float
    text: str  # as written in the Chinese
    month: bool = False  # a month of the year: 9月 <-> "September"
    alternatives: tuple[float, ...] = ()  # other acceptable values (90年代: 1990 as in "the 1990s")


def parse_chinese_numeral(text: str) -> float | None:
    """三十五 -> 35, 十二 -> 12, 一百二十 -> 120, 两千 -> 2000, 一亿 -> 1e8, 二〇一八 -> 2018."""
    if not text or any(ch not in _CN_NUM for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text) and len(text) > 1:  # digit by digit, as in years
        return float("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:  # 万, 亿
            section += digit or 0
            if not section and not total:
                section = 1  # 万人: ten thousand people
            total = (total + section) * _CN_BIG[ch] if total < _CN_BIG[ch] else total + section * _CN_BIG[ch]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def _arabic(text: str) -> float:
    return float(text.replace(",", "").replace("，", ""))


_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = r"(?:(多|余)?(万亿|亿|万|千(?![米克瓦]))(多|余)?)"
_BIG_VALUES = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千": 1e3}

_CHINESE_PATTERNS: tuple[tuple[str, str], ...] = (
    # decades: (上世纪)90年代 -> "the 1990s"
    ("decade", r"(本世纪|21世纪|二十一世纪)?(\d0)年代"),
    # 百分之八十 -> 80 (per cent)
    ("percent", rf"百分之([{_CN_NUM}点]+|{_ARABIC})"),
    # months: 9月, 十二月 (not 个月, a duration)
    ("month", rf"(?<![\d.{_CN_NUM}])(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月"),
    ("arabic", rf"({_ARABIC}){_SCALE}?"),
    ("chinese", rf"(?<!第)([{_CN_NUM}]+)(?=({_CLASSIFIER}|%|％))"),
    ("ordinal", rf"第([{_CN_NUM}]+)"),
)


def chinese_numbers(zh: str, numeral_words: Iterable[str] = ()) -> list[Number]:
    """The numbers a faithful English rendering of ``zh`` has to contain.

    Arabic numbers (with 万/亿 scaling: 14.4万 -> 144,000; 2万多 and 40多万 -> 20,000 and 400,000),
    percentages, dates (3月20日 -> the month March and the day 20), ranges (5-10 -> 5 and 10),
    ordinals (第三 -> 3) and Chinese numerals that count something (十二天 -> 12). Not checked: a lone
    一 before a measure word (it is the article "a"), enumerators (一是, 一、, （一）), the words in
    ``_IDIOMS`` and the edition's ``numeral_words``.
    """
    text = zh
    for idiom in sorted({*_IDIOMS, *numeral_words}, key=len, reverse=True):
        text = text.replace(idiom, "\u0000" * len(idiom))
    text = re.sub(
        rf"[（(]\s*[{_CN_NUM}\d]+\s*[)）]|(?<![{_CN_NUM}])[{_CN_NUM}]+、",
        lambda m: " " * len(m.group()),
        text,
    )  # enumerators
    found: list[Number] = []
    for kind, pattern in _CHINESE_PATTERNS:

        def take(match: re.Match[str], kind: str = kind) -> str:
            number = _chinese_match(kind, match)
            if number is not None:
                found.append(number)
            return "\u0000" * len(match.group())

        text = re.sub(pattern, take, text)
    return found


def _chinese_match(kind: str, match: re.Match[str]) -> Number | None:
    raw = match.group(0)
    if kind == "percent":
        body = match.group(1)
        value = _arabic(body) if body[0].isdigit() else _chinese_decimal(body)
        return Number(value, raw) if value is not None else None
    if kind == "decade":
        decade = float(match.group(2))
        century = 2000.0 if match.group(1) else 1900.0
        return Number(century + decade, raw, alternatives=(decade,))
    if kind == "month":
        body = match.group(1)
        value = float(body) if body.isdigit() else parse_chinese_numeral(body)
        if value is None or not 1 <= value <= 12:
            return None
        return Number(value, raw, month=True)
    if kind == "arabic":
        value = _arabic(match.group(1))
        if match.group(3):
            value *= _BIG_VALUES[match.group(3)]
        return Number(value, raw)
    value = parse_chinese_numeral(match.group(1))
    if value is None:
        return None
    if kind == "chinese" and value == 1:
        return None  # 一个, 一名: the English article "a"
    return Number(value, raw)


def _chinese_decimal(text: str) -> float | None:
    whole, _, fraction = text.partition("点")
    value = parse_chinese_numeral(whole)
    if value is None:
        return None
    if fraction:
        digits = "".join(str(_CN_DIGITS.get(ch, "")) for ch in fraction)
        value = float(f"{int(value)}.{digits}") if digits else value
    return value


_EN_TOKEN = re.compile(rf"{_ARABIC}|[A-Za-z]+|[^\sA-Za-z\d-]")  # punctuation ends a number


def english_numbers(en: str) -> tuple[set[float], set[int]]:
    """The values written in the English (digits, number words, scales, ordinals) and the months named."""
    values: set[float] = set()
    months: set[int] = set()
    tokens = _EN_TOKEN.findall(en.replace("\u2011", "-"))
    words = [t.lower() for t in tokens]
    index = 0
    while index < len(tokens):
        token, word = tokens[index], words[index]
        if word in _MONTHS:
            months.add(_MONTHS.index(word) + 1)
        if word in _EN_ORDINALS:
            values.add(float(_EN_ORDINALS[word]))
        if (
            token[0].isdigit()
            or word in _EN_UNITS
            or word in _EN_SCALES
            or (word in ("a", "an") and index + 1 < len(words) and words[index + 1] in _EN_SCALES)
        ):
            value, index = _english_number(tokens, words, index, values)
            values.add(value)
            continue
        index += 1
    return values, months


def _english_number(tokens: list[str], words: list[str], index: int, values: set[float]) -> tuple[float, int]:
    """Read one number at ``index`` ("144,000", "1.2 million", "twenty-five", "a hundred million")."""
    total, current = 0.0, 0.0
    while index < len(tokens):
        token, word = tokens[index], words[index]
        if not token[0].isalnum():
            break
        if token[0].isdigit():
            if current:
                break
            current = _arabic(token)
            values.add(current)  # the bare figure too ("20" of "20 million")
        elif (
            word in ("a", "an") and current == 0 and index + 1 < len(words) and words[index + 1] in _EN_SCALES
        ):
            current = 1
        elif word in _EN_UNITS:
            unit = _EN_UNITS[word]
            tens_then_unit = current % 100 >= 20 and current % 10 == 0 and unit < 10  # twenty-five
            if current and not (current % 100 == 0 and unit < 100) and not tens_then_unit:
                break
            current += _EN_UNITS[word]
        elif word in _EN_SCALES:
            scale = _EN_SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        elif (
            word == "and" and (current or total) and index + 1 < len(words) and words[index + 1] in _EN_UNITS
        ):
            pass
        else:
            break
        index += 1
    return total + current, index


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def number_findings(zh: str, en: str, numeral_words: Iterable[str] = ()) -> list[str]:
    values, months = english_numbers(en)
    missing: list[str] = []
    for number in chinese_numbers(zh, numeral_words):
        if number.month and (int(number.value) in months or any(_same(number.value, v) for v in values)):
            continue
        accepted = (number.value, *number.alternatives)
        if not number.month and any(_same(w, v) for v in values for w in accepted):
            continue
        if number.text not in missing:
            missing.append(number.text)
    if not missing:
        return []
    return [f"not found in the English: {', '.join(missing)}"]


# --- the checks -------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]")


def entry_findings(
    zh: str, en: str, terms: Iterable[Term] = (), settings: QA = DEFAULTS.qa, slug: str = ""
) -> list[tuple[str, str]]:
    """(check, message) for one translation (``settings``: the ``qa`` section of edition.yml; ``slug``:
    its report, for the glossary variants tolerated in some reports only)."""
    if not en.strip():
        return [("empty", "the English is empty")]
    if en.strip() == zh.strip():
        return [("untranslated", "the English is the Chinese")]
    found: list[tuple[str, str]] = []
    cjk = sorted(set(_CJK.findall(en)))
    if cjk:
        found.append(("cjk", f"Chinese characters or full-width punctuation in the English: {''.join(cjk)}"))
    if len(zh) >= settings.length_min_chinese:
        ratio = len(en) / len(zh)
        low, high = settings.length_band
        if not low <= ratio <= high:
            found.append(
                (
                    "length",
                    f"English/Chinese length ratio {ratio:.1f} is outside {low}–{high}: "
                    "a sentence dropped or added?",
                )
            )
    found += [("numbers", m) for m in number_findings(zh, en, settings.numeral_words)]
    found += qa_terms.block_findings(qa_terms.term_usages(zh, en, terms, slug))
    return found


def check_catalog(
    slug: str, path: Path | str, po: polib.POFile, terms: Iterable[Term] = (), settings: QA = DEFAULTS.qa
) -> list[Finding]:
    """Findings for every translated (draft or reviewed) active entry, minus those a ``# qa-ok:`` accepts,
    then the terms the report renders differently from block to block (``glossary-consistency``)."""
    terms = list(terms)
    lines = pofile.entry_lines(pofile.dumps(po))
    findings: list[Finding] = []
    usages: list[tuple[str, list[qa_terms.Usage]]] = []
    accepted_at: dict[str, dict[str, str]] = {}
    for entry in pofile.active_entries(po):
        if pofile.status(entry) == pofile.MISSING:
            continue
        accepted = pofile.qa_ok(entry)
        anchor = entry.msgctxt or "?"
        accepted_at[anchor] = accepted
        for check, message in entry_findings(entry.msgid, entry.msgstr, terms, settings, slug):
            if check in accepted:
                continue
            findings.append(
                Finding(slug, anchor, str(path), lines.get(anchor, entry.linenum), check, message)
            )
        if "glossary-variant" not in accepted and "glossary-consistency" not in accepted:
            usages.append((anchor, qa_terms.term_usages(entry.msgid, entry.msgstr, terms, slug)))
    for anchor, check, message in qa_terms.report_findings(usages, lines):
        findings.append(Finding(slug, anchor, str(path), lines.get(anchor), check, message))
    return sorted(findings, key=lambda f: (f.line or 0))
