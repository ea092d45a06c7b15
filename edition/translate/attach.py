"""Pipeline stage "attach translations": PO files -> ``en``, ``status``, ``provenance``, ``po_line``.

Every report's PO file is loaded first (a syntax error stops the build before anything is
written), then synchronised with the report's current blocks, saved if that changed it, and read
back onto the blocks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import polib

from edition.model import Block, Report
from edition.translate import po as pofile
from edition.translate.sync import SyncResult, sync_catalog


@dataclass
class Catalog:
    """A report's PO file in memory."""

    slug: str
    path: Path
    po: polib.POFile
    existed: bool = True

    def text(self) -> str:
        return pofile.dumps(self.po)

    def save(self) -> bool:
        return pofile.save_po(self.po, self.path)

    def lines(self) -> dict[str, int]:
        return pofile.entry_lines(self.text())


def load_catalog(translations: Path, slug: str, language: str = pofile.LANGUAGE) -> Catalog:
    path = pofile.po_path(translations, slug, language)
    if path.exists():
        return Catalog(slug, path, pofile.load_po(path))
    return Catalog(slug, path, pofile.new_catalog(slug, language), existed=False)


def load_catalogs(
    translations: Path, slugs: Iterable[str], language: str = pofile.LANGUAGE
) -> dict[str, Catalog]:
    """Every report's catalog; raises :class:`EditionError` on the first bad file, before any is written."""
    return {slug: load_catalog(translations, slug, language) for slug in slugs}


def previous_chinese(edition_json: Path) -> dict[str, dict[str, str]]:
    """slug -> block id -> the Chinese at the last build (from build/edition.json; empty if there is none)."""
    try:
        data = json.loads(edition_json.read_text(encoding="utf-8"))
        return {
            r["slug"]: {b["id"]: b["zh"] for b in r["blocks"] if b.get("id")} for r in data.get("reports", [])
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def sync_report(
    catalog: Catalog,
    report: Report,
    *,
    previous_zh: Mapping[str, str] | None = None,
    known_ids: Iterable[str] = (),
) -> SyncResult:
    return sync_catalog(
        catalog.po, report.blocks, path=catalog.path, previous_zh=previous_zh, known_ids=set(known_ids)
    )


def attach_report(report: Report, catalog: Catalog) -> None:
    """Read the catalog onto the report's blocks (after sync, so every block has an entry)."""
    entries = pofile.by_context(catalog.po)
    lines = catalog.lines()
    for block in report.blocks:
        attach_block(block, entries.get(block.id or ""), lines.get(block.id or ""))


def attach_block(block: Block, entry: polib.POEntry | None, line: int | None) -> None:
    block.po_line = line
    if entry is None or pofile.status(entry) == pofile.MISSING:
        block.en, block.status, block.provenance = None, pofile.MISSING, None
        return
    block.en = entry.msgstr
    block.status = pofile.status(entry)
    block.provenance = pofile.provenance(entry)


# --- the stage --------------------------------------------------------------------------------


def sync_all(
    reports: Iterable[Report],
    catalogs: Mapping[str, Catalog],
    *,
    ledgers: Mapping[str, object] | None = None,
    previous: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, SyncResult]:
    """Synchronise every report's catalog with its blocks (in memory; nothing is written)."""
    results = {}
    for report in reports:
        ledger = (ledgers or {}).get(report.slug)
        known = [a.id for a in getattr(ledger, "anchors", [])]
        results[report.slug] = sync_report(
            catalogs[report.slug], report, previous_zh=(previous or {}).get(report.slug), known_ids=known
        )
    return results


def attach_translations(
    reports: list[Report],
    translations: Path,
    *,
    ledgers: Mapping[str, object] | None = None,
    catalogs: dict[str, Catalog] | None = None,
    previous: Mapping[str, Mapping[str, str]] | None = None,
    save: bool = True,
) -> dict[str, Catalog]:
    """Load (unless given), sync, save and attach every report's PO file; returns the catalogs.

    Every file is loaded before any is written, so a syntax error in one changes nothing.
    """
    if catalogs is None:
        catalogs = load_catalogs(translations, [r.slug for r in reports])
    sync_all(reports, catalogs, ledgers=ledgers, previous=previous)
    for report in reports:
        catalog = catalogs[report.slug]
        if save and (catalog.existed or report.blocks):
            catalog.save()
            catalog.existed = True
        attach_report(report, catalog)
    return catalogs
