"""What a batch of saved files asks the preview to do.

The file watcher reports every file touched under the watched folders: editors' swap and backup files,
the build's own writes (PO files it synchronises, generated pages), files saved unchanged. Only files
whose content differs from what the last run read count; of those:

* a report's PO file (``translations/<language>/<slug>.po``) that the last run read: that report's
  translations again (:mod:`edition.preview.incremental`);
* a hand-written file of ``docs/`` that the site already has: that page again;
* anything else (a source, the catalog, the glossary, ``edition.yml``, ``mkdocs.yml``, the edition's
  templates, a PO file added or removed, a page added or removed): the whole pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from edition.paths import Paths

Digests = dict[Path, str | None]  # file -> SHA-256 of its content (None: no such file)

_NOISE_SUFFIXES = (".tmp", ".swp", ".swx", ".swo", "~", ".bak", ".orig")


@dataclass
class Change:
    translations: set[str] = field(default_factory=set)  # slugs whose PO file changed
    pages: set[Path] = field(default_factory=set)  # hand-written files of docs/ that changed
    full: bool = False  # the whole pipeline
    files: list[str] = field(default_factory=list)  # the changed files, as people name them

    def empty(self) -> bool:
        return not (self.translations or self.pages or self.full)


def digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def noise(path: Path) -> bool:
    """Editors' swap, backup and temporary files, hidden files, the atomic writes' temporary files."""
    return path.name.startswith((".", "#")) or path.name.endswith(_NOISE_SUFFIXES)


def inputs(paths: Paths) -> list[Path]:
    """Every file the preview watches for content changes (not the generated pages)."""
    files = list(_files(paths))
    for folder in (paths.seeds, paths.translations, paths.templates, paths.docs):
        if folder.is_dir():
            files += (f for f in folder.rglob("*") if f.is_file())
    return sorted({f for f in files if f.is_file() and not noise(f) and not generated(paths, f)})


def generated(paths: Paths, path: Path) -> bool:
    """A file the build writes into docs/ (its generated folders, the reading tools' assets)."""
    return any(folder == path or folder in path.parents for folder in (*paths.generated_docs, paths.docs / "assets"))


def classify(paths: Paths, touched: Iterable[Path], known: Mapping[Path, str | None], slugs: set[str]) -> Change:
    """What the touched files ask for, given ``known`` (the digests the last run read) and the reports'
    ``slugs``. Files whose content is what the last run read are left out."""
    change = Change()
    po_folder = paths.translations / paths.config.languages.target
    for path in sorted({Path(p) for p in touched}):
        if noise(path) or generated(paths, path) or path.is_dir():
            continue
        if not _watched(paths, path):
            continue
        now = digest(path)
        if now == known.get(path):
            continue
        change.files.append(paths.relative(path))
        if path.parent == po_folder and path.suffix == ".po" and path.stem in slugs and now and known.get(path):
            change.translations.add(path.stem)
        elif paths.docs in path.parents and now and known.get(path):
            change.pages.add(path)
        else:
            change.full = True
    return change


def _watched(paths: Paths, path: Path) -> bool:
    folders = (paths.seeds, paths.translations, paths.templates, paths.docs)
    return path in _files(paths) or any(folder in path.parents for folder in folders)


def _files(paths: Paths) -> set[Path]:
    """The single files the build reads (beside the folders of sources, translations, templates, pages)."""
    return {paths.glossary, paths.catalog, paths.config_file or paths.root / "edition.yml",
            paths.root / "mkdocs.yml", paths.root / "CITATION.cff"}
