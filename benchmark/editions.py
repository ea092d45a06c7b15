"""Benchmark the pipeline and the MkDocs build on synthetic editions of N reports (``make bench``).

    .venv/bin/python -m benchmark [--sizes 10,100,1000] [--markdown FILE] [--keep DIR] [--profile]

For each size N a synthetic edition is written into a temporary folder laid out like the
repository: N new sources (half PDF-style, half web-style) made of the six real reports' cleaned
blocks, reshuffled by a seeded random generator, a catalog for them, and English for every block
copied from the real translations (drafts, with their provenance). Then it measures the pipeline
stage by stage, the whole ``build()``, ``edition build`` (the CLI), ``mkdocs build --strict``, a
rebuild with nothing changed and a rebuild after one translation was edited, and prints tables
and PASS/FAIL per target. It exits 0 whatever the numbers: it is a benchmark, not a test.
What is measured, and how: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import hashlib
import io
import itertools
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmark.synthetic import (
    PDF,
    Material,
    ReportPlan,
    Synthetic,
    counted_log,
    generate,
    load_material,
    say,
)
from edition import pipeline
from edition.paths import Paths
from edition.translate import po as pofile

DEFAULT_SIZES = (10, 100, 1000)

# Targets (docs/benchmarks.md).
MAX_PIPELINE_SHARE = 0.25  # of the mkdocs build time, at the largest N
MAX_SCALING = 1.1  # t(large)/t(small) at most 1.1 x the ratio of the sizes (11 for 1000/100)
MAX_REBUILD_SHARE = 0.05  # a rebuild with nothing changed, of the first build's time


STAGES = (
    ("read + clean", "read_and_clean"),
    ("anchor", "anchor"),
    ("translate (PO sync, attach, QA)", "translate"),
    ("annotate", "annotate_edition"),
    ("write", "write"),
)
OTHER = "other (load PO files and glossary, build state)"
PIPELINE = "whole pipeline: build()"
CLI = "edition build (CLI, subprocess)"
MKDOCS = "mkdocs build --strict (subprocess)"




@dataclass
class Measure:
    seconds: float = 0.0  # wall time
    cpu: float = 0.0  # CPU time of this process (time.process_time)
    peak: int | None = None  # bytes, tracemalloc
    calls: int = 0


@contextmanager
def stage_timers(trace_memory: bool) -> Iterator[dict[str, Measure]]:
    """Wrap the stage functions of edition.pipeline (build() calls them through the module)."""
    measures: dict[str, Measure] = {}
    originals: dict[str, Callable[..., Any]] = {}
    for label, name in STAGES:
        function = getattr(pipeline, name, None)
        if callable(function):
            originals[name] = function
            setattr(pipeline, name, _timed(function, measures.setdefault(label, Measure()), trace_memory))
    try:
        yield measures
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)


def _timed(function: Callable[..., Any], measure: Measure, trace_memory: bool) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        if trace_memory:
            tracemalloc.reset_peak()
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            measure.seconds += time.perf_counter() - start
            measure.cpu += time.process_time() - cpu
            measure.calls += 1
            if trace_memory:
                measure.peak = max(measure.peak or 0, tracemalloc.get_traced_memory()[1])

    return timed


@dataclass
class BuildRun:
    seconds: float
    cpu: float
    stages: dict[str, Measure]
    peak: int | None  # bytes, tracemalloc, over the whole run
    built: bool  # False when an incremental entry point did no work
    blocks: int
    warnings: int
    errors: list[str]

    def other(self) -> tuple[float, float]:
        """Wall and CPU time spent outside the stage functions."""
        return (self.seconds - sum(m.seconds for m in self.stages.values()),
                self.cpu - sum(m.cpu for m in self.stages.values()))


def run_build(paths: Paths, *, entry: str = "build", trace_memory: bool = False) -> BuildRun:
    """Run ``pipeline.<entry>(paths)`` in this process, timing each stage it calls."""
    gc.collect()
    with stage_timers(trace_memory) as stages, counted_log() as log:
        if trace_memory:
            tracemalloc.start()
        start, cpu = time.perf_counter(), time.process_time()
        edition = getattr(pipeline, entry)(paths)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = None
        if trace_memory:
            peak = max([tracemalloc.get_traced_memory()[1], *(m.peak or 0 for m in stages.values())])
            tracemalloc.stop()
    blocks = sum(len(report.blocks) for report in edition.reports) if edition is not None else 0
    return BuildRun(seconds, cpu, stages, peak, edition is not None, blocks, log.warnings, log.errors)


@dataclass
class ProcessRun:
    seconds: float
    cpu: float  # user + system time of the child
    max_rss: int  # bytes: the child's peak resident set size (os.wait4)
    returncode: int
    output: str  # the end of its output


def run_process(command: list[str], cwd: Path) -> ProcessRun:
    """Run a command and measure its wall time and peak RSS (from os.wait4, that child only)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return ProcessRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, process.returncode, text[-1500:])


