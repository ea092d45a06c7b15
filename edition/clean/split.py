"""Cut a source's pieces into reports: a report opens at each title (or at the kicker above it).

Notes before the first title (an editor's note introducing the report) belong to the first
report. Paratext and omissions stay with the source.
"""

from __future__ import annotations

from edition.model import Block, Omission, Paratext, Piece


def split_reports(pieces: list[Piece]) -> tuple[list[list[Block]], list[Paratext], list[Omission]]:
    reports: list[list[Block]] = []
    pending: list[Block] = []  # blocks seen before the first title
    current: list[Block] | None = None
    for block in (p for p in pieces if isinstance(p, Block)):
        previous = current[-1] if current else None
        opens = block.kind == "kicker" or (
            block.kind == "title" and not (previous is not None and previous.kind == "kicker")
        )
        if opens:
            current = [*pending, block]
            pending = []
            reports.append(current)
        elif current is not None:
            current.append(block)
        else:
            pending.append(block)
    if pending:  # no title at all: one untitled report
        reports.append(pending)
    paratext = [p for p in pieces if isinstance(p, Paratext)]
    omissions = [p for p in pieces if isinstance(p, Omission)]
    return reports, paratext, omissions
