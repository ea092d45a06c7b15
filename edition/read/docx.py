"""Word documents (``.docx``): one line per paragraph, and what the document's styles say of each.

Read with python-docx (MIT licence; docx2python would add footnotes and comments, which these reports
do not use). Word keeps paragraphs whole, so no line is ever joined: the structure comes from the
document, not from guesses:

* the styles ``Title`` and ``Subtitle`` (and Word's Chinese names 标题 and 副标题) mark the title and
  subtitle, ``Heading 1``–``Heading 9`` (标题 1 …) headings, ``Caption`` (题注) captions; without a
  title style, a first paragraph set in a heading style is the title;
* a paragraph whose text is all bold, or which is centred, is marked so;
* the text of the sections' headers and footers (running heads, page numbers as text) is furniture:
  it stands before and after the body, and the cleaning leaves it out, saying so;
* tables are read cell by cell, in order.

The document's core properties (title, author, created) are kept as evidence for the catalog.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from edition.errors import EditionError
from edition.model import LineHint

_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE = {"title", "标题"}
_SUBTITLE = {"subtitle", "副标题"}
_CAPTION = {"caption", "题注"}


@dataclass(frozen=True)
class DocxText:
    lines: list[str]
    hints: dict[int, LineHint]
    metadata: dict[str, str]


def read_docx(data: bytes, name: str) -> DocxText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise EditionError(name, f"is not a readable Word document: {type(err).__name__}: {err}") from None
    lines: list[str] = []
    hints: dict[int, LineHint] = {}

    def add(text: str, hint: LineHint) -> None:
        text = " ".join(text.split())
        if text:
            lines.append(text)
            hints[len(lines)] = hint

    for section in document.sections:
        for paragraph in _paragraphs(section.header):
            add(paragraph.text, LineHint(role="furniture", reason="the document's running header"))
    body = [p for p in _paragraphs(document) if p.text.strip()]
    titled = any(_style(p) in _TITLE for p in body)
    for index, paragraph in enumerate(body):
        add(paragraph.text, _hint(paragraph, first=index == 0, titled=titled))
    for section in document.sections:
        for paragraph in _paragraphs(section.footer):
            add(paragraph.text, LineHint(role="furniture", reason="the document's running footer"))
    if not any(h.role != "furniture" for h in hints.values()):
        raise EditionError(name, "is a Word document with no text in its body")
    return DocxText(lines, hints, _metadata(document))


def _paragraphs(container) -> list:
    """Paragraphs and table cells' paragraphs, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found = []
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            found.append(item)
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    found += _paragraphs(cell)
    return found


def _style(paragraph) -> str:
    return (paragraph.style.name if paragraph.style is not None else "").strip().lower()


def _hint(paragraph, *, first: bool, titled: bool) -> LineHint:
    style = _style(paragraph)
    bold = _all_bold(paragraph)
    centred = paragraph.alignment is not None and int(paragraph.alignment) == 1
    if style in _TITLE:
        return LineHint(role="title", bold=bold, centred=centred)
    if style in _SUBTITLE:
        return LineHint(role="subtitle", bold=bold, centred=centred)
    if style in _CAPTION:
        return LineHint(role="caption", bold=bold, centred=centred)
    if heading := _HEADING.match(style):
        if first and not titled:
            return LineHint(role="title", bold=bold, centred=centred)
        return LineHint(role="heading", level=2 if int(heading.group(1)) <= 2 else 3, bold=bold, centred=centred)
    return LineHint(bold=bold, centred=centred)


def _all_bold(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold or (r.style is not None and r.style.font.bold) for r in runs)


def _metadata(document) -> dict[str, str]:
    core = document.core_properties
    found = {}
    if (core.title or "").strip():
        found["title"] = core.title.strip()
    if (core.author or "").strip():
        found["author"] = core.author.strip()
    if core.created is not None:
        found["created"] = core.created.date().isoformat()
    return found
