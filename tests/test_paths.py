"""The project is the folder you are in: found from the working folder upward, or named with -C / -f."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout

import pytest

from edition import cli
from edition.errors import EditionError
from edition.paths import Paths, find_project


def test_the_project_is_found_from_any_folder_inside_it(tmp_path, monkeypatch) -> None:
    (tmp_path / "edition.yml").write_text("folders:\n  sources: texts\n", encoding="utf-8")
    inner = tmp_path / "texts" / "deep"
    inner.mkdir(parents=True)
    assert find_project(inner) == tmp_path.resolve()
    monkeypatch.chdir(inner)
    paths = Paths()
    assert paths.root == tmp_path.resolve() and paths.seeds == tmp_path.resolve() / "texts"


def test_a_folder_that_is_no_edition_says_so_in_one_line(tmp_path) -> None:
    with pytest.raises(EditionError, match=r"not an edition project: no edition\.yml here or in any folder above"):
        find_project(tmp_path)
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        assert cli.main(["-C", str(tmp_path), "status"]) == 1
    assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("error: ")


def test_a_configuration_file_named_with_f_makes_its_folder_the_project(tmp_path) -> None:
    other = tmp_path / "conf" / "my-edition.yml"
    other.parent.mkdir()
    other.write_text("folders:\n  build: out\n", encoding="utf-8")
    paths = Paths.discover(config_file=other)
    assert paths.root == other.parent.resolve() and paths.build == other.parent.resolve() / "out"
