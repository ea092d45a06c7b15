"""Every non-whitespace character of every source is accounted for, after the documented normalisations:
in a block of the reading text, in paratext, or in the apparatus of omissions — in source order."""

from __future__ import annotations

import itertools

import pytest

from edition.paths import Paths

FOLD = str.maketrans("，：；（）！？", ",:;()!?")  # N4 is the only rule that changes a visible character


def folded(text: str) -> str:
    return "".join(text.split()).translate(FOLD)


@pytest.mark.parametrize("name", [p.name for p in Paths().source_files()])
def test_every_character_is_accounted_for(edition, name):
    source = next(s for s in edition.sources if s.source.file == name)
    pieces = [(b.lines, b.zh) for r in source.reports for b in r.blocks]
    pieces += [(p.lines, p.zh) for p in source.paratext]
    pieces += [(o.lines, o.text) for o in source.omissions]
    pieces.sort(key=lambda piece: piece[0])
    accounted = "".join(folded(text) for _, text in pieces)
    assert accounted == folded(source.source.text)


def test_pieces_never_overlap(edition):
    for source in edition.sources:
        spans = sorted(
            [b.lines for r in source.reports for b in r.blocks]
            + [p.lines for p in source.paratext]
            + [o.lines for o in source.omissions]
        )
        for (_, last), (first, _) in itertools.pairwise(spans):
            assert last < first, source.source.file
