"""Ids are recovered, never re-invented: a report's ledger is checked against every other record of it.

Which id names which text is written down in more than one place:

* the anchor ledger, ``anchors/<slug>.yaml`` (the build's own record);
* the report's PO file: each entry's msgctxt is an id and its msgid the Chinese the id named when
  the file was last synchronised, obsolete (``#~``) entries included;
* the last build's ``edition.json`` (blocks and retired anchors);
* the release manifests, ``anchors/releases/<version>.json`` (every id published, with its text).

Before ids are assigned, the ledger is checked against the others (each a :class:`Testimony`):

* ids the ledger lacks (a lost, truncated or hand-cut ledger) are taken back, with their text, from
  the PO file or a release manifest (from the last build too when there is no ledger at all),
  retired where that record shows them retired;
* a recovered id is checked against every other record that knows it: where two records give it
  different texts, the ids are assigned under each reading, and unless every block gets the same id
  either way the build stops, naming the report, the ids and the files;
* an id only the PO file knows whose text another record gives another id (a msgctxt renamed by
  hand) stops the build: it is never added to the ledger;
* a retired id the last build knows without its text (when ledger and PO file are both gone and no
  release names it) cannot be recovered: the build stops rather than lose it;
* the counter of new ids is raised past every id any record knows, retired ones included: an id is
  never issued again;
* where the ledger and the PO file give an id different texts, the last build breaks the tie (the
  other was edited by hand: a hand-edited msgid is restored by the PO sync, a hand-edited ledger
  entry here). Without a tie-breaker the ids are assigned under both readings: when every block
  gets the same id either way nothing can move, and the ledger's reading is kept; otherwise the
  build stops, naming the report, the ids and the files;
* an id only the ledger knows whose text is that of an id the ledger lost was renamed by hand: the
  build stops (an id is never renamed).

What was done comes back as notes, one line each, which the build prints as warnings.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from edition.anchor.ledger import Anchor, Ledger, assign_ids, id_number, successor_of
from edition.config import DEFAULTS, Anchors
from edition.errors import EditionError
from edition.model import Block


@dataclass(frozen=True)
class Testimony:
    """What one record says about a report's ids."""

    record: str  # the file, as messages name it
    texts: Mapping[str, str]  # id -> the Chinese it named there
    retired: frozenset[str] = frozenset()  # ids the record shows as retired
    successors: Mapping[str, str | None] = field(default_factory=dict)  # retired id -> where it landed
    lines: Mapping[str, int] = field(default_factory=dict)  # id -> its line in the record

    def where(self, anchor_id: str) -> str:
        line = self.lines.get(anchor_id)
        return f"{self.record}:{line}" if line else self.record


@dataclass
class Anchored:
    """A report's ledger after its ids were assigned, and what reconciling it did."""

    ledger: Ledger
    notes: list[str] = field(default_factory=list)
    recovered: set[str] = field(default_factory=set)  # ids taken back from other records than the ledger


def anchor_blocks(
    slug: str,
    blocks: list[Block],
    ledger: Ledger | None,
    ledger_file: str,
    *,
    po: Testimony | None = None,
    build: Testimony | None = None,
    releases: Sequence[Testimony] = (),
    published: Mapping[str, list[str]] | None = None,
    settings: Anchors = DEFAULTS.anchors,
) -> Anchored:
    """Reconcile the ledger with the other records, then give every block its id.

    ``published`` (id -> the texts it was published with) bounds which text an id may keep;
    ``settings``: the thresholds (``anchors`` of edition.yml)."""
    notes: list[str] = []
    published = published or {}
    base, recovered = _recovered(slug, ledger, ledger_file, po, build, releases, notes)
    _check_recovered(slug, base, recovered, ledger_file, blocks, [t for t in (po, build, *releases) if t],
                     published, notes, settings, "no ledger" if ledger is None else "the ledger lacked ids")
    _settle_disagreements(slug, ledger, base, recovered, ledger_file, blocks, po, build, published, notes, settings)
    _raise_counter(base, ledger, [t for t in (po, build, *releases) if t], ledger_file, notes)
    pending = {a.id for a in base.anchors if a.id in recovered and a.retired and a.successor is None}
    assign_ids(blocks, base, published, settings)
    for anchor in base.anchors:  # recovered retired ids land where most of their text is now
        if anchor.id in pending and anchor.retired and anchor.successor is None:
            anchor.successor = successor_of(anchor.zh, blocks, settings)
    return Anchored(base, notes, set(recovered))


