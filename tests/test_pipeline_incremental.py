"""Incremental and reproducible builds: an unchanged rebuild does nothing; a change to one PO file
changes only that report's outputs (both on the small edition the tests make, tests/small_edition.py);
two builds of this edition from the same inputs are byte-identical."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from edition import build_state
from edition.commands.release import release
from edition.paths import Paths
from edition.pipeline import build, build_if_changed
from tests.conftest import copy_repository
from tests.small_edition import FIRST, SECOND


def snapshot(root: Path, *, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, str]]:
    """Every file under root: (mtime in ns, SHA-256), by relative path."""
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and not relative.startswith(skip):
            files[relative] = (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return files


def changed(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def test_an_unchanged_rebuild_does_nothing_and_touches_no_file(small_edition: Paths) -> None:
    build(small_edition)
    before = snapshot(small_edition.root)
    assert build_if_changed(small_edition) is None
    assert snapshot(small_edition.root) == before


def test_a_changed_po_file_changes_only_its_reports_outputs(small_edition: Paths) -> None:
    release(small_edition, "0.1", date="2026-12-08")  # so that the changelog has a release to compare with
    build(small_edition)
    slug = SECOND
    po = small_edition.translations / "en" / f"{slug}.po"
    text = po.read_text(encoding="utf-8")
    assert "The English of block b2." in text
    po.write_text(text.replace("The English of block b2.", "The English of block b2, first revised.", 1),
                  encoding="utf-8")
    build(small_edition)  # the first change since the release: every page now says "0.1 with unreleased changes"
    po.write_text(text.replace("The English of block b2.", "The English of block b2, revised.", 1), encoding="utf-8")
    before = snapshot(small_edition.root, skip=("translations/",))
    assert build_if_changed(small_edition) is not None
    after = snapshot(small_edition.root, skip=("translations/",))
    assert "revised" in (small_edition.docs / "reports" / f"{slug}.md").read_text(encoding="utf-8")
    assert not {path for path in changed(before, after) if FIRST in path}  # the other report is untouched
    assert changed(before, after) == {
        f"docs/reports/{slug}.md",
        f"docs/data/po/{slug}.po",
        f"build/tei/{slug}.xml",
        f"docs/data/tei/{slug}.xml",
        "build/edition.json",
        "docs/data/edition.json",
        "build/translation-memory.tmx",  # every translation, the changed one among them
        "docs/data/translation-memory.tmx",
        "build/build-state.json",
        f"docs/translation/po/{slug}.md",  # the PO file's own page
    }  # (the changelog already lists this translation as revised since the release: it is unchanged)


def test_the_first_change_since_a_release_says_so_on_every_page(repo_copy: Paths) -> None:
    """A build that differs from the latest release no longer carries its version (0.2 -> 0.2+)."""
    build(repo_copy)
    po = repo_copy.translations / "en" / "kaihua-task-force-super-speed.po"
    po.write_text(po.read_text(encoding="utf-8").replace("Kaihua County has focused", "Kaihua County has centred", 1),
                  encoding="utf-8")
    build(repo_copy)
    for page in (repo_copy.docs / "reports").glob("*-*.md"):
        assert 'data-edition-version="0.2 with unreleased changes"' in page.read_text(encoding="utf-8"), page


def test_a_missing_output_or_a_changed_input_means_a_new_build(small_edition: Paths) -> None:
    build(small_edition)
    page = small_edition.docs / "reports" / f"{FIRST}.md"
    page.unlink()
    assert not build_state.up_to_date(small_edition)
    assert build_if_changed(small_edition) is not None and page.exists()
    assert build_state.up_to_date(small_edition)
    glossary = small_edition.glossary
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not build_state.up_to_date(small_edition)


def test_an_edited_template_override_means_a_new_build(small_edition: Paths) -> None:
    """The edition's templates/ folder is an input like the sources: a new override rebuilds."""
    build(small_edition)
    assert build_state.up_to_date(small_edition)
    small_edition.templates.mkdir()
    (small_edition.templates / "withdrawn.md.j2").write_text("withdrawn\n", encoding="utf-8")
    assert not build_state.up_to_date(small_edition)


def _mkdocs(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "build/site"],
        cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr


def _contents(root: Path, folders: tuple[str, ...]) -> dict[str, str]:
    return {
        path: digest for path, (_, digest) in snapshot(root).items()
        if path.startswith(folders) and not path.startswith("build/site/") and path != "build/build-state.json"
    }


def test_two_builds_from_the_same_inputs_are_byte_identical(built_site, tmp_path: Path) -> None:
    again = copy_repository(tmp_path / "again")
    build(again)
    _mkdocs(again.root)
    data = ("build/", "docs/", "translations/", "anchors/")
    first, second = _contents(built_site.paths.root, data), _contents(again.root, data)
    assert first == second and "build/edition.json" in first and "translations/en/kaihua-task-force-super-speed.po" in first
    # the site too, except the sitemap, where MkDocs writes the date of the build
    site_first = {p: d for p, (_, d) in snapshot(built_site.site).items() if not p.startswith("sitemap.xml")}
    site_second = {p: d for p, (_, d) in snapshot(again.root / "build" / "site").items()
                   if not p.startswith("sitemap.xml")}
    assert site_first == site_second
