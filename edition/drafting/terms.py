"""The edition's terms as a drafting engine is given them: Chinese form -> preferred English rendering.

Taken from ``glossary.yaml`` through its loader (:func:`edition.read.glossary.load_glossary`).
Which English is "preferred" is decided in one place, :func:`preferred_renderings`, so that it can
change there alone (today it is each entry's ``en``; marks of preferred and tolerated variants are
to come). A DeepL glossary gets every entry; a language model gets only those whose Chinese occurs
in the text it translates (:func:`occurring`), to keep its instructions short.

:func:`digest` names a term list in a cache key and in a DeepL glossary's name: the same entries
give the same digest, any change gives another, so that nothing drafted with one term list is
taken for a draft made with another.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from edition.read.glossary import Term, load_glossary

DIGEST_LENGTH = 12  # hex digits: enough to tell term lists apart, short enough to read


def preferred_renderings(glossary: Iterable[Term]) -> dict[str, str]:
    """Each Chinese form of each term (the headword and its variants) -> the term's preferred English."""
    return {form: term.en for term in glossary for form in term.zh_forms}


def load(path: Path) -> dict[str, str]:
    """The preferred renderings of the glossary at ``path`` (its loader reports any fault in it)."""
    return preferred_renderings(load_glossary(path))


def occurring(text: str, terms: Mapping[str, str]) -> dict[str, str]:
    """The entries whose Chinese form occurs in ``text``, in the glossary's order (a longer term and
    one it contains both occur: 党建引领 and 党建 alike)."""
    return {zh: en for zh, en in terms.items() if zh in text}


def digest(terms: Mapping[str, str]) -> str:
    """A short hash of the entries (their order does not count)."""
    data = json.dumps(sorted(terms.items()), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def label(count: int) -> str:
    """How a provenance says how many entries an engine was given."""
    return f"edition glossary {count} term{'' if count == 1 else 's'}"
