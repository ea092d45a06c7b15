"""The glossary's pages: one entry per term with its concordance, and an index by category and pinyin.

The concordance is keyword-in-context: every occurrence of the term, with a few characters on
either side, linking to the paragraph's stable anchor, grouped by report with counts.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Mapping
from itertools import groupby

from markupsafe import Markup

from edition.annotate.annotations import Annotations
from edition.annotate.occurrences import Occurrence
from edition.config import DEFAULTS, Category
from edition.model import Block, Report
from edition.read.glossary import Term
from edition.write.render import render

CONTEXT = 14  # characters of context on either side of a keyword



def term_url(term_id: str, *, from_page: str = "reports") -> str:
    """Link to a term's entry from a generated page one folder deep (reports/, glossary/)."""
    return f"../{term_id}/" if from_page == "glossary" else f"../../glossary/{term_id}/"


def term_page(
    term: Term, annotations: Annotations, reports: list[Report], blocks: dict[tuple[str, str], Block] | None = None,
    categories: Mapping[str, Category] | None = None,
) -> str:
    """A term's entry. ``blocks`` maps (slug, block id) to blocks (built once for all terms if given);
    ``categories``: the edition's, with their labels (``glossary.categories`` of edition.yml)."""
    occurrences = annotations.of_term(term.id)
    by_report = {slug: list(group) for slug, group in groupby(occurrences, key=lambda o: o.slug)}
    blocks = block_index(reports) if blocks is None else blocks
    groups = [
        {"report": report, "title": (report.meta.get("title") or {}).get("en") or report.slug,
         "rows": [_kwic_row(o, blocks[(o.slug, o.block_id)]) for o in by_report[report.slug]]}
        for report in reports if by_report.get(report.slug)
    ]
    return render(
        "term.md.j2", term=term, category=_label(term.category, categories), count=len(occurrences),
        in_reports=len(by_report), of_reports=len(reports), related=[annotations.by_id[r] for r in term.related],
        groups=groups,
    )


def _label(category: str, categories: Mapping[str, Category] | None) -> str:
    return categories[category].label if categories and category in categories else category


def block_index(reports: list[Report]) -> dict[tuple[str, str], Block]:
    return {(r.slug, b.id): b for r in reports for b in r.blocks if b.id is not None}


def _kwic_row(occurrence: Occurrence, block: Block) -> dict[str, str]:
    """One line of the concordance: the term in its context, a few characters either side."""
    text = block.zh
    left = text[max(0, occurrence.start - CONTEXT): occurrence.start]
    right = text[occurrence.end: occurrence.end + CONTEXT]
    return {
        "href": f"../../reports/{occurrence.slug}/#{block.id}",
        "mark": f"¶{block.number}" if block.number else block.kind,
        "left": ("…" if occurrence.start > CONTEXT else "") + left,
        "form": occurrence.form,
        "right": right + ("…" if occurrence.end + CONTEXT < len(text) else ""),
    }


def glossary_index(annotations: Annotations, categories: Mapping[str, Category] | None = None,
                   summary: str = DEFAULTS.glossary.summary) -> str:
    """The index: the terms of each category (the edition's, in their order; without them, the
    categories the terms have, labelled by their names), then all of them by pinyin. ``summary``
    begins the page (``glossary.summary`` in ``edition.yml``)."""
    terms = annotations.terms
    if not categories:
        categories = {c: Category(label=c) for c in dict.fromkeys(t.category for t in terms)}
    by_category = [
        {"id": c, "label": category.label, "description": category.description,
         "terms": sorted((t for t in terms if t.category == c), key=pinyin_key)}
        for c, category in categories.items()
    ]
    initials = [
        {"initial": initial, "anchor": initial.lower() if initial.isalpha() else "other", "terms": list(group)}
        for initial, group in groupby(sorted(terms, key=pinyin_key), key=_initial)
    ]
    return render("glossary_index.md.j2", terms=terms, counts=annotations.counts, categories=by_category,
                  initials=initials, summary=Markup(html.escape(summary, quote=False)))  # text, not an attribute


def pinyin_key(term: Term) -> tuple[str, str]:
    """Sort by pinyin without tones (then by the Chinese): dǎngjiàn before dǎngyuán."""
    bare = "".join(c for c in unicodedata.normalize("NFD", term.pinyin) if not unicodedata.combining(c))
    return (bare.casefold().replace("'", "").replace(" ", ""), term.zh)


def _initial(term: Term) -> str:
    first = pinyin_key(term)[0][:1]
    return first.upper() if first.isalpha() else "0–9"


