"""A jieba user dictionary made from the glossary, so that segmentation keeps its terms whole.

One line per Chinese form, ``word freq tag`` (jieba's user-dictionary format). The frequency is
high enough that jieba prefers the whole term to any split of it. jieba reads a line up to the
first space as the word, so forms that contain whitespace are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from edition.atomic import write_text
from edition.read.glossary import Term

FREQUENCY = 1_000_000
TAG = "nz"  # jieba/ICTCLAS tag for "other proper noun"


def user_dictionary_lines(terms: Iterable[Term], frequency: int = FREQUENCY, tag: str = TAG) -> list[str]:
    """``word freq tag`` for every Chinese form of every term, in glossary order, without repeats."""
    lines: list[str] = []
    seen: set[str] = set()
    for term in terms:
        for form in term.zh_forms:
            if not form or any(c.isspace() for c in form) or form in seen:
                continue
            seen.add(form)
            lines.append(f"{form} {frequency} {tag}")
    return lines


def user_dictionary(terms: Iterable[Term], frequency: int = FREQUENCY, tag: str = TAG) -> str:
    """The user dictionary as text (UTF-8, one line per form, final newline)."""
    lines = user_dictionary_lines(terms, frequency, tag)
    return "".join(f"{line}\n" for line in lines)


def write_user_dictionary(path: Path, terms: Iterable[Term]) -> bool:
    """Write the user dictionary to ``path`` (atomically); False if it was already up to date."""
    return write_text(Path(path), user_dictionary(terms))
