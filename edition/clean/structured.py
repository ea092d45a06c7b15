"""Segment a source whose markup says what each line is: a saved web page or a Word document.

Such a source comes one paragraph a line (edition.read.html, edition.read.docx), so no line is ever
joined to another; what each line is comes first from the markup, then from the same line rules the
text layouts use (edition.clean.chrome, edition.clean.paratext):

* a line the markup puts in the page's chrome (navigation, header, footer, sidebar, share bar …) or
  the document's running header or footer is omitted, with the markup's reason (``markup-chrome``,
  ``document-furniture``);
* the title is the markup's (``h1``, the ``Title`` style, or the line that is the page's ``og:title``);
  a headline-like line right above it is a kicker (unless it is named as a site or app is: …网,
  …新闻, …客户端), and one right below it (or an ``h2``, a
  ``Subtitle``) a subtitle (``markup-title``, ``markup-kicker``, ``markup-subtitle``); without any
  title in the markup, the first headline-like line is the title, with a doubt (``first-headline``);
* headings and captions are the markup's (``markup-heading``, ``markup-caption``); a paragraph set
  wholly in bold that is no sentence is a heading too (``bold-heading``); a short line ending with a
  photo credit (…供图, …/图) is a caption (``caption-credit``), and so is a short line centred on its
  own below the title and not bold: a document without styles sets its captions so
  (``centred-caption``);
* a bulletin's masthead at the top of the document (its name, issue number, office and date) and its
  distribution list and colophon are paratext, by the rules text layouts use (``masthead``,
  ``distribution``, ``colophon``);
* lines outside the page's article are its head (above the title) or tail (below it): omitted
  (``page-head``, ``page-tail``) unless they are its date line (or a content platform's account
  line, 搜狐号：…) or credits, which are paratext; inside
  the article, above the title, an editor's note is a note, and a long finished sentence a paragraph
  (with a doubt), any other line the page's head;
* inside the article, a line a chrome rule recognises (a share bar written as text, say) is omitted
  by that rule; after the article's last running prose, the first such line ends it, and the rest is
  the page's tail (before it, only that line is chrome: a stray line of chrome never takes the
  article's text with it; prose under the site's licence or copyright line does not count); after
  the article's last paragraph, a heading or a line without a sentence is the page's tail, as on a
  web page read as text; a bare name between the title and the date line is the account's
  (``account-name``, with a doubt); a kicker reads as a phrase (no menu's symbols); date lines, editor
  lines, editor's notes and closing bylines are recognised by their rules; every other line is a
  paragraph (``markup-paragraph``).
"""

from __future__ import annotations

from edition.clean import chrome
from edition.clean import paratext as para
from edition.clean.normalise import normalise
from edition.clean.text import display_width, ends_sentence
from edition.clean.web import after_the_last_paragraph, phrase
from edition.model import Block, Doubt, LineHint, Omission, Paratext, Piece, Source

_HEADLINE_MAX_WIDTH = 60  # columns (30 Chinese characters)
_ROLE_RULES = {"chrome": "markup-chrome", "furniture": "document-furniture"}
_CAPTION_MAX_WIDTH = 120  # columns: a caption is one or two short sentences
_PROSE = 40  # characters: a finished sentence this long above the title, inside the article, is its text


def headline_like(text: str) -> bool:
    return not ends_sentence(text) and "。" not in text and "，" not in text and display_width(text) <= _HEADLINE_MAX_WIDTH


def title_like(text: str) -> bool:
    """A title may be long and hold a comma (…优良作风，通过主题教育…), but is no finished sentence."""
    return not ends_sentence(text) and "。" not in text and display_width(text) <= 2 * _HEADLINE_MAX_WIDTH


