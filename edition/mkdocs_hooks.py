"""MkDocs hooks (``hooks:`` in mkdocs.yml).

``on_config`` expands the nav entries ``Reports: reports/`` and ``Sources: sources/`` into the
generated pages, in the edition's order, so that a newly added source shows up in the navigation
without editing mkdocs.yml.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any


def generated_sections(docs_dir: Path) -> dict[str, list[str]]:
    data = docs_dir / "data" / "edition.json"
    if not data.exists():
        return {}
    edition = json.loads(data.read_text(encoding="utf-8"))
    return {
        "reports/": ["reports/index.md"] + [f"reports/{r['slug']}.md" for r in edition["reports"]],
        "sources/": [f"sources/{s['file'].rsplit('.', 1)[0]}.md" for s in edition["sources"]],
        "glossary/": ["glossary/index.md"],
    }


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
        config["nav"] = _expand(config["nav"], generated_sections(Path(config["docs_dir"])))
    return config
