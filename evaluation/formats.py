"""The edition's reports as the files new sources arrive as: saved web pages, Word documents and PDFs.

Each rendering is made from a reference report (its blocks and kinds, as the pipeline cleans them from
the seeds), so the blocks it should give are known exactly:

* **HTML**: a page of one of the vocabulary's sites, its chrome (menus, breadcrumbs, date line, share
  buttons, related articles, footer) in one of three kinds of markup: semantic (``header``, ``nav``,
  ``article``, ``footer``), plain ``div``s whose classes say nothing, or an old table layout; headings
  as ``h3`` or as a bold paragraph, captions as ``figcaption`` or as the line under an image; UTF-8, or
  GB2312 declared in a ``<meta charset>``;
* **Word**: a document with the styles Title, Subtitle, Heading 2 and Caption (or without styles, bold
  and centred lines only), a running header and footer;
* **PDF**: the same document printed by Chromium (which the tests and ``make eval`` drive through
  Playwright, with Debian's ``chromium``), with a running header and page numbers in one of several
  styles, CJK text in Noto Serif CJK: a real text layer, with the fonts, sizes and positions of a
  printed page.

Chrome and furniture lines are listed with each case, so that the scorer can find them if they leak
into the reading text.
"""

from __future__ import annotations

import atexit
import html
import io
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.layouts import HEADLINE_KINDS, RefBlock, RefReport, fill, note_under_headline
from evaluation.vocab import Site, Vocabulary

MARKUPS = ("semantic", "divs", "table")
PAGE_NUMBERS = ("- {n} -", "第 {n} 页", "{n} / {total}", "· {n} ·", "{n}")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Document:
    """A rendered file: its bytes, its extension, the blocks it should give, its chrome and furniture."""

    data: bytes
    extension: str
    expected: list[RefBlock]
    chrome: list[str] = field(default_factory=list)


