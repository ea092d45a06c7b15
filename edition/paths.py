"""Where things live in an edition project: the folder holding ``edition.yml``, found like git finds its
repository (from the working folder upward), and the folders its configuration names.

The package never looks where it is installed: an edition is the folder a command runs in (or the one
``-C DIR`` names), so that one installed ``edition`` builds any number of editions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edition.config import CONFIG_FILE, Config, load_config
from edition.errors import EditionError


def find_project(start: Path) -> Path:
    """The nearest folder, ``start`` or above it, that holds ``edition.yml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise EditionError(start, f"not an edition project: no {CONFIG_FILE} here or in any folder above "
                       "(make a new edition with `edition new DIR`, or say where one is with -C DIR)")


@dataclass(frozen=True)
class Paths:
    """An edition project's files. ``Paths()`` is the project the working folder is in; ``Paths(root)``
    the project at ``root`` (its ``edition.yml`` is read unless ``config`` is given)."""

    root: Path = field(default=None)  # type: ignore[assignment]
    config: Config = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    config_file: Path | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        root = Path(self.root) if self.root is not None else find_project(Path.cwd())
        object.__setattr__(self, "root", root)
        if self.config is None:
            file = self.config_file or root / CONFIG_FILE
            object.__setattr__(self, "config", load_config(file, self.relative(file)))

    @classmethod
    def discover(cls, start: Path | None = None, config_file: Path | None = None) -> Paths:
        """The project of ``config_file`` (its folder), or the one ``start`` (default: here) is in."""
        if config_file is not None:
            config_file = config_file.resolve()
            if not config_file.is_file():
                raise EditionError(config_file, "no such configuration file")
            return cls(config_file.parent, config_file=config_file)
        return cls(find_project(start or Path.cwd()))

    def _folder(self, name: str) -> Path:
        return self.root / getattr(self.config.folders, name)

    @property
    def seeds(self) -> Path:
        return self._folder("sources")

    @property
    def catalog(self) -> Path:
        return self._folder("catalog")

    @property
    def anchors(self) -> Path:
        return self._folder("anchors")

    @property
    def releases(self) -> Path:
        """Release manifests: what each release published (``edition release``)."""
        return self.anchors / "releases"

    @property
    def translations(self) -> Path:
        return self._folder("translations")

    @property
    def glossary(self) -> Path:
        return self._folder("glossary")

    @property
    def build(self) -> Path:
        return self._folder("build")

    @property
    def templates(self) -> Path:
        """The edition's own page templates, overriding the engine's (where the folder exists)."""
        return self._folder("templates")

    @property
    def jieba_dictionary(self) -> Path:
        """The glossary as a jieba user dictionary, for the search plugin (``jieba_dict_user``)."""
        return self.build / "jieba-user-dict.txt"

    @property
    def docs(self) -> Path:
        return self._folder("docs")

    @property
    def generated_docs(self) -> tuple[Path, ...]:
        """Folders inside docs/ that the build owns (git-ignored, rewritten on every build)."""
        return tuple(self.docs / name for name in ("reports", "sources", "data", "glossary", "translation", "changelog"))

    @property
    def writable(self) -> tuple[Path, ...]:
        """Every folder a build or a drafting run writes into (where a killed one leaves temporary files)."""
        return (self.anchors, self.translations, self.build, *self.generated_docs)

    @property
    def writable_files(self) -> tuple[Path, ...]:
        """Files the commands write outside those folders (``edition release``: CITATION.cff; the build:
        seeds/SHA256SUMS): a killed writer leaves its temporary file beside them."""
        return (self.root / "CITATION.cff", self.seeds / "SHA256SUMS")

    def relative(self, path: Path) -> str:
        """A path as people see it: relative to the project where it is inside it."""
        try:
            return str(Path(path).relative_to(self.root))
        except ValueError:
            return str(path)

    def source_files(self) -> list[Path]:
        """Every source file in the sources folder (the catalog and checksums are not sources)."""
        if not self.seeds.is_dir():
            return []
        skip = {self.catalog.name, "SHA256SUMS"}
        return sorted(
            p for p in self.seeds.iterdir() if p.is_file() and p.name not in skip and not p.name.startswith(".")
        )
