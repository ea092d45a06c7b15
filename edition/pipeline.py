"""The pipeline, stage by stage: read -> clean -> anchor -> translate -> annotate -> write.

Each stage is a function over the data model; ``build`` runs them all and writes the outputs.
A bad source file is reported (naming the file) and left out; the rest of the edition is still
built, and the run ends with a non-zero status so the problem is not missed.

Everything that can stop a build (a bad catalog, ledger, PO file, glossary or release manifest, a
published id or slug that would be lost) is checked before the first file is written, so a failed
build leaves the folder as it was. The build holds the folder's lock (:mod:`edition.lock`).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from edition import build_state, lock, qa
from edition.anchor import releases as release_records
from edition.anchor.ledger import Ledger, ledger_path, load_ledger, number_paragraphs, save_ledger
from edition.anchor.reconcile import Testimony, anchor_blocks
from edition.anchor.slugs import Move, check_slugs, plan_moves
from edition.annotate import export, jieba_dict
from edition.annotate.annotations import Annotations, annotate
from edition.atomic import write_bytes, write_text
from edition.clean import review
from edition.clean.segment import clean_source, infer_metadata
from edition.errors import EditionError
from edition.model import Report, SourceEdition
from edition.paths import Paths
from edition.read import checksums
from edition.read.catalog import Catalog, load_catalog
from edition.read.document import read_document
from edition.read.glossary import Term, check_variant_reports, load_glossary
from edition.read.previous import PreviousReport, load_previous
from edition.textfile import read_utf8
from edition.translate import attach
from edition.translate import po as pofile
from edition.translate.sync import check_moved_translations
from edition.write import (
    changelog_pages,
    downloads_page,
    edition_json,
    glossary_pages,
    pages,
    po_view,
    progress_page,
    reading_aids,
    site_config,
    tei,
    theme,
)
from edition.write import citation as cite
from edition.write.render import hand_pages
from edition.write.tmx import translation_memory

log = logging.getLogger("edition")


@dataclass
class Edition:
    meta: dict
    sources: list[SourceEdition]
    ledgers: dict[str, Ledger] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # bad inputs that were left out
    annotations: Annotations | None = None
    findings: list[qa.Finding] = field(default_factory=list)  # open translation QA findings
    catalog: Catalog | None = None
    moves: list[Move] | None = None  # slugs whose records move to a new slug in this build
    manifests: list[release_records.Manifest] = field(default_factory=list)
    new_sources: set[str] = field(default_factory=set)  # sources none of whose reports had a ledger

    @property
    def reports(self) -> list[Report]:
        return [r for s in self.sources for r in s.reports]

    def redirects(self) -> dict[str, dict[str, str | None]]:
        return {slug: ledger.redirects() for slug, ledger in self.ledgers.items()}

    def moved_reports(self) -> dict[str, str]:
        """Every slug a report was published under before -> its slug now."""
        return {old: slug for slug, ledger in self.ledgers.items() for old in ledger.previous_slugs}

    def edition_meta(self) -> dict:
        """The catalog's edition record, with the latest release (version and date) where there is one.

        A build whose blocks or translations differ from the latest release's manifest is not that release:
        its version is ``<latest>+``, with no release date, and ``changed_since`` names the release."""
        if not self.manifests:
            return {**self.meta, "version": None, "released": None}
        latest = self.manifests[-1]
        if self.changed_since_release():
            return {**self.meta, "version": f"{latest.version}+", "released": None, "changed_since": latest.version}
        return {**self.meta, "version": latest.version, "released": latest.date}

    def version_label(self) -> str | None:
        """The version as pages and citations name it: the latest release, or "<release> with unreleased
        changes" for a build that differs from it (None before the first release)."""
        meta = self.edition_meta()
        return f"{meta['changed_since']} with unreleased changes" if meta.get("changed_since") else meta["version"]

    def changed_since_release(self) -> bool:
        """Whether what this build publishes (every block, retired id and translation state) differs from
        the latest release's manifest. Call once the translations are attached."""
        if not self.manifests:
            return False
        current = release_records.manifest_record("", "", self.reports, self.ledgers)
        return current["reports"] != self.manifests[-1].record.get("reports")

    def withdrawn_reports(self) -> dict[str, str]:
        """slug -> why the report was withdrawn."""
        return {w.slug: w.reason for w in (self.catalog.withdrawn if self.catalog else [])}


