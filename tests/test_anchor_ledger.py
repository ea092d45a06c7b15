"""Stable anchors: re-cleaning, splitting and merging blocks leave every other id unchanged."""

from __future__ import annotations

import copy

from edition.anchor.ledger import (
    Ledger,
    assign_ids,
    dump_ledger,
    load_ledger,
    number_paragraphs,
    save_ledger,
)
from edition.model import Block

TEXTS = [
    "柯城区党员干部“四带头” 强力推进农房整治工作",
    "柯城区以农房整治为契机，通过发挥党员干部带头宣传、带头公示、带头拆违、带头执纪等“四带头”作用。",
    "一是带头宣传广发动。组织全区机关干部、乡镇街道、村两委，党员、村民代表等开展全区头脑风暴行动。",
    "二是带头公示受监督。建立“两台一榜”机制，通过媒体设置拆违“点赞榜”“问责曝光台”“违建曝光台”。",
    "三是带头拆违作示范。对全区党员干部违建及拆违情况实行“逐人编号，逐人登记，逐人公示，逐人销号”。",
    "（柯城区委组织部 万灵慧）",
]


def blocks(texts: list[str]) -> list[Block]:
    return [Block("title" if i == 0 else "paragraph", t, (i, i)) for i, t in enumerate(texts)]


def first_ledger() -> tuple[Ledger, dict[str, str]]:
    ledger = assign_ids(blocks(TEXTS), Ledger("r"))
    return ledger, {a.zh: a.id for a in ledger.anchors}


def ids(bs: list[Block]) -> list[str]:
    return [b.id for b in bs]


def test_first_build_numbers_blocks_in_order():
    bs = blocks(TEXTS)
    assign_ids(bs, Ledger("r"))
    assert ids(bs) == ["b1", "b2", "b3", "b4", "b5", "b6"]


def test_rebuild_keeps_every_id():
    ledger, _ = first_ledger()
    bs = blocks(TEXTS)
    assign_ids(bs, ledger)
    assert ids(bs) == ["b1", "b2", "b3", "b4", "b5", "b6"]


def test_recleaned_block_keeps_its_id():
    ledger, _ = first_ledger()
    changed = list(TEXTS)
    changed[2] = changed[2].replace("村两委，党员", "村两委、党员") + "共开展讨论1000余次。"
    bs = blocks(changed)
    assign_ids(bs, ledger)
    assert ids(bs) == ["b1", "b2", "b3", "b4", "b5", "b6"]
    assert ledger.by_id()["b3"].zh == changed[2]
    assert not any(a.retired for a in ledger.anchors)


def test_split_block_keeps_id_for_larger_part_and_others_unchanged():
    ledger, _ = first_ledger()
    text = TEXTS[3]
    cut = text.index("通过")
    split = [*TEXTS[:3], text[:cut], text[cut:], *TEXTS[4:]]
    bs = blocks(split)
    assign_ids(bs, ledger)
    larger = "b4"
    assert ids(bs)[:3] == ["b1", "b2", "b3"] and ids(bs)[5:] == ["b5", "b6"]
    assert sorted(ids(bs)[3:5]) == sorted([larger, "b7"])
    assert bs[3 if len(text[:cut]) > len(text[cut:]) else 4].id == larger


def test_merged_blocks_retire_one_id_with_its_successor():
    ledger, _ = first_ledger()
    merged = [*TEXTS[:2], TEXTS[2] + TEXTS[3], *TEXTS[4:]]
    bs = blocks(merged)
    assign_ids(bs, ledger)
    assert ids(bs)[:2] == ["b1", "b2"] and ids(bs)[3:] == ["b5", "b6"]
    survivor = bs[2].id
    retired = ({"b3", "b4"} - {survivor}).pop()
    anchor = ledger.by_id()[retired]
    assert anchor.retired and anchor.successor == survivor
    assert ledger.resolve(retired) == survivor
    assert ledger.redirects() == {retired: survivor}


def test_new_block_gets_an_id_never_used_before():
    ledger, _ = first_ledger()
    assign_ids(blocks([*TEXTS[:2], *TEXTS[3:]]), ledger)  # b3 removed: retired
    assert ledger.by_id()["b3"].retired
    bs = blocks([*TEXTS, "四是带头执纪严查处。根据“十条军规”“十条铁规”，制订并下发通知。"])
    assign_ids(bs, ledger)
    # b3's exact text came back: the retired id is revived; the genuinely new block gets b7
    assert ids(bs) == ["b1", "b2", "b3", "b4", "b5", "b6", "b7"]
    assert not ledger.by_id()["b3"].retired


def test_removed_block_without_successor_resolves_to_none():
    ledger, _ = first_ledger()
    assign_ids(blocks(TEXTS[:-1]), ledger)
    assert ledger.by_id()["b6"].retired
    assert ledger.resolve("b6") is None


def test_paragraph_numbers_follow_reading_order():
    bs = blocks(TEXTS)
    number_paragraphs(bs)
    assert [b.number for b in bs] == [None, 1, 2, 3, 4, 5]


def test_ledger_round_trips_and_unchanged_save_rewrites_nothing(tmp_path):
    ledger, _ = first_ledger()
    assign_ids(blocks([*TEXTS[:2], TEXTS[2] + TEXTS[3], *TEXTS[4:]]), ledger)
    assert save_ledger(tmp_path, ledger) is True
    loaded = load_ledger(tmp_path, "r")
    assert dump_ledger(loaded) == dump_ledger(ledger)
    assert loaded.next_number == ledger.next_number
    assert save_ledger(tmp_path, copy.deepcopy(loaded)) is False


def test_real_edition_ids_match_the_committed_ledger(edition):
    """The committed anchors/ are in sync with the sources: a build would change nothing."""
    from edition.anchor.ledger import dump_ledger as dump
    from edition.paths import Paths

    for slug, ledger in edition.ledgers.items():
        committed = (Paths().anchors / f"{slug}.yaml").read_text(encoding="utf-8")
        assert dump(ledger) == committed, f"anchors/{slug}.yaml is out of date: run make site and commit it"
