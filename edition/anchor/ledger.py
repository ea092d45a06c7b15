"""The anchor ledger: every id a report's blocks ever had, persisted in ``anchors/<slug>.yaml``.

Rules (why: scholars cite anchors, and a published anchor must keep pointing at the same text):

* a block whose text is unchanged keeps its id;
* a block whose text changed a little keeps its id (matched by :func:`similarity`, at least
  ``KEEP_THRESHOLD``; the best pairs first);
* when a block is split, the part with most of the old text keeps the id and the rest get new ids
  (also when it is cut into so many parts that none holds half of it);
  when blocks are merged, the one contributing most keeps its id and the others retire;
* a new block gets the next id never used in this report (the counter never goes back);
* a retired id whose exact text comes back is revived;
* a retired id stays in the ledger with the id that took its place (``successor``), so an old
  citation still lands on the text it meant.

Ids look like ``b12``: stable, short, and unlike the ¶ numbers, which follow reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from edition.anchor.similarity import containment, similarity
from edition.errors import EditionError
from edition.model import Block
from edition.read.catalog import SafeDumper, SafeLoader
from edition.write.atomic import write_text

KEEP_THRESHOLD = 0.5  # similarity above which a changed block keeps its id
SUCCESSOR_THRESHOLD = 0.5  # share of a retired block's text that must live on in its successor
PART_THRESHOLD = 0.9  # share of a block found in an old block's text for it to count as a part of it
ID_PREFIX = "b"


@dataclass
class Anchor:
    id: str
    zh: str
    retired: bool = False
    successor: str | None = None

    def to_yaml(self) -> dict[str, object]:
        data: dict[str, object] = {"id": self.id, "zh": self.zh}
        if self.retired:
            data["retired"] = True
            data["successor"] = self.successor
        return data


@dataclass
class Ledger:
    report: str
    anchors: list[Anchor] = field(default_factory=list)
    next_number: int = 1

    def active(self) -> list[Anchor]:
        return [a for a in self.anchors if not a.retired]

    def by_id(self) -> dict[str, Anchor]:
        return {a.id: a for a in self.anchors}

    def resolve(self, anchor_id: str) -> str | None:
        """The active id an old citation lands on, following successors (None if the text was removed)."""
        anchors = self.by_id()
        seen: set[str] = set()
        current: str | None = anchor_id
        while current is not None and current in anchors and anchors[current].retired:
            if current in seen:
                return None
            seen.add(current)
            current = anchors[current].successor
        return current if current in anchors else None

    def redirects(self) -> dict[str, str | None]:
        """Every retired id and where it lands now."""
        return {a.id: self.resolve(a.id) for a in self.anchors if a.retired}

    def new_id(self) -> str:
        anchor_id = f"{ID_PREFIX}{self.next_number}"
        self.next_number += 1
        return anchor_id


def assign_ids(blocks: list[Block], ledger: Ledger) -> Ledger:
    """Give every block an id from the ledger (or a new one) and return the updated ledger."""
    active = ledger.active()
    matched: dict[int, Anchor] = {}  # block index -> anchor
    used: set[str] = set()

    # 1. Unchanged text keeps its id (in reading order, for repeated texts). A retired id whose exact
    #    text comes back is revived: old citations of it meant exactly this text.
    for index, block in enumerate(blocks):
        for anchor in [*active, *(a for a in ledger.anchors if a.retired)]:
            if anchor.id not in used and anchor.zh == block.zh:
                matched[index] = anchor
                used.add(anchor.id)
                anchor.retired, anchor.successor = False, None
                break

    # 2. Changed text keeps the id of its most similar unmatched anchor, best pairs first.
    free_blocks = [i for i in range(len(blocks)) if i not in matched]
    free_anchors = [a for a in active if a.id not in used]
    order = {a.id: n for n, a in enumerate(active)}
    pairs = sorted(
        (
            (similarity(anchor.zh, blocks[i].zh), -abs(order[anchor.id] - i), anchor.id, i)
            for i in free_blocks
            for anchor in free_anchors
        ),
        reverse=True,
    )
    anchors_by_id = ledger.by_id()
    for score, _, anchor_id, index in pairs:
        if score < KEEP_THRESHOLD:
            break
        if index in matched or anchor_id in used:
            continue
        matched[index] = anchors_by_id[anchor_id]
        used.add(anchor_id)

    # 2b. A block split into several parts, none of which holds half of it: when the parts found whole
    #     in its old text together hold most of it, the largest part keeps the id.
    for anchor in free_anchors:
        if anchor.id in used:
            continue
        parts = [
            i for i in range(len(blocks)) if i not in matched and containment(blocks[i].zh, anchor.zh) >= PART_THRESHOLD
        ]
        if parts and sum(len(blocks[i].zh) for i in parts) >= KEEP_THRESHOLD * len(anchor.zh):
            matched[max(parts, key=lambda i: len(blocks[i].zh))] = anchor
            used.add(anchor.id)

    # 3. New blocks get ids never used before.
    for index, block in enumerate(blocks):
        anchor = matched.get(index)
        if anchor is None:
            anchor = Anchor(ledger.new_id(), block.zh)
            ledger.anchors.append(anchor)
        anchor.zh = block.zh
        block.id = anchor.id

    # 4. Anchors no block took retire, pointing at the block that holds most of their text.
    for anchor in active:
        if anchor.id in used:
            continue
        anchor.retired = True
        best = max(blocks, key=lambda b: containment(anchor.zh, b.zh), default=None)
        if best is not None and containment(anchor.zh, best.zh) >= SUCCESSOR_THRESHOLD:
            anchor.successor = best.id
    return ledger


def number_paragraphs(blocks: list[Block]) -> None:
    """¶1, ¶2 … in reading order, for citation: paragraphs only."""
    number = 0
    for block in blocks:
        if block.kind == "paragraph":
            number += 1
            block.number = number
        else:
            block.number = None


# --- persistence -----------------------------------------------------------------------------

_HEADER = (
    "# Anchor ledger for the report '{slug}': every id its blocks ever had.\n"
    "# Written by the build (make site); commit it with the change that caused it.\n"
    "# Never edit or delete an entry: published ids are cited, and a retired id must keep resolving.\n"
)


def ledger_path(directory: Path, slug: str) -> Path:
    return directory / f"{slug}.yaml"


def load_ledger(directory: Path, slug: str) -> Ledger:
    path = ledger_path(directory, slug)
    if not path.exists():
        return Ledger(slug)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise EditionError(path, f"YAML syntax error: {getattr(err, 'problem', err)}",
                           mark.line + 1 if mark else None) from None
    if not isinstance(data, dict) or not isinstance(data.get("anchors"), list):
        raise EditionError(path, "an anchor ledger must be a mapping with an 'anchors' list")
    anchors = []
    for item in data["anchors"]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("zh"), str):
            raise EditionError(path, f"malformed ledger entry: {item!r}")
        anchors.append(Anchor(item["id"], item["zh"], bool(item.get("retired")), item.get("successor")))
    ids = [a.id for a in anchors]
    if len(ids) != len(set(ids)):
        raise EditionError(path, "the ledger lists an id twice")
    highest = max((int(i[len(ID_PREFIX):]) for i in ids if i[len(ID_PREFIX):].isdigit()), default=0)
    next_number = max(int(data.get("next", 1)), highest + 1)
    return Ledger(slug, anchors, next_number)


def dump_ledger(ledger: Ledger) -> str:
    body = {
        "report": ledger.report,
        "next": ledger.next_number,
        "anchors": [a.to_yaml() for a in sorted(ledger.anchors, key=_id_number)],
    }
    text = yaml.dump(body, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
    return _HEADER.format(slug=ledger.report) + text


def save_ledger(directory: Path, ledger: Ledger) -> bool:
    """Write the ledger if it changed; True if the file was (re)written."""
    return write_text(ledger_path(directory, ledger.report), dump_ledger(ledger))


def _id_number(anchor: Anchor) -> tuple[int, str]:
    digits = anchor.id[len(ID_PREFIX):]
    return (int(digits) if digits.isdigit() else 0, anchor.id)
