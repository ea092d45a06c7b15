"""Machine drafts through deep-translator, one block at a time, safely.

deep-translator sets no timeout on its HTTP requests and its batch call gives up on the first
error, so this module wraps it:

* one call per block, run in a worker thread and abandoned after ``timeout`` seconds;
* at most ``concurrency`` calls in flight at once (a pool of worker threads; a call abandoned
  after its timeout no longer counts);
* a block longer than the provider accepts is split at sentence ends (。！？) and the pieces'
  translations are joined with a space;
* ``TooManyRequests`` -> exponential back-off and retry (``retries`` times at most); while one
  worker backs off, no worker starts a new call (:class:`Throttle`);
* any other error is reported for that block, which is skipped;
* only the main thread touches the PO files and the cache. It saves them (atomically) as answers
  come in: after every answer when answers are slow (a real engine), less often when they come
  faster than files can be written, so that saving takes about a tenth of the time at most.
  An interrupted run (Ctrl-C, an error) saves every answer received before it stops; a run
  killed outright loses at most the answers of the last moments (they are asked again next time);
* results are cached by source text in ``translations/.cache/<provider>-<target>.json``, and
  identical Chinese within a run is sent once, so the same Chinese is never sent twice;
* every draft is fuzzy, with the provenance ``<provider> via deep-translator, <date>``.

API keys come from environment variables only and are never written to a file or a log.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import queue
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

import polib
from deep_translator.exceptions import RequestError, TooManyRequests
from tqdm import tqdm

from edition.translate import po as pofile
from edition.write.atomic import write_text

log = logging.getLogger("edition")

SENTENCE_END = "。！？"
DEFAULT_CONCURRENCY = 4  # requests in flight for `edition translate`: small, to be polite to free services
SAVING_SHARE = 0.1  # while drafting, saving takes at most about this share of the time


class Engine(Protocol):
    def translate(self, text: str) -> str: ...


@dataclass(frozen=True)
class Provider:
    name: str
    source: str  # the provider's code for simplified Chinese (case-sensitive for Google: zh-CN)
    max_chars: int  # longest text one call accepts
    key_env: str | None = None  # environment variable holding the API key


PROVIDERS = {
    "google": Provider("google", "zh-CN", 4999),  # deep-translator accepts fewer than 5000 characters
    "deepl": Provider("deepl", "zh", 4999, "DEEPL_API_KEY"),
    "mymemory": Provider("mymemory", "zh-CN", 499),
}


class EngineUnavailable(Exception):
    """No translation engine could be reached (or configured): nothing was changed."""


def make_engine(provider: str, target: str = "en", env: Mapping[str, str] | None = None) -> Engine:
    """A deep-translator engine for ``provider``; the API key is read from the environment."""
    env = os.environ if env is None else env
    spec = PROVIDERS[provider]
    if provider == "google":
        from deep_translator import GoogleTranslator

        return GoogleTranslator(source=spec.source, target=target)
    if provider == "deepl":
        from deep_translator import DeeplTranslator

        key = env.get("DEEPL_API_KEY")
        if not key:
            raise EngineUnavailable("DeepL needs an API key in the environment variable DEEPL_API_KEY")
        free = not env.get("DEEPL_PRO")
        return DeeplTranslator(source=spec.source, target=target, api_key=key, use_free_api=free)
    if provider == "mymemory":
        from deep_translator import MyMemoryTranslator

        email = env.get("MYMEMORY_EMAIL")
        return MyMemoryTranslator(source=spec.source, target=target, **({"email": email} if email else {}))
    raise EngineUnavailable(f"unknown provider {provider!r} (choose from {', '.join(PROVIDERS)})")


def secrets_from_env(env: Mapping[str, str] | None = None) -> list[str]:
    env = os.environ if env is None else env
    return [env[p.key_env] for p in PROVIDERS.values() if p.key_env and env.get(p.key_env)]


def redact(message: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            message = message.replace(secret, "***")
    return message


# --- splitting --------------------------------------------------------------------------------


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut after 。！？ (a sentence longer than the limit is cut
    at the limit, as a last resort)."""
    if len(text) <= limit:
        return [text]
    sentences = [s for s in re.split(rf"(?<=[{SENTENCE_END}])", text) if s]
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        while len(sentence) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(sentence[:limit])
            sentence = sentence[limit:]
        if len(current) + len(sentence) > limit:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return pieces


