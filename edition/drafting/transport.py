"""Calling an engine safely: timeouts, back-off and retries, a shared throttle, a bounded worker pool.

The engines' libraries set no timeout of their own that we can rely on (deep-translator sets none
at all), and their batch calls give up on the first error, so:

* one call per piece of text, run in a worker's calling thread and abandoned after ``timeout`` seconds;
* a piece longer than the provider accepts is split at sentence ends and the translations joined;
* a rate limit (:func:`~edition.drafting.errors.is_rate_limited`, whichever library raised it) ->
  exponential back-off and retry, ``retries`` times at most, waiting at least as long as the server
  asked (``Retry-After``, where the library keeps it); while one worker backs off, no worker starts a
  new call (:class:`Throttle`). The libraries' own retries are switched off, so this is the only one;
* an engine that knows what produced its answer (a language model reporting its model) answers a
  :class:`~edition.drafting.cache.Draft` through its ``draft`` method; any other, a string;
* at most ``concurrency`` calls in flight (:class:`Workers`); only the thread that owns the workers
  sees the outcomes.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from edition.drafting import errors
from edition.drafting.cache import Draft
from edition.drafting.errors import EngineUnavailable, describe
from edition.drafting.secrets import Redactor
from edition.drafting.split import split_text

if TYPE_CHECKING:
    from edition.drafting.providers import Engine

_T = TypeVar("_T")

DEFAULT_CONCURRENCY = 4  # requests in flight for `edition translate`: small, to be polite to free services

_Call = tuple[Callable[[str], object], str, "Future[object]"]


class Caller:
    """A daemon thread that makes calls, one at a time, for the thread that owns it.

    Reusing it spares a new thread per call. A call that does not answer in time is abandoned
    together with its thread (which ends if the call ever returns); the next call gets a new one.
    """

    def __init__(self) -> None:
        self._inbox: queue.SimpleQueue[_Call | None] | None = None

    def call(self, func: Callable[[str], _T], text: str, timeout: float) -> _T:
        if self._inbox is None:
            self._inbox = queue.SimpleQueue()
            threading.Thread(target=_serve, args=(self._inbox,), name="engine call", daemon=True).start()
        future: Future[_T] = Future()
        self._inbox.put((func, text, future))
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            self.close()
            raise TimeoutError(f"no answer within {timeout:g} s") from None

    def close(self) -> None:
        """Let the thread end (after its current call, if one hangs)."""
        if self._inbox is not None:
            self._inbox.put(None)
            self._inbox = None


def _serve(inbox: queue.SimpleQueue[_Call | None]) -> None:
    while (call := inbox.get()) is not None:
        func, text, future = call
        if future.set_running_or_notify_cancel():
            try:
                future.set_result(func(text))
            except BaseException as err:  # handed to the caller
                future.set_exception(err)


_local = threading.local()  # .caller: the Caller of a drafting worker thread (see Workers)


def call_with_timeout(func: Callable[[str], _T], text: str, timeout: float) -> _T:
    """``func(text)`` in another thread; TimeoutError if it takes longer than ``timeout`` seconds.

    The thread is a daemon: a request that never returns is abandoned, and does not keep the
    program from exiting. A drafting worker reuses its own :class:`Caller`; anyone else gets a
    thread for this one call.
    """
    caller: Caller | None = getattr(_local, "caller", None)
    if caller is not None:
        return caller.call(func, text, timeout)
    caller = Caller()
    try:
        return caller.call(func, text, timeout)
    finally:
        caller.close()


class Throttle:
    """A back-off shared by every worker: while any of them waits after a rate limit, none starts
    a new call (calls already in flight finish)."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep) -> None:
        self._sleep = sleep
        self._lock = threading.Lock()
        self._pausing = 0
        self._open = threading.Event()
        self._open.set()

    def wait(self) -> None:
        """Return when no worker is backing off."""
        self._open.wait()

    def pause(self, seconds: float) -> None:
        """Back off for ``seconds`` (with the injected ``sleep``), holding every other worker back too."""
        with self._lock:
            self._pausing += 1
            self._open.clear()
        try:
            self._sleep(seconds)
        finally:
            with self._lock:
                self._pausing -= 1
                if not self._pausing:
                    self._open.set()


def _asker(engine: Engine) -> Callable[[str], Draft | str]:
    """The engine's ``draft`` (an answer that says what produced it) where it has one, else ``translate``."""
    return getattr(engine, "draft", None) or engine.translate


def draft_piece(
    engine: Engine,
    text: str,
    *,
    timeout: float,
    retries: int,
    backoff: float,
    sleep: Callable[[float], None],
    throttle: Throttle | None = None,
) -> Draft:
    throttle = throttle or Throttle(sleep)
    for attempt in range(retries + 1):
        throttle.wait()
        try:
            result = call_with_timeout(_asker(engine), text, timeout)
        except Exception as err:
            if not errors.is_rate_limited(err) or attempt == retries:
                raise
            throttle.pause(max(backoff * 2**attempt, errors.retry_after(err) or 0.0))
            continue
        draft = result if isinstance(result, Draft) else Draft(result) if isinstance(result, str) else None
        if draft is None or not isinstance(draft.english, str) or not draft.english.strip():
            raise ValueError("the engine returned no translation")
        return Draft(draft.english.strip(), draft.by)
    raise AssertionError("unreachable")


