"""The drafting cache: source text -> machine translation, so that the same Chinese is never sent twice.

One JSON file per engine and target language, ``translations/.cache/<engine>-<target>.json``
(git-ignored), saved atomically.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from edition.atomic import write_text

log = logging.getLogger("edition")


@dataclass
class DraftCache:
    """Source text -> machine translation, for one provider and target language."""

    path: Path | None = None
    entries: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> DraftCache:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        except ValueError:
            log.warning("%s: unreadable translation cache, starting a new one", path)
            data = {}
        if not isinstance(data, dict):
            log.warning("%s: unreadable translation cache, starting a new one", path)
            data = {}
        return cls(path, {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)})

    def get(self, text: str) -> str | None:
        return self.entries.get(text)

    def put(self, text: str, translation: str) -> None:
        self.put_many({text: translation})

    def put_many(self, translations: Mapping[str, str], *, save: bool = True) -> None:
        """Add several translations; with ``save``, save the cache once (atomically)."""
        self.entries.update(translations)
        if save and translations:
            self.save()

    def save(self) -> None:
        if self.path is not None:
            write_text(
                self.path, json.dumps(self.entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            )


def cache_path(translations: Path, engine: str, target: str) -> Path:
    """``engine`` names the provider and, where it changed, the library (so that a draft's provenance
    stays true when it comes from the cache); ``target`` is the provider's code."""
    return translations / ".cache" / f"{engine}-{target}.json"
