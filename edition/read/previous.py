"""The last build's ``edition.json``: a record of which id named which text, and of the English.

It is one of the records an id is recovered from (:mod:`edition.anchor.reconcile`) and tells a
changed Chinese from a hand-edited msgid (:mod:`edition.translate.sync`). It is the build's own
output and may be missing, stale (from another branch) or from an older schema: then it simply
knows nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class PreviousReport:
    texts: dict[str, str] = field(default_factory=dict)  # id -> Chinese
    retired: dict[str, str | None] = field(default_factory=dict)  # retired id -> where it landed
    english: dict[str, str] = field(default_factory=dict)  # id -> its English, where it had one


def load_previous(path: Path) -> dict[str, PreviousReport]:
    """slug -> what the last build recorded of the report (empty when there is no usable file)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        reports = {}
        for report in data.get("reports", []):
            blocks = [b for b in report["blocks"] if isinstance(b.get("id"), str)]
            reports[report["slug"]] = PreviousReport(
                {b["id"]: b["zh"] for b in blocks},
                {k: v for k, v in (report.get("retired_anchors") or {}).items()},
                {b["id"]: b["en"] for b in blocks if b.get("en")},
            )
        return reports
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
