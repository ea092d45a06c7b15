"""Merging a report's current blocks into its PO file."""

from __future__ import annotations

import logging

import polib
import pytest

from edition.model import Block
from edition.translate import po as pofile
from edition.translate.sync import sync_catalog


def block(anchor: str, zh: str, kind: str = "paragraph") -> Block:
    return Block(kind, zh, (1, 1), id=anchor)


@pytest.fixture
def po() -> polib.POFile:
    catalog = pofile.new_catalog("r")
    sync_catalog(catalog, [block("b1", "甲文", "title"), block("b2", "乙文"), block("b3", "丙文")])
    entries = pofile.by_context(catalog)
    entries["b1"].msgstr = "Reviewed A"
    pofile.set_draft(entries["b2"], "Draft B", "editorial draft, 2024-05-01")
    return catalog


def test_new_blocks_get_empty_entries_in_reading_order(po: polib.POFile) -> None:
    result = sync_catalog(po, [block("b4", "丁文"), block("b1", "甲文", "title"), block("b2", "乙文"),
                               block("b3", "丙文")])
    assert result.added == ["b4"]
    assert [e.msgctxt for e in po] == ["b4", "b1", "b2", "b3"]
    assert po[0].msgstr == "" and pofile.status(po[0]) == pofile.MISSING


def test_unchanged_blocks_leave_the_file_untouched(po: polib.POFile) -> None:
    before = pofile.dumps(po)
    result = sync_catalog(po, [block("b1", "甲文", "title"), block("b2", "乙文"), block("b3", "丙文")])
    assert not result.touched
    assert pofile.dumps(po) == before


def test_changed_chinese_keeps_the_translation_as_fuzzy_with_previous_msgid(po: polib.POFile) -> None:
    result = sync_catalog(po, [block("b1", "甲文改了", "title"), block("b2", "乙文"), block("b3", "丙文")])
    assert result.changed == ["b1"]
    entry = pofile.by_context(po)["b1"]
    assert entry.msgstr == "Reviewed A"
    assert entry.msgid == "甲文改了"
    assert entry.previous_msgid == "甲文"
    assert pofile.status(entry) == pofile.DRAFT
    assert '#| msgid "甲文"' in pofile.dumps(po)
    # a second change keeps the Chinese the translation was made for
    sync_catalog(po, [block("b1", "甲文又改了", "title"), block("b2", "乙文"), block("b3", "丙文")])
    assert pofile.by_context(po)["b1"].previous_msgid == "甲文"


def test_a_vanished_block_becomes_obsolete_never_deleted(po: polib.POFile, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="edition"):
        result = sync_catalog(po, [block("b1", "甲文", "title"), block("b3", "丙文")], path="r.po",
                              known_ids={"b1", "b2", "b3"})
    assert result.retired == ["b2"] and not result.stray
    obsolete = [e for e in po if e.obsolete]
    assert [(e.msgctxt, e.msgstr) for e in obsolete] == [("b2", "Draft B")]
    assert '#~ msgctxt "b2"' in pofile.dumps(po)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_hand_typed_entry_is_kept_obsolete_and_reported(po: polib.POFile, caplog) -> None:
    po.append(polib.POEntry(msgctxt="b99", msgid="手写", msgstr="Typed"))
    text = pofile.dumps(po)
    line = pofile.entry_lines(text)["b99"]
    with caplog.at_level(logging.WARNING, logger="edition"):
        result = sync_catalog(po, [block("b1", "甲文", "title"), block("b2", "乙文"), block("b3", "丙文")],
                              path="r.po", known_ids={"b1", "b2", "b3"})
    assert result.stray == ["b99"]
    assert [e.msgctxt for e in po if e.obsolete] == ["b99"]
    assert any(f"r.po:{line}" in r.getMessage() and "b99" in r.getMessage() for r in caplog.records)


def test_a_hand_edited_msgid_is_a_mismatch_and_the_translation_is_kept(po: polib.POFile, caplog) -> None:
    pofile.by_context(po)["b1"].msgid = "甲文（译者改过）"
    with caplog.at_level(logging.WARNING, logger="edition"):
        result = sync_catalog(po, [block("b1", "甲文", "title"), block("b2", "乙文"), block("b3", "丙文")],
                              path="r.po", previous_zh={"b1": "甲文", "b2": "乙文", "b3": "丙文"})
    assert result.mismatched == ["b1"]
    entry = pofile.by_context(po)["b1"]
    assert (entry.msgid, entry.msgstr, entry.previous_msgid) == ("甲文", "Reviewed A", "甲文（译者改过）")
    assert pofile.FUZZY in entry.flags
    assert any("r.po:" in r.getMessage() and "b1" in r.getMessage() for r in caplog.records)


def test_a_retired_id_that_comes_back_revives_its_entry(po: polib.POFile) -> None:
    sync_catalog(po, [block("b1", "甲文", "title"), block("b3", "丙文")], known_ids={"b1", "b2", "b3"})
    sync_catalog(po, [block("b1", "甲文", "title"), block("b2", "乙文"), block("b3", "丙文")])
    assert [e.msgctxt for e in po if not e.obsolete] == ["b1", "b2", "b3"]
    assert pofile.by_context(po)["b2"].msgstr == "Draft B"


def test_sync_never_changes_a_reviewed_translation(po: polib.POFile) -> None:
    for zh in ("甲", "甲文新", ""):
        sync_catalog(po, [block("b1", zh or "甲文", "title")])
    assert pofile.by_context(po)["b1"].msgstr == "Reviewed A"


def test_swapped_msgctxt_never_publish_one_block_s_english_under_another(po: polib.POFile) -> None:
    """Two msgctxt swapped by hand: each msgid is the other block's Chinese. Restoring the msgid would
    publish b2's English under b3's text: the sync stops, naming both entries, and changes nothing."""
    from edition.errors import EditionError

    entries = pofile.by_context(po)
    entries["b3"].msgstr = "Draft C"
    entries["b2"].msgctxt, entries["b3"].msgctxt = "b3", "b2"
    before = pofile.dumps(po)
    with pytest.raises(EditionError, match=r"r\.po:\d+: the entry b3 holds the Chinese of b2 \(whose entry is at line "
                       r"\d+\), not its own: its English would be published under text it does not translate"):
        sync_catalog(po, [block("b1", "甲文", "title"), block("b2", "乙文"), block("b3", "丙文")], path="r.po")
    assert pofile.dumps(po) == before


def test_a_hand_edited_msgid_that_is_no_other_block_s_text_is_still_restored(po: polib.POFile) -> None:
    pofile.by_context(po)["b2"].msgid = "乙文（误）"
    result = sync_catalog(po, [block("b1", "甲文", "title"), block("b2", "乙文"), block("b3", "丙文")],
                          previous_zh={"b2": "乙文"})
    assert result.mismatched == ["b2"] and pofile.by_context(po)["b2"].msgstr == "Draft B"
