"""QA checks of translations."""

from __future__ import annotations

import polib
import pytest

from edition import qa
from edition.model import Block
from edition.read.glossary import Term, load_glossary
from edition.translate import po as pofile
from edition.translate.sync import sync_catalog


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("拆除299宗、33256平方米", "299 structures, 33,256 square metres"),
        ("面积14.4万平方米", "an area of 144,000 square metres"),
        ("2万多平方米", "more than 20,000 square metres"),
        ("投入一亿多元", "more than 100 million yuan"),
        ("圆了40多万群众的安居梦", "for more than 400,000 people"),
        ("3月20日启动", "launched on 20 March"),
        ("2019年9月", "September 2019"),
        ("十二天完成", "completed in twelve days"),
        ("三十五户", "35 households"),
        ("完成率82.1%", "a completion rate of 82.1%"),
        ("完成率82.1%", "a completion rate of 82.1 per cent"),
        ("百分之八十", "80%"),
        ("5-10天", "5–10 days"),
        ("一是带头宣传。二是带头公示。", "First, take the lead in publicity. Second, in disclosure."),
        ("一、总体情况", "1. General situation"),
        ("深入一线", "going deep into the front line"),
        ("一个公心干到底", "one impartial heart all the way"),
        ("上世纪90年代", "in the 1990s"),
        ("百日攻坚", "the Hundred-Day Assault"),
        ("一千二百零五人", "one thousand two hundred and five people"),
    ],
)
def test_equivalent_numbers_pass(zh: str, en: str) -> None:
    assert qa.number_findings(zh, en) == []


@pytest.mark.parametrize(
    ("zh", "en", "missing"),
    [
        ("拆除299宗", "demolished 290 structures", "299"),
        ("面积14.4万平方米", "an area of 14.4 square metres", "14.4万"),
        ("3月20日启动", "launched on 20 April", "3月"),
        ("十二天完成", "completed in ten days", "十二"),
        ("5-10天", "5 days", "10"),
    ],
)
def test_missing_numbers_are_found(zh: str, en: str, missing: str) -> None:
    findings = qa.number_findings(zh, en)
    assert findings and missing in findings[0]


def test_chinese_numerals() -> None:
    assert qa.parse_chinese_numeral("十二") == 12
    assert qa.parse_chinese_numeral("三十五") == 35
    assert qa.parse_chinese_numeral("一百二十") == 120
    assert qa.parse_chinese_numeral("两千") == 2000
    assert qa.parse_chinese_numeral("一亿五千万") == 150_000_000
    assert qa.parse_chinese_numeral("二〇一八") == 2018


def test_other_checks() -> None:
    checks = lambda zh, en: [c for c, _ in qa.entry_findings(zh, en)]  # noqa: E731
    assert checks("甲文", "甲文") == ["untranslated"]
    assert checks("甲文", " ") == ["empty"]
    assert checks("推进征收工作", "Advancing 征收 work") == ["cjk"]
    assert checks("推进征收工作", "Advancing the work，fully") == ["cjk"]
    long_zh = "推进征收工作" * 10
    assert checks(long_zh, "Short.") == ["length"]
    assert checks(long_zh, "Advancing expropriation work. " * 6) == []


def term(zh: str, en: str, *en_variants: str) -> Term:
    return Term(zh, zh, (), "", en, en_variants, "mechanism", "definition", "", ())


GLOSSARY = [
    term("党建引领", "Party-building leadership", "led by Party building"),
    term("党建", "Party building", "Party-building"),
    term("一把手", "top leader", "number one"),
    term("群众", "the masses’ voice"),
]


def test_glossary_longest_first_case_and_apostrophes() -> None:
    assert qa.glossary_findings("党建引领拆迁", "Demolition led by party building", GLOSSARY) == []
    found = qa.glossary_findings("党建引领拆迁", "Demolition under the Party", GLOSSARY)
    # 党建 inside 党建引领 is not counted again
    assert len(found) == 1 and "Party-building leadership" in found[0]
    assert qa.glossary_findings("群众", "The Masses' Voice", GLOSSARY) == []
    assert qa.glossary_findings("一把手", "the Number One", GLOSSARY) == []
    assert len(qa.glossary_findings("一把手", "the leader", GLOSSARY)) == 1


def test_findings_name_report_anchor_file_and_line_and_qa_ok_silences() -> None:
    po = pofile.new_catalog("r")
    sync_catalog(po, [Block("title", "标题", (1, 1), id="b1"),
                      Block("paragraph", "拆除299宗", (2, 2), id="b2")])
    entries = pofile.by_context(po)
    entries["b1"].msgstr = "Title"
    pofile.set_draft(entries["b2"], "Demolished 290 structures", "editorial draft, 2024-05-01")
    line = pofile.entry_lines(pofile.dumps(po))["b2"]
    findings = qa.check_catalog("r", "translations/en/r.po", po, GLOSSARY)
    assert [(f.slug, f.anchor, f.path, f.line, f.check) for f in findings] == [
        ("r", "b2", "translations/en/r.po", line, "numbers")
    ]
    assert str(findings[0]).startswith(f"translations/en/r.po:{line}: r#b2: numbers:")
    pofile.add_comment(entries["b2"], "qa-ok", "numbers: the source miscounts; see the note")
    assert qa.check_catalog("r", "translations/en/r.po", po, GLOSSARY) == []


def test_missing_entries_are_not_checked() -> None:
    po = pofile.new_catalog("r")
    po.append(polib.POEntry(msgctxt="b1", msgid="拆除299宗", msgstr=""))
    assert qa.check_catalog("r", "r.po", po) == []


def test_the_real_glossary_loads() -> None:
    from edition.paths import Paths

    terms = load_glossary(Paths().glossary, Paths().config.glossary.categories)
    assert any("党建引领" in t.zh_forms for t in terms)
