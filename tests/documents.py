"""Documents for the reader tests, made here: a small typesetter that prints blocks to a PDF with
reportlab (its built-in Adobe CID font STSong-Light, so no font file is needed and the text layer is
exact), and Word documents with python-docx.

The PDF typesetter sets what a printed bulletin sets: a running header and a page number in the
margins of every page, a title (and kicker, subtitle) larger than the body and centred, headings
larger, captions smaller and centred, paragraphs wrapped at a fixed number of characters with a
first-line indent (or, without indents, a gap between paragraphs), and it breaks pages where they
fill, inside a paragraph too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

A4 = (595.0, 842.0)
MARGIN = 72.0  # pt: left and right margins of the text
TOP, BOTTOM = 90.0, 90.0  # pt: where the text starts and stops (the running heads stand outside)
SIZES = {"title": 20.0, "kicker": 15.0, "subtitle": 15.0, "heading": 14.5, "paragraph": 12.0, "caption": 9.0,
         "byline": 12.0, "note": 12.0, "masthead": 28.0}
CENTRED = {"title", "kicker", "subtitle", "caption", "masthead"}


@dataclass(frozen=True)
class Item:
    kind: str
    text: str


def wrap(text: str, chars: int, first_indent: int = 0) -> list[str]:
    """Chinese text broken every ``chars`` characters (the first line ``first_indent`` shorter)."""
    lines, rest, room = [], text, chars - first_indent
    while rest:
        lines.append(rest[:room])
        rest, room = rest[room:], chars
    return lines


def typeset_pdf(items: list[Item], *, header: str | None = "某某工作简报", numbers: str | None = "- {n} -",
                indent: bool = True, lines_per_page: int = 40, width: float = A4[0] - 2 * MARGIN) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page, y = 1, A4[1] - TOP

    def furniture() -> None:
        pdf.setFont("STSong-Light", 9)
        if header:
            pdf.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        if numbers:
            pdf.drawCentredString(A4[0] / 2, 40, numbers.format(n=page))

    def new_page() -> None:
        nonlocal page, y
        furniture()
        pdf.showPage()
        page, y = page + 1, A4[1] - TOP

    for number, item in enumerate(items):
        size = SIZES[item.kind]
        leading = size * 1.6
        chars = int(width // size)
        indented = item.kind in ("paragraph", "note") and indent
        lines = wrap(item.text, chars, 2 if indented else 0)
        if number and item.kind not in CENTRED and not indent:
            y -= size * 0.8  # paragraphs set apart by a gap
        for index, line in enumerate(lines):
            if y - leading < BOTTOM:
                new_page()
            y -= leading
            pdf.setFont("STSong-Light", size)
            if item.kind in CENTRED:
                pdf.drawCentredString(A4[0] / 2, y, line)
            elif item.kind == "byline":
                pdf.drawRightString(A4[0] - MARGIN, y, line)
            else:
                pdf.drawString(MARGIN + (2 * size if indented and index == 0 else 0), y, line)
        if item.kind in ("title", "masthead"):
            y -= size * 0.6
    furniture()
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def word(paragraphs: list[tuple[str, str]], *, header: str | None = None, footer: str | None = None,
         title: str | None = None) -> bytes:
    """A .docx: (style or "bold"/"centred"/"plain", text) per paragraph; header, footer, core title."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    if title:
        document.core_properties.title = title
    for style, text in paragraphs:
        if style in ("bold", "centred", "plain", "centred-bold"):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(text)
            run.bold = "bold" in style
            if "centred" in style:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def blank_pdf(*, encrypt: bool = False) -> bytes:
    """A one-page PDF with no text layer (what a scan looks like to a reader), encrypted if asked (pypdf)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if encrypt:
        writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
