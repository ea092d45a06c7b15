"""Load and check ``glossary.yaml``, the editors' glossary of campaign terminology.

Every fault raises :class:`EditionError` naming the file, the entry (its id) and the entry's line.
Pinyin is generated with pypinyin (tone marks, the syllables of a word written together, words
separated by spaces, e.g. ``dǎngjiàn yǐnlǐng``) unless the entry gives its own.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jieba
from pypinyin import Style, lazy_pinyin

from edition.errors import EditionError
from edition.yamlfile import BOOKKEEPING, load_yaml_with_lines

FIELDS = ("id", "zh", "variants", "pinyin", "en", "en_variants", "category", "definition", "note", "related")
REQUIRED = ("id", "zh", "en", "category", "definition")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{_HAN}]")
_HAN_RUN_RE = re.compile(f"([{_HAN}]+)")


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    variants: tuple[str, ...]
    pinyin: str
    en: str
    en_variants: tuple[str, ...]
    category: str
    definition: str
    note: str
    related: tuple[str, ...]
    line: int | None = None

    @property
    def zh_forms(self) -> tuple[str, ...]:
        """The Chinese forms to match in the text: the headword, then its variants (no repeats)."""
        return tuple(dict.fromkeys((self.zh, *self.variants)))

    @property
    def renderings(self) -> tuple[str, ...]:
        """The English a translation may use for the term: its rendering, then the accepted variants."""
        return (self.en, *self.en_variants)

    @property
    def tooltip(self) -> str:
        return f"{self.pinyin} · {self.en}"

    def record(self) -> dict[str, Any]:
        """The term's editorial fields as plain data (lists, not tuples; no line number)."""
        return {
            "id": self.id,
            "zh": self.zh,
            "variants": list(self.variants),
            "pinyin": self.pinyin,
            "en": self.en,
            "en_variants": list(self.en_variants),
            "category": self.category,
            "definition": self.definition,
            "note": self.note,
            "related": list(self.related),
        }


def load_glossary(path: Path, categories: Collection[str] = ()) -> list[Term]:
    """Parse and check the glossary; the terms in file order. ``categories``: the edition's
    (``glossary.categories`` of edition.yml); a term of any other is an error (none given: any)."""
    data = load_yaml_with_lines(Path(path))
    if data is None:
        return []
    if not isinstance(data, list):
        raise EditionError(path, "the glossary must be a list of entries", _line(data))
    terms = [_term(path, entry, categories) for entry in data]
    check_glossary(path, terms)
    return terms


def check_glossary(path: Path | str, terms: list[Term]) -> None:
    """Checks across entries: unique ids, unique Chinese forms, known related ids."""
    ids: dict[str, Term] = {}
    for term in terms:
        if term.id in ids:
            raise EditionError(path, f"entry {term.id!r}: duplicate id (first at line {ids[term.id].line})",
                               term.line)
        ids[term.id] = term
    forms: dict[str, Term] = {}
    for term in terms:
        mine: set[str] = set()
        for form in (term.zh, *term.variants):
            if form in mine:
                raise EditionError(path, f"entry {term.id!r}: Chinese form {form!r} is listed twice",
                                   term.line)
            mine.add(form)
        for key in {match_key(form) for form in mine}:
            other = forms.get(key)
            if other is not None:
                raise EditionError(
                    path,
                    f"entry {term.id!r}: Chinese form {key!r} is also a form of {other.id!r} "
                    f"(line {other.line})",
                    term.line,
                )
            forms[key] = term
    for term in terms:
        for related in term.related:
            if related not in ids:
                raise EditionError(path, f"entry {term.id!r}: related id {related!r} is not in the glossary",
                                   term.line)
            if related == term.id:
                raise EditionError(path, f"entry {term.id!r}: an entry cannot be related to itself",
                                   term.line)


def match_key(form: str) -> str:
    """How a form is compared: Latin letters case-insensitively (1+n+x = 1+N+X), Chinese as is."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in form)


def generate_pinyin(zh: str) -> str:
    """Pinyin with tone marks, one word's syllables written together, words separated by spaces.

    Latin letters, digits and signs (``1+N+X``, the ``+`` of ``党建+专班``) are kept as they are;
    punctuation (、“”) is dropped.
    """
    words: list[str] = []
    for run in _HAN_RUN_RE.split(zh):
        if not run:
            continue
        if _HAN_RE.match(run):
            for token in _tokenizer().lcut(run):
                words.append(_join_syllables(lazy_pinyin(token, style=Style.TONE)))
        else:
            kept = "".join(run.split())
            if kept and not all(unicodedata.category(c).startswith("P") for c in kept):
                words.append(kept)
    return " ".join(w for w in words if w)


def _join_syllables(syllables: list[str]) -> str:
    """Join a word's syllables, with an apostrophe before a, o, e after the first (xī'ān)."""
    out = ""
    for syllable in syllables:
        if not syllable:
            continue
        base = unicodedata.normalize("NFD", syllable[0])[0].lower()
        if out and base in "aoe":
            out += "'"
        out += syllable
    return out


@cache
def _tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer: the glossary's own user dictionary must not glue words together here."""
    jieba.setLogLevel(logging.WARNING)  # not the "Building prefix dict" chatter on every build
    return jieba.Tokenizer()


def _term(path: Path | str, entry: Any, categories: Collection[str] = ()) -> Term:
    if not isinstance(entry, dict):
        raise EditionError(path, "each glossary entry must be a mapping", _line(entry))
    line = entry.get("__line__")
    raw_id = entry.get("id")
    name = f"entry {raw_id!r}" if isinstance(raw_id, str) and raw_id.strip() else "an entry"
    unknown = sorted(set(entry) - set(FIELDS) - set(BOOKKEEPING))
    if unknown:
        raise EditionError(path, f"{name}: unknown field(s) {', '.join(unknown)}", line)
    for key in REQUIRED:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise EditionError(path, f"{name}: required field {key!r} is missing or empty", line)
    term_id = entry["id"].strip()
    if not ID_RE.match(term_id):
        raise EditionError(path, f"{name}: id must be a slug of lower-case letters, digits and hyphens", line)
    category = entry["category"].strip()
    if categories and category not in categories:
        known = ", ".join(categories)
        raise EditionError(path, f"{name}: unknown category {category!r} (one of {known})", line)
    variants = _strings(path, name, entry, "variants", line)
    en_variants = _strings(path, name, entry, "en_variants", line)
    related = _strings(path, name, entry, "related", line)
    pinyin = entry.get("pinyin")
    if pinyin is not None and not isinstance(pinyin, str):
        raise EditionError(path, f"{name}: 'pinyin' must be text or null", line)
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        raise EditionError(path, f"{name}: 'note' must be text", line)
    zh = entry["zh"].strip()
    return Term(
        id=term_id,
        zh=zh,
        variants=variants,
        pinyin=pinyin.strip() if pinyin and pinyin.strip() else generate_pinyin(zh),
        en=entry["en"].strip(),
        en_variants=en_variants,
        category=category,
        definition=entry["definition"].strip(),
        note=(note or "").strip(),
        related=related,
        line=line,
    )


def _strings(
    path: Path | str, name: str, entry: dict[str, Any], key: str, line: int | None
) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise EditionError(path, f"{name}: {key!r} must be a list of non-empty strings", line)
    return tuple(v.strip() for v in value)


def _line(value: Any) -> int | None:
    return value.get("__line__") if isinstance(value, dict) else None
