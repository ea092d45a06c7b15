"""edition new DIR: a new edition that builds as it stands, with nothing of this edition in it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest

from edition import cli


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        status = cli.main(list(args))
    return status, out.getvalue()


def test_a_new_edition_builds_and_its_site_builds_strictly(tmp_path) -> None:
    folder = tmp_path / "my-edition"
    assert run("new", str(folder), "--title", "My Edition")[0] == 0
    assert (folder / ".gitignore").exists() and (folder / "Makefile").exists()
    status, output = run("-C", str(folder), "build")
    assert status == 0, output
    data = json.loads((folder / "build" / "edition.json").read_text(encoding="utf-8"))
    [report] = data["reports"]
    assert report["slug"] == "example-old-housing-renovation"
    kinds = [b["kind"] for b in report["blocks"]]
    assert kinds[0] == "title" and kinds.count("paragraph") >= 4, kinds
    assert (folder / "anchors" / "example-old-housing-renovation.yaml").exists()
    assert "my-edition" in (folder / "translations" / "en" / "example-old-housing-renovation.po").read_text(
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=folder,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert (folder / "build" / "site" / "reports" / "example-old-housing-renovation" / "index.html").exists()


def test_a_folder_that_is_not_empty_is_refused(tmp_path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine", encoding="utf-8")
    status, output = run("new", str(tmp_path / "x"))
    assert status == 1 and "exists and is not an empty folder" in output
    assert (tmp_path / "x" / "keep.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("name", ["edition.yml", "mkdocs.yml", "seeds/catalog.yaml", "glossary.yaml"])
def test_the_skeleton_holds_nothing_of_this_edition(tmp_path, name: str) -> None:
    run("new", str(tmp_path / "e"))
    text = (tmp_path / "e" / name).read_text(encoding="utf-8")
    assert "party-building-demolition" not in text and "Taijiang" not in text and "十九大" not in text
