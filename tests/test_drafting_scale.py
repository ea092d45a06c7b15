"""Drafting at scale: 10,000 blocks through an in-process engine with latency and faults.

10% of the texts always fail, bursts of TooManyRequests come every few hundred calls, and the
first run is killed mid-way. Nothing here measures time (that is python -m benchmark's business):
the latency is tiny and only there so that calls overlap.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import polib
import pytest

from benchmark import simulate
from edition.drafting.cache import DraftCache
from edition.drafting.run import DraftResult, draft_missing
from edition.translate import po as pofile

BLOCKS = 10_000
CONCURRENCY = 16
FAULTS = {"latency": 0.001, "error_rate": 0.10, "burst_every": 500, "burst_length": 3}
REPOSITORY = Path(__file__).resolve().parents[1]
Catalogs = dict[Path, polib.POFile]


def run(root: Path, engine: simulate.FaultyEngine, po_files: Catalogs | None = None) -> DraftResult:
    return draft_missing(
        simulate.load_workload(root) if po_files is None else po_files,
        engine,
        provider=simulate.PROVIDER,
        cache=DraftCache.load(simulate.cache_file(root)),
        retries=5,
        backoff=0.001,
        progress=False,
        concurrency=CONCURRENCY,
    )


def entries(catalogs: Catalogs) -> list[tuple[str, polib.POEntry]]:
    return [(path.stem, e) for path, po in catalogs.items() for e in po]


def drafted_texts(catalogs: Catalogs) -> set[str]:
    return {e.msgid for _, e in entries(catalogs) if pofile.status(e) == pofile.DRAFT}


def test_ten_thousand_blocks_with_faults_and_a_kill_lose_nothing_and_send_nothing_twice(
    tmp_path: Path,
) -> None:
    catalogs = simulate.build_workload(tmp_path, blocks=BLOCKS, reports=10, repeat_every=50)
    everything = set(simulate.workload_texts(BLOCKS, repeat_every=50))

    # Run 1: killed after 4,000 calls.
    first = simulate.FaultyEngine(**FAULTS, kill_after=4_000)
    with pytest.raises(simulate.Killed):
        run(tmp_path, first, catalogs)
    on_disk = simulate.load_workload(tmp_path)  # every file parses
    answered = {c.text for c in first.calls if c.outcome == simulate.OK}
    assert answered and drafted_texts(on_disk) == answered  # every answer received is in the files …
    assert not any(e.msgid in answered and not e.msgstr for _, e in entries(on_disk))  # … in every entry
    cached = json.loads(simulate.cache_file(tmp_path).read_text(encoding="utf-8"))
    assert set(cached) == answered and all(cached[t] == simulate.translation(t) for t in answered)
    assert len(first.calls) < BLOCKS

    # Run 2 resumes: it sends exactly what is not drafted yet.
    second = simulate.FaultyEngine(**FAULTS)
    result = run(tmp_path, second, on_disk)
    assert {c.text for c in second.calls} == everything - answered
    assert result.from_cache == 0 and result.sent == len(everything - answered)

    # (a) Never more than the bound in flight, and calls did overlap.
    assert 2 <= first.max_in_flight <= CONCURRENCY and 2 <= second.max_in_flight <= CONCURRENCY

    # (c) Everything is drafted except the blocks whose text always fails: those are reported, left missing.
    failing = {t for t in everything if second.fails(t)}
    assert 0.05 * len(everything) < len(failing) < 0.15 * len(everything)
    final = entries(simulate.load_workload(tmp_path))
    for _, entry in final:
        if entry.msgid in failing:
            assert pofile.status(entry) == pofile.MISSING
        else:
            assert pofile.status(entry) == pofile.DRAFT and entry.msgstr == simulate.translation(entry.msgid)
    expected = {(slug, e.msgctxt) for slug, e in final if e.msgid in failing}
    reported = {(Path(where.rsplit(":", 1)[0]).stem, anchor) for where, anchor, _ in result.failed}
    assert reported == expected and len(result.failed) == len(expected)
    assert all("TranslationNotFound" in message for _, _, message in result.failed)
    where, anchor, _ = result.failed[0]
    file, line = where.rsplit(":", 1)
    assert Path(file).read_text(encoding="utf-8").split("\n")[int(line) - 1] == f'msgctxt "{anchor}"'

    # No text was sent twice across both runs, except after an error (a burst, a failure, the kill).
    outcomes: dict[str, list[str]] = defaultdict(list)
    for call in first.calls + second.calls:
        outcomes[call.text].append(call.outcome)
    assert any(simulate.TOO_MANY in o for o in outcomes.values())
    for text, seen in outcomes.items():
        assert simulate.OK not in seen[:-1], (text, seen)


def test_a_run_killed_outright_leaves_parseable_files_and_resumes(tmp_path: Path) -> None:
    """SIGKILL in a child process: no chance to save anything on the way out."""
    simulate.build_workload(tmp_path, blocks=2_000, reports=4)
    child = (
        "import sys; from pathlib import Path; from benchmark import simulate; "
        "engine = simulate.FaultyEngine(latency=0.001, kill_after=700, kill=simulate.kill_process); "
        "simulate.draft_once(Path(sys.argv[1]), engine, concurrency=8)"
    )
    done = subprocess.run(
        [sys.executable, "-c", child, str(tmp_path)], cwd=REPOSITORY, timeout=120, check=False
    )
    assert done.returncode == -9
    drafted = drafted_texts(simulate.load_workload(tmp_path))  # every file parses
    cache_path = simulate.cache_file(tmp_path)
    cached = json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.exists() else {}
    assert drafted <= set(cached)  # the cache is saved first

    engine = simulate.FaultyEngine(latency=0.001)
    run(tmp_path, engine)
    assert not {c.text for c in engine.calls} & set(cached)  # nothing cached or drafted is asked again
    answers = [c.text for c in engine.calls if c.outcome == simulate.OK]
    assert len(answers) == len(set(answers))
    final = entries(simulate.load_workload(tmp_path))
    assert {e.msgid for _, e in final if not e.msgstr} == {e.msgid for _, e in final if engine.fails(e.msgid)}


def test_simulate_counts_what_it_did(tmp_path: Path) -> None:
    runs = simulate.simulate(
        tmp_path, blocks=2_000, reports=4, latency=0.0005, concurrency=8, burst_every=300, kill_after=600
    )
    assert [r.killed for r in runs] == [True, False]
    first, second = runs
    failing = sum(simulate.FaultyEngine().fails(t) for t in simulate.workload_texts(2_000))
    assert first.blocks == 2_000 and second.blocks == 2_000 - first.drafted
    assert first.drafted + second.drafted + second.failed == 2_000 and second.failed == failing
    assert 600 < first.requests <= 600 + 8  # the kill stops every worker at its next call
    assert second.requests >= second.drafted + second.failed
    for r in runs:
        assert r.concurrency == 8 and 1 <= r.max_in_flight <= 8
        assert r.ideal == pytest.approx((r.drafted + r.failed) * 0.0005 / 8)
        assert r.elapsed > 0 and r.from_cache == 0
