"""A drafting run over PO files: what to draft, asking the engine, and saving the answers as they come.

* entries to draft: missing ones (with ``redraft_fuzzy`` drafts too), never a reviewed one;
* cached text is not sent and identical Chinese within a run is sent once, so the same Chinese is
  never sent twice to the same engine set up the same way (:mod:`~edition.drafting.cache`: the key
  holds the model and the glossary entries given, where they change the answer);
* the workers (:mod:`~edition.drafting.transport`) ask the engine; only the main thread touches the
  PO files and the cache. It saves them (atomically) as answers come in: after every answer when
  answers are slow (a real engine), less often when they come faster than files can be written,
  so that saving takes about a tenth of the time at most. An interrupted run (Ctrl-C, an error, an
  engine that refuses to go on) saves every answer received before it stops; a run killed outright
  loses at most the answers of the last moments (they are asked again next time);
* every draft is fuzzy, with a provenance naming the provider and its library (``google via
  deep-translator, <date>``, ``deepl (official client deepl 1.x), <date>``), and what the answer
  itself said produced it: the model a language model reported, the glossary entries given
  (``openai gpt-5.5-2026-04-23 (official client openai 3.x, edition glossary 3 terms), <date>``);
* nothing with a secret in it is saved or reported: failure messages are redacted, and an answer
  that holds a secret (a server echoing the key) is refused (:mod:`~edition.drafting.secrets`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polib
from tqdm import tqdm

from edition.atomic import write_text
from edition.drafting import providers
from edition.drafting.cache import Draft, DraftCache
from edition.drafting.errors import describe
from edition.drafting.providers import Engine
from edition.drafting.secrets import Redactor
from edition.drafting.transport import (
    Outcome,
    Throttle,
    Workers,
    check_concurrency,
    draft_text,
    stops_run,
)
from edition.translate import po as pofile

log = logging.getLogger("edition")

SAVING_SHARE = 0.1  # while drafting, saving takes at most about this share of the time
SECRET_IN_ANSWER = "the engine's answer holds a secret (an API key): not saved"
_DATE_AFTER_COMMA = re.compile(r", \d{4}-\d{2}-\d{2}")


class RunStopped(Exception):
    """The engine refused to go on (a rejected key, an exhausted quota). Every answer received before
    was saved; the message (redacted) names the file and line of the block it refused."""


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


@dataclass
class _Run:
    """The main thread's side of a drafting run: the only code that touches the entries, the PO files
    and the cache. Answers are applied as they come in, then the cache and the files they touched are
    saved (atomically)."""

    po_files: Mapping[Path, polib.POFile]
    todo: list[tuple[Path, polib.POEntry]]
    cache: DraftCache
    what: str  # what produced a draft whose answer did not say (the provider and its library)
    today: str
    redactor: Redactor
    bar: tqdm
    key: Callable[[str], str] = lambda text: text  # the cache key of a text
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
    stopped_at: int | None = None  # index in todo of the block the engine refused to go on with

    def start(self) -> list[str]:
        """Draft what the cache knows; return the other texts, each once, in reading order."""
        for index, (_, entry) in enumerate(self.todo):
            cached = self.cache.get_draft(self.key(entry.msgid))
            if cached is None:
                self.waiting.setdefault(entry.msgid, []).append(index)
            else:
                self.from_cache += 1
                self._draft(index, cached)
        self.save()
        return list(self.waiting)

    def take(self, outcomes: Iterable[Outcome]) -> None:
        answers: dict[str, Draft] = {}
        for outcome in outcomes:
            self.sent += 1
            if outcome.interruption:
                if self.interruption is None:
                    self.interruption = outcome.error
                    self.stopped_at = self.waiting.get(outcome.text, [None])[0]
            elif outcome.english is None or self.redactor.redact(outcome.english) != outcome.english:
                error = outcome.error
                message = SECRET_IN_ANSWER if error is None else self.redactor.redact(describe(error))
                indices = self.waiting.pop(outcome.text, [])
                self.failed += [(index, message) for index in indices]
                self.bar.update(len(indices))
            else:
                draft = Draft(outcome.english, outcome.by)
                answers[self.key(outcome.text)] = draft
                for index in self.waiting.pop(outcome.text, []):
                    self._draft(index, draft)
        self.cache.put_many(answers, save=False)
        self.cache_unsaved = self.cache_unsaved or bool(answers)

    def _draft(self, index: int, draft: Draft) -> None:
        path, entry = self.todo[index]
        pofile.set_draft(entry, draft.english, self.label(draft.by))
        self.unsaved.add(path)
        self.drafted.append(index)
        self.bar.update()

    def label(self, by: str | None) -> str:
        """The provenance: what the answer said produced it, if that fits the provenance's form (one
        line, no date of its own: a cache file may have been edited), else the provider's label."""
        what = by if by and usable_what(by) else self.what
        return self.redactor.redact(f"{what}, {self.today}")

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

    def where(self, index: int, lines: dict[Path, dict[str, int]] | None = None) -> str:
        """``file:line`` of an entry (its ``msgctxt`` line) in the file as last saved."""
        lines = {} if lines is None else lines
        path, entry = self.todo[index]
        if path not in lines:
            text = self.saved.get(path) if path not in self.unsaved else None
            lines[path] = pofile.entry_lines(text or pofile.dumps(self.po_files[path]))
        line = lines[path].get(entry.msgctxt)
        return f"{path}:{line}" if line else str(path)

    def result(self) -> DraftResult:
        """Drafts and failures in reading order (failures with the line of their entry, also logged)."""
        result = DraftResult(from_cache=self.from_cache, sent=self.sent)
        result.drafted = [(self.todo[i][0].stem, self.todo[i][1].msgctxt) for i in sorted(self.drafted)]
        lines: dict[Path, dict[str, int]] = {}
        for index, message in sorted(self.failed):
            path, entry = self.todo[index]
            where = self.where(index, lines)
            result.failed.append((where, entry.msgctxt, message))
            log.warning("%s: %s#%s not drafted: %s", where, path.stem, entry.msgctxt, message)
        return result

    def stopped(self, err: BaseException) -> RunStopped:
        where = ""
        if self.stopped_at is not None:
            path, entry = self.todo[self.stopped_at]
            where = f"{self.where(self.stopped_at)}: {path.stem}#{entry.msgctxt}: "
        return RunStopped(self.redactor.redact(f"{where}{describe(err)}"))


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
    secrets: Iterable[str] | Redactor = (),
    skip: Iterable[tuple[str, str]] = (),
    concurrency: int = 1,
    key: Callable[[str], str] | None = None,
) -> DraftResult:
    """Draft every missing entry (and with ``redraft_fuzzy`` every draft) of ``po_files`` (path -> PO file).

    At most ``concurrency`` calls to ``engine`` are in flight at once (1: one block after another,
    in reading order). Cached text is not sent, identical text is sent once, and every file is
    saved as its drafts come in. Reviewed entries are never touched, nor the (slug, id) pairs in
    ``skip`` (e.g. drafts just taken from translation memory). ``key`` gives a text's cache key (by
    default the engine's ``cache_key``, else the text itself). An interruption (KeyboardInterrupt,
    in the main thread or raised by the engine) saves every answer already received, then propagates;
    so does an engine that refuses to go on, as :class:`RunStopped`.
    """
    check_concurrency(concurrency)
    today = today or date.today().isoformat()
    spec = providers.PROVIDERS.get(provider, providers.PROVIDERS["google"])
    limit = limit or spec.max_chars
    redactor = Redactor.of(secrets)
    skipped = set(skip)
    todo = [(p, e) for p, e in pending(po_files, redraft_fuzzy) if (p.stem, e.msgctxt) not in skipped]
    bar = tqdm(total=len(todo), desc=f"drafting ({provider})", unit="block", disable=not progress or not todo)
    key = key or getattr(engine, "cache_key", None) or (lambda text: text)
    run = _Run(po_files, todo, cache or DraftCache(), providers.what(provider), today, redactor, bar, key)
    translate = functools.partial(
        draft_text,
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


def usable_what(what: str) -> bool:
    """Whether ``what`` may stand before the date of a provenance (``<what>, <YYYY-MM-DD>``)."""
    return (
        what == " ".join(what.split())
        and what[:1] not in (",", ";")
        and ";" not in what
        and not _DATE_AFTER_COMMA.search(what)
    )


def _send(run: _Run, texts: Sequence[str], translate: Callable[[str], Draft], concurrency: int) -> None:
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
        if stops_run(run.interruption):
            run.result()  # the blocks that failed before are reported too
            raise run.stopped(run.interruption) from None
        raise run.interruption
