"""The MkDocs pages of reports and sources: what their templates need (edition/write/templates/).

The templates escape every text from the sources, the catalog and the translations (autoescaping,
:mod:`edition.write.render`): a ``<script>`` in a source or a translation shows as text, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.annotate.annotations import Annotations
from edition.annotate.crosslinks import SeeAlso
from edition.annotate.occurrences import Occurrence
from edition.clean.review import line_uses
from edition.model import FORMAT_NAMES, LAYOUT_NAMES, Block, Report
from edition.translate import po as pofile
from edition.write import citation, theme
from edition.write.glossary_pages import term_url
from edition.write.po_view import po_line_href
from edition.write.reading_aids import applies_to, traditional
from edition.write.render import HAND_PAGES, render

KIND_LABELS = {
    "title": "title",
    "kicker": "kicker",
    "subtitle": "subtitle",
    "heading": "heading",
    "paragraph": "¶",
    "caption": "caption",
    "byline": "byline",
    "note": "note",
}


def translation_state(report: Report) -> str:
    """'n of m blocks reviewed', with the drafts and missing translations counted too."""
    counts = {state: sum(1 for b in report.blocks if b.status == state) for state in ("reviewed", "draft", "missing")}
    parts = [f"{counts['reviewed']} of {len(report.blocks)} blocks reviewed"]
    if counts["draft"]:
        parts.append(f"{counts['draft']} unreviewed draft{'s' if counts['draft'] != 1 else ''}")
    if counts["missing"]:
        parts.append(f"{counts['missing']} missing")
    return " · ".join(parts)


@dataclass(frozen=True)
class TermLink:
    url: str
    tooltip: str
    zh: str = ""


@dataclass(frozen=True)
class SeeAlsoLink:
    slug: str
    block_id: str
    shared: str
    label: str
    mark: str


@dataclass(frozen=True)
class BlockView:
    """What the block template needs of a block."""

    block: Block
    mark: str
    where: str
    segments: list[tuple[str, TermLink | None]]
    see_also: list[SeeAlsoLink]
    source: str
    source_slug: str
    po_path: str
    po_href: str
    page_label: str | None = None  # a PDF's block: "p. 3" or "pp. 3–4", linking to that page of the original
    page_href: str | None = None
    hant_segments: list[tuple[str, TermLink | None]] | None = None  # the same in traditional characters (a reading aid)


def block_view(report: Report, block: Block, annotations: Annotations | None = None,
               reports: dict[str, Report] | None = None, repository: str | None = None) -> BlockView:
    """``repository``: where the repository's files are shown on the web (the PO-line link opens the
    block's line there); without one, it opens the line on the site's own view of the PO file."""
    mark = f"¶{block.number}" if block.number else KIND_LABELS[block.kind]
    first, last = block.lines
    where = f"line {first}" if first == last else f"lines {first}–{last}"
    page_label = page_href = None
    if block.pages is not None:  # a PDF's: the page(s) too, as a scholar cites the original, opened there
        start, end = block.pages
        page_label = f"p. {start}" if start == end else f"pp. {start}–{end}"
        page_href = f"../../data/seeds/{report.source}#page={start}"
    occurrences = annotations.in_block(report.slug, block.id) if annotations else []
    see = annotations.see_also.get((report.slug, block.id or ""), []) if annotations else []
    po = po_path(report.slug)
    segments = chinese_segments(block.zh, occurrences, annotations)
    return BlockView(
        block, mark, where, segments,
        _see_also(annotations, see, reports or {}) if annotations else [], report.source,
        source_slug(report.source), po,
        po_line_href(report.slug, block.po_line or 1, f"{repository}{po}" if repository else None),
        page_label, page_href,
        [(traditional(text), term) for text, term in segments] if applies_to(theme.current().source_lang) else None,
    )


def _block_html(
    report: Report, block: Block, annotations: Annotations | None = None, reports: dict[str, Report] | None = None
) -> str:
    """One block as the report page shows it (for tests and for the page)."""
    return render("block.j2", view=block_view(report, block, annotations, reports)).rstrip("\n")


def report_page(
    report: Report, redirects: dict[str, str | None], annotations: Annotations | None = None,
    reports: dict[str, Report] | None = None, edition_title: str = "", edition_version: str | None = None,
    repository: str | None = None,
) -> str:
    """The report's page: catalogue record, translation state, then every block as a row (Chinese,
    English). With ``annotations``, glossary terms link to their entries and paragraphs and the
    report link to related ones (``reports`` gives their labels)."""
    title = (report.meta.get("title") or {}).get("zh") or report.slug
    english = (report.meta.get("title") or {}).get("en")
    landing: dict[str, list[str]] = {}
    for old, new in redirects.items():
        landing.setdefault(new or "top", []).append(old)
    blocks = [block_view(report, b, annotations, reports, repository) for b in report.blocks]
    record = citation.csl_record(report, {"title": {"en": edition_title}, "version": edition_version})
    return render(
        "report.md.j2",
        citation=citation.front_matter(record, report, [(v.block.id or "", v.mark) for v in blocks]),
        reference=citation.reference(record),
        report=report, title=title, english=english, source_slug=source_slug(report.source), state=translation_state(report),
        edition_title=edition_title, edition_version=edition_version,
        retired_at_top=sorted(landing.pop("top", [])), retired_before={k: sorted(v) for k, v in landing.items()},
        blocks=blocks,
        related=_related(report, annotations, reports or {}) if annotations is not None else None,
        search={"report": search_record(report)},
    )


def search_record(report: Report) -> dict[str, Any]:
    """What the search index knows of a report beyond its text (edition/search_index.py): its titles,
    label, and place names in both languages, which readers search by."""
    meta = report.meta
    titles = meta.get("title") or {}
    place = meta.get("place") or {}
    names = [value.get(language) for key in ("province", "city", "county", "street")
             if isinstance(value := place.get(key), dict) for language in ("en", "zh")]
    outlet = meta.get("outlet") or {}
    date = (meta.get("date") or {}).get("value")
    summary = " · ".join(str(x) for x in (outlet.get("en") if isinstance(outlet, dict) else outlet, date) if x)
    return {"title_zh": titles.get("zh") or report.slug, "title_en": titles.get("en") or "", "label": report.label,
            "keywords": [n for n in names if n], "summary": summary}


def word_runs(report: Report, annotations: Annotations | None = None) -> dict[str, list[str]]:
    """Block id -> the runs of its Chinese between glossary terms, as the page shows them (for the
    word lookup, :func:`edition.write.reading_aids.report_words`; terms keep their own tooltip)."""
    return {
        block.id or "": [text for text, term in chinese_segments(
            block.zh, annotations.in_block(report.slug, block.id) if annotations else [], annotations) if term is None]
        for block in report.blocks
    }


def po_path(slug: str) -> str:
    """The PO file of a report, as a path in the repository (for links to it)."""
    return pofile.po_path(Path("translations"), slug).as_posix()


def chinese_segments(
    text: str, occurrences: list[Occurrence], annotations: Annotations | None
) -> list[tuple[str, TermLink | None]]:
    """The Chinese cut into runs of plain text and glossary terms (each linking to its entry)."""
    segments: list[tuple[str, TermLink | None]] = []
    position = 0
    for occurrence in occurrences if annotations else []:
        term = annotations.by_id[occurrence.term_id]
        segments.append((text[position:occurrence.start], None))
        segments.append((text[occurrence.start:occurrence.end], TermLink(term_url(term.id), term.tooltip)))
        position = occurrence.end
    segments.append((text[position:], None))
    return segments


def _see_also(annotations: Annotations, items: list[SeeAlso], reports: dict[str, Report]) -> list[SeeAlsoLink]:
    links = []
    for item in items:
        other = reports.get(item.slug)
        label = other.label if other else item.slug
        block = next((b for b in other.blocks if b.id == item.block_id), None) if other else None
        mark = f"¶{block.number}" if block and block.number else item.block_id
        shared = "、".join(annotations.by_id[t].zh for t in item.shared)
        links.append(SeeAlsoLink(item.slug, item.block_id, shared, label, mark))
    return links


def _related(report: Report, annotations: Annotations, reports: dict[str, Report]) -> list[dict[str, Any]]:
    related = []
    for item in annotations.related.get(report.slug, []):
        other = reports.get(item.slug)
        title = ((other.meta.get("title") or {}).get("en") or item.slug) if other else item.slug
        terms = [TermLink(term_url(t), annotations.by_id[t].tooltip, annotations.by_id[t].zh) for t in item.shared[:8]]
        related.append({"slug": item.slug, "title": title, "terms": terms})
    return related


def moved_page(old: str, report: Report) -> str:
    """The page at a report's old address: it says where the report went, and goes there (anchor too)."""
    title = (report.meta.get("title") or {}).get("en") or (report.meta.get("title") or {}).get("zh") or report.slug
    return render("moved.md.j2", old=old, report=report, title=title)


def withdrawn_page(slug: str, reason: str) -> str:
    """The page at a withdrawn report's address: it says that the report was withdrawn, and why."""
    return render("withdrawn.md.j2", slug=slug, reason=reason)


def reports_index(reports: list[Report]) -> str:
    return render("reports_index.md.j2", reports=reports)


def source_page(edition, *, hand_pages: frozenset[str] = frozenset(HAND_PAGES)) -> str:
    """A source shown diplomatically: every raw line with its number, plus paratext and omissions."""
    source = edition.source
    return render("source.md.j2", edition=edition, uses=line_uses(edition), hand_pages=hand_pages,
                  format_name=FORMAT_NAMES[source.format], layout_name=LAYOUT_NAMES.get(source.layout, source.layout),
                  page_starts=source.page_starts(), pages=max(source.page_starts().values(), default=0))


def source_slug(file: str) -> str:
    return file.rsplit(".", 1)[0]




def sources_index(sources, *, hand_pages: frozenset[str] = frozenset(HAND_PAGES)) -> str:
    """The apparatus of omissions: every passage left out of the reading text, with lines and reason."""
    return render("sources_index.md.j2", sources=sources, total=sum(len(s.omissions) for s in sources),
                  slug=source_slug, hand_pages=hand_pages)