def _recovered(
    slug: str,
    ledger: Ledger | None,
    ledger_file: str,
    po: Testimony | None,
    build: Testimony | None,
    releases: Sequence[Testimony],
    notes: list[str],
) -> tuple[Ledger, dict[str, Testimony]]:
    """The ledger with every id it lacks taken back from the other records, and those ids (with the
    record each was taken from)."""
    base = copy.deepcopy(ledger) if ledger is not None else Ledger(slug)
    fillers = [t for t in (po, *releases) if t is not None]
    if ledger is None and build is not None:  # (with a ledger, the last build may be another branch's)
        fillers.append(build)
    known = base.by_id()
    recovered: dict[str, Testimony] = {}
    for testimony in fillers:
        for anchor_id in testimony.texts:
            if anchor_id not in known and anchor_id not in recovered:
                recovered[anchor_id] = testimony
    others = [t for t in (po, build, *releases) if t]
    if ledger is not None and recovered:
        _refuse_renames(ledger, ledger_file, recovered, others)
    if po is not None:
        _refuse_po_renames(base, po, recovered, others, ledger_file)
    if ledger is None and build is not None:
        _refuse_textless(slug, build, recovered, ledger_file, po is None)
    if not recovered:
        return base, {}
    for anchor_id in sorted(recovered, key=id_number):
        testimony = recovered[anchor_id]
        retired = anchor_id in testimony.retired
        successor = testimony.successors.get(anchor_id) if retired else None
        base.anchors.append(Anchor(anchor_id, testimony.texts[anchor_id], retired, successor))
    ids = sorted({a.id for a in base.anchors}, key=id_number)
    for anchor in base.anchors:  # a successor the records name but nobody knows is no successor
        if anchor.successor is not None and anchor.successor not in ids:
            anchor.successor = None
    sources = ", ".join(dict.fromkeys(t.record for t in recovered.values()))
    what = "no ledger" if ledger is None else f"the ledger lacked {_ids(recovered)}"
    notes.append(f"{ledger_file}: {what}: ids recovered from {sources} "
                 f"({len(recovered)} id{'s' if len(recovered) != 1 else ''}; each keeps the text it named)")
    return base, recovered


def _refuse_po_renames(
    base: Ledger, po: Testimony, recovered: Mapping[str, Testimony], others: Sequence[Testimony], ledger_file: str
) -> None:
    """An id only the PO file knows, whose msgid another record gives another id: a msgctxt renamed by hand.

    (A repeated text is no rename: then the PO file gives the other id that text too.)"""
    named: dict[str, tuple[str, str]] = {}  # text -> (id, where) in the ledger and the records besides the PO file
    for anchor in base.anchors:
        named.setdefault(anchor.zh, (anchor.id, f"{ledger_file}:{anchor.line}" if anchor.line else ledger_file))
    for testimony in others:
        if testimony is not po:
            for anchor_id, text in testimony.texts.items():
                named.setdefault(text, (anchor_id, testimony.where(anchor_id)))
    for anchor_id in sorted(recovered, key=id_number):
        if recovered[anchor_id] is not po or any(anchor_id in t.texts for t in others if t is not po):
            continue
        text = po.texts[anchor_id]
        if text in named and named[text][0] != anchor_id and po.texts.get(named[text][0]) != text:
            other, where = named[text]
            raise EditionError(
                po.where(anchor_id),
                f"{anchor_id} names the text of {other} ({where}), and no other record knows {anchor_id}: an id "
                f"is never renamed; put {other} back in its msgctxt (git diff {po.record}); nothing was written",
            )