def segment_structured(source: Source, doubts: list[Doubt] | None = None) -> list[Piece]:
    doubts = doubts if doubts is not None else []
    numbered = [(n, raw.strip(), source.hints.get(n, LineHint())) for n, raw in enumerate(source.lines, start=1)
                if raw.strip()]
    document = [(n, raw) for n, raw, hint in numbered if hint.role not in _ROLE_RULES and not hint.outside]
    masthead = {n for n, _ in document[:para.masthead_length([normalise(raw, pdf=False) for _, raw in document[:8]])]}
    title_at = _title_line([line for line in numbered if line[0] not in masthead], doubts)
    pieces: list[Piece] = []
    in_tail = False
    for index, (number, raw, hint) in enumerate(numbered):
        text = normalise(raw, pdf=False)
        span = (number, number)
        before_title = title_at is None or number < title_at
        rule = chrome.match(raw)
        if (not in_tail and rule is not None and not before_title
                and _after_a_paragraph(pieces) and not _prose_follows(numbered[index + 1:])):
            in_tail = True  # the article is over: what follows is the page's tail
        if in_tail and hint.role not in _ROLE_RULES and not (para.dateline(text) or para.credits(text)):
            pieces.append(Omission(raw, span, (rule or chrome.TAIL).name, (rule or chrome.TAIL).reason))
        elif hint.role in _ROLE_RULES:
            pieces.append(Omission(raw, span, _ROLE_RULES[hint.role], hint.reason or "site chrome"))
        elif number in masthead:
            _add_paratext(pieces, "masthead", text, number)
        elif para.distribution(text) or para.colophon(text):
            _add_paratext(pieces, "distribution" if para.distribution(text) else "colophon", text, number)
        elif number == title_at:
            pieces.append(Block("title", text, span, rule="markup-title" if hint.role == "title" else "first-headline"))
        elif para.dateline(text) or para.dateline_field(text) or para.account_line(text):
            _add_dateline(pieces, text, number)
        elif para.credits(text):
            pieces.append(Paratext("credits", text, span, rule="credits"))
        elif rule is not None:
            pieces.append(Omission(raw, span, rule.name, rule.reason))
        elif hint.outside:
            rule = chrome.PAGE_HEAD if before_title else chrome.TAIL
            pieces.append(Omission(raw, span, rule.name, f"{rule.reason} (outside the page's article)"))
        elif before_title:
            nxt = numbered[index + 1][0] if index + 1 < len(numbered) else None
            if nxt == title_at and headline_like(text) and phrase(text) and not chrome.site_name(text):
                pieces.append(Block("kicker", text, span, rule="markup-kicker"))
            elif para.note(text):
                pieces.append(Block("note", text, span, rule="note"))
            elif ends_sentence(text) and len(text) >= _PROSE and title_at is not None:
                pieces.append(Block("paragraph", text, span, rule="markup-paragraph"))
                doubts.append(Doubt(span, "a paragraph of the article stands above its title: kept as a paragraph"))
            else:
                pieces.append(Omission(raw, span, chrome.PAGE_HEAD.name, f"{chrome.PAGE_HEAD.reason} (above the title)"))
        elif (_right_after_title(pieces) and hint.role is None and para.bare_name(text) and index + 1 < len(numbered)
              and _date_line(normalise(numbered[index + 1][1], pdf=False))):
            pieces.append(Paratext("dateline", text, span, rule="account-name"))
            doubts.append(Doubt(span, "a short name between the title and the date line: read as the account's "
                                      "name (paratext); it may be a subtitle"))
        elif hint.role == "subtitle" or (_right_after_title(pieces) and (hint.role == "heading" or headline_like(text))
                                         and hint.role != "caption"):
            pieces.append(Block("subtitle", text, span, rule="markup-subtitle"))
        elif hint.role == "heading" or hint.role == "title":
            pieces.append(Block("heading", text, span, level=hint.level or 2, rule="markup-heading"))
        elif hint.role == "caption":
            pieces.append(Block("caption", text, span, rule="markup-caption"))
        elif para.photo_credit(text) and display_width(text) <= _CAPTION_MAX_WIDTH:
            pieces.append(Block("caption", text, span, rule="caption-credit"))
        elif hint.centred and not hint.bold and display_width(text) <= _CAPTION_MAX_WIDTH and not para.byline(text):
            pieces.append(Block("caption", text, span, rule="centred-caption"))
        elif para.note(text):
            pieces.append(Block("note", text, span, rule="note"))
        elif para.byline(text) and _after_a_paragraph(pieces):
            pieces.append(Block("byline", text, span, rule="byline"))
        elif hint.bold and headline_like(text):
            pieces.append(Block("heading", text, span, level=2, rule="bold-heading"))
        else:
            pieces.append(Block("paragraph", text, span, rule="markup-paragraph"))
    return after_the_last_paragraph(pieces, {number: raw for number, raw, _ in numbered})


