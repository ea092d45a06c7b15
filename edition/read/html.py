"""Saved web pages: the page's text, line by line, and what its markup says of each line.

Parsed with lxml (the HTML parser of libxml2: fast, lenient with the broken markup of real sites,
well kept). The article is found by the page's structure, with rules of our own rather than
trafilatura or readability-lxml: those return the article's text and throw the rest away, but an
edition must account for every line of the page (what was left out is listed in the apparatus of
omissions, with the reason), and must take headings, captions and the title from the markup. So:

* every block element (``p``, ``div``, ``li``, ``h1``–``h6``, ``td``, ``figcaption`` …) and every
  ``<br>`` ends a line; the text of ``script``, ``style``, ``template`` and form controls is no text;
* a line inside ``nav``, ``footer``, ``aside``, ``form``, a page ``header``, an element whose role is
  navigation, banner, contentinfo, complementary or search, or whose class or id names a menu,
  breadcrumb, footer, share bar, related list, comment box, sidebar or the like is chrome;
* the article is the ``article`` element, ``[itemprop=articleBody]`` or ``main``, or else the element
  that holds most of the page's paragraph text (a readability-style score), widened to hold the
  ``h1`` too; a line outside it is marked so, and the cleaning reads it as the page's head or tail;
* the title is the ``h1`` (or, without one, the line matching ``og:title`` or ``<title>``); ``h2``–``h6``
  are headings; ``figcaption``, a line whose class names a caption, and the short line right under an
  image are captions; a paragraph set entirely in bold is marked bold.

The encoding comes from a byte-order mark, then the ``<meta charset>`` (GB2312 and GBK are read as
their superset GB18030), then UTF-8; bytes that are not what the page declares are an error naming the
byte. The page's ``<title>``, ``og:title``, author and date meta tags are kept as evidence for the catalog.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from edition.errors import EditionError
from edition.model import LineHint

BLOCK = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "caption",
}
NO_TEXT = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select", "option",
           "textarea", "input", "button", "head", "title", "meta", "link"}
CHROME_TAGS = {"nav": "navigation", "footer": "page footer", "aside": "sidebar", "form": "a form"}
CHROME_ROLES = {"navigation": "navigation", "banner": "page header", "contentinfo": "page footer",
                "complementary": "sidebar", "search": "search box"}
# Words that class and id attributes of site chrome use, by what they mean (a class is split into words).
# Widgets are chrome wherever they stand, also inside the article (a share bar under the text):
WIDGET_WORDS = {
    "nav": "navigation", "navbar": "navigation", "menu": "navigation", "breadcrumb": "breadcrumb trail",
    "breadcrumbs": "breadcrumb trail", "crumb": "breadcrumb trail", "copyright": "copyright footer",
    "share": "share buttons", "social": "share buttons", "related": "related articles",
    "recommend": "related articles", "comment": "comments", "comments": "comments", "toolbar": "toolbar",
    "login": "login box", "search": "search box", "ad": "advertisement", "ads": "advertisement",
    "qrcode": "QR code", "qr": "QR code", "print": "print buttons", "pager": "page links",
    "pagination": "page links", "prevnext": "previous/next links",
}
# Parts of the page's frame are chrome only outside the article (an article has a header of its own):
FRAME_WORDS = {
    "topbar": "page header", "header": "page header", "banner": "page header", "footer": "page footer",
    "foot": "page footer", "sidebar": "sidebar", "side": "sidebar", "position": "breadcrumb trail",
    "location": "breadcrumb trail",
}
CAPTION_WORDS = {"caption", "pic-text", "imgtxt", "img-desc", "photo-desc", "figcaption", "pictext"}
ARTICLE_ATTRS = ("articleBody",)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}
_CAPTION_MAX = 80  # characters: the line under an image is a caption if it is no longer


@dataclass(frozen=True)
class HtmlText:
    lines: list[str]
    hints: dict[int, LineHint]
    metadata: dict[str, str]
    encoding: str


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """The page's text and the encoding it was read in."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _decode(data, encoding, name), encoding
    declared = _CHARSET.search(data[:4096])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    encoding = "gb18030" if encoding in _GB else encoding
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise EditionError(name, f"declares the unknown encoding {encoding!r} in its <meta charset>") from None
    if declared is None:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return _decode(data, "gb18030", name), "gb18030"
    return _decode(data, encoding, name), encoding


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise EditionError(name, f"is not {encoding} as it declares: {err.reason} at byte {err.start}", line) from None


def read_html(data: bytes, name: str) -> HtmlText:
    import lxml.html
    from lxml import etree

    text, encoding = decode_html(data, name)
    try:
        root = lxml.html.document_fromstring(text.lstrip("\ufeff") or "<html></html>")
    except (etree.ParserError, ValueError) as err:
        raise EditionError(name, f"cannot be parsed as HTML: {err}") from None
    metadata = _metadata(root)
    body = root.find("body") if root.find("body") is not None else root
    article = _article(body)
    title_text = _title_text(root, metadata)
    lines: list[str] = []
    hints: dict[int, LineHint] = {}
    previous_image = False
    for line, element, after_image in _lines(body):
        lines.append(line)
        hints[len(lines)] = _hint(line, element, article, title_text, after_image or previous_image)
        previous_image = False
    if not any(hints[n].role != "chrome" for n in hints):
        raise EditionError(name, "holds no article: every line of the page is navigation, footer or other chrome")
    if not lines:
        raise EditionError(name, "holds no text: the page is empty (or all script)")
    _mark_title(lines, hints, title_text)
    return HtmlText(lines, hints, metadata, encoding)


