"""Segment a web-page extraction: one paragraph per line, wrapped in site chrome.

Evidence used, line by line (the rules and their names are on the Editorial method page):

* chrome rules (:mod:`edition.clean.chrome`) above the headline, and from the first chrome line
  after the article has begun (a paragraph that ends a sentence) to the end of the page — unless
  more prose follows that line than precedes it (then the line alone is omitted, with a doubt);
* a reposted article's card: its first line (a chrome rule), the account's name under it and the
  account's one-sentence description under that;
* where a date or account line stands near the top, the headline is the run of (at most three)
  headline-like lines right above it, and what stands above that run is the page's head;
* the headline is otherwise the first run of headline-like lines (short, no sentence-final
  punctuation); with several lines the longest is the title, lines above it a kicker, lines below
  a subtitle; a later line identical to the title is the page repeating it;
* a web page's date/source line, a WeChat account line, the editor line and credits are paratext;
  so is a bare name between the headline and the date line (the account's, with a doubt), and a
  province's name right under the date line;
* a date or source field under two other fields is a row of a metadata table, not the date line;
* a photo caption ends with a photo credit (…供图, …/图, …摄, also in brackets), or is a single
  sentence standing after an empty gap where an image was;
* other headline-like lines are section headings; after the article's last paragraph, a heading or
  a line without a sentence is the page's tail;
* a line that stops mid-sentence and is long or holds a comma is a paragraph broken in two: it is
  joined to the next; so is a line that opens with punctuation no line may open with (”，。…).
"""

from __future__ import annotations

import re

from edition.clean import chrome
from edition.clean import paratext as para
from edition.clean.normalise import normalise
from edition.clean.text import CONTINUING, LINE_CONTINUING, display_width, ends_sentence
from edition.model import Block, Doubt, Omission, Paratext, Piece

_HEADLINE_MAX_WIDTH = 60  # columns (30 Chinese characters)
_IMAGE_GAP = 2  # empty lines where the page had an image
_HEAD_LINES = 12  # lines at the top of a page where its date line is looked for
_HEADLINE_LINES = 3  # kicker, title, subtitle
_CAPTION_MAX_WIDTH = 120  # columns: a caption without its credit is one sentence, at most 60 characters


