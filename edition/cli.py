"""The ``edition`` command: ``edition build`` runs the pipeline (``make site`` calls it)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from edition.build_state import up_to_date
from edition.errors import EditionError
from edition.paths import Paths


def _shorten(message: str, root: Path) -> str:
    """Files inside the project are named as people see them: relative to it (seeds/x.txt)."""
    return message.replace(f"{root}{os.sep}", "")


class _OneLine(logging.Formatter):
    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def format(self, record: logging.LogRecord) -> str:
        return _shorten(f"{record.levelname.lower()}: {record.getMessage()}", self.root)


def _configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine(Paths().root))
    logger = logging.getLogger("edition")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def _cmd_build(args: argparse.Namespace) -> int:
    from edition import lock

    paths = Paths()
    with lock.writing(paths.build):
        if not lock.remove_leftovers(paths.writable) and not args.force and up_to_date(paths):
            # (checked before the pipeline, and jieba, is even imported)
            print("edition is up to date: no input has changed since the last build (--force rebuilds)")
            return 0
        from edition.pipeline import build

        edition = build(paths)
    blocks = sum(len(r.blocks) for r in edition.reports)
    print(f"built {len(edition.reports)} reports, {blocks} blocks from {len(edition.sources)} sources")
    return 1 if edition.problems else 0


def _cmd_release(args: argparse.Namespace) -> int:
    from edition.release import release

    paths = Paths()
    manifest = release(paths, args.version, date=args.date)
    print(f"released {args.version}: {paths.relative(manifest)} and CITATION.cff (commit them)")
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
    from edition.lock import writing
    from edition.translate.commands import run_translate

    with writing(Paths().build):
        return run_translate(
            Paths(), provider=args.provider, target=args.target, redraft_fuzzy=args.redraft_fuzzy,
            report=args.report, concurrency=args.concurrency, model=args.model,
        )


def _cmd_check(args: argparse.Namespace) -> int:
    from edition.translate.commands import run_check

    return run_check(Paths())


def _cmd_status(args: argparse.Namespace) -> int:
    from edition.translate.commands import run_status

    return run_status(Paths())


def _add_translation_commands(commands: argparse._SubParsersAction) -> None:
    from edition.drafting.providers import PROVIDERS
    from edition.drafting.transport import DEFAULT_CONCURRENCY

    translate = commands.add_parser(
        "translate", help="draft missing translations: translation memory, then a machine engine (online)"
    )
    translate.error = lambda message: translate.exit(2, f"error: {message}\n")  # one line, no usage
    translate.add_argument("--provider", choices=sorted(PROVIDERS),
                           default=os.environ.get("EDITION_PROVIDER", "").strip() or "google",
                           help="machine translation engine (default: $EDITION_PROVIDER, else google; deepl, "
                                "openai and anthropic read their keys from DEEPL_API_KEY, OPENAI_API_KEY and "
                                "ANTHROPIC_API_KEY)")
    translate.add_argument("--model", help="the language model to ask (openai, anthropic; default: $OPENAI_MODEL "
                           "or $ANTHROPIC_MODEL, else the provider's default)")
    translate.add_argument("--target", default="en", help="target language (default en: British English)")
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
    candidates = commands.add_parser(
        "terms-candidates", help="list frequent words of the corpus not yet in the glossary (for editors)"
    )
    candidates.add_argument("--top", type=int, default=50, help="how many to list (default 50)")
    candidates.set_defaults(run=_cmd_terms_candidates)
    _add_translation_commands(commands)
    release = commands.add_parser(
        "release", help="release the edition as VERSION: its anchor manifest, CITATION.cff, the changelog"
    )
    release.add_argument("version", metavar="VERSION", help="the release's version number, e.g. 1.0")
    release.add_argument("--date", help="the release date (default today), YYYY-MM-DD")
    release.set_defaults(run=_cmd_release)
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    root = Paths().root
    try:
        status = args.run(args)
        sys.stdout.flush()  # here, so that a closed pipe is caught below and not at exit
        return status
    except EditionError as err:
        print(_shorten(f"error: {err}", root), file=sys.stderr)
        return 1
    except BrokenPipeError:  # `edition status | head`: the reader has had enough; that is no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted: every file written so far is complete (writes are atomic)", file=sys.stderr)
        return 130
    except OSError as err:  # a full disk, a file that cannot be written: one line, not a traceback
        where = f"{err.filename}: " if err.filename else ""
        print(_shorten(f"error: {where}{err.strerror or err}", root), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
