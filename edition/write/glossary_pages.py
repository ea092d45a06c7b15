"""The glossary's pages: one entry per term with its concordance, and an index by category and pinyin.

The concordance is keyword-in-context: every occurrence of the term, with a few characters on
either side, linking to the paragraph's stable anchor, grouped by report with counts.
"""

from __future__ import annotations

import unicodedata
from html import escape
from itertools import groupby

from edition.annotate.annotations import Annotations
from edition.annotate.glossary import CATEGORIES, Term
from edition.annotate.occurrences import Occurrence
from edition.model import Block, Report
from edition.write.markup import cell, front_matter

CONTEXT = 14  # characters of context on either side of a keyword

CATEGORY_LABELS = {
    "slogan": ("Slogans and formulas", "Set phrases and numbered formulas the campaigns rally around."),
    "mechanism": ("Mechanisms and methods", "Ways of organising and pressing the work."),
    "organisation": ("Organisations and roles", "Party and government bodies, teams and posts."),
    "campaign": ("Campaigns and their objects", "Kinds of expropriation, demolition and redevelopment."),
    "metric": ("Metrics and stages", "What the campaigns count, and the steps they count by."),
    "rhetoric": ("Rhetoric", "Military, moral and heroic language used of the work."),
}


def term_url(term_id: str, *, from_page: str = "reports") -> str:
    """Link to a term's entry from a generated page one folder deep (reports/, glossary/)."""
    return f"../{term_id}/" if from_page == "glossary" else f"../../glossary/{term_id}/"


def term_page(
    term: Term, annotations: Annotations, reports: list[Report], blocks: dict[tuple[str, str], Block] | None = None
) -> str:
    """A term's entry. ``blocks`` maps (slug, block id) to blocks (built once for all terms if given)."""
    occurrences = annotations.of_term(term.id)
    by_report = {slug: list(group) for slug, group in groupby(occurrences, key=lambda o: o.slug)}
    lines = [
        *front_matter(f"{term.zh} · {term.en}"),
        f'# <span lang="zh-Hans">{escape(term.zh)}</span> · {escape(term.en)} {{ #top }}',
        "",
        '<dl class="report-meta term-meta">',
        f'<dt>Chinese</dt><dd lang="zh-Hans">{escape(term.zh)}</dd>',
        f"<dt>Pinyin</dt><dd>{escape(term.pinyin)}</dd>",
        f"<dt>English</dt><dd>{escape(term.en)}</dd>",
    ]
    if term.en_variants:
        lines.append(f"<dt>Also rendered</dt><dd>{'; '.join(escape(v) for v in term.en_variants)}</dd>")
    if term.variants:
        forms = "、".join(escape(v) for v in term.variants)
        lines.append(f'<dt>Other forms</dt><dd lang="zh-Hans">{forms}</dd>')
    category, _ = CATEGORY_LABELS[term.category]
    lines.append(f'<dt>Category</dt><dd><a href="../#{term.category}">{category}</a></dd>')
    count = len(occurrences)
    lines.append(f"<dt>Occurrences</dt><dd>{count} in {len(by_report)} of {len(reports)} reports</dd>")
    lines += ["</dl>", "", f'<p class="term-definition">{escape(term.definition)}</p>', ""]
    if term.note:
        lines += [f'<p class="term-note"><strong>Editors’ note.</strong> {escape(term.note)}</p>', ""]
    if term.related:
        related = [annotations.by_id[r] for r in term.related]
        links = ", ".join(
            f'<a href="../{r.id}/" title="{escape(r.pinyin)} · {escape(r.en)}">'
            f'<span lang="zh-Hans">{escape(r.zh)}</span> {escape(r.en)}</a>'
            for r in related
        )
        lines += [f'<p class="term-related"><strong>Related terms:</strong> {links}</p>', ""]
    lines += ["## Concordance { #concordance }", ""]
    if not occurrences:
        lines += ["The term does not occur in the edition's texts.", ""]
    if blocks is None:
        blocks = block_index(reports)
    for report in reports:
        found = by_report.get(report.slug)
        if not found:
            continue
        title = (report.meta.get("title") or {}).get("en") or report.slug
        lines += [
            f"### {escape(report.label)} ({len(found)}) {{ #in-{report.slug} }}",
            "",
            f'<p class="kwic-report"><a href="../../reports/{report.slug}/">{escape(title)}</a></p>',
            "",
            '<table class="kwic"><tbody>',
        ]
        lines += [_kwic_row(o, blocks[(o.slug, o.block_id)]) for o in found]
        lines += ["</tbody></table>", ""]
    return "\n".join(lines)