def mkdocs_build(paths: Paths) -> ProcessRun:
    return run_process([sys.executable, "-m", "mkdocs", "build", "--strict"], paths.root)


def cli_build(paths: Paths) -> ProcessRun:
    """``edition build`` on the synthetic root: the project of the folder it runs in."""
    return run_process([sys.executable, "-m", "edition.cli", "build"], paths.root)


Snapshot = dict[str, tuple[int, int, str]]


def snapshot(paths: Paths) -> Snapshot:
    """(mtime_ns, size, sha256) of every file under docs/, build/ (but build/site), translations/, anchors/."""
    site = paths.build / "site"
    files: Snapshot = {}
    for folder in (paths.docs, paths.build, paths.translations, paths.anchors):
        for file in folder.rglob("*"):
            if file.is_file() and site not in file.parents:
                status = file.stat()
                digest = hashlib.sha256(file.read_bytes()).hexdigest()
                files[str(file.relative_to(paths.root))] = (status.st_mtime_ns, status.st_size, digest)
    return files


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    """Files written, added or removed between two snapshots."""
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


@contextmanager
def watching(paths: Paths) -> Iterator[list[str]]:
    """Collect the files that change inside the block."""
    changed: list[str] = []
    before = snapshot(paths)
    yield changed
    changed.extend(changed_files(before, snapshot(paths)))


def remove_outputs(paths: Paths) -> None:
    """Delete everything a build writes (build/, the generated docs folders): the next build is cold."""
    for folder in (paths.build, *paths.generated_docs):
        shutil.rmtree(folder, ignore_errors=True)


