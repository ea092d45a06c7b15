"""edition.annotate.jieba_dict: a jieba user dictionary that keeps glossary terms whole."""

from __future__ import annotations

from pathlib import Path

import jieba

from edition.annotate.jieba_dict import user_dictionary, user_dictionary_lines, write_user_dictionary
from edition.paths import Paths
from edition.read.glossary import Term, load_glossary


def term(term_id: str, zh: str, *variants: str) -> Term:
    return Term(term_id, zh, variants, "", term_id, (), "mechanism", "definition", "", ())


def test_lines_are_word_freq_tag_and_skip_spaced_forms() -> None:
    lines = user_dictionary_lines([term("a", "临时党支部", "临时支部"), term("b", "1+N+X", "one plus X")])
    assert lines == ["临时党支部 1000000 nz", "临时支部 1000000 nz", "1+N+X 1000000 nz"]
    assert all(len(line.split(" ")) == 3 for line in lines)


def test_every_form_of_the_real_glossary_is_listed_once() -> None:
    terms = load_glossary(Paths().glossary)
    words = [line.split(" ")[0] for line in user_dictionary_lines(terms)]
    assert len(words) == len(set(words)) == sum(len(t.zh_forms) for t in terms)


def test_loaded_dictionary_keeps_a_term_whole(tmp_path: Path) -> None:
    terms = load_glossary(Paths().glossary)
    path = tmp_path / "userdict.txt"
    assert write_user_dictionary(path, terms) is True
    assert write_user_dictionary(path, terms) is False  # unchanged: not rewritten
    assert path.read_text(encoding="utf-8") == user_dictionary(terms)
    sentence = "组建攻坚专班时同步成立临时党支部并动态吸纳党员"
    tokenizer = jieba.Tokenizer()
    assert "临时党支部" not in tokenizer.lcut(sentence)  # jieba alone splits it
    tokenizer.load_userdict(str(path))
    tokens = tokenizer.lcut(sentence)
    assert "临时党支部" in tokens
    assert "攻坚专班" in tokens
