"""The pipeline, stage by stage: read -> clean -> anchor -> translate -> annotate -> write.

Each stage is a function over the data model; ``build`` runs them all and writes the outputs.
A bad source file is reported (naming the file) and left out; the rest of the edition is still
built, and the run ends with a non-zero status so the problem is not missed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from edition import build_state
from edition.anchor.ledger import Ledger, assign_ids, ledger_path, load_ledger, number_paragraphs, save_ledger
from edition.annotate import export, jieba_dict
from edition.annotate.annotations import Annotations, annotate
from edition.annotate.glossary import Term, load_glossary
from edition.clean import review
from edition.clean.segment import clean_source, shown
from edition.errors import EditionError
from edition.model import Report, SourceEdition
from edition.paths import Paths
from edition.read.catalog import Catalog, load_catalog
from edition.read.decode import read_source
from edition.translate import attach, qa
from edition.translate import po as pofile
from edition.write import downloads_page, edition_json, glossary_pages, pages, progress_page
from edition.write.atomic import write_bytes, write_text

log = logging.getLogger("edition")


@dataclass
class Edition:
    meta: dict
    sources: list[SourceEdition]
    ledgers: dict[str, Ledger] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # bad inputs that were left out
    annotations: Annotations | None = None
    findings: list[qa.Finding] = field(default_factory=list)  # open translation QA findings
    new_sources: set[str] = field(default_factory=set)  # sources none of whose reports had a ledger

    @property
    def reports(self) -> list[Report]:
        return [r for s in self.sources for r in s.reports]

    def redirects(self) -> dict[str, dict[str, str | None]]:
        return {slug: ledger.redirects() for slug, ledger in self.ledgers.items()}


def read_and_clean(paths: Paths) -> Edition:
    catalog: Catalog = load_catalog(paths.catalog, paths.seeds)
    edition = Edition(catalog.edition, [])
    for path in paths.source_files():
        try:
            source = read_source(path, paths.relative(path))
            edition.sources.append(clean_source(source, catalog.sources.get(path.name)))
        except EditionError as err:
            log.error("%s (source left out of the edition)", err)
            edition.problems.append(str(err))
    _check_unique_slugs(edition, paths)
    return edition


def anchor(edition: Edition, paths: Paths, *, save: bool = True) -> Edition:
    anchored = {r.source for r in edition.reports if ledger_path(paths.anchors, r.slug).exists()}
    edition.new_sources = {r.source for r in edition.reports} - anchored
    for report in edition.reports:
        ledger = assign_ids(report.blocks, load_ledger(paths.anchors, report.slug))
        number_paragraphs(report.blocks)
        edition.ledgers[report.slug] = ledger
        if save:
            save_ledger(paths.anchors, ledger)
    return edition


def translate(
    edition: Edition, paths: Paths, catalogs: dict | None = None, terms: list[Term] | None = None
) -> Edition:
    """Attach translations: sync each report's PO file with its blocks, save it, put the English on blocks.

    QA findings are logged as warnings (``edition check`` lists them).
    """
    previous = attach.previous_chinese(paths.build / "edition.json")
    catalogs = attach.attach_translations(edition.reports, paths.translations, ledgers=edition.ledgers,
                                          catalogs=catalogs, previous=previous)
    checked = qa.load_glossary(paths.glossary) if terms is None else qa.terms_of(terms)
    for slug, catalog in catalogs.items():
        for finding in qa.check_catalog(slug, paths.relative(catalog.path), catalog.po, checked):
            log.warning("%s", finding)
            edition.findings.append(finding)
    return edition


def annotate_edition(edition: Edition, terms: list[Term]) -> Edition:
    """Find the glossary's terms in the texts and rank cross-links."""
    edition.annotations = annotate(terms, edition.reports)
    return edition


