"""The search index's structure for the edition's pages (what ``edition-chinese-search`` gives Material).

Material's search plugin makes one entry per heading. A report has one heading over all its blocks,
so its English title and place names were lost in a 30,000-character entry, and every short section
of a glossary page (a concordance group) outranked it. Here a report page becomes a search-only
structure instead: one entry for the report, titled in both languages, with its label and place
names as keywords, and one entry per block (Chinese and English) whose location is the block's
anchor, so that a result opens at the paragraph. The page itself is not changed.

Every entry's title is shown clean (Material's jieba segmentation joins words with U+200B, which
showed in the results); its segmented form is kept in ``keywords``, a field boosted like the title
(mkdocs.yml, ``search.fields``), so that a Chinese title is still found word by word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import html as lxml_html

ZERO_WIDTH = "\u200b"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")

Entry = dict[str, Any]


def segment_chinese(text: str, cut: Callable[[str], list[str]]) -> str:
    """Chinese runs cut into words joined by U+200B (the index's separator), as Material does."""
    return HAN.sub(lambda m: ZERO_WIDTH + ZERO_WIDTH.join(cut(m.group(0))) + ZERO_WIDTH, text).strip(ZERO_WIDTH)


def clean_title(entry: Entry) -> Entry:
    """The entry with its title free of zero-width spaces, the segmented title kept in ``keywords``."""
    title = entry.get("title", "")
    if ZERO_WIDTH not in title:
        return entry
    keywords = " ".join(filter(None, [entry.get("keywords", ""), title]))
    return {**entry, "title": title.replace(ZERO_WIDTH, ""), "keywords": keywords}


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def blocks_of(content: str) -> list[tuple[str, str, str, str]]:
    """(anchor, mark, Chinese, English) of every block of a report page's HTML; the English without
    its translation-state badge, and "Translation missing." left out."""
    tree = lxml_html.fragment_fromstring(content, create_parent="div")
    found = []
    for block in tree.xpath("//div[contains(concat(' ', @class, ' '), ' block ') and @id]"):
        zh = block.xpath("./div[contains(@class, 'block-zh')]")
        en = block.xpath("./div[contains(@class, 'block-en')]")
        english = ""
        if en and "block-en--missing" not in en[0].get("class", ""):
            for badge in en[0].xpath(".//span[contains(@class, 'translation-status')]"):
                badge.drop_tree()
            english = _text(en[0])
        found.append((block.get("id"), block.get("data-mark", ""), _text(zh[0]) if zh else "", english))
    return found


def report_entries(url: str, meta: dict[str, Any], content: str, cut: Callable[[str], list[str]]) -> list[Entry]:
    """A report page's entries: the report (title in both languages, keywords), then one per block."""
    title_zh, title_en = meta.get("title_zh", ""), meta.get("title_en", "")
    label = meta.get("label", "")
    keywords = [segment_chinese(title_zh, cut), label, *(segment_chinese(k, cut) for k in meta.get("keywords", []))]
    title = " · ".join(filter(None, [title_en, title_zh]))
    page: Entry = {"location": url, "title": title, "text": " · ".join(filter(None, [label, meta.get("summary", "")])),
                   "keywords": " ".join(filter(None, keywords))}
    entries = [page]
    for anchor, mark, zh, en in blocks_of(content):
        entries.append({"location": f"{url}#{anchor}", "title": f"{label} {mark}".strip(),
                        "text": " ".join(filter(None, [segment_chinese(zh, cut), en]))})
    return entries


def page_entries(own: list[Entry], url: str, meta: dict[str, Any], content: str,
                 cut: Callable[[str], list[str]]) -> list[Entry]:
    """A page's entries as the edition indexes them: a report's replaced by its search-only structure,
    any other page's with clean titles and its front matter's keywords (``search: {keywords: […]}``)."""
    search = meta.get("search") or {}
    if search.get("report"):
        own = report_entries(url, search["report"], content, cut)
    else:
        own = [clean_title(e) for e in own]
        if own and search.get("keywords"):
            words = " ".join(segment_chinese(k, cut) for k in search["keywords"])
            own[0] = {**own[0], "keywords": " ".join(filter(None, [own[0].get("keywords", ""), words]))}
    if "boost" in search:
        own = [{**e, "boost": search["boost"]} for e in own]
    return own
