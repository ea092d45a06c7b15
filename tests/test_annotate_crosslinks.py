"""edition.annotate.crosslinks: related reports and "see also" paragraphs."""

from __future__ import annotations

import random

import pytest

from edition.annotate.crosslinks import paragraph_keys, related_reports, see_also
from edition.annotate.occurrences import Occurrence, find_occurrences, report_texts
from edition.paths import Paths
from edition.pipeline import anchor, read_and_clean
from edition.read.glossary import load_glossary


def occ(term: str, slug: str, block: str) -> Occurrence:
    return Occurrence(term, slug, block, 0, 1, term)


# four reports: "common" is everywhere, "rare" only in a and b, "mid" in a, b, c
SMALL = [
    occ("common", "a", "b1"), occ("rare", "a", "b1"), occ("mid", "a", "b2"),
    occ("common", "b", "b1"), occ("rare", "b", "b1"), occ("rare", "b", "b1"), occ("mid", "b", "b3"),
    occ("common", "c", "b1"), occ("mid", "c", "b1"),
    occ("common", "d", "b1"),
]


def test_related_reports_weight_distinctive_terms() -> None:
    related = related_reports(SMALL)
    assert [r.slug for r in related["a"]] == ["b", "c"]
    assert related["a"][0].shared == ("rare", "mid")
    assert related["a"][0].score > related["a"][1].score > 0
    assert related["d"] == []  # it shares only a term found in every report
    assert all("common" not in r.shared for rs in related.values() for r in rs)


def test_related_reports_are_symmetric_and_order_independent() -> None:
    related = related_reports(SMALL)
    shuffled = SMALL[:]
    random.Random(4).shuffle(shuffled)
    assert related_reports(shuffled) == related
    for slug, others in related.items():
        for other in others:
            back = next(r for r in related[other.slug] if r.slug == slug)
            assert back.score == other.score


def test_see_also_links_other_reports_only_above_the_threshold() -> None:
    links = see_also(SMALL, min_score=0.1)
    assert [(s.slug, s.block_id) for s in links[("a", "b1")]] == [("b", "b1")]
    assert links[("a", "b1")][0].shared == ("rare",)
    assert [(s.slug, s.block_id) for s in links[("a", "b2")]] == [("b", "b3"), ("c", "b1")]  # tie: by slug
    assert links[("d", "b1")] == []  # "common" is in every report: no link
    assert see_also(SMALL, min_score=100)[("a", "b1")] == []
    assert all(s.slug != key[0] for key, found in links.items() for s in found)


def test_see_also_keeps_at_most_limit_and_is_deterministic() -> None:
    many = [occ("t", f"r{i}", "b1") for i in range(6)] + [occ("u", "z", "b1")] * 2
    links = see_also(many, min_score=0, limit=3, max_report_share=1.0)
    assert [s.slug for s in links[("r0", "b1")]] == ["r1", "r2", "r3"]


@pytest.fixture(scope="module")
def real() -> tuple[list[Occurrence], list[str], list[tuple[str, str]]]:
    paths = Paths()
    edition = anchor(read_and_clean(paths), paths, save=False)
    found = find_occurrences(load_glossary(paths.glossary), report_texts(edition.reports))
    return found, [r.slug for r in edition.reports], paragraph_keys(edition.reports)


def test_on_the_corpus(real: tuple[list[Occurrence], list[str], list[tuple[str, str]]]) -> None:
    found, slugs, paragraphs = real
    related = related_reports(found, slugs)
    assert set(related) == set(slugs)
    # Kaihua and Qujiang share the task-force vocabulary (专班, 党支部, 城改, 网格 ...)
    assert related["kaihua-task-force-super-speed"][0].slug == "qujiang-project-party-building"
    assert related["kaihua-task-force-super-speed"][0].shared[0] == "task-force"
    links = see_also(found, paragraphs)
    assert set(links) == set(paragraphs)
    assert all(len(v) <= 3 for v in links.values())
    assert all(s.score >= 3.0 for v in links.values() for s in v)
    # Kecheng's 四带头 paragraph points to Kaihua's, which uses the same formula
    kecheng = links[("kecheng-four-take-the-leads", "b2")]
    assert (kecheng[0].slug, kecheng[0].block_id, kecheng[0].shared) == (
        "kaihua-task-force-super-speed", "b6", ("four-take-the-leads",))
    assert see_also(list(reversed(found)), paragraphs) == links
