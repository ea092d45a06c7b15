"""Find every occurrence of every glossary term in the edition's texts.

Matching rules:

* every Chinese form of a term (headword and variants) is matched;
* Latin letters match case-insensitively (``1+n+x`` is ``1+N+X``), and a form that begins or ends
  with a Latin letter or digit does not match inside a longer Latin word or number (``1+X`` is not
  found in ``21+X``);
* occurrences never overlap, and the longest wins: all candidate matches are taken longest first
  (then leftmost), and one that overlaps an already chosen match is dropped. So 党支部 inside
  临时党支部 is not counted again at that position.

The forms are compiled once into a character trie (:class:`Matcher`); scanning a text costs
(length of text) x (length of the longest form) at most.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from edition.model import Report
from edition.read.glossary import Term, match_key

TextKey = tuple[str, str]  # (report slug, block id)


@dataclass(frozen=True, order=True)
class Occurrence:
    term_id: str
    slug: str
    block_id: str
    start: int  # character offsets in the block's text, end exclusive
    end: int
    form: str  # the text as it stands in the block (its case, its variant)


class _Node:
    __slots__ = ("children", "ends_word", "starts_word", "term_id")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.term_id: str | None = None  # set on a node that ends a form
        self.starts_word = False  # the form begins with a Latin letter or digit
        self.ends_word = False  # the form ends with one


class Matcher:
    """All the Chinese forms of a glossary, compiled into a trie of their match keys."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._root = _Node()
        for term in terms:
            for form in term.zh_forms:
                key = match_key(form)
                if not key:
                    continue
                node = self._root
                for char in key:
                    node = node.children.setdefault(char, _Node())
                if node.term_id is None:
                    node.term_id = term.id
                    node.starts_word, node.ends_word = _is_word_char(key[0]), _is_word_char(key[-1])

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """The chosen matches in ``text`` as (start, end, term id), in text order."""
        key = match_key(text)
        candidates: list[tuple[int, int, str]] = []
        for start in range(len(key)):
            node = self._root
            position = start
            while position < len(key):
                child = node.children.get(key[position])
                if child is None:
                    break
                node = child
                position += 1
                if node.term_id is not None and _on_boundaries(key, start, position, node):
                    candidates.append((start, position, node.term_id))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = [False] * len(key)
        chosen: list[tuple[int, int, str]] = []
        for start, end, term_id in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            chosen.append((start, end, term_id))
        chosen.sort()
        return chosen


def _on_boundaries(key: str, start: int, end: int, node: _Node) -> bool:
    if node.starts_word and start > 0 and _is_word_char(key[start - 1]):
        return False
    return not (node.ends_word and end < len(key) and _is_word_char(key[end]))


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def find_occurrences(
    terms: Iterable[Term] | Matcher, texts: Iterable[tuple[str, str, str]]
) -> list[Occurrence]:
    """Every occurrence of every term in ``texts``, given as (report slug, block id, text).

    The result is in input order of the texts, then by position in the text.
    """
    matcher = terms if isinstance(terms, Matcher) else Matcher(terms)
    found: list[Occurrence] = []
    for slug, block_id, text in texts:
        for start, end, term_id in matcher.spans(text):
            found.append(Occurrence(term_id, slug, block_id, start, end, text[start:end]))
    return found


def report_texts(reports: Iterable[Report]) -> list[tuple[str, str, str]]:
    """(slug, block id, Chinese text) for every anchored block of the given reports."""
    return [(r.slug, b.id, b.zh) for r in reports for b in r.blocks if b.id is not None]


def count_by_term(occurrences: Iterable[Occurrence]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for occurrence in occurrences:
        counts[occurrence.term_id] = counts.get(occurrence.term_id, 0) + 1
    return counts