def read_and_clean(paths: Paths) -> Edition:
    catalog: Catalog = load_catalog(paths.catalog, paths.seeds)
    edition = Edition(catalog.edition, [], catalog=catalog)
    files = paths.source_files()
    kept: dict[str, Path] = {}  # a source's page is sources/<stem>/: of files differing only in extension,
    for path in sorted(files, key=lambda p: p.name not in catalog.sources):  # the catalogued one is read
        kept.setdefault(path.stem, path)
    for path in files:
        try:
            if (same := kept[path.stem]) != path:
                raise EditionError(paths.relative(path), f"has the same name as {paths.relative(same)} but for its "
                                   "extension, and both would be shown at the same address: rename one of them")
            source = read_document(path, paths.relative(path))
            edition.sources.append(clean_source(source, catalog.sources.get(path.name), paths.relative(path),
                                                paths.relative(paths.catalog)))
        except EditionError as err:
            log.error("%s (source left out of the edition)", err)
            edition.problems.append(str(err))
    _check_unique_slugs(edition, paths)
    return edition


# --- anchor: ids and slugs, checked against every record ----------------------------------------


def _ledgers_on_disk(paths: Paths) -> dict[str, Ledger]:
    if not paths.anchors.is_dir():
        return {}
    ledgers = {}
    for file in sorted(paths.anchors.glob("*.yaml")):
        ledger = load_ledger(paths.anchors, file.stem, paths.relative(file))
        if ledger is not None:
            ledgers[file.stem] = ledger
    return ledgers


def plan(edition: Edition, paths: Paths) -> list[Move]:
    """The slug moves of this build (computed once): renames in the catalog, reports newly catalogued."""
    if edition.moves is None:
        inferred = {
            report.slug: infer_metadata(source.source, report.blocks, index)["slug"]
            for source in edition.sources
            for index, report in enumerate(source.reports)
            if report.catalogued
        }
        edition.moves = plan_moves(edition.reports, _ledgers_on_disk(paths), inferred, paths.relative(paths.catalog))
        for move in edition.moves:
            log.warning("report %r is now %r (%s): its ledger and PO file move, and its old address redirects",
                        move.old, move.new, move.reason)
    return edition.moves


def load_translations(edition: Edition, paths: Paths) -> dict[str, attach.TranslationFile]:
    """Every report's PO file, read before anything is written (a syntax error stops the build here)."""
    moved = {m.new: m.old for m in plan(edition, paths)}
    slugs = [r.slug for r in edition.reports]
    language = paths.config.languages.target
    shown = {s: paths.relative(pofile.po_path(paths.translations, moved.get(s, s), language)) for s in slugs}
    return attach.load_translation_files(paths.translations, slugs, language, moved=moved, shown=shown,
                                project=paths.config.translation.project_id)


