"""Drafting at scale, simulated: a synthetic workload and an in-process engine with latency and faults.

Nothing here touches the network. The tests use it to show that drafting many blocks with
errors, bursts of ``TooManyRequests`` and a kill mid-run loses nothing and sends nothing twice;
``python -m benchmark.drafting`` uses :func:`simulate` to compare the time taken with the ideal
``blocks × latency / concurrency``::

    runs = simulate(Path("/tmp/sim"), blocks=10_000, latency=0.002, concurrency=8, kill_after=4_000)
    for run in runs:
        print(run.blocks, run.requests, run.elapsed, run.ideal, run.max_in_flight)
"""

from __future__ import annotations

import logging
import math
import os
import signal
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import polib
from deep_translator.exceptions import TooManyRequests, TranslationNotFound

from edition.drafting.cache import DraftCache, cache_path
from edition.drafting.run import DraftResult, draft_missing, pending
from edition.model import Block
from edition.translate import po as pofile
from edition.translate.sync import sync_catalog

PROVIDER = "simulated"
OK, TOO_MANY, ERROR, KILLED = "ok", "too many requests", "error", "killed"
_HANZI = "城乡村镇街道社区党员干部群众拆迁改造整治工作组宣传动员签约腾空"


class Killed(BaseException):
    """The simulated kill of a run. Like KeyboardInterrupt it is no ``Exception``: it stops the run
    (which saves what it has received) instead of failing one block."""


def raise_killed() -> None:
    raise Killed("simulated kill")


def kill_process() -> None:
    """A harder kill: SIGKILL to this very process (nothing gets a chance to save anything)."""
    os.kill(os.getpid(), signal.SIGKILL)


def translation(text: str) -> str:
    return f"EN({text})"


@dataclass(frozen=True)
class Call:
    text: str
    outcome: str  # OK, TOO_MANY, ERROR or KILLED


class FaultyEngine:
    """The interface of an engine (:class:`edition.drafting.providers.Engine`), in process, with
    injected latency and faults (deep-translator's exceptions).

    * every call sleeps ``latency`` seconds (the network), then answers :func:`translation`;
    * a text for which :meth:`fails` is true (about ``error_rate`` of all texts, chosen by a hash
      of the text: the same ones on every run) raises ``TranslationNotFound`` every time it is sent;
    * the last ``burst_length`` calls of every ``burst_every`` raise ``TooManyRequests`` (a burst);
    * with ``kill_after``, every call after the first ``kill_after`` calls ``kill`` instead.

    Records every call (text and outcome, in the order the calls started) and the largest number
    of calls in flight at once. Thread-safe.
    """

    def __init__(
        self,
        *,
        latency: float = 0.002,
        error_rate: float = 0.10,
        burst_every: int = 1000,
        burst_length: int = 3,
        kill_after: int | None = None,
        kill: Callable[[], None] = raise_killed,
    ) -> None:
        self.latency = latency
        self.error_rate = error_rate
        self.burst_every = burst_every
        self.burst_length = burst_length
        self.kill_after = kill_after
        self.kill = kill
        self._lock = threading.Lock()
        self._texts: list[str] = []
        self._outcomes: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def fails(self, text: str) -> bool:
        return zlib.crc32(text.encode("utf-8")) % 10_000 < self.error_rate * 10_000

    def in_burst(self, call: int) -> bool:
        return self.burst_every > 0 and call % self.burst_every >= self.burst_every - self.burst_length

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return [Call(t, o) for t, o in zip(self._texts, self._outcomes, strict=True)]

    def translate(self, text: str) -> str:
        number = self._start(text)
        outcome = KILLED
        try:
            if self.kill_after is not None and number >= self.kill_after:
                self.kill()
            time.sleep(self.latency)
            outcome = TOO_MANY if self.in_burst(number) else ERROR if self.fails(text) else OK
            if outcome == TOO_MANY:
                raise TooManyRequests()
            if outcome == ERROR:
                raise TranslationNotFound(text)
            return translation(text)
        finally:
            self._end(number, outcome)

    def _start(self, text: str) -> int:
        with self._lock:
            self._texts.append(text)
            self._outcomes.append(KILLED)  # until the call ends
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            return len(self._texts) - 1

    def _end(self, number: int, outcome: str) -> None:
        with self._lock:
            self._outcomes[number] = outcome
            self.in_flight -= 1


# --- the workload -----------------------------------------------------------------------------


def synthetic_text(number: int) -> str:
    """A short Chinese paragraph, different for every number."""
    words = "".join(_HANZI[(number * 7 + k * 3) % len(_HANZI)] for k in range(8))
    return f"第{number}段：{words}。"


