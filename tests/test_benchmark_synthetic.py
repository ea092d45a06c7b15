"""The benchmark's synthetic edition (benchmark/synthetic.py) builds, and is cut as planned. Nothing here is timed."""

from __future__ import annotations

from pathlib import Path

from benchmark import synthetic as bench
from edition.clean.text import non_space
from edition.pipeline import build


def test_a_synthetic_edition_of_two_reports_builds_as_planned(tmp_path: Path) -> None:
    synthetic = bench.generate(tmp_path / "edition", 2)
    assert {plan.layout for plan in synthetic.plans} == {bench.PDF, bench.WEB}
    assert synthetic.segmentation.exact == 2, synthetic.segmentation.problems
    assert synthetic.untranslated == 0

    edition = build(synthetic.paths)

    assert not edition.problems
    assert [report.slug for report in edition.reports] == [plan.slug for plan in synthetic.plans]
    for report, plan in zip(edition.reports, synthetic.plans, strict=True):
        assert [(block.kind, non_space(block.zh)) for block in report.blocks] == plan.blocks()
        assert all(block.en and block.status == "draft" for block in report.blocks)
    assert (synthetic.paths.docs / "reports" / f"{synthetic.plans[0].slug}.md").exists()
