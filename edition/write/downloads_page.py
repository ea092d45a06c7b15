"""The Downloads page: the edition's data files, as published beside the site under data/."""

from __future__ import annotations

from html import escape

from edition.model import Report, SourceEdition
from edition.write.markup import front_matter


def downloads_page(reports: list[Report], sources: list[SourceEdition], *, citation: bool) -> str:
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
        "and provenance), omission and glossary term, described in [Data format](../data-schema.md).",
        "- [`glossary.csv`](glossary.csv) and [`glossary.tbx`](glossary.tbx): the glossary for "
        "spreadsheets and for translation tools (TBX, the TermBase eXchange format).",
    ]
    if citation:
        lines.append("- [`CITATION.cff`](CITATION.cff): how to cite the edition, for reference managers.")
    lines += [
        "",
        "## Translations { #translations }",
        "",
        "One gettext PO file per report, as translators edit them in the repository "
        "(see [For translators](../translators.md)).",
        "",
    ]
    lines += [f"- [`{r.slug}.po`](po/{r.slug}.po): {escape(r.label)}" for r in reports]
    lines += [
        "",
        "And every translated block of them as one translation memory for translation tools: "
        "[`translation-memory.tmx`](translation-memory.tmx) (TMX 1.4; each unit names its block, "
        "`<slug>#<id>`, and its state, draft or reviewed).",
    ]
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
