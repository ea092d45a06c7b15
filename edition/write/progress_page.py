"""The Translation page: progress per report as a chart, and the open QA findings."""

from __future__ import annotations

from html import escape

from edition.model import Report
from edition.translate.qa import Finding
from edition.write.markup import cell, front_matter

STATES = ("reviewed", "draft", "missing")
STATE_LABELS = {"reviewed": "reviewed", "draft": "unreviewed draft", "missing": "missing"}


def state_counts(report: Report) -> dict[str, int]:
    return {state: sum(1 for b in report.blocks if b.status == state) for state in STATES}


def _bar(counts: dict[str, int]) -> str:
    total = sum(counts.values()) or 1
    segments = "".join(
        f'<span class="progress-bar__{state}" style="width: {100 * counts[state] / total:.2f}%" '
        f'title="{counts[state]} {STATE_LABELS[state]}"></span>'
        for state in STATES
        if counts[state]
    )
    return f'<span class="progress-bar" role="img" aria-label="{_summary(counts)}">{segments}</span>'


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[s]} {STATE_LABELS[s]}" for s in STATES)


def translation_page(reports: list[Report], findings: list[Finding]) -> str:
    totals = {state: sum(state_counts(r)[state] for r in reports) for state in STATES}
    lines = [
        *front_matter("Translation"),
        "# Translation { #top }",
        "",
        f"{totals['reviewed']} of {sum(totals.values())} blocks reviewed by a person; "
        f"{totals['draft']} unreviewed drafts; {totals['missing']} missing. "
        "A draft is shown as a draft on every page until a reviewer has read it against the Chinese "
        "and removed its `fuzzy` flag (see [Contributing](../contributing.md)).",
        "",
        '<div class="progress-legend">'
        + "".join(f'<span class="progress-key progress-bar__{s}"></span> {STATE_LABELS[s]} ' for s in STATES)
        + "</div>",
        "",
        '<table class="progress"><thead><tr><th>Report</th><th>Progress</th><th>Reviewed</th>'
        "<th>Drafts</th><th>Missing</th><th>QA findings</th><th>PO file</th></tr></thead><tbody>",
    ]
    open_per_report: dict[str, int] = {}
    for finding in findings:
        open_per_report[finding.slug] = open_per_report.get(finding.slug, 0) + 1
    for report in reports:
        counts = state_counts(report)
        findings_cell = (f'<a href="#qa-{report.slug}">{open_per_report[report.slug]}</a>'
                         if open_per_report.get(report.slug) else "0")
        lines.append(
            f'<tr><td><a href="../reports/{report.slug}/">{escape(report.label)}</a></td>'
            f"<td>{_bar(counts)}</td><td>{counts['reviewed']}</td><td>{counts['draft']}</td>"
            f"<td>{counts['missing']}</td><td>{findings_cell}</td>"
            f'<td><a href="../data/po/{report.slug}.po" title="translations/en/{report.slug}.po">download</a></td></tr>'
        )
    lines += ["</tbody></table>", "", "## Open QA findings { #qa }", ""]
    lines += [
        "Automatic checks of every translated block (`make check` lists the same): English left empty "
        "or identical to the Chinese, Chinese left in the English, a suspicious length, a number of the "
        "Chinese missing from the English, a glossary term without its agreed rendering. A translator "
        "who has checked a finding and disagrees records why in a `# qa-ok: <check>: <why>` comment.",
        "",
    ]
    if not findings:
        return "\n".join([*lines, "None: every translated block passes the checks.", ""])
    by_slug = {r.slug: r for r in reports}
    for slug in dict.fromkeys(f.slug for f in findings):
        report = by_slug.get(slug)
        label = report.label if report else slug
        lines += [f"### {escape(label)} {{ #qa-{slug} }}", "", "| Block | Check | Finding | PO file |", "|---|---|---|---|"]
        for f in (f for f in findings if f.slug == slug):
            where = f"{f.path}:{f.line}" if f.line else f.path
            lines.append(f'| <a href="../reports/{slug}/#{f.anchor}">#{escape(f.anchor)}</a> | {f.check} | '
                         f"{cell(f.message)} | <code>{cell(where)}</code> |")
        lines.append("")
    return "\n".join(lines)
