"""edition.read.glossary: loading, checking and pinyin of glossary.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.paths import Paths
from edition.read.glossary import generate_pinyin, load_glossary

ENTRY = """\
- id: {id}
  zh: "{zh}"
  variants: {variants}
  pinyin: {pinyin}
  en: "{en}"
  en_variants: []
  category: {category}
  definition: "{definition}"
  note: ""
  related: {related}
"""


def entry(**fields: str) -> str:
    values = {
        "id": "party-building", "zh": "党建", "variants": "[]", "pinyin": "null", "en": "Party building",
        "category": "mechanism", "definition": "Work on the Party's own organisations.", "related": "[]",
    }
    values.update(fields)
    return ENTRY.format(**values)


def write(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text("# test glossary\n" + "".join(entries), encoding="utf-8")
    return path


def test_the_real_glossary_loads() -> None:
    categories = Paths().config.glossary.categories
    terms = load_glossary(Paths().glossary, categories)
    assert len(terms) == 161
    assert len({t.id for t in terms}) == 161
    assert {t.category for t in terms} == set(categories)
    assert all(t.pinyin and t.line for t in terms)
    by_id = {t.id: t for t in terms}
    assert by_id["party-building-leadership"].pinyin == "dǎngjiàn yǐnlǐng"
    assert by_id["party-building-leadership"].tooltip == "dǎngjiàn yǐnlǐng · Party-building leadership"
    assert by_id["party-building-leadership"].line == 2
    # an editor's override is kept as written
    assert by_id["one-ruler-measures-all-the-way"].pinyin == "yī bǎ chǐzi liáng dàodǐ"
    # Latin and digit forms keep themselves
    assert by_id["one-plus-n-plus-x"].pinyin == "1+N+X"
    assert by_id["one-plus-n-plus-x"].zh_forms == ("1+N+X", "1+n+x")
    assert by_id["shantytown-redevelopment"].zh_forms == ("棚户区改造", "棚改")


@pytest.mark.parametrize(
    ("zh", "pinyin"),
    [
        ("党建引领", "dǎngjiàn yǐnlǐng"),
        ("临时党支部", "línshí dǎngzhībù"),
        ("1+X", "1+X"),
        ("党建+专班", "dǎngjiàn + zhuānbān"),
        ("比、学、赶、超", "bǐ xué gǎn chāo"),
        ("西安", "xī'ān"),  # apostrophe before a syllable starting with a vowel
    ],
)
def test_generated_pinyin(zh: str, pinyin: str) -> None:
    assert generate_pinyin(zh) == pinyin


def test_override_and_optional_fields(tmp_path: Path) -> None:
    path = write(tmp_path, entry(pinyin='"dǎng jiàn"', variants='["党的建设"]'))
    [term] = load_glossary(path)
    assert term.pinyin == "dǎng jiàn"
    assert term.zh_forms == ("党建", "党的建设")
    assert term.line == 2
    assert term.record()["variants"] == ["党的建设"]


def raises(path: Path, *fragments: str, line: int | None) -> None:
    with pytest.raises(EditionError) as info:
        load_glossary(path)
    message = str(info.value)
    assert info.value.line == line, message
    assert message.startswith(f"{path}:{line}: ") if line else message.startswith(str(path))
    for fragment in fragments:
        assert fragment in message, message


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, entry(), '- id: broken\n  zh: "未闭合\n  en: [\n')
    with pytest.raises(EditionError) as info:
        load_glossary(path)
    assert "YAML syntax error" in str(info.value)
    assert info.value.line is not None and info.value.line >= 12


def test_duplicate_id(tmp_path: Path) -> None:
    path = write(tmp_path, entry(), entry(zh="党务"))
    raises(path, "'party-building'", "duplicate id", "line 2", line=12)


def test_duplicate_chinese_form_across_entries(tmp_path: Path) -> None:
    path = write(tmp_path, entry(), entry(id="party-affairs", zh="党务", variants='["党建"]'))
    raises(path, "'party-affairs'", "'党建'", "'party-building'", line=12)


def test_duplicate_latin_form_differs_only_in_case(tmp_path: Path) -> None:
    path = write(tmp_path, entry(zh="1+N+X"), entry(id="other", zh="1+n+x"))
    raises(path, "'other'", "1+n+x", line=12)


def test_a_form_listed_twice_in_one_entry(tmp_path: Path) -> None:
    raises(write(tmp_path, entry(variants='["党建"]')), "'party-building'", "listed twice", line=2)


@pytest.mark.parametrize("field", ["zh", "en", "definition", "category"])
def test_empty_required_field(tmp_path: Path, field: str) -> None:
    fields = {"id": "second", "zh": "党务", field: ""}
    raises(write(tmp_path, entry(), entry(**fields)), "'second'", field, line=12)


def test_missing_id(tmp_path: Path) -> None:
    raises(write(tmp_path, entry(id='""')), "'id'", line=2)


def test_unknown_category(tmp_path: Path) -> None:
    """The edition's categories (glossary.categories of edition.yml) are the only ones."""
    with pytest.raises(EditionError, match=r"glossary.yaml:2: entry 'party-building': unknown category 'slogans' "
                       r"\(one of slogan, mechanism\)"):
        load_glossary(write(tmp_path, entry(category="slogans")), ["slogan", "mechanism"])
    assert load_glossary(write(tmp_path, entry(category="slogans")))[0].category == "slogans"  # none given: any


