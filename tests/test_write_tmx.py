"""The translation memory as TMX 1.4b: read back with a real TMX reader (translate-toolkit's), one unit
per translated block with both languages, its anchor and its state; published with the site."""

from __future__ import annotations

import re
from importlib.metadata import version

from lxml import etree
from translate.storage.tmx import tmxfile

from edition.model import Block, Report
from edition.write.tmx import translation_memory

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def report() -> Report:
    blocks = [
        Block("title", "标题", (1, 1), id="b1", en="The title", status="draft", provenance="editorial draft, 2026-11-21"),
        Block("paragraph", "缺", (2, 2), id="b2"),  # missing: nothing to remember
        Block("paragraph", "“征心”与<标签>&", (3, 3), id="b3", en='The "heart" & <tags>', status="reviewed",
              provenance="deepl (official client deepl 1.x), 2026-12-02", reviewed_by=["Ann Lee, 2026-12-03"]),
    ]
    return Report("r", "r.txt", {}, blocks)


def units(text: str) -> list:
    store = tmxfile(text.encode("utf-8"), sourcelanguage="zh-Hans", targetlanguage="en-GB")
    return [u for u in store.units if u.istranslatable()]


def test_one_unit_per_translated_block_with_both_languages_its_anchor_and_state() -> None:
    text = translation_memory([report()])
    found = units(text)
    assert [(u.getid(), u.getcontext(), u.source, u.target) for u in found] == [
        ("r#b1", "r#b1", "标题", "The title"),
        ("r#b3", "r#b3", "“征心”与<标签>&", 'The "heart" & <tags>'),  # escaped in the file, read back as written
    ]
    assert found[0].getnotes() == "Draft, not yet reviewed. Provenance: editorial draft, 2026-11-21."
    assert found[1].getnotes() == ("Reviewed by Ann Lee, 2026-12-03. "
                                   "Provenance: deepl (official client deepl 1.x), 2026-12-02.")
    root = etree.fromstring(text.encode("utf-8"))
    assert [p.text for p in root.iter("prop") if p.get("type") == "x-state"] == ["draft", "reviewed"]
    assert text == translation_memory([report()])  # the same edition, the same bytes


def test_the_file_keeps_the_order_and_attributes_tmx_asks_for() -> None:
    """What the TMX 1.4b DTD requires, checked element by element (no DTD is on PyPI to validate against)."""
    text = translation_memory([report()])
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4" and [c.tag for c in root] == ["header", "body"]
    header = root.find("header")
    assert {name: header.get(name) for name in ("creationtool", "creationtoolversion", "srclang", "segtype",
                                                "datatype", "adminlang", "o-tmf")} == {
        "creationtool": "edition", "creationtoolversion": version("edition"), "srclang": "zh-Hans",
        "segtype": "paragraph", "datatype": "plaintext", "adminlang": "en", "o-tmf": "gettext PO"}
    for unit in root.find("body"):
        assert unit.tag == "tu" and unit.get("tuid")
        assert re.fullmatch(r"((note|prop) )*(tuv )+", "".join(f"{c.tag} " for c in unit)), [c.tag for c in unit]
        assert [v.get(XML_LANG) for v in unit.findall("tuv")] == ["zh-Hans", "en-GB"]
        assert all([c.tag for c in v] == ["seg"] for v in unit.findall("tuv"))


def test_the_editions_translation_memory_is_published_with_the_site(built_site) -> None:
    published = built_site.paths.build / "translation-memory.tmx"
    text = published.read_text(encoding="utf-8")
    assert (built_site.paths.docs / "data" / "translation-memory.tmx").read_text(encoding="utf-8") == text
    assert (built_site.site / "data" / "translation-memory.tmx").read_text(encoding="utf-8") == text
    blocks = {f"{r.slug}#{b.id}": b for r in built_site.edition.reports for b in r.blocks if b.status != "missing"}
    found = units(text)
    assert len(found) == len(blocks) == 117
    for unit in found:
        block = blocks[unit.getid()]
        assert (unit.source, unit.target) == (block.zh, block.en)
        assert unit.getnotes().startswith("Draft" if block.status == "draft" else "Reviewed")
    downloads = (built_site.paths.docs / "data" / "index.md").read_text(encoding="utf-8")
    assert "[`translation-memory.tmx`](translation-memory.tmx)" in downloads


def test_the_source_language_is_the_editions() -> None:
    """languages.source of edition.yml tags the original (srclang and its tuv)."""
    reports = [Report("r", "r.txt", {}, [Block("paragraph", "第一段。", (1, 1), id="b1", en="First.", status="draft",
                                              provenance="DeepL, 2026-11-20")])]
    text = translation_memory(reports, "zh-Hant")
    assert 'srclang="zh-Hant"' in text and '<tuv xml:lang="zh-Hant">' in text and "zh-Hans" not in text
    assert translation_memory(reports) == text.replace("zh-Hant", "zh-Hans")