def edit_one_translation(plans: Sequence[ReportPlan], paths: Paths) -> str:
    """Revise the English of the first paragraph of the middle report (it stays a draft: its status,
    and so the translation progress, do not change). Returns the report's slug."""
    slug = plans[len(plans) // 2].slug
    path = pofile.po_path(paths.translations, slug)
    po = pofile.load_po(path)
    entry = next(e for e in pofile.active_entries(po) if e.msgstr.strip() and "paragraph" in (e.comment or ""))
    entry.msgstr = entry.msgstr.rstrip() + " (revised)"
    pofile.save_po(po, path)
    return slug


def report_outputs(slug: str) -> set[str]:
    """What one report's translation may change: its page, its PO file and its download, edition.json
    (and its download), the build's own record of its state, and the changelog's list of what is new
    since the latest release."""
    return {f"docs/reports/{slug}.md", f"docs/data/po/{slug}.po", f"translations/en/{slug}.po",
            "build/edition.json", "docs/data/edition.json", "build/build-state.json", "docs/changelog/index.md"}


@dataclass
class Rebuild:
    entry: str
    seconds: float
    cpu: float
    first: tuple[float, float]  # wall and CPU time of the first (cold) build by the same entry point
    changed: list[str]
    did_work: bool


@dataclass
class SizeResult:
    n: int
    synthetic: Synthetic
    cold: BuildRun  # build() from scratch, stage by stage
    memory: BuildRun | None  # the same again, under tracemalloc (None above TRACE_MEMORY_UP_TO)
    mkdocs: ProcessRun
    cli: ProcessRun  # edition build from scratch
    rebuilds: list[Rebuild]
    edit_slug: str
    edit_changed: list[str]

    @property
    def blocks(self) -> int:
        return self.cold.blocks


# tracemalloc slows a build by an order of magnitude or more (a 1000-report build under it ran for
# well over half an hour): above this size only the peak RSS of the CLI build is measured.
TRACE_MEMORY_UP_TO = 100


def measure(n: int, root: Path, material: Material) -> SizeResult:
    say(f"N={n}: writing the synthetic edition in {root}")
    shutil.rmtree(root, ignore_errors=True)  # a kept edition of an earlier run
    synthetic = generate(root, n, material=material)
    paths = synthetic.paths
    say(f"N={n}: first build(), stage by stage")
    remove_outputs(paths)
    cold = run_build(paths)
    say(f"N={n}: mkdocs build --strict")
    mkdocs = mkdocs_build(paths)
    if mkdocs.returncode:
        say(f"N={n}: mkdocs build failed:\n{mkdocs.output}")
    rebuilds = in_process_rebuilds(paths, (cold.seconds, cold.cpu))
    say(f"N={n}: one PO entry edited, then build()")
    slug = edit_one_translation(synthetic.plans, paths)
    with watching(paths) as edit_changed:
        run_build(paths)
    memory = None
    if n <= TRACE_MEMORY_UP_TO:
        say(f"N={n}: build() under tracemalloc")
        remove_outputs(paths)
        memory = run_build(paths, trace_memory=True)
    say(f"N={n}: edition build (CLI), from scratch and again")
    remove_outputs(paths)
    cli = cli_build(paths)
    with watching(paths) as changed:
        again = cli_build(paths)
    rebuilds.append(Rebuild("edition build (CLI)", again.seconds, again.cpu, (cli.seconds, cli.cpu), changed,
                            did_work="up to date" not in again.output))
    result = SizeResult(n, synthetic, cold, memory, mkdocs, cli, rebuilds, slug, edit_changed)
    say(f"N={n}: done: " + "; ".join(f"{row.name} {secs(row.wall)} s" for row in stage_rows(result)))
    return result


def in_process_rebuilds(paths: Paths, first: tuple[float, float]) -> list[Rebuild]:
    """build() again with nothing changed, and build_if_changed() where the pipeline has it."""
    rebuilds = []
    for entry in ("build", "build_if_changed"):
        if not callable(getattr(pipeline, entry, None)):
            continue
        with watching(paths) as changed:
            run = run_build(paths, entry=entry)
        rebuilds.append(Rebuild(f"{entry}()", run.seconds, run.cpu, first, changed, run.built))
    return rebuilds


def profile_slowest_stage(result: SizeResult, top: int = 25) -> str:
    """cProfile of the stage with the most CPU time, in another cold build(): top entries by cumulative time."""
    label = max(result.cold.stages, key=lambda name: result.cold.stages[name].cpu)
    name = dict(STAGES)[label]
    function = getattr(pipeline, name)
    profiler = cProfile.Profile()
    paths = result.synthetic.paths
    remove_outputs(paths)
    setattr(pipeline, name, functools.partial(profiler.runcall, function))
    try:
        with counted_log():
            pipeline.build(paths)
    finally:
        setattr(pipeline, name, function)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    listing = out.getvalue().replace(f"{Paths().root}/", "").replace(f"{sys.prefix}/lib/", "")
    return f"cProfile of the slowest stage, {label}, in a cold build() at N={result.n}\n{listing}"


# --- the machine ----------------------------------------------------------------------------------


def machine(workdir: Path) -> list[tuple[str, str]]:
    cpu = _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"
    memory = _proc_field("/proc/meminfo", "MemTotal")
    ram = f"{int(memory.split()[0]) / 2**20:.1f} GiB" if memory else "unknown"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        ("CPU", cpu),
        ("Cores", f"{os.cpu_count()} logical ({usable} usable by this process)"),
        ("RAM", ram),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("OS", f"{_os_name()}, kernel {platform.release()} ({platform.machine()})"),
        ("Work folder", f"{workdir} ({_filesystem(workdir)})"),
    ]


def _proc_field(path: str, name: str) -> str | None:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                return value.strip()
    except OSError:
        pass
    return None


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.system()


def _filesystem(path: Path) -> str:
    """The file system type of the mount holding path (the write stage fsyncs every file it writes)."""
    best, kind = "", "unknown file system"
    try:
        for line in Path("/proc/mounts").read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) > 2 and str(path.resolve()).startswith(fields[1]) and len(fields[1]) > len(best):
                best, kind = fields[1], fields[2]
    except OSError:
        pass
    return kind


