"""A fixed, fast subset of the layout-fuzzing sweep meets the targets in every family, and two
properties hold for any rendering: no non-whitespace character of a source is lost, and no page
furniture or chrome leaks into the reading text."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluation import corpus
from evaluation.score import TARGET_F1, run, score, totals

FOLD = str.maketrans("，：；（）！？", ",:;()!?")
# The independent set is left out of the test suite (evaluation.corpus.TESTED): it does not meet the
# targets and the rules are not mended with it (docs/evaluation.md).
SETS = sorted(v.name for v in corpus.TESTED)


def folded(text: str) -> str:
    return "".join(text.split()).translate(FOLD)


@pytest.mark.parametrize("family", corpus.TEXT_FAMILIES)
def test_the_quick_sweep_meets_the_targets(quick_sweep, family):
    total = totals(r for r in quick_sweep if r.case.family == family)
    failures = [r.case.name for r in total.failures]
    assert total.f1 >= TARGET_F1, failures
    assert total.titles == total.cases, failures
    assert total.leaks == 0, [(r.case.name, r.leaks) for r in total.failures if r.leaks]


cases = st.builds(
    corpus.case_named,
    st.builds(lambda f, v, r, n: f"{f}/{v}/{r}/{n}", st.sampled_from(corpus.TEXT_FAMILIES),
              st.sampled_from(SETS), st.sampled_from([r.slug for r in corpus.reference()]),
              st.integers(1000, 10**6)),
)


@settings(max_examples=40, deadline=None)
@given(cases)
def test_no_character_of_a_source_is_lost(case):
    edition, _, error = run(case)
    assert error is None, error
    texts = [b.zh for r in edition.reports for b in r.blocks]
    texts += [p.zh for p in edition.paratext] + [o.text for o in edition.omissions]
    # (As a multiset: page furniture omitted from inside a paragraph stands between its lines.)
    assert Counter("".join(map(folded, texts))) == Counter(folded(case.rendering.text())), case.name


@settings(max_examples=40, deadline=None)
@given(cases)
def test_no_furniture_or_chrome_leaks_into_the_reading_text(case):
    assert score(case).leaks == []
