"""edition.annotate.export: CSV, TBX and the edition.json record of the glossary."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from edition.annotate.export import (
    CSV_COLUMNS,
    LIST_SEPARATOR,
    XML_LANG,
    glossary_csv,
    glossary_record,
    glossary_tbx,
    write_glossary_csv,
    write_glossary_tbx,
)
from edition.annotate.occurrences import Occurrence
from edition.paths import Paths
from edition.read.glossary import Term, load_glossary


@pytest.fixture(scope="module")
def terms() -> list[Term]:
    return load_glossary(Paths().glossary)


def test_csv_round_trips(terms: list[Term], tmp_path: Path) -> None:
    text = glossary_csv(terms)
    assert not text.startswith("\ufeff")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == len(terms)
    for row, term in zip(rows, terms, strict=True):
        assert row["id"] == term.id and row["zh"] == term.zh and row["definition"] == term.definition
        assert row["pinyin"] == term.pinyin
        split = row["en_variants"].split(LIST_SEPARATOR) if row["en_variants"] else []
        assert split == [f"{v.en} ({v.context}: {v.why})" for v in term.en_variants]
        assert (row["en_forms"].split(LIST_SEPARATOR) if row["en_forms"] else []) == list(term.en_forms)
        assert (row["related"].split(LIST_SEPARATOR) if row["related"] else []) == list(term.related)
    path = tmp_path / "glossary.csv"
    assert write_glossary_csv(path, terms)
    assert path.read_bytes() == text.encode("utf-8")


def test_tbx_is_parseable_tbx_basic(terms: list[Term], tmp_path: Path) -> None:
    path = tmp_path / "glossary.tbx"
    assert write_glossary_tbx(path, terms)
    root = ET.parse(path).getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entries = root.findall("./text/body/termEntry")
    assert [e.get("id") for e in entries] == [t.id for t in terms]
    entry = entries[[t.id for t in terms].index("shantytown-redevelopment")]
    assert entry.find("descrip[@type='subjectField']").text == "campaign"
    zh, en = entry.findall("langSet")
    assert zh.get(XML_LANG) == "zh" and en.get(XML_LANG) == "en"
    assert [t.text for t in zh.findall("tig/term")] == ["棚户区改造", "棚改"]
    statuses = [t.text for t in zh.findall("tig/termNote[@type='administrativeStatus']")]
    assert statuses == ["preferredTerm-admn-sts", "admittedTerm-admn-sts"]
    assert zh.find("tig/note").text == "pinyin: pénghùqū gǎizào"
    term = terms[[t.id for t in terms].index("shantytown-redevelopment")]
    assert [t.text for t in en.findall("tig/term")] == [term.en, *term.en_forms, *(v.en for v in term.en_variants)]
    city = entries[[t.id for t in terms].index("urban-village-redevelopment-short")].findall("langSet")[1]
    assert [n.text for n in city.findall("tig/note")] == [
        "only in report kaihua-task-force-super-speed: in Kaihua 城改 is the redevelopment of the town on "
        "state-owned land, not of urban villages"]
    assert en.find("descrip[@type='definition']").text
    first = entries[0]
    assert [r.get("target") for r in first.findall("ref[@type='crossReference']")] == list(terms[0].related)


def test_glossary_record_groups_occurrences(terms: list[Term]) -> None:
    found = [
        Occurrence("party-branch", "r1", "b2", 0, 3, "党支部"),
        Occurrence("party-branch", "r1", "b2", 5, 8, "党支部"),
        Occurrence("party-branch", "r2", "b1", 0, 3, "党支部"),
        Occurrence("temporary-party-branch", "r1", "b3", 0, 5, "临时党支部"),
    ]
    record = {r["id"]: r for r in glossary_record(terms, found)}
    assert len(record) == len(terms)
    branch = record["party-branch"]
    assert branch["count"] == 3
    assert branch["occurrences"] == [{"report": "r1", "block": "b2", "count": 2},
                                     {"report": "r2", "block": "b1", "count": 1}]
    assert branch["zh"] == "党支部" and branch["tooltip"].endswith(" · " + branch["en"])
    assert record["party-flag"]["count"] == 0 and record["party-flag"]["occurrences"] == []


def test_tbx_title_and_languages_come_from_the_configuration(terms: list[Term]) -> None:
    """glossary.title and languages of edition.yml, not words of this edition in the engine."""
    assert "campaign" not in glossary_tbx(terms[:1])  # the engine's default title is no edition's
    root = ET.fromstring(glossary_tbx(terms[:1], "A Title", source_lang="zh-Hant", target_lang="en-US"))
    assert root.find("martifHeader/fileDesc/titleStmt/title").text == "A Title"
    assert root.get(XML_LANG) == "en-US"
    zh, en = root.findall("./text/body/termEntry/langSet")
    assert (zh.get(XML_LANG), en.get(XML_LANG)) == ("zh", "en-US")
