"""Pipeline stage "attach translations": PO files -> ``en``, ``status``, ``provenance``, ``po_line``.

Every report's PO file is loaded first (a syntax error stops the build before anything is
written), then synchronised with the report's current blocks, saved if that changed it, and read
back onto the blocks. A file with no header (an empty file, say) gets the standard one, so that
gettext's tools accept it; a report moved to a new slug takes its PO file along.

Before the sync, each file is checked against the last build: English the last build had for an id
that the file no longer holds at all (a file cut short, or restored from an old commit) is reported.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import polib

from edition.anchor.reconcile import Testimony
from edition.model import Block, Report
from edition.read.previous import PreviousReport, load_previous
from edition.translate import po as pofile
from edition.translate.sync import SyncResult, sync_catalog

log = logging.getLogger("edition")


@dataclass
class TranslationFile:
    """A report's PO file in memory (the catalog of its translations; not the edition's catalog of sources)."""

    slug: str
    path: Path
    po: polib.POFile
    existed: bool = True
    shown: str = ""  # the file as messages name it
    moved_from: Path | None = None  # the file it was loaded from, when the report moved to a new slug

    def text(self) -> str:
        return pofile.dumps(self.po)

    def save(self) -> bool:
        """Write the file (if it changed); a moved report's old file goes once the new one is written."""
        written = pofile.save_po(self.po, self.path)
        if self.moved_from is not None:
            self.moved_from.unlink(missing_ok=True)
            self.moved_from = None
        return written

    def lines(self) -> dict[str, int]:
        return pofile.entry_lines(self.text())

    def testimony(self) -> Testimony:
        """What the file says of the report's ids: msgctxt -> msgid, obsolete entries retired."""
        text = self.text()
        lines = {**pofile.obsolete_lines(text), **pofile.entry_lines(text)}
        texts = {e.msgctxt: e.msgid for e in self.po if e.msgctxt is not None and e.msgid}
        retired = frozenset(e.msgctxt for e in self.po if e.obsolete and e.msgctxt is not None)
        return Testimony(self.shown or str(self.path), texts, retired - set(pofile.by_context(self.po)), {}, lines)


def load_translation_file(
    translations: Path, slug: str, language: str = pofile.LANGUAGE, *, moved_from: str | None = None,
    shown: str | None = None, project: str = pofile.PROJECT,
) -> TranslationFile:
    """A report's PO file (loaded from the slug ``moved_from`` when the report moved), or a new one."""
    path = pofile.po_path(translations, slug, language)
    source = pofile.po_path(translations, moved_from, language) if moved_from else path
    name = shown or str(path)
    if not source.exists():
        return TranslationFile(slug, path, pofile.new_catalog(slug, language, project), existed=False, shown=name)
    po = pofile.load_po(source, name)
    if not pofile.has_header(po):
        log.warning("%s: no header (an empty file?): it gets the standard header", name)
        pofile.repair_header(po, slug, language, project)
    if moved_from:
        po.header = pofile.HEADER.format(slug=slug)
    return TranslationFile(slug, path, po, shown=name, moved_from=source if moved_from else None)


def load_translation_files(
    translations: Path,
    slugs: Iterable[str],
    language: str = pofile.LANGUAGE,
    *,
    moved: Mapping[str, str] | None = None,
    shown: Mapping[str, str] | None = None,
    project: str = pofile.PROJECT,
) -> dict[str, TranslationFile]:
    """Every report's catalog; raises :class:`EditionError` on the first bad file, before any is written.

    ``moved``: slug -> the slug whose file a moved report takes along; ``shown``: slug -> its file's name."""
    return {
        slug: load_translation_file(translations, slug, language, moved_from=(moved or {}).get(slug),
                           shown=(shown or {}).get(slug), project=project)
        for slug in slugs
    }


def previous_chinese(edition_json: Path) -> dict[str, dict[str, str]]:
    """slug -> block id -> the Chinese at the last build (from build/edition.json; empty if there is none)."""
    return {slug: report.texts for slug, report in load_previous(edition_json).items()}


def lost_translations(catalog: TranslationFile, previous: PreviousReport | None) -> list[str]:
    """Ids the last build had English for that the file holds no translation of, active or obsolete."""
    if previous is None:
        return []
    held = {e.msgctxt for e in catalog.po if e.msgctxt is not None and e.msgstr.strip()}
    return sorted((i for i in previous.english if i not in held), key=lambda i: (len(i), i))


def sync_report(
    catalog: TranslationFile,
    report: Report,
    *,
    previous_zh: Mapping[str, str] | None = None,
    known_ids: Iterable[str] = (),
) -> SyncResult:
    return sync_catalog(
        catalog.po, report.blocks, path=catalog.path, previous_zh=previous_zh, known_ids=set(known_ids)
    )


def attach_report(report: Report, catalog: TranslationFile) -> None:
    """Read the catalog onto the report's blocks (after sync, so every block has an entry)."""
    entries = pofile.by_context(catalog.po)
    lines = catalog.lines()
    for block in report.blocks:
        entry = entries.get(block.id or "")
        attach_block(block, entry, lines.get(block.id or ""))
        if entry is not None and block.status == pofile.DRAFT and pofile.reviewed_by(entry):
            log.warning("%s:%s: %s has a reviewed-by comment but is still fuzzy: it is shown as a draft until "
                        "the '#, fuzzy' line is removed", catalog.shown or catalog.path, block.po_line, block.id)


def attach_block(block: Block, entry: polib.POEntry | None, line: int | None) -> None:
    block.po_line = line
    if entry is None or pofile.status(entry) == pofile.MISSING:
        block.en, block.status, block.provenance, block.reviewed_by = None, pofile.MISSING, None, []
        block.translator_note = None
        return
    block.translator_note = "\n".join(pofile.comments(entry, "note")).strip() or None
    block.en = entry.msgstr
    block.status = pofile.status(entry)
    block.provenance = pofile.provenance(entry)
    block.reviewed_by = pofile.reviewed_by(entry) if block.status == pofile.REVIEWED else []


# --- the stage --------------------------------------------------------------------------------


def sync_all(
    reports: Iterable[Report],
    catalogs: Mapping[str, TranslationFile],
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
    catalogs: dict[str, TranslationFile] | None = None,
    previous: Mapping[str, Mapping[str, str]] | None = None,
    save: bool = True,
) -> dict[str, TranslationFile]:
    """Load (unless given), sync, save and attach every report's PO file; returns the catalogs.

    Every file is loaded before any is written, so a syntax error in one changes nothing.
    """
    if catalogs is None:
        catalogs = load_translation_files(translations, [r.slug for r in reports])
    sync_all(reports, catalogs, ledgers=ledgers, previous=previous)
    for report in reports:
        catalog = catalogs[report.slug]
        if save and (catalog.existed or report.blocks):
            catalog.save()
            catalog.existed = True
        attach_report(report, catalog)
    return catalogs
