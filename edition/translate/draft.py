"""Machine drafts through deep-translator, one block at a time, safely.

deep-translator sets no timeout on its HTTP requests and its batch call gives up on the first
error, so this module wraps it:

* one call per block, run in a worker thread and abandoned after ``timeout`` seconds;
* a block longer than the provider accepts is split at sentence ends (。！？) and the pieces'
  translations are joined with a space;
* ``TooManyRequests`` -> exponential back-off and retry (``retries`` times at most);
* any other error is reported for that block, which is skipped;
* the PO file is saved (atomically) after every block, so a killed run loses nothing drafted;
* results are cached by source text in ``translations/.cache/<provider>-<target>.json``, so the
  same Chinese is never sent twice;
* every draft is fuzzy, with the provenance ``<provider> via deep-translator, <date>``.

API keys come from environment variables only and are never written to a file or a log.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
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


def call_with_timeout(func: Callable[[str], str], text: str, timeout: float) -> str:
    """``func(text)`` in a worker thread; TimeoutError if it takes longer than ``timeout`` seconds.

    The thread is a daemon: a request that never returns is abandoned, and does not keep the
    program from exiting.
    """
    future: Future[str] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(func(text))
        except BaseException as err:  # handed to the caller
            future.set_exception(err)

    threading.Thread(target=run, name="deep-translator call", daemon=True).start()
    try:
        return future.result(timeout=timeout)
    except FutureTimeout:
        raise TimeoutError(f"no answer within {timeout:g} s") from None


def translate_piece(
    engine: Engine, text: str, *, timeout: float, retries: int, backoff: float, sleep: Callable[[float], None]
) -> str:
    for attempt in range(retries + 1):
        try:
            result = call_with_timeout(engine.translate, text, timeout)
        except TooManyRequests:
            if attempt == retries:
                raise
            sleep(backoff * 2**attempt)
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
) -> str:
    pieces = split_text(text, limit)
    return " ".join(
        translate_piece(engine, piece, timeout=timeout, retries=retries, backoff=backoff, sleep=sleep)
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
        self.entries[text] = translation
        if self.path is not None:
            write_text(
                self.path, json.dumps(self.entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            )


def cache_path(translations: Path, provider: str, target: str) -> Path:
    return translations / ".cache" / f"{provider}-{target}.json"


# --- drafting ---------------------------------------------------------------------------------


@dataclass
class DraftResult:
    drafted: list[tuple[str, str]] = field(default_factory=list)  # (slug, anchor)
    from_cache: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (file:line, anchor, message)


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
) -> DraftResult:
    """Draft every missing entry (and with ``redraft_fuzzy`` every draft) of ``po_files`` (path -> PO file).

    Each file is saved after each block it gets. Reviewed entries are never touched, nor the
    (slug, id) pairs in ``skip`` (e.g. drafts just taken from translation memory).
    """
    today = today or date.today().isoformat()
    cache = cache or DraftCache()
    limit = limit or PROVIDERS.get(provider, PROVIDERS["google"]).max_chars
    secrets = list(secrets)
    label = f"{provider} via deep-translator, {today}"
    result = DraftResult()
    skipped = set(skip)
    todo = [(p, e) for p, e in pending(po_files, redraft_fuzzy) if (p.stem, e.msgctxt) not in skipped]
    bar = tqdm(todo, desc=f"drafting ({provider})", unit="block", disable=not progress or not todo)
    for path, entry in bar:
        slug = path.stem
        english = cache.get(entry.msgid)
        if english is not None:
            result.from_cache += 1
        else:
            try:
                english = translate_text(
                    engine,
                    entry.msgid,
                    limit=limit,
                    timeout=timeout,
                    retries=retries,
                    backoff=backoff,
                    sleep=sleep,
                )
            except Exception as err:
                line = pofile.entry_lines(pofile.dumps(po_files[path])).get(entry.msgctxt)
                where = f"{path}:{line}" if line else str(path)
                message = redact(_describe(err), secrets)
                result.failed.append((where, entry.msgctxt, message))
                log.warning("%s: %s#%s not drafted: %s", where, slug, entry.msgctxt, message)
                continue
            cache.put(entry.msgid, english)
        pofile.set_draft(entry, english, label)
        pofile.save_po(po_files[path], path)
        result.drafted.append((slug, entry.msgctxt))
    bar.close()
    return result
