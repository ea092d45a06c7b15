"""YAML files that people edit (catalog, glossary, ledgers): loaded with the line of every mapping.

* libyaml's C parser when PyYAML has it (the PyPI wheels do): several times faster on big files;
* every mapping gets its 1-based line as ``__line__`` and the line of each of its keys as
  ``__lines__`` (key -> line), so that a message can name the line;
* dates stay text: ``value: 2018-09-18`` is the string "2018-09-18", as if it were quoted (YAML would
  otherwise make it a date object, which no JSON file and no page can hold);
* a syntax error, bytes that are not UTF-8 (:mod:`edition.textfile`) and an unreadable file are an
  :class:`EditionError` naming the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from edition.errors import EditionError
from edition.textfile import read_utf8

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _LineLoader(SafeLoader):  # type: ignore[misc, valid-type]
    """A SafeLoader that remembers the line of every mapping and leaves dates as text."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {
        key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)
    }
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml_with_lines(path: Path, shown: str | Path | None = None) -> Any:
    """Parse a YAML file; every mapping gets its line number as ``__line__``."""
    name = shown or path
    text = read_utf8(path, name)
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise EditionError(name, f"YAML syntax error: {problem}", mark.line + 1 if mark else None) from None


BOOKKEEPING = ("__line__", "__lines__")


def line_of(data: Any, location: tuple[str | int, ...]) -> int | None:
    """The line of the value at ``location`` (keys and list indices) in loaded data, as near as known."""
    line = data.get("__line__") if isinstance(data, dict) else None
    for step in location:
        if isinstance(data, dict):
            line = (data.get("__lines__") or {}).get(step, line)
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
            line = data.get("__line__", line) if isinstance(data, dict) else line
        else:
            break
    return line


def strip_lines(value: Any) -> Any:
    """The value without the ``__line__`` and ``__lines__`` bookkeeping keys."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in BOOKKEEPING}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value
