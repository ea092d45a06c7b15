"""The sources in seeds/ are byte-identical to the ones the edition was given."""

from __future__ import annotations

import hashlib

import pytest

from edition.paths import Paths

REPOSITORY = Paths().root

SHARED = REPOSITORY.parent / "shared" / "seeds" / "SHA256SUMS"
LOCAL = REPOSITORY / "seeds" / "SHA256SUMS"


def _sums(path):
    return dict(reversed(line.split()) for line in path.read_text().splitlines() if line.strip())


def test_local_checksums_are_the_shared_ones():
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is not beside this clone")
    assert LOCAL.read_bytes() == SHARED.read_bytes()


@pytest.mark.parametrize("name", sorted(_sums(LOCAL)))
def test_source_matches_its_sha256(name):
    data = (REPOSITORY / "seeds" / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == _sums(LOCAL)[name]


def test_every_source_is_checksummed():
    texts = {p.name for p in (REPOSITORY / "seeds").glob("*.txt")}
    assert texts == set(_sums(LOCAL))
