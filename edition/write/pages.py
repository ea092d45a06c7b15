"""The MkDocs pages generated from the edition: one page per report, an index of reports.

Every text from the sources or the translations is HTML-escaped: a ``<script>`` in a source
or a translation shows as text, never as markup.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from edition.annotate.annotations import Annotations
from edition.annotate.crosslinks import SeeAlso
from edition.annotate.occurrences import Occurrence
from edition.clean.review import line_uses
from edition.model import Report
from edition.translate import po as pofile
from edition.write.glossary_pages import term_url
from edition.write.markup import cell, front_matter

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


def _text(value: Any) -> str:
    return escape(str(value)) if value not in (None, "") else ""


def _named(value: Any) -> str:
    """A catalog value: {zh, en} rendered as 'en (zh)', a plain string as is."""
    if isinstance(value, dict):
        zh, en = value.get("zh"), value.get("en")
        if zh and en:
            return f"{escape(en)} ({escape(zh)})"
        return escape(en or zh or "")
    return _text(value)


def metadata_rows(report: Report) -> list[tuple[str, str]]:
    meta = report.meta
    title = meta.get("title") or {}
    rows = [("Title", _text(title.get("zh"))), ("English title", _text(title.get("en")))]
    rows.append(("Outlet", _named(meta.get("outlet")) or "not stated"))
    date = meta.get("date") or {}
    rows.append(("Date", " — ".join(x for x in (_text(date.get("value")), _text(date.get("note"))) if x) or "not stated"))
    place = meta.get("place") or {}
    levels = [(_named(place.get(k))) for k in ("province", "city", "county", "street")]
    where = ", ".join(x for x in levels if x)
    if place.get("note"):
        where = f"{where}. {_text(place['note'])}" if where else _text(place["note"])
    rows.append(("Place", where or "not stated"))
    authors = "; ".join(
        f"{_named({'zh': a.get('zh'), 'en': a.get('en')})}, {_text(a.get('role'))}" for a in meta.get("authors") or []
    )
    rows.append(("Authors", authors or "not stated"))
    rows.append(("Byline", _text(meta.get("byline")) or "none"))
    rows.append(("Genre", _text(meta.get("genre")) or "not stated"))
    first, last = report.lines
    rows.append(("Source", f'<a href="../../sources/{source_slug(report.source)}/#L{first}">'
                           f"<code>{escape(report.source)}</code>, lines {first}–{last}</a>"))
    if not report.catalogued:
        rows.append(("Catalogue", "<strong>Not catalogued</strong>: metadata inferred from the text."))
    return rows


def translation_state(report: Report) -> str:
    """'n of m blocks reviewed', with the drafts and missing translations counted too."""
    counts = {state: sum(1 for b in report.blocks if b.status == state) for state in ("reviewed", "draft", "missing")}
    parts = [f"{counts['reviewed']} of {len(report.blocks)} blocks reviewed"]
    if counts["draft"]:
        parts.append(f"{counts['draft']} unreviewed draft{'s' if counts['draft'] != 1 else ''}")
    if counts["missing"]:
        parts.append(f"{counts['missing']} missing")
    return " · ".join(parts)


VIEW_SWITCH = (
    '<div class="view-switch" role="group" data-search-exclude aria-label="Reading view">'
    '<button type="button" data-view="parallel" aria-pressed="true">Parallel</button>'
    '<button type="button" data-view="zh" aria-pressed="false" lang="zh-Hans">中文</button>'
    '<button type="button" data-view="en" aria-pressed="false">English</button>'
    "</div>"
)


def report_page(
    report: Report, redirects: dict[str, str | None], annotations: Annotations | None = None,
    reports: dict[str, Report] | None = None, edition_title: str = "",
) -> str:
    """The report's page: catalogue record, translation state, then every block as a row (Chinese,
    English). With ``annotations``, glossary terms link to their entries and paragraphs and the
    report link to related ones (``reports`` gives their labels)."""
    title = (report.meta.get("title") or {}).get("zh") or report.slug
    english = (report.meta.get("title") or {}).get("en")
    lines = [
        *front_matter(english or title),
        f'# <span lang="zh-Hans">{escape(title)}</span> {{ #top }}',
        "",
    ]
    if english:
        lines += [f'<p class="report-title-en">{escape(english)}</p>', ""]
    lines.append('<dl class="report-meta">')
    for label, value in metadata_rows(report):
        lines.append(f"<dt>{label}</dt><dd>{value}</dd>")
    lines += [
        f'<dt>Translation</dt><dd class="translation-state">{translation_state(report)}. '
        'Drafts are marked <span class="translation-status translation-status--draft">draft</span>; '
        'see <a href="../../translation/">Translation</a>.</dd>',
        "</dl>",
        "",
        f'<div class="edition-report" data-view="parallel" data-edition-title="{escape(edition_title)}" '
        f'data-title-zh="{escape(title)}" data-title-en="{escape(english or "")}">',
        VIEW_SWITCH,
    ]
    landing: dict[str, list[str]] = {}
    for old, new in redirects.items():
        landing.setdefault(new or "top", []).append(old)
    for old in sorted(landing.get("top", [])):
        lines.append(f'<span class="retired-anchor" id="{escape(old)}" data-successor=""></span>')
    for block in report.blocks:
        for old in sorted(landing.get(block.id or "", [])):
            lines.append(f'<span class="retired-anchor" id="{escape(old)}" data-successor="{block.id}"></span>')
        lines.append(_block_html(report, block, annotations, reports or {}))
    lines += ["</div>", ""]
    if annotations is not None:
        lines += related_reports_section(report, annotations, reports or {})
    return "\n".join(lines)


def _block_html(
    report: Report, block, annotations: Annotations | None = None, reports: dict[str, Report] | None = None
) -> str:
    mark = f"¶{block.number}" if block.number else KIND_LABELS[block.kind]
    first, last = block.lines
    where = f"line {first}" if first == last else f"lines {first}–{last}"
    occurrences = annotations.in_block(report.slug, block.id) if annotations else []
    chinese = linked_chinese(block.zh, occurrences, annotations) if annotations else escape(block.zh)
    see = _see_also_html(annotations, annotations.see_also.get((report.slug, block.id or ""), []), reports or {}) \
        if annotations else ""
    po = po_path(report.slug)
    po_link = (f' · <a class="block-po" href="{REPO_LINK}{po}#L{block.po_line}" '
               f'title="Correct this translation: {po}, line {block.po_line}">PO line {block.po_line}</a>'
               if block.po_line else "")
    return (
        f'<div class="block block--{block.kind}" id="{block.id}" data-kind="{block.kind}" data-mark="{mark}">'
        f'<a class="block-mark" href="#{block.id}" title="Link to this block (anchor {block.id})">{mark}</a>'
        f'<div class="block-zh" lang="zh-Hans">{chinese}</div>'
        f"{_english_html(block)}"
        f'<div class="block-info" data-search-exclude><code>#{block.id}</code> · '
        f'<a href="../../sources/{source_slug(report.source)}/#L{first}">{escape(report.source)}, {where}</a>'
        f"{po_link}"
        f' · <button type="button" class="block-cite" title="Copy a citation of this block">Cite</button>'
        f"{see}</div>"
        "</div>"
    )


# Placeholder for the repository's web address: the MkDocs hook puts ``repo_url`` (and the branch)
# in its place, so that the address is configured once, in mkdocs.yml.
REPO_LINK = "repo:"


def po_path(slug: str) -> str:
    """The PO file of a report, as a path in the repository (for links to it)."""
    return pofile.po_path(Path("translations"), slug).as_posix()


def linked_chinese(text: str, occurrences: list[Occurrence], annotations: Annotations) -> str:
    """The Chinese, escaped, with every glossary term a link to its entry (tooltip: pinyin · English)."""
    out, position = [], 0
    for occurrence in occurrences:
        term = annotations.by_id[occurrence.term_id]
        out.append(escape(text[position:occurrence.start]))
        out.append(
            f'<a class="term" href="{term_url(term.id)}" title="{escape(term.tooltip)}">'
            f"{escape(text[occurrence.start:occurrence.end])}</a>"
        )
        position = occurrence.end
    out.append(escape(text[position:]))
    return "".join(out)


def _see_also_html(annotations: Annotations, items: list[SeeAlso], reports: dict[str, Report]) -> str:
    if not items:
        return ""
    links = []
    for item in items:
        other = reports.get(item.slug)
        label = other.label if other else item.slug
        block = next((b for b in other.blocks if b.id == item.block_id), None) if other else None
        mark = f"¶{block.number}" if block and block.number else item.block_id
        shared = "、".join(annotations.by_id[t].zh for t in item.shared)
        links.append(f'<a href="../{item.slug}/#{item.block_id}" title="shares {escape(shared)}">'
                     f"{escape(label)} {mark}</a>")
    return ' · <span class="see-also">see also ' + ", ".join(links) + "</span>"


def related_reports_section(report: Report, annotations: Annotations, reports: dict[str, Report]) -> list[str]:
    related = annotations.related.get(report.slug, [])
    lines = ["## Related reports { #related }", ""]
    if not related:
        return [*lines, "No other report shares its distinctive terms.", ""]
    lines.append("Ranked by the distinctive glossary terms they share with this one.")
    lines.append("")
    for item in related:
        other = reports.get(item.slug)
        title = escape(((other.meta.get("title") or {}).get("en") or item.slug) if other else item.slug)
        shared = ", ".join(
            f'<a href="{term_url(t)}" title="{escape(annotations.by_id[t].tooltip)}">'
            f'<span lang="zh-Hans">{escape(annotations.by_id[t].zh)}</span></a>'
            for t in item.shared[:8]
        )
        lines.append(f'- <a href="../{item.slug}/">{title}</a> — shares {shared}')
    return [*lines, ""]


def _english_html(block) -> str:
    """The English of a block, escaped, with its state: draft (and what produced it), reviewed or missing."""
    status, english = block.status, block.en
    if status == "missing" or not english:
        return '<div class="block-en block-en--missing" lang="en">Translation missing.</div>'
    if status == "draft":
        made_by = escape(block.provenance or "provenance not recorded", quote=True)
        label = (f'<span class="translation-status translation-status--draft" tabindex="0" '
                 f'title="Unreviewed draft: {made_by}">draft</span>')
    else:
        label = '<span class="translation-status translation-status--reviewed">reviewed</span>'
    return f'<div class="block-en block-en--{status}" lang="en">{label} {escape(english)}</div>'


def reports_index(reports: list[Report]) -> str:
    lines = ["---", "title: Reports", "---", "", "# Reports", "", "| Report | Place | Date | Blocks |", "|---|---|---|---|"]
    for report in reports:
        title = report.meta.get("title") or {}
        place = report.meta.get("place") or {}
        where = next((_named(place.get(k)) for k in ("street", "county", "city", "province") if place.get(k)), "")
        date = (report.meta.get("date") or {}).get("value") or "undated"
        label = escape(title.get("en") or title.get("zh") or report.slug).replace("|", "\\|")
        lines.append(f"| [{label}]({report.slug}.md)<br>{escape(title.get('zh') or '')} | {where} | {date} | "
                     f"{len(report.blocks)} |")
    return "\n".join(lines) + "\n"


def source_page(edition) -> str:
    """A source shown diplomatically: every raw line with its number, plus paratext and omissions."""
    source = edition.source
    lines = [
        *front_matter(f"Source {source.file}"),
        f"# Source `{source.file}` {{ #top }}",
        "",
        '<dl class="report-meta">',
        f"<dt>SHA-256</dt><dd><code>{source.sha256}</code></dd>",
        f"<dt>Encoding</dt><dd>{escape(source.encoding)}</dd>",
        f"<dt>Layout</dt><dd>{'PDF text extraction' if source.layout == 'pdf' else 'web-page extraction'}</dd>",
        f"<dt>Lines</dt><dd>{len(source.lines)}</dd>",
        "<dt>Reports</dt><dd>"
        + ", ".join(f'<a href="../../reports/{r.slug}/">{escape(r.slug)}</a>' for r in edition.reports)
        + "</dd>",
        "</dl>",
        "",
        "## Paratext {#paratext}",
        "",
    ]
    if edition.paratext:
        lines += ["| Kind | Lines | Text |", "|---|---|---|"]
        for p in edition.paratext:
            lines.append(f"| {p.kind} | [{p.lines[0]}–{p.lines[1]}](#L{p.lines[0]}) | {cell(p.zh)} |")
    else:
        lines.append("None.")
    lines += ["", "## Omissions {#omissions}", ""]
    if edition.omissions:
        lines += ["| Lines | Why | Text |", "|---|---|---|"]
        for o in edition.omissions:
            lines.append(f"| [{o.lines[0]}–{o.lines[1]}](#L{o.lines[0]}) | {escape(o.reason)} | {cell(o.text)} |")
    else:
        lines.append("Nothing was omitted.")
    if edition.doubts:
        lines += ["", "## Doubts {#doubts}", "",
                  "Places where the layout leaves the segmentation in doubt, and what the cleaning did there:", "",
                  "| Lines | Doubt |", "|---|---|"]
        for doubt in edition.doubts:
            lines.append(f"| [{doubt.lines[0]}–{doubt.lines[1]}](#L{doubt.lines[0]}) | {escape(doubt.message)} |")
    lines += ["", "## Raw text {#raw}", "",
              "Each line with how it was used (block of the reading text, paratext, omission) and the rule that "
              "decided (see the [Editorial method](../method.md)).", "",
              '<div class="diplomatic" lang="zh-Hans">']
    for use in line_uses(edition):
        label = f'<span class="line-use" title="{escape(use.rule)}">{escape(use.label)}</span>'
        lines.append(
            f'<div class="line line-{use.use}" id="L{use.number}"><a class="line-number" href="#L{use.number}">'
            f'{use.number}</a>{label}<span class="line-text">{escape(use.raw)}</span></div>'
        )
    lines += ["</div>", ""]
    return "\n".join(lines)


def source_slug(file: str) -> str:
    return file.rsplit(".", 1)[0]




def sources_index(sources) -> str:
    """The apparatus of omissions: every passage left out of the reading text, with lines and reason."""
    total = sum(len(s.omissions) for s in sources)
    lines = [
        *front_matter("Sources and omissions"),
        "# Sources and the apparatus of omissions { #top }",
        "",
        "Every source is shown in full, line by line, on its own page (a diplomatic view), with the "
        "paratext that frames it. The reading text leaves out only site chrome (menus, share buttons, "
        "footers, repeated titles); every passage left out is listed here with its source lines and the "
        f"rule that omitted it ({total} in all). See the [Editorial method](../method.md).",
        "",
        "| Source | Layout | Lines | Reports | Omitted passages |",
        "|---|---|---|---|---|",
    ]
    for edition in sources:
        source = edition.source
        reports = ", ".join(f"[{escape(r.label)}](../reports/{r.slug}.md)" for r in edition.reports)
        lines.append(f"| [`{source.file}`]({source_slug(source.file)}.md) | {source.layout} | "
                     f"{len(source.lines)} | {reports} | {len(edition.omissions)} |")
    for edition in sources:
        source = edition.source
        slug = source_slug(source.file)
        lines += ["", f"## `{source.file}` {{ #{slug} }}", ""]
        if not edition.omissions:
            lines.append("Nothing was omitted.")
            continue
        lines += ["| Lines | Why | Text |", "|---|---|---|"]
        for o in edition.omissions:
            span = f"{o.lines[0]}" if o.lines[0] == o.lines[1] else f"{o.lines[0]}–{o.lines[1]}"
            lines.append(f"| [{span}]({slug}.md#L{o.lines[0]}) | {escape(o.reason)} | {cell(o.text)} |")
    return "\n".join([*lines, ""])
