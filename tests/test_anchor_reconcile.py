"""Ids are recovered from every record, never re-invented: lost, cut, edited and renamed ledgers."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edition.anchor import reconcile
from edition.anchor.ledger import Ledger, assign_ids
from edition.anchor.reconcile import anchor_blocks
from edition.errors import EditionError
from edition.model import Block
from tests.test_anchor_ledger import TEXTS, blocks


def history() -> tuple[Ledger, list[str]]:
    """A ledger after two builds: the third block was removed from the source, so b3 is retired."""
    ledger = assign_ids(blocks(TEXTS), Ledger("r"))
    later = [*TEXTS[:2], *TEXTS[3:]]
    assign_ids(blocks(later), ledger)
    assert ledger.by_id()["b3"].retired
    return ledger, later


def po_of(ledger: Ledger) -> reconcile.Testimony:
    """What the PO file says after the same builds (msgctxt -> msgid, retired ids obsolete)."""
    return reconcile.Testimony("translations/en/r.po", {a.id: a.zh for a in ledger.anchors},
                     frozenset(a.id for a in ledger.anchors if a.retired))


def build_of(ledger: Ledger) -> reconcile.Testimony:
    retired = {a.id: a.successor for a in ledger.anchors if a.retired}
    texts = {a.id: a.zh for a in ledger.anchors if not a.retired}
    return reconcile.Testimony("build/edition.json", texts, frozenset(retired), retired)


def ids(bs: list[Block]) -> list[str | None]:
    return [b.id for b in bs]


def test_a_lost_ledger_is_rebuilt_from_the_po_file_and_no_id_moves():
    ledger, texts = history()
    bs = blocks(texts)
    anchored = anchor_blocks("r", bs, None, "anchors/r.yaml", po=po_of(ledger))
    assert ids(bs) == ["b1", "b2", "b4", "b5", "b6"]  # not b1..b5: b3's English never lands on b4's Chinese
    assert anchored.ledger.by_id()["b3"].retired and anchored.ledger.next_number == 7
    assert "no ledger: ids recovered from translations/en/r.po" in anchored.notes[0]


def release_of(ledger: Ledger) -> reconcile.Testimony:
    retired = {a.id: a.successor for a in ledger.anchors if a.retired}
    return reconcile.Testimony("anchors/releases/1.0.json", {a.id: a.zh for a in ledger.anchors},
                               frozenset(retired), retired)


def test_with_neither_ledger_nor_po_file_the_last_build_and_releases_are_used():
    ledger, texts = history()
    bs = blocks(texts)
    anchored = anchor_blocks("r", bs, None, "anchors/r.yaml", build=build_of(ledger), releases=[release_of(ledger)])
    assert ids(bs) == ["b1", "b2", "b4", "b5", "b6"]
    assert anchored.ledger.by_id()["b3"].retired and anchored.ledger.next_number == 7


def test_with_neither_ledger_nor_po_file_the_last_build_alone_gives_back_every_block_id():
    ledger = assign_ids(blocks(TEXTS), Ledger("r"))
    bs = blocks(TEXTS)
    anchored = anchor_blocks("r", bs, None, "anchors/r.yaml", build=build_of(ledger))
    assert ids(bs) == ["b1", "b2", "b3", "b4", "b5", "b6"] and anchored.recovered == set(ids(bs))


def test_a_retired_id_the_last_build_knows_without_its_text_stops_the_build():
    """Ledger and PO file gone: the last build lists b3 as retired but not its text; it cannot be kept, and
    dropping it would lose a published citation, so the build stops."""
    ledger, texts = history()
    with pytest.raises(EditionError, match=r"anchors/r.yaml: report 'r': no ledger and no PO file; build/edition"
                       r"\.json gives the text of every block but not of the retired b3 .*git checkout anchors/r\.yaml"):
        anchor_blocks("r", blocks(texts), None, "anchors/r.yaml", build=build_of(ledger))


def test_a_retired_id_a_cut_po_file_lost_too_stops_the_build():
    ledger, texts = history()
    po = po_of(ledger)
    cut = reconcile.Testimony(po.record, {i: t for i, t in po.texts.items() if i != "b3"})
    with pytest.raises(EditionError, match=r"report 'r': no ledger; build/edition\.json gives the text of every block "
                       r"but not of the retired b3 \(b3 → nowhere\), and no other record does"):
        anchor_blocks("r", blocks(texts), None, "anchors/r.yaml", po=cut, build=build_of(ledger))


def test_no_ledger_and_a_po_file_whose_msgctxt_were_swapped_stops_the_build():
    """The audit's worst case: ledger deleted, two msgctxt swapped in the PO file. The last build and the
    release name the other texts, and which is right decides the ids: stop, naming report, ids and files."""
    ledger, texts = history()
    po = po_of(ledger)
    swapped = reconcile.Testimony(po.record, {**po.texts, "b4": po.texts["b5"], "b5": po.texts["b4"]}, po.retired,
                                  lines={"b4": 30, "b5": 36})
    for others in ({"build": build_of(ledger)}, {"releases": [release_of(ledger)]}):
        with pytest.raises(EditionError, match=r"anchors/r.yaml: report 'r': no ledger; translations/en/r.po and "
                           r"(build/edition\.json|anchors/releases/1\.0\.json) disagree on the text of b4 "
                           r"\(translations/en/r.po:30\), b5 \(translations/en/r.po:36\).*nothing was written"):
            anchor_blocks("r", blocks(texts), None, "anchors/r.yaml", po=swapped, **others)


def test_a_hand_edited_msgid_that_decides_nothing_is_recovered_with_a_note():
    ledger, texts = history()
    po = po_of(ledger)
    touched = reconcile.Testimony(po.record, {**po.texts, "b2": TEXTS[1] + "（有改动）"}, po.retired)
    bs = blocks(texts)
    anchored = anchor_blocks("r", bs, None, "anchors/r.yaml", po=touched, build=build_of(ledger))
    assert ids(bs) == ["b1", "b2", "b4", "b5", "b6"]
    assert any("either reading gives every block the same id" in n for n in anchored.notes)


def test_an_id_renamed_in_the_po_file_is_an_error_and_never_enters_the_ledger():
    """msgctxt b3 -> b30 by hand, ledger intact: b30 names b3's text, and no other record knows b30."""
    ledger = assign_ids(blocks(TEXTS), Ledger("r"))
    po = po_of(ledger)
    texts = {("b30" if i == "b3" else i): zh for i, zh in po.texts.items()}
    renamed = reconcile.Testimony(po.record, texts, frozenset(), lines={"b30": 24})
    with pytest.raises(EditionError, match=r"translations/en/r.po:24: b30 names the text of b3 \(anchors/r.yaml\), "
                       r"and no other record knows b30: an id is never renamed"):
        anchor_blocks("r", blocks(TEXTS), ledger, "anchors/r.yaml", po=renamed, build=build_of(ledger))


