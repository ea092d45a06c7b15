"""The live preview (edition/preview/): what a saved file asks for, a PO edit written as a full build
writes it, MkDocs pages rendered again with a complete search index, and ``edition serve`` end to end.
Nothing here is timed (``python -m benchmark.preview`` measures the preview)."""

from __future__ import annotations

import hashlib
import json
import textwrap
import time
from pathlib import Path

import pytest

from benchmark.preview import Server, edit, index_pages, index_shows, wait_for
from edition.paths import Paths
from edition.pipeline import build
from edition.preview import changes
from edition.preview.incremental import update_translation, write_downloads
from edition.preview.site import PreviewSite, search_index
from edition.translate import po as pofile

SLUG = "kaihua-task-force-super-speed"


# --- what a batch of touched files asks for ----------------------------------------------------------


@pytest.fixture
def project(repo_copy: Paths) -> tuple[Paths, changes.Digests]:
    (repo_copy.docs / "reports").mkdir(exist_ok=True)
    return repo_copy, {f: changes.digest(f) for f in changes.inputs(repo_copy)}


def test_a_po_edit_asks_for_its_report_only(project: tuple[Paths, changes.Digests]) -> None:
    paths, known = project
    po = pofile.po_path(paths.translations, SLUG)
    po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    change = changes.classify(paths, {po}, known, {SLUG})
    assert change.translations == {SLUG} and not change.full and not change.pages
    assert change.files == [f"translations/en/{SLUG}.po"]


def test_unchanged_files_swap_files_and_generated_pages_ask_for_nothing(project: tuple[Paths, changes.Digests]) -> None:
    paths, known = project
    po = pofile.po_path(paths.translations, SLUG)
    po.write_bytes(po.read_bytes())  # saved as it was
    swap = po.parent / f".{po.name}.swp"
    swap.write_text("x", encoding="utf-8")
    page = paths.docs / "reports" / f"{SLUG}.md"
    page.write_text("generated", encoding="utf-8")
    gone = paths.seeds / "4913"  # vim's probe file, created and deleted at once
    assert changes.classify(paths, {po, swap, page, gone, paths.build / "edition.json"}, known, {SLUG}).empty()