def workload_texts(blocks: int, repeat_every: int = 0) -> list[str]:
    """``blocks`` texts; with ``repeat_every``, every ``repeat_every``-th repeats an earlier one."""
    texts: list[str] = []
    for n in range(blocks):
        repeat = repeat_every and n % repeat_every == repeat_every - 1
        texts.append(texts[n // 2] if repeat else synthetic_text(n))
    return texts


def build_workload(
    root: Path, *, blocks: int, reports: int = 10, repeat_every: int = 0
) -> dict[Path, polib.POFile]:
    """Write ``reports`` PO files to ``root/en/`` holding ``blocks`` missing entries in all; return them."""
    texts = workload_texts(blocks, repeat_every)
    size = math.ceil(blocks / reports) if blocks else 0
    catalogs: dict[Path, polib.POFile] = {}
    for r in range(reports):
        slug = f"sim-{r + 1:02d}"
        po = pofile.new_catalog(slug)
        chunk = texts[r * size : (r + 1) * size]
        sync_catalog(po, [Block("paragraph", zh, (n, n), id=f"b{n}") for n, zh in enumerate(chunk, start=1)])
        path = pofile.po_path(root, slug)
        pofile.save_po(po, path)
        catalogs[path] = po
    return catalogs


def load_workload(root: Path) -> dict[Path, polib.POFile]:
    return {path: pofile.load_po(path) for path in sorted((root / "en").glob("*.po"))}


def cache_file(root: Path) -> Path:
    return cache_path(root, PROVIDER, "en")


# --- measuring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measurement:
    """One drafting run over the workload."""

    blocks: int  # entries to draft when the run started
    requests: int  # calls to the engine (retries and failed calls included)
    drafted: int  # entries drafted (from the engine or the cache)
    from_cache: int
    failed: int  # entries left missing because their text failed (not known, 0, if the run was killed)
    elapsed: float  # seconds
    ideal: float  # (drafted + failed) × latency / concurrency: the blocks this run settled, at full speed
    concurrency: int
    max_in_flight: int  # the most calls the engine saw at once
    killed: bool


@contextmanager
def _quiet() -> Iterator[None]:
    """No warning per failed block (a tenth of 10,000 blocks would flood the terminal)."""
    logger = logging.getLogger("edition")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def draft_once(
    root: Path,
    engine: FaultyEngine,
    *,
    concurrency: int,
    retries: int = 5,
    backoff: float | None = None,
    progress: bool = False,
) -> Measurement:
    """Draft the workload in ``root`` as it is on disk (a run killed by ``engine`` is caught)."""
    po_files = load_workload(root)
    blocks = len(pending(po_files))
    cache = DraftCache.load(cache_file(root))
    result, killed = DraftResult(), False
    started = time.perf_counter()
    with _quiet():
        try:
            result = draft_missing(
                po_files,
                engine,
                provider=PROVIDER,
                cache=cache,
                retries=retries,
                backoff=engine.latency if backoff is None else backoff,
                progress=progress,
                concurrency=concurrency,
            )
        except Killed:
            killed = True
    elapsed = time.perf_counter() - started
    left = len(pending(load_workload(root)))
    return Measurement(
        blocks=blocks,
        requests=len(engine.calls),
        drafted=blocks - left,
        from_cache=result.from_cache,
        failed=len(result.failed),
        elapsed=elapsed,
        ideal=(blocks - left + len(result.failed)) * engine.latency / concurrency,
        concurrency=concurrency,
        max_in_flight=engine.max_in_flight,
        killed=killed,
    )


def simulate(
    root: Path,
    *,
    blocks: int = 10_000,
    reports: int = 10,
    repeat_every: int = 0,
    latency: float = 0.002,
    concurrency: int = 8,
    error_rate: float = 0.10,
    burst_every: int = 1000,
    burst_length: int = 3,
    kill_after: int | None = None,
    retries: int = 5,
) -> list[Measurement]:
    """Build the workload in ``root`` (an empty folder) and draft it: one run, or with ``kill_after``
    a run killed after that many calls and a second run that resumes it. One measurement a run."""
    build_workload(root, blocks=blocks, reports=reports, repeat_every=repeat_every)
    faults = {
        "latency": latency,
        "error_rate": error_rate,
        "burst_every": burst_every,
        "burst_length": burst_length,
    }
    runs = [
        draft_once(
            root, FaultyEngine(**faults, kill_after=kill_after), concurrency=concurrency, retries=retries
        )
    ]
    if runs[0].killed:
        runs.append(draft_once(root, FaultyEngine(**faults), concurrency=concurrency, retries=retries))
    return runs
