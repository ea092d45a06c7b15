"""Terminology QA: is each glossary term rendered as the glossary prefers, and the same way throughout?

The glossary gives each term one preferred rendering (with its grammatical forms) and variants
tolerated only in a stated context (:class:`~edition.read.glossary.Variant`). For every translated
block this module finds which of them the English uses, then:

* ``glossary`` – a term of the Chinese with no rendering the glossary knows;
* ``glossary-variant`` – a variant used where its context does not hold, and the preferred rendering
  not used (a ``# qa-ok: glossary-variant: <why>`` on the PO entry justifies it there);
* ``glossary-consistency`` – a term rendered two ways in one block, or differently from the other
  blocks of the same report, where no context justifies the difference.

English is compared by :func:`~edition.read.glossary.english_key` (case, hyphens, apostrophes), a
rendering starting at a word boundary (so "sign" is not found in "design", but "Party branch" is in
"Party branches"); a rendering inside a longer one of the same term is not counted again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from edition.read.glossary import Term, Variant, english_key

PREFERRED = ""  # the rendering class of the preferred rendering and its forms (a variant's class is its English)


@dataclass(frozen=True)
class Usage:
    """How one term of a block's Chinese is rendered in its English."""

    term: Term
    form: str  # the Chinese form found (the first, when several)
    preferred: bool  # the preferred rendering or one of its forms is used
    justified: tuple[Variant, ...]  # variants used whose context holds
    unjustified: tuple[Variant, ...]  # variants used where their context does not hold

    @property
    def classes(self) -> tuple[str, ...]:
        """The renderings that count for consistency: preferred and unjustified variants."""
        return ((PREFERRED,) if self.preferred else ()) + tuple(v.en for v in self.unjustified)

    @property
    def rendered(self) -> bool:
        return self.preferred or bool(self.justified) or bool(self.unjustified)


def _found(rendering: str, english: str, taken: list[tuple[int, int]]) -> bool:
    """Whether ``rendering`` (keyed) occurs in ``english`` (keyed) outside ``taken``; marks its span."""
    hit = False
    for match in re.finditer(rf"(?<![\w]){re.escape(rendering)}", english):
        span = (match.start(), match.end())
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        taken.append(span)
        hit = True
    return hit


def term_usages(zh: str, en: str, terms: Iterable[Term], slug: str = "") -> list[Usage]:
    """Every glossary term in ``zh`` (longest Chinese form first; a shorter term inside a longer one is
    not counted again) and the renderings of it ``en`` uses."""
    forms = sorted(((form, term) for term in terms for form in term.zh_forms), key=lambda p: -len(p[0]))
    english = english_key(en)
    remaining = zh
    usages: dict[str, Usage] = {}
    for form, term in forms:
        if form not in remaining:
            continue
        remaining = remaining.replace(form, "\u0000" * len(form))
        if term.id in usages:
            continue
        candidates = [(english_key(r), None) for r in term.preferred]
        candidates += [(english_key(v.en), v) for v in term.en_variants]
        taken: list[tuple[int, int]] = []
        preferred, used = False, []
        for key, variant in sorted(candidates, key=lambda c: -len(c[0])):
            if _found(key, english, taken):
                if variant is None:
                    preferred = True
                else:
                    used.append(variant)
        usages[term.id] = Usage(
            term, form, preferred,
            tuple(v for v in used if v.holds(zh, slug)), tuple(v for v in used if not v.holds(zh, slug)),
        )
    return list(usages.values())


def block_findings(usages: Iterable[Usage]) -> list[tuple[str, str]]:
    """(check, message) for one block's term usages."""
    found: list[tuple[str, str]] = []
    for usage in usages:
        term = usage.term
        if not usage.rendered:
            forms = f" (or {', '.join(repr(f) for f in term.en_forms)})" if term.en_forms else ""
            found.append(("glossary", f"{usage.form} expects {term.en!r}{forms}"))
            continue
        if usage.unjustified and not usage.preferred:
            shown = "; ".join(f"{v.en!r} (tolerated only {v.context})" for v in usage.unjustified)
            found.append(("glossary-variant", f"{usage.form} rendered {shown}: use {term.en!r}"))
        if len(usage.classes) > 1:
            shown = " and ".join(repr(c or term.en) for c in usage.classes)
            found.append(("glossary-consistency", f"{usage.form} rendered two ways in this block: {shown}"))
    return found


def report_findings(blocks: list[tuple[str, list[Usage]]], lines: dict[str, int]) -> list[tuple[str, str, str]]:
    """(anchor, check, message): a term rendered in a block otherwise than in the rest of its report.

    ``blocks``: (anchor, usages) in reading order, the usages of justified entries left out by the
    caller. The report's usual rendering of a term is the one most of its blocks use (the preferred on
    a tie, else the first); each block using another is named, with the lines of the others.
    """
    per_term: dict[str, list[tuple[str, Usage]]] = {}
    for anchor, usages in blocks:
        for usage in usages:
            if usage.classes:
                per_term.setdefault(usage.term.id, []).append((anchor, usage))
    found: list[tuple[str, str, str]] = []
    for uses in per_term.values():
        counts = Counter(c for _, usage in uses for c in set(usage.classes))
        if len(counts) < 2:
            continue
        best = max(counts.values())
        usual = PREFERRED if counts[PREFERRED] == best else next(c for c in counts if counts[c] == best)
        term = uses[0][1].term
        where = ", ".join(str(lines[a]) for a, u in uses if usual in u.classes and a in lines)
        for anchor, usage in uses:
            others = [c for c in usage.classes if c != usual]
            if not others or len(usage.classes) > 1:  # a block rendering it two ways is named by itself
                continue
            shown = " and ".join(repr(c or term.en) for c in others)
            found.append((anchor, "glossary-consistency",
                          f"{usage.form} rendered {shown} here but {usual or term.en!r} elsewhere in this report "
                          f"(line {where})"))
    return found