def _title_line(numbered: list[tuple[int, str, LineHint]], doubts: list[Doubt]) -> int | None:
    """The title's line: the markup's, else the first headline-like line not in the chrome (with a doubt)."""
    for number, _, hint in numbered:
        if hint.role == "title":
            return number
    candidates = [number for number, raw, hint in numbered
                  if hint.role not in _ROLE_RULES and not hint.outside and title_like(normalise(raw, pdf=False))
                  and chrome.match(raw) is None and not para.dateline(raw)]
    set_apart = [n for n in candidates if hints_of(numbered, n).bold or hints_of(numbered, n).centred]
    if set_apart:  # a document without styles: its title set in bold or centred
        runs = _runs(set_apart)
        return max(runs[0], key=lambda n: len(next(raw for m, raw, _ in numbered if m == n)))
    if candidates:
        doubts.append(Doubt((candidates[0], candidates[0]),
                            "the markup names no title: the first headline-like line is taken"))
        return candidates[0]
    return None


def hints_of(numbered: list[tuple[int, str, LineHint]], number: int) -> LineHint:
    return next(hint for n, _, hint in numbered if n == number)


def _runs(numbers: list[int]) -> list[list[int]]:
    """Consecutive line numbers, as runs (a kicker, a title and a subtitle set apart one under another)."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def _prose_follows(rest: list[tuple[int, str, LineHint]]) -> bool:
    """Running prose still to come inside the article (a finished sentence of some length): then a line
    that would end the article is only a line of chrome within it, and the article goes on."""
    for _, raw, hint in rest:
        if chrome.page_bottom(raw):
            return False  # the site's licence or copyright line closes the page: nothing under it is the article's
        if hint.role is None and not hint.outside and ends_sentence(raw) and len(raw) >= _PROSE:
            return True
    return False


def _date_line(text: str) -> bool:
    return para.dateline(text) or para.dateline_field(text) or para.account_line(text)


def _right_after_title(pieces: list[Piece]) -> bool:
    blocks = [p for p in pieces if isinstance(p, Block)]
    return bool(blocks) and blocks[-1].kind == "title"


def _after_a_paragraph(pieces: list[Piece]) -> bool:
    return any(isinstance(p, Block) and p.kind == "paragraph" for p in pieces)


def _add_paratext(pieces: list[Piece], kind: str, text: str, number: int) -> None:
    """A masthead's, distribution list's or colophon's line: one piece with the lines right above it."""
    previous = pieces[-1] if pieces else None
    if isinstance(previous, Paratext) and previous.kind == kind and previous.lines[1] == number - 1:
        pieces[-1] = Paratext(kind, f"{previous.zh}\n{text}", (previous.lines[0], number), rule=kind)
    else:
        pieces.append(Paratext(kind, text, (number, number), rule=kind))


def _add_dateline(pieces: list[Piece], text: str, number: int) -> None:
    """A date/source line; its fields on lines of their own, one under another, make one piece."""
    previous = pieces[-1] if pieces else None
    if isinstance(previous, Paratext) and previous.kind == "dateline" and previous.lines[1] == number - 1:
        pieces[-1] = Paratext("dateline", f"{previous.zh}\n{text}", (previous.lines[0], number), rule="dateline")
    else:
        pieces.append(Paratext("dateline", text, (number, number), rule="dateline"))
