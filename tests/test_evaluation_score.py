"""The scorer: block matching at 97 % similarity, kinds, titles and leaks, and the totals of a family."""

from __future__ import annotations

import dataclasses

from evaluation import corpus
from evaluation.score import MATCH, Result, find_leaks, match, normalised, run, score, similarity, totals

TEXT = "台江区召开旧改项目“百日攻坚”暨雁塔二地块旧改项目动员部署会，全面掀起旧改项目“百日攻坚”热潮。"


def test_normalised_text_ignores_whitespace_and_the_width_of_punctuation():
    assert normalised("项目 :状元地块, 启动 \n征收") == normalised("项目：状元地块，启动征收")


def test_a_block_matches_when_its_text_is_97_percent_similar():
    nearly = TEXT.replace("热潮", "热朝")  # one character in 48
    assert similarity(TEXT, nearly) >= MATCH
    assert match([nearly], [TEXT]) == [(0, 0)]
    assert match([TEXT[:30]], [TEXT]) == []


def test_each_expected_block_is_matched_once_in_reading_order():
    assert match(["甲乙丙", "甲乙丙"], ["甲乙丙"]) == [(0, 0)]
    assert match(["丁戊己", "甲乙丙"], ["甲乙丙", "丁戊己"]) == [(0, 1), (1, 0)]


def paged_case() -> corpus.Case:
    return next(c for c in corpus.sweep(2, families=("pdf-paged",)) if c.param("page numbers") == "— 2 —")


def test_a_perfect_case_scores_perfectly():
    result = score(paged_case())
    assert result.perfect, result
    assert result.matched == len(result.expected) == len(result.found)


def test_a_page_number_in_the_reading_text_is_a_leak():
    case = paged_case()
    edition, _, _ = run(case)
    number, text, _ = case.rendering.marked("furniture")[0]
    block = edition.reports[0].blocks[2]
    block.zh += text.strip()  # as if the page number had been joined into the paragraph
    edition.omissions[:] = [o for o in edition.omissions if o.lines[0] != number]
    leaks = find_leaks(case, edition, [b.zh for b in case.rendering.expected])
    assert (number, text) in leaks


def test_totals_of_a_family():
    case = paged_case()
    good = score(case)
    bad = dataclasses.replace(good, found=good.found[:-1], pairs=good.pairs[:-1], title_found=False)
    total = totals([good, bad])
    assert total.cases == 2 and total.titles == 1 and not total.meets_targets()
    assert total.recall < 1 and total.precision == 1
    assert isinstance(bad, Result) and not bad.perfect


def test_the_uncatalogued_warning_every_case_gets_is_not_counted_as_a_doubt():
    from evaluation import corpus
    from evaluation.score import run

    _, warnings, error = run(corpus.quick()[0])
    assert error is None and not [w for w in warnings if "catalogue it" in w]