def _refuse_textless(
    slug: str, build: Testimony, recovered: Mapping[str, Testimony], ledger_file: str, no_po: bool
) -> None:
    """Retired ids the last build knows only by their successor: without their text they cannot be kept."""
    lost = [i for i in build.retired if i not in recovered and i not in build.texts]
    if lost:
        landing = ", ".join(f"{i} → {build.successors.get(i) or 'nowhere'}" for i in sorted(lost, key=id_number))
        raise EditionError(
            ledger_file,
            f"report {slug!r}: no ledger{' and no PO file' if no_po else ''}; {build.record} gives the text of "
            f"every block but not of the retired {_ids(lost)} ({landing}), and no other record does; it must keep "
            f"resolving: restore the ledger (git checkout {ledger_file}) and build again; nothing was written",
        )


def _check_recovered(
    slug: str,
    base: Ledger,
    recovered: Mapping[str, Testimony],
    ledger_file: str,
    blocks: list[Block],
    testimonies: Sequence[Testimony],
    published: Mapping[str, list[str]],
    notes: list[str],
    settings: Anchors,
    what: str,
) -> None:
    """Every recovered id against every other record that knows it: where they give it different texts,
    the ids are assigned under each reading; unless every block gets the same id either way, stop."""
    readings: dict[str, dict[str, str]] = {}  # record -> id -> the text it gives, where it differs
    for anchor_id, source in recovered.items():
        for testimony in testimonies:
            text = testimony.texts.get(anchor_id)
            if testimony is not source and text is not None and text != source.texts[anchor_id]:
                readings.setdefault(testimony.record, {})[anchor_id] = text
    if not readings:
        return
    readings = {t.record: readings[t.record] for t in testimonies if t.record in readings}  # (in a fixed order)
    as_taken = _outcome(base, blocks, published, settings)

    def moves(texts: Mapping[str, str]) -> bool:
        return _outcome(_with_texts(base, texts), blocks, published, settings) != as_taken

    differing = {record: texts for record, texts in readings.items() if moves(texts)}
    ids = sorted({i for texts in readings.values() for i in texts}, key=id_number)
    sources = dict.fromkeys(recovered[i].record for i in ids)
    if not differing:
        notes.append(f"{ledger_file}: {', '.join(sources)} and {', '.join(readings)} give {_ids(ids)} different "
                     f"texts; either reading gives every block the same id: the text of {', '.join(sources)} is kept")
        return
    decisive = sorted({i for texts in differing.values() for i in texts if moves({i: texts[i]})}, key=id_number) or \
        sorted({i for texts in differing.values() for i in texts}, key=id_number)
    where = ", ".join(f"{i} ({recovered[i].where(i)})" for i in decisive)
    raise EditionError(
        ledger_file,
        f"report {slug!r}: {what}; "
        f"{', '.join(sources)} and {', '.join(differing)} disagree on the text of {where}, and which of them is "
        "right decides which block gets which id; nothing was written. Restore the damaged file (git diff / git "
        "checkout) and build again",
    )


def _refuse_renames(
    ledger: Ledger, ledger_file: str, recovered: Mapping[str, Testimony], others: Sequence[Testimony]
) -> None:
    """An id only the ledger knows, with the text of an id the ledger lost: renamed by hand."""
    elsewhere = {anchor_id for t in others for anchor_id in t.texts}
    for anchor in ledger.anchors:
        if anchor.id in elsewhere:
            continue
        for lost, testimony in recovered.items():
            if testimony.texts[lost] == anchor.zh:
                raise EditionError(
                    ledger_file,
                    f"{anchor.id} names the text of {lost} ({testimony.where(lost)}), which the ledger no longer "
                    f"lists: an id is never renamed; put {lost} back (git checkout the ledger)",
                    anchor.line,
                )


