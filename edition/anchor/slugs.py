"""Slugs are permanent: a report once published keeps an address, and that address says where it went.

A report's slug names its page (``reports/<slug>/``). The records of the slugs published so far are
the anchor ledgers (``anchors/<slug>.yaml``), the PO files (``translations/<lang>/<slug>.po``) and
the release manifests. Every build accounts for each of them; a recorded slug must be:

* a report of the edition now;
* a slug the report had before: listed in its catalog entry's ``previous_slugs`` (a deliberate
  rename: the ledger and PO file move to the new slug, the ledger remembers the old one, and the old
  page redirects to the new one, ``#b3`` included), or remembered by its ledger from a rename;
* the inferred slug of a report built before it was catalogued (its ledger is ``provisional``): it
  moves to the catalogued slug by itself, and its old page redirects too;
* withdrawn in the catalog (``withdrawn: [{slug, reason}]``): its page says so, and why.

Anything else stops the build before anything is written, naming the report and what became of
it: its source is gone from ``seeds/`` (a misspelt file name in the catalog?), or its catalog entry
now gives it another slug. A slug once published is never given to other text either.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from edition.anchor.ledger import Ledger
from edition.errors import EditionError
from edition.model import Report


@dataclass(frozen=True)
class Move:
    """A report's records move from the slug ``old`` to ``new`` (its ledger, its PO file)."""

    old: str
    new: str
    reason: str  # "renamed in the catalog" | "catalogued"


def plan_moves(
    reports: Iterable[Report],
    ledgers: Mapping[str, Ledger],
    inferred: Mapping[str, str],
    catalog_path: str,
) -> list[Move]:
    """The moves this build makes: a report with no ledger under its slug takes over the ledger of a
    slug it had before (``previous_slugs`` in its catalog entry), or of the provisional slug it was
    built under before it was catalogued (``inferred``: report slug -> the slug it would infer)."""
    moves = []
    for report in reports:
        earlier = [s for s in report.meta.get("previous_slugs") or [] if s in ledgers]
        guess = inferred.get(report.slug)
        if guess and guess in ledgers and ledgers[guess].provisional and guess not in earlier:
            earlier.append(guess)
        if not earlier:
            continue
        if report.slug in ledgers:
            if any(not ledgers[s].provisional for s in earlier):
                raise EditionError(
                    catalog_path,
                    f"report {report.slug!r} lists {earlier[0]!r} in previous_slugs, but both "
                    f"anchors/{report.slug}.yaml and anchors/{earlier[0]}.yaml exist: which one holds its ids?",
                )
            continue
        if len(earlier) > 1:
            raise EditionError(catalog_path, f"report {report.slug!r} could take over the ledgers of "
                               f"{', '.join(earlier)}: keep one previous slug with a ledger")
        reason = "catalogued" if ledgers[earlier[0]].provisional else "renamed in the catalog"
        moves.append(Move(earlier[0], report.slug, reason))
    return moves


def check_slugs(
    reports: Iterable[Report],
    ledgers: Mapping[str, Ledger],
    recorded: Mapping[str, str],
    withdrawn: Collection[str],
    *,
    seeds: Collection[str],
    missing_entries: Mapping[str, tuple[str, int | None]],
    catalog_path: str,
    sources_folder: str = "seeds",
) -> None:
    """Every recorded slug is accounted for (see the module's docstring), and none is re-used.

    ``ledgers``: the reports' ledgers after this build's moves; ``recorded``: every slug any record
    knows -> the record that knows it (its file); ``seeds``: the source files present;
    ``missing_entries``: slug -> (file, line) of catalog entries whose file is not in seeds/;
    ``sources_folder``: the sources' folder as messages name it (``folders.sources``).
    """
    current = {r.slug: r for r in reports}
    previous = {old: slug for slug, ledger in ledgers.items() if slug in current for old in ledger.previous_slugs}
    for slug in current:
        if slug in previous:
            raise EditionError(catalog_path, f"slug {slug!r} was published for report {previous[slug]!r} (it moved "
                               "there): a slug is never given to another report")
        if slug in withdrawn:
            raise EditionError(catalog_path, f"slug {slug!r} belongs to a withdrawn report: a slug is never re-used")
    for slug, record in sorted(recorded.items()):
        if slug in current or slug in previous or slug in withdrawn:
            continue
        raise EditionError(*_unaccounted(slug, record, ledgers.get(slug), current, recorded, seeds,
                                         missing_entries, catalog_path, sources_folder))


def _unaccounted(
    slug: str,
    record: str,
    ledger: Ledger | None,
    current: Mapping[str, Report],
    recorded: Collection[str],
    seeds: Collection[str],
    missing_entries: Mapping[str, tuple[str, int | None]],
    catalog_path: str,
    sources_folder: str = "seeds",
) -> tuple[str, str, int | None]:
    """(file, message, line) of the error for a published slug that no report answers to."""
    if slug in missing_entries:
        file, line = missing_entries[slug]
        return (catalog_path, f"report {slug!r} is published ({record}), but its entry names {file!r}, which is "
                f"not in {sources_folder}/ (a misspelt file name, or a deleted source?): correct the name or restore "
                "the file; nothing was written", line)
    source = ledger.source if ledger else None
    if source and source not in seeds:
        hint = (" (if it was never published, delete its ledger and PO file instead)" if ledger and ledger.provisional
                else "")
        return (record, f"report {slug!r} is published, but its source {sources_folder}/{source} is gone: "
                f"restore the file, or withdraw the report in the catalog (withdrawn: [{{slug: {slug}, reason: …}}]){hint}; "
                "nothing was written", None)
    now = [r.slug for r in current.values() if source and r.source == source and r.slug not in recorded]
    if now:
        return (catalog_path, f"report {slug!r} ({record}) is now built as {now[0]!r}: a published slug never "
                f"changes; if you renamed it on purpose, add previous_slugs: [{slug}] to the entry of {now[0]!r}; "
                "nothing was written", None)
    return (record, f"report {slug!r} is published, but no source of the edition gives it any more: restore its "
            "source or withdraw the report in the catalog; nothing was written", None)
