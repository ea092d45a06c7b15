"""The translation memory as TMX 1.4b, for translation tools (OmegaT, Trados, memoQ, Weblate …).

One ``tu`` per translated block (draft or reviewed; a missing one has nothing to remember), in
reading order, report by report:

* ``tuid`` and ``prop type="x-context"``: the block's anchor, ``<slug>#<id>`` (its address on the
  site; ``x-context`` is where translate-toolkit and po2tmx put a unit's context);
* ``prop type="x-state"``: ``draft`` or ``reviewed``, and a ``note`` saying the same in words, with
  the provenance and the reviewers who signed;
* a ``tuv`` in the source language (``languages.source``, ``zh-Hans`` by default) and one in
  ``en-GB`` (the edition's British English).

The header names this package and its version as the creation tool. Nothing in the file depends
on the moment it is written (no creation date): the same edition gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version

from edition.model import Report

SOURCE_LANGUAGE = "zh-Hans"
TARGET_LANGUAGE = "en-GB"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TRANSLATED = ("draft", "reviewed")


def _tool_version() -> str:
    try:
        return version("edition")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def state_note(status: str, provenance: str | None, reviewed_by: Iterable[str]) -> str:
    """The state in words, for a translator reading the unit in a tool."""
    reviewers = ", ".join(reviewed_by)
    if status == "reviewed":
        said = f"Reviewed{f' by {reviewers}' if reviewers else ''}."
    else:
        said = "Draft, not yet reviewed."
    return f"{said} Provenance: {provenance}." if provenance else said


def translation_memory(reports: Iterable[Report], source_lang: str = SOURCE_LANGUAGE) -> str:
    """Every translated block of ``reports`` as one TMX document (the original tagged ``source_lang``,
    ``languages.source`` in ``edition.yml``)."""
    tmx = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(tmx, "header", {
        "creationtool": "edition",
        "creationtoolversion": _tool_version(),
        "datatype": "plaintext",
        "segtype": "paragraph",
        "adminlang": "en",
        "srclang": source_lang,
        "o-tmf": "gettext PO",
    })
    body = ET.SubElement(tmx, "body")
    for report in reports:
        for block in report.blocks:
            if block.status not in TRANSLATED or not block.en or not block.id:
                continue
            anchor = f"{report.slug}#{block.id}"
            unit = ET.SubElement(body, "tu", {"tuid": anchor})
            ET.SubElement(unit, "note").text = state_note(block.status, block.provenance, block.reviewed_by)
            ET.SubElement(unit, "prop", {"type": "x-context"}).text = anchor
            ET.SubElement(unit, "prop", {"type": "x-state"}).text = block.status
            for language, text in ((source_lang, block.zh), (TARGET_LANGUAGE, block.en)):
                variant = ET.SubElement(unit, "tuv", {XML_LANG: language})
                ET.SubElement(variant, "seg").text = text
    ET.indent(tmx)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        + ET.tostring(tmx, encoding="unicode")
        + "\n"
    )