def segment_web(raw_lines: list[str], doubts: list[Doubt] | None = None) -> list[Piece]:
    """The pieces of a web-page extraction. Where the layout leaves a decision in doubt, what was decided
    is added to ``doubts`` (the build reports them as warnings)."""
    doubts = [] if doubts is None else doubts
    lines = [(n, raw.strip(), gap) for n, raw, gap in _numbered(raw_lines)]
    card = _repost_card(lines)
    pieces: list[Piece] = []
    index = 0
    headline_at, dateline_at = _headline_above_dateline(lines)
    # Chrome above the headline, and a date or account line set above it; where the headline is known
    # by the date line under it, whatever stands above it is the page's head.
    while index < len(lines):
        number, raw, _ = lines[index]
        if number in card:
            pieces.append(_omit(lines[index], chrome.REPOST_CARD))
        elif (rule := chrome.match(raw)) is not None:
            pieces.append(_omit(lines[index], rule))
        elif chrome.site_name(raw) and index + 1 < len(lines):
            pieces.append(_omit(lines[index], chrome.SITE_NAME))
        elif _page_line(text := normalise(raw, pdf=False)):
            _add_dateline(pieces, text, number)
        elif headline_at is not None and index < headline_at:
            pieces.append(_omit(lines[index], chrome.PAGE_HEAD))
        else:
            break
        index += 1
    # The headline: the first line, if it is not a finished sentence, and the headline-like lines after it.
    head: list[tuple[int, str]] = []
    while index < len(lines):
        number, raw, gap = lines[index]
        text = normalise(raw, pdf=False)
        if any(text == seen for _, seen in head):
            pieces.append(_omit((number, raw, gap), chrome.REPEATED_TITLE))
            index += 1
            continue
        fits = _headline_like(text) or ((not head or index < dateline_at) and _title_like(text))
        if not fits or _page_line(text) or chrome.match(raw) or number in card:
            break
        head.append((number, text))
        index += 1
    if len(head) > 1 and index < len(lines) and _page_line(normalise(lines[index][1], pdf=False)) \
            and para.bare_name(head[-1][1]) and display_width(head[-1][1]) < display_width(head[0][1]):
        # A bare name between the title and the date line: the account's (or the platform page's) name.
        number, text = head.pop()
        pieces.append(Paratext("dateline", text, (number, number), rule="account-name"))
        doubts.append(Doubt((number, number), "a short name between the headline and the date line: read as the "
                                              "account's name (paratext); it may be a subtitle"))
    elif len(head) > 1 and para.bare_name(head[0][1]) and head[0][0] == lines[0][0]:
        doubts.append(Doubt((head[0][0], head[0][0]), "a short name on the page's first line, above the headline: "
                                                      "read as a kicker; it may be the account's name"))
    pieces.extend(_headline_blocks(head))
    title = max((text for _, text in head), key=display_width, default=None)

    in_tail = False
    seen_paragraph = False
    for at in range(index, len(lines)):
        number, raw, gap = lines[at]
        text = normalise(raw, pdf=False)
        rule = chrome.REPOST_CARD if number in card else chrome.match(raw)
        if not in_tail and rule is not None and seen_paragraph and rule is not chrome.DIVIDER:
            # The article ends at the first chrome after it has begun (a divider may stand inside) — unless
            # more of its prose follows than precedes: then the article has hardly begun, and the line is
            # omitted alone, with a doubt.
            before, after = _prose(pieces), _prose_after(lines[at + 1:])
            in_tail = after <= before
            if not in_tail:
                doubts.append(Doubt((number, number), f"chrome ({rule.name}) after a paragraph, with more prose "
                                                      f"after it ({after} characters) than before ({before}): "
                                                      "omitted alone, not read as the end of the article"))
        if in_tail:
            pieces.append(_omit((number, raw, gap), rule or chrome.TAIL))
        elif rule is not None:
            pieces.append(_omit((number, raw, gap), rule))
        elif title is not None and text == title:
            pieces.append(_omit((number, raw, gap), chrome.REPEATED_TITLE))
        elif text[0] in LINE_CONTINUING and _last_paragraph(pieces) is not None:
            _extend(_last_paragraph(pieces), text, number)  # no line opens with a closer or a comma
        elif para.credits(text) or (seen_paragraph and para.role_line(text)):
            pieces.append(Paratext("credits", text, (number, number), rule="credits"))
        elif para.dateline(text) or para.dateline_field(text) or para.account_line(text) or (
                para.place(text) and isinstance(pieces[-1] if pieces else None, Paratext)
                and pieces[-1].kind == "dateline" and pieces[-1].lines[1] >= number - 2):
            _add_dateline(pieces, text, number)  # (a place alone goes on the date line right above it)
        elif para.note(text):
            pieces.append(Block("note", text, (number, number), rule="note"))
        elif para.byline(text):
            pieces.append(Block("byline", text, (number, number), rule="byline"))
        elif _caption(text, gap):
            pieces.append(Block("caption", text, (number, number), rule=_caption_rule(text)))
        elif _headline_like(text):
            pieces.append(Block("heading", text, (number, number), rule="web-heading"))
        else:
            previous = pieces[-1] if pieces else None
            if isinstance(previous, Block) and previous.kind == "paragraph" and _broken(previous.zh):
                _extend(previous, text, number)
            else:
                pieces.append(Block("paragraph", text, (number, number), rule="web-paragraph"))
                seen_paragraph = seen_paragraph or ends_sentence(text)  # (a misread headline never is)
    pieces = after_the_last_paragraph(pieces, {number: raw for number, raw, _ in lines})
    _set_heading_levels(pieces)
    pieces.sort(key=lambda piece: piece.lines[0])
    return pieces