# --- reporting ------------------------------------------------------------------------------------


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def text(self) -> str:
        widths = [max(len(row[i]) for row in [self.header, *self.rows]) for i in range(len(self.header))]

        def line(row: list[str]) -> str:
            return "  ".join(cell.rjust(w) if _numeric(cell) else cell.ljust(w)
                             for cell, w in zip(row, widths, strict=True)).rstrip()

        rule = "  ".join("-" * w for w in widths)
        return "\n".join([self.title, "", line(self.header), rule, *map(line, self.rows)])

    def markdown(self) -> str:
        def line(row: list[str]) -> str:
            return "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"

        align = ["---:" if all(_numeric(row[i]) for row in self.rows) else "---" for i in range(len(self.header))]
        return "\n".join([f"**{self.title}**", "", line(self.header), "|" + "|".join(align) + "|",
                          *map(line, self.rows)])


def _numeric(cell: str) -> bool:
    return bool(re.fullmatch(r"[-+]?[\d,.]+\s*%?|—", cell))


def secs(value: float) -> str:
    return f"{value:.2f}" if value >= 0.1 else f"{value:.3f}"


def mib(value: int | None) -> str:
    return "—" if value is None else f"{value / 2**20:.1f}"


def per_second(blocks: int, seconds: float) -> str:
    return f"{blocks / seconds:,.0f}" if seconds > 0 else "—"


def percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def editions_table(results: Sequence[SizeResult]) -> Table:
    table = Table("Synthetic editions (segmentation checked against the plan)",
                  ["N", "sources pdf/web", "reports built", "blocks planned", "blocks built",
                   "reports exactly as planned", "layout misread", "entries with English",
                   "warnings/errors (first build)"])
    for r in results:
        s = r.synthetic.segmentation
        pdf = sum(plan.layout == PDF for plan in r.synthetic.plans)
        table.rows.append([str(r.n), f"{pdf}/{r.n - pdf}", str(s.built_reports), f"{s.planned_blocks:,}",
                           f"{s.built_blocks:,}", str(s.exact), str(s.wrong_layout),
                           f"{r.synthetic.translated:,} of {r.synthetic.translated + r.synthetic.untranslated:,}",
                           f"{r.cold.warnings}/{len(r.cold.errors)}"])
    return table


@dataclass(frozen=True)
class Row:
    name: str
    wall: float
    cpu: float
    peak: int | None  # bytes
    how: str  # how the peak was measured


def stage_rows(r: SizeResult) -> list[Row]:
    """One size's stages, then the whole pipeline, the CLI and mkdocs."""
    rows = []
    for label, _ in STAGES:
        if label in r.cold.stages:
            stage = r.cold.stages[label]
            peak = r.memory.stages[label].peak if r.memory and label in r.memory.stages else None
            rows.append(Row(label, stage.seconds, stage.cpu, peak, "tracemalloc peak"))
    rows.append(Row(OTHER, *r.cold.other(), None, ""))
    rows.append(Row(PIPELINE, r.cold.seconds, r.cold.cpu, r.memory.peak if r.memory else None, "tracemalloc peak"))
    rows.append(Row(CLI, r.cli.seconds, r.cli.cpu, r.cli.max_rss, "max RSS (wait4)"))
    rows.append(Row(MKDOCS, r.mkdocs.seconds, r.mkdocs.cpu, r.mkdocs.max_rss, "max RSS (wait4)"))
    return rows


def stages_table(results: Sequence[SizeResult]) -> Table:
    table = Table("Stages of a first (cold) build",
                  ["stage", "N", "wall s", "CPU s", "blocks/s (wall)", "peak MiB", "memory measured as"])
    for name in [row.name for row in stage_rows(results[0])]:
        for r in results:
            for row in stage_rows(r):
                if row.name == name:
                    table.rows.append([name, str(r.n), secs(row.wall), secs(row.cpu), per_second(r.blocks, row.wall),
                                       mib(row.peak), row.how])
    return table


Ratios = list[tuple[float | None, float | None]]  # (wall, CPU) for each pair of consecutive sizes


