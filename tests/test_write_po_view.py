"""The site's view of a PO file: every line numbered with its anchor, entries marked by their block id, and
the PO-line links of the blocks (to the repository's view where there is one, else to this one)."""

from __future__ import annotations

from edition.write.po_view import po_line_href, po_lines, po_page

PO = '''# a comment
msgid ""
msgstr ""

#, fuzzy
msgctxt "b1"
msgid "标题"
msgstr "Title <b>"
'''


def test_every_line_is_numbered_and_an_entry_names_its_block():
    rows = po_lines(PO)
    assert [number for number, _, _ in rows] == list(range(1, 9))
    assert [entry for _, _, entry in rows] == [None] * 5 + ["b1", None, None]


def test_the_page_shows_the_text_escaped_with_an_anchor_per_line():
    page = po_page("r", "translations/en/r.po", PO, "Pinghu", None)
    assert '<div class="line po-entry" id="L6">' in page and 'data-block="b1"' in page
    assert "Title &lt;b&gt;" in page and "<b>" not in page.split("po-view", 1)[1]
    assert "open it in the repository" not in page
    linked = po_page("r", "translations/en/r.po", PO, "Pinghu", "https://git.example/o/r/blob/main/translations/en/r.po")
    assert 'href="https://git.example/o/r/blob/main/translations/en/r.po">open it in the repository' in linked


def test_a_po_line_link_lands_on_the_line_with_or_without_a_repository():
    assert po_line_href("r", 6, None) == "../../translation/po/r/#L6"
    assert po_line_href("r", 6, "https://git.example/o/r/blob/main/translations/en/r.po") == (
        "https://git.example/o/r/blob/main/translations/en/r.po#L6")
