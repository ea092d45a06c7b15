"""Every rule the cleaning records is documented on the Editorial method page, with the evidence it uses."""

from __future__ import annotations

import re

from edition.clean import chrome, furniture
from edition.paths import Paths

REPOSITORY = Paths().root

METHOD = (REPOSITORY / "docs" / "method.md").read_text(encoding="utf-8")
DOCUMENTED = set(re.findall(r"`([a-z][a-z-]+)`", METHOD))


def recorded_rules(edition) -> set[str]:
    return {rule for source in edition.sources for rule in recorded_rules_of(source)}


def recorded_rules_of(source) -> set[str]:
    found = {o.rule for o in source.omissions} | {p.rule for p in source.paratext}
    return found | {b.rule for r in source.reports for b in r.blocks}


def test_every_rule_of_the_seeds_is_documented(edition):
    assert recorded_rules(edition) <= DOCUMENTED


def test_every_rule_there_is_is_documented(quick_sweep):
    names = {rule.name for rule in chrome.RULES}
    names |= {r.name for r in (chrome.TAIL, chrome.REPEATED_TITLE, chrome.PAGE_HEAD, chrome.SITE_NAME)}
    names |= {furniture.PAGE_NUMBER_RULE[0], furniture.RUNNING_RULE[0], furniture.MARKING_RULE[0]}
    for result in quick_sweep:
        names |= recorded_rules_of(result.edition)
    assert names - DOCUMENTED == set()
    assert len(names) >= 30


def test_every_rule_named_in_the_cleaning_code_is_documented():
    """Also the rules of the PDF-layout and markup segmenters (edition.clean.pdf_layout, .structured)."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in (REPOSITORY / "edition" / "clean").glob("*.py"))
    named = set(re.findall(r"""rule=["']([a-z][a-z-]+)["']""", code))
    named |= {f"pdf-{kind}" for kind in ("title", "kicker", "subtitle", "heading", "caption", "paragraph")}
    named |= {"markup-chrome", "document-furniture", "pdf-running-head"}
    assert named - DOCUMENTED == set()
    assert {"markup-title", "caption-credit", "centred-caption", "pdf-paragraph"} <= named
