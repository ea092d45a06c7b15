"""Compare what the pipeline makes of the seeds now with a saved ``edition.json`` (nothing is written).

    .venv/bin/python scripts/compare_baseline.py [BASELINE]     # default /work/baseline/edition.json

Compared, report by report and source by source: every block's id, kind, level, Chinese and source
lines, in order; every paragraph's number; every paratext's kind, text and lines; every
omission's lines, rule and text. It prints each difference and exits 1 if there is one, 0 if the
seeds come out exactly as in the baseline.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from edition.paths import Paths
from edition.pipeline import anchor, read_and_clean

DEFAULT = Path("/work/baseline/edition.json")
BLOCK_FIELDS = ("id", "kind", "level", "number", "zh", "lines")


def current() -> dict:
    logging.getLogger("edition").setLevel(logging.ERROR)
    paths = Paths()
    edition = anchor(read_and_clean(paths), paths, save=False)
    reports = [
        {"slug": r.slug, "blocks": [{"id": b.id, "kind": b.kind, "level": b.level, "number": b.number,
                                     "zh": b.zh, "lines": list(b.lines)} for b in r.blocks]}
        for r in edition.reports
    ]
    sources = [
        {"file": s.source.file, "layout": s.source.layout,
         "paratext": [{"kind": p.kind, "zh": p.zh, "lines": list(p.lines)} for p in s.paratext],
         "omissions": [{"lines": list(o.lines), "rule": o.rule, "text": o.text} for o in s.omissions]}
        for s in edition.sources
    ]
    return {"reports": reports, "sources": sources}


def differences(baseline: dict, now: dict) -> list[str]:
    out: list[str] = []
    old_reports = {r["slug"]: r for r in baseline["reports"]}
    new_reports = {r["slug"]: r for r in now["reports"]}
    if list(old_reports) != list(new_reports):
        out.append(f"reports: {list(old_reports)} -> {list(new_reports)}")
    for slug in old_reports.keys() & new_reports.keys():
        old = [{k: b.get(k) for k in BLOCK_FIELDS} for b in old_reports[slug]["blocks"]]
        new = [{k: b.get(k) for k in BLOCK_FIELDS} for b in new_reports[slug]["blocks"]]
        if len(old) != len(new):
            out.append(f"{slug}: {len(old)} blocks -> {len(new)}")
        for a, b in zip(old, new, strict=False):
            if a != b:
                out.append(f"{slug} {a['id']}: {a} -> {b}")
    old_sources = {s["file"]: s for s in baseline["sources"]}
    for source in now["sources"]:
        old = old_sources.get(source["file"])
        if old is None:
            out.append(f"{source['file']}: not in the baseline")
            continue
        if old["layout"] != source["layout"]:
            out.append(f"{source['file']}: layout {old['layout']} -> {source['layout']}")
        paratext = [{k: p[k] for k in ("kind", "zh", "lines")} for p in old["paratext"]]
        if paratext != source["paratext"]:
            out.append(f"{source['file']}: paratext {paratext} -> {source['paratext']}")
        omissions = [{k: o[k] for k in ("lines", "rule", "text")} for o in old["omissions"]]
        if omissions != source["omissions"]:
            out.append(f"{source['file']}: omissions {omissions} -> {source['omissions']}")
    return out


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    found = differences(json.loads(path.read_text(encoding="utf-8")), current())
    for line in found:
        print(line)
    blocks = sum(len(r["blocks"]) for r in current()["reports"])
    print(f"{'DIFFERENT' if found else 'IDENTICAL'}: {len(found)} difference(s); {blocks} blocks compared with {path}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
