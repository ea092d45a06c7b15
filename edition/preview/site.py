"""The preview's MkDocs site, built once in full and then page by page, in this process.

A full ``mkdocs build`` of a large edition takes minutes (the search plugin's Chinese segmentation and
Material's templates, page after page); a translator's edit changes one or two pages. So the first
build keeps what MkDocs gathers before it writes anything (the loaded configuration and its plugins,
the files, the navigation, the theme's Jinja environment), and a later change runs MkDocs' own steps
(``_populate_page``, ``_build_page`` of :mod:`mkdocs.commands.build`, with every plugin's ``on_page_*``
event) for the changed pages only. ``mkdocs build --dirty`` does not do this: it reads every page
again and writes a search index holding only the rebuilt ones.

Material's search plugin indexes each page as it is built (``on_page_context``) and writes the index
after the build (``on_post_build``): before a page is built again its entries are taken out of the
index, and its new entries put where they were, so that the served index always holds every page,
in the order a full build gives; the index is then written again (:meth:`PreviewSite.write_index`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
from mkdocs.config import load_config
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from edition.atomic import write_bytes

log = logging.getLogger("edition")

INCLUSION = InclusionLevel.is_in_serve  # drafts are shown in a preview, as `mkdocs serve` shows them


class PreviewSite:
    """The site of the MkDocs configuration ``config_file``, built into ``site_dir`` and served at ``url``."""

    def __init__(self, config_file: Path, site_dir: Path, url: str) -> None:
        self.config_file, self.site_dir, self.url = config_file, site_dir, url
        self.config: Any = None
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Any = None

    # --- a full build --------------------------------------------------------------------------------

    def build(self) -> int:
        """Load the configuration afresh and build every page (MkDocs' ``build``, not strict, keeping
        what it gathered); returns the number of pages."""
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir), strict=False)
        config.site_url = self.url
        config.plugins.on_startup(command="serve", dirty=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        for file in files.documentation_pages(inclusion=INCLUSION):
            if file.page is None:
                Page(None, file, config)
            _populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=INCLUSION)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)
        self.config, self.files, self.nav, self.env = config, files, nav, env
        pages = self.doc_pages()
        for page in pages:
            self._build(page)
        config.plugins.on_post_build(config=config)
        return len(pages)

    def doc_pages(self) -> list[Page]:
        assert self.files is not None
        return [f.page for f in self.files.documentation_pages(inclusion=INCLUSION) if f.page is not None]

    def _build(self, page: Page) -> None:
        assert self.files is not None
        excluded = page.file.inclusion.is_excluded()
        _build_page(page, self.config, self.files.documentation_pages(inclusion=INCLUSION), self.nav, self.env,
                    excluded=excluded)

    # --- some pages again ----------------------------------------------------------------------------

    def knows(self, paths: Iterable[Path]) -> bool:
        """True if every file is one of the site's (a new or removed file needs a full build)."""
        return all(self._file(p) is not None for p in paths)

    def _file(self, path: Path) -> Any:
        try:
            uri = Path(path).resolve().relative_to(Path(self.config.docs_dir).resolve()).as_posix()
        except ValueError:
            return None
        return self.files.get_file_from_path(uri) if self.files is not None else None

    def update(self, paths: Iterable[Path]) -> list[str]:
        """Render the pages (and copy the other files) of ``paths`` again, files of docs/ the site already
        has, their search entries replaced (:meth:`write_index` writes the index); returns the pages' addresses. If a page's title changed, every
        page is rendered again (each shows the navigation)."""
        config = self.config
        files = [self._file(p) for p in sorted(set(paths))]
        if any(f is None for f in files):
            raise ValueError("not a file of the site: a full build is needed")
        pages = [f.page for f in files if f.is_documentation_page() and f.page is not None]
        for file in files:
            if not file.is_documentation_page():
                file.copy_file()
        titles = [page.title for page in pages]
        for page in pages:
            _populate_page(page, config, self.files)
        if titles != [page.title for page in pages]:
            index = search_index(config)
            if index is not None:
                index.entries.clear()
            for page in self.doc_pages():
                self._build(page)
        else:
            for page in pages:
                self._rebuild(page)
        return [page.url for page in pages]

    def write_index(self) -> None:
        """Write the search index again, atomically (a request never reads half of it). It is done after
        the changed pages are served: at a thousand reports the index is some 150 MB of JSON."""
        index = search_index(self.config)
        if index is not None:
            data = index.generate_search_index(None).encode("utf-8")
            write_bytes(Path(self.config.site_dir) / "search" / "search_index.json", data)

    def _rebuild(self, page: Page) -> None:
        """Build one page again, its search entries replaced where they were."""
        index = search_index(self.config)
        if index is None:
            self._build(page)
            return
        entries = index.entries
        at = next((i for i, e in enumerate(entries) if _of_page(e, page.url)), len(entries))
        entries[:] = [e for e in entries if not _of_page(e, page.url)]
        before = len(entries)
        self._build(page)
        new = entries[before:]
        del entries[before:]
        entries[at:at] = new

    def close(self) -> None:
        if self.config is not None:
            self.config.plugins.on_shutdown()


def search_index(config: Any) -> Any:
    """Material's search index (its plugin's ``search_index``, whose ``entries`` are written to
    search/search_index.json), or None without that plugin."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            return index
    return None


def _of_page(entry: dict, url: str) -> bool:
    location = entry.get("location", "")
    return location == url or location.startswith(f"{url}#")