def translate_piece(engine: Engine, text: str, **options: Any) -> str:
    """:func:`draft_piece`, the English only."""
    return draft_piece(engine, text, **options).english


def draft_text(
    engine: Engine,
    text: str,
    *,
    limit: int,
    timeout: float = 60.0,
    retries: int = 5,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    throttle: Throttle | None = None,
) -> Draft:
    """``text`` in pieces of at most ``limit`` characters, their translations joined with a space
    (and what produced them, each named once)."""
    drafts = [
        draft_piece(engine, piece, timeout=timeout, retries=retries, backoff=backoff, sleep=sleep, throttle=throttle)
        for piece in split_text(text, limit)
    ]
    producers = list(dict.fromkeys(d.by for d in drafts if d.by is not None))
    return Draft(" ".join(d.english for d in drafts), " + ".join(producers) if producers else None)


def translate_text(engine: Engine, text: str, **options: Any) -> str:
    """:func:`draft_text`, the English only."""
    return draft_text(engine, text, **options).english


def probe(
    engine: Engine,
    *,
    timeout: float = 20.0,
    retries: int = 3,
    sleep: Callable[[float], None] = time.sleep,
    secrets: Iterable[str] | Redactor = (),
) -> None:
    """One small call; EngineUnavailable (with a one-line, redacted reason) if the engine cannot be used."""
    redactor = Redactor.of(secrets)
    try:
        translate_piece(engine, "你好。", timeout=timeout, retries=retries, backoff=2.0, sleep=sleep)
    except Exception as err:
        reason = "cannot reach the translation engine" if errors.is_unreachable(err) else "the translation engine failed"
        raise EngineUnavailable(redactor.redact(f"{reason} ({describe(err)})")) from None


# --- the worker pool --------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What became of one text sent to the engine: its translation, or the error it raised."""

    text: str
    english: str | None = None
    error: BaseException | None = None
    by: str | None = None  # what produced the English, where the engine said so

    @property
    def interruption(self) -> bool:
        """The run stops; not a failure of this text: KeyboardInterrupt, SystemExit …, or an engine
        that will refuse every further call (:func:`~edition.drafting.errors.stops_run`)."""
        return self.error is not None and (not isinstance(self.error, Exception) or stops_run(self.error))


def stops_run(err: BaseException) -> bool:
    return errors.stops_run(err)


class Workers:
    """``concurrency`` worker threads translating ``texts`` in the order given, one text each at a time:
    at most ``concurrency`` calls in flight. Only :meth:`batches` (the main thread) sees the results.

    The threads are daemons, so an interrupted run exits without waiting for them. After an
    interruption in a worker, or once the ``with`` block is left, no worker starts another text;
    the calls in flight still report back.
    """

    def __init__(self, texts: Sequence[str], translate: Callable[[str], Draft | str], concurrency: int) -> None:
        check_concurrency(concurrency)
        self._tasks: queue.SimpleQueue[str] = queue.SimpleQueue()
        for text in texts:
            self._tasks.put(text)
        self._results: queue.SimpleQueue[Outcome | None] = queue.SimpleQueue()  # None: a worker is done
        self._translate = translate
        self._stop = threading.Event()
        self._running = min(concurrency, len(texts))
        self._threads = [
            threading.Thread(target=self._work, name=f"drafting worker {n}", daemon=True)
            for n in range(self._running)
        ]

    def __enter__(self) -> Workers:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()

    def _work(self) -> None:
        _local.caller = Caller()
        try:
            while not self._stop.is_set():
                try:
                    text = self._tasks.get_nowait()
                except queue.Empty:
                    return
                self._results.put(self._outcome(text))
        finally:
            _local.caller.close()
            self._results.put(None)

    def _outcome(self, text: str) -> Outcome:
        try:
            answer = self._translate(text)
            draft = answer if isinstance(answer, Draft) else Draft(answer)
            outcome = Outcome(text, english=draft.english, by=draft.by)
        except BaseException as err:  # reported to the main thread, whatever it is
            outcome = Outcome(text, error=err)
        if outcome.interruption:  # start nothing more
            self._stop.set()
        return outcome

    def batches(self, poll: float = 0.1) -> Iterator[list[Outcome]]:
        """Every outcome, in batches of whatever came in since the last batch, until all workers are done;
        an empty batch when nothing came in for ``poll`` seconds."""
        while self._running:
            try:
                first = [self._results.get(timeout=poll)]  # not forever: Ctrl-C must get through
            except queue.Empty:
                first = []
            yield self._received([*first, *self._drain()])

    def leftovers(self) -> list[Outcome]:
        """The outcomes already in, without waiting for more."""
        return self._received(self._drain())

    def _drain(self) -> list[Outcome | None]:
        items: list[Outcome | None] = []
        while True:
            try:
                items.append(self._results.get_nowait())
            except queue.Empty:
                return items

    def _received(self, items: list[Outcome | None]) -> list[Outcome]:
        self._running -= sum(item is None for item in items)
        return [item for item in items if item is not None]


def check_concurrency(concurrency: int) -> None:
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")
