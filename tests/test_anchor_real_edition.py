"""Anchor stability on the real edition: for every block of every report, a changed cleaning rule
that re-cleans it, splits it or merges it with its neighbour leaves every other id where it was,
and the old id still leads to the text it meant."""

from __future__ import annotations

import copy
import re

from edition.anchor.ledger import Ledger, assign_ids
from edition.model import Block

SENTENCE_END = re.compile(r"(?<=[。！？；])")


def ledger_and_blocks(edition, slug: str) -> tuple[Ledger, list[Block]]:
    report = next(r for r in edition.reports if r.slug == slug)
    return copy.deepcopy(edition.ledgers[slug]), [copy.copy(b) for b in report.blocks]


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s]


def cut(block: Block, parts: int) -> list[Block] | None:
    """The block cut at sentence ends into ``parts`` pieces of similar length (None if it has too few)."""
    found = sentences(block.zh)
    if len(found) < parts:
        return None
    size = len(block.zh) / parts
    pieces, current = [], ""
    for sentence in found:
        current += sentence
        if len(pieces) < parts - 1 and len(current) >= size:
            pieces.append(current)
            current = ""
    pieces.append(current)
    pieces = [p for p in pieces if p]
    return [Block(block.kind, p, block.lines) for p in pieces] if len(pieces) == parts else None


def ids(blocks: list[Block]) -> list[str | None]:
    return [b.id for b in blocks]


def pytest_generate_tests(metafunc):
    """Cases from the real edition: every block; every block with enough sentences to cut; every pair."""
    from edition.paths import Paths
    from edition.pipeline import read_and_clean

    names = {"block_case", "split_case", "merge_case"} & set(metafunc.fixturenames)
    if not names:
        return
    reports = read_and_clean(Paths()).reports
    cases = {
        "block_case": [(r.slug, i) for r in reports for i in range(len(r.blocks))],
        "split_case": [
            (r.slug, i, parts) for r in reports for i, b in enumerate(r.blocks) for parts in (2, 3) if cut(b, parts)
        ],
        "merge_case": [(r.slug, i) for r in reports for i in range(len(r.blocks) - 1)],
    }
    for name in names:
        metafunc.parametrize(name, cases[name], ids=str)


def test_recleaning_a_block_moves_no_id(edition, block_case):
    slug, i = block_case
    ledger, blocks = ledger_and_blocks(edition, slug)
    before = ids(blocks)
    changed = copy.copy(blocks[i])
    # what a changed normalisation rule does: one character dropped, one mark changed
    text = changed.zh[:-1] if len(changed.zh) > 8 else changed.zh + " "
    changed.zh = text.replace("，", ",", 1)
    rebuilt = [*blocks[:i], changed, *blocks[i + 1 :]]
    for b in rebuilt:
        b.id = None
    assign_ids(rebuilt, ledger)
    assert ids(rebuilt) == before


def test_splitting_a_block_moves_no_other_id_and_keeps_its_own(edition, split_case):
    slug, i, parts = split_case
    ledger, blocks = ledger_and_blocks(edition, slug)
    pieces = cut(blocks[i], parts)
    assert pieces is not None
    before = ids(blocks)
    ever_used = set(ledger.by_id())
    rebuilt = [*(copy.copy(b) for b in blocks[:i]), *pieces, *(copy.copy(b) for b in blocks[i + 1 :])]
    assign_ids(rebuilt, ledger)
    after = ids(rebuilt)
    assert after[:i] == before[:i]
    assert after[i + parts :] == before[i + 1 :]
    kept = after[i : i + parts]
    assert before[i] in kept, "one part of a split block keeps its id"
    largest = max(range(parts), key=lambda k: len(pieces[k].zh))
    assert kept[largest] == before[i], "the largest part keeps it"
    assert not (set(kept) - {before[i]}) & ever_used, "the other parts get ids never used before"


def test_merging_a_block_with_the_next_moves_no_other_id(edition, merge_case):
    slug, i = merge_case
    ledger, blocks = ledger_and_blocks(edition, slug)
    before = ids(blocks)
    merged = Block(blocks[i].kind, blocks[i].zh + blocks[i + 1].zh, blocks[i].lines)
    rebuilt = [*(copy.copy(b) for b in blocks[:i]), merged, *(copy.copy(b) for b in blocks[i + 2 :])]
    assign_ids(rebuilt, ledger)
    after = ids(rebuilt)
    assert after[:i] == before[:i] and after[i + 1 :] == before[i + 2 :]
    assert after[i] in before[i : i + 2], "the merged block keeps one of the two ids"
    retired = ({before[i], before[i + 1]} - {after[i]}).pop()
    assert ledger.resolve(retired) == after[i], "the other id leads to the merged block"
