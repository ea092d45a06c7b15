"""The ``edition`` command: ``edition build`` runs the pipeline (``make site`` calls it)."""

from __future__ import annotations

import argparse
import logging
import sys

from edition.errors import EditionError
from edition.paths import Paths
from edition.pipeline import build


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


def _configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    logger = logging.getLogger("edition")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def _cmd_build(args: argparse.Namespace) -> int:
    edition = build(Paths())
    blocks = sum(len(r.blocks) for r in edition.reports)
    print(f"built {len(edition.reports)} reports, {blocks} blocks from {len(edition.sources)} sources")
    return 1 if edition.problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="also print what each stage does")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="run the pipeline: sources -> anchors -> edition.json and pages").set_defaults(
        run=_cmd_build
    )
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        return args.run(args)
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
