"""What ``edition translate``, ``edition check`` and ``edition status`` do (``edition.cli`` parses args)."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TextIO

from edition import qa
from edition.drafting import memory, providers
from edition.drafting import terms as drafting_terms
from edition.drafting.cache import DraftCache, cache_path
from edition.drafting.errors import EngineUnavailable, describe
from edition.drafting.providers import Engine
from edition.drafting.run import RunStopped, draft_missing, pending
from edition.drafting.secrets import Redactor, redacting, short_secret_warning
from edition.drafting.transport import DEFAULT_CONCURRENCY, probe
from edition.errors import EditionError
from edition.paths import Paths
from edition.read.glossary import check_variant_reports, load_glossary
from edition.translate import po as pofile
from edition.translate.attach import TranslationFile, previous_chinese, sync_all

log = logging.getLogger("edition")


@dataclass
class Workspace:
    """The current blocks of every report and their PO files, synchronised in memory (nothing written)."""

    paths: Paths
    reports: list
    catalogs: dict[str, TranslationFile]


def workspace(paths: Paths) -> Workspace:
    from edition.pipeline import anchor, load_translations, read_and_clean

    edition = read_and_clean(paths)
    catalogs = load_translations(edition, paths)
    edition = anchor(edition, paths, catalogs, save=False)
    sync_all(
        edition.reports,
        catalogs,
        ledgers=edition.ledgers,
        previous=previous_chinese(paths.build / "edition.json"),
    )
    return Workspace(paths, edition.reports, catalogs)


def findings(space: Workspace) -> list[qa.Finding]:
    terms = load_glossary(space.paths.glossary, space.paths.config.glossary.categories)
    check_variant_reports(space.paths.relative(space.paths.glossary), terms, {report.slug for report in space.reports})
    found: list[qa.Finding] = []
    for slug, catalog in space.catalogs.items():
        found += qa.check_catalog(slug, space.paths.relative(catalog.path), catalog.po, terms, space.paths.config.qa)
    return found


def _stale(space: Workspace) -> list[str]:
    """PO files whose text on disk is not what the build would write (line numbers may be off)."""
    stale = []
    for catalog in space.catalogs.values():
        try:
            on_disk = catalog.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            on_disk = None
        if on_disk != catalog.text():
            stale.append(str(catalog.path))
    return stale


def run_check(paths: Paths, out: TextIO | None = None) -> int:
    """Print every QA finding, one a line; 0 (findings are for people to judge, not errors)."""
    out = out or sys.stdout
    space = workspace(paths)
    found = findings(space)
    for finding in found:
        print(finding, file=out)
    for path in _stale(space):
        print(
            f"note: {path} is not up to date with the sources; run `make data` (line numbers may be off)",
            file=out,
        )
    print(f"{len(found)} QA finding(s) in {len(space.catalogs)} report(s)", file=out)
    return 0


def run_status(paths: Paths, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    space = workspace(paths)
    per_report: dict[str, int] = {}
    for finding in findings(space):
        per_report[finding.slug] = per_report.get(finding.slug, 0) + 1
    rows = [("report", *pofile.STATUSES, "qa")]
    totals = [0, 0, 0, 0]
    for slug, catalog in space.catalogs.items():
        counts = [0, 0, 0]
        for entry in pofile.active_entries(catalog.po):
            counts[pofile.STATUSES.index(pofile.status(entry))] += 1
        row = [*counts, per_report.get(slug, 0)]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        rows.append((slug, *map(str, row)))
    rows.append(("total", *map(str, totals)))
    width = max(len(r[0]) for r in rows)
    for row in rows:
        print(f"{row[0]:<{width}}  " + "  ".join(f"{cell:>8}" for cell in row[1:]), file=out)
    return 0


def run_translate(
    paths: Paths,
    *,
    provider: str = "google",
    target: str | None = None,
    redraft_fuzzy: bool = False,
    report: str | None = None,
    engine: Engine | None = None,
    today: str | None = None,
    progress: bool = True,
    concurrency: int = DEFAULT_CONCURRENCY,
    out: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    model: str | None = None,
) -> int:
    """Translation memory first, then machine drafts for what is still missing
    (``concurrency`` requests to the engine in flight at most; ``model``, for a language model,
    instead of the one its environment variable or its default names). ``target`` defaults to
    ``languages.target``; a call's time-out and the retries after a rate limit are ``drafting.timeout``
    and ``drafting.retries``, and a language model is told what the texts are (``drafting.texts``).

    Every problem is one line on stderr, with no API key in it in any form: a provider or language
    that is not supported (2, before anything is read or sent); an engine that cannot be reached
    or set up (1, and no file is written); an engine that stops the run, or an interruption (1 or
    130: every answer received before is saved). Keys come from ``env`` (the environment).
    """
    out = out or sys.stdout
    today = today or date.today().isoformat()
    target = target or paths.config.languages.target  # the edition's target language unless --target says
    if concurrency < 1:
        print(f"error: --concurrency must be at least 1, not {concurrency}", file=sys.stderr)
        return 2
    try:
        spec = providers.get(provider)
        code = spec.target_code(target)
    except EngineUnavailable as err:
        print(f"error: {provider}: {err}", file=sys.stderr)
        return 2
    if model is not None:
        if "model" not in spec.settings_env:
            print(f"error: {provider}: --model is for a language model (openai, anthropic)", file=sys.stderr)
            return 2
        env = {**(os.environ if env is None else env), spec.settings_env["model"]: model}
    keys = providers.secrets_from_env(env)
    for name, key in keys.items():
        if warning := short_secret_warning(name, key):
            print(f"warning: {warning}", file=sys.stderr)
    redactor = Redactor(tuple(keys.values()))
    with redacting(redactor):
        try:
            return _translate(
                paths, spec, code, redactor, redraft_fuzzy=redraft_fuzzy, report=report, engine=engine,
                today=today, progress=progress, concurrency=concurrency, out=out, env=env,
            )
        except KeyboardInterrupt:
            print("interrupted: every answer received was saved: run again to resume", file=sys.stderr)
            return 130


def _translate(
    paths: Paths,
    spec: providers.Provider,
    code: str,
    redactor: Redactor,
    *,
    redraft_fuzzy: bool,
    report: str | None,
    engine: Engine | None,
    today: str,
    progress: bool,
    concurrency: int,
    out: TextIO,
    env: Mapping[str, str] | None,
) -> int:
    provider = spec.name
    space = workspace(paths)
    if report is not None and report not in space.catalogs:
        print(f"error: no report {report!r} (reports: {', '.join(space.catalogs)})", file=sys.stderr)
        return 2
    chosen = {s: c for s, c in space.catalogs.items() if report is None or s == report}
    terms = drafting_terms.load(paths.glossary) if spec.glossary and paths.glossary.exists() else None
    key = functools.partial(spec.cache_key, spec.connection(code, env, terms=terms, key_needed=False))
    cache = DraftCache.load(cache_path(paths.translations, spec.engine_id, code))

    # What would still need the engine after translation memory? (planned on copies: nothing changes yet)
    remembered = _memory_plan(space.catalogs, report, paths.config.translation.memory_threshold)
    uncached = [
        e
        for _, e in pending({c.path: c.po for c in chosen.values()}, redraft_fuzzy)
        if cache.get(key(e.msgid)) is None and (e.msgctxt not in remembered.get(_slug_of(chosen, e), set()))
    ]
    if uncached:
        try:
            engine = engine or _engine(spec, code, env, redactor, terms, paths.config.drafting.texts)
            probe(engine, secrets=redactor)
        except EngineUnavailable as err:
            print(redactor.redact(f"error: {provider}: {err}; no file was changed"), file=sys.stderr)
            return 1

    for (
        catalog
    ) in space.catalogs.values():  # the synchronised files, written once everything is known to work
        catalog.save()
    threshold = paths.config.translation.memory_threshold
    filled = memory.fill_from_memory({s: c.po for s, c in space.catalogs.items()}, today=today, only=report,
                                     threshold=threshold)
    for slug in {slug for slug, _, _ in filled}:
        space.catalogs[slug].save()
    try:
        result = draft_missing(
            {c.path: c.po for c in chosen.values()},
            engine or _NoEngine(),
            redraft_fuzzy=redraft_fuzzy,
            provider=provider,
            cache=cache,
            today=today,
            progress=progress,
            secrets=redactor,
            skip=[(slug, anchor) for slug, anchor, _ in filled],
            concurrency=concurrency,
            key=key,
            timeout=paths.config.drafting.timeout,
            retries=paths.config.drafting.retries,
        )
    except RunStopped as err:
        print(f"error: {provider}: {err}; every answer received before was saved: run again to resume",
              file=sys.stderr)
        return 1
    except EditionError:
        raise  # bad input: the command line prints it
    except Exception as err:  # whatever a library raised while drafting: one line, never a traceback
        print(redactor.redact(f"error: {provider}: {describe(err)}"), file=sys.stderr)
        return 1
    print(
        f"{len(filled)} from translation memory, {len(result.drafted)} machine drafts "
        f"({result.from_cache} from the cache), {len(result.failed)} failed",
        file=out,
    )
    return 1 if result.failed else 0


def _engine(
    spec: providers.Provider,
    code: str,
    env: Mapping[str, str] | None,
    redactor: Redactor,
    terms: Mapping[str, str] | None = None,
    texts: str | None = None,
) -> Engine:
    """The provider's engine (given the glossary, if it uses one); whatever its library raises
    becomes one redacted EngineUnavailable."""
    try:
        return spec.make_engine(code, env, terms=terms, texts=texts)
    except EngineUnavailable:
        raise
    except Exception as err:
        raise EngineUnavailable(redactor.redact(f"cannot set up the engine ({describe(err)})")) from None


class _NoEngine:
    """Stands in when every text is cached: asking it anything is a bug."""

    def translate(self, text: str) -> str:
        raise EngineUnavailable("no engine was set up (every text was expected in the cache)")


def _slug_of(catalogs: dict[str, TranslationFile], entry: object) -> str:
    return next((s for s, c in catalogs.items() if any(e is entry for e in c.po)), "")


def _memory_plan(catalogs: dict[str, TranslationFile], report: str | None, threshold: float) -> dict[str, set[str]]:
    """slug -> ids that translation memory would fill (computed without changing anything)."""
    index = memory.memory_index({s: c.po for s, c in catalogs.items()})
    plan: dict[str, set[str]] = {}
    for slug, catalog in catalogs.items():
        if report is not None and slug != report:
            continue
        for entry in pofile.active_entries(catalog.po):
            if (
                pofile.status(entry) == pofile.MISSING
                and entry.msgctxt
                and memory.lookup(entry.msgid, index, exclude=(slug, entry.msgctxt), threshold=threshold)
            ):
                plan.setdefault(slug, set()).add(entry.msgctxt)
    return plan
