"""The Downloads page: the edition's data files, as published beside the site under data/."""

from __future__ import annotations

from edition.model import Report, SourceEdition
from edition.write.render import HAND_PAGES, render


def downloads_page(reports: list[Report], sources: list[SourceEdition], *, citation: bool,
                   hand_pages: frozenset[str] = frozenset(HAND_PAGES)) -> str:
    return render("downloads.md.j2", reports=reports, sources=sources, citation=citation, hand_pages=hand_pages)
