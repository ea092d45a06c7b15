"""What the pages of one build are written with: the edition's own template folder (``folders.templates``)
and its languages (``languages`` in ``edition.yml``).

The pipeline sets them around the write stage (:func:`using`); the renderer and the citation tags read
them (:func:`current`), so that every page function need not pass them along. Outside a build (a test
rendering one page) they are the defaults: the engine's templates, ``zh-Hans`` → ``en``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from edition.config import DEFAULTS


@dataclass(frozen=True)
class Theme:
    templates: Path | None = None  # the edition's templates, overriding the engine's file by file
    source_lang: str = DEFAULTS.languages.source  # BCP 47: how pages, TEI and TMX tag the original
    target_lang: str = DEFAULTS.languages.target  # and the translation


DEFAULT = Theme()
_CURRENT: ContextVar[Theme | None] = ContextVar("edition_theme", default=None)


def current() -> Theme:
    return _CURRENT.get() or DEFAULT


@contextmanager
def using(theme: Theme) -> Iterator[Theme]:
    """Pages rendered inside the ``with`` use ``theme``; the previous one is restored after."""
    token = _CURRENT.set(theme)
    try:
        yield theme
    finally:
        _CURRENT.reset(token)