def block_index(reports: list[Report]) -> dict[tuple[str, str], Block]:
    return {(r.slug, b.id): b for r in reports for b in r.blocks if b.id is not None}


def _kwic_row(occurrence: Occurrence, block: Block) -> str:
    text = block.zh
    left = text[max(0, occurrence.start - CONTEXT): occurrence.start]
    right = text[occurrence.end: occurrence.end + CONTEXT]
    left = ("…" if occurrence.start > CONTEXT else "") + left
    right += "…" if occurrence.end + CONTEXT < len(text) else ""
    mark = f"¶{block.number}" if block.number else block.kind
    href = f"../../reports/{occurrence.slug}/#{block.id}"
    return (
        f'<tr><td class="kwic-ref"><a href="{href}">{mark}</a></td>'
        f'<td class="kwic-left" lang="zh-Hans"><span dir="ltr">{escape(left)}</span></td>'
        f'<td class="kwic-key" lang="zh-Hans"><a href="{href}">{escape(occurrence.form)}</a></td>'
        f'<td class="kwic-right" lang="zh-Hans">{escape(right)}</td></tr>'
    )


def glossary_index(annotations: Annotations) -> str:
    terms = annotations.terms
    lines = [
        *front_matter("Glossary"),
        "# Glossary { #top }",
        "",
        f"The campaigns' terminology: {len(terms)} terms. Each entry gives the pinyin, the edition's English "
        "rendering and accepted variants, a definition for readers who know no Chinese, and a concordance "
        "of every occurrence linking to its paragraph. In the reports, every term in the Chinese text "
        "links to its entry (hover for pinyin and English).",
        "",
        "The glossary is editorial data (`glossary.yaml`); it can be downloaded as "
        "[CSV](../data/glossary.csv) and [TBX](../data/glossary.tbx) for translation tools.",
        "",
        "Jump to: " + " · ".join(f"[{CATEGORY_LABELS[c][0]}](#{c})" for c in CATEGORIES)
        + " · [By pinyin](#by-pinyin)",
        "",
    ]
    for category in CATEGORIES:
        label, description = CATEGORY_LABELS[category]
        members = sorted((t for t in terms if t.category == category), key=pinyin_key)
        lines += [f"## {label} {{ #{category} }}", "", description, "", _term_table(members, annotations), ""]
    lines += ["## By pinyin { #by-pinyin }", ""]
    for initial, group in groupby(sorted(terms, key=pinyin_key), key=_initial):
        lines += [f"### {initial} {{ #pinyin-{initial.lower() if initial.isalpha() else 'other'} }}", ""]
        lines += [_term_table(list(group), annotations), ""]
    return "\n".join(lines)


def _term_table(terms: list[Term], annotations: Annotations) -> str:
    rows = ["| Chinese | Pinyin | English | Occurrences |", "|---|---|---|---|"]
    for term in terms:
        rows.append(
            f'| <a href="{term.id}/" lang="zh-Hans">{escape(term.zh)}</a> | {escape(term.pinyin)} | '
            f"{cell(term.en)} | {annotations.counts.get(term.id, 0)} |"
        )
    return "\n".join(rows)


def pinyin_key(term: Term) -> tuple[str, str]:
    """Sort by pinyin without tones (then by the Chinese): dǎngjiàn before dǎngyuán."""
    bare = "".join(c for c in unicodedata.normalize("NFD", term.pinyin) if not unicodedata.combining(c))
    return (bare.casefold().replace("'", "").replace(" ", ""), term.zh)


def _initial(term: Term) -> str:
    first = pinyin_key(term)[0][:1]
    return first.upper() if first.isalpha() else "0–9"