def test_a_repeated_text_is_no_rename():
    texts = [*TEXTS, TEXTS[5]]  # the last line twice: b6 and b7 name the same text
    ledger = assign_ids(blocks(texts), Ledger("r"))
    cut = copy.deepcopy(ledger)
    cut.anchors = cut.anchors[:6]
    bs = blocks(texts)
    anchor_blocks("r", bs, cut, "anchors/r.yaml", po=po_of(ledger))
    assert ids(bs) == ["b1", "b2", "b3", "b4", "b5", "b6", "b7"]


def test_the_counter_passes_retired_ids_no_record_gives_a_text():
    ledger = assign_ids(blocks(TEXTS), Ledger("r"))
    build = reconcile.Testimony("build/edition.json", {}, frozenset({"b9"}), {"b9": None})
    anchored = anchor_blocks("r", blocks(TEXTS), ledger, "anchors/r.yaml", build=build)
    assert anchored.ledger.next_number == 10


def test_a_ledger_cut_short_gets_its_ids_back():
    ledger, texts = history()
    cut = copy.deepcopy(ledger)
    cut.anchors = cut.anchors[:2]
    cut.next_number = 3
    bs = blocks(texts)
    anchored = anchor_blocks("r", bs, cut, "anchors/r.yaml", po=po_of(ledger))
    assert ids(bs) == ["b1", "b2", "b4", "b5", "b6"]
    assert anchored.ledger.next_number == 7
    assert "the ledger lacked b3–b6" in anchored.notes[0]


def test_a_new_block_never_gets_an_id_another_record_knows():
    ledger, texts = history()
    cut = copy.deepcopy(ledger)
    cut.next_number = 2
    cut.anchors = [a for a in cut.anchors if a.id == "b1"]
    bs = blocks([*texts, "四是带头执纪严查处。根据“十条军规”“十条铁规”，制订并下发通知。"])
    anchor_blocks("r", bs, cut, "anchors/r.yaml", build=reconcile.Testimony("build/edition.json", {"b9": "别的文字。"}),
                  po=po_of(ledger))
    assert bs[-1].id == "b10"