def chromium() -> str | None:
    """Debian's Chromium, if installed (no browser is ever downloaded)."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# --- HTML -------------------------------------------------------------------------------------------


def render_html(report: RefReport, site: Site, vocab: Vocabulary, rng: random.Random, others: list[str],
                markup: str, encoding: str = "utf-8") -> Document:
    blocks = note_under_headline(list(report.blocks))
    e = html.escape
    chrome: list[str] = []

    def lines_of(templates: tuple[str, ...]) -> list[str]:
        found = []
        for template in templates:
            if template == "{related}":
                found += rng.sample(others, min(len(others), rng.randint(2, 4)))
            else:
                found.append(fill(template, rng, vocab, name=site.name, prev=rng.choice(others),
                                  next=rng.choice(others)))
        return found

    top, tail = lines_of(site.top), lines_of(site.tail)
    dateline = [fill(line, rng, vocab, name=site.name) for line in rng.choice(site.dateline)]
    under = [fill(line, rng, vocab, name=site.name) for line in site.under_dateline]
    editor = [fill(line, rng, vocab, name=site.name) for line in site.editor]
    chrome += top + tail + under
    head = [b for b in blocks if b.kind in HEADLINE_KINDS]
    body = [b for b in blocks if b.kind not in HEADLINE_KINDS]
    heading_tag = rng.choice(["h3", "strong"])
    figure = rng.random() < 0.5

    headline = []
    for block in head:
        if block.kind == "title":
            headline.append(f"<h1>{e(block.zh)}</h1>")
        elif block.kind == "kicker":
            headline.append(f'<p class="yt">{e(block.zh)}</p>')
        else:
            headline.append(f"<h2>{e(block.zh)}</h2>")
    article = []
    for block in body:
        text = e(block.zh)
        if block.kind == "heading":
            article.append(f"<h3>{text}</h3>" if heading_tag == "h3" else f"<p><strong>{text}</strong></p>")
        elif block.kind == "caption":
            article.append(f'<figure><img src="photo.jpg" alt=""><figcaption>{text}</figcaption></figure>' if figure
                           else f'<p style="text-align:center"><img src="photo.jpg"></p>\n<p style="text-align:center">{text}</p>')
        else:
            article.append(f"<p>{text}</p>")
    info = "".join(f"<span>{e(line)}</span><br>" for line in dateline)
    buttons = "".join(f"<div>{e(line)}</div>" for line in under)
    credits = "".join(f"<p>{e(line)}</p>" for line in editor)
    related = [line for line in tail if line in others]
    rest = [line for line in tail if line not in others]
    if markup == "semantic":
        page = (f'<header><div class="logo">{e(site.name)}</div><nav>{_links(top[:1])}</nav></header>'
                f'<div class="breadcrumb">{_divs(top[1:])}</div>'
                f'<main><article>{"".join(headline)}<div class="info">{info}</div>{buttons}'
                f'<div class="content">{"".join(article)}</div>{credits}'
                f'<div class="share">分享到：微信 微博</div></article></main>'
                f'<aside class="related"><ul>{"".join(f"<li>{e(r)}</li>" for r in related)}</ul></aside>'
                f"<footer>{_divs(rest)}</footer>")
        chrome.append("分享到：微信 微博")
    elif markup == "divs":
        page = (f'<div class="top">{_divs(top)}</div><div class="wrap"><div class="box">{"".join(headline)}'
                f'<div class="msg">{info}</div>{buttons}<div class="txt">{"".join(article)}</div>{credits}</div>'
                f'<div class="bottom">{_divs(tail)}</div></div>')
    else:
        page = (f'<table width="100%"><tr><td>{_divs(top)}</td></tr><tr><td>{"".join(headline)}</td></tr>'
                f'<tr><td>{info}</td></tr><tr><td>{buttons}{"".join(article)}{credits}</td></tr>'
                f"<tr><td>{_divs(tail)}</td></tr></table>")
    title = next((b.zh for b in head if b.kind == "title"), "")
    charset = "gb2312" if encoding == "gb18030" else encoding
    document = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="{charset}">'
                f"<title>{e(title)}_{e(site.name)}</title><script>var x = '<p>not text</p>';</script>"
                f'</head><body>{page}</body></html>\n')
    return Document(document.encode(encoding), ".html", blocks, chrome)


def _divs(lines: list[str]) -> str:
    return "".join(f"<div>{html.escape(line)}</div>" for line in lines)


def _links(lines: list[str]) -> str:
    return "".join("".join(f'<a href="#">{html.escape(part)}</a>' for part in line.split("|")) for line in lines)


# --- Word ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PagedParts:
    """What a printed or Word document carries besides the report: running head and foot, a bulletin's
    masthead above the report and its distribution list and colophon below it (paratext, not blocks)."""

    header: str | None = None
    footer: str | None = None
    masthead: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()


def render_docx(report: RefReport, outlet: str, rng: random.Random, *, styled: bool,
                parts: PagedParts | None = None) -> Document:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    parts = parts or PagedParts(header=outlet, footer=f"- {rng.randint(1, 9)} -")
    blocks = list(report.blocks)
    document = docx.Document()
    if parts.header:
        document.sections[0].header.paragraphs[0].text = parts.header
    if parts.footer:
        document.sections[0].footer.paragraphs[0].text = parts.footer

    def centred(text: str, *, bold: bool = False, size: float | None = None) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for number, line in enumerate(parts.masthead):
        centred(line, bold=number == 0, size=26 if number == 0 else None)
    for block in blocks:
        if styled and block.kind == "title":
            paragraph = document.add_paragraph(block.zh, style="Title")
        elif styled and block.kind == "subtitle":
            paragraph = document.add_paragraph(block.zh, style="Subtitle")
        elif styled and block.kind == "heading":
            paragraph = document.add_paragraph(block.zh, style="Heading 2")
        elif styled and block.kind == "caption":
            paragraph = document.add_paragraph(block.zh, style="Caption")
        else:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.zh)
            if block.kind in ("title", "kicker", "subtitle", "heading"):
                run.bold = True
            if block.kind in ("title", "kicker", "subtitle", "caption"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if block.kind == "byline":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if block.kind == "paragraph":
                paragraph.paragraph_format.first_line_indent = Pt(24)
    for line in parts.closing:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return Document(buffer.getvalue(), ".docx", blocks, [x for x in (parts.header, parts.footer) if x])


# --- PDF ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintStyle:
    """How a document is set when printed: the axes the PDF family steps through."""

    body: float = 12.0  # pt
    title: float = 20.0
    heading: str = "bold"  # "bold", "larger" (set larger, not bold), "indented" (bold, indented 2em)
    caption: float = 10.0
    indent: bool = True  # paragraphs begin with a 2em indent (else: spaced apart, no indent)
    justify: bool = True
    line_height: float = 1.7


def print_html(report: RefReport, style: PrintStyle = PrintStyle(), parts: PagedParts = PagedParts()) -> str:
    """The report as a printed document (one column, Word-like), for the PDF renderer."""
    e = html.escape
    heading = {"bold": "font-weight: bold;", "larger": f"font-size: {style.body * 1.25:.1f}pt;",
               "indented": "font-weight: bold; text-indent: 2em;"}[style.heading]
    css = f"""
