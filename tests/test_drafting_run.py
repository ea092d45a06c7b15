"""A drafting run over PO files, driven by an in-process fake engine (never the network)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from deep_translator.exceptions import TooManyRequests, TranslationNotFound

from edition.drafting.cache import DraftCache
from edition.drafting.run import draft_missing
from edition.translate import po as pofile
from tests.conftest import catalog

TODAY = "2024-05-01"


class FakeEngine:
    """Same interface as a deep-translator engine; scripted failures per text."""

    def __init__(self, failures: dict[str, list[BaseException]] | None = None) -> None:
        self.failures = failures or {}
        self.calls: list[str] = []

    def translate(self, text: str) -> str:
        self.calls.append(text)
        queue = self.failures.get(text)
        if queue:
            raise queue.pop(0)
        return f"EN({text})"


def test_drafts_missing_entries_with_provenance_and_saves(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, ["甲。", "乙。"])
    cache = DraftCache(tmp_path / ".cache" / "google-en.json")
    result = draft_missing({path: po}, FakeEngine(), cache=cache, today=TODAY, progress=False)
    assert result.drafted == [("r", "b1"), ("r", "b2")]
    saved = pofile.load_po(path)
    entry = pofile.by_context(saved)["b1"]
    assert entry.msgstr == "EN(甲。)"
    assert pofile.status(entry) == pofile.DRAFT
    assert pofile.provenance(entry) == f"google via deep-translator, {TODAY}"
    assert json.loads(cache.path.read_text(encoding="utf-8")) == {"甲。": "EN(甲。)", "乙。": "EN(乙。)"}


def test_cached_text_is_never_sent_twice(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, ["甲。", "乙。"])
    cache = DraftCache(None, {"甲。": "A."})
    engine = FakeEngine()
    result = draft_missing({path: po}, engine, cache=cache, today=TODAY, progress=False)
    assert engine.calls == ["乙。"]
    assert result.from_cache == 1
    assert pofile.by_context(po)["b1"].msgstr == "A."


def test_too_many_requests_backs_off_and_retries(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, ["甲。"])
    engine = FakeEngine({"甲。": [TooManyRequests(), TooManyRequests()]})
    waits: list[float] = []
    result = draft_missing(
        {path: po}, engine, today=TODAY, progress=False, sleep=waits.append, backoff=1.0
    )
    assert waits == [1.0, 2.0]
    assert result.drafted == [("r", "b1")]


def test_retries_are_bounded_and_other_errors_skip_the_block(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, ["甲。", "乙。", "丙。"])
    engine = FakeEngine({"甲。": [TooManyRequests()] * 10, "乙。": [TranslationNotFound("乙。")]})
    result = draft_missing({path: po}, engine, today=TODAY, progress=False, sleep=lambda s: None,
                                 retries=2)
    assert [anchor for _, anchor, _ in result.failed] == ["b1", "b2"]
    assert "TooManyRequests" in result.failed[0][2]
    assert result.drafted == [("r", "b3")]
    assert result.failed[0][0].startswith(f"{path}:")
    assert pofile.status(pofile.by_context(pofile.load_po(path))["b1"]) == pofile.MISSING


def test_a_hanging_call_times_out(tmp_path: Path) -> None:
    release = threading.Event()

    class Hanging(FakeEngine):
        def translate(self, text: str) -> str:
            if text == "甲。":
                release.wait(5)
            return super().translate(text)

    path, po = catalog(tmp_path, ["甲。", "乙。"])
    result = draft_missing({path: po}, Hanging(), today=TODAY, progress=False, timeout=0.2)
    release.set()
    assert [a for _, a, _ in result.failed] == ["b1"] and "TimeoutError" in result.failed[0][2]
    assert result.drafted == [("r", "b2")]


def test_killed_run_keeps_what_was_drafted(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, ["甲。", "乙。", "丙。"])
    engine = FakeEngine({"乙。": [KeyboardInterrupt()]})
    with pytest.raises(KeyboardInterrupt):
        draft_missing({path: po}, engine, today=TODAY, progress=False)
    saved = pofile.by_context(pofile.load_po(path))
    assert saved["b1"].msgstr == "EN(甲。)"
    assert saved["b2"].msgstr == "" and saved["b3"].msgstr == ""


def test_reviewed_entries_are_never_redrafted(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, ["甲。", "乙。", "丙。"])
    entries = pofile.by_context(po)
    entries["b1"].msgstr = "Reviewed."
    pofile.set_draft(entries["b2"], "Old draft.", "editorial draft, 2024-01-01")
    engine = FakeEngine()
    draft_missing({path: po}, engine, today=TODAY, progress=False)
    assert engine.calls == ["丙。"]
    draft_missing({path: po}, engine, today=TODAY, progress=False, redraft_fuzzy=True)
    assert engine.calls == ["丙。", "乙。", "丙。"]
    assert entries["b1"].msgstr == "Reviewed."
    assert entries["b2"].msgstr == "EN(乙。)"

