"""Calling engines: several requests in flight, the shared throttle, timeouts, the probe (in-process
engines, never the network).

No assertion here depends on how fast the machine is: waits only bound how long a test looks.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from deep_translator.exceptions import RequestError, TooManyRequests

from edition.commands import translation as commands
from edition.drafting import transport
from edition.drafting.cache import DraftCache
from edition.drafting.errors import EngineUnavailable
from edition.drafting.run import draft_missing
from edition.paths import Paths
from edition.translate import po as pofile
from tests.conftest import catalog

TODAY = "2024-05-01"


class CountingEngine:
    """Records every text sent and the most calls in flight at once; ``hold`` runs inside each call."""

    def __init__(self, hold=None) -> None:
        self.hold = hold or (lambda text: None)
        self.lock = threading.Lock()
        self.calls: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def translate(self, text: str) -> str:
        with self.lock:
            self.calls.append(text)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            self.hold(text)
            return f"EN({text})"
        finally:
            with self.lock:
                self.in_flight -= 1


def texts(count: int) -> list[str]:
    return [f"第{n}段。" for n in range(1, count + 1)]


def test_the_bound_is_reached_and_never_exceeded(tmp_path: Path) -> None:
    # Each call waits until 4 calls are in flight together: that only works if 4 really run at once.
    barrier = threading.Barrier(4, timeout=10)
    engine = CountingEngine(hold=lambda text: barrier.wait())
    path, po = catalog(tmp_path, texts(16))
    result = draft_missing({path: po}, engine, today=TODAY, progress=False, concurrency=4)
    assert not result.failed and len(result.drafted) == 16
    assert engine.max_in_flight == 4


def test_many_workers_stay_within_the_bound(tmp_path: Path) -> None:
    engine = CountingEngine(hold=lambda text: time.sleep(0.001))
    path, po = catalog(tmp_path, texts(300))
    result = draft_missing({path: po}, engine, today=TODAY, progress=False, concurrency=8)
    assert len(result.drafted) == 300 and sorted(engine.calls) == sorted(texts(300))
    assert 1 <= engine.max_in_flight <= 8


def test_answers_are_written_in_reading_order_whatever_order_they_come_in(tmp_path: Path) -> None:
    first_is_done = threading.Event()

    def hold(text: str) -> None:  # the first block answers last
        if text == "第1段。":
            first_is_done.wait(0.5)

    path, po = catalog(tmp_path, texts(12))
    result = draft_missing({path: po}, CountingEngine(hold), today=TODAY, progress=False, concurrency=4)
    first_is_done.set()
    assert result.drafted == [("r", f"b{n}") for n in range(1, 13)]
    saved = pofile.load_po(path)
    assert [e.msgctxt for e in saved] == [f"b{n}" for n in range(1, 13)]
    assert all(e.msgstr == f"EN({e.msgid})" for e in saved)


def test_identical_text_is_sent_once_within_a_run(tmp_path: Path) -> None:
    one = catalog(tmp_path, ["甲。", "乙。", "甲。", "丙。"], slug="one")
    two = catalog(tmp_path, ["乙。", "甲。", "丁。"], slug="two")
    cache = DraftCache(tmp_path / ".cache" / "google-en.json")
    engine = CountingEngine(hold=lambda text: time.sleep(0.01))
    result = draft_missing(
        dict([one, two]), engine, cache=cache, today=TODAY, progress=False, concurrency=4
    )
    assert sorted(engine.calls) == ["丁。", "丙。", "乙。", "甲。"]
    assert result.sent == 4 and len(result.drafted) == 7 and result.from_cache == 0
    for path, _ in (one, two):
        assert all(e.msgstr == f"EN({e.msgid})" for e in pofile.load_po(path))
    assert sorted(DraftCache.load(cache.path).entries) == ["丁。", "丙。", "乙。", "甲。"]


def test_throttle_holds_every_worker_back_while_one_backs_off() -> None:
    sleeping, wake_up, passed = threading.Event(), threading.Event(), threading.Event()

    def sleep(seconds: float) -> None:
        sleeping.set()
        wake_up.wait(10)

    throttle = transport.Throttle(sleep)
    backing_off = threading.Thread(target=throttle.pause, args=(1.0,))
    backing_off.start()
    assert sleeping.wait(10)
    other = threading.Thread(target=lambda: (throttle.wait(), passed.set()))
    other.start()
    assert not passed.wait(0.1)  # held back (however long we looked)
    wake_up.set()
    assert passed.wait(10)
    backing_off.join(10)
    other.join(10)
    throttle.wait()  # open again


def test_a_burst_of_too_many_requests_is_retried_with_workers(tmp_path: Path) -> None:
    refusals = {"第2段。": 2, "第5段。": 1}
    lock = threading.Lock()

    def hold(text: str) -> None:
        with lock:
            if refusals.get(text):
                refusals[text] -= 1
                raise TooManyRequests()

    waits: list[float] = []
    path, po = catalog(tmp_path, texts(8))
    result = draft_missing(
        {path: po},
        CountingEngine(hold),
        today=TODAY,
        progress=False,
        concurrency=3,
        sleep=waits.append,
        backoff=1.0,
    )
    assert len(result.drafted) == 8 and not result.failed
    assert sorted(waits) == [1.0, 1.0, 2.0]


def test_a_hanging_call_does_not_hold_up_the_other_workers(tmp_path: Path) -> None:
    release = threading.Event()
    engine = CountingEngine(hold=lambda text: release.wait(5) if text == "第1段。" else None)
    path, po = catalog(tmp_path, texts(6))
    result = draft_missing({path: po}, engine, today=TODAY, progress=False, timeout=0.3, concurrency=2)
    release.set()
    assert [a for _, a, _ in result.failed] == ["b1"] and "TimeoutError" in result.failed[0][2]
    assert result.drafted == [("r", f"b{n}") for n in range(2, 7)]


def test_an_interruption_keeps_every_answer_already_received(tmp_path: Path) -> None:
    def hold(text: str) -> None:
        if text == "第5段。":
            raise KeyboardInterrupt

    engine = CountingEngine(hold)
    path, po = catalog(tmp_path, texts(20))
    with pytest.raises(KeyboardInterrupt):
        draft_missing({path: po}, engine, today=TODAY, progress=False, concurrency=4)
    saved = {e.msgid: e.msgstr for e in pofile.load_po(path)}
    answered = {t for t in engine.calls if t != "第5段。"}
    assert {t for t, en in saved.items() if en} == answered  # every answer that came back is saved
    assert saved["第5段。"] == ""


def test_concurrency_must_be_at_least_one(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(1))
    with pytest.raises(ValueError, match="concurrency"):
        draft_missing({path: po}, CountingEngine(), progress=False, concurrency=0)
    assert commands.run_translate(Paths(tmp_path), concurrency=0) == 2


def test_a_worker_reuses_its_calling_thread() -> None:
    caller = transport.Caller()
    names = [caller.call(lambda text: threading.current_thread().name + text, "", 5) for _ in range(3)]
    threads = [caller.call(lambda text: str(threading.get_ident()), "", 5) for _ in range(3)]
    caller.close()
    assert len(set(threads)) == 1 and threads[0] != str(threading.get_ident())
    assert set(names) == {"engine call"}


class Refusing:
    """Raises ``error`` on every call."""

    def __init__(self, error: BaseException | None) -> None:
        self.error = error

    def translate(self, text: str) -> str:
        if self.error is not None:
            raise self.error
        return "Hello."


def test_probe_reports_an_unreachable_engine() -> None:
    with pytest.raises(EngineUnavailable, match="cannot reach"):
        transport.probe(Refusing(RequestError()))
    with pytest.raises(EngineUnavailable, match="cannot reach"):
        transport.probe(Refusing(ConnectionError("no route")))
    with pytest.raises(EngineUnavailable, match=r"failed \(ValueError: odd\)"):
        transport.probe(Refusing(ValueError("odd")))
    transport.probe(Refusing(None))
