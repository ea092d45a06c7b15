"""How each line of a source was used: what an editor checks before a new source's anchors are published.

Every line is in one of four states: in a **block** of the reading text (with its report, kind,
anchor id once anchored, and the rule that made the block), in **paratext** (kind and rule), in the
apparatus of **omissions** (the rule that left it out), or **empty** (layout). An omission inside a
block's span (a page number between two lines of a paragraph) is shown as the omission it is.
The build prints this for a source none of whose reports has an anchor ledger yet, the Sources
page shows it beside every raw line, and ``edition check-source FILE`` prints it without writing.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.model import FORMAT_NAMES, LAYOUT_NAMES, SourceEdition

BLOCK, PARATEXT, OMISSION, EMPTY = "block", "paratext", "omission", "empty"


@dataclass(frozen=True)
class LineUse:
    number: int
    raw: str
    use: str  # BLOCK, PARATEXT, OMISSION or EMPTY
    kind: str = ""  # the block's or paratext's kind; for an omission, "omitted"
    rule: str = ""
    report: str = ""  # the block's report (slug)
    block: str = ""  # the block's anchor id, once anchored

    @property
    def label(self) -> str:
        """Short, for a column: 'paragraph b3', 'paratext: dateline', 'omitted'."""
        if self.use == BLOCK:
            return f"{self.kind} {self.block}".strip()
        if self.use == PARATEXT:
            return f"paratext: {self.kind}"
        return "omitted" if self.use == OMISSION else ""


def line_uses(edition: SourceEdition) -> list[LineUse]:
    """One entry per line of the source, in order."""
    uses: dict[int, tuple[str, str, str, str, str]] = {}
    for report in edition.reports:
        for block in report.blocks:
            for number in range(block.lines[0], block.lines[1] + 1):
                uses[number] = (BLOCK, block.kind, block.rule or "", report.slug, block.id or "")
    for piece in edition.paratext:
        for number in range(piece.lines[0], piece.lines[1] + 1):
            uses[number] = (PARATEXT, piece.kind, piece.rule, "", "")
    for omission in edition.omissions:
        for number in range(omission.lines[0], omission.lines[1] + 1):
            uses[number] = (OMISSION, "omitted", omission.rule, "", "")
    return [
        LineUse(number, raw, *uses[number]) if raw.strip() and number in uses else LineUse(number, raw, EMPTY)
        for number, raw in enumerate(edition.source.lines, start=1)
    ]


def format_uses(edition: SourceEdition, shown: str) -> str:
    """The review as plain text: a header, one line per non-empty source line, then the doubts."""
    source = edition.source
    slugs = ", ".join(r.slug for r in edition.reports)
    what = source.encoding if source.format == "text" else FORMAT_NAMES[source.format]
    out = [f"{shown}: {what}, read as {LAYOUT_NAMES.get(source.layout, source.layout)}; "
           f"{len(edition.reports)} report(s): {slugs}. How each line was used:"]
    width = max((len(use.label) for use in line_uses(edition)), default=0)
    for use in line_uses(edition):
        if use.use == EMPTY:
            continue
        text = use.raw.strip()
        text = text if len(text) <= _TEXT else text[: _TEXT - 1] + "…"
        out.append(f"  {use.number:>4}  {use.label:<{width}}  {use.rule:<28}  {text}")
    for doubt in edition.doubts:
        first, last = doubt.lines
        out.append(f"  doubt, line{'s' if first != last else ''} {first if first == last else f'{first}-{last}'}: "
                   f"{doubt.message}")
    return "\n".join(out)


_TEXT = 40  # characters of each line shown


class Review:
    """The review of a new source, formatted only when a log handler prints it (never when a log is only
    counted, as the benchmark's is)."""

    def __init__(self, edition: SourceEdition, shown: str) -> None:
        self.edition, self.shown = edition, shown

    def __str__(self) -> str:
        return (f"{self.shown} is new (none of its reports has anchors yet): check how each line was used "
                f"before they are published.\n{format_uses(self.edition, self.shown)}")