def anchor(
    edition: Edition, paths: Paths, catalogs: dict[str, attach.TranslationFile] | None = None, *, save: bool = True
) -> Edition:
    """Give every block its id, recovering ids from every record (ledger, PO file, last build,
    releases), and check that no published id or slug is lost. Nothing is written unless every
    report passes; then (with ``save``) the ledgers are saved and moved ledgers removed."""
    if catalogs is None:
        catalogs = load_translations(edition, paths)
    moves = {m.new: m.old for m in plan(edition, paths)}
    on_disk = _ledgers_on_disk(paths)
    known = {r.source for r in edition.reports if moves.get(r.slug, r.slug) in on_disk}  # (or recovered, below)
    edition.manifests = release_records.load_manifests(paths.releases, paths.relative(paths.releases))
    previous = load_previous(paths.build / "edition.json")
    for report in edition.reports:
        old = moves.get(report.slug)
        ledger = on_disk.get(old or report.slug)
        names = [report.slug, *([old] if old else []), *(ledger.previous_slugs if ledger else [])]
        anchored = anchor_blocks(
            report.slug,
            report.blocks,
            ledger,
            paths.relative(ledger_path(paths.anchors, old or report.slug)),
            po=catalogs[report.slug].testimony() if report.slug in catalogs and catalogs[report.slug].existed else None,
            build=_build_testimony(previous, names, paths),
            releases=[t for m in edition.manifests for n in names if (t := release_records.testimony(m, n))],
            published=_published(edition.manifests, names),
            settings=paths.config.anchors,
        )
        for note in anchored.notes:
            log.warning("%s", note)
        if anchored.recovered:  # a report whose ids were recovered is no new report
            known.add(report.source)
        ledger = anchored.ledger
        ledger.report, ledger.source, ledger.provisional = report.slug, report.source, not report.catalogued
        if old and old not in ledger.previous_slugs:
            ledger.previous_slugs.append(old)
        number_paragraphs(report.blocks)
        edition.ledgers[report.slug] = ledger
    edition.new_sources = {r.source for r in edition.reports} - known
    _check_permanence(edition, paths, on_disk)
    for report in edition.reports:  # no translation may follow a msgctxt to other text
        if report.slug in catalogs and catalogs[report.slug].existed:
            check_moved_translations(catalogs[report.slug].po, report.blocks, catalogs[report.slug].shown)
    if save:
        for ledger in edition.ledgers.values():
            save_ledger(paths.anchors, ledger)
        for old in moves.values():
            ledger_path(paths.anchors, old).unlink(missing_ok=True)
    return edition


def _build_testimony(previous: dict[str, PreviousReport], names: list[str], paths: Paths) -> Testimony | None:
    found = next((previous[n] for n in names if n in previous), None)
    if found is None:
        return None
    retired = {i: s for i, s in found.retired.items() if i not in found.texts}
    return Testimony(paths.relative(paths.build / "edition.json"), found.texts, frozenset(retired), retired)


def _published(manifests: list[release_records.Manifest], names: list[str]) -> dict[str, list[str]]:
    published: dict[str, list[str]] = {}
    for name in names:
        for anchor_id, texts in release_records.published_texts(manifests, name).items():
            published.setdefault(anchor_id, []).extend(t for t in texts if t not in published[anchor_id])
    return published


def _check_permanence(edition: Edition, paths: Paths, on_disk: dict[str, Ledger]) -> None:
    """No published slug or id is lost: every record of a slug is accounted for, every release holds."""
    recorded = {slug: paths.relative(ledger_path(paths.anchors, slug)) for slug in on_disk}
    folder = paths.translations / paths.config.languages.target
    if folder.is_dir():
        for file in sorted(folder.glob("*.po")):
            recorded.setdefault(file.stem, paths.relative(file))
    for manifest in edition.manifests:
        for report in manifest.reports:
            recorded.setdefault(report.slug, manifest.path)
    catalog = edition.catalog
    missing = {
        report["slug"]: (entry.file, report.get("__line__") or entry.line)
        for entry in (catalog.missing.values() if catalog else [])
        for report in entry.reports
    }
    known = {**on_disk, **edition.ledgers}
    check_slugs(edition.reports, known, recorded, set(edition.withdrawn_reports()),
                seeds={p.name for p in paths.source_files()}, missing_entries=missing,
                catalog_path=paths.relative(paths.catalog), sources_folder=paths.relative(paths.seeds))
    for entry in catalog.missing.values() if catalog else []:
        log.warning("%s:%s: catalog entry names %r, which is not in %s/; entry skipped",
                    paths.relative(paths.catalog), entry.line, entry.file, paths.relative(paths.seeds))
    release_records.check_releases(edition.manifests, edition.ledgers, edition.moved_reports(),
                                   paths.config.anchors)


