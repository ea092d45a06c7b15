"""Pages from Jinja2 templates: the engine's own (``edition/write/templates/``), overridden file by file
by the edition's (the ``templates`` folder of ``edition.yml``, as Material's ``custom_dir`` does): a
:class:`jinja2.ChoiceLoader` looks in the edition's folder first, for pages and partials (``_block.j2``)
alike. Which folder, and the languages pages tag their text with (``source_lang``, ``target_lang``,
globals of every template and macro), come from :mod:`edition.write.theme`.

Every value a template prints is escaped by the environment (autoescape), so that no text of a source,
a catalog or a translation can ever be markup; a template marks HTML it builds itself, never text.
The escaping is :func:`html.escape`'s (``&quot;``, ``&#x27;``), applied through ``finalize``, so that
pages are the same bytes as before templates.

Filters: ``yaml_title`` (a page title for the front matter), ``cell`` (a Markdown table cell),
``named`` (a catalog value {zh, en} as 'en (zh)'), ``esc`` (escape now, e.g. before ``~`` joins text to
markup, which would escape it the other way), and ``join`` escaping like the rest.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from edition.write import theme

ENGINE_TEMPLATES = Path(__file__).resolve().parent / "templates"
# The hand-written pages generated pages may link to; an edition without one of them gets no link to it.
HAND_PAGES = ("method.md", "data-schema.md", "translators.md", "contributing.md")


def _escape(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(html.escape(value))


def yaml_title(text: str) -> Markup:
    """A double-quoted YAML scalar for the front matter. MkDocs and Material print titles unescaped into
    the HTML (<title>, navigation), so the title is HTML-escaped too: markup in a title shows as text."""
    escaped = html.escape(str(text), quote=False)
    return Markup('"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"')


def cell(text: Any) -> Markup:
    """Text for a Markdown table cell: escaped, with no pipe or line break to break the table."""
    return Markup(html.escape(str(text)).replace("|", "&#124;").replace("\n", "<br>"))


def named(value: Any) -> Markup:
    """A catalog value: {zh, en} rendered as 'en (zh)', a plain string as is (both escaped); the
    Chinese tagged with the source language (``lang``), for its font, screen readers and line breaking."""
    if isinstance(value, dict):
        zh, en = value.get("zh"), value.get("en")
        chinese = f'<span lang="{theme.current().source_lang}">{html.escape(zh)}</span>' if zh else ""
        if zh and en:
            return Markup(f"{html.escape(en)} ({chinese})")
        return Markup(html.escape(en) if en else chinese)
    return tagged(value) if value not in (None, "") else Markup("")


# A run of Chinese inside other text: Han characters with the CJK punctuation, full-width forms and quotation
# marks between and around them (an English note quoting 城改四期, a byline （衢江区委组织部 饶新）).
_CHINESE_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…—·]*"
                          r"[\u3400-\u9fff\uf900-\ufaff]"
                          r"(?:[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…—· 0-9]*"
                          r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef”’])?")


def tagged(text: Any) -> Markup:
    """Free text (escaped) with each run of Chinese in it tagged with the source language, so that no
    Chinese inherits the page's ``lang="en"``."""
    value = str(text)
    out, last = [], 0
    for match in _CHINESE_RUN.finditer(value):
        out += [html.escape(value[last:match.start()]),
                f'<span lang="{theme.current().source_lang}">{html.escape(match.group())}</span>']
        last = match.end()
    out.append(html.escape(value[last:]))
    return Markup("".join(out))


def join(items: Any, separator: str = "") -> Markup:
    """Jinja's ``join`` with this module's escaping (the built-in one escapes as markupsafe does)."""
    return Markup(_escape(separator)).join(_escape(item if isinstance(item, str) else str(item)) for item in items)


@cache
def environment(overrides: Path | None = None, source_lang: str = theme.Theme.source_lang,
                target_lang: str = theme.Theme.target_lang) -> jinja2.Environment:
    """The templates of ``overrides`` (an existing folder, or None) before the engine's own."""
    loaders = [jinja2.FileSystemLoader(str(overrides))] if overrides is not None else []
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([*loaders, jinja2.FileSystemLoader(str(ENGINE_TEMPLATES))]),
        autoescape=True,
        finalize=_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.ChainableUndefined,  # catalogue fields are optional: a missing one is empty
    )
    env.globals.update(source_lang=source_lang, target_lang=target_lang)
    env.filters.update(yaml_title=yaml_title, cell=cell, named=named, tagged=tagged, join=join, esc=_escape)
    return env


def hand_pages(docs: Path) -> frozenset[str]:
    """The edition's hand-written pages among those the generated pages may link to."""
    return frozenset(page for page in HAND_PAGES if (docs / page).is_file())


def render(name: str, overrides: Path | None = None, **context: Any) -> str:
    """``context`` may give ``hand_pages`` (see :func:`hand_pages`); by default all are there. The
    templates are the edition's (``overrides``, else the current :mod:`~edition.write.theme`'s) first."""
    current = theme.current()
    folder = overrides or current.templates
    env = environment(folder if folder is not None and folder.is_dir() else None, current.source_lang,
                      current.target_lang)
    return env.get_template(name).render({"hand_pages": frozenset(HAND_PAGES), **context})