@page {{ size: A4; }}
body {{ font-family: 'Noto Serif CJK SC', serif; font-size: {style.body}pt; line-height: {style.line_height};
        margin: 0; }}
h1 {{ font-size: {style.title}pt; text-align: center; margin: 0.6em 0; line-height: 1.4; }}
.masthead {{ font-size: 26pt; font-weight: bold; text-align: center; color: #c00; margin: 0; }}
.masthead-more {{ text-align: center; margin: 0 0 1.5em 0; }}
.kicker, .subtitle {{ font-size: {(style.body + style.title) / 2:.1f}pt; text-align: center; margin: 0.3em 0; }}
.heading {{ {heading} margin: 0.8em 0 0 0; }}
p.text {{ text-indent: {"2em" if style.indent else "0"}; margin: {"0" if style.indent else "0 0 0.8em 0"};
          text-align: {"justify" if style.justify else "left"}; }}
.caption {{ font-size: {style.caption}pt; text-align: center; margin: 0.4em 0; }}
.byline {{ text-align: right; margin: 0.5em 0; }}
.note {{ text-indent: 2em; margin: 0 0 1em 0; }}
.closing {{ border-top: 1px solid #000; margin-top: 2em; padding-top: 0.3em; }}
.closing p {{ margin: 0; }}
"""
    parts_html = [f'<p class="{"masthead" if n == 0 else "masthead-more"}">{e(line)}</p>'
                  for n, line in enumerate(parts.masthead)]
    for block in report.blocks:
        kind, text = block.kind, e(block.zh)
        tag = {"title": "<h1>{}</h1>", "kicker": '<div class="kicker">{}</div>', "subtitle": '<div class="subtitle">{}</div>',
               "heading": '<p class="heading">{}</p>', "caption": '<p class="caption">{}</p>',
               "byline": '<p class="byline">{}</p>', "note": '<p class="note">{}</p>'}.get(kind, '<p class="text">{}</p>')
        parts_html.append(tag.format(text))
    if parts.closing:
        parts_html.append('<div class="closing">' + "".join(f"<p>{e(line)}</p>" for line in parts.closing) + "</div>")
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}</style></head>'
            f'<body>{"".join(parts_html)}</body></html>')


_running: list = []  # [playwright, browser] while PDFs are being printed


def _browser():
    if not _running:
        from playwright.sync_api import sync_playwright

        executable = chromium()
        if executable is None:
            raise RuntimeError("Debian's chromium is not installed (apt-get install chromium); no browser is downloaded")
        playwright = sync_playwright().start()
        _running[:] = [playwright, playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)]
        atexit.register(close_browser)
    return _running[1]


def close_browser() -> None:
    """Stop the browser that prints the PDFs (Playwright's sync API allows one instance per thread)."""
    if _running:
        playwright, browser = _running
        _running.clear()
        browser.close()
        playwright.stop()


def render_pdf_file(report: RefReport, outlet: str, rng: random.Random, *, header: bool, numbers: str,
                    style: PrintStyle = PrintStyle(), parts: PagedParts | None = None) -> Document:
    """The report printed by Chromium: running header and page numbers in the page margins (Chromium's
    header and footer templates), the report set in ``style``."""
    parts = parts or PagedParts(header=outlet if header else None)
    page = _browser().new_page()
    try:
        page.set_content(print_html(report, style, parts))
        css = 'style="font-size:9pt;width:100%;text-align:center;font-family:Noto Sans CJK SC"'
        number = numbers.replace("{n}", '<span class="pageNumber"></span>').replace(
            "{total}", '<span class="totalPages"></span>')
        foot = f"{html.escape(parts.footer)}　　{number}" if parts.footer else number
        data = page.pdf(format="A4", display_header_footer=True,
                        header_template=f"<div {css}>{html.escape(parts.header)}</div>" if parts.header else "<div></div>",
                        footer_template=f"<div {css}>{foot}</div>",
                        margin={"top": "28mm", "bottom": "28mm", "left": "25mm", "right": "25mm"})
    finally:
        page.close()
    chrome = [x for x in (parts.header, parts.footer) if x]
    return Document(data, ".pdf", list(report.blocks), chrome)


# --- the sweep's cases ----------------------------------------------------------------------------------

_BODY_SIZES = (10.5, 12.0, 14.0)
_HEADINGS = ("bold", "larger", "indented")


def render_case(family: str, vocab: Vocabulary, report: RefReport, step: int, rng: random.Random,
                others: list[str]) -> tuple[Document, dict[str, object]]:
    """One document of ``family`` (html-file, docx-file, pdf-file) and what was varied to make it. The
    main axes are stepped through with ``step``; the rest are drawn from ``rng``."""
    if family == "html-file":
        site = vocab.sites[step % len(vocab.sites)]
        markup = MARKUPS[step % len(MARKUPS)]
        encoding = ("utf-8", "gb18030")[step // len(MARKUPS) % 2]
        document = render_html(report, site, vocab, rng, others, markup, encoding)
        return document, {"site": site.name, "markup": markup, "encoding": encoding}
    paged = vocab.paged
    outlet = rng.choice(vocab.sites).name
    parts = PagedParts(
        header=fill(rng.choice(paged.headers), rng, vocab, name=outlet) if step % 3 else None,
        footer=fill(rng.choice(paged.footers), rng, vocab) if rng.random() < 0.3 else None,
        masthead=tuple(fill(line, rng, vocab) for line in rng.choice(paged.mastheads)) if rng.random() < 0.3 else (),
        closing=tuple(fill(line, rng, vocab) for line in rng.choice(paged.closing)) if rng.random() < 0.25 else (),
    )
    params: dict[str, object] = {"running header": parts.header is not None, "running footer": parts.footer is not None,
                                 "masthead": bool(parts.masthead), "closing": bool(parts.closing)}
    if family == "docx-file":
        styled = step % 2 == 0
        footer = parts.footer or f"- {rng.randint(1, 9)} -"
        document = render_docx(report, outlet, rng, styled=styled, parts=PagedParts(parts.header, footer,
                                                                                   parts.masthead, parts.closing))
        return document, params | {"styles": styled}
    if family == "pdf-file":
        numbers = PAGE_NUMBERS[step % len(PAGE_NUMBERS)]
        body = _BODY_SIZES[step % len(_BODY_SIZES)]
        style = PrintStyle(body=body, title=round(body * rng.uniform(1.35, 1.9), 1),
                           heading=_HEADINGS[step // len(_BODY_SIZES) % len(_HEADINGS)],
                           caption=round(body * rng.uniform(0.72, 0.88), 1), indent=rng.random() < 0.75,
                           justify=rng.random() < 0.7, line_height=rng.choice((1.5, 1.7, 2.0)))
        document = render_pdf_file(report, outlet, rng, header=parts.header is not None, numbers=numbers,
                                   style=style, parts=parts)
        return document, params | {"page numbers": numbers.format(n=2, total=7), "body size": body,
                                   "headings": style.heading, "indent": style.indent}
    raise ValueError(f"unknown document family {family!r}")
