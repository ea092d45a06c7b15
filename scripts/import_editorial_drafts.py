"""Import the editorial English drafts (JSON, one file per source) into translations/en/*.po.

    .venv/bin/python scripts/import_editorial_drafts.py [DRAFTS_DIR] [--today YYYY-MM-DD]

DRAFTS_DIR (default .scratch/drafts) holds <NNN>.json for the source seeds/<NNN>_*.txt. Run
``edition build`` first; afterwards run it again so that the pages show the drafts. Reviewed
entries are never overwritten. Prints what was imported, every block left without a draft and
every draft left unused; exits 1 if there were any.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from edition.drafting.import_drafts import ImportReport, import_source, load_drafts
from edition.errors import EditionError
from edition.paths import Paths
from edition.pipeline import anchor, read_and_clean
from edition.translate.attach import load_translation_files, previous_chinese, sync_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("drafts", nargs="?", type=Path, default=None, help="folder of <NNN>.json draft files")
    parser.add_argument("--today", default=date.today().isoformat(), help="date for the provenance")
    args = parser.parse_args(argv)
    paths = Paths()
    folder = args.drafts or paths.root / ".scratch" / "drafts"
    try:
        edition = read_and_clean(paths)
        catalogs = load_translation_files(paths.translations, [r.slug for r in edition.reports])
        edition = anchor(edition, paths, save=False)
        sync_all(edition.reports, catalogs, ledgers=edition.ledgers,
                 previous=previous_chinese(paths.build / "edition.json"))
        result = ImportReport()
        for source in edition.sources:
            draft_file = folder / f"{source.source.file.split('_', 1)[0]}.json"
            blocks = [(r.slug, b) for r in source.reports for b in r.blocks]
            if not draft_file.exists():
                print(f"no drafts for {source.source.file} ({draft_file} does not exist)")
                result.undrafted += [(slug, b.id or "?") for slug, b in blocks]
                continue
            report_catalogs = {r.slug: catalogs[r.slug].po for r in source.reports}
            import_source(blocks, load_drafts(draft_file), report_catalogs, args.today, result)
        for catalog in catalogs.values():
            catalog.save()
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"imported {len(result.imported)} drafts, {len(result.unchanged)} already there, "
          f"{len(result.kept_reviewed)} reviewed entries kept")
    for slug, anchor_id, ratio in result.weak:
        print(f"check: {slug}#{anchor_id}: draft's Chinese differs from the block's ({ratio:.2f} similar)")
    for slug, anchor_id in result.undrafted:
        print(f"no draft: {slug}#{anchor_id}")
    for draft in result.unused:
        print(f"unused draft: lines {draft.lines[0]}-{draft.lines[1]} ({draft.kind}): {draft.zh[:40]}")
    return 1 if result.undrafted or result.unused else 0


if __name__ == "__main__":
    sys.exit(main())