@pytest.mark.parametrize("bad", ["Party-Building", "party_building", "党建", "party--building", "-party"])
def test_id_must_be_a_slug(tmp_path: Path, bad: str) -> None:
    raises(write(tmp_path, entry(id=f'"{bad}"')), bad, "slug", line=2)


def test_unknown_related_id(tmp_path: Path) -> None:
    path = write(tmp_path, entry(related="[party-branch]"))
    raises(path, "'party-building'", "'party-branch'", line=2)


def test_related_ids_that_exist_are_fine(tmp_path: Path) -> None:
    path = write(tmp_path, entry(related="[party-branch]"), entry(id="party-branch", zh="党支部"))
    assert [t.related for t in load_glossary(path)] == [("party-branch",), ()]


def test_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    raises(path, "list", line=1)


VARIANTS = """\
- id: household-visit
  zh: "入户"
  en: "household visit"
  en_forms: ["household visits", "visit households"]
  en_variants:
{variants}
  category: mechanism
  definition: "Going into households."
"""


def variants_glossary(tmp_path: Path, variants: str) -> Path:
    return write(tmp_path, VARIANTS.format(variants=variants))


def test_forms_and_variants_with_their_context(tmp_path: Path) -> None:
    path = variants_glossary(tmp_path, """\
    - {en: "household survey", within: "入户调查", why: "a survey, not a visit"}
    - en: "home visit"
      reports: [kaihua]
      why: "Kaihua's usage\"""")
    term = load_glossary(path)[0]
    assert term.preferred == ("household visit", "household visits", "visit households")
    survey, home = term.en_variants
    assert (survey.en, survey.within, survey.reports, survey.line) == ("household survey", ("入户调查",), (), 7)
    assert survey.holds("开展入户调查", "x") and not survey.holds("入户走访", "x")
    assert home.holds("入户走访", "kaihua") and not home.holds("入户走访", "kecheng")
    assert (home.context, home.line) == ("in report kaihua", 8)
    assert term.record()["en_variants"][0] == {"en": "household survey", "within": ["入户调查"], "reports": [],
                                               "why": "a survey, not a visit"}


@pytest.mark.parametrize(
    ("variants", "message"),
    [
        ('    - "household survey"', "glossary.yaml:6: entry 'household-visit': English variant 'household survey' "
                                      "has no context"),
        ('    - {en: "household survey", why: "a survey"}', "glossary.yaml:7: entry 'household-visit': English "
                                                            "variant 'household survey' states no context"),
        ('    - {en: "household survey", within: "入户调查"}', "glossary.yaml:7: entry 'household-visit': English "
                                                              "variant: 'why' is missing or empty"),
        ('    - {en: "household survey", within: "调查", why: "x"}', "'within' phrase '调查' does not contain the term"),
        ('    - {en: "household survey", reports: [Kai Hua], why: "x"}', "'Kai Hua' is not a report slug"),
        ('    - {en: "household survey", when: "入户调查", why: "x"}', "unknown field(s) when"),
        ('    - {en: "Household-Visit", within: "入户调查", why: "x"}', "a variant 'Household-Visit' is the same as "
                                                                      "the preferred rendering"),
    ],
)
def test_bad_variants_name_the_line(tmp_path: Path, variants: str, message: str) -> None:
    path = variants_glossary(tmp_path, variants)
    with pytest.raises(EditionError) as err:
        load_glossary(path)
    assert message in str(err.value)


def test_variant_reports_must_be_the_editions(tmp_path: Path) -> None:
    from edition.read.glossary import check_variant_reports

    path = variants_glossary(tmp_path, '    - {en: "home visit", reports: [kaihua], why: "x"}')
    terms = load_glossary(path)
    check_variant_reports(path, terms, {"kaihua"})
    with pytest.raises(EditionError, match=r"glossary.yaml:7: .*names report 'kaihua', which the edition does not"):
        check_variant_reports(path, terms, {"kecheng"})


def test_the_real_glossary_states_a_context_for_every_variant() -> None:
    terms = load_glossary(Paths().glossary)
    variants = [v for t in terms for v in t.en_variants]
    assert variants and all((v.within or v.reports) and v.why for v in variants)
