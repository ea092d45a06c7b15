"""Load and check ``glossary.yaml``, the editors' glossary of campaign terminology.

Every fault raises :class:`EditionError` naming the file, the entry (its id) and the entry's line.
Each term has one preferred English rendering (``en``), its other grammatical forms (``en_forms``:
plural, verb or adjective, hyphenation, a short form; accepted anywhere) and the variants it
tolerates only in a stated context (``en_variants``: ``{en, within, reports, why}``; see
:class:`Variant`). QA (:mod:`edition.qa_terms`) holds the translations to exactly that.

Pinyin is generated with pypinyin (tone marks, the syllables of a word written together, words
separated by spaces, e.g. ``dǎngjiàn yǐnlǐng``) unless the entry gives its own.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jieba
from pypinyin import Style, lazy_pinyin

from edition.errors import EditionError
from edition.yamlfile import BOOKKEEPING, load_yaml_with_lines

FIELDS = ("id", "zh", "variants", "pinyin", "en", "en_forms", "en_variants", "category", "definition", "note",
          "related")
VARIANT_FIELDS = ("en", "within", "reports", "why")
REQUIRED = ("id", "zh", "en", "category", "definition")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{_HAN}]")
_HAN_RUN_RE = re.compile(f"([{_HAN}]+)")


@dataclass(frozen=True)
class Variant:
    """An English rendering other than the preferred one, tolerated only where its context holds:
    the block's Chinese contains one of the phrases ``within`` and/or the block is in one of
    ``reports``. ``why`` says why, for translators and reviewers."""

    en: str
    why: str
    within: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()
    line: int | None = None

    def holds(self, zh: str, slug: str) -> bool:
        """Whether a block (its Chinese, its report) is a context the variant is tolerated in."""
        if self.within and not any(phrase in zh for phrase in self.within):
            return False
        return not self.reports or slug in self.reports

    @property
    def context(self) -> str:
        """The context in words: "within 入户调查" / "in report kaihua-…"."""
        parts = []
        if self.within:
            parts.append("within " + " or ".join(self.within))
        if self.reports:
            parts.append("in report " + " or ".join(self.reports))
        return ", ".join(parts)

    def record(self) -> dict[str, Any]:
        return {"en": self.en, "within": list(self.within), "reports": list(self.reports), "why": self.why}


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    variants: tuple[str, ...]
    pinyin: str
    en: str
    en_variants: tuple[Variant, ...]
    category: str
    definition: str
    note: str
    related: tuple[str, ...]
    line: int | None = None
    en_forms: tuple[str, ...] = ()

    @property
    def zh_forms(self) -> tuple[str, ...]:
        """The Chinese forms to match in the text: the headword, then its variants (no repeats)."""
        return tuple(dict.fromkeys((self.zh, *self.variants)))

    @property
    def preferred(self) -> tuple[str, ...]:
        """The preferred rendering and its other forms: what a translation uses wherever no variant's
        context holds."""
        return (self.en, *self.en_forms)

    @property
    def renderings(self) -> tuple[str, ...]:
        """Every English the glossary knows for the term: preferred, its forms, then the variants."""
        return (*self.preferred, *(v.en for v in self.en_variants))

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
            "en_forms": list(self.en_forms),
            "en_variants": [v.record() for v in self.en_variants],
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


def english_key(text: str) -> str:
    """How English renderings are compared: case-insensitively, typographic apostrophes as ', a hyphen
    as a space ("Party-building" is "Party building"), runs of spaces as one."""
    folded = text.casefold().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return " ".join(re.sub(r"[-\u2010\u2011]", " ", folded).split())


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
    en = entry["en"].strip()
    en_forms = _strings(path, name, entry, "en_forms", line)
    en_variants = _variants(path, name, entry, (entry["zh"].strip(), *variants), line)
    _check_renderings(path, name, en, en_forms, en_variants, line)
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
        en=en,
        en_variants=en_variants,
        category=category,
        definition=entry["definition"].strip(),
        note=(note or "").strip(),
        related=related,
        line=line,
        en_forms=en_forms,
    )


def _variants(
    path: Path | str, name: str, entry: dict[str, Any], zh_forms: tuple[str, ...], line: int | None
) -> tuple[Variant, ...]:
    """The ``en_variants`` of an entry: mappings ``{en, within and/or reports, why}``."""
    value = entry.get("en_variants")
    if value is None:
        return ()
    at = entry.get("__lines__", {}).get("en_variants", line)
    if not isinstance(value, list):
        raise EditionError(path, f"{name}: 'en_variants' must be a list of {{en, within, reports, why}}", at)
    found: list[Variant] = []
    for item in value:
        if isinstance(item, str):
            raise EditionError(
                path,
                f"{name}: English variant {item!r} has no context: write it "
                f"{{en: {item!r}, within: <Chinese phrase>, why: <why>}} (or reports: [<slug>]), or list it "
                "under en_forms if it is a form of the preferred rendering (plural, verb, hyphenation)",
                at,
            )
        if not isinstance(item, dict):
            raise EditionError(path, f"{name}: each English variant must be a mapping {{en, within, reports, why}}",
                               at)
        found.append(_variant(path, name, item, zh_forms, item.get("__line__", at)))
    return tuple(found)


def _variant(
    path: Path | str, name: str, item: dict[str, Any], zh_forms: tuple[str, ...], at: int | None
) -> Variant:
    unknown = sorted(set(item) - set(VARIANT_FIELDS) - set(BOOKKEEPING))
    if unknown:
        raise EditionError(path, f"{name}: English variant: unknown field(s) {', '.join(unknown)} "
                           f"(fields: {', '.join(VARIANT_FIELDS)})", at)
    for key in ("en", "why"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise EditionError(path, f"{name}: English variant: {key!r} is missing or empty", at)
    en = item["en"].strip()
    within = _one_or_more(path, name, item, "within", at)
    reports = _one_or_more(path, name, item, "reports", at)
    if not within and not reports:
        raise EditionError(path, f"{name}: English variant {en!r} states no context: give 'within' (Chinese "
                           "phrases) and/or 'reports' (report slugs) where it is tolerated", at)
    for phrase in within:
        if not any(form in phrase for form in zh_forms):
            raise EditionError(path, f"{name}: English variant {en!r}: 'within' phrase {phrase!r} does not "
                               f"contain the term ({'/'.join(zh_forms)})", at)
    for slug in reports:
        if not ID_RE.match(slug):
            raise EditionError(path, f"{name}: English variant {en!r}: {slug!r} is not a report slug", at)
    return Variant(en=en, why=item["why"].strip(), within=within, reports=reports, line=at)


def _one_or_more(path: Path | str, name: str, item: dict[str, Any], key: str, at: int | None) -> tuple[str, ...]:
    value = item.get(key)
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise EditionError(path, f"{name}: English variant: {key!r} must be text or a list of texts", at)
    return tuple(v.strip() for v in values)


def _check_renderings(
    path: Path | str, name: str, en: str, forms: tuple[str, ...], variants: tuple[Variant, ...],
    line: int | None,
) -> None:
    """No rendering listed twice (as compared, :func:`english_key`): a variant that is also the preferred
    rendering or a form would be tolerated everywhere and nowhere."""
    seen: dict[str, str] = {english_key(en): "the preferred rendering"}
    for text, what, at in [*((f, "a form", line) for f in forms), *((v.en, "a variant", v.line) for v in variants)]:
        key = english_key(text)
        if key in seen:
            raise EditionError(path, f"{name}: {what} {text!r} is the same as {seen[key]} (case, hyphens and "
                               "apostrophes are not told apart)", at)
        seen[key] = f"{what} {text!r}"


def check_variant_reports(path: Path | str, terms: Iterable[Term], slugs: Collection[str]) -> None:
    """Every report a variant names is one of the edition's (a typo must not pass silently)."""
    for term in terms:
        for variant in term.en_variants:
            for slug in variant.reports:
                if slug not in slugs:
                    raise EditionError(path, f"entry {term.id!r}: English variant {variant.en!r} names report "
                                       f"{slug!r}, which the edition does not have", variant.line)


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
