"""MkDocs hooks (``hooks:`` in mkdocs.yml).

``on_post_build`` mends Material's segmentation of Chinese search queries (see below).
``on_page_content`` turns the generated pages' ``repo:`` links into links to the repository
(``repo_url``, branch ``extra.repo_branch``), so that its address is configured in one place.

``on_config`` expands the nav entries ``Reports: reports/`` and ``Sources: sources/`` into the
generated pages, in the edition's order, so that a newly added source shows up in the navigation
without editing mkdocs.yml (beyond ``NAV_LISTS_UP_TO`` pages, into the section's index page only).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

# Material renders the whole navigation into every page, so a nav listing every report makes the
# build grow with the square of their number (at 1000 reports, half of `mkdocs build` went into
# rendering nav items). Beyond this many pages, a section lists only its index page, which lists them.
NAV_LISTS_UP_TO = 50


def generated_sections(docs_dir: Path) -> dict[str, list[str] | str]:
    """What each generated nav entry expands into, from ``docs/data/edition.json``."""
    data = docs_dir / "data" / "edition.json"
    if not data.exists():
        return {}
    edition = json.loads(data.read_text(encoding="utf-8"))
    reports = [f"reports/{r['slug']}.md" for r in edition["reports"]]
    sources = [f"sources/{s['file'].rsplit('.', 1)[0]}.md" for s in edition["sources"]]
    return {
        "reports/": ["reports/index.md", *reports] if len(reports) <= NAV_LISTS_UP_TO else "reports/index.md",
        "sources/": ["sources/index.md", *sources] if len(sources) <= NAV_LISTS_UP_TO else "sources/index.md",
        "glossary/": "glossary/index.md",
        "translation/": "translation/index.md",
        "changelog/": "changelog/index.md",
        "data/": "data/index.md",
    }


def old_addresses(docs_dir: Path) -> list[str]:
    """The pages at the old addresses of moved and withdrawn reports (never in the nav)."""
    data = docs_dir / "data" / "edition.json"
    if not data.exists():
        return []
    edition = json.loads(data.read_text(encoding="utf-8"))
    return [f"reports/{slug}.md" for slug in sorted({**edition.get("moved_reports", {}),
                                                       **edition.get("withdrawn_reports", {})})]


def unlisted(sections: dict[str, list[str] | str], old: list[str] = ()) -> list[str]:
    """``not_in_nav`` patterns for the generated folders whose pages the nav does not list one by one,
    and for the pages at old addresses."""
    patterns = [
        pattern
        for folder, entry in sections.items()
        if isinstance(entry, str)
        for pattern in (f"/{folder}*.md", f"!/{entry}")
    ]
    return patterns + [f"/{page}" for page in old]


def _expand(nav: Any, sections: dict[str, list[str]]) -> Any:
    if isinstance(nav, list):
        return [_expand(item, sections) for item in nav]
    if isinstance(nav, dict):
        return {key: sections.get(value, value) if isinstance(value, str) else _expand(value, sections)
                for key, value in nav.items()}
    return nav


def on_startup(command: str, dirty: bool) -> None:
    """Quiet jieba's start-up chatter (the search plugin segments Chinese with it)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


def on_config(config: Any) -> Any:
    if config.get("nav"):
        from pathspec.gitignore import GitIgnoreSpec

        sections = generated_sections(Path(config["docs_dir"]))
        config["nav"] = _expand(config["nav"], sections)
        patterns = GitIgnoreSpec.from_lines(unlisted(sections, old_addresses(Path(config["docs_dir"]))))
        config["not_in_nav"] = config["not_in_nav"] + patterns if config.get("not_in_nav") else patterns
    return config


def repository_base(config: Any) -> str | None:
    """Where files of the repository are shown on the web: ``repo_url`` + ``/blob/<branch>/``."""
    repo_url = (config.get("repo_url") or "").rstrip("/")
    if not repo_url:
        return None
    branch = (config.get("extra") or {}).get("repo_branch") or "main"
    return f"{repo_url}/blob/{branch}/"


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Point the generated pages' ``repo:`` links (PO file and line of each block) at the repository;
    without a ``repo_url``, at the PO file among the downloads."""
    if 'href="repo:' not in html:
        return html
    base = repository_base(config)
    if base is None:
        return re.sub(r'href="repo:translations/en/([^"#]+)#L\d+"', r'href="../../data/po/\1"', html)
    return html.replace('href="repo:', f'href="{base}')


# Material 9.x's search worker segments a Chinese query with the index's own words, but its loop
# never tries the slice that ends at the query's last character: a query that is itself a term
# (临时党支部) is searched as fragments ("临时* 党支") and finds reports without it. The fix is one
# character; tests/test_site_browser.py fails if it stops working.
_SEGMENT_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
_SEGMENT_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def on_post_build(config: Any) -> None:
    """Patch the search worker's Chinese query segmentation (see above)."""
    workers = Path(config["site_dir"]) / "assets" / "javascripts" / "workers"
    for worker in sorted(workers.glob("search.*.min.js")):
        text = worker.read_text(encoding="utf-8")
        if _SEGMENT_BUG in text:
            worker.write_text(text.replace(_SEGMENT_BUG, _SEGMENT_FIX), encoding="utf-8")
        elif _SEGMENT_FIX not in text:
            logging.getLogger("mkdocs.hooks").warning(
                "search worker %s not patched: Material changed its code; check Chinese search", worker.name)
