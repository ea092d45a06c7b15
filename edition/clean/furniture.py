"""Page furniture of a PDF text extraction: page numbers, running headers and footers, circulation marks.

They are found before any line is joined to another, so that none can end up inside a paragraph,
and are recorded in the apparatus of omissions. The evidence:

* a **page number** by its shape: a number of one to three digits alone on its line, in square
  or round brackets or set between dashes, dots or tildes (``2``, ``[2]``, ``（2）``, ``— 2 —``,
  ``- 2 -``, ``·2·``),
  or with the words of a page count (``第2页``, ``第 2 页 共 7 页``, ``2/7``, ``2-7``, ``2 of 7``,
  ``2 共7页``, ``Page 2``, ``P2``); and by its sequence: the numbers of a document's page-number
  lines increase, so a number smaller than the one before is not one;
* a **circulation or security marking** (``内部资料``, ``注意保存``, ``请勿外传``, ``机密★``) by its words,
  wherever it is printed;
* a **running header or footer** by repetition at the page breaks: a short line that is no
  sentence and occurs (its digits aside) at least twice, each time beside a page number or a form
  feed, or at the very top or bottom of the text; or at least three times at regular intervals;
  in a text of one or two pages, where nothing repeats, by its place beside the page number or at
  the top of the one page (with a doubt where a heading could stand there); inside a sentence
  that runs on across the break such a line may be wider (nothing else can stand there); the
  page's address (a URL alone on its line, as a browser prints it) is a footer whatever its width.

A line of text never consists of a bare number or a page count once wrapped at 30 columns or
more, and a sentence is never repeated word for word at every page break, so neither rule can
take a line of the reading text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict

from edition.clean import paratext as para
from edition.clean.layout import typical_line_width
from edition.clean.text import display_width, ends_sentence, starts_with_enumerator
from edition.model import Doubt, Omission

PAGE_NUMBER_RULE = ("page-number", "page number")
RUNNING_RULE = ("running-head", "running header or footer, repeated at the page breaks")
MARKING_RULE = ("circulation-mark", "the document's circulation or security marking")
# Circulation and security markings printed on an official document's pages (GB/T 9704): 内部资料,
# 注意保存, 请勿外传, 仅供参阅, 机密★ …
_MARKING = re.compile(r"内部(?:资料|刊物|参阅|发行|文件)|注意保存|(?:请勿|不得|严禁)外传|仅供(?:内部)?参阅"
                      r"|^(?:绝密|机密|秘密)(?:\s*★|\s|$)")

_DECOR = r"[\s\-‐‑–—―－~～·•・∙]*"
_OPEN, _CLOSE = r"[\[［〔【（(]?", r"[\]］〕】）)]?"  # a number may stand in brackets: [2], （2）
_PAGE_NUMBER = re.compile(
    rf"^{_DECOR}(?:{_OPEN}(?P<bare>\d{{1,3}}){_CLOSE}"
    r"|第\s*(?P<nth>\d{1,3})\s*页(?:\s*[,，/、（(]?\s*共\s*\d{1,3}\s*页[）)]?)?"
    r"|共\s*\d{1,3}\s*页\s*[,，/、]?\s*第\s*(?P<nth2>\d{1,3})\s*页"
    r"|(?P<of>\d{1,3})\s*(?:[/／\-－]|(?i:of))\s*(?P<total>\d{1,3})"
    r"|(?P<count>\d{1,3})\s*[,，/]?\s*共\s*\d{1,3}\s*页"
    rf"|(?i:page|p\.?)\s*(?P<page>\d{{1,3}})(?:\s*(?i:of|/)\s*\d{{1,3}})?){_DECOR}$"
)
_MAX_RUNNING_WIDTH = 60  # columns: a running header or footer is one short line
_NEAR = 2  # text lines between a running header or footer and the page number or page break
_WIDER = 1.5  # a one-page text's header above a headline line at least this many times as wide
_LONE_PAGES = 2  # a header or footer is printed once only in a text of at most two pages
_LONE_SHARE = 0.6  # a header on one page only is at most this share of a full line
_REGULAR = 1.25  # regular repetitions: the longest interval at most this times the shortest …
_PAGE_LINES = 12  # … and the shortest at least a page (text lines)
_INSIDE_SHARE = 0.85  # inside a sentence running on across the break, a lone header is at most this share of a line
_URL = re.compile(r"^(?:https?://|www\.)\S+$")  # the page's address, as a browser prints it at the foot of a page


def page_number(text: str) -> int | None:
    """The page number a line shows by its shape alone, or None."""
    match = _PAGE_NUMBER.match(text.strip())
    if match is None:
        return None
    if match["of"] is not None and int(match["of"]) > int(match["total"]):
        return None  # 9/7 is no page count
    value = next(v for v in (match["bare"], match["nth"], match["nth2"], match["of"], match["count"], match["page"])
                 if v)
    return int(value)


def page_break(raw: str) -> bool:
    """A form feed: pdftotext writes one where a page ends."""
    return "\f" in raw


def find_furniture(raw_lines: list[str], doubts: list[Doubt] | None = None) -> list[Omission]:
    """Every page number and running header or footer of a PDF extraction, one omission per line.
    Where a lone line beside a page number may be a running header or a heading, it is taken for
    the header and the doubt is added to ``doubts``."""
    texts = [(n, raw.strip()) for n, raw in enumerate(raw_lines, start=1) if raw.strip()]
    numbers = _page_numbers(texts)
    boundaries = set(numbers) | {n for n, raw in enumerate(raw_lines, start=1) if page_break(raw)}
    running = _running(texts, boundaries)
    full = typical_line_width(raw_lines)
    lone = {} if len(numbers) > _LONE_PAGES else _lone_heads(texts, set(numbers) | running, full)
    lone |= _single_page_head(texts, numbers, running, full)
    running |= set(lone)
    if doubts is not None:
        doubts.extend(Doubt((n, n), message) for n, message in lone.items() if message)
    marks = {n for n, text in texts if display_width(text) <= _MAX_RUNNING_WIDTH and _MARKING.search(text)}
    running |= marks
    out = [Omission(raw_lines[n - 1], (n, n), *PAGE_NUMBER_RULE) for n in numbers]
    out += [Omission(raw_lines[n - 1], (n, n), *(MARKING_RULE if n in marks else RUNNING_RULE))
            for n in running if n not in numbers]
    return sorted(out, key=lambda o: o.lines)


def _lone_heads(texts: list[tuple[int, str]], furniture: set[int], full: int) -> dict[int, str]:
    """Running headers and footers printed once only (a text of two pages whose first page had no
    header; a one-page text with its footer once; in a longer text they would repeat): a line well
    short of the text's lines, no sentence, right under or above a page number (``furniture``: the
    page numbers and the running lines already found). Inside a sentence that runs on across the
    page break it can only be furniture; between two blocks it might be a heading at the top or
    foot of a page: it is still taken for furniture, and a doubt says so."""
    found: dict[int, str] = {}
    for index, (number, text) in enumerate(texts):
        if number not in furniture or page_number(text) is None:
            continue
        for at, where in ((index + 1, "under"), (index - 1, "above")):
            if not 0 <= at < len(texts) or texts[at][0] in furniture:
                continue
            before = next((t for n, t in reversed(texts[:min(at, index)]) if n not in furniture), "")
            inside_sentence = bool(before) and not ends_sentence(before)
            if _URL.match(texts[at][1]):
                found[texts[at][0]] = ""  # the page's address: never a heading
                continue
            if not _header_shaped(texts[at][1], full, _INSIDE_SHARE if inside_sentence else _LONE_SHARE):
                continue
            found[texts[at][0]] = "" if inside_sentence else (
                f"a line on its own {where} the page number of line {number}: read as a running "
                f"{'header' if where == 'under' else 'footer'} printed on one page only; it may be a heading")
    return found


def _single_page_head(texts: list[tuple[int, str]], numbers: list[int], running: set[int],
                      full: int) -> dict[int, str]:
    """The running header of a text of one page (one page number), which nothing repeats: its first
    line, if a bulletin's masthead follows (nothing stands above a masthead but the header), or a
    headline line half as wide again (it may be a kicker: a doubt says so; a title's lines, broken
    where the type is full, are about as wide as each other)."""
    if len(numbers) != 1 or len(texts) < 3 or texts[0][0] in running:
        return {}
    (line, text), (_, following) = texts[0], texts[1]
    if not _header_shaped(text, full) or para.masthead(text, first_line=True) or para.masthead_above(text, following):
        return {}
    if para.masthead(following, first_line=True):
        return {line: ""}
    if _header_shaped(following, full * 2) and display_width(following) >= _WIDER * display_width(text):
        return {line: "the first line of a one-page text, above its headline: read as a running header; "
                      "it may be a kicker"}
    return {}


def _header_shaped(text: str, full: int, share: float = _LONE_SHARE) -> bool:
    """Well short of a line of text, no sentence, no number, no caption, byline or numbered or dashed heading."""
    return (display_width(text) <= min(_MAX_RUNNING_WIDTH, full * share) and not ends_sentence(text)
            and page_number(text) is None
            and not para.byline(text) and not para.photo_credit(text) and not starts_with_enumerator(text)
            and not text.endswith("——") and not any(c in text for c in "，。；"))


def _page_numbers(texts: list[tuple[int, str]]) -> list[int]:
    """Lines shaped like page numbers whose numbers increase through the document."""
    found, last = [], 0
    for number, text in texts:
        value = page_number(text)
        if value is not None and (not found or value > last):
            found.append(number)
            last = value
    return found


def _key(text: str) -> str:
    """A line as it repeats from page to page: spaces aside, its digits (a page number) aside."""
    return re.sub(r"\d+", "#", "".join(text.split()))


def _running(texts: list[tuple[int, str]], boundaries: set[int]) -> set[int]:
    numbers = [number for number, _ in texts]
    near_boundary = set()
    for boundary in boundaries:  # the text lines around it (a form feed may stand on an empty line)
        at = bisect.bisect_left(numbers, boundary)
        near_boundary.update(range(at - _NEAR, at + _NEAR + 1))
    edges = {0, len(texts) - 1}
    places: dict[str, list[int]] = defaultdict(list)
    for index, (_, text) in enumerate(texts):
        if _header_shaped(text, _MAX_RUNNING_WIDTH / _LONE_SHARE) or _URL.match(text):
            places[_key(text)].append(index)
    running: set[int] = set()
    for indexes in places.values():
        if len(indexes) < 2:
            continue
        at_breaks = [i for i in indexes if i in near_boundary or i in edges]
        if sum(i in near_boundary for i in indexes) >= 1 and len(at_breaks) >= 2:
            running.update(texts[i][0] for i in at_breaks)
        elif _regular(indexes):
            running.update(texts[i][0] for i in indexes)
    return running


def _regular(indexes: list[int]) -> bool:
    """At least three repetitions, at intervals (in text lines) about equal: one per page."""
    intervals = [b - a for a, b in itertools.pairwise(indexes)]
    return len(intervals) >= 2 and min(intervals) >= _PAGE_LINES and max(intervals) <= _REGULAR * min(intervals)
