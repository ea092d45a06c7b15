"""Release manifests, ``anchors/releases/<version>.json``: what a release published, checked by every build.

A manifest lists every report of the release (slug and source), every block (id, kind, ¶ number,
its Chinese and the SHA-256 of it, and the state of its translation) and every retired id (with its
text and where it landed). ``edition release`` writes it; it is committed and never changed.

Every build checks every manifest against the edition it is about to publish:

* each published report is still in the edition (or moved to another slug, or withdrawn: see
  :mod:`edition.anchor.slugs`);
* each id published as a block is still in the report's ledger, still names its text
  (:func:`edition.anchor.similarity.still_names`), and if it is retired now, has a successor, so that
  its citation lands on the text that took its place;
* each id published as retired still names its text and lands where it did (or, if it was revived
  and retired again, on a block holding most of its text);
* no manifest lost an id by hand: each holds every id an earlier release of the report published
  and every id of the report's ledger up to the highest it names, and numbers its paragraphs without
  a gap (the SHA-256 of each block guards its text).

The manifests are also records of the ids (:mod:`edition.anchor.reconcile`): an id a ledger lost is
taken back from them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edition.anchor.ledger import Ledger, id_number
from edition.anchor.reconcile import Testimony
from edition.anchor.similarity import containment, still_names
from edition.config import DEFAULTS, Anchors
from edition.errors import EditionError
from edition.model import Report

MANIFEST_VERSION = 1
VERSION_RE = re.compile(r"^\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.]+)?$")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PublishedBlock:
    id: str
    kind: str
    number: int | None
    zh: str
    translation: str  # missing | draft | reviewed, at the release
    en_sha256: str | None = None


@dataclass(frozen=True)
class PublishedReport:
    slug: str
    source: str
    blocks: tuple[PublishedBlock, ...]
    retired: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> (zh, successor)


@dataclass(frozen=True)
class Manifest:
    version: str
    date: str
    path: str  # as messages name it
    reports: tuple[PublishedReport, ...]
    record: dict = field(default_factory=dict, compare=False, repr=False)  # the file's JSON, as written

    def report(self, slug: str) -> PublishedReport | None:
        return next((r for r in self.reports if r.slug == slug), None)


def version_key(version: str) -> tuple:
    """Order of releases: by their numbers (0.9 < 0.10 < 1.0)."""
    numbers = re.match(r"^[\d.]+", version)
    parts = tuple(int(p) for p in numbers.group(0).strip(".").split(".")) if numbers else ()
    return (parts, version)


def manifest_path(directory: Path, version: str) -> Path:
    return directory / f"{version}.json"


def load_manifests(directory: Path, shown: str = "anchors/releases") -> list[Manifest]:
    """Every release manifest, oldest first. A damaged one is an :class:`EditionError` with its line."""
    if not directory.is_dir():
        return []
    manifests = [_load(path, f"{shown}/{path.name}") for path in directory.glob("*.json")]
    return sorted(manifests, key=lambda m: version_key(m.version))


def _load(path: Path, shown: str) -> Manifest:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise EditionError(shown, f"is not UTF-8: {err.reason} at byte {err.start}") from None
    except json.JSONDecodeError as err:
        raise EditionError(shown, f"is not valid JSON: {err.msg}", err.lineno) from None
    try:
        if data["manifest_version"] != MANIFEST_VERSION:
            raise EditionError(shown, f"manifest_version {data['manifest_version']!r} is not {MANIFEST_VERSION}")
        reports = tuple(
            PublishedReport(
                r["slug"],
                r["source"],
                tuple(PublishedBlock(b["id"], b["kind"], b["number"], b["zh"], b["translation"], b.get("en_sha256"))
                      for b in r["blocks"]),
                {x["id"]: (x["zh"], x["successor"]) for x in r.get("retired", [])},
            )
            for r in data["reports"]
        )
        manifest = Manifest(str(data["version"]), str(data["date"]), shown, reports, data)
    except (KeyError, TypeError) as err:
        raise EditionError(shown, f"is not a release manifest (missing or malformed {err})") from None
    if path.stem != manifest.version:
        raise EditionError(shown, f"holds release {manifest.version!r}, but is named {path.name}")
    for report in reports:
        for block in report.blocks:
            if sha256(block.zh) != _digest(data, report.slug, block.id):
                raise EditionError(shown, f"{report.slug}#{block.id}: its text does not match its SHA-256 "
                                   "(a release manifest is never edited)")
    return manifest


def _digest(data: dict[str, Any], slug: str, anchor_id: str) -> str | None:
    report = next(r for r in data["reports"] if r["slug"] == slug)
    return next((b.get("sha256") for b in report["blocks"] if b["id"] == anchor_id), None)


def testimony(manifest: Manifest, slug: str) -> Testimony | None:
    """What the release says of a report's ids (blocks and retired ids, with their texts)."""
    report = manifest.report(slug)
    if report is None:
        return None
    texts = {b.id: b.zh for b in report.blocks} | {i: zh for i, (zh, _) in report.retired.items()}
    return Testimony(manifest.path, texts, frozenset(report.retired),
                     {i: successor for i, (_, successor) in report.retired.items()})


def published_texts(manifests: Iterable[Manifest], slug: str) -> dict[str, list[str]]:
    """id -> every text it was published with as a block of the report."""
    texts: dict[str, list[str]] = {}
    for manifest in manifests:
        report = manifest.report(slug)
        for block in report.blocks if report else ():
            if block.zh not in texts.setdefault(block.id, []):
                texts[block.id].append(block.zh)
    return texts


