"""What the build's fingerprint covers: every file of the engine, templates and assets too, so that an
edited template or stylesheet is never left unbuilt as "up to date"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition import build_state
from edition.paths import Paths


@pytest.mark.parametrize("engine_file", ["write/templates/report.md.j2", "write/assets/edition.css",
                                         "write/assets/edition.js", "clean/chrome.py"])
def test_any_engine_file_changes_the_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine_file: str):
    engine = tmp_path / "edition"
    shutil.copytree(build_state.ENGINE, engine, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build_state, "ENGINE", engine)
    paths = Paths()
    before = build_state.fingerprint(build_state.input_files(paths))
    with (engine / engine_file).open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert build_state.fingerprint(build_state.input_files(paths)) != before


def test_compiled_bytecode_is_not_an_input():
    assert not [f for f in build_state.input_files(Paths()) if "__pycache__" in f.parts]
