"""The document families of the sweep (evaluation.formats): saved web pages, Word documents and PDFs
printed by Chromium, read by the edition's own readers, meet the targets on a fixed quick subset, and
no character of what a reader extracted is lost by the cleaning."""

from __future__ import annotations

from collections import Counter

import pytest

from edition.clean.normalise import dash_ligatures, radicals_to_ideographs
from evaluation import corpus, formats
from evaluation.score import TARGET_F1, score, totals
from evaluation.vocab import DEV, HELDOUT

FOLD = str.maketrans("，：；（）！？", ",:;()!?")
needs_chromium = pytest.mark.skipif(formats.chromium() is None, reason="Debian's chromium is not installed")


@pytest.fixture(scope="module", autouse=True)
def _stop_the_printing_browser():
    yield
    formats.close_browser()  # Playwright's sync API allows one instance per thread: the browser tests need theirs


def folded(text: str) -> str:
    """Whitespace out, and the changes the character rules make (N4; N6 and N7 in a PDF's text layer)."""
    return "".join(dash_ligatures(radicals_to_ideographs(text)).split()).translate(FOLD)


def cases(family: str, vocabularies=corpus.TESTED, variants: int = 1) -> list[corpus.Case]:
    return corpus.sweep(variants, families=(family,), vocabularies=vocabularies)


@pytest.mark.parametrize("family", ["html-file", "docx-file",
                                    pytest.param("pdf-file", marks=needs_chromium)])
def test_the_quick_document_sweep_meets_the_targets(family):
    chosen = cases(family, (DEV, HELDOUT)) if family == "pdf-file" else cases(family, variants=2)
    results = [score(case) for case in chosen]
    total = totals(results)
    failures = [r.case.name for r in total.failures]
    assert total.f1 >= TARGET_F1, failures
    assert total.titles == total.cases, failures
    assert total.leaks == 0, failures
    for result in results:  # and no character the reader extracted is lost by the cleaning
        assert result.error is None, result.error
        edition = result.edition
        kept = [b.zh for r in edition.reports for b in r.blocks] + [p.zh for p in edition.paratext]
        kept += [o.text for o in edition.omissions]
        assert Counter(folded("".join(kept))) == Counter(folded(edition.source.text)), result.case.name


def test_a_document_case_is_regenerated_alone_exactly():
    case = cases("docx-file", (DEV,), 2)[5]
    again = corpus.case_named(case.name)
    assert again.file == case.file and again.file.endswith(".docx")
    assert [(b.kind, b.zh) for b in again.rendering.expected] == [(b.kind, b.zh) for b in case.rendering.expected]
    html = cases("html-file", (DEV,), 1)[0]
    assert corpus.case_named(html.name).data() == html.data()
