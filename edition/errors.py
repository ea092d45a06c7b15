"""The one exception type the pipeline raises for bad input.

Every message names the file (and the entry or line where there is one), so that the
command line can print it as a single line instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path


class EditionError(Exception):
    """Bad input that stops the build: the message says which file and where."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")
