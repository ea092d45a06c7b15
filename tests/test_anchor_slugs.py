"""Slugs are permanent: moves planned from previous_slugs and provisional slugs, and every slug accounted for."""

from __future__ import annotations

import pytest

from edition.anchor.ledger import Ledger
from edition.anchor.slugs import Move, check_slugs, plan_moves
from edition.errors import EditionError
from edition.model import Block, Report


def report(slug: str, source: str = "000.txt", **meta) -> Report:
    return Report(slug, source, {"slug": slug, **meta}, [Block("title", "标题", (1, 1))])


def test_a_rename_in_the_catalog_moves_the_ledger() -> None:
    moves = plan_moves([report("new", previous_slugs=["old"])], {"old": Ledger("old")}, {}, "seeds/catalog.yaml")
    assert moves == [Move("old", "new", "renamed in the catalog")]


def test_a_provisional_slug_moves_when_the_report_is_catalogued() -> None:
    ledgers = {"biao-ti-abc123": Ledger("biao-ti-abc123", provisional=True)}
    moves = plan_moves([report("named")], ledgers, {"named": "biao-ti-abc123"}, "seeds/catalog.yaml")
    assert moves == [Move("biao-ti-abc123", "named", "catalogued")]


def test_both_ledgers_present_is_an_error() -> None:
    with pytest.raises(EditionError, match=r"both anchors/new\.yaml and anchors/old\.yaml exist"):
        plan_moves([report("new", previous_slugs=["old"])], {"old": Ledger("old"), "new": Ledger("new")}, {},
                   "seeds/catalog.yaml")


def check(reports, ledgers, recorded, withdrawn=(), seeds=("000.txt",), missing=None) -> None:
    check_slugs(reports, ledgers, recorded, set(withdrawn), seeds=set(seeds), missing_entries=missing or {},
                catalog_path="seeds/catalog.yaml")


def test_a_slug_re_used_after_a_rename_is_an_error() -> None:
    ledgers = {"new": Ledger("new", previous_slugs=["old"]), "old": Ledger("old")}
    with pytest.raises(EditionError, match="slug 'old' was published for report 'new'"):
        check([report("new"), report("old", "001.txt")], ledgers, {}, seeds=("000.txt", "001.txt"))


def test_a_withdrawn_slug_is_accounted_for_and_never_re_used() -> None:
    check([report("a")], {"a": Ledger("a")}, {"a": "anchors/a.yaml", "gone": "anchors/gone.yaml"}, withdrawn=["gone"])
    with pytest.raises(EditionError, match="belongs to a withdrawn report"):
        check([report("gone")], {}, {}, withdrawn=["gone"])


def test_an_unaccounted_slug_says_what_became_of_its_source() -> None:
    with pytest.raises(EditionError, match=r"its source seeds/009.txt is gone"):
        check([report("a")], {"a": Ledger("a"), "b": Ledger("b", source="009.txt")},
              {"a": "anchors/a.yaml", "b": "anchors/b.yaml"})
