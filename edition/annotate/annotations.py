"""The annotate stage in one call: what the writers need to know about the glossary in the texts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from edition.annotate.crosslinks import RelatedReport, SeeAlso, paragraph_keys, related_reports, see_also
from edition.annotate.occurrences import Occurrence, TextKey, count_by_term, find_occurrences, report_texts
from edition.model import Report
from edition.read.glossary import Term

RELATED_REPORTS_SHOWN = 5


@dataclass
class Annotations:
    terms: list[Term]
    occurrences: list[Occurrence] = field(default_factory=list)
    related: dict[str, list[RelatedReport]] = field(default_factory=dict)  # slug -> ranked reports
    see_also: dict[TextKey, list[SeeAlso]] = field(default_factory=dict)  # paragraph -> ranked paragraphs

    def __post_init__(self) -> None:
        self.by_id: dict[str, Term] = {term.id: term for term in self.terms}
        self.by_block: dict[TextKey, list[Occurrence]] = defaultdict(list)
        self.by_term: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            self.by_block[(occurrence.slug, occurrence.block_id)].append(occurrence)
            self.by_term[occurrence.term_id].append(occurrence)
        self.counts: dict[str, int] = count_by_term(self.occurrences)

    def in_block(self, slug: str, block_id: str | None) -> list[Occurrence]:
        """The block's occurrences in text order."""
        return sorted(self.by_block.get((slug, block_id or ""), []), key=lambda o: o.start)

    def of_term(self, term_id: str) -> list[Occurrence]:
        """The term's occurrences in reading order (as found)."""
        return self.by_term.get(term_id, [])


def annotate(terms: Iterable[Term], reports: list[Report]) -> Annotations:
    """Occurrences of every term in every anchored block, related reports and per-paragraph see-also."""
    terms = list(terms)
    occurrences = find_occurrences(terms, report_texts(reports))
    slugs = [report.slug for report in reports]
    return Annotations(
        terms,
        occurrences,
        related=related_reports(occurrences, slugs, top=RELATED_REPORTS_SHOWN),
        see_also=see_also(occurrences, paragraph_keys(reports), slugs=slugs),
    )