# --- translate, annotate, write --------------------------------------------------------------------


def translate(
    edition: Edition, paths: Paths, catalogs: dict | None = None, terms: list[Term] | None = None
) -> Edition:
    """Attach translations: sync each report's PO file with its blocks, save it, put the English on blocks.

    QA findings are logged as warnings (``edition check`` lists them).
    """
    previous = load_previous(paths.build / "edition.json")
    if catalogs is None:
        catalogs = load_translations(edition, paths)
    moved = {m.new: m.old for m in plan(edition, paths)}
    for report in edition.reports:
        catalog = catalogs.get(report.slug)
        lost = attach.lost_translations(catalog, previous.get(moved.get(report.slug, report.slug))) if catalog else []
        if lost:
            log.warning("%s: the last build had English for %s, which this file no longer holds (restore it from "
                        "git if that was not meant)", catalog.shown, ", ".join(lost))
    catalogs = attach.attach_translations(
        edition.reports, paths.translations, ledgers=edition.ledgers, catalogs=catalogs,
        previous={slug: report.texts for slug, report in previous.items()} | {
            new: previous[old].texts for new, old in moved.items() if old in previous},
    )
    checked = load_glossary(paths.glossary, paths.config.glossary.categories) if terms is None else terms
    check_variant_reports(paths.relative(paths.glossary), checked, {report.slug for report in edition.reports})
    for slug, catalog in catalogs.items():
        for finding in qa.check_catalog(slug, paths.relative(catalog.path), catalog.po, checked, paths.config.qa):
            log.warning("%s", finding)
            edition.findings.append(finding)
    return edition


def annotate_edition(edition: Edition, terms: list[Term]) -> Edition:
    """Find the glossary's terms in the texts and rank cross-links."""
    edition.annotations = annotate(terms, edition.reports)
    return edition


def write(edition: Edition, paths: Paths) -> set[Path]:
    """Write build/edition.json, the data downloads and every generated page; remove stale ones.

    Returns every file the build owns (written now or already up to date). Pages are rendered with the
    edition's own templates first and tag their text with its languages (:mod:`edition.write.theme`)."""
    languages = paths.config.languages
    with theme.using(theme.Theme(paths.templates, languages.source, languages.target)):
        return _write(edition, paths)


