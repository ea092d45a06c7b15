"""One writer at a time: every command that writes into an edition folder holds its lock.

Two builds of the same folder at once would interleave their writes, and one build's clean-up of
stale files would delete the other's temporary files. The lock is ``build/.lock`` (git-ignored),
held with :mod:`filelock` (an OS-level lock: it is released when the process ends, even by a kill,
so a crashed build never leaves the folder locked). A second command waits for the first, saying so.

Under the lock, temporary files left by a killed writer (``.<name>.<random>.tmp``, see
:mod:`edition.atomic`) are removed: no other writer can be using them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

log = logging.getLogger("edition")

TEMPORARY_GLOB = ".*.tmp"
_held: dict[Path, int] = {}  # locks this process holds -> how deep (a command may call another: release
#                              builds twice)


@contextmanager
def writing(build_folder: Path, *, what: str = "edition", timeout: float = -1) -> Iterator[None]:
    """Hold the folder's lock for the duration; wait (forever, by default) if another process holds it."""
    key = build_folder.resolve()
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    build_folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(build_folder / ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"waiting for another command that writes this {what} to finish ({build_folder / '.lock'})…",
              file=sys.stderr, flush=True)
        lock.acquire(timeout=timeout)
    _held[key] = 1
    try:
        yield
    finally:
        _held.pop(key, None)
        lock.release()


def remove_leftovers(folders: Iterable[Path], files: Iterable[Path] = ()) -> list[Path]:
    """Delete the temporary files a killed writer left in ``folders`` (recursively) and beside ``files``
    (only theirs: ``.<name>.<random>.tmp``). Call under the lock."""
    removed = []
    found = [p for folder in folders if folder.is_dir() for p in sorted(folder.rglob(TEMPORARY_GLOB))]
    found += [p for file in files if file.parent.is_dir() for p in sorted(file.parent.glob(f".{file.name}.*.tmp"))]
    for leftover in found:
        if leftover.is_file():
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
            log.info("removed %s, left by an interrupted build", leftover)
    return removed
