"""The one piece of the site that is MkDocs- (and Material-) specific: a plugin, ``edition-chinese-search``.

Everything else the site needs, the build writes (pages, assets, ``build/mkdocs-nav.yml``). This plugin
only mends Material 9.x's search for Chinese and can be left out (``plugins:`` in mkdocs.yml) by an
engine that has its own Chinese search; docs/site-engine.md says what a move to another engine needs.

* Material's search worker segments a Chinese query with the index's own words, but its loop never
  tries the slice that ends at the query's last character: a query that is itself a term (临时党支部)
  is searched as fragments ("临时* 党支") and finds reports without it. The fix is one character;
  tests/test_site_browser.py fails if it stops working.
* jieba, which the search plugin segments Chinese with, prints its start-up chatter: quietened.
* ``mkdocs build`` without ``site_url`` (SITE_URL) warns that citations would have no stable URL (the
  Cite text would give the address the page was read at; the pages no ``citation_public_url``). The
  warning is the edition's own logger's, not MkDocs's, so that ``--strict`` previews still build.
* The index's structure: each page's entries, once Material's search has made them, are replaced by
  the edition's (:mod:`edition.search_index`): a report found by its titles, label and places, a
  result per block opening at its anchor, titles without zero-width spaces.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin

SEGMENT_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
SEGMENT_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def patch_search_worker(site_dir: Path) -> list[str]:
    """Mend the worker's Chinese query segmentation; returns the workers it could not patch."""
    unpatched = []
    for worker in sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")):
        text = worker.read_text(encoding="utf-8")
        if SEGMENT_BUG in text:
            worker.write_text(text.replace(SEGMENT_BUG, SEGMENT_FIX), encoding="utf-8")
        elif SEGMENT_FIX not in text:
            unpatched.append(worker.name)
    return unpatched


NO_SITE_URL = ("site_url is not set (SITE_URL): citations of this build would have no stable URL (the Cite "
               "text gives the address a page is read at, report pages have no citation_public_url); set "
               "SITE_URL to the address the site is published at")


class ChineseSearchPlugin(BasePlugin):
    command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.command = command

    def on_config(self, config: Any) -> None:
        if self.command in ("build", "gh-deploy") and not config.get("site_url"):
            logging.getLogger("edition.site").warning("%s", NO_SITE_URL)

    def _index(self, config: Any) -> list[dict[str, Any]] | None:
        search = config["plugins"].get("material/search") or config["plugins"].get("search")
        index = getattr(search, "search_index", None)
        return getattr(index, "entries", None)

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        """Runs after Material's search (listed after it in mkdocs.yml) has indexed the page."""
        entries = self._index(config)
        if entries is None:
            return context
        first = len(entries)  # the page's entries: the last ones, just added
        while first and entries[first - 1]["location"].split("#")[0] == page.url:
            first -= 1
        import jieba

        from edition.search_index import page_entries

        entries[first:] = page_entries(entries[first:], page.url, page.meta, page.content or "",
                                       lambda text: list(jieba.cut(text)))
        return context

    def on_post_build(self, *, config: Any) -> None:
        for name in patch_search_worker(Path(config["site_dir"])):
            logging.getLogger("mkdocs.plugins.edition").warning(
                "search worker %s not patched: Material changed its code; check Chinese search", name)
