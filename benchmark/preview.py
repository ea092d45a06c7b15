"""Benchmark the live preview (``edition serve``): from a PO file saved to the served page showing it.

    .venv/bin/python -m benchmark.preview [--sizes 6,1000] [--edits 5] [--markdown FILE] [--keep DIR [--reuse]]

Size 6 is this edition (a copy of its sources, anchors, translations and pages); any other N is a
synthetic edition of N reports (:mod:`benchmark.synthetic`, as ``python -m benchmark`` makes them).
For each, ``edition serve`` runs in a subprocess on a free port; once it serves, a paragraph's
``msgstr`` in the middle report's PO file is changed to hold a new marker, the clock starts as the
file is saved, and the report's page is fetched over HTTP until it holds the marker. After each edit
the served search index is read: it must list every page the first one listed, and the edited page's
new text. Edits are spaced so that the preview's deferred downloads are written between them. It is a
benchmark, not a test: it prints PASS or FAIL per target and exits 0. docs/benchmarks.md has the results.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmark.editions import Table, machine, secs, sizes
from benchmark.synthetic import counted_log, generate, load_material, say
from edition.paths import Paths
from edition.translate import po as pofile

REAL = 6  # this edition's number of reports: size 6 is the edition itself
TARGETS = {REAL: 1.0, 1000: 2.0}  # seconds, save -> page served with the new text (issue 15)
DEFAULT_TARGET = 2.0
EDIT_GAP = 4.0  # seconds between edits: the preview writes the report's TEI after 2 s without changes
# What a build needs from the repository (tests/conftest.py copies the same).
EDITORIAL = ("seeds", "anchors", "translations", "glossary.yaml", "edition.yml", "mkdocs.yml", "CITATION.cff",
             "overrides")


def copy_edition(target: Path, repository: Path) -> Paths:
    """This edition's editorial data and hand-written pages, without anything generated."""
    for name in EDITORIAL:
        source = repository / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    generated = [p.name for p in Paths(repository).generated_docs]
    shutil.copytree(repository / "docs", target / "docs", ignore=shutil.ignore_patterns(*generated, "assets"))
    return Paths(target)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, timeout: float = 60) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@dataclass
class Server:
    """``edition serve`` in a subprocess, its output in a log file."""

    process: subprocess.Popen
    url: str
    log: Path

    @classmethod
    def start(cls, root: Path, log: Path) -> Server:
        port = free_port()
        handle = log.open("w", encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "edition.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root, stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        return cls(process, f"http://127.0.0.1:{port}/", log)

    def wait_ready(self, timeout: float) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"edition serve ended ({self.process.returncode}):\n{self.log.read_text()[-3000:]}")
            if "serving http" in self.log.read_text(encoding="utf-8") and get(self.url, 5) is not None:
                return time.perf_counter() - started
            time.sleep(0.2)
        raise RuntimeError(f"edition serve not ready after {timeout:.0f} s")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


def index_pages(server: Server) -> tuple[set[str], list[dict]]:
    data = json.loads(get(server.url + "search/search_index.json") or b"{}")
    docs = data.get("docs", [])
    return {d["location"].split("#")[0] for d in docs}, docs


