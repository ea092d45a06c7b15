"""Clean one decoded source: detect its layout, segment it, split it into reports, attach metadata."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from pypinyin import lazy_pinyin

from edition.clean.layout import PDF, detect_layout
from edition.clean.pdf import segment_pdf
from edition.clean.pdf_layout import segment_pdf_layout
from edition.clean.split import split_reports
from edition.clean.structured import segment_structured
from edition.clean.text import HAN_RE, non_space
from edition.clean.web import segment_web
from edition.errors import EditionError
from edition.model import Block, Doubt, Report, Source, SourceEdition
from edition.read.catalog import SourceEntry
from edition.yamlfile import strip_lines

log = logging.getLogger("edition")

STRUCTURED = {"pdf": segment_pdf_layout, "html": segment_structured, "docx": segment_structured}


def clean_source(source: Source, entry: SourceEntry | None, name: str | None = None,
                 catalog: str = "the catalog") -> SourceEdition:
    """``name``: how messages name the source (the pipeline gives its path in the project, in whichever
    folder ``folders.sources`` names; default: its file name); ``catalog``: how they name the catalog.
    The doubts are returned with the edition, not printed: the build shows them in the review of a new
    source, before its anchors are published (a published source was reviewed then), and ``edition
    check-source`` always shows them."""
    name = name or source.file
    lines = source.lines
    doubts: list[Doubt] = []
    if source.format in STRUCTURED:  # what the document's markup or layout says decides (edition.read)
        pieces = STRUCTURED[source.format](source, doubts)
    else:
        source.layout = (entry.layout if entry and entry.layout else None) or detect_layout(lines)
        pieces = segment_pdf(lines, doubts) if source.layout == PDF else segment_web(lines, doubts)
    block_lists, paratext, omissions = split_reports(pieces)
    for block in (b for blocks in block_lists for b in blocks):
        first, last = source.page_of(block.lines[0]), source.page_of(block.lines[1])
        if first is not None and last is not None:
            block.pages = (first, last)
    if not block_lists:
        raise EditionError(name, "has no reading text: every line is boilerplate or paratext")
    catalogued = entry.reports if entry else []
    if entry is None:
        log.warning("%s: not in %s; built with inferred metadata: please catalogue it", name, catalog)
    elif len(catalogued) != len(block_lists):
        log.warning(
            "%s: the catalog lists %d report(s) but the text holds %d; extra ones get inferred metadata",
            name, len(catalogued), len(block_lists),
        )
    reports = []
    for index, blocks in enumerate(block_lists):
        if index < len(catalogued):
            meta = strip_lines(catalogued[index])
            _check_title(source.file, meta, blocks)
            reports.append(Report(meta["slug"], source.file, meta, blocks, catalogued=True))
        else:
            meta = infer_metadata(source, blocks, index)
            reports.append(Report(meta["slug"], source.file, meta, blocks, catalogued=False))
    return SourceEdition(source, reports, paratext, omissions, doubts)


def infer_metadata(source: Source, blocks: list[Block], index: int) -> dict[str, Any]:
    """Metadata for an uncatalogued report: its title from the text and a deterministic slug."""
    title = next((b.zh for b in blocks if b.kind == "title"), None)
    if title is None:
        title = next((b.zh for b in blocks if b.kind == "heading"), None) or blocks[0].zh[:30]
    return {
        "slug": inferred_slug(source.file, title, index),
        "title": {"zh": title, "en": None},
        "inferred": True,
    }


def inferred_slug(file: str, title: str, index: int) -> str:
    """Pinyin of the title's first Han characters, plus a hash of the file name for uniqueness."""
    han = "".join(HAN_RE.findall(title))[:6]
    words = [w for w in lazy_pinyin(han) if w.isascii() and w.isalpha()]
    digest = hashlib.sha256(f"{file}#{index}".encode()).hexdigest()[:6]
    return "-".join([*words, digest]) if words else f"report-{digest}"


def _check_title(file: str, meta: dict[str, Any], blocks: list[Block]) -> None:
    expected = (meta.get("title") or {}).get("zh")
    found = next((b.zh for b in blocks if b.kind == "title"), None)
    if expected and found and non_space(expected) != non_space(found):
        log.warning("%s: report %r: catalog title %r differs from the title in the text %r",
                    file, meta["slug"], expected, found)