def _write(edition: Edition, paths: Paths) -> set[Path]:
    annotations = edition.annotations or annotate([], edition.reports)
    meta = edition.edition_meta()
    record = edition_json.edition_record(meta, edition.sources, edition.redirects(), annotations,
                                         moved=edition.moved_reports(), withdrawn=edition.withdrawn_reports())
    written: set[Path] = set()

    def page(relative: str, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        write_bytes(paths.docs / relative, data)
        written.add(paths.docs / relative)

    def publish(name: str, content: str | bytes) -> None:
        """A data file for build/ and, for the Downloads page, for docs/data/."""
        write_bytes(paths.build / name, content.encode("utf-8") if isinstance(content, str) else content)
        written.add(paths.build / name)
        page(f"data/{name}", content)

    publish("edition.json", edition_json.dumps(record))
    publish("glossary.csv", export.glossary_csv(annotations.terms))
    languages = paths.config.languages
    publish("glossary.tbx", export.glossary_tbx(annotations.terms, paths.config.glossary.title,
                                                target_lang=languages.target, source_lang=languages.source))
    for source in edition.sources:
        entry = edition.catalog.sources.get(source.source.file) if edition.catalog else None
        for report in source.reports:
            publish(f"tei/{report.slug}.xml", tei.tei_document(
                report, source, meta, source_meta=entry.meta if entry else None,
                retired=edition.redirects().get(report.slug, {}), source_lang=paths.config.languages.source))
    publish("translation-memory.tmx", translation_memory(edition.reports, paths.config.languages.source))
    write_text(paths.jieba_dictionary, jieba_dict.user_dictionary(annotations.terms))
    written.add(paths.jieba_dictionary)
    for report in edition.reports:
        po = pofile.po_path(paths.translations, report.slug, paths.config.languages.target)
        if po.exists():
            page(f"data/po/{report.slug}.po", po.read_bytes())
    for file in [*paths.source_files(), paths.seeds / "SHA256SUMS"]:
        if file.exists():
            page(f"data/seeds/{file.name}", file.read_bytes())
    for report in edition.reports:
        for name, text in cite.downloads(report, edition.edition_meta(), cite.site_url()).items():
            page(f"data/{name}", text)
    citation = paths.root / "CITATION.cff"
    if citation.exists():
        page("data/CITATION.cff", citation.read_bytes())
    documented = hand_pages(paths.docs)
    page("data/index.md", downloads_page.downloads_page(edition.reports, edition.sources,
                                                       citation=citation.exists(), hand_pages=documented))
    for asset in sorted(site_config.ASSETS.iterdir()):
        page(f"assets/{asset.name}", asset.read_bytes())
    site = paths.config.site
    write_text(paths.build / site_config.FILE, site_config.site_config(
        site.nav, [r.slug for r in edition.reports], [pages.source_slug(s.source.file) for s in edition.sources],
        [f"reports/{slug}.md" for slug in {**edition.moved_reports(), **edition.withdrawn_reports()}],
        site.nav_lists_up_to))
    written.add(paths.build / site_config.FILE)
    redirects = edition.redirects()
    by_slug = {report.slug: report for report in edition.reports}
    edition_title = (edition.meta.get("title") or {}).get("en") or ""
    version = edition.version_label()
    repository = repository_base(paths)
    tokenizer = reading_aids.segmenter(jieba_dict.user_dictionary_lines(annotations.terms))
    for report in edition.reports:
        po = pofile.po_path(paths.translations, report.slug, paths.config.languages.target)
        if po.exists():
            shown_po = paths.relative(po)
            page(f"translation/po/{report.slug}.md", po_view.po_page(
                report.slug, shown_po, po.read_text(encoding="utf-8"), report.label,
                f"{repository}{shown_po}" if repository else None, hand_pages=documented))
        page(f"reports/{report.slug}.md", pages.report_page(
            report, redirects.get(report.slug, {}), annotations, by_slug, edition_title, version, repository))
        if reading_aids.applies_to(paths.config.languages.source):  # fetched by Word lookup
            page(f"data/words/{report.slug}.json", reading_aids.dumps(reading_aids.report_words(
                pages.word_runs(report, annotations), tokenizer, reading_aids.cedict())))
    for old, new in edition.moved_reports().items():
        page(f"reports/{old}.md", pages.moved_page(old, by_slug[new]))
    for slug, reason in edition.withdrawn_reports().items():
        page(f"reports/{slug}.md", pages.withdrawn_page(slug, reason))
    page("reports/index.md", pages.reports_index(edition.reports))
    for source in edition.sources:
        page(f"sources/{pages.source_slug(source.source.file)}.md", pages.source_page(source, hand_pages=documented))
    page("sources/index.md", pages.sources_index(edition.sources, hand_pages=documented))
    blocks = glossary_pages.block_index(edition.reports)
    for term in annotations.terms:
        page(f"glossary/{term.id}.md", glossary_pages.term_page(term, annotations, edition.reports, blocks,
                                                               paths.config.glossary.categories))
    page("glossary/index.md", glossary_pages.glossary_index(annotations, paths.config.glossary.categories,
                                                            paths.config.glossary.summary))
    page("translation/index.md", progress_page.translation_page(edition.reports, edition.findings,
                                                                hand_pages=documented))
    released = [m.record for m in edition.manifests]
    current = release_records.manifest_record(changelog_pages.UNRELEASED, "", edition.reports, edition.ledgers)
    page("changelog/index.md", changelog_pages.changelog_index(released, current, hand_pages=documented))
    for before, manifest in zip([None, *released], released, strict=False):
        page(f"changelog/{manifest['version']}.md", changelog_pages.release_page(manifest, before))
    _remove_stale(paths, written)
    return written


def repository_base(paths: Paths) -> str | None:
    """Where files of the repository are shown on the web (``REPO_URL`` or ``site.repo_url`` +
    ``/blob/<branch>/``), for the blocks' PO-line links; None without a repository."""
    repo_url = (os.environ.get("REPO_URL") or paths.config.site.repo_url or "").rstrip("/")
    return f"{repo_url}/blob/{paths.config.site.repo_branch}/" if repo_url else None


def build_if_changed(paths: Paths | None = None) -> Edition | None:
    """Build, unless nothing the build reads has changed since the last build (then None: no work
    is done and no file is touched)."""
    paths = paths or Paths()
    if build_state.up_to_date(paths):
        return None
    return build(paths)


def build(paths: Paths | None = None) -> Edition:
    """The whole pipeline, under the folder's lock. A clean build (no bad source) records its state
    for :func:`build_if_changed`."""
    paths = paths or Paths()
    with lock.writing(paths.build):
        lock.remove_leftovers(paths.writable, paths.writable_files)
        edition = read_and_clean(paths)
        catalogs = load_translations(edition, paths)  # every PO file is read before anything is written
        terms = load_glossary(paths.glossary, paths.config.glossary.categories)  # a bad glossary stops it too
        sums = check_checksums(edition, paths)  # and so does a malformed seeds/SHA256SUMS
        edition = anchor(edition, paths, catalogs)  # checks every id and slug, then saves the ledgers
        for source in edition.sources:
            if source.source.file in edition.new_sources:  # an editor checks it before its anchors are published
                log.warning("%s", review.Review(source, paths.relative(paths.seeds / source.source.file)))
        record_checksums(sums, paths)
        translate(edition, paths, catalogs, terms)
        annotate_edition(edition, terms)
        outputs = write(edition, paths)
        if edition.problems:
            build_state.state_path(paths).unlink(missing_ok=True)  # a failed build is never "up to date"
        else:
            build_state.save_state(paths, outputs)
    return edition


def check_checksums(edition: Edition, paths: Paths) -> checksums.Check:
    """The sources read against seeds/SHA256SUMS (a malformed list stops the build before anything is written)."""
    sums_file = paths.seeds / "SHA256SUMS"
    text = read_utf8(sums_file, paths.relative(sums_file)) if sums_file.exists() else ""
    return checksums.check(text, paths.relative(sums_file), {s.source.file: s.source.sha256 for s in edition.sources})


def record_checksums(result: checksums.Check, paths: Paths) -> None:
    """List every source read for the first time in seeds/SHA256SUMS; warn of one whose bytes changed."""
    sums_file = paths.seeds / "SHA256SUMS"
    for file in result.changed:
        log.warning("%s: its bytes are not those of its SHA-256 in %s (a source is kept as it arrived: if the new "
                    "bytes are meant, replace its line there)", paths.relative(paths.seeds / file),
                    paths.relative(sums_file))
    if result.added:
        write_text(sums_file, result.text)
        log.info("%s: listed %s", paths.relative(sums_file), ", ".join(result.added))


def _check_unique_slugs(edition: Edition, paths: Paths) -> None:
    seen: dict[str, str] = {}
    for report in edition.reports:
        if report.slug in seen:
            raise EditionError(paths.catalog, f"two reports would share the slug {report.slug!r} "
                               f"({seen[report.slug]} and {report.source})")
        seen[report.slug] = report.source


def _remove_stale(paths: Paths, written: set[Path]) -> None:
    """Generated folders hold only what this build wrote (a removed report's page goes too)."""
    for folder in (*paths.generated_docs, paths.build / "tei"):
        if not folder.exists():
            continue
        for file in sorted(folder.rglob("*")):
            if file.is_file() and file not in written:
                file.unlink()
                log.info("removed stale generated file %s", file)
