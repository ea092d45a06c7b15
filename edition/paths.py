"""Where things live in the repository. Tests build an edition in a temporary folder with the same layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Paths:
    root: Path = REPOSITORY

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def catalog(self) -> Path:
        return self.seeds / "catalog.yaml"

    @property
    def anchors(self) -> Path:
        return self.root / "anchors"

    @property
    def releases(self) -> Path:
        """Release manifests: what each release published (``edition release``)."""
        return self.anchors / "releases"

    @property
    def translations(self) -> Path:
        return self.root / "translations"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary.yaml"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def jieba_dictionary(self) -> Path:
        """The glossary as a jieba user dictionary, for the search plugin (``jieba_dict_user``)."""
        return self.build / "jieba-user-dict.txt"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def generated_docs(self) -> tuple[Path, ...]:
        """Folders inside docs/ that the build owns (git-ignored, rewritten on every build)."""
        return tuple(self.docs / name for name in ("reports", "sources", "data", "glossary", "translation", "changelog"))

    @property
    def writable(self) -> tuple[Path, ...]:
        """Every folder a build or a drafting run writes into (where a killed one leaves temporary files)."""
        return (self.anchors, self.translations, self.build, *self.generated_docs)

    def relative(self, path: Path) -> str:
        """A path as people see it: relative to the repository where it is inside it."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def source_files(self) -> list[Path]:
        """Every text source in seeds/ (the catalog and checksums are not sources)."""
        skip = {"catalog.yaml", "SHA256SUMS"}
        return sorted(
            p for p in self.seeds.iterdir() if p.is_file() and p.name not in skip and not p.name.startswith(".")
        )
