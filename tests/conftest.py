"""Shared fixtures: the cleaned real edition, and a throw-away copy of the repository to build in (for
this edition's content); a small edition the tests make themselves (for the engine's own tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from hypothesis import settings

from edition.model import Block
from edition.paths import Paths
from edition.pipeline import Edition, anchor, build, read_and_clean
from edition.translate import po as pofile
from edition.translate.sync import sync_catalog

# The suite gives the same verdict on every run (a red CI is never luck); explore new random
# cases with HYPOTHESIS_PROFILE=explore, and pin whatever it finds with @example.
# No deadline: `make test` runs on every core, and a loaded machine makes any example slow (speed is
# measured by `make bench`, never by a test).
settings.register_profile("default", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("explore", max_examples=500, derandomize=False, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPOSITORY = Paths().root  # this edition: the project the tests run in
# What a build needs from the repository (generated folders are not copied).
EDITORIAL = ("seeds", "anchors", "translations", "glossary.yaml", "edition.yml", "mkdocs.yml", "CITATION.cff",
             "overrides")


@pytest.fixture(scope="session")
def edition() -> Edition:
    """The real edition, cleaned and anchored against the committed ledger (nothing written)."""
    paths = Paths()
    return anchor(read_and_clean(paths), paths, save=False)


@pytest.fixture(scope="session")
def quick_sweep():
    """The evaluation's fixed quick subset, scored once per test session (evaluation.corpus.quick)."""
    from evaluation import corpus
    from evaluation.score import score

    return [score(case) for case in corpus.quick()]


def copy_repository(target: Path) -> Paths:
    for name in EDITORIAL:
        source = REPOSITORY / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        elif source.exists():
            shutil.copy2(source, target / name)
    docs = target / "docs"
    shutil.copytree(REPOSITORY / "docs", docs, ignore=shutil.ignore_patterns(*(p.name for p in Paths().generated_docs)))
    return Paths(target)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Paths:
    """A copy of the repository's editorial data and docs in a temporary folder."""
    return copy_repository(tmp_path / "repo")


@dataclass(frozen=True)
class BuiltSite:
    paths: Paths
    edition: Edition
    site: Path  # the output of ``mkdocs build --strict``


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The whole edition built the way ``make site`` builds it, once per test session, in a copy."""
    paths = copy_repository(tmp_path_factory.mktemp("site") / "repo")
    edition = build(paths)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "build/site"],
        cwd=paths.root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return BuiltSite(paths, edition, paths.root / "build" / "site")


@pytest.fixture(scope="session")
def _small_edition_made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.small_edition import make_small_edition

    return make_small_edition(tmp_path_factory.mktemp("small") / "edition").root


@pytest.fixture
def small_edition(_small_edition_made: Path, tmp_path: Path) -> Paths:
    """A fresh copy of the small, self-made edition (tests/small_edition.py), built once, every block drafted."""
    shutil.copytree(_small_edition_made, tmp_path / "small", symlinks=True)
    return Paths(tmp_path / "small")


@pytest.fixture(scope="session")
def small_site(_small_edition_made: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The small edition's site, built with ``mkdocs build --strict`` (once per test session, in a copy)."""
    root = tmp_path_factory.mktemp("small-site") / "edition"
    shutil.copytree(_small_edition_made, root, symlinks=True)
    paths = Paths(root)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "build/site"],
        cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return BuiltSite(paths, anchor(read_and_clean(paths), paths, save=False), root / "build" / "site")


def block_texts(edition: Edition, slug: str) -> list[tuple[str, str]]:
    report = next(r for r in edition.reports if r.slug == slug)
    return [(b.kind, b.zh) for b in report.blocks]


def catalog(tmp_path: Path, texts: list[str], slug: str = "r") -> tuple[Path, polib.POFile]:
    """A PO file of one report under ``tmp_path/en/``, one missing entry per text (ids b1, b2 …)."""
    po = pofile.new_catalog(slug)
    sync_catalog(po, [Block("paragraph", zh, (1, 1), id=f"b{n}") for n, zh in enumerate(texts, start=1)])
    path = pofile.po_path(tmp_path, slug)
    pofile.save_po(po, path)
    return path, po
