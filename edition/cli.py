"""The ``edition`` command. It works on the edition project it is run in (the folder holding
``edition.yml``, here or above), like ``git`` and ``mkdocs``; ``-C DIR`` runs it as if in DIR and
``-f FILE`` names the configuration file. ``edition build`` runs the pipeline (``make site`` calls it).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from edition.errors import EditionError

if TYPE_CHECKING:  # imported where it is used, so that Ctrl-C while it loads (pydantic) is handled by main
    from edition.paths import Paths


def _shorten(message: str, root: Path | None) -> str:
    """Files inside the project are named as people see them: relative to it (seeds/x.txt)."""
    return message.replace(f"{root}{os.sep}", "") if root else message


class _OneLine(logging.Formatter):
    def __init__(self, root: Path | None) -> None:
        super().__init__()
        self.root = root

    def format(self, record: logging.LogRecord) -> str:
        return _shorten(f"{record.levelname.lower()}: {record.getMessage()}", self.root)


def _configure_logging(verbose: bool, root: Path | None) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine(root))
    logger = logging.getLogger("edition")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def _cmd_build(args: argparse.Namespace, paths: Paths) -> int:
    from edition import lock
    from edition.build_state import up_to_date

    with lock.writing(paths.build):
        if not lock.remove_leftovers(paths.writable, paths.writable_files) and not args.force and up_to_date(paths):
            # (checked before the pipeline, and jieba, is even imported)
            print("edition is up to date: no input has changed since the last build (--force rebuilds)")
            return 0
        from edition.pipeline import build

        edition = build(paths)
    blocks = sum(len(r.blocks) for r in edition.reports)
    print(f"built {len(edition.reports)} reports, {blocks} blocks from {len(edition.sources)} sources")
    return 1 if edition.problems else 0


def _cmd_serve(args: argparse.Namespace, paths: Paths) -> int:
    from edition.preview.server import serve

    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise EditionError("--dev-addr", f"{args.dev_addr!r} is not HOST:PORT (e.g. 127.0.0.1:8000)")
    return serve(paths, host, int(port))


def _cmd_new(args: argparse.Namespace) -> int:
    from edition.commands.new import new_edition

    written = new_edition(args.folder, args.title)
    print(f"a new edition in {args.folder} ({len(written)} files): cd {args.folder} && make site")
    return 0


def _cmd_release(args: argparse.Namespace, paths: Paths) -> int:
    from edition.commands.release import release

    manifest = release(paths, args.version, date=args.date)
    print(f"released {args.version}: {paths.relative(manifest)} and CITATION.cff (commit them)")
    return 0


def _cmd_check_source(args: argparse.Namespace, paths: Paths) -> int:
    """How each line of one source file would be used (block, paratext, omission, and the rule), with the
    doubts; nothing is written. A file in seeds/ is cleaned with its catalog entry."""
    from edition.anchor.ledger import Ledger, assign_ids, load_ledger
    from edition.clean.review import format_uses
    from edition.clean.segment import clean_source
    from edition.read.catalog import load_catalog
    from edition.read.document import read_document

    path = Path(args.file)
    name = paths.relative(path.resolve())
    entry = None
    if path.resolve().parent == paths.seeds.resolve():
        entry = load_catalog(paths.catalog, paths.seeds).sources.get(path.name)
    edition = clean_source(read_document(path, name), entry, name, paths.relative(paths.catalog))
    for report in edition.reports:  # the ids the blocks would get (the ledger is read, never written)
        assign_ids(report.blocks, load_ledger(paths.anchors, report.slug) or Ledger(report.slug), None,
                   paths.config.anchors)
    print(format_uses(edition, name))
    return 0


def _cmd_terms_candidates(args: argparse.Namespace, paths: Paths) -> int:
    from edition.commands.candidates import candidate_terms, format_candidates
    from edition.pipeline import anchor, read_and_clean
    from edition.read.glossary import load_glossary

    terms = load_glossary(paths.glossary, paths.config.glossary.categories)
    edition = anchor(read_and_clean(paths), paths, save=False)
    texts = [block.zh for report in edition.reports for block in report.blocks]
    sys.stdout.write(format_candidates(candidate_terms(texts, terms, top=args.top)))
    return 0


def _cmd_translate(args: argparse.Namespace, paths: Paths) -> int:
    from edition.commands.translation import run_translate
    from edition.lock import writing

    drafting = paths.config.drafting
    with writing(paths.build):
        return run_translate(
            paths, provider=args.provider or os.environ.get("EDITION_PROVIDER", "").strip() or drafting.provider,
            target=args.target, redraft_fuzzy=args.redraft_fuzzy, report=args.report,
            concurrency=args.concurrency or drafting.concurrency, model=args.model,
        )


def _cmd_check(args: argparse.Namespace, paths: Paths) -> int:
    from edition.commands.translation import run_check

    return run_check(paths)


def _cmd_status(args: argparse.Namespace, paths: Paths) -> int:
    from edition.commands.translation import run_status

    return run_status(paths)


def _add_translation_commands(commands: argparse._SubParsersAction) -> None:
    from edition.drafting.providers import PROVIDERS

    translate = commands.add_parser(
        "translate", help="draft missing translations: translation memory, then a machine engine (online)"
    )
    translate.error = lambda message: translate.exit(2, f"error: {message}\n")  # one line, no usage
    translate.add_argument("--provider", choices=sorted(PROVIDERS), default=None,
                           help="machine translation engine (default: $EDITION_PROVIDER, else drafting.provider in "
                                "edition.yml, else google; deepl, openai and anthropic read their keys from "
                                "DEEPL_API_KEY, OPENAI_API_KEY and ANTHROPIC_API_KEY)")
    translate.add_argument("--model", help="the language model to ask (openai, anthropic; default: $OPENAI_MODEL "
                           "or $ANTHROPIC_MODEL, else the provider's default)")
    translate.add_argument("--target", default=None, help="target language (default: languages.target in "
                           "edition.yml, en: British English)")
    translate.add_argument("--redraft-fuzzy", action="store_true",
                           help="also replace drafts (fuzzy entries); reviewed entries are never touched")
    translate.add_argument("--report", metavar="SLUG", help="only this report")
    translate.add_argument("--concurrency", type=int, default=None, metavar="N",
                           help="requests in flight at most (default: drafting.concurrency in edition.yml, 4; "
                                "keep it small for free services)")
    translate.set_defaults(run=_cmd_translate)
    check = commands.add_parser("check", help="QA checks of every translation (numbers, glossary, leftovers)")
    check.set_defaults(run=_cmd_check)
    status = commands.add_parser("status", help="per report: missing, draft, reviewed, QA findings")
    status.set_defaults(run=_cmd_status)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="also print what each stage does")
    parser.add_argument("-C", dest="directory", metavar="DIR", type=Path,
                        help="run as if started in DIR (the edition is the folder of edition.yml, there or above)")
    parser.add_argument("-f", "--config-file", metavar="FILE", type=Path,
                        help="the edition's configuration file (default: edition.yml of the project)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser(
        "build", help="run the pipeline: sources -> anchors -> edition.json and pages (skipped if nothing changed)"
    )
    build_command.add_argument("--force", action="store_true", help="rebuild even if no input has changed")
    build_command.set_defaults(run=_cmd_build)
    serve = commands.add_parser(
        "serve", help="build once, serve a live preview and update what a saved change affects (make serve)"
    )
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="where to serve the preview (default 127.0.0.1:8000)")
    serve.set_defaults(run=_cmd_serve)
    check_source = commands.add_parser(
        "check-source", help="show how each line of one source file is used (block, paratext, omission, "
                             "the rule that decided) and any doubts; writes nothing"
    )
    check_source.add_argument("file", help="the source file (anywhere; one in the sources folder uses its catalog entry)")
    check_source.set_defaults(run=_cmd_check_source)
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
    new = commands.add_parser("new", help="make a new bilingual edition in DIR (an example source, catalog, glossary, "
                                          "edition.yml, mkdocs.yml, README, Makefile)")
    new.add_argument("folder", metavar="DIR", type=Path, help="the new edition's folder (new or empty)")
    new.add_argument("--title", help="the edition's English title")
    new.set_defaults(run=_cmd_new, project=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    root: Path | None = None
    _configure_logging(False, root)
    try:
        args = _parser().parse_args(argv)  # (in here: building the parser imports the drafting engines)
        _configure_logging(args.verbose, root)
        if getattr(args, "project", True):
            from edition.paths import Paths

            paths = Paths.discover(args.directory, args.config_file)
            root = paths.root
            _configure_logging(args.verbose, root)
            status = args.run(args, paths)
        else:
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
