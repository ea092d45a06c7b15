"""Importing editorial drafts (JSON) into the PO files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edition.drafting import import_drafts as imp
from edition.errors import EditionError
from edition.model import Block
from edition.translate import po as pofile
from edition.translate.sync import sync_catalog


def setup() -> tuple[list[tuple[str, Block]], dict]:
    blocks = [
        Block("title", "标题文字", (10, 12), id="b1"),
        Block("paragraph", "第一段的中文内容。", (14, 15), id="b2"),
        Block("paragraph", "第二段的中文内容，比较长。", (17, 19), id="b3"),
        Block("paragraph", "没有草稿的段落。", (30, 30), id="b4"),
    ]
    po = pofile.new_catalog("r")
    sync_catalog(po, blocks)
    return [("r", b) for b in blocks], {"r": po}


DRAFTS = [
    imp.Draft((10, 12), "title", "标题文字", "Title", ""),
    imp.Draft((14, 16), "paragraph", "第一段的中文内容。", "Paragraph one.", "a note"),  # same first line
    imp.Draft((40, 41), "paragraph", "第二段的中文内容，比较长！", "Paragraph two.", ""),  # by similarity
    imp.Draft((50, 50), "paragraph", "完全无关的文字。", "Unrelated.", ""),
]


def test_matching_rules_and_report() -> None:
    blocks, catalogs = setup()
    report = imp.import_source(blocks, DRAFTS, catalogs, "2024-05-01")
    assert report.imported == [("r", "b1"), ("r", "b2"), ("r", "b3")]
    assert report.undrafted == [("r", "b4")]
    assert [d.en for d in report.unused] == ["Unrelated."]
    entries = pofile.by_context(catalogs["r"])
    assert entries["b2"].msgstr == "Paragraph one."
    assert pofile.status(entries["b2"]) == pofile.DRAFT
    assert pofile.provenance(entries["b2"]) == "editorial draft, 2024-05-01"
    assert pofile.comments(entries["b2"], "note") == ["a note"]
    assert "# note: a note" in pofile.dumps(catalogs["r"])


def test_reimport_changes_nothing_and_reviewed_is_kept() -> None:
    blocks, catalogs = setup()
    imp.import_source(blocks, DRAFTS, catalogs, "2024-05-01")
    before = pofile.dumps(catalogs["r"])
    again = imp.import_source(blocks, DRAFTS, catalogs, "2024-06-01")
    assert again.imported == [] and len(again.unchanged) == 3
    assert pofile.dumps(catalogs["r"]) == before
    entry = pofile.by_context(catalogs["r"])["b1"]
    pofile.set_fuzzy(entry, False)  # a reviewer approved it
    entry.msgstr = "Reviewed title"
    third = imp.import_source(blocks, DRAFTS, catalogs, "2024-07-01")
    assert third.kept_reviewed == [("r", "b1")]
    assert entry.msgstr == "Reviewed title"


def test_load_drafts(tmp_path: Path) -> None:
    path = tmp_path / "000.json"
    path.write_text(json.dumps([{"lines": [1, 2], "kind": "title", "zh": "甲", "en": "A", "note": ""}]),
                    encoding="utf-8")
    assert imp.load_drafts(path) == [imp.Draft((1, 2), "title", "甲", "A", "")]
    path.write_text('[{"zh": "甲"}]', encoding="utf-8")
    with pytest.raises(EditionError):
        imp.load_drafts(path)
