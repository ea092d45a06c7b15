"""The report page generator: retired anchors, translation state, escaping of catalogue text."""

from __future__ import annotations

import re

from edition.model import Block, Report
from edition.write import pages


def report(*statuses: str) -> Report:
    blocks = [Block("paragraph", f"第{n}段。", (n, n), id=f"b{n}", number=n, en=f"Paragraph {n}." if s != "missing"
                    else None, status=s, provenance="editorial draft, 2026-11-21" if s == "draft" else None)
              for n, s in enumerate(statuses, start=1)]
    return Report("r", "000.txt", {"title": {"zh": "标题<script>", "en": "Title <b>x</b>"}}, blocks)


def test_a_retired_anchor_stands_just_before_its_successor() -> None:
    text = pages.report_page(report("draft", "draft", "draft"), {"b7": "b2", "b9": None})
    assert '<span class="retired-anchor" id="b7" data-successor="b2"></span>\n<div class="block block--paragraph" id="b2"' in text
    top = text.index('id="b9" data-successor=""')
    assert top < text.index('id="b1"')  # an anchor without successor lands at the top of the text


def test_the_header_counts_reviewed_drafts_and_missing() -> None:
    assert pages.translation_state(report("reviewed", "draft", "missing", "draft")) == (
        "1 of 4 blocks reviewed · 2 unreviewed drafts · 1 missing")
    assert pages.translation_state(report("reviewed")) == "1 of 1 blocks reviewed"


def test_catalogue_text_is_escaped_in_title_and_header() -> None:
    page = pages.report_page(report("draft"), {}, edition_title="Edition <i>")
    # the front matter's citation is data, not markup: the theme escapes it (tests/test_write_citation.py)
    text = re.sub(r"\ncitation:\n(  .*\n)+", "\n", page, count=1)
    assert "- Edition <i>" in page and text != page
    assert "<script>" not in text and "<b>x</b>" not in text and "<i>" not in text
    assert 'title: "Title &lt;b&gt;x&lt;/b&gt;"' in text
