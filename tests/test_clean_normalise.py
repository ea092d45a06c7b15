from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edition.clean.normalise import (
    drop_pdf_artefact_spaces,
    full_width_punctuation,
    join_headline,
    join_wrapped,
    normalise,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("拆除 299 宗、", "拆除299宗、"),
        ("截至 9 月 4 日", "截至9月4日"),
        ("进度 82.1%，其中 36 户", "进度82.1%，其中36户"),
        ("包干 X 户征收户", "包干X户征收户"),
        ("（柯城区委组织部  万灵慧）", "（柯城区委组织部 万灵慧）"),
        ("办公室              2018 年", "办公室2018年"),
        ("党委--  党支部", "党委-- 党支部"),
        ("“1+1+1>3”", "“1+1+1>3”"),
    ],
)
def test_pdf_artefact_spaces(raw, clean):
    assert drop_pdf_artefact_spaces(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("网讯(记者 李玉杰 通讯员 金花)棚户区", "网讯（记者 李玉杰 通讯员 金花）棚户区"),
        ("一项最大民心工程,是实现", "一项最大民心工程，是实现"),
        ("项目:状元地块", "项目：状元地块"),
        ("开门红!", "开门红！"),
        ("组长(左一)上门", "组长（左一）上门"),
        ("旧(棚)屋", "旧（棚）屋"),
    ],
)
def test_half_width_punctuation_in_chinese_becomes_full_width(raw, clean):
    assert full_width_punctuation(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "1,000",
        "2023-11-07 10:29:36",
        "3:2",
        "https://www.fjsen.com/a,b;c(d)?e=1!",
        "jubao@fjsen.com",
        "(see p. 3)",
        "1+n+x",
        "5-10",
    ],
)
def test_numbers_times_urls_and_latin_text_are_untouched(text):
    assert full_width_punctuation(text) == text


def test_join_wrapped_lines():
    assert join_wrapped(["柯城区以农房整治为契机，带", " 头公示 "]) == "柯城区以农房整治为契机，带头公示"
    assert join_wrapped(["see the", "report"]) == "see thereport".replace("thereport", "the report")


def test_headline_lines_are_joined_with_one_space():
    assert join_headline(["柯城区党员干部“四带头”", "强力推进农房整治工作 "]) == "柯城区党员干部“四带头” 强力推进农房整治工作"


text_strategy = st.text(
    alphabet=st.sampled_from(list("党建引领征收拆违 ,:;()!?1234567890abcXY.%-“”，。")), max_size=60
)


@given(text_strategy, st.booleans())
def test_normalisation_is_idempotent(text, pdf):
    once = normalise(text, pdf=pdf)
    assert normalise(once, pdf=pdf) == once


@given(text_strategy)
def test_only_documented_characters_change(text):
    """N3 removes spaces only; N4 swaps half-width for full-width punctuation only."""
    fold = str.maketrans("，：；（）！？", ",:;()!?")
    assert "".join(normalise(text, pdf=True).split()).translate(fold) == "".join(text.split()).translate(fold)


def test_n6_radical_characters_of_a_pdf_text_layer_are_the_ideographs_they_print():
    from edition.clean.normalise import radicals_to_ideographs

    assert radicals_to_ideographs("台江区⼤⼒弘扬优良作⻛，践⾏以⼈⺠为中⼼") == "台江区大力弘扬优良作风，践行以人民为中心"
    assert radicals_to_ideographs("工作人民") == "工作人民"  # ideographs stay


def test_n7_dash_ligatures_are_the_dashes():
    from edition.clean.normalise import dash_ligatures

    assert dash_ligatures("背景\u2e3a") == "背景——" and dash_ligatures("\u2e3b") == "———"
    assert normalise("具体做法\u2e3a", pdf=True) == "具体做法——"
    assert normalise("具体做法\u2e3a", pdf=False) == "具体做法\u2e3a"  # only a PDF's text layer sets them so


def test_the_radical_table_is_what_the_script_makes_from_the_fonts():
    """edition/clean/radicals.py is generated: rebuilt from Debian's fonts-noto-cjk, it is the same."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "make_radical_table.py"
    spec = importlib.util.spec_from_file_location("make_radical_table", script)
    module = importlib.util.module_from_spec(spec)
    pytest.importorskip("fontTools")
    if not all(Path(font).exists() for font in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                                                "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")):
        pytest.skip("fonts-noto-cjk is not installed")
    spec.loader.exec_module(module)
    from edition.clean.radicals import TABLE

    assert module.table() == TABLE