def scaling(results: Sequence[SizeResult]) -> dict[str, Ratios]:
    """stage -> t(N[i+1]) / t(N[i]), wall and CPU, for each pair of consecutive sizes."""
    ratios: dict[str, Ratios] = {}
    for small, large in itertools.pairwise(results):
        before = {row.name: row for row in stage_rows(small)}
        for row in stage_rows(large):
            if row.name in before:
                earlier = before[row.name]
                ratios.setdefault(row.name, []).append((_ratio(earlier.wall, row.wall), _ratio(earlier.cpu, row.cpu)))
    return ratios


def _ratio(small: float, large: float) -> float | None:
    return large / small if small > 0 else None


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def scaling_table(results: Sequence[SizeResult]) -> Table:
    header = ["stage"]
    for a, b in itertools.pairwise(results):
        header += [f"t({b.n})/t({a.n}) wall", "CPU"]
    table = Table("Scaling: time ratio between consecutive sizes", header)
    for name, pairs in scaling(results).items():
        table.rows.append([name, *(ratio(value) for pair in pairs for value in pair)])
    return table


def pipeline_table(results: Sequence[SizeResult]) -> Table:
    table = Table("Pipeline against MkDocs", ["N", "build() s", "mkdocs s", "build() / mkdocs", "same in CPU time",
                                              "edition build (CLI) s", "CLI / mkdocs", "mkdocs exit"])
    for r in results:
        table.rows.append([str(r.n), secs(r.cold.seconds), secs(r.mkdocs.seconds),
                           percent(r.cold.seconds / r.mkdocs.seconds), percent(r.cold.cpu / r.mkdocs.cpu),
                           secs(r.cli.seconds), percent(r.cli.seconds / r.mkdocs.seconds), str(r.mkdocs.returncode)])
    return table


def rebuild_table(results: Sequence[SizeResult]) -> Table:
    table = Table("Rebuild with nothing changed", ["N", "entry point", "did work", "wall s", "% of its first build",
                                                   "same in CPU time", "files changed"])
    for r in results:
        for rebuild in r.rebuilds:
            table.rows.append([str(r.n), rebuild.entry, "yes" if rebuild.did_work else "no", secs(rebuild.seconds),
                               percent(rebuild.seconds / rebuild.first[0]), percent(rebuild.cpu / rebuild.first[1]),
                               str(len(rebuild.changed))])
    return table


def edit_table(results: Sequence[SizeResult]) -> Table:
    table = Table("One PO entry's msgstr edited, then build()", ["N", "report", "files changed", "outside that report"])
    for r in results:
        outside = [f for f in r.edit_changed if f not in report_outputs(r.edit_slug)]
        table.rows.append([str(r.n), r.edit_slug, str(len(r.edit_changed)), str(len(outside))])
    return table


@dataclass
class Verdict:
    target: str
    passed: bool
    value: str


def verdicts(results: Sequence[SizeResult]) -> list[Verdict]:
    """Each target, judged on wall time (the CPU-time figure is given alongside: the machine may be shared)."""
    if not results:
        return []
    last = results[-1]
    found = [Verdict(f"N={last.n}: pipeline build() <= {percent(MAX_PIPELINE_SHARE)} of mkdocs build",
                     last.cold.seconds <= MAX_PIPELINE_SHARE * last.mkdocs.seconds,
                     f"{percent(last.cold.seconds / last.mkdocs.seconds)} "
                     f"(CPU time: {percent(last.cold.cpu / last.mkdocs.cpu)})")]
    if len(results) > 1:
        limit = MAX_SCALING * last.n / results[-2].n
        ratios = {name: pairs[-1] for name, pairs in scaling(results).items() if name != OTHER}
        over = [f"{name} {ratio(wall)} (CPU {ratio(cpu)})" for name, (wall, cpu) in ratios.items()
                if wall is not None and wall > limit]
        found.append(Verdict(f"t({last.n})/t({results[-2].n}) <= {limit:.0f} for every stage", not over,
                             "; ".join(over) or "all within"))
    for rebuild in last.rebuilds:
        share = rebuild.seconds / rebuild.first[0]
        every_n = [other for r in results for other in r.rebuilds if other.entry == rebuild.entry]
        found.append(Verdict(
            f"N={last.n}: {rebuild.entry} with nothing changed <= {percent(MAX_REBUILD_SHARE)} of its first build;"
            " no file rewritten at any N",
            share <= MAX_REBUILD_SHARE and not any(other.changed for other in every_n),
            f"{percent(share)} (CPU time: {percent(rebuild.cpu / rebuild.first[1])}); files changed per N: "
            + ", ".join(str(len(other.changed)) for other in every_n)))
    strays = {r.n: [f for f in r.edit_changed if f not in report_outputs(r.edit_slug)] for r in results}
    published = all(f"docs/reports/{r.edit_slug}.md" in r.edit_changed for r in results)
    found.append(Verdict("one PO entry edited: only that report's outputs change (every N)",
                         published and not any(strays.values()),
                         "; ".join(f"N={n}: {len(s)} other files" for n, s in strays.items())
                         + ("" if published else "; the report's page did not change")))
    return found