def index_shows(server: Server, marker: str, pages: set[str], timeout: float) -> bool:
    """Whether the served search index comes to hold the marker, listing exactly ``pages`` every time."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        found, docs = index_pages(server)
        if found != pages:
            return False
        if any(marker in d["text"] for d in docs):
            return True
        time.sleep(0.05)
    return False


def edit(po_path: Path, marker: str) -> None:
    """Give the first paragraph entry with English a new marker (it stays a draft) and save the file."""
    po = pofile.load_po(po_path)
    entry = next(e for e in pofile.active_entries(po) if e.msgstr.strip() and "paragraph" in (e.comment or ""))
    base = entry.msgstr.split(" [edit ")[0]
    entry.msgstr = f"{base} [edit {marker}]"
    po_path.write_text(pofile.dumps(po), encoding="utf-8")


def wait_for(url: str, text: str, timeout: float) -> float | None:
    started = time.perf_counter()
    needle = text.encode("utf-8")
    while time.perf_counter() - started < timeout:
        body = get(url)
        if body is not None and needle in body:
            return time.perf_counter() - started
        time.sleep(0.01)
    return None


@dataclass
class Result:
    n: int
    reports: int
    pages: int
    startup: float
    latencies: list[float | None] = field(default_factory=list)
    index_complete: list[bool] = field(default_factory=list)
    index_delays: list[float] = field(default_factory=list)  # save -> the served index holds the edit
    stopped: int | None = None

    @property
    def target(self) -> float:
        return TARGETS.get(self.n, DEFAULT_TARGET)

    def passed(self) -> bool:
        measured = [t for t in self.latencies if t is not None]
        return (bool(measured) and len(measured) == len(self.latencies) and max(measured) <= self.target
                and all(self.index_complete))


def measure(n: int, root: Path, edits: int, repository: Path, reuse: bool = False) -> Result:
    if reuse and (root / "edition.yml").is_file():
        say(f"N={n}: reusing the edition in {root}")
        paths = Paths(root)
        shutil.rmtree(paths.build / "preview", ignore_errors=True)
    elif n == REAL:
        shutil.rmtree(root, ignore_errors=True)
        say(f"N={n}: copying this edition to {root}")
        paths = copy_edition(root, repository)
    else:
        shutil.rmtree(root, ignore_errors=True)
        say(f"N={n}: writing the synthetic edition in {root}")
        with counted_log():
            paths = generate(root, n, material=load_material(Paths(repository))).paths
    slugs = sorted(p.stem for p in (paths.translations / pofile.LANGUAGE).glob("*.po"))
    slug = slugs[len(slugs) // 2]
    say(f"N={n}: edition serve (a full build first)")
    server = Server.start(root, root.parent / f"serve-n{n}.log")
    try:
        startup = server.wait_ready(timeout=60 * 30)
        first, _ = index_pages(server)
        result = Result(n, len(slugs), len(first), startup)
        page = f"{server.url}reports/{slug}/"
        for k in range(1, edits + 1):
            time.sleep(EDIT_GAP)
            marker = f"m{k}-{time.time_ns()}"
            started = time.perf_counter()
            edit(pofile.po_path(paths.translations, slug), marker)
            latency = wait_for(page, marker, timeout=120)
            result.latencies.append(None if latency is None else time.perf_counter() - started)
            result.index_complete.append(index_shows(server, marker, first, timeout=120))
            result.index_delays.append(time.perf_counter() - started)
            say(f"N={n}: edit {k}: {secs(result.latencies[-1]) if latency else 'not shown'} s; index of "
                f"{len(first)} pages {'complete, with the edit' if result.index_complete[-1] else 'INCOMPLETE'} "
                f"after {secs(result.index_delays[-1])} s")
    finally:
        code = server.stop()
    result.stopped = code
    return result


def table(results: list[Result]) -> Table:
    rows = []
    for r in results:
        measured = [t for t in r.latencies if t is not None]
        rows.append([
            f"{r.n:,}" + (" (this edition)" if r.n == REAL else ""), f"{r.pages:,}", secs(r.startup),
            str(len(r.latencies)), secs(statistics.median(measured)) if measured else "—",
            secs(max(measured)) if measured else "—", f"≤ {r.target:g}",
            f"{sum(r.index_complete)} of {len(r.index_complete)}",
            secs(statistics.median(r.index_delays)) if r.index_delays else "—", "PASS" if r.passed() else "FAIL",
        ])
    return Table("PO file saved -> served report page shows the new text (edition serve)",
                 ["N reports", "pages", "first build s", "edits", "median s", "max s", "target s",
                  "search index complete", "index updated, median s", "result"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=sizes, default=[REAL, 1000], help="numbers of reports (6 is this edition)")
    parser.add_argument("--edits", type=int, default=5, help="edits timed per size (default 5)")
    parser.add_argument("--markdown", type=Path, help="also write the results as Markdown to this file")
    parser.add_argument("--keep", type=Path, help="work in DIR/preview-n<N> and keep it")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: measure the editions an earlier run kept there, as they are")
    args = parser.parse_args(argv)
    repository = Paths().root
    with tempfile.TemporaryDirectory(prefix="edition-preview-bench-") as temporary:
        workdir = args.keep or Path(temporary)
        results = [measure(n, workdir / f"preview-n{n}", args.edits, repository, args.reuse) for n in args.sizes]
        described = machine(workdir)
    text = table(results)
    print("\n".join(f"{k}: {v}" for k, v in described) + "\n\n" + text.text())
    if args.markdown:
        args.markdown.write_text("\n".join(f"* {k}: {v}" for k, v in described) + "\n\n" + text.markdown() + "\n",
                                 encoding="utf-8")
        say(f"Markdown written to {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