# --- calling the engine -----------------------------------------------------------------------


_Call = tuple[Callable[[str], str], str, "Future[str]"]


class Caller:
    """A daemon thread that makes calls, one at a time, for the thread that owns it.

    Reusing it spares a new thread per call. A call that does not answer in time is abandoned
    together with its thread (which ends if the call ever returns); the next call gets a new one.
    """

    def __init__(self) -> None:
        self._inbox: queue.SimpleQueue[_Call | None] | None = None

    def call(self, func: Callable[[str], str], text: str, timeout: float) -> str:
        if self._inbox is None:
            self._inbox = queue.SimpleQueue()
            threading.Thread(
                target=_serve, args=(self._inbox,), name="deep-translator call", daemon=True
            ).start()
        future: Future[str] = Future()
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


def call_with_timeout(func: Callable[[str], str], text: str, timeout: float) -> str:
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
    """A back-off shared by every worker: while any of them waits after ``TooManyRequests``, none starts
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


def translate_piece(
    engine: Engine,
    text: str,
    *,
    timeout: float,
    retries: int,
    backoff: float,
    sleep: Callable[[float], None],
    throttle: Throttle | None = None,
) -> str:
    throttle = throttle or Throttle(sleep)
    for attempt in range(retries + 1):
        throttle.wait()
        try:
            result = call_with_timeout(engine.translate, text, timeout)
        except TooManyRequests:
            if attempt == retries:
                raise
            throttle.pause(backoff * 2**attempt)
            continue
        if not isinstance(result, str) or not result.strip():
            raise ValueError("the engine returned no translation")
        return result.strip()
    raise AssertionError("unreachable")


def translate_text(
    engine: Engine,
    text: str,
    *,
    limit: int = PROVIDERS["google"].max_chars,
    timeout: float = 60.0,
    retries: int = 5,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    throttle: Throttle | None = None,
) -> str:
    pieces = split_text(text, limit)
    return " ".join(
        translate_piece(
            engine, piece, timeout=timeout, retries=retries, backoff=backoff, sleep=sleep, throttle=throttle
        )
        for piece in pieces
    )


CONNECTION_ERRORS: tuple[type[BaseException], ...] = (RequestError, ConnectionError, TimeoutError, OSError)
try:  # requests is what deep-translator uses; its errors do not all derive from ConnectionError
    import requests

    CONNECTION_ERRORS = (*CONNECTION_ERRORS, requests.exceptions.RequestException)
except ImportError:  # pragma: no cover
    pass


def probe(
    engine: Engine,
    *,
    timeout: float = 20.0,
    retries: int = 3,
    sleep: Callable[[float], None] = time.sleep,
    secrets: Iterable[str] = (),
) -> None:
    """One small call; EngineUnavailable (with a one-line reason) if the engine cannot be used."""
    try:
        translate_piece(engine, "你好。", timeout=timeout, retries=retries, backoff=2.0, sleep=sleep)
    except CONNECTION_ERRORS as err:
        raise EngineUnavailable(
            redact(f"cannot reach the translation engine ({_describe(err)})", secrets)
        ) from None
    except Exception as err:
        raise EngineUnavailable(
            redact(f"the translation engine failed ({_describe(err)})", secrets)
        ) from None


def _describe(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


# --- cache ------------------------------------------------------------------------------------


@dataclass
class DraftCache:
    """Source text -> machine translation, for one provider and target language."""

    path: Path | None = None
    entries: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> DraftCache:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        except ValueError:
            log.warning("%s: unreadable translation cache, starting a new one", path)
            data = {}
        return cls(path, {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)})

    def get(self, text: str) -> str | None:
        return self.entries.get(text)

    def put(self, text: str, translation: str) -> None:
        self.put_many({text: translation})

    def put_many(self, translations: Mapping[str, str], *, save: bool = True) -> None:
        """Add several translations; with ``save``, save the cache once (atomically)."""
        self.entries.update(translations)
        if save and translations:
            self.save()

    def save(self) -> None:
        if self.path is not None:
            write_text(
                self.path, json.dumps(self.entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            )


def cache_path(translations: Path, provider: str, target: str) -> Path:
    return translations / ".cache" / f"{provider}-{target}.json"


# --- drafting ---------------------------------------------------------------------------------


@dataclass
class DraftResult:
    drafted: list[tuple[str, str]] = field(default_factory=list)  # (slug, anchor), in reading order
    from_cache: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (file:line, anchor, message)
    sent: int = 0  # distinct texts the engine was asked for (identical Chinese is sent once)


def wanted(entry: polib.POEntry, redraft_fuzzy: bool) -> bool:
    """Entries to draft: missing ones, and with ``redraft_fuzzy`` drafts too. Never a reviewed one."""
    if entry.obsolete or entry.msgctxt is None:
        return False
    state = pofile.status(entry)
    return state == pofile.MISSING or (redraft_fuzzy and state == pofile.DRAFT)


def pending(
    po_files: Mapping[Path, polib.POFile], redraft_fuzzy: bool = False
) -> list[tuple[Path, polib.POEntry]]:
    return [(path, e) for path, po in po_files.items() for e in po if wanted(e, redraft_fuzzy)]


@dataclass(frozen=True)
class Outcome:
    """What became of one text sent to the engine: its translation, or the error it raised."""

    text: str
    english: str | None = None
    error: BaseException | None = None

    @property
    def interruption(self) -> bool:
        """KeyboardInterrupt, SystemExit …: the run stops; not a failure of this text."""
        return self.error is not None and not isinstance(self.error, Exception)


class Workers:
    """``concurrency`` worker threads translating ``texts`` in the order given, one text each at a time:
    at most ``concurrency`` calls in flight. Only :meth:`batches` (the main thread) sees the results.

    The threads are daemons, so an interrupted run exits without waiting for them. After an
    interruption in a worker, or once the ``with`` block is left, no worker starts another text;
    the calls in flight still report back.
    """

    def __init__(self, texts: Sequence[str], translate: Callable[[str], str], concurrency: int) -> None:
        _check_concurrency(concurrency)
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
            return Outcome(text, english=self._translate(text))
        except Exception as err:
            return Outcome(text, error=err)
        except BaseException as err:  # an interruption: start nothing more, report it to the main thread
            self._stop.set()
            return Outcome(text, error=err)

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


def _check_concurrency(concurrency: int) -> None:
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")


@dataclass
class _Run:
    """The main thread's side of a drafting run: the only code that touches the entries, the PO files
    and the cache. Answers are applied as they come in, then the cache and the files they touched are
    saved (atomically)."""

    po_files: Mapping[Path, polib.POFile]
    todo: list[tuple[Path, polib.POEntry]]
    cache: DraftCache
    label: str
    secrets: list[str]
    bar: tqdm
    waiting: dict[str, list[int]] = field(default_factory=dict)  # text -> its entries (indices in todo)
    drafted: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)  # (index in todo, message)
    from_cache: int = 0
    sent: int = 0
    unsaved: set[Path] = field(default_factory=set)
    saved: dict[Path, str] = field(default_factory=dict)  # the text last written to each file
    cache_unsaved: bool = False
    next_save: float = 0.0  # time.monotonic() of the next save that is due
    interruption: BaseException | None = None

    def start(self) -> list[str]:
        """Draft what the cache knows; return the other texts, each once, in reading order."""
        for index, (_, entry) in enumerate(self.todo):
            english = self.cache.get(entry.msgid)
            if english is None:
                self.waiting.setdefault(entry.msgid, []).append(index)
            else:
                self.from_cache += 1
                self._draft(index, english)
        self.save()
        return list(self.waiting)

    def take(self, outcomes: Iterable[Outcome]) -> None:
        answers: dict[str, str] = {}
        for outcome in outcomes:
            self.sent += 1
            if outcome.interruption:
                self.interruption = self.interruption or outcome.error
            elif outcome.english is None:
                message = redact(_describe(outcome.error or ValueError()), self.secrets)
                indices = self.waiting.pop(outcome.text, [])
                self.failed += [(index, message) for index in indices]
                self.bar.update(len(indices))
            else:
                answers[outcome.text] = outcome.english
                for index in self.waiting.pop(outcome.text, []):
                    self._draft(index, outcome.english)
        self.cache.put_many(answers, save=False)
        self.cache_unsaved = self.cache_unsaved or bool(answers)

    def _draft(self, index: int, english: str) -> None:
        path, entry = self.todo[index]
        pofile.set_draft(entry, english, self.label)
        self.unsaved.add(path)
        self.drafted.append(index)
        self.bar.update()

    def save(self) -> None:
        """Save the cache (first: a text drafted in a file is always in the cache), then the files."""
        started = time.monotonic()
        if self.cache_unsaved:
            self.cache.save()
            self.cache_unsaved = False
        for path in sorted(self.unsaved):
            self.saved[path] = pofile.dumps(self.po_files[path])
            write_text(path, self.saved[path])  # pofile.save_po, keeping the text for result()
            self.unsaved.discard(path)
        finished = time.monotonic()
        self.next_save = finished + (finished - started) * (1 - SAVING_SHARE) / SAVING_SHARE

    def save_when_due(self) -> None:
        if (self.unsaved or self.cache_unsaved) and time.monotonic() >= self.next_save:
            self.save()

    def result(self) -> DraftResult:
        """Drafts and failures in reading order (failures with the line of their entry, also logged)."""
        result = DraftResult(from_cache=self.from_cache, sent=self.sent)
        result.drafted = [(self.todo[i][0].stem, self.todo[i][1].msgctxt) for i in sorted(self.drafted)]
        lines: dict[Path, dict[str, int]] = {}
        for index, message in sorted(self.failed):
            path, entry = self.todo[index]
            if path not in lines:
                text = self.saved.get(path) if path not in self.unsaved else None
                lines[path] = pofile.entry_lines(text or pofile.dumps(self.po_files[path]))
            line = lines[path].get(entry.msgctxt)
            where = f"{path}:{line}" if line else str(path)
            result.failed.append((where, entry.msgctxt, message))
            log.warning("%s: %s#%s not drafted: %s", where, path.stem, entry.msgctxt, message)
        return result


def draft_missing(
    po_files: Mapping[Path, polib.POFile],
    engine: Engine,
    *,
    redraft_fuzzy: bool = False,
    provider: str = "google",
    cache: DraftCache | None = None,
    today: str | None = None,
    limit: int | None = None,
    timeout: float = 60.0,
    retries: int = 5,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    progress: bool = True,
    secrets: Iterable[str] = (),
    skip: Iterable[tuple[str, str]] = (),
    concurrency: int = 1,
) -> DraftResult:
    """Draft every missing entry (and with ``redraft_fuzzy`` every draft) of ``po_files`` (path -> PO file).

    At most ``concurrency`` calls to ``engine`` are in flight at once (1: one block after another,
    in reading order). Cached text is not sent, identical text is sent once, and every file is
    saved as its drafts come in. Reviewed entries are never touched, nor the (slug, id) pairs in
    ``skip`` (e.g. drafts just taken from translation memory). An interruption (KeyboardInterrupt,
    in the main thread or raised by the engine) saves every answer already received, then propagates.
    """
    _check_concurrency(concurrency)
    today = today or date.today().isoformat()
    limit = limit or PROVIDERS.get(provider, PROVIDERS["google"]).max_chars
    skipped = set(skip)
    todo = [(p, e) for p, e in pending(po_files, redraft_fuzzy) if (p.stem, e.msgctxt) not in skipped]
    bar = tqdm(total=len(todo), desc=f"drafting ({provider})", unit="block", disable=not progress or not todo)
    run = _Run(
        po_files, todo, cache or DraftCache(), f"{provider} via deep-translator, {today}", list(secrets), bar
    )
    translate = functools.partial(
        translate_text,
        engine,
        limit=limit,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
        sleep=sleep,
        throttle=Throttle(sleep),
    )
    try:
        _send(run, run.start(), translate, concurrency)
    finally:
        bar.close()
    return run.result()


def _send(run: _Run, texts: Sequence[str], translate: Callable[[str], str], concurrency: int) -> None:
    with Workers(texts, translate, concurrency) as workers:
        try:
            for batch in workers.batches():
                run.take(batch)
                run.save_when_due()
        except BaseException:  # e.g. Ctrl-C: keep the answers already in, then stop
            with contextlib.suppress(Exception):
                run.take(workers.leftovers())
            with contextlib.suppress(Exception):
                run.save()
            raise
    run.save()
    if run.interruption is not None:
        raise run.interruption
