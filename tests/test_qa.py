"""QA checks of translations."""

from __future__ import annotations

import polib
import pytest

from edition import qa
from edition.model import Block
from edition.read.glossary import Term, Variant, load_glossary
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


def term(zh: str, en: str, *en_forms: str, variants: tuple[Variant, ...] = ()) -> Term:
    return Term(zh, zh, (), "", en, variants, "mechanism", "definition", "", (), en_forms=en_forms)


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


CADRES = term("党员干部", "Party members and cadres", "Party member and cadre", variants=(
    Variant("Party members, cadres and staff", "three groups", within=("党员干部职工",)),
    Variant("Party-member cadres", "Kaihua's usage", reports=("kaihua",)),
))
TEAM = term("工作组", "working group", "working groups")


def checks(zh: str, en: str, slug: str = "r", terms: list[Term] | None = None) -> list[str]:
    return [c for c, _ in qa.entry_findings(zh, en, terms or [CADRES, TEAM], slug=slug)]


def test_a_variant_only_in_its_context() -> None:
    assert checks("党员干部带头", "Party members and cadres lead") == []
    assert checks("党员干部带头", "Every Party-Member and Cadre leads") == []  # a form, case and hyphen folded
    assert checks("党员干部职工", "Party members, cadres and staff") == []  # within 党员干部职工
    assert checks("党员干部带头", "Party-member cadres lead", slug="kaihua") == []  # in its report
    found = qa.entry_findings("党员干部带头", "Party-member cadres lead", [CADRES], slug="kecheng")
    assert found == [("glossary-variant", "党员干部 rendered 'Party-member cadres' (tolerated only in report "
                                          "kaihua): use 'Party members and cadres'")]
    assert checks("党员干部带头", "Party members, cadres and staff lead") == ["glossary-variant"]
    assert checks("党员干部带头", "The cadres lead") == ["glossary"]


def test_two_renderings_in_one_block() -> None:
    both = "Party members and cadres lead; Party-member cadres follow"
    found = qa.entry_findings("党员干部带头，党员干部跟进", both, [CADRES], slug="kecheng")
    assert found == [("glossary-consistency", "党员干部 rendered two ways in this block: 'Party members and cadres' "
                                              "and 'Party-member cadres'")]
    assert checks("党员干部带头，党员干部跟进", both, slug="kaihua") == []  # the variant is at home there
    # a rendering inside a longer one of the same term is not a second rendering
    assert checks("工作组", "the working groups") == []


def catalog(*pairs: tuple[str, str]) -> polib.POFile:
    po = pofile.new_catalog("r")
    sync_catalog(po, [Block("paragraph", zh, (n, n), id=f"b{n}") for n, (zh, _) in enumerate(pairs, start=1)])
    for n, (_, en) in enumerate(pairs, start=1):
        pofile.set_draft(pofile.by_context(po)[f"b{n}"], en, "editorial draft, 2026-11-21")
    return po


def test_a_term_rendered_differently_in_one_report() -> None:
    po = catalog(("党员干部带头", "Party-member cadres lead"), ("党员干部跟进", "Party-member cadres follow"),
                 ("工作组", "the working group"), ("党员干部", "Party members and cadres"))
    lines = pofile.entry_lines(pofile.dumps(po))
    found = qa.check_catalog("kecheng", "translations/en/kecheng.po", po, [CADRES, TEAM])
    assert [(f.anchor, f.line, f.check) for f in found] == [
        ("b1", lines["b1"], "glossary-variant"), ("b2", lines["b2"], "glossary-variant"),
        ("b4", lines["b4"], "glossary-consistency")]
    assert found[2].message == (f"党员干部 rendered 'Party members and cadres' here but 'Party-member cadres' "
                                f"elsewhere in this report (line {lines['b1']}, {lines['b2']})")
    assert str(found[2]).startswith(f"translations/en/kecheng.po:{lines['b4']}: kecheng#b4: glossary-consistency:")
    # in the variant's report it is justified: no finding at all
    assert qa.check_catalog("kaihua", "kaihua.po", po, [CADRES, TEAM]) == []
    # the drafts harmonised: nothing to report
    harmonised = catalog(("党员干部带头", "Party members and cadres lead"), ("党员干部跟进", "Party members and cadres follow"))
    assert qa.check_catalog("kecheng", "kecheng.po", harmonised, [CADRES, TEAM]) == []


def test_qa_ok_justifies_a_variant_in_its_entry() -> None:
    po = catalog(("党员干部带头", "Party-member cadres lead"), ("党员干部", "Party members and cadres"))
    pofile.add_comment(pofile.by_context(po)["b1"], "qa-ok", "glossary-variant: the source means cadres who are members")
    assert qa.check_catalog("kecheng", "kecheng.po", po, [CADRES]) == []
    text = pofile.dumps(po)
    assert "# qa-ok: glossary-variant: the source means" in text
    pofile.parse_po(text, "kecheng.po")  # a known check name: the PO grammar accepts it


def test_the_shipped_drafts_have_no_unexplained_terminology_findings() -> None:
    from edition.paths import Paths

    paths = Paths()
    terms = load_glossary(paths.glossary, paths.config.glossary.categories)
    for path in sorted((paths.translations / "en").glob("*.po")):
        po = pofile.load_po(path)
        found = [f for f in qa.check_catalog(path.stem, path, po, terms, paths.config.qa)
                 if f.check.startswith("glossary")]
        assert found == [], found
