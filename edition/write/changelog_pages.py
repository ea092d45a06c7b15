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
from html import escape
from typing import Any

from edition.write.markup import front_matter

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


def changelog_index(manifests: list[dict[str, Any]], current: dict[str, Any]) -> str:
    """The list of releases, newest first, and what the edition now adds to the latest."""
    lines = [*front_matter("Changelog"), "# Changelog { #top }", "",
             "What each release of the edition published, and what changed from the release before: "
             "blocks added, Chinese texts changed, anchors retired (each still lands on the text that took "
             "its place) and translations reviewed. A release's anchors are fixed by its manifest "
             "(`anchors/releases/<version>.json`, in the repository): every build checks that each of them "
             "still names its text. See [Editorial method](../method.md#anchors).", ""]
    lines += ["## Since the latest release { #unreleased }", ""]
    pending = [c for c in changes(manifests[-1] if manifests else None, current) if not c.empty()]
    lines += _summary(pending) if pending else ["Nothing has changed since the latest release.", ""]
    lines += ["## Releases { #releases }", ""]
    if not manifests:
        lines += ["No release yet: the anchors are stable, but none is fixed by a manifest "
                  "(`edition release VERSION`).", ""]
    for manifest in reversed(manifests):
        blocks = sum(len(r["blocks"]) for r in manifest["reports"])
        lines.append(f"- [Release {escape(manifest['version'])}]({manifest['version']}.md), "
                     f"{escape(manifest['date'])}: {len(manifest['reports'])} reports, {blocks} blocks")
    return "\n".join([*lines, ""])


def release_page(manifest: dict[str, Any], before: dict[str, Any] | None) -> str:
    version = manifest["version"]
    lines = [*front_matter(f"Release {version}"), f"# Release {escape(version)} {{ #top }}", "",
             f"Released {escape(manifest['date'])}"
             + (f"; compared with release {escape(before['version'])}." if before else ", the first release."),
             ""]
    found = [c for c in changes(before, manifest) if not c.empty()]
    lines += _details(found) if found else ["Nothing changed.", ""]
    return "\n".join([*lines, ""])


def _summary(found: list[ReportChanges]) -> list[str]:
    lines = ["| Report | Added | Changed | Retired | Reviewed | Revised | Drafted |", "|---|---|---|---|---|---|---|"]
    for c in found:
        label = f"[{escape(c.slug)}](../reports/{c.slug}.md)" + (" (new)" if c.new_report else "")
        lines.append(f"| {label} | {len(c.added)} | {len(c.changed)} | {len(c.retired)} | {len(c.reviewed)} "
                     f"| {len(c.revised)} | {len(c.drafted)} |")
    return [*lines, ""]


def _details(found: list[ReportChanges]) -> list[str]:
    lines = _summary(found)
    for c in found:
        lines += [f"## {escape(c.slug)} {{ #{c.slug} }}", ""]
        if c.new_report:
            lines += [f"New report, {len(c.added)} blocks.", ""]
        elif c.added:
            lines += ["Blocks added: " + ", ".join(_link(c.slug, b["id"]) for b in c.added) + ".", ""]
        for before, after in c.changed:
            lines += [f'<p class="changelog-diff">{_link(c.slug, after["id"])}: '
                      f'<span lang="zh-Hans">{chinese_diff(before["zh"], after["zh"])}</span></p>', ""]
        if c.retired:
            lines += ["Anchors retired: " + ", ".join(
                f"{escape(i)} → {_link(c.slug, s) if s else 'the top of the report'}" for i, s in c.retired) + ".", ""]
        for label, ids in (("Translations reviewed", c.reviewed), ("Translations revised", c.revised),
                           ("Translations drafted", c.drafted)):
            if ids:
                lines += [f"{label}: " + ", ".join(_link(c.slug, i) for i in ids) + ".", ""]
    return lines


def chinese_diff(before: str, after: str) -> str:
    """The change from ``before`` to ``after``, character by character: <del>removed</del><ins>added</ins>."""
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(before[a1:a2])}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(after[b1:b2])}</ins>")
        if op == "equal":
            out.append(escape(after[b1:b2]))
    return "".join(out)


def _link(slug: str, anchor_id: str) -> str:
    return f'<a href="../../reports/{slug}/#{anchor_id}">{escape(anchor_id)}</a>'
