"""Every rule the cleaning records is documented on the Editorial method page, with the evidence it uses."""

from __future__ import annotations

import re

from edition.clean import chrome, furniture
from edition.paths import REPOSITORY
from evaluation import corpus
from evaluation.score import run

METHOD = (REPOSITORY / "docs" / "method.md").read_text(encoding="utf-8")
DOCUMENTED = set(re.findall(r"`([a-z][a-z-]+)`", METHOD))


def recorded_rules(edition) -> set[str]:
    found = {o.rule for s in edition.sources for o in s.omissions} | {p.rule for s in edition.sources for p in s.paratext}
    return found | {b.rule for r in edition.reports for b in r.blocks}


def test_every_rule_of_the_seeds_is_documented(edition):
    assert recorded_rules(edition) <= DOCUMENTED


def test_every_rule_there_is_is_documented():
    names = {rule.name for rule in chrome.RULES} | {chrome.TAIL.name, chrome.REPEATED_TITLE.name}
    names |= {furniture.PAGE_NUMBER_RULE[0], furniture.RUNNING_RULE[0]}
    for case in corpus.sweep(1):
        edition, _, _ = run(case)
        names |= {o.rule for o in edition.omissions} | {p.rule for p in edition.paratext}
        names |= {b.rule for r in edition.reports for b in r.blocks}
    assert names - DOCUMENTED == set()
    assert len(names) >= 30
