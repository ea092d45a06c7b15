"""Benchmark: machine drafting at scale, through an in-process engine (no network).

10,000 blocks in 10 PO files; the engine answers after a fixed latency, fails 10 % of texts for
good and throws bursts of TooManyRequests; the first run is killed after 4,000 calls and a second
run resumes it. Printed per run: requests sent, blocks drafted (and from the cache), blocks left
missing, wall time against the ideal (blocks x latency / concurrency), the most calls in flight.

    make bench                                   # runs this after python -m benchmark
    .venv/bin/python python -m benchmark.drafting --latency 0.01 --concurrency 8,32
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmark.simulate import simulate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blocks", type=int, default=10_000)
    parser.add_argument("--latency", type=float, default=0.01, help="seconds per engine call")
    parser.add_argument("--concurrency", default="8,32", help="comma-separated bounds to try")
    parser.add_argument("--kill-after", type=int, default=4_000, help="calls before the first run is killed")
    args = parser.parse_args()
    print(f"Drafting {args.blocks} blocks, engine latency {args.latency * 1000:.0f} ms, 10 % permanent "
          f"errors, bursts of TooManyRequests, first run killed after {args.kill_after} calls")
    header = ("bound", "run", "requests", "drafted", "from cache", "missing", "wall s", "ideal s", "wall/ideal",
              "max in flight")
    print(" | ".join(header))
    for bound in (int(b) for b in args.concurrency.split(",")):
        with tempfile.TemporaryDirectory() as root:
            runs = simulate(Path(root), blocks=args.blocks, latency=args.latency, concurrency=bound,
                            kill_after=args.kill_after)
        for name, run in zip(("killed", "resumed"), runs, strict=False):
            ratio = run.elapsed / run.ideal if run.ideal else float("nan")
            print(" | ".join(str(x) for x in (
                bound, name if run.killed or name == "resumed" else "single", run.requests, run.drafted,
                run.from_cache, run.failed, f"{run.elapsed:.1f}", f"{run.ideal:.1f}", f"{ratio:.2f}",
                run.max_in_flight)))


if __name__ == "__main__":
    main()
