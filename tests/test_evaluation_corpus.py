"""The layout-fuzzing corpus: deterministic, every family and encoding rendered, the expected blocks known
from the reference and never from the pipeline, the held-out chrome kept apart from the development one."""

from __future__ import annotations

import dataclasses
import re

import pytest

from edition.read.decode import decode_bytes
from evaluation import corpus, layouts
from evaluation.layouts import CHROME, FURNITURE, PARATEXT, READING, RefBlock
from evaluation.score import normalised
from evaluation.vocab import DEV, FIFTH, FOURTH, FRESH, HELDOUT, THIRD, UNSEEN, VOCABULARIES, Vocabulary


def test_the_corpus_is_the_same_on_every_run():
    first = [(c.name, c.data()) for c in corpus.sweep(1, families=corpus.TEXT_FAMILIES)]
    second = [(c.name, c.data()) for c in corpus.sweep(1, families=corpus.TEXT_FAMILIES)]
    assert first == second
    assert len(first) == len(corpus.TEXT_FAMILIES) * 6 * len(corpus.reference())


def test_one_case_is_regenerated_alone_exactly():
    case = corpus.sweep(3)[7]
    assert corpus.case_named(case.name).data() == case.data()


def test_the_reference_is_the_edition_as_cleaned_from_the_seeds(edition):
    reference = corpus.reference()
    assert [r.slug for r in reference] == [r.slug for r in edition.reports]
    assert [(b.kind, b.zh) for b in reference[0].blocks] == [(b.kind, b.zh) for b in edition.reports[0].blocks]


@pytest.mark.parametrize("family", corpus.TEXT_FAMILIES)
def test_every_family_writes_every_block_and_marks_every_line(family):
    for case in corpus.sweep(2, families=(family,)):
        lines = case.rendering.lines
        assert {line.role for line in lines} <= {READING, PARATEXT, FURNITURE, CHROME, layouts.BLANK}
        reading = "".join(normalised(line.text) for line in lines if line.role == READING)
        expected = "".join(normalised(b.zh) for b in case.rendering.expected)
        assert sorted(reading) == sorted(expected), case.name  # every character of the blocks, nothing else


def test_encodings_and_line_ends_decode_to_the_rendered_text():
    seen = set()
    for case in corpus.sweep(2, families=corpus.TEXT_FAMILIES):
        text, _ = decode_bytes(case.data(), case.file)
        assert text == case.rendering.text(), case.name
        seen.add((case.encoding, case.newline))
    assert {e for e, _ in seen} == set(corpus.ENCODINGS) and {n for _, n in seen} == set(corpus.NEWLINES)


def test_the_layout_changes_to_the_text_are_made_to_the_expected_blocks_too():
    blocks = [RefBlock("heading", "背景——", 2), RefBlock("heading", "突出党建引领", 3), RefBlock("heading", "成效", 2),
              RefBlock("caption", "雁塔二地块征迁临时党支部。台江区城投集团供图"), RefBlock("caption", "苍霞新城 福州新闻/图")]
    numbered = layouts.number_headings(blocks, "chinese")
    assert [b.zh for b in numbered[:3]] == ["一、背景——", "（一）突出党建引领", "二、成效"]
    assert [b.zh for b in layouts.number_headings(blocks, "arabic")[:3]] == ["1.背景——", "（1）突出党建引领", "2.成效"]
    dropped = layouts.drop_credits(blocks)
    assert [b.zh for b in dropped[3:]] == ["雁塔二地块征迁临时党支部。", "苍霞新城 福州新闻/图"]  # only where a sentence is left


def test_wrapping_never_splits_a_number_and_keeps_closing_punctuation_off_a_line_start():
    text = "截至目前，全区党员干部已主动拆除299宗、33256平方米，带动全区拆违5022宗、68187平方米。" * 3
    lines = layouts.wrap(text, 30, 26)
    assert "".join(lines) == text
    assert not any(line[0] in "，。、”）" for line in lines[1:])
    numbers = re.findall(r"\d+", text)
    assert re.findall(r"\d+", "\n".join(lines)) == numbers


def chrome_phrases(vocab: Vocabulary) -> set[str]:
    site_lines = [line for site in vocab.sites for line in (*site.top, *site.under_dateline, *site.tail)]
    wechat = [*vocab.wechat.tail, *vocab.wechat.top]
    return {line for line in [*site_lines, *wechat, *vocab.paged.headers, *vocab.paged.footers] if "{" not in line}


@pytest.mark.parametrize("held_out", [HELDOUT, FRESH, THIRD, FOURTH, FIFTH])
def test_the_held_out_chrome_is_not_the_development_chrome(held_out):
    assert not chrome_phrases(held_out) & chrome_phrases(DEV)
    assert not set(held_out.paged.page_numbers) & set(DEV.paged.page_numbers)
    assert not {s.name for s in held_out.sites} & {s.name for s in DEV.sites}


def templates(vocab: Vocabulary) -> set[str]:
    """Every string of a set (names, chrome, date lines, furniture, people), without the list markers."""
    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, tuple):
            return [s for item in value for s in strings(item)]
        return [s for f in dataclasses.fields(value) for s in strings(getattr(value, f.name))]

    return set(strings((vocab.sites, vocab.wechat, vocab.paged, vocab.people))) - {"{related}", ""}


@pytest.mark.parametrize("other", [v for v in VOCABULARIES.values() if v is not UNSEEN], ids=lambda v: v.name)
def test_the_unseen_set_shares_no_string_with_any_other_set(other):
    assert not templates(UNSEEN) & templates(other)
