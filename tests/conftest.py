"""Shared fixtures: the cleaned real edition, and a throw-away copy of the repository to build in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from edition.paths import REPOSITORY, Paths
from edition.pipeline import Edition, anchor, read_and_clean

# The suite gives the same verdict on every run (a red CI is never luck); explore new random
# cases with HYPOTHESIS_PROFILE=explore, and pin whatever it finds with @example.
settings.register_profile("default", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=500, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# What a build needs from the repository (generated folders are not copied).
EDITORIAL = ("seeds", "anchors", "translations", "glossary.yaml", "mkdocs.yml", "edition")


@pytest.fixture(scope="session")
def edition() -> Edition:
    """The real edition, cleaned and anchored against the committed ledger (nothing written)."""
    paths = Paths()
    return anchor(read_and_clean(paths), paths, save=False)


def copy_repository(target: Path) -> Paths:
    for name in EDITORIAL:
        source = REPOSITORY / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        elif source.exists():
            shutil.copy2(source, target / name)
    docs = target / "docs"
    shutil.copytree(REPOSITORY / "docs", docs, ignore=shutil.ignore_patterns("reports", "sources", "data"))
    return Paths(target)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Paths:
    """A copy of the repository's editorial data and docs in a temporary folder."""
    return copy_repository(tmp_path / "repo")


def block_texts(edition: Edition, slug: str) -> list[tuple[str, str]]:
    report = next(r for r in edition.reports if r.slug == slug)
    return [(b.kind, b.zh) for b in report.blocks]
