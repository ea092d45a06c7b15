"""The Translation page: progress per report as a chart, and the open QA findings."""

from __future__ import annotations

from edition.model import Finding, Report
from edition.write.render import HAND_PAGES, render

STATES = ("reviewed", "draft", "missing")
STATE_LABELS = {"reviewed": "reviewed", "draft": "unreviewed draft", "missing": "missing"}


def state_counts(report: Report) -> dict[str, int]:
    return {state: sum(1 for b in report.blocks if b.status == state) for state in STATES}


def translation_page(reports: list[Report], findings: list[Finding], *,
                     hand_pages: frozenset[str] = frozenset(HAND_PAGES)) -> str:
    open_per_report: dict[str, int] = {}
    for finding in findings:
        open_per_report[finding.slug] = open_per_report.get(finding.slug, 0) + 1
    labels = {r.slug: r.label for r in reports}
    groups = [
        {"slug": slug, "label": labels.get(slug, slug), "findings": [f for f in findings if f.slug == slug]}
        for slug in dict.fromkeys(f.slug for f in findings)
    ]
    rows = [{"report": r, "counts": state_counts(r), "open": open_per_report.get(r.slug, 0)} for r in reports]
    totals = {state: sum(row["counts"][state] for row in rows) for state in STATES}
    return render("translation.md.j2", totals=totals, states=STATES, labels=STATE_LABELS, rows=rows, groups=groups,
                  hand_pages=hand_pages)
