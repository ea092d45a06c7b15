"""Cross-links from shared glossary terms: related reports, and "see also" paragraphs.

Both rank by *distinctive* shared terms, TF-IDF style:

* **related reports** — each report is a vector of term weights ``(1 + ln tf) x ln(N / df)``
  (tf: occurrences of the term in the report, df: reports it occurs in, N: reports); two reports
  score the cosine of their vectors. A term found in every report weighs nothing. The shared
  terms are listed by how much they contribute.
* **see also** — a block scores against a block of *another* report the sum of ``ln(B / df)``
  over the terms they share (B: blocks, df: blocks the term occurs in), leaving out terms that
  occur in every report (or in more than ``max_report_share`` of them). Pairs below
  ``min_score`` are dropped; at most ``limit`` are kept.

Terms found in more than ``max_postings`` reports (or paragraphs) are left out of both rankings:
they are too common to relate two texts, and leaving them out keeps the work linear in the size of
the edition. (The six reports of the edition are far below the cap.)

Ties are broken by slug, then block id (in reading order when the caller gives it), so the output
does not depend on input order. Scores are rounded to 4 decimals.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from edition.annotate.occurrences import Occurrence, TextKey
from edition.model import Report

DEFAULT_SEE_ALSO_LIMIT = 3
DEFAULT_MIN_SCORE = 3.0  # about one term shared by no more than three or four blocks
DEFAULT_MAX_REPORT_SHARE = 0.99  # a term in (nearly) every report is no link
# A term found in more reports (related reports) or paragraphs (see also) than this is too common
# to relate two texts in a large edition. The cap also keeps the ranking linear in the size of
# the edition: each text is compared only with the texts on its terms' (short) posting lists.
DEFAULT_MAX_POSTINGS = 100


@dataclass(frozen=True)
class RelatedReport:
    slug: str
    score: float
    shared: tuple[str, ...]  # term ids, most contributing first


@dataclass(frozen=True)
class SeeAlso:
    slug: str
    block_id: str
    score: float
    shared: tuple[str, ...]  # term ids, most distinctive first


def report_term_counts(
    occurrences: Iterable[Occurrence], slugs: Iterable[str] = ()
) -> dict[str, Counter[str]]:
    """Term occurrence counts per report; reports in ``slugs`` with no occurrence get an empty Counter."""
    counts: dict[str, Counter[str]] = {slug: Counter() for slug in slugs}
    for occurrence in occurrences:
        counts.setdefault(occurrence.slug, Counter())[occurrence.term_id] += 1
    return counts


def related_reports(
    occurrences: Iterable[Occurrence],
    slugs: Iterable[str] = (),
    top: int | None = None,
    max_postings: int = DEFAULT_MAX_POSTINGS,
) -> dict[str, list[RelatedReport]]:
    """For each report, the other reports that share distinctive terms with it, best first.

    ``slugs`` lists every report (so that the number of reports N is right even if one has no
    term); reports sharing nothing distinctive are not listed. Terms found in more than
    ``max_postings`` reports relate nothing (see the module's docstring).
    """
    counts = report_term_counts(occurrences, slugs)
    total = len(counts)
    df = Counter(term for terms in counts.values() for term in terms)
    vectors: dict[str, dict[str, float]] = {
        slug: {
            term: (1 + math.log(tf)) * math.log(total / df[term])
            for term, tf in terms.items()
            if df[term] < total
        }
        for slug, terms in counts.items()
    }
    norms = {slug: math.sqrt(sum(w * w for w in v.values())) for slug, v in vectors.items()}
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for slug in sorted(vectors):
        for term, weight in vectors[slug].items():
            postings[term].append((slug, weight))
    result: dict[str, list[RelatedReport]] = {}
    for slug in sorted(vectors):
        contributions: dict[str, dict[str, float]] = defaultdict(dict)
        for term, weight in vectors[slug].items():
            if len(postings[term]) > max_postings:
                continue
            for other, other_weight in postings[term]:
                if other != slug:
                    contributions[other][term] = weight * other_weight
        ranked = []
        for other, shared_weights in contributions.items():
            score = sum(shared_weights.values()) / (norms[slug] * norms[other])
            shared = tuple(sorted(shared_weights, key=lambda t: (-shared_weights[t], t)))
            ranked.append(RelatedReport(other, round(score, 4), shared))
        ranked.sort(key=lambda r: (-r.score, r.slug))
        result[slug] = ranked[:top] if top is not None else ranked
    return result


def see_also(
    occurrences: Iterable[Occurrence],
    blocks: Sequence[TextKey] | None = None,
    *,
    limit: int = DEFAULT_SEE_ALSO_LIMIT,
    min_score: float = DEFAULT_MIN_SCORE,
    max_report_share: float = DEFAULT_MAX_REPORT_SHARE,
    max_postings: int = DEFAULT_MAX_POSTINGS,
    slugs: Iterable[str] = (),
) -> dict[TextKey, list[SeeAlso]]:
    """For each block, up to ``limit`` blocks of other reports that share its distinctive terms.

    ``blocks`` lists the blocks to link, in reading order (e.g. only the paragraphs, from
    :func:`paragraph_keys`); by default every block that has an occurrence. Only these blocks are
    linked from and to. Every block of ``blocks`` gets an entry (maybe an empty list).
    """
    occurrences = list(occurrences)
    order: dict[TextKey, int] = {}
    if blocks is not None:
        order = {key: i for i, key in enumerate(blocks)}
    terms_of: dict[TextKey, set[str]] = defaultdict(set)
    for occurrence in occurrences:
        key = (occurrence.slug, occurrence.block_id)
        if blocks is None or key in order:
            terms_of[key].add(occurrence.term_id)
    keys = list(blocks) if blocks is not None else sorted(terms_of)
    report_count = len({o.slug for o in occurrences} | set(slugs) | {slug for slug, _ in keys})
    reports_of: dict[str, set[str]] = defaultdict(set)
    for occurrence in occurrences:
        reports_of[occurrence.term_id].add(occurrence.slug)
    block_df = Counter(term for terms in terms_of.values() for term in terms)
    block_count = max(len(keys), 1)
    idf = {
        term: math.log(block_count / df)
        for term, df in block_df.items()
        if df <= max_postings and report_count and len(reports_of[term]) / report_count <= max_report_share
    }
    index: dict[str, list[TextKey]] = defaultdict(list)
    for key in keys:
        for term in terms_of.get(key, ()):
            if term in idf:
                index[term].append(key)
    result: dict[TextKey, list[SeeAlso]] = {}
    for key in keys:
        shared: dict[TextKey, list[str]] = defaultdict(list)
        for term in terms_of.get(key, ()):
            for other in index.get(term, ()):
                if other[0] != key[0]:
                    shared[other].append(term)
        ranked: list[tuple[float, str, int, str, tuple[str, ...]]] = []
        for other, terms in shared.items():
            score = round(sum(idf[t] for t in terms), 4)
            if score < min_score:
                continue
            names = tuple(sorted(terms, key=lambda t: (-idf[t], t)))
            ranked.append((-score, other[0], order.get(other, 0), other[1], names))
        ranked.sort()
        result[key] = [SeeAlso(slug, block, -score, names) for score, slug, _, block, names in ranked[:limit]]
    return result


def paragraph_keys(reports: Iterable[Report], kinds: tuple[str, ...] = ("paragraph",)) -> list[TextKey]:
    """(slug, block id) of every anchored block of the given kinds, in reading order."""
    return [(r.slug, b.id) for r in reports for b in r.blocks if b.kind in kinds and b.id is not None]
