"""The anchor ledger: every id a report's blocks ever had, persisted in ``anchors/<slug>.yaml``.

Rules (why: scholars cite anchors, and a published anchor must keep pointing at the same text):

* a block whose text is unchanged keeps its id;
* a block whose text changed a little keeps its id (matched by :func:`similarity`, at least
  ``anchors.keep`` of edition.yml; the best pairs first);
* when a block is split, the part with most of the old text keeps the id and the rest get new ids
  (also when it is cut into so many parts that none holds half of it);
  when blocks are merged, the one contributing most keeps its id and the others retire;
* an id that was published in a release keeps a text only while it still names the text it was
  published with (:func:`still_names`): small changes add up, and must never carry a cited id
  over to other text; past that, the id retires and the text gets a new one;
* a new block gets the next id never used in this report (the counter never goes back);
* a retired id whose exact text comes back is revived;
* a retired id stays in the ledger with the id that took its place (``successor``), so an old
  citation still lands on the text it meant.

Ids look like ``b12``: stable, short, and unlike the ¶ numbers, which follow reading order.

The ledger also records the report's source file, the slugs the report was published under
before (``previous_slugs``: their pages redirect here) and, for a report built before it was
catalogued, that its slug is ``provisional`` (inferred from the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from edition.anchor.similarity import containment, similarity, still_names
from edition.atomic import write_text
from edition.config import DEFAULTS, Anchors
from edition.errors import EditionError
from edition.model import Block
from edition.yamlfile import BOOKKEEPING, SafeDumper, load_yaml_with_lines

ID_PREFIX = "b"
ID_RE = re.compile(rf"^{ID_PREFIX}[1-9][0-9]*$")

_ENTRY_KEYS = {"id", "zh", "retired", "successor"}
_LEDGER_KEYS = {"report", "source", "previous_slugs", "provisional", "next", "anchors"}


@dataclass
class Anchor:
    id: str
    zh: str
    retired: bool = False
    successor: str | None = None
    line: int | None = field(default=None, compare=False)  # where it stands in the ledger file

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
    source: str | None = None  # the source file the report comes from
    previous_slugs: list[str] = field(default_factory=list)
    provisional: bool = False  # slug inferred from the text, before the report was catalogued

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


def id_number(anchor_id: str) -> int:
    """The number of an id (``b12`` -> 12); 0 for anything that is not an id."""
    return int(anchor_id[len(ID_PREFIX):]) if ID_RE.match(anchor_id) else 0


def assign_ids(
    blocks: list[Block], ledger: Ledger, published: Mapping[str, Iterable[str]] | None = None,
    settings: Anchors = DEFAULTS.anchors,
) -> Ledger:
    """Give every block an id from the ledger (or a new one) and return the updated ledger.

    ``published`` (id -> the texts it was published with, in releases) bounds what a changed text
    may keep: an id goes only to a text that :func:`still_names` each of them. ``settings``: the
    thresholds (``anchors`` in edition.yml).
    """
    published = published or {}

    def may_name(anchor: Anchor, text: str) -> bool:
        return all(still_names(old, text, settings) for old in published.get(anchor.id, ()))

    active = ledger.active()
    matched: dict[int, Anchor] = {}  # block index -> anchor
    used: set[str] = set()

    # 1. Unchanged text keeps its id (in reading order, for repeated texts). A retired id whose exact
    #    text comes back is revived: old citations of it meant exactly this text.
    for index, block in enumerate(blocks):
        for anchor in [*active, *(a for a in ledger.anchors if a.retired)]:
            if anchor.id not in used and anchor.zh == block.zh and may_name(anchor, block.zh):
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
        if score < settings.keep:
            break
        if index in matched or anchor_id in used or not may_name(anchors_by_id[anchor_id], blocks[index].zh):
            continue
        matched[index] = anchors_by_id[anchor_id]
        used.add(anchor_id)

    # 2b. A block split into several parts, none of which holds half of it: when the parts found whole
    #     in its old text together hold most of it, the largest part keeps the id.
    for anchor in free_anchors:
        if anchor.id in used:
            continue
        parts = [
            i for i in range(len(blocks)) if i not in matched and containment(blocks[i].zh, anchor.zh) >= settings.part
        ]
        if parts and sum(len(blocks[i].zh) for i in parts) >= settings.keep * len(anchor.zh):
            largest = max(parts, key=lambda i: len(blocks[i].zh))
            if may_name(anchor, blocks[largest].zh):
                matched[largest] = anchor
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
        if anchor.id not in used:
            anchor.retired = True
            anchor.successor = successor_of(anchor.zh, blocks, settings)
    return ledger


def successor_of(text: str, blocks: list[Block], settings: Anchors = DEFAULTS.anchors) -> str | None:
    """The block holding most of a retired text (at least ``anchors.successor`` of it), or None."""
    best = max(blocks, key=lambda b: containment(text, b.zh), default=None)
    if best is not None and containment(text, best.zh) >= settings.successor:
        return best.id
    return None


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


def load_ledger(directory: Path, slug: str, shown: str | None = None) -> Ledger | None:
    """The report's ledger, or None if it has none. A damaged ledger is an :class:`EditionError`
    naming the file (as ``shown``), the id and the line."""
    path = ledger_path(directory, slug)
    if not path.exists():
        return None
    return parse_ledger(load_yaml_with_lines(path, shown), slug, shown or str(path))


def parse_ledger(data: object, slug: str, shown: str) -> Ledger:
    if not isinstance(data, dict) or not isinstance(data.get("anchors"), list):
        raise EditionError(shown, "an anchor ledger must be a mapping with an 'anchors' list")
    unknown = sorted(set(data) - _LEDGER_KEYS - set(BOOKKEEPING))
    if unknown:
        raise EditionError(shown, f"unknown key {unknown[0]!r} in the ledger", data.get("__line__"))
    if data.get("report") not in (None, slug):
        raise EditionError(shown, f"the ledger is for report {data.get('report')!r}, not {slug!r}: a ledger "
                           "is never renamed by hand (to rename a report, see previous_slugs in docs/method.md)")
    anchors = [_anchor(item, shown) for item in data["anchors"]]
    seen: dict[str, Anchor] = {}
    for anchor in anchors:
        if anchor.id in seen:
            raise EditionError(shown, f"id {anchor.id} is listed twice (first at line {seen[anchor.id].line}): "
                               "an id names one text", anchor.line)
        seen[anchor.id] = anchor
    for anchor in anchors:
        if anchor.successor is not None and anchor.successor not in seen:
            raise EditionError(shown, f"retired id {anchor.id} lands on {anchor.successor}, which the ledger "
                               "does not list", anchor.line)
    next_number = data.get("next", 1)
    if not isinstance(next_number, int) or isinstance(next_number, bool) or next_number < 1:
        raise EditionError(shown, f"'next' must be a positive whole number, not {next_number!r}", data.get("__line__"))
    previous = data.get("previous_slugs") or []
    if not isinstance(previous, list) or not all(isinstance(s, str) for s in previous):
        raise EditionError(shown, "'previous_slugs' must be a list of slugs", data.get("__line__"))
    source = data.get("source")
    highest = max((id_number(a.id) for a in anchors), default=0)
    return Ledger(slug, anchors, max(next_number, highest + 1), source if isinstance(source, str) else None,
                  list(previous), bool(data.get("provisional")))


def _anchor(item: object, shown: str) -> Anchor:
    line = item.get("__line__") if isinstance(item, dict) else None
    if not isinstance(item, dict) or not isinstance(item.get("zh"), str) or not item["zh"]:
        raise EditionError(shown, "each ledger entry needs an 'id' and its Chinese 'zh'", line)
    anchor_id = item.get("id")
    if not isinstance(anchor_id, str) or not ID_RE.match(anchor_id):
        raise EditionError(shown, f"{anchor_id!r} is not an anchor id (b1, b2 …)", line)
    unknown = sorted(set(item) - _ENTRY_KEYS - set(BOOKKEEPING))
    if unknown:
        raise EditionError(shown, f"{anchor_id}: unknown key {unknown[0]!r}", line)
    retired = item.get("retired", False)
    successor = item.get("successor")
    if not isinstance(retired, bool) or (successor is not None and not isinstance(successor, str)):
        raise EditionError(shown, f"{anchor_id}: 'retired' must be true or false and 'successor' an id", line)
    if successor is not None and not retired:
        raise EditionError(shown, f"{anchor_id} has a successor but is not retired", line)
    return Anchor(anchor_id, item["zh"], retired, successor, line)


def dump_ledger(ledger: Ledger) -> str:
    body: dict[str, object] = {"report": ledger.report}
    if ledger.source:
        body["source"] = ledger.source
    if ledger.previous_slugs:
        body["previous_slugs"] = list(ledger.previous_slugs)
    if ledger.provisional:
        body["provisional"] = True
    body["next"] = ledger.next_number
    body["anchors"] = [a.to_yaml() for a in sorted(ledger.anchors, key=_id_key)]
    text = yaml.dump(body, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
    return _HEADER.format(slug=ledger.report) + text


def save_ledger(directory: Path, ledger: Ledger) -> bool:
    """Write the ledger if it changed; True if the file was (re)written."""
    return write_text(ledger_path(directory, ledger.report), dump_ledger(ledger))


def _id_key(anchor: Anchor) -> tuple[int, str]:
    return (id_number(anchor.id), anchor.id)
