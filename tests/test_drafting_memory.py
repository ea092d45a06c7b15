"""Translation memory across the edition."""

from __future__ import annotations

import polib

from edition.drafting import memory
from edition.model import Block
from edition.translate import po as pofile
from edition.translate.sync import sync_catalog


def catalog(texts: dict[str, str]) -> polib.POFile:
    po = pofile.new_catalog("x")
    sync_catalog(po, [Block("paragraph", zh, (1, 1), id=anchor) for anchor, zh in texts.items()])
    return po


def test_identical_and_near_identical_chinese_reuses_a_translation_as_a_draft() -> None:
    long = "各级党组织共开展讨论1000余次，建立健全工作机制，上门向村民宣讲拆违政策。"
    one = catalog({"b1": "苍霞人家生活馆/图", "b2": long})
    pofile.by_context(one)["b1"].msgstr = "Photo: Cangxia Residents’ Life Museum"
    pofile.set_draft(pofile.by_context(one)["b2"], "Draft of the long one.", "editorial draft, 2024-05-01")
    two = catalog({"b7": "苍霞人家生活馆/图", "b8": long.replace("1000", "1200"), "b9": "完全不同的句子。"})
    filled = memory.fill_from_memory({"one": one, "two": two}, today="2024-06-01")
    assert [(slug, anchor) for slug, anchor, _ in filled] == [("two", "b7"), ("two", "b8")]
    entries = pofile.by_context(two)
    assert entries["b7"].msgstr == "Photo: Cangxia Residents’ Life Museum"
    assert pofile.status(entries["b7"]) == pofile.DRAFT
    assert pofile.provenance(entries["b7"]) == "translation memory from one#b1, 2024-06-01"
    assert pofile.provenance(entries["b8"]) == "translation memory from one#b2, 2024-06-01"
    assert pofile.status(entries["b9"]) == pofile.MISSING


def test_memory_never_touches_translated_entries_nor_offers_outdated_drafts() -> None:
    one = catalog({"b1": "同一句话。"})
    entry = pofile.by_context(one)["b1"]
    pofile.set_draft(entry, "Old.", "editorial draft, 2024-05-01")
    entry.previous_msgid = "以前的话。"  # the Chinese changed since the draft
    two = catalog({"b2": "同一句话。"})
    pofile.by_context(two)["b2"].msgstr = "Reviewed."
    three = catalog({"b3": "同一句话。"})
    assert memory.fill_from_memory({"one": one, "two": two, "three": three}, today="2024-06-01") == [
        ("three", "b3", memory.lookup("同一句话。", memory.memory_index({"two": two})))
    ]
    assert pofile.by_context(two)["b2"].msgstr == "Reviewed."
    assert pofile.by_context(three)["b3"].msgstr == "Reviewed."


def test_threshold() -> None:
    index = [memory.Memory("甲乙丙丁戊己庚辛壬癸", "Ten.", "r", "b1", True)]
    assert memory.lookup("甲乙丙丁戊己庚辛壬癸", index).ratio == 1.0
    assert memory.lookup("甲乙丙丁戊己庚辛壬子", index).ratio >= 0.9
    assert memory.lookup("甲乙丙丁戊子丑寅卯辰", index) is None