def _headline_above_dateline(lines: list[tuple[int, str, int]]) -> tuple[int | None, int]:
    """Where the headline begins, and where the date line under it stands, when there is one near the
    top of the page: the headline is the run of (at most three) headline-like lines right above the
    first date or account line that has one (not a row of a metadata table: a field under two other
    fields). (None, 0) where no such date line is found before the article begins."""
    for at, (_, raw, _) in enumerate(lines[:_HEAD_LINES]):
        text = normalise(raw, pdf=False)
        if ends_sentence(text) and not chrome.match(raw):
            return None, 0  # the article has begun: its head is over
        if not (para.dateline(text) or para.dateline_field(text) or para.account_line(text)):
            continue
        if at >= 2 and all(para.field_line(normalise(lines[i][1], pdf=False)) for i in (at - 1, at - 2)):
            continue  # a row of the page's metadata table (索引号：…, 发布机构：…), not the line under the headline
        if para.fields_row(text) and any(0 <= i < len(lines) and para.fields_row(normalise(lines[i][1], pdf=False))
                                         for i in (at - 1, at + 1)):
            continue  # one of a metadata table's rows of two fields each (索 引 号：…　　信息分类：…)
        start = at
        while start > 0 and at - start < _HEADLINE_LINES:
            above = normalise(lines[start - 1][1], pdf=False)
            if chrome.match(lines[start - 1][1]) or _page_line(above) or chrome.site_name(lines[start - 1][1]) or not (
                    _headline_like(above) or _title_like(above)) or (start < at and not phrase(above)):
                break
            start -= 1
        if start < at:
            return start, at
    return None, 0


def _repost_card(lines: list[tuple[int, str, int]]) -> set[int]:
    """The lines of a reposted article's card: its first line (以下文章来源于某某，…), the source account's
    name right under it (the name it gives, perhaps with a mark), and under the name one sentence of at
    most 60 characters, the account's description."""
    card: set[int] = set()
    for at, (number, raw, _) in enumerate(lines):
        if chrome.match(raw) is not chrome.REPOST_CARD:
            continue
        card.add(number)
        name = re.match(r"^以下文章来源于\s*([^\s，,：:]+)", raw)
        following = lines[at + 1:at + 3]
        if name is None or not following or name[1] not in following[0][1] \
                or display_width(following[0][1]) > display_width(name[1]) + 4:
            continue
        card.add(following[0][0])
        if len(following) > 1 and _one_sentence(following[1][1]):
            card.add(following[1][0])
    return card


def _one_sentence(text: str) -> bool:
    return ends_sentence(text) and sum(text.count(c) for c in "。！？") == 1 and display_width(text) <= _CAPTION_MAX_WIDTH


def _prose(pieces: list[Piece]) -> int:
    """Characters of the paragraphs so far."""
    return sum(len(p.zh) for p in pieces if isinstance(p, Block) and p.kind == "paragraph")


def _prose_after(lines: list[tuple[int, str, int]]) -> int:
    """Characters of prose in the lines: finished sentences that no rule takes for chrome or paratext, above
    the site's licence or copyright line (nothing under it is the article's)."""
    total = 0
    for _, raw, _ in lines:
        if chrome.page_bottom(raw):
            break
        text = normalise(raw, pdf=False)
        if ends_sentence(text) and "。" in text and chrome.match(raw) is None and not _page_line(text):
            total += len(text)
    return total


def phrase(text: str) -> bool:
    """A line that reads as a phrase, as a kicker does: no menu's symbols (~ / > …), at most one space."""
    return not _SYMBOLS.search(text) and text.count(" ") <= 1


_SYMBOLS = re.compile(r"[!-/:-@\[-`{-~]")


def after_the_last_paragraph(pieces: list[Piece], raw: dict[int, str]) -> list[Piece]:
    """After the article's last paragraph (the last holding a full stop) nothing but a caption, a byline,
    an editor's note or paratext belongs to it: a heading there heads nothing, and a line without a
    sentence there is the page's (other articles' titles, the site's calls to follow): both are the
    page tail."""
    last = max((i for i, p in enumerate(pieces) if isinstance(p, Block) and p.kind == "paragraph"
                and "。" in p.zh), default=None)
    if last is None:
        return pieces
    out = pieces[: last + 1]
    for piece in pieces[last + 1:]:
        if isinstance(piece, Block) and piece.kind in ("heading", "paragraph") and "。" not in piece.zh \
                and not ends_sentence(piece.zh):
            first, final = piece.lines
            out.append(Omission("\n".join(raw[n] for n in range(first, final + 1) if n in raw), piece.lines,
                                chrome.TAIL.name, chrome.TAIL.reason))
        else:
            out.append(piece)
    return out


