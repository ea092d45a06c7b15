"""``build/mkdocs-nav.yml``: the part of the site's configuration that depends on the edition.

``mkdocs.yml`` inherits it (``INHERIT: build/mkdocs-nav.yml``), so that the site needs no hook for its
content and any engine that reads MkDocs configuration builds it. It holds:

* the navigation: ``site.nav`` of ``edition.yml`` with the generated sections (``reports/``,
  ``sources/``, ``glossary/``, ``translation/``, ``data/``, ``changelog/``) expanded into their pages,
  in the edition's order. Material renders the whole navigation into every page, so a nav listing
  every report would make the build grow with the square of their number: beyond
  ``site.nav_lists_up_to`` pages a section lists only its index page, which lists the rest;
* ``not_in_nav``: the pages the nav does not list one by one (glossary entries, a large section's
  pages, the old addresses of moved and withdrawn reports, the views of the PO files), so that a
  strict build does not warn.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

FILE = "mkdocs-nav.yml"  # in the build folder
ASSETS = Path(__file__).resolve().parent / "assets"  # the reading tools' CSS and JavaScript, copied to docs/assets/
SECTIONS = ("reports/", "sources/", "glossary/", "translation/", "data/", "changelog/")
_HEADER = (
    "# Written by `edition build` from edition.yml (site.nav) and the edition: never edit it, never commit it.\n"
    "# mkdocs.yml inherits it (INHERIT: build/mkdocs-nav.yml).\n"
)


def sections(reports: Sequence[str], sources: Sequence[str], limit: int) -> dict[str, list[str] | str]:
    """What each generated nav entry expands into: its index page, and its pages when there are few."""
    def listed(folder: str, pages: Sequence[str]) -> list[str] | str:
        return [f"{folder}index.md", *pages] if len(pages) <= limit else f"{folder}index.md"

    return {
        "reports/": listed("reports/", [f"reports/{slug}.md" for slug in reports]),
        "sources/": listed("sources/", [f"sources/{name}.md" for name in sources]),
        "glossary/": "glossary/index.md",
        "translation/": "translation/index.md",
        "data/": "data/index.md",
        "changelog/": "changelog/index.md",
    }


def expand(nav: Any, expanded: dict[str, list[str] | str]) -> Any:
    if isinstance(nav, list | tuple):
        return [expand(item, expanded) for item in nav]
    if isinstance(nav, dict):
        return {key: expanded.get(value, value) if isinstance(value, str) else expand(value, expanded)
                for key, value in nav.items()}
    return nav


def not_in_nav(expanded: dict[str, list[str] | str], old_addresses: Sequence[str]) -> list[str]:
    """gitignore-style patterns of the pages the nav does not list one by one."""
    patterns = []
    for folder, entry in expanded.items():
        if isinstance(entry, str):
            patterns += [f"/{folder}*.md", f"!/{entry}"]
    return patterns + [f"/{page}" for page in old_addresses] + ["/translation/po/*.md"]  # PO files' views


def site_config(nav: Sequence[Any], reports: Sequence[str], sources: Sequence[str], old_addresses: Sequence[str],
                limit: int) -> str:
    expanded = sections(reports, sources, limit)
    body = {"nav": expand(list(nav), expanded), "not_in_nav": "\n".join(not_in_nav(expanded, old_addresses)) + "\n"}
    return _HEADER + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=10_000)
