"""Small helpers shared by the page writers: front matter and escaped table cells."""

from __future__ import annotations

from html import escape


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar (for page titles in front matter)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(title: str) -> list[str]:
    """Front matter with the page title. MkDocs and Material print titles unescaped into the HTML
    (<title>, navigation), so the title is HTML-escaped here: markup in a title shows as text."""
    return ["---", f"title: {yaml_string(escape(title, quote=False))}", "---", ""]


def cell(text: str) -> str:
    """Text for a Markdown table cell: escaped, with no pipe or line break to break the table."""
    return escape(text).replace("|", "&#124;").replace("\n", "<br>")
