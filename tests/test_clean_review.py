"""Confidence and review for new sources: how each line was used, with the rule that decided, shown by the
build for a source without anchors, on every source page, and by ``edition check-source`` (which writes
nothing)."""

from __future__ import annotations

import logging

from edition.clean.review import BLOCK, EMPTY, OMISSION, PARATEXT, line_uses
from edition.cli import main
from edition.paths import Paths
from edition.pipeline import build

REPOSITORY = Paths().root

NEW_SOURCE = """首页 | 要闻 | 党建
当前位置：首页 > 党建

青河镇党建引领推进棚户区改造

2023-05-12 09:30 来源：青河镇人民政府

青河镇坚持党建引领，全力推进棚户区改造工作，仅用20天完成签约312户，签约率达到99%。

下一步，青河镇将继续发挥基层党组织战斗堡垒作用，确保改造项目按期开工。

（责任编辑：周敏）
分享到：
Copyright © 2023 青河镇人民政府 版权所有
"""


def test_every_line_of_a_seed_is_accounted_for_with_its_rule(edition):
    source = next(s for s in edition.sources if s.source.file.startswith("004_"))
    uses = {use.number: use for use in line_uses(source)}
    assert (uses[1].use, uses[1].rule) == (OMISSION, "nav-menu")
    assert (uses[4].use, uses[4].kind, uses[4].rule, uses[4].block) == (BLOCK, "title", "web-headline", "b1")
    assert (uses[6].use, uses[6].kind, uses[6].rule) == (PARATEXT, "dateline", "dateline")
    assert (uses[14].kind, uses[14].rule) == ("caption", "web-caption-credit")
    assert uses[3].use == EMPTY
    assert all(use.rule for use in uses.values() if use.use != EMPTY)


def test_every_block_and_paratext_of_the_edition_records_its_rule(edition):
    assert all(b.rule for r in edition.reports for b in r.blocks)
    assert all(p.rule for s in edition.sources for p in s.paratext)


def test_a_new_source_is_reviewed_line_by_line_at_its_first_build_only(repo_copy, caplog):
    (repo_copy.seeds / "005_new.txt").write_text(NEW_SOURCE, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="edition"):
        build(repo_copy)
    reviews = [r.getMessage() for r in caplog.records if "is new" in r.getMessage()]
    assert len(reviews) == 1  # the five seeds have their anchors: only the new source is reviewed
    review = reviews[0]
    assert review.startswith("seeds/005_new.txt is new")
    assert "     4  title b1" in review and "web-headline" in review
    assert "paratext: dateline" in review and "omitted" in review and "link-row" in review
    page = (repo_copy.docs / "sources" / "005_new.md").read_text(encoding="utf-8")
    assert 'class="line-use" title="web-headline">title b1</span>' in page
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="edition"):
        build(repo_copy)  # now it has a ledger: no review
    assert not [r for r in caplog.records if "is new" in r.getMessage()]


def test_check_source_shows_the_same_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "new.txt"
    path.write_text(NEW_SOURCE, encoding="gb18030")
    before = {p: p.stat().st_mtime_ns for p in REPOSITORY.rglob("*") if ".git" not in p.parts and p.is_file()
              and ".venv" not in p.parts and "__pycache__" not in p.parts and ".pytest_cache" not in p.parts}
    assert main(["check-source", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: gb18030, read as web-page extraction; 1 report(s)")
    assert "     4  title" in out and "web-headline" in out and "     1  omitted" in out
    assert "    12  paratext: credits" in out and "    13  omitted             share-buttons" in out
    after = {p: p.stat().st_mtime_ns for p in before if p.exists()}
    assert after == before


def test_check_source_of_a_seed_uses_its_catalog_entry(capsys, monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    assert main(["check-source", "seeds/000_ea51707ddd65a5b2.txt"]) == 0
    out = capsys.readouterr().out
    assert "kecheng-four-take-the-leads, qujiang-project-party-building" in out
    assert "paratext: masthead" in out and "byline b7" in out