def write(edition: Edition, paths: Paths) -> set[Path]:
    """Write build/edition.json, the data downloads and every generated page; remove stale ones.

    Returns every file the build owns (written now or already up to date)."""
    annotations = edition.annotations or annotate([], edition.reports)
    record = edition_json.edition_record(edition.meta, edition.sources, edition.redirects(), annotations)
    written: set[Path] = set()

    def page(relative: str, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        write_bytes(paths.docs / relative, data)
        written.add(paths.docs / relative)

    def publish(name: str, text: str) -> None:
        """A data file for build/ and, for the Downloads page, for docs/data/."""
        write_text(paths.build / name, text)
        written.add(paths.build / name)
        page(f"data/{name}", text)

    publish("edition.json", edition_json.dumps(record))
    publish("glossary.csv", export.glossary_csv(annotations.terms))
    publish("glossary.tbx", export.glossary_tbx(annotations.terms))
    write_text(paths.jieba_dictionary, jieba_dict.user_dictionary(annotations.terms))
    written.add(paths.jieba_dictionary)
    for report in edition.reports:
        po = pofile.po_path(paths.translations, report.slug)
        if po.exists():
            page(f"data/po/{report.slug}.po", po.read_bytes())
    for file in [*paths.source_files(), paths.seeds / "SHA256SUMS"]:
        if file.exists():
            page(f"data/seeds/{file.name}", file.read_bytes())
    citation = paths.root / "CITATION.cff"
    if citation.exists():
        page("data/CITATION.cff", citation.read_bytes())
    page("data/index.md", downloads_page.downloads_page(edition.reports, edition.sources,
                                                       citation=citation.exists()))
    redirects = edition.redirects()
    by_slug = {report.slug: report for report in edition.reports}
    edition_title = (edition.meta.get("title") or {}).get("en") or ""
    for report in edition.reports:
        page(f"reports/{report.slug}.md", pages.report_page(
            report, redirects.get(report.slug, {}), annotations, by_slug, edition_title))
    page("reports/index.md", pages.reports_index(edition.reports))
    for source in edition.sources:
        page(f"sources/{pages.source_slug(source.source.file)}.md", pages.source_page(source))
    page("sources/index.md", pages.sources_index(edition.sources))
    blocks = glossary_pages.block_index(edition.reports)
    for term in annotations.terms:
        page(f"glossary/{term.id}.md", glossary_pages.term_page(term, annotations, edition.reports, blocks))
    page("glossary/index.md", glossary_pages.glossary_index(annotations))
    page("translation/index.md", progress_page.translation_page(edition.reports, edition.findings))
    _remove_stale(paths, written)
    return written


def build_if_changed(paths: Paths | None = None) -> Edition | None:
    """Build, unless nothing the build reads has changed since the last build (then None: no work
    is done and no file is touched)."""
    paths = paths or Paths()
    if build_state.up_to_date(paths):
        return None
    return build(paths)


def build(paths: Paths | None = None) -> Edition:
    """The whole pipeline. A clean build (no bad source) records its state for :func:`build_if_changed`."""
    paths = paths or Paths()
    edition = read_and_clean(paths)
    # every PO file is read before anything is written: a syntax error stops the build here
    catalogs = attach.load_catalogs(paths.translations, [r.slug for r in edition.reports])
    terms = load_glossary(paths.glossary)  # likewise a bad glossary: the build stops, nothing published
    edition = anchor(edition, paths)
    for source in edition.sources:
        if source.source.file in edition.new_sources:  # an editor checks it before its anchors are published
            log.warning("%s", review.Review(source, shown(source.source)))
    translate(edition, paths, catalogs, terms)
    annotate_edition(edition, terms)
    outputs = write(edition, paths)
    if edition.problems:
        build_state.state_path(paths).unlink(missing_ok=True)  # a failed build is never "up to date"
    else:
        build_state.save_state(paths, outputs)
    return edition


def _check_unique_slugs(edition: Edition, paths: Paths) -> None:
    seen: dict[str, str] = {}
    for report in edition.reports:
        if report.slug in seen:
            raise EditionError(paths.catalog, f"two reports would share the slug {report.slug!r} "
                               f"({seen[report.slug]} and {report.source})")
        seen[report.slug] = report.source


def _remove_stale(paths: Paths, written: set[Path]) -> None:
    """Generated folders hold only what this build wrote (a removed report's page goes too)."""
    for folder in paths.generated_docs:
        if not folder.exists():
            continue
        for file in sorted(folder.rglob("*")):
            if file.is_file() and file not in written:
                file.unlink()
                log.info("removed stale generated file %s", file)
