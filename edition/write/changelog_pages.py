"""The changelog: one page per release, and what changed since the latest one.

Each release is compared with the one before it (the first with nothing), report by report, from the
release manifests (:mod:`edition.anchor.releases`): blocks added, blocks whose Chinese changed (with
the change marked character by character), ids retired and where they land now, and translations
newly reviewed, revised or drafted. The index also shows what the next release would add, by the
same comparison of the edition as built now with the latest release.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from edition.write.render import HAND_PAGES, render

UNRELEASED = "unreleased"


@dataclass
class ReportChanges:
    slug: str
    new_report: bool = False
    added: list[dict[str, Any]] = field(default_factory=list)
    changed: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)  # (before, after)
    retired: list[tuple[str, str | None]] = field(default_factory=list)  # (id, lands on)
    reviewed: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)  # English changed, state unchanged
    drafted: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.new_report or self.added or self.changed or self.retired or self.reviewed
                    or self.revised or self.drafted)


def changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[ReportChanges]:
    """Report by report, what ``after`` (a manifest record) changed from ``before``."""
    earlier = {r["slug"]: r for r in (before or {}).get("reports", [])}
    found = []
    for report in after["reports"]:
        old = earlier.get(report["slug"])
        change = ReportChanges(report["slug"], new_report=old is None)
        old_blocks = {b["id"]: b for b in (old or {}).get("blocks", [])}
        old_retired = {r["id"] for r in (old or {}).get("retired", [])}
        for block in report["blocks"]:
            previous = old_blocks.get(block["id"])
            if previous is None:
                change.added.append(block)
                continue
            if previous["sha256"] != block["sha256"]:
                change.changed.append((previous, block))
            if block["translation"] == "reviewed" and previous["translation"] != "reviewed":
                change.reviewed.append(block["id"])
            elif block["translation"] == "draft" and previous["translation"] == "missing":
                change.drafted.append(block["id"])
            elif block["en_sha256"] != previous["en_sha256"] and previous["en_sha256"]:
                change.revised.append(block["id"])
        if old is not None:
            change.retired = [(r["id"], r["successor"]) for r in report.get("retired", []) if r["id"] not in old_retired]
        found.append(change)
    return found


def changelog_index(manifests: list[dict[str, Any]], current: dict[str, Any], *,
                    hand_pages: frozenset[str] = frozenset(HAND_PAGES)) -> str:
    """The list of releases, newest first, and what the edition now adds to the latest."""
    pending = [c for c in changes(manifests[-1] if manifests else None, current) if not c.empty()]
    releases = [{"version": m["version"], "date": m["date"], "reports": len(m["reports"]),
                 "blocks": sum(len(r["blocks"]) for r in m["reports"])} for m in reversed(manifests)]
    return render("changelog_index.md.j2", pending=pending, releases=releases, hand_pages=hand_pages)


def release_page(manifest: dict[str, Any], before: dict[str, Any] | None) -> str:
    found = [c for c in changes(before, manifest) if not c.empty()]
    return render("release.md.j2", version=manifest["version"], date=manifest["date"],
                  before=before["version"] if before else None, found=found, diff=diff_segments)


def diff_segments(before: str, after: str) -> list[tuple[str, str]]:
    """The change from ``before`` to ``after``, character by character: ("del" | "ins" | "equal", text)."""
    segments = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            segments.append(("del", before[a1:a2]))
        if op in ("insert", "replace"):
            segments.append(("ins", after[b1:b2]))
        if op == "equal":
            segments.append(("equal", after[b1:b2]))
    return segments