def edit_lists(results: Sequence[SizeResult]) -> list[str]:
    lines = []
    for r in results:
        lines.append(f"N={r.n}, report {r.edit_slug}: " + (", ".join(r.edit_changed) or "nothing changed"))
    return lines


def render_text(results: Sequence[SizeResult], described: list[tuple[str, str]]) -> str:
    parts = ["Machine", "", *(f"  {key}: {value}" for key, value in described), ""]
    for table in tables(results):
        parts += [table.text(), ""]
    parts += ["Files changed by the one-PO edit", "", *(f"  {line}" for line in edit_lists(results)), ""]
    parts += ["Problems", ""] + [f"  N={r.n}: {p}" for r in results for p in r.synthetic.segmentation.problems]
    parts += ["", "Targets", ""]
    parts += [f"  {'PASS' if v.passed else 'FAIL'}  {v.target}: {v.value}" for v in verdicts(results)]
    return "\n".join(parts) + "\n"


def render_markdown(results: Sequence[SizeResult], described: list[tuple[str, str]]) -> str:
    parts = ["**Machine**", "", *(f"* {key}: {value}" for key, value in described), ""]
    for table in tables(results):
        parts += [table.markdown(), ""]
    parts += ["**Files changed by the one-PO edit**", "", *(f"* {line}" for line in edit_lists(results)), ""]
    parts += ["**Targets**", "", "| target | result | value |", "|---|---|---|"]
    parts += [f"| {v.target} | {'PASS' if v.passed else 'FAIL'} | {v.value} |" for v in verdicts(results)]
    return "\n".join(parts) + "\n"


def tables(results: Sequence[SizeResult]) -> list[Table]:
    return [editions_table(results), stages_table(results), scaling_table(results), pipeline_table(results),
            rebuild_table(results), edit_table(results)]


# --- the command ----------------------------------------------------------------------------------


def sizes(text: str) -> list[int]:
    values = sorted({int(part) for part in text.split(",") if part.strip()})
    if not values or values[0] < 1:
        raise argparse.ArgumentTypeError("sizes are positive integers, e.g. 10,100,1000")
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=sizes, default=list(DEFAULT_SIZES), help="numbers of reports (10,100,1000)")
    parser.add_argument("--markdown", type=Path, help="also write the results as Markdown to this file")
    parser.add_argument("--keep", type=Path, help="build the synthetic editions in DIR/n<N> (replacing them) and keep them")
    parser.add_argument("--profile", action="store_true",
                        help="also profile the slowest stage at the largest N (cProfile, one more build)")
    args = parser.parse_args(argv)
    material = load_material()
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as temporary:
        workdir = args.keep or Path(temporary)
        results = [measure(n, workdir / f"n{n}", material) for n in args.sizes]
        described = machine(workdir)
        if args.profile:
            say(f"N={results[-1].n}: build() again, profiling its slowest stage")
        profile = profile_slowest_stage(results[-1]) if args.profile else ""
    print(render_text(results, described) + profile)
    if args.markdown:
        markdown = render_markdown(results, described)
        if profile:
            markdown += f"\n**Profile**\n\n```text\n{profile.strip()}\n```\n"
        args.markdown.write_text(markdown, encoding="utf-8")
        say(f"Markdown written to {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
