"""``edition release VERSION``: fix what a release publishes, so that every later build can check it.

The command builds the edition (a release of a broken build is refused), then

* writes ``anchors/releases/<VERSION>.json``, the release manifest (:mod:`edition.anchor.releases`):
  every report, block id, ¶ number and the SHA-256 of its Chinese, and the state of each translation;
* records the version and date in ``CITATION.cff`` (``version:``, ``date-released:``);
* builds again, so that the site names the version (the Cite text, the changelog).

A version is released once: an existing version, or one not above the latest release, is refused.
"""

from __future__ import annotations

import datetime
import logging
import re
from pathlib import Path

from edition import lock
from edition.anchor import releases
from edition.atomic import write_text
from edition.errors import EditionError
from edition.paths import Paths

log = logging.getLogger("edition")


def release(paths: Paths, version: str, *, date: str | None = None) -> Path:
    """Release ``version``; returns the manifest written. The checks run under the folder's lock, so that
    of two releases of one version at once the second finds the first's manifest."""
    if not releases.VERSION_RE.match(version):
        raise EditionError(paths.relative(paths.releases), f"{version!r} is not a version number (1.0, 1.2.3, 2.0-rc1)")
    date = date or datetime.date.today().isoformat()
    _check_date(date, paths)
    with lock.writing(paths.build):
        return _release(paths, version, date)


def _release(paths: Paths, version: str, date: str) -> Path:
    from edition.pipeline import build

    earlier = releases.load_manifests(paths.releases, paths.relative(paths.releases))
    target = releases.manifest_path(paths.releases, version)
    if target.exists():
        raise EditionError(paths.relative(target), f"release {version} exists already: a release is never redone")
    if earlier and releases.version_key(version) <= releases.version_key(earlier[-1].version):
        raise EditionError(paths.relative(target), f"{version} is not above the latest release, {earlier[-1].version}")
    edition = build(paths)
    if edition.problems:
        raise EditionError(paths.relative(paths.seeds), f"the build left out {len(edition.problems)} source(s) "
                           "(see above): a release publishes the whole edition; mend them first")
    record = releases.manifest_record(version, date, edition.reports, edition.ledgers)
    write_text(target, releases.dumps(record))
    record_in_citation(paths.root / "CITATION.cff", version, date)
    build(paths)
    return target


def record_in_citation(path: Path, version: str, date: str) -> None:
    """Set ``version`` and ``date-released`` in CITATION.cff, keeping everything else as it is."""
    if not path.exists():
        log.warning("%s: no CITATION.cff; the version is recorded in the manifest and on the site only", path)
        return
    text = path.read_text(encoding="utf-8")
    for key, value in (("version", version), ("date-released", date)):
        line = f'{key}: "{value}"'
        pattern = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
        text = pattern.sub(line, text, count=1) if pattern.search(text) else text.rstrip("\n") + f"\n{line}\n"
    write_text(path, text)


def _check_date(date: str, paths: Paths) -> None:
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise EditionError(paths.relative(paths.releases), f"--date {date!r} is not a date (YYYY-MM-DD)") from None
