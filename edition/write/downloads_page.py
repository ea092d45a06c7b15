"""The Downloads page: the edition's data files, as published beside the site under data/."""

from __future__ import annotations

from html import escape

from edition.model import Report, SourceEdition
from edition.write.markup import front_matter
from edition.write.render import HAND_PAGES


def downloads_page(reports: list[Report], sources: list[SourceEdition], *, citation: bool,
                   hand_pages: frozenset[str] = frozenset(HAND_PAGES)) -> str:
    schema = ", described in [Data format](../data-schema.md)" if "data-schema.md" in hand_pages else ""
    translators = " (see [For translators](../translators.md))" if "translators.md" in hand_pages else ""
    lines = [
        *front_matter("Downloads"),
        "# Downloads { #top }",
        "",
        "Everything the site shows, as files. They are rebuilt with the site from the repository, so "
        "they always match the pages.",
        "",
        "## The edition { #edition }",
        "",
        "- [`edition.json`](edition.json): every report, block, anchor, translation (with its state "
        f"and provenance), omission and glossary term{schema}.",
        "- [`glossary.csv`](glossary.csv) and [`glossary.tbx`](glossary.tbx): the glossary for "
        "spreadsheets and for translation tools (TBX, the TermBase eXchange format).",
    ]
    if citation:
        lines.append("- [`CITATION.cff`](CITATION.cff): how to cite the edition, for reference managers.")
    lines += [
        "",
        "## Translations { #translations }",
        "",
        f"One gettext PO file per report, as translators edit them in the repository{translators}.",
        "",
    ]
    lines += [f"- [`{r.slug}.po`](po/{r.slug}.po): {escape(r.label)}" for r in reports]
    lines += [
        "",
        "## TEI { #tei }",
        "",
        "Each report as a TEI P5 document, for the tools of digital editions (TEI Publisher, EVT, ediarum): "
        "the Chinese and the English block by block, with the anchors, the state of each translation, the "
        "source's bibliographic data and the omitted chrome (see [Data format](../data-schema.md#tei)).",
        "",
    ]
    lines += [f"- [`{r.slug}.xml`](tei/{r.slug}.xml): {escape(r.label)}" for r in reports]
    lines += [
        "",
        "## Sources { #sources }",
        "",
        "The raw source files, byte for byte as received, with their SHA-256 sums "
        "([`SHA256SUMS`](seeds/SHA256SUMS)).",
        "",
    ]
    lines += [
        f"- [`{s.source.file}`](seeds/{s.source.file}) — SHA-256 `{s.source.sha256[:16]}…`" for s in sources
    ]
    return "\n".join([*lines, ""])
