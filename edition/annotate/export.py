"""The glossary for others: CSV and TBX files, and its record in ``edition.json``.

* **CSV** — one row per term, the columns of :data:`CSV_COLUMNS`, RFC 4180 (``csv`` module,
  CRLF line ends, fields quoted when needed), UTF-8 without BOM. List fields (variants,
  en_forms, en_variants, related) are joined with :data:`LIST_SEPARATOR` (`` | ``; English variants
  contain commas); an English variant is written ``<en> (<context>: <why>)``.
* **TBX** — TBX-Basic style: ``<martif type="TBX-Basic">``, one ``termEntry`` per term (``id`` =
  term id) with ``descrip type="subjectField"`` = category and ``ref type="crossReference"`` per
  related term; a ``langSet xml:lang="zh"`` with the headword (preferred, its pinyin in a
  ``note``) and variants (admitted); a ``langSet xml:lang="en"`` with the definition, the
  preferred English term, its forms (admitted) and the English variants (admitted, each with a
  ``note`` saying the only context it is tolerated in).
* :func:`glossary_record` — every term's fields, with its occurrences grouped by block.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from edition.annotate.occurrences import Occurrence
from edition.atomic import write_text
from edition.config import DEFAULTS
from edition.read.glossary import FIELDS, Term

CSV_COLUMNS = FIELDS
LIST_SEPARATOR = " | "
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"


def glossary_csv(terms: Iterable[Term]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # excel dialect: RFC 4180, CRLF
    writer.writerow(CSV_COLUMNS)
    for term in terms:
        record = term.record()
        record["en_variants"] = [f"{v.en} ({v.context}: {v.why})" for v in term.en_variants]
        writer.writerow(
            [LIST_SEPARATOR.join(v) if isinstance(v, list) else v for v in (record[c] for c in CSV_COLUMNS)]
        )
    return buffer.getvalue()


def glossary_tbx(terms: Iterable[Term], title: str = DEFAULTS.glossary.title, *,
                 source_lang: str = DEFAULTS.languages.source, target_lang: str = DEFAULTS.languages.target) -> str:
    """``title``: ``glossary.title`` of ``edition.yml``; the languages, its ``languages`` (the source's
    langSet names its language alone, ``zh``, as TBX tools match on it)."""
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: target_lang})
    header = ET.SubElement(martif, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = title
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = "glossary.yaml of the bilingual edition"
    ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for term in terms:
        entry = ET.SubElement(body, "termEntry", {"id": term.id})
        ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = term.category
        for related in term.related:
            ET.SubElement(entry, "ref", {"type": "crossReference", "target": related}).text = related
        if term.note:
            ET.SubElement(entry, "note").text = term.note
        zh = ET.SubElement(entry, "langSet", {XML_LANG: source_lang.split("-")[0]})
        _tig(zh, term.zh, PREFERRED, note=f"pinyin: {term.pinyin}")
        for variant in term.variants:
            _tig(zh, variant, ADMITTED)
        en = ET.SubElement(entry, "langSet", {XML_LANG: target_lang})
        ET.SubElement(en, "descrip", {"type": "definition"}).text = term.definition
        _tig(en, term.en, PREFERRED)
        for form in term.en_forms:
            _tig(en, form, ADMITTED)
        for variant in term.en_variants:
            _tig(en, variant.en, ADMITTED, note=f"only {variant.context}: {variant.why}")
    ET.indent(martif)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(martif, encoding="unicode") + "\n"


def _tig(lang_set: ET.Element, text: str, status: str, note: str | None = None) -> None:
    tig = ET.SubElement(lang_set, "tig")
    ET.SubElement(tig, "term").text = text
    ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status
    if note:
        ET.SubElement(tig, "note").text = note


def write_glossary_csv(path: Path, terms: Iterable[Term]) -> bool:
    return write_text(Path(path), glossary_csv(terms))


def write_glossary_tbx(path: Path, terms: Iterable[Term]) -> bool:
    return write_text(Path(path), glossary_tbx(terms))


def glossary_record(terms: Iterable[Term], occurrences: Iterable[Occurrence]) -> list[dict[str, Any]]:
    """The glossary for ``edition.json``: each term's fields, ``tooltip``, ``count`` and occurrences.

    ``occurrences`` is a list of ``{"report": slug, "block": id, "count": n}``, one per block the
    term occurs in, in the order the occurrences were found (reading order).
    """
    grouped: dict[str, dict[tuple[str, str], int]] = {}
    for occurrence in occurrences:
        blocks = grouped.setdefault(occurrence.term_id, {})
        key = (occurrence.slug, occurrence.block_id)
        blocks[key] = blocks.get(key, 0) + 1
    record: list[dict[str, Any]] = []
    for term in terms:
        blocks = grouped.get(term.id, {})
        record.append(
            {
                **term.record(),
                "tooltip": term.tooltip,
                "count": sum(blocks.values()),
                "occurrences": [{"report": s, "block": b, "count": n} for (s, b), n in blocks.items()],
            }
        )
    return record