def check_releases(manifests: Iterable[Manifest], ledgers: Mapping[str, Ledger], moved: Mapping[str, str],
                   settings: Anchors = DEFAULTS.anchors) -> None:
    """Every id a release published as a block still names its text, or lands on its successor; every id it
    published as retired still lands where it did (or on a block holding most of its text).

    The manifests are also checked against each other and the ledgers, since a hand-cut manifest would
    otherwise stop guarding the ids it lost (:func:`check_manifests`). ``moved`` maps a slug a report was
    published under to its slug now; reports that are no longer in ``ledgers`` at all are
    :mod:`edition.anchor.slugs`' to report.
    """
    manifests = list(manifests)
    check_manifests(manifests, ledgers, moved)
    for manifest in manifests:
        for report in manifest.reports:
            slug = moved.get(report.slug, report.slug)
            ledger = ledgers.get(slug)
            if ledger is None:
                continue
            for block in report.blocks:
                mark = f"¶{block.number}" if block.number else block.kind
                where = f"{slug}#{block.id} ({mark}, published in release {manifest.version})"
                _check_published(manifest, ledger, slug, block.id, block.zh, None, where, settings)
            for anchor_id, (zh, successor) in report.retired.items():
                where = f"{slug}#{anchor_id} (retired, landing on {successor or 'nothing'}, in release {manifest.version})"
                _check_published(manifest, ledger, slug, anchor_id, zh, (successor,), where, settings)


def _check_published(manifest: Manifest, ledger: Ledger, slug: str, anchor_id: str, zh: str,
                     retired: tuple[str | None] | None, where: str, settings: Anchors) -> None:
    """One published id against the ledger (``retired``: the successor the release gave it, if it was retired)."""
    anchor = ledger.by_id().get(anchor_id)
    if anchor is None:
        raise EditionError(manifest.path, f"{where} is no longer in anchors/{slug}.yaml: a published id never disappears")
    if not still_names(zh, anchor.zh, settings):
        raise EditionError(manifest.path, f"{where} now names other text ({_short(anchor.zh)!r} instead of "
                           f"{_short(zh)!r}): a published id keeps its text")
    if not anchor.retired:
        return
    landing = ledger.resolve(anchor_id)
    if landing is None and (retired is None or retired[0] is not None):
        raise EditionError(manifest.path, f"{where} was retired with no successor: its text is no longer in the "
                           "reading text, and its citations would land nowhere (did a cleaning rule or a source change "
                           "leave it out?)")
    if retired is not None and anchor.successor != retired[0] and landing is not None:
        text = ledger.by_id()[landing].zh
        if containment(zh, text) < settings.successor:
            raise EditionError(manifest.path, f"{where} now lands on {landing} ({_short(text)!r}), which does not hold "
                               f"its text ({_short(zh)!r}): a published citation keeps landing on its text")


def check_manifests(manifests: Sequence[Manifest], ledgers: Mapping[str, Ledger], moved: Mapping[str, str]) -> None:
    """No manifest lost an id by hand: each holds every id an earlier release of the report published, every id
    its report's ledger lists up to the highest it names, and ¶ numbers without a gap."""
    seen: dict[str, tuple[Manifest, set[str]]] = {}  # slug now -> the latest manifest of it, and its ids
    for manifest in manifests:
        for report in manifest.reports:
            slug = moved.get(report.slug, report.slug)
            ids = {b.id for b in report.blocks} | set(report.retired)
            lost = sorted(seen[slug][1] - ids, key=id_number) if slug in seen else []
            if lost:
                raise EditionError(manifest.path, f"{report.slug}: {', '.join(lost)}, published in release "
                                   f"{seen[slug][0].version}, {_is(lost)} not in this release: a release manifest is "
                                   "never edited (git checkout it)")
            ledger = ledgers.get(slug)
            highest = max((id_number(i) for i in ids), default=0)
            missing = sorted((a.id for a in ledger.anchors if id_number(a.id) <= highest and a.id not in ids),
                             key=id_number) if ledger else []
            if missing:
                raise EditionError(manifest.path, f"{report.slug}: {', '.join(missing)} (in anchors/{slug}.yaml) "
                                   f"{'was' if len(missing) == 1 else 'were'} issued before release {manifest.version} "
                                   "but {} not in it: a release manifest is never edited (git checkout it)"
                                   .format(_is(missing)))
            numbers = [b.number for b in report.blocks if b.number is not None]
            if numbers != list(range(1, len(numbers) + 1)):
                gap = next(n for n, got in enumerate(numbers, start=1) if got != n)
                raise EditionError(manifest.path, f"{report.slug}: the paragraphs are not numbered ¶1, ¶2 … (¶{gap} "
                                   "is missing or out of place): a release manifest is never edited (git checkout it)")
            seen[slug] = (manifest, ids)


def _is(ids: Sequence[str]) -> str:
    return "is" if len(ids) == 1 else "are"


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def manifest_record(version: str, date: str, reports: Iterable[Report], ledgers: Mapping[str, Ledger]) -> dict:
    """What a release publishes: every report, block and retired id, with its text (JSON-ready)."""
    return {
        "manifest_version": MANIFEST_VERSION,
        "version": version,
        "date": date,
        "reports": [
            {
                "slug": report.slug,
                "source": report.source,
                "blocks": [
                    {"id": b.id, "kind": b.kind, "number": b.number, "sha256": sha256(b.zh), "zh": b.zh,
                     "translation": b.status, "en_sha256": sha256(b.en) if b.en else None}
                    for b in report.blocks
                ],
                "retired": [
                    {"id": a.id, "successor": a.successor, "zh": a.zh}
                    for a in ledgers[report.slug].anchors if a.retired
                ],
            }
            for report in reports
        ],
    }


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
