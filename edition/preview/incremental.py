"""One report's translations again, after its PO file was saved, without the rest of the pipeline.

A translator's edit changes only English: the sources, the blocks, their ids and the glossary's
occurrences (found in the Chinese) stay as the last full run left them. So the preview reloads the
one PO file, synchronises it with its report's blocks and puts it on them (what the translate
stage does for every report), checks it (QA), and writes what shows that report's English: its
page, its PO file's view and download, the translation progress page and the changelog's pending
changes; then, once the edits pause, its TEI document (:func:`write_downloads`). Everything is made by
the same functions as :func:`edition.pipeline.write`, with the same arguments; ``tests/test_preview.py``
checks that a full build afterwards writes exactly the same files but ``edition.json`` and the
translation memory, which hold every report and are left to the next full build.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from edition import lock, qa
from edition.anchor import releases as release_records
from edition.annotate.annotations import annotate
from edition.atomic import write_bytes
from edition.errors import EditionError
from edition.model import Finding, Report
from edition.paths import Paths
from edition.pipeline import Edition, repository_base
from edition.read.glossary import Term
from edition.translate import attach
from edition.translate import po as pofile
from edition.write import changelog_pages, pages, po_view, progress_page, tei
from edition.write.render import hand_pages

log = logging.getLogger("edition")


def report_of(edition: Edition, slug: str) -> Report | None:
    return next((r for r in edition.reports if r.slug == slug), None)


def update_translation(edition: Edition, paths: Paths, terms: list[Term], slug: str) -> set[Path]:
    """Reload, sync, attach and check the PO file of report ``slug``, then write the files that show
    it; returns those whose content changed. A bad PO file raises :class:`EditionError` before
    anything is written or changed in memory."""
    report = report_of(edition, slug)
    if report is None:
        raise EditionError(slug, "not a report of the last full build")
    language = paths.config.languages.target
    path = pofile.po_path(paths.translations, slug, language)
    catalog = attach.load_translation_file(paths.translations, slug, language, shown=paths.relative(path),
                                           project=paths.config.translation.project_id)
    if not catalog.existed:
        raise EditionError(paths.relative(path), "is gone: the preview rebuilds everything")
    ledger = edition.ledgers.get(slug)
    with lock.writing(paths.build):
        attach.sync_report(catalog, report, previous_zh={b.id: b.zh for b in report.blocks if b.id},
                           known_ids=[a.id for a in getattr(ledger, "anchors", [])])
        catalog.save()
        attach.attach_report(report, catalog)
        found = qa.check_catalog(slug, paths.relative(catalog.path), catalog.po, terms, paths.config.qa)
        for finding in found:
            log.warning("%s", finding)
        edition.findings = replace_findings(edition.findings, slug, found, [r.slug for r in edition.reports])
        return write_translation(edition, paths, report)


def replace_findings(findings: list[Finding], slug: str, new: list[Finding], order: list[str]) -> list[Finding]:
    """The edition's findings with one report's replaced, in report order (as the full build lists them)."""
    by_slug: dict[str, list[Finding]] = {}
    for finding in findings:
        by_slug.setdefault(finding.slug, []).append(finding)
    by_slug[slug] = list(new)
    return [f for s in dict.fromkeys([*order, *by_slug]) for f in by_slug.get(s, [])]


def _writer(written: set[Path]):
    def save(path: Path, content: str | bytes) -> None:
        if write_bytes(path, content.encode("utf-8") if isinstance(content, str) else content):
            written.add(path)
    return save


def write_translation(edition: Edition, paths: Paths, report: Report) -> set[Path]:
    """The pages that show ``report``'s English, and its PO file's download, written as
    :func:`edition.pipeline.write` writes them; returns those whose content changed."""
    written: set[Path] = set()
    save = _writer(written)
    slug = report.slug
    annotations = edition.annotations or annotate([], edition.reports)
    repository = repository_base(paths)
    documented = hand_pages(paths.docs)
    po = pofile.po_path(paths.translations, slug, paths.config.languages.target)
    shown_po = paths.relative(po)
    save(paths.docs / "reports" / f"{slug}.md", pages.report_page(
        report, edition.redirects().get(slug, {}), annotations, {r.slug: r for r in edition.reports},
        (edition.meta.get("title") or {}).get("en") or "", edition.version_label(), repository))
    save(paths.docs / "translation" / "po" / f"{slug}.md", po_view.po_page(
        slug, shown_po, po.read_text(encoding="utf-8"), report.label,
        f"{repository}{shown_po}" if repository else None, hand_pages=documented))
    save(paths.docs / "data" / "po" / f"{slug}.po", po.read_bytes())
    save(paths.docs / "translation" / "index.md",
         progress_page.translation_page(edition.reports, edition.findings, hand_pages=documented))
    released = [m.record for m in edition.manifests]
    current = release_records.manifest_record(changelog_pages.UNRELEASED, "", edition.reports, edition.ledgers)
    save(paths.docs / "changelog" / "index.md",
         changelog_pages.changelog_index(released, current, hand_pages=documented))
    return written


def write_downloads(edition: Edition, paths: Paths, slugs: Iterable[str]) -> set[Path]:
    """The TEI documents of reports ``slugs`` (in build/ and docs/data/), which the preview writes once the
    edits pause. ``edition.json`` and the translation memory, which hold every report and take seconds
    to write for a large edition, are left to the next full build (``make site``; the build state then
    knows that a PO file changed). Returns the files whose content changed."""
    written: set[Path] = set()
    save = _writer(written)

    def publish(name: str, content: str | bytes) -> None:
        save(paths.build / name, content)
        save(paths.docs / "data" / name, content)

    meta = edition.edition_meta()
    with lock.writing(paths.build):
        for slug in sorted(set(slugs)):
            report = report_of(edition, slug)
            if report is None:
                continue
            source = next(s for s in edition.sources if any(r is report for r in s.reports))
            entry = edition.catalog.sources.get(source.source.file) if edition.catalog else None
            publish(f"tei/{slug}.xml", tei.tei_document(report, source, meta, source_meta=entry.meta if entry else None,
                                                        retired=edition.redirects().get(slug, {})))
    return written