def _page_line(text: str) -> bool:
    """A line of the page's head that is not the headline: its date/source line (or one of its fields),
    a WeChat account line, an editor line."""
    return para.dateline(text) or para.dateline_field(text) or para.account_line(text) or para.credits(text)


def _add_dateline(pieces: list[Piece], text: str, number: int) -> None:
    """A date/source line; its fields set on lines of their own, one under another, make one piece."""
    previous = pieces[-1] if pieces else None
    rule = "account-line" if para.account_line(text) else "dateline"
    if isinstance(previous, Paratext) and previous.kind == "dateline" and previous.lines[1] >= number - 2:
        pieces[-1] = Paratext("dateline", f"{previous.zh}\n{text}", (previous.lines[0], number), rule=previous.rule)
    else:
        pieces.append(Paratext("dateline", text, (number, number), rule=rule))


def _last_paragraph(pieces: list[Piece]) -> Block | None:
    previous = pieces[-1] if pieces else None
    return previous if isinstance(previous, Block) and previous.kind == "paragraph" else None


def _extend(paragraph: Block, text: str, number: int) -> None:
    """A paragraph the page broke in two (across an empty line), joined again."""
    paragraph.zh += text
    paragraph.lines = (paragraph.lines[0], number)
    paragraph.rule = "web-broken-paragraph"


def _numbered(raw_lines: list[str]):
    """Non-empty lines as (number, raw line, empty lines before it)."""
    gap = 0
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            gap += 1
            continue
        yield number, raw, gap
        gap = 0


def _omit(line: tuple[int, str, int], rule: chrome.ChromeRule) -> Omission:
    number, raw, _ = line
    return Omission(raw, (number, number), rule.name, rule.reason)


def _headline_like(text: str) -> bool:
    return (
        not ends_sentence(text)
        and "，" not in text
        and text[-1] not in CONTINUING
        and "。" not in text
        and display_width(text) <= _HEADLINE_MAX_WIDTH
    )


def _title_like(text: str) -> bool:
    """The page's first line may be a long headline, as long as it is no finished sentence."""
    return not ends_sentence(text) and "。" not in text and display_width(text) <= 2 * _HEADLINE_MAX_WIDTH


def _headline_blocks(head: list[tuple[int, str]]) -> list[Block]:
    if not head:
        return []
    main = max(range(len(head)), key=lambda i: (display_width(head[i][1]), -i))
    kinds = ["kicker"] * main + ["title"] + ["subtitle"] * (len(head) - main - 1)
    return [Block(kind, text, (number, number), rule="web-headline")
            for kind, (number, text) in zip(kinds, head, strict=True)]


def _caption_rule(text: str) -> str:
    return "web-caption-credit" if para.photo_credit(text) else "web-caption-after-gap"


def _caption(text: str, gap: int) -> bool:
    if para.photo_credit(text):
        return True
    single_sentence = text.count("。") == 1 and text.endswith("。")
    return gap >= _IMAGE_GAP and single_sentence and display_width(text) <= _CAPTION_MAX_WIDTH


def _broken(text: str) -> bool:
    """A paragraph line that stops mid-sentence (and is too long, or too comma-laden, to be a heading)."""
    return not ends_sentence(text) and text[-1] not in "：:" and (
        display_width(text) > _HEADLINE_MAX_WIDTH or "，" in text
    )


def _set_heading_levels(pieces: list[Piece]) -> None:
    """Headings that end in a dash (背景——) head sections; where they exist, the others are subsections."""
    headings = [p for p in pieces if isinstance(p, Block) and p.kind == "heading"]
    dashed = {id(h) for h in headings if h.zh.endswith("—")}
    for heading in headings:
        heading.level = 3 if dashed and id(heading) not in dashed else 2
