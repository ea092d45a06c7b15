"""The package has no idea where it is installed: built as a wheel and installed elsewhere, it builds this
edition from its folder, and a new edition made by `edition new`, with its templates, assets and skeleton."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, installed (without its dependencies, which this environment has) into a folder of its own."""
    root = Path(__file__).resolve().parent.parent
    wheels = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(root)], check=True, capture_output=True)
    [wheel] = wheels.glob("edition-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "edition/write/templates/report.md.j2" in names and "edition/write/assets/edition.js" in names
    assert "edition/commands/skeleton/edition.yml" in names and not any(n.startswith(("tests/", "seeds/"))
                                                                        for n in names)
    target = tmp_path_factory.mktemp("site-packages")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    return target


def run(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = ("import sys, edition; assert edition.__file__.startswith(sys.argv[1]), edition.__file__; "
            "from edition.cli import main; sys.exit(main(sys.argv[2:]))")
    return subprocess.run([sys.executable, "-c", code, str(installed), *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(installed)})


def test_the_installed_package_builds_this_edition_from_its_folder(installed: Path, repo_copy) -> None:
    result = run(installed, "build", cwd=repo_copy.root / "seeds")  # found from a folder inside the project
    assert result.returncode == 0, result.stderr
    data = json.loads((repo_copy.build / "edition.json").read_text(encoding="utf-8"))
    assert len(data["reports"]) == 6 and (repo_copy.docs / "assets" / "edition.js").exists()


def test_the_installed_package_makes_and_builds_a_new_edition(installed: Path, tmp_path: Path) -> None:
    assert run(installed, "new", "fresh", cwd=tmp_path).returncode == 0
    result = run(installed, "-C", "fresh", "build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "fresh" / "docs" / "reports" / "example-old-housing-renovation.md").exists()


def test_outside_any_edition_it_says_so(installed: Path, tmp_path: Path) -> None:
    result = run(installed, "build", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith("error: ") and "not an edition project" in result.stderr