def _settle_disagreements(
    slug: str,
    ledger: Ledger | None,
    base: Ledger,
    recovered: set[str],
    ledger_file: str,
    blocks: list[Block],
    po: Testimony | None,
    build: Testimony | None,
    published: Mapping[str, list[str]],
    notes: list[str],
    settings: Anchors,
) -> None:
    if ledger is None or po is None:
        return
    restored: list[str] = []
    undecided: dict[str, str] = {}  # id -> the PO file's text
    for anchor in base.anchors:
        in_po = po.texts.get(anchor.id)
        if in_po is None or in_po == anchor.zh or anchor.id in recovered:
            continue
        in_build = build.texts.get(anchor.id) if build else None
        if in_build == in_po:  # the ledger entry was edited: the other two records agree
            anchor.zh = in_po
            restored.append(anchor.id)
        elif in_build != anchor.zh:  # (a hand-edited msgid is the PO sync's to restore)
            undecided[anchor.id] = in_po
    if restored:
        notes.append(f"{ledger_file}: the text of {_ids(restored)} differed from {po.record} and "
                     f"{build.record if build else ''}, which agree: restored")
    if not undecided:
        return
    as_written = _outcome(base, blocks, published, settings)
    if _outcome(_with_texts(base, undecided), blocks, published, settings) == as_written:
        notes.append(f"{ledger_file} and {po.record} give {_ids(undecided)} different texts; either "
                     "reading gives every block the same id: the ledger's is kept")
        return
    decisive = [i for i in undecided if _outcome(_with_texts(base, {i: undecided[i]}), blocks, published, settings)
                != as_written] or list(undecided)
    where = ", ".join(f"{i} (line {base.by_id()[i].line} / {po.where(i)})" for i in decisive)
    raise EditionError(
        ledger_file,
        f"report {slug!r}: the ledger and {po.record} disagree on the text of {where}, and which of them is "
        "right decides which block gets which id; nothing was written. Restore the damaged file "
        "(git diff / git checkout) and build again",
    )


def _with_texts(ledger: Ledger, texts: Mapping[str, str]) -> Ledger:
    other = copy.deepcopy(ledger)
    for anchor in other.anchors:
        if anchor.id in texts:
            anchor.zh = texts[anchor.id]
    return other


def _outcome(ledger: Ledger, blocks: list[Block], published: Mapping[str, list[str]], settings: Anchors) -> tuple:
    trial = copy.deepcopy(ledger)
    trial_blocks = [copy.copy(b) for b in blocks]
    assign_ids(trial_blocks, trial, published, settings)
    return tuple(b.id for b in trial_blocks), tuple(sorted(trial.redirects().items()))


def _raise_counter(
    base: Ledger, ledger: Ledger | None, testimonies: Sequence[Testimony], ledger_file: str, notes: list[str]
) -> None:
    """New ids start past every id any record knows."""
    highest = max((id_number(i) for t in testimonies for i in (*t.texts, *t.retired, *filter(None, t.successors.values()))),
                  default=0)
    highest = max(highest, *(id_number(a.id) for a in base.anchors), 0)
    if highest + 1 > base.next_number:
        if ledger is not None and highest >= ledger.next_number:
            notes.append(f"{ledger_file}: 'next' was {ledger.next_number}, but b{highest} is known: "
                         f"new ids start at b{highest + 1}")
        base.next_number = highest + 1


def _ids(ids: Iterable[str]) -> str:
    """Ids for a message, runs shortened: b3, b11–b53."""
    numbers = sorted({id_number(i) for i in ids})
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(", ".join(f"b{n}" for n in r) if len(r) < 3 else f"b{r[0]}–b{r[-1]}" for r in runs)