@pytest.mark.parametrize("name", ["glossary.yaml", "edition.yml", "mkdocs.yml", "seeds/catalog.yaml"])
def test_sources_glossary_and_configuration_ask_for_the_whole_pipeline(
        project: tuple[Paths, changes.Digests], name: str) -> None:
    paths, known = project
    file = paths.root / name
    file.write_text(file.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert changes.classify(paths, {file}, known, {SLUG}).full


def test_hand_written_pages_edited_or_added(project: tuple[Paths, changes.Digests]) -> None:
    paths, known = project
    page = paths.docs / "method.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    edited = changes.classify(paths, {page}, known, {SLUG})
    assert edited.pages == {page} and not edited.full
    new = paths.docs / "new-page.md"
    new.write_text("# New\n", encoding="utf-8")
    assert changes.classify(paths, {new}, known, {SLUG}).full  # a new page: new navigation, a full build
    new_po = pofile.po_path(paths.translations, "no-such-report")
    new_po.write_text("", encoding="utf-8")
    assert changes.classify(paths, {new_po}, known, {SLUG}).full


# --- a PO edit, written as a full build writes it ----------------------------------------------------


def _files(paths: Paths) -> dict[str, str]:
    found = {}
    for folder in (paths.docs, paths.build, paths.translations):
        for file in folder.rglob("*"):
            if file.is_file() and file.name != "build-state.json" and "preview" not in file.parts:
                found[paths.relative(file)] = hashlib.sha256(file.read_bytes()).hexdigest()
    return found


def test_an_incremental_po_update_writes_what_a_full_build_writes(repo_copy: Paths) -> None:
    paths = repo_copy
    edition = build(paths)
    terms = list(edition.annotations.terms)
    po_path = pofile.po_path(paths.translations, SLUG)
    po = pofile.load_po(po_path)
    entries = [e for e in pofile.active_entries(po) if e.msgstr.strip()]
    entries[0].msgstr += " (revised in the preview)"
    entries[1].msgstr = ""  # now missing: the progress page and the changelog change too
    po_path.write_text(pofile.dumps(po), encoding="utf-8")
    written = update_translation(edition, paths, terms, SLUG)
    names = {paths.relative(p) for p in written}
    assert {f"docs/reports/{SLUG}.md", f"docs/translation/po/{SLUG}.md", f"docs/data/po/{SLUG}.po",
            "docs/translation/index.md"} <= names
    assert "(revised in the preview)" in (paths.docs / "reports" / f"{SLUG}.md").read_text(encoding="utf-8")
    downloads = {paths.relative(p) for p in write_downloads(edition, paths, [SLUG])}
    assert downloads == {f"build/tei/{SLUG}.xml", f"docs/data/tei/{SLUG}.xml"}
    incremental = _files(paths)
    build(paths)
    full = _files(paths)
    differ = sorted(name for name in full.keys() | incremental.keys() if full.get(name) != incremental.get(name))
    # edition.json and the translation memory hold every report: left to the next full build
    assert differ == ["build/edition.json", "build/translation-memory.tmx", "docs/data/edition.json",
                      "docs/data/translation-memory.tmx"]


def test_a_po_syntax_error_changes_nothing(repo_copy: Paths) -> None:
    paths = repo_copy
    edition = build(paths)
    before = _files(paths)
    report = next(r for r in edition.reports if r.slug == SLUG)
    english = [b.en for b in report.blocks]
    po_path = pofile.po_path(paths.translations, SLUG)
    text = po_path.read_text(encoding="utf-8")
    po_path.write_text(text.replace('msgstr "', "msgstr ", 1), encoding="utf-8")
    with pytest.raises(Exception, match=r"kaihua-task-force-super-speed\.po:\d+: PO syntax error"):
        update_translation(edition, paths, list(edition.annotations.terms), SLUG)
    after = _files(paths)
    assert {k: v for k, v in after.items() if not k.endswith(f"{SLUG}.po")} == {
        k: v for k, v in before.items() if not k.endswith(f"{SLUG}.po")}
    assert [b.en for b in report.blocks] == english


# --- MkDocs pages rendered again, the search index kept whole ----------------------------------------


def _tiny_site(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: Tiny
        theme:
          name: material
        plugins:
          - search
        nav:
          - Home: index.md
          - One: one.md
          - Two: two.md
        """), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (docs / "one.md").write_text("# One\n\n## First\n\nApples.\n\n## Second\n\nPears.\n", encoding="utf-8")
    (docs / "two.md").write_text("# Two\n\nPlums.\n", encoding="utf-8")
    (docs / "note.txt").write_text("a static file\n", encoding="utf-8")
    return root / "mkdocs.yml"


def _index(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_pages_rendered_again_give_the_index_and_pages_of_a_full_build(tmp_path: Path) -> None:
    config = _tiny_site(tmp_path / "project")
    site = PreviewSite(config, tmp_path / "preview", "http://127.0.0.1:8000/")
    assert site.build() == 3
    one = tmp_path / "project" / "docs" / "one.md"
    one.write_text("# One\n\n## First\n\nOranges.\n\n## Third\n\nQuinces.\n\n## Fourth\n\nFigs.\n", encoding="utf-8")
    (tmp_path / "project" / "docs" / "note.txt").write_text("changed\n", encoding="utf-8")
    assert site.update([one, tmp_path / "project" / "docs" / "note.txt"]) == ["one/"]
    site.write_index()
    assert "Quinces" in (tmp_path / "preview" / "one" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "preview" / "note.txt").read_text(encoding="utf-8") == "changed\n"
    fresh = PreviewSite(config, tmp_path / "fresh", "http://127.0.0.1:8000/")
    fresh.build()
    assert _index(tmp_path / "preview") == _index(tmp_path / "fresh")
    assert "Pears" not in json.dumps(_index(tmp_path / "preview"))
    assert len(search_index(site.config).entries) == len(_index(tmp_path / "fresh"))
    # a title changed: every page shows the navigation, so every page is rendered again
    one.write_text("# Uno\n\nOranges.\n", encoding="utf-8")
    site.update([one])
    site.write_index()
    fresh.build()
    assert _index(tmp_path / "preview") == _index(tmp_path / "fresh")
    two = (tmp_path / "preview" / "two" / "index.html").read_text(encoding="utf-8")
    assert two == (tmp_path / "fresh" / "two" / "index.html").read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        site.update([tmp_path / "project" / "docs" / "three.md"])  # not a page of the site: a full build
    site.close()
    fresh.close()


# --- edition serve, end to end -----------------------------------------------------------------------


def test_edition_serve_shows_a_saved_po_edit_and_keeps_the_last_good_pages(repo_copy: Paths) -> None:
    paths = repo_copy
    published = paths.build / "site"
    published.mkdir(parents=True)
    (published / "index.html").write_text("published", encoding="utf-8")
    server = Server.start(paths.root, paths.root.parent / "serve.log")
    try:
        server.wait_ready(timeout=600)
        first, _ = index_pages(server)
        assert f"reports/{SLUG}/" in first and len(first) > 100
        po_path = pofile.po_path(paths.translations, SLUG)
        edit(po_path, "preview-test-1")
        page = f"{server.url}reports/{SLUG}/"
        assert wait_for(page, "preview-test-1", timeout=120) is not None, server.log.read_text()
        assert index_shows(server, "preview-test-1", first, timeout=120), server.log.read_text()
        # a syntax error: one line in the terminal, the last good page still served
        good = po_path.read_text(encoding="utf-8")
        po_path.write_text(good.replace('msgstr "', "msgstr ", 1), encoding="utf-8")
        assert wait_for_log(server, "PO syntax error"), server.log.read_text()
        assert wait_for(page, "preview-test-1", timeout=30) is not None
        po_path.write_text(good, encoding="utf-8")
        edit(po_path, "preview-test-2")
        assert wait_for(page, "preview-test-2", timeout=120) is not None, server.log.read_text()
    finally:
        code = server.stop()
    log = server.log.read_text(encoding="utf-8")
    assert code == 0 and "stopped" in log, log
    errors = [line for line in log.splitlines() if "PO syntax error" in line]
    assert len(errors) == 1 and errors[0].startswith("[preview ") and f"{SLUG}.po:" in errors[0]
    assert "Traceback" not in log
    assert [p.name for p in published.iterdir()] == ["index.html"]
    assert (published / "index.html").read_text(encoding="utf-8") == "published"
    assert (paths.build / "preview" / "reports" / SLUG / "index.html").is_file()


def wait_for_log(server: Server, text: str, timeout: float = 60) -> bool:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in server.log.read_text(encoding="utf-8"):
            return True
        time.sleep(0.1)
    return False