def test_a_renamed_id_is_an_error_naming_it_and_its_line():
    ledger, texts = history()
    renamed = copy.deepcopy(ledger)
    anchor = renamed.by_id()["b4"]
    anchor.id, anchor.line = "b40", 12
    with pytest.raises(EditionError, match=r"anchors/r.yaml:12: b40 names the text of b4 .*never renamed"):
        anchor_blocks("r", blocks(texts), renamed, "anchors/r.yaml", po=po_of(ledger))


def test_an_edited_ledger_entry_is_restored_when_po_file_and_last_build_agree():
    ledger, texts = history()
    edited = copy.deepcopy(ledger)
    edited.by_id()["b2"].zh, edited.by_id()["b4"].zh = TEXTS[3], TEXTS[1]  # b2 and b4 swapped by hand
    bs = blocks(texts)
    anchored = anchor_blocks("r", bs, edited, "anchors/r.yaml", po=po_of(ledger), build=build_of(ledger))
    assert ids(bs) == ["b1", "b2", "b4", "b5", "b6"]
    assert "restored" in anchored.notes[0]


def test_a_disagreement_that_decides_nothing_keeps_the_ledger():
    ledger, texts = history()
    po = po_of(ledger)
    po = reconcile.Testimony(po.record, {**po.texts, "b2": TEXTS[1] + "（有改动）"}, po.retired)  # msgid touched by hand
    bs = blocks(texts)
    anchored = anchor_blocks("r", bs, ledger, "anchors/r.yaml", po=po)
    assert ids(bs) == ["b1", "b2", "b4", "b5", "b6"]
    assert "either reading gives every block the same id" in anchored.notes[0]


def test_a_disagreement_that_would_move_ids_stops_with_both_files_named():
    ledger, texts = history()
    edited = copy.deepcopy(ledger)
    edited.by_id()["b2"].zh, edited.by_id()["b4"].zh = TEXTS[3], TEXTS[1]
    edited.by_id()["b2"].line, edited.by_id()["b4"].line = 9, 13
    with pytest.raises(EditionError, match=r"anchors/r.yaml: report 'r': the ledger and translations/en/r.po "
                       r"disagree on the text of b2 \(line 9 / translations/en/r.po\), b4 \(line 13"):
        anchor_blocks("r", blocks(texts), edited, "anchors/r.yaml", po=po_of(ledger))


def test_a_published_id_does_not_drift_to_other_text():
    """Small edits add up: an id published with a text retires once its text no longer names that text."""
    first, added, more = TEXTS[2], "此后又补充了新的做法和经验，进一步完善了工作机制和台账。", "各村也纷纷跟进落实，形成了长效机制。"
    ledger = assign_ids(blocks([*TEXTS[:2], first, *TEXTS[3:]]), Ledger("r"))  # b3 published with `first`
    assign_ids(blocks([*TEXTS[:2], first[:25] + added, *TEXTS[3:]]), ledger)  # a change: b3 keeps it
    assert ledger.by_id()["b3"].zh == first[:25] + added
    drifted = [*TEXTS[:2], added + more, *TEXTS[3:]]  # close to the last text, far from the published one
    unbound = blocks(drifted)
    assign_ids(unbound, copy.deepcopy(ledger))
    assert unbound[2].id == "b3"  # without the release the id would drift to text it was never cited for
    bound = blocks(drifted)
    anchored = anchor_blocks("r", bound, ledger, "anchors/r.yaml", published={"b3": [first]})
    assert bound[2].id == "b7" and anchored.ledger.by_id()["b3"].retired


@given(st.lists(st.integers(min_value=0, max_value=len(TEXTS) - 1), min_size=1, max_size=len(TEXTS), unique=True),
       st.integers(min_value=0, max_value=len(TEXTS)))
def test_whatever_part_of_the_ledger_is_lost_the_po_file_restores_every_id(kept, cut_at):
    """Property: a ledger cut at any point (or missing) plus the PO file gives the ids of the intact ledger."""
    ledger = assign_ids(blocks(TEXTS), Ledger("r"))
    current = [TEXTS[i] for i in sorted(kept)]
    expected = blocks(current)
    assign_ids(expected, copy.deepcopy(ledger))
    damaged = copy.deepcopy(ledger)
    damaged.anchors = damaged.anchors[:cut_at]
    got = blocks(current)
    anchor_blocks("r", got, damaged if cut_at else None, "anchors/r.yaml", po=po_of(ledger))
    assert ids(got) == ids(expected)
