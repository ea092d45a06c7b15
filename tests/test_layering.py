"""The package's layers, read from its imports: core below the stages, each stage above the ones before it,
the commands above them all. A module that imports upward fails here, naming the import and its line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import edition

PACKAGE = Path(edition.__file__).resolve().parent
CORE = {"model", "errors", "config", "paths", "atomic", "yamlfile", "textfile", "lock"}
STAGES = ("read", "clean", "anchor", "translate", "annotate", "write")
TOP = {"cli", "mkdocs_plugin"}  # the interfaces: nothing imports them


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(part for part in parts if part != "__init__")


def layer(name: str) -> tuple[int, str]:
    """(rank, label): core 0, the stages 1..6 in pipeline order, the commands 7, the interfaces 8."""
    first = name.split(".")[0]
    if first in CORE:
        return 0, "core"
    if first in STAGES:
        return 1 + STAGES.index(first), f"stage {first}"
    if first in TOP:
        return 8, "interface"
    return 7, "commands"


def absolute(node: ast.ImportFrom, path: Path) -> str:
    """The module a ``from`` import names, relative ones (``from ..pipeline import build``) resolved
    against the package of ``path``."""
    if not node.level:
        return node.module or ""
    package = ["edition", *path.relative_to(PACKAGE).parent.parts]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports(path: Path, source: str | None = None) -> list[tuple[str, int]]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8") if source is None else source)
    for node in ast.walk(tree):
        module = absolute(node, path) if isinstance(node, ast.ImportFrom) else ""
        if isinstance(node, ast.ImportFrom) and module.startswith("edition"):
            names = [module] if module != "edition" else [f"edition.{a.name}" for a in node.names]
            found += [(name, node.lineno) for name in names]
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("edition")]
    return [(name.removeprefix("edition.").removeprefix("edition"), line) for name, line in found]


def violations() -> list[str]:
    return [found for path in sorted(PACKAGE.rglob("*.py")) for found in module_violations(path)]


def module_violations(path: Path, source: str | None = None) -> list[str]:
    """The upward imports of the module at ``path`` (its text: ``source``, else the file's)."""
    found: list[str] = []
    name = module_name(path)
    if name:
        rank, label = layer(name)
        for target, line in imports(path, source):
            if not target:
                continue
            their_rank, their_label = layer(target)
            same_stage = target.split(".")[0] == name.split(".")[0]
            if (their_rank > rank and not same_stage) or (their_rank == 8 and rank != 8):
                found.append(f"edition/{path.relative_to(PACKAGE)}:{line}: {label} imports {target} ({their_label})")
    return found


def test_imports_run_one_way() -> None:
    assert violations() == []


@pytest.mark.parametrize(("module", "source", "flagged"), [
    ("anchor/ledger.py", "from ..pipeline import build\n", "edition/anchor/ledger.py:1: stage anchor imports pipeline"),
    ("anchor/ledger.py", "from ..write import atomic\n", "stage anchor imports write (stage write)"),
    ("anchor/ledger.py", "from .. import cli\n", "stage anchor imports cli (interface)"),
    ("write/tei.py", "from ..clean.normalise import RULES\nfrom .render import render\n", None),
    ("anchor/__init__.py", "from ..config import DEFAULTS\nfrom .ledger import Ledger\n", None),
])
def test_relative_imports_are_resolved(module: str, source: str, flagged: str | None) -> None:
    found = module_violations(PACKAGE / module, source)
    assert (found == []) if flagged is None else any(flagged in line for line in found), found


def test_the_layers_are_known_for_every_module() -> None:
    stages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert set(STAGES) <= stages
    assert {"commands", "drafting"} <= stages  # above the stages
