"""A PO file as a page of the site: its lines numbered, each with an anchor (``#L12``), so that a block's
"PO line" link lands on its entry when the site has no repository to link to (a PO file served as it is
would be downloaded, and the line lost)."""

from __future__ import annotations

import re

from edition.write.render import HAND_PAGES, render

_MSGCTXT = re.compile(r'^msgctxt "(?:[^"#]*#)?([^"]*)"')  # msgctxt "slug#b3" or "b3"


def po_lines(text: str) -> list[tuple[int, str, str | None]]:
    """(line number, text, the block id an entry's msgctxt names on that line or None), for every line."""
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _MSGCTXT.match(line)
        rows.append((number, line, match.group(1) if match else None))
    if rows and rows[-1][1] == "":
        rows.pop()  # the file's final newline ends its last line; it opens none
    return rows


def po_page(slug: str, path: str, text: str, report_label: str, repository: str | None, *,
            hand_pages: frozenset[str] = frozenset(HAND_PAGES)) -> str:
    """``repository``: the file's page in the repository (REPO_URL), or None."""
    return render("po.md.j2", slug=slug, path=path, lines=po_lines(text), report_label=report_label,
                  repository=repository, hand_pages=hand_pages)


def po_line_href(slug: str, line: int, repository_file: str | None) -> str:
    """Where a block's "PO line" link goes: the line in the repository's view of the file where there is
    a repository (GitHub, GitLab, Gitea and Forgejo all take ``#L<n>``), else the line of the site's view."""
    return f"{repository_file}#L{line}" if repository_file else f"../../translation/po/{slug}/#L{line}"
