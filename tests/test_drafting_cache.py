"""The drafting cache: saved atomically, read back, and a damaged file never stops a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.drafting.cache import DraftCache, cache_path


def test_saved_and_read_back(tmp_path: Path) -> None:
    path = cache_path(tmp_path, "deepl-client", "EN-GB")
    assert path == tmp_path / ".cache" / "deepl-client-EN-GB.json"
    cache = DraftCache(path)
    cache.put_many({"甲。": "A.", "乙。": "B."})
    cache.put("丙。", "C.")
    assert DraftCache.load(path).entries == {"甲。": "A.", "乙。": "B.", "丙。": "C."}
    assert '"甲。": "A."' in path.read_text(encoding="utf-8")  # readable Chinese, not \\u escapes
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize("damage", ["{not json", '["a", "list"]', '{"甲。": 1, "乙。": "B."}'])
def test_a_damaged_cache_starts_anew_or_keeps_what_it_can(tmp_path: Path, damage: str, caplog) -> None:
    path = cache_path(tmp_path, "google", "en")
    path.parent.mkdir(parents=True)
    path.write_text(damage, encoding="utf-8")
    entries = DraftCache.load(path).entries
    assert entries == ({"乙。": "B."} if damage.startswith('{"') else {})
    assert ("unreadable translation cache" in caplog.text) == (not damage.startswith('{"'))
