"""The ``edition`` command: ``edition build`` runs the pipeline (``make site`` calls it)."""

from __future__ import annotations

import argparse
import logging
import sys

from edition.build_state import up_to_date
from edition.errors import EditionError
from edition.paths import Paths


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
    paths = Paths()
    if not args.force and up_to_date(paths):  # checked before the pipeline (and jieba) is even imported
        print("edition is up to date: no input has changed since the last build (--force rebuilds)")
        return 0
    from edition.pipeline import build

    edition = build(paths)
    blocks = sum(len(r.blocks) for r in edition.reports)
    print(f"built {len(edition.reports)} reports, {blocks} blocks from {len(edition.sources)} sources")
    return 1 if edition.problems else 0


def _cmd_check_source(args: argparse.Namespace) -> int:
    """How each line of one source file would be used (block, paratext, omission, and the rule), with the
    doubts; nothing is written. A file in seeds/ is cleaned with its catalog entry."""
    from pathlib import Path

    from edition.anchor.ledger import assign_ids, load_ledger
    from edition.clean.review import format_uses
    from edition.clean.segment import clean_source
    from edition.read.catalog import load_catalog
    from edition.read.decode import read_source

    paths = Paths()
    path = Path(args.file)
    name = paths.relative(path.resolve())
    entry = None
    if path.resolve().parent == paths.seeds.resolve():
        entry = load_catalog(paths.catalog, paths.seeds).sources.get(path.name)
    edition = clean_source(read_source(path, name), entry, name)
    for report in edition.reports:  # the ids the blocks would get (the ledger is read, never written)
        assign_ids(report.blocks, load_ledger(paths.anchors, report.slug))
    print(format_uses(edition, name))
    return 0


def _cmd_terms_candidates(args: argparse.Namespace) -> int:
    from edition.annotate import candidate_terms, format_candidates, load_glossary
    from edition.pipeline import anchor, read_and_clean

    paths = Paths()
    terms = load_glossary(paths.glossary)
    edition = anchor(read_and_clean(paths), paths, save=False)
    texts = [block.zh for report in edition.reports for block in report.blocks]
    sys.stdout.write(format_candidates(candidate_terms(texts, terms, top=args.top)))
    return 0


def _cmd_translate(args: argparse.Namespace) -> int:
    from edition.translate.commands import run_translate

    return run_translate(
        Paths(), provider=args.provider, target=args.target, redraft_fuzzy=args.redraft_fuzzy,
        report=args.report, concurrency=args.concurrency,
    )


def _cmd_check(args: argparse.Namespace) -> int:
    from edition.translate.commands import run_check

    return run_check(Paths())


def _cmd_status(args: argparse.Namespace) -> int:
    from edition.translate.commands import run_status

    return run_status(Paths())


def _add_translation_commands(commands: argparse._SubParsersAction) -> None:
    from edition.translate.draft import DEFAULT_CONCURRENCY, PROVIDERS

    translate = commands.add_parser(
        "translate", help="draft missing translations: translation memory, then a machine engine (online)"
    )
    translate.add_argument("--provider", choices=sorted(PROVIDERS), default="google",
                           help="machine translation engine (deepl reads its key from DEEPL_API_KEY)")
    translate.add_argument("--target", default="en", help="target language (default en)")
    translate.add_argument("--redraft-fuzzy", action="store_true",
                           help="also replace drafts (fuzzy entries); reviewed entries are never touched")
    translate.add_argument("--report", metavar="SLUG", help="only this report")
    translate.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY, metavar="N",
                           help=f"requests in flight at most (default {DEFAULT_CONCURRENCY}; "
                                "keep it small for free services)")
    translate.set_defaults(run=_cmd_translate)
    check = commands.add_parser("check", help="QA checks of every translation (numbers, glossary, leftovers)")
    check.set_defaults(run=_cmd_check)
    status = commands.add_parser("status", help="per report: missing, draft, reviewed, QA findings")
    status.set_defaults(run=_cmd_status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="also print what each stage does")
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser(
        "build", help="run the pipeline: sources -> anchors -> edition.json and pages (skipped if nothing changed)"
    )
    build_command.add_argument("--force", action="store_true", help="rebuild even if no input has changed")
    build_command.set_defaults(run=_cmd_build)
    check_source = commands.add_parser(
        "check-source", help="show how each line of one source file is used (block, paratext, omission, "
                             "the rule that decided) and any doubts; writes nothing"
    )
    check_source.add_argument("file", help="the source file (anywhere; one in seeds/ uses its catalog entry)")
    check_source.set_defaults(run=_cmd_check_source)
    candidates = commands.add_parser(
        "terms-candidates", help="list frequent words of the corpus not yet in the glossary (for editors)"
    )
    candidates.add_argument("--top", type=int, default=50, help="how many to list (default 50)")
    candidates.set_defaults(run=_cmd_terms_candidates)
    _add_translation_commands(commands)
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        return args.run(args)
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
