"""The drafting cache: what was asked -> the machine translation, so that nothing is sent twice.

One JSON file per engine and target language, ``translations/.cache/<engine>-<target>.json``
(git-ignored), saved atomically. Inside, an entry's key is the Chinese alone where nothing else
changes the answer (google, mymemory, deepl without a glossary: the caches written before keep
working), else the Chinese after what does change it, the model asked for and the digest of the
glossary entries given (:func:`entry_key`): ``[model=gpt-5.5 terms=0123456789ab] 中文``. A draft made
without the glossary is thus never served as one made with it, nor one model's as another's.

A value is the English, or ``{"english": …, "by": …}`` where the answer said what produced it (the
model a language model's API reported): a draft taken from the cache names what really made it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from edition.atomic import write_text
from edition.drafting.terms import digest

log = logging.getLogger("edition")


@dataclass(frozen=True)
class Draft:
    """A machine translation and what produced it, for its provenance (None: the provider's own label)."""

    english: str
    by: str | None = None

    def record(self) -> str | dict[str, str]:
        return self.english if self.by is None else {"english": self.english, "by": self.by}


def entry_key(text: str, *, model: str | None = None, terms: Mapping[str, str] | None = None) -> str:
    """The cache key of ``text`` asked of ``model`` with the glossary entries ``terms`` (None: none given)."""
    setup = [f"model={model}"] if model else []
    if terms is not None:
        setup.append(f"terms={digest(terms)}")
    return f"[{' '.join(setup)}] {text}" if setup else text


def _draft(value: object) -> Draft | None:
    if isinstance(value, str):
        return Draft(value)
    if isinstance(value, dict) and isinstance(value.get("english"), str):
        by = value.get("by")
        return Draft(value["english"], by if isinstance(by, str) else None)
    return None


@dataclass
class DraftCache:
    """Cache key -> machine translation, for one provider and target language."""

    path: Path | None = None
    entries: dict[str, str | dict[str, str]] = field(default_factory=dict)

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
        kept = {k: d.record() for k, v in data.items() if isinstance(k, str) and (d := _draft(v)) is not None}
        return cls(path, kept)

    def get(self, key: str) -> str | None:
        draft = self.get_draft(key)
        return None if draft is None else draft.english

    def get_draft(self, key: str) -> Draft | None:
        return _draft(self.entries.get(key))

    def put(self, key: str, translation: str | Draft) -> None:
        self.put_many({key: translation})

    def put_many(self, translations: Mapping[str, str | Draft], *, save: bool = True) -> None:
        """Add several translations; with ``save``, save the cache once (atomically)."""
        self.entries.update(
            {key: value.record() if isinstance(value, Draft) else value for key, value in translations.items()}
        )
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
