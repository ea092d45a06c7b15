"""Load and check ``seeds/catalog.yaml``, the editorial record of sources and reports.

Structural faults (YAML syntax, a wrong type, a missing slug, a duplicate or unsafe slug)
raise :class:`EditionError` naming the file, the entry and, where YAML knows it, the line.
A catalog entry naming a file that is not in ``seeds/`` is only a warning: that entry is
skipped and the rest of the edition is built.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from edition.errors import EditionError

log = logging.getLogger("edition")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class SourceEntry:
    file: str
    meta: dict[str, Any]
    reports: list[dict[str, Any]]
    layout: str | None = None
    line: int | None = None


@dataclass
class Catalog:
    path: Path
    edition: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, SourceEntry] = field(default_factory=dict)


# libyaml's C parser when PyYAML has it (the PyPI wheels do): several times faster on big files.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _LineLoader(SafeLoader):  # type: ignore[misc, valid-type]
    """A SafeLoader that remembers the line of every mapping (as ``__line__``)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml_with_lines(path: Path) -> Any:
    """Parse a YAML file; every mapping gets its line number as ``__line__``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EditionError(path, f"cannot be read: {err}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise EditionError(path, f"YAML syntax error: {problem}", mark.line + 1 if mark else None) from None


def strip_lines(value: Any) -> Any:
    """The value without the ``__line__`` bookkeeping keys."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def load_catalog(path: Path, seeds: Path) -> Catalog:
    catalog = Catalog(path)
    if not path.exists():
        log.warning("%s: no catalog; every source will be built with inferred metadata", path)
        return catalog
    data = load_yaml_with_lines(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise EditionError(path, "the catalog must be a mapping with a 'sources' list", _line(data))
    catalog.edition = strip_lines(data.get("edition") or {})
    slugs: dict[str, str] = {}
    for entry in data["sources"]:
        source = _source_entry(path, entry)
        if source.file in catalog.sources:
            raise EditionError(path, f"source {source.file!r} is catalogued twice", source.line)
        for report in source.reports:
            slug = report["slug"]
            if slug in slugs:
                raise EditionError(
                    path, f"duplicate slug {slug!r} (in {source.file} and {slugs[slug]})", report.get("__line__")
                )
            slugs[slug] = source.file
        if not (seeds / source.file).is_file():
            log.warning("%s:%s: catalog entry names %r, which is not in %s; entry skipped",
                        path, source.line, source.file, seeds)
            continue
        catalog.sources[source.file] = source
    return catalog


def _source_entry(path: Path, entry: Any) -> SourceEntry:
    if not isinstance(entry, dict):
        raise EditionError(path, "each entry of 'sources' must be a mapping", _line(entry))
    line = entry.get("__line__")
    file = entry.get("file")
    if not isinstance(file, str) or not file or "/" in file or "\\" in file or file.startswith("."):
        raise EditionError(path, f"source entry needs 'file': a plain file name in seeds/ (got {file!r})", line)
    layout = entry.get("layout")
    if layout not in (None, "pdf", "web"):
        raise EditionError(path, f"{file}: 'layout' must be 'pdf' or 'web' (got {layout!r})", line)
    reports = entry.get("reports") or []
    if not isinstance(reports, list):
        raise EditionError(path, f"{file}: 'reports' must be a list", line)
    for report in reports:
        _check_report(path, file, report)
    meta = strip_lines({k: v for k, v in entry.items() if k not in ("reports", "file", "layout")})
    return SourceEntry(file, meta, reports, layout, line)


def _check_report(path: Path, file: str, report: Any) -> None:
    if not isinstance(report, dict):
        raise EditionError(path, f"{file}: each report must be a mapping", _line(report))
    line = report.get("__line__")
    slug = report.get("slug")
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        raise EditionError(
            path,
            f"{file}: report slug {slug!r} must be lower-case letters, digits and single hyphens "
            "(it names a page and must stay inside the output folder)",
            line,
        )
    title = report.get("title")
    if title is not None and not (isinstance(title, dict) and set(title) - {"__line__"} <= {"zh", "en"}):
        raise EditionError(path, f"{file}: report {slug!r}: 'title' must be a mapping with zh and en", line)


def _line(value: Any) -> int | None:
    return value.get("__line__") if isinstance(value, dict) else None
