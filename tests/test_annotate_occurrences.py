"""edition.annotate.occurrences: longest-first, non-overlapping term matching.

The corpus counts below were checked by hand: ``cat seeds/*.txt | tr -d '\\n ' | grep -oF WORD | wc -l``
(line breaks removed because the PDF sources break words across lines), which gives the raw
number of times the string occurs, nested or not; the non-nested counts are that number less
the longer terms that contain it.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.annotate.occurrences import Matcher, count_by_term, find_occurrences, report_texts
from edition.paths import Paths
from edition.pipeline import anchor, read_and_clean
from edition.read.glossary import Term, load_glossary, match_key


def term(term_id: str, zh: str, *variants: str) -> Term:
    return Term(term_id, zh, variants, "", term_id, (), "mechanism", "definition", "", ())


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, str]]:
    paths = Paths()
    return report_texts(anchor(read_and_clean(paths), paths, save=False).reports)


@pytest.fixture(scope="module")
def glossary() -> list[Term]:
    return load_glossary(Paths().glossary)


@pytest.fixture(scope="module")
def counts(corpus: list[tuple[str, str, str]], glossary: list[Term]) -> dict[str, int]:
    return count_by_term(find_occurrences(glossary, corpus))


def raw(corpus: list[tuple[str, str, str]], word: str) -> int:
    return sum(text.count(word) for _, _, text in corpus)


@pytest.mark.parametrize(
    ("word", "times"),
    [("临时党支部", 9), ("党支部", 20), ("签约", 40), ("签约率", 12), ("征收", 58), ("征收户", 8),
     ("被征收户", 1), ("国有土地房屋征收", 3), ("国有土地上房屋征收", 1), ("党建引领", 5), ("专班", 29)],
)
def test_raw_counts_in_the_cleaned_corpus(corpus: list[tuple[str, str, str]], word: str, times: int) -> None:
    assert raw(corpus, word) == times


def test_hand_checked_counts(counts: dict[str, int]) -> None:
    assert counts["temporary-party-branch"] == 9  # 临时党支部
    assert counts["party-building-leadership"] == 5  # 党建引领
    assert counts["one-plus-n-plus-x"] == 2  # 1+N+X once, 1+n+x once
    assert counts["one-plus-x"] == 1  # 1+X, not counted again inside 1+N+X
    assert counts["state-owned-land-housing-expropriation"] == 4  # 3 + 1 with the variant 国有土地上房屋征收


def test_nested_terms_are_not_double_counted(counts: dict[str, int]) -> None:
    # 党支部 occurs 20 times, 9 of them inside 临时党支部
    assert counts["party-branch"] == 20 - 9 == 11
    # 签约 occurs 40 times, 12 of them inside 签约率
    assert counts["signing"] == 40 - 12 == 28
    assert counts["signing-rate"] == 12
    # 征收 occurs 58 times: 8 in 征收户 (1 of which in 被征收户), 4 in 国有土地(上)房屋征收
    assert counts["households-subject-to-expropriation"] == 8 - 1
    assert counts["expropriated-households"] == 1
    assert counts["expropriation"] == 58 - 8 - 4 == 46


def test_occurrences_point_at_their_text(corpus: list[tuple[str, str, str]], glossary: list[Term]) -> None:
    texts = {(slug, block): text for slug, block, text in corpus}
    forms = {t.id: {match_key(f) for f in t.zh_forms} for t in glossary}
    found = find_occurrences(glossary, corpus)
    assert found
    for o in found:
        assert texts[(o.slug, o.block_id)][o.start:o.end] == o.form
        assert match_key(o.form) in forms[o.term_id]


def test_latin_forms_are_case_insensitive_and_whole() -> None:
    terms = [term("n", "1+N+X"), term("x", "1+X")]
    assert Matcher(terms).spans("推行1+n+x模式和1+X制") == [(2, 7, "n"), (10, 13, "x")]
    assert Matcher(terms).spans("21+X and 1+XY") == []


def test_longest_first_then_leftmost() -> None:
    terms = [term("ab", "甲乙"), term("bcd", "乙丙丁"), term("a", "甲")]
    # the longer 乙丙丁 wins over the earlier 甲乙; 甲 still fits before it
    assert Matcher(terms).spans("甲乙丙丁") == [(0, 1, "a"), (1, 4, "bcd")]
    # of two equally long overlapping matches, the leftmost
    assert Matcher([term("ab", "甲乙"), term("bc", "乙丙")]).spans("甲乙丙") == [(0, 2, "ab")]
    assert Matcher([term("branch", "党支部"), term("temp", "临时党支部")]).spans("临时党支部和党支部") == [
        (0, 5, "temp"),
        (6, 9, "branch"),
    ]


def test_variants_are_matched_as_their_term() -> None:
    found = find_occurrences([term("shanty", "棚户区改造", "棚改")], [("r", "b1", "棚改和棚户区改造")])
    assert [(o.term_id, o.form, o.start) for o in found] == [
        ("shanty", "棚改", 0),
        ("shanty", "棚户区改造", 3),
    ]


ALPHABET = "党支部临时签约率征收户被国"
FORMS = ["党支部", "临时党支部", "签约", "签约率", "征收", "征收户", "被征收户", "支部"]


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=60),
    forms=st.lists(st.sampled_from(FORMS), min_size=1, unique=True),
)
def test_properties(text: str, forms: list[str]) -> None:
    terms = [term(f"t{i}", form) for i, form in enumerate(forms)]
    spans = Matcher(terms).spans(text)
    by_id = {t.id: t.zh for t in terms}
    # every span is a term's form, spans are in order and never overlap
    assert all(text[s:e] == by_id[i] for s, e, i in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    # nothing is missed: every place a form occurs overlaps a chosen span
    for form in forms:
        start = text.find(form)
        while start != -1:
            assert any(s < start + len(form) and start < e for s, e, _ in spans), (form, start)
            start = text.find(form, start + 1)
    # greedy, longest first then leftmost: a match left out overlaps a chosen span that ranks before it
    for form in forms:
        start = text.find(form)
        while start != -1:
            end = start + len(form)
            if not any((s, e) == (start, end) for s, e, _ in spans):
                assert any(
                    s < end and start < e and (s - e, s) < (start - end, start) for s, e, _ in spans
                ), (form, start)
            start = text.find(form, start + 1)
