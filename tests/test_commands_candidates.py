"""edition.commands.candidates and ``edition terms-candidates``."""

from __future__ import annotations

import pytest

from edition.cli import main
from edition.commands.candidates import candidate_terms, format_candidates
from edition.read.glossary import Term


def term(term_id: str, zh: str) -> Term:
    return Term(term_id, zh, (), "", term_id, (), "mechanism", "definition", "", ())


TEXTS = ["网格员上门宣传政策，临时党支部书记带队。"] * 3 + ["网格员再次上门，我们进行工作。"]


def test_candidates_leave_out_glossary_forms_and_stop_words() -> None:
    found = candidate_terms(TEXTS, [term("temp", "临时党支部")], top=None)
    words = {c.word: c.count for c in found}
    assert words["网格"] == 4
    assert words["书记"] == 3
    assert "临时党支部" not in words and "临时" not in words  # a glossary term stays whole, and is known
    assert not {"我们", "进行", "工作"} & set(words)  # stop words
    assert all(len(c.word) >= 2 and c.count >= 2 for c in found)
    assert "网格" not in {c.word for c in candidate_terms(TEXTS, [term("grid", "网格")], top=None)}
    assert found == sorted(found, key=lambda c: (-c.score, -c.count, c.word))


def test_top_and_format() -> None:
    found = candidate_terms(TEXTS, [], top=2)
    assert len(found) == 2
    text = format_candidates(found)
    assert text.splitlines()[0] == "word\tcount\tscore"
    assert text.splitlines()[1].split("\t")[:2] == [found[0].word, str(found[0].count)]


def test_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["terms-candidates", "--top", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "word\tcount\tscore"
    assert len(lines) == 6
    assert "群众" in {line.split("\t")[0] for line in lines[1:]}  # 55 times in the corpus
