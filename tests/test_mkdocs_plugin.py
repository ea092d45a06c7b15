"""The edition-chinese-search plugin: Material's worker patched, and a warning when it cannot be."""

from __future__ import annotations

from edition.mkdocs_plugin import SEGMENT_BUG, SEGMENT_FIX, patch_search_worker


def test_the_search_worker_is_patched_once_and_an_unknown_one_is_named(tmp_path) -> None:
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.a.min.js").write_text(f"x;{SEGMENT_BUG};y", encoding="utf-8")
    (workers / "search.b.min.js").write_text("something else", encoding="utf-8")
    assert patch_search_worker(tmp_path) == ["search.b.min.js"]
    assert (workers / "search.a.min.js").read_text(encoding="utf-8") == f"x;{SEGMENT_FIX};y"
    assert patch_search_worker(tmp_path) == ["search.b.min.js"]  # patched once, then left alone