def _lines(body) -> Iterator[tuple[str, object, bool]]:
    """(text, the block element it belongs to, whether an image stands right before it) for every line."""
    current: list[str] = []
    state = {"owner": body, "image": False}

    def flush() -> Iterator[tuple[str, object, bool]]:
        text = " ".join("".join(current).split())
        current.clear()
        if text:
            yield text, state["owner"], state["image"]
            state["image"] = False

    def walk(element) -> Iterator[tuple[str, object, bool]]:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in NO_TEXT:
            if element.tail:
                current.append(element.tail)
            return
        if tag == "img":
            yield from flush()
            state["image"] = True
            if element.tail:
                current.append(element.tail)
            return
        block = tag in BLOCK or tag == "br"
        if block:
            yield from flush()
            state["owner"] = element if tag != "br" else state["owner"]
        if element.text and tag != "br":
            current.append(element.text)
        for child in element:
            yield from walk(child)
            if tag in BLOCK and isinstance(child.tag, str) and child.tag in BLOCK:
                state["owner"] = element
        if block:
            yield from flush()
        if element.tail:
            current.append(element.tail)

    yield from walk(body)
    yield from flush()


def _classes(element) -> list[str]:
    words = []
    for attribute in ("class", "id"):
        words += _WORD.findall((element.get(attribute) or "").lower().replace("_", "-"))
    return words


def _chrome_reason(element, article) -> str | None:
    """Why the element's lines are chrome, or None: by tag, ARIA role, or class and id words."""
    above_article = set(article.iterancestors()) | {article} if article is not None else set()
    inside_article = article is not None and (element is article or article in element.iterancestors())
    for node in [element, *element.iterancestors()]:
        if node in above_article:
            return None  # what contains the article is no chrome
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in CHROME_TAGS:
            return f"{CHROME_TAGS[tag]} (<{tag}>)"
        if tag == "header" and not inside_article:
            return "page header (<header>)"
        role = (node.get("role") or "").lower()
        if role in CHROME_ROLES:
            return f"{CHROME_ROLES[role]} (role={role})"
        for word in _classes(node):
            if word in WIDGET_WORDS or (word in FRAME_WORDS and not inside_article):
                return f"{WIDGET_WORDS.get(word) or FRAME_WORDS[word]} (class or id “{word}”)"
    return None


def _hint(text: str, element, article, title: str | None, after_image: bool) -> LineHint:
    tag = element.tag if isinstance(element.tag, str) else ""
    outside = article is not None and element is not article and article not in element.iterancestors()
    reason = _chrome_reason(element, article)
    if reason is not None:
        return LineHint(role="chrome", reason=reason, outside=outside)
    if tag == "h1":
        return LineHint(role="title", outside=outside)
    if tag in ("h2", "h3", "h4", "h5", "h6"):
        return LineHint(role="heading", level=2 if tag == "h2" else 3, outside=outside)
    caption = tag == "figcaption" or any(w in CAPTION_WORDS for n in (element, element.getparent())
                                         if n is not None for w in _classes(n))
    if caption or (after_image and len(text) <= _CAPTION_MAX):
        return LineHint(role="caption", outside=outside)
    return LineHint(bold=_all_bold(element), outside=outside)


def _all_bold(element) -> bool:
    """The element's text is all inside <b> or <strong>."""
    text = "".join(element.itertext()).strip()
    bold = "".join("".join(b.itertext()) for b in element.iter("b", "strong")).strip()
    return bool(text) and len(bold) >= len(text)


def _article(body):
    """The page's main content: marked as such, or the element holding most paragraph text."""
    for element in body.iter("article", "main"):
        return element
    for element in body.iter():
        if isinstance(element.tag, str) and element.get("itemprop") in ARTICLE_ATTRS:
            return element
    best, best_score = None, 0
    for element in body.iter("div", "section", "td"):
        score = sum(len("".join(p.itertext()).strip()) for p in element if isinstance(p.tag, str) and p.tag == "p")
        if score > best_score:
            best, best_score = element, score
    heading = next(iter(body.iter("h1")), None)
    if best is not None and heading is not None and best not in heading.iterancestors():
        for ancestor in best.iterancestors():  # the article holds its headline too
            if ancestor is body:
                break
            if ancestor in heading.iterancestors():
                return ancestor
    return best


def _metadata(root) -> dict[str, str]:
    found: dict[str, str] = {}
    title = root.find(".//title")
    if title is not None and (title.text or "").strip():
        found["title"] = " ".join(title.text.split())
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        value = " ".join((meta.get("content") or "").split())
        names = {"og:title": "og:title", "author": "author", "article:author": "author", "pubdate": "date",
                 "publishdate": "date", "article:published_time": "date", "description": "description"}
        if value and key in names and names[key] not in found:
            found[names[key]] = value
    return found


def _title_text(root, metadata: dict[str, str]) -> str | None:
    for h1 in root.iter("h1"):
        text = " ".join("".join(h1.itertext()).split())
        if text:
            return text
    return metadata.get("og:title") or metadata.get("title")


def _mark_title(lines: list[str], hints: dict[int, LineHint], title: str | None) -> None:
    """Without an <h1>, the line that is the page's og:title or <title> (or begins it) is the title."""
    if title is None or any(h.role == "title" for h in hints.values()):
        return
    for number, line in enumerate(lines, start=1):
        hint = hints[number]
        if hint.role is None and line and (title == line or title.startswith(line)) and len(line) >= 4:
            hints[number] = LineHint(role="title", outside=hint.outside)
            return
