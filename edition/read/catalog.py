"""Load and check ``seeds/catalog.yaml``, the editorial record of sources and reports.

Structural faults (YAML syntax, a wrong type, a missing slug, a duplicate or unsafe slug, a
malformed date, a value no JSON file can hold) raise :class:`EditionError` naming the file, the
entry and, where YAML knows it, the line. A catalog entry naming a file that is not in ``seeds/``
is set apart (``Catalog.missing``): if a report of it was ever published, the build stops (see
:mod:`edition.anchor.slugs`); otherwise it is a warning and the rest of the edition is built.

Two fields keep published addresses working: a report's ``previous_slugs`` (the slugs it was
published under before: their pages redirect to it), and the top-level ``withdrawn`` list
(``{slug, reason}``: a report taken out of the edition, whose page says so).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edition.errors import EditionError
from edition.yamlfile import BOOKKEEPING, load_yaml_with_lines, strip_lines

log = logging.getLogger("edition")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class SourceEntry:
    file: str
    meta: dict[str, Any]
    reports: list[dict[str, Any]]
    layout: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Withdrawal:
    slug: str
    reason: str
    line: int | None = None


@dataclass
class Catalog:
    path: Path
    edition: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, SourceEntry] = field(default_factory=dict)
    missing: dict[str, SourceEntry] = field(default_factory=dict)  # entries naming a file not in seeds/
    withdrawn: list[Withdrawal] = field(default_factory=list)

    def entry_of(self, slug: str) -> SourceEntry | None:
        """The entry (present or missing) that lists a report with this slug or previous slug."""
        for entry in [*self.sources.values(), *self.missing.values()]:
            for report in entry.reports:
                if slug == report.get("slug") or slug in (report.get("previous_slugs") or []):
                    return entry
        return None


def load_catalog(path: Path, seeds: Path) -> Catalog:
    catalog = Catalog(path)
    if not path.exists():
        log.warning("%s: no catalog; every source will be built with inferred metadata", path)
        return catalog
    data = load_yaml_with_lines(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise EditionError(path, "the catalog must be a mapping with a 'sources' list", _line(data))
    _check_plain_data(path, data)
    catalog.edition = strip_lines(data.get("edition") or {})
    slugs: dict[str, str] = {}
    for entry in data["sources"]:
        source = _source_entry(path, entry, seeds.name)
        if source.file in catalog.sources or source.file in catalog.missing:
            raise EditionError(path, f"source {source.file!r} is catalogued twice", source.line)
        for report in source.reports:
            for slug in [report["slug"], *(report.get("previous_slugs") or [])]:
                if slug in slugs:
                    raise EditionError(path, f"duplicate slug {slug!r} (in {source.file} and {slugs[slug]})",
                                       report.get("__line__"))
                slugs[slug] = source.file
        if (seeds / source.file).is_file():
            catalog.sources[source.file] = source
        else:
            catalog.missing[source.file] = source
    catalog.withdrawn = _withdrawn(path, data.get("withdrawn"), slugs)
    return catalog


def _withdrawn(path: Path, items: Any, slugs: dict[str, str]) -> list[Withdrawal]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise EditionError(path, "'withdrawn' must be a list of {slug, reason}", None)
    withdrawn = []
    for item in items:
        line = _line(item)
        if not isinstance(item, dict) or not isinstance(item.get("slug"), str) or not SLUG_RE.match(item["slug"]):
            raise EditionError(path, "each entry of 'withdrawn' needs the report's 'slug'", line)
        if not isinstance(item.get("reason"), str) or not item["reason"].strip():
            raise EditionError(path, f"withdrawn report {item['slug']!r} needs a 'reason' (it is shown on its page)",
                               line)
        if item["slug"] in slugs:
            raise EditionError(path, f"{item['slug']!r} is withdrawn but still catalogued (in {slugs[item['slug']]})",
                               line)
        withdrawn.append(Withdrawal(item["slug"], item["reason"].strip(), line))
    return withdrawn


_DATE_VALUE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


def _check_plain_data(path: Path, value: Any, line: int | None = None) -> None:
    """Every value is text, a number, true/false, null, a list or a mapping with text keys (what a
    JSON file and a page can hold: YAML could also make sets, binary data and other types)."""
    if isinstance(value, dict):
        line = value.get("__line__", line)
        for key, item in value.items():
            if not isinstance(key, str):
                raise EditionError(path, f"key {key!r} must be text (put it in quotes)", line)
            if key not in BOOKKEEPING:
                _check_plain_data(path, item, line)
    elif isinstance(value, list):
        for item in value:
            _check_plain_data(path, item, line)
    elif not (value is None or isinstance(value, str | int | float | bool)):
        raise EditionError(path, f"value {value!r} is not text, a number or a list (put it in quotes)", line)


def _source_entry(path: Path, entry: Any, folder: str = "seeds") -> SourceEntry:
    """``folder``: the sources' folder, as messages name it (``folders.sources``)."""
    if not isinstance(entry, dict):
        raise EditionError(path, "each entry of 'sources' must be a mapping", _line(entry))
    line = entry.get("__line__")
    file = entry.get("file")
    if not isinstance(file, str) or not file or "/" in file or "\\" in file or file.startswith("."):
        raise EditionError(path, f"source entry needs 'file': a plain file name in {folder}/ (got {file!r})", line)
    layout = entry.get("layout")
    if layout not in (None, "pdf", "web"):
        raise EditionError(path, f"{file}: 'layout' must be 'pdf' or 'web' (got {layout!r})", line)
    _check_date(path, file, entry.get("date"), line)
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
    if title is not None and not (isinstance(title, dict) and set(title) - set(BOOKKEEPING) <= {"zh", "en"}):
        raise EditionError(path, f"{file}: report {slug!r}: 'title' must be a mapping with zh and en", line)
    for key, value in [*((k, report.get(k)) for k in _TEXT_FIELDS),
                       *((f"title: {k}", title.get(k)) for k in ("zh", "en") if isinstance(title, dict))]:
        if value is not None and not isinstance(value, str):
            raise EditionError(path, f"{file}: report {slug!r}: {key!r} must be text, not {_kind(value)} "
                               f"({value!r}; put it in quotes)", _line(title) if key.startswith("title") else line)
    _check_date(path, f"{file}: report {slug!r}", report.get("date"), line)
    previous = report.get("previous_slugs")
    if previous is not None and not (
        isinstance(previous, list) and all(isinstance(p, str) and SLUG_RE.match(p) for p in previous)
    ):
        raise EditionError(path, f"{file}: report {slug!r}: 'previous_slugs' must be a list of slugs "
                           "(lower-case letters, digits and single hyphens)", line)
    if slug in (previous or []):
        raise EditionError(path, f"{file}: report {slug!r} lists its own slug in 'previous_slugs'", line)


_TEXT_FIELDS = ("label", "byline", "genre")  # a report's fields that are shown as text (docs/data-schema.md)


def _kind(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", dict: "a mapping", list: "a list"}.get(
        type(value), type(value).__name__)


def _check_date(path: Path, where: str, date: Any, line: int | None) -> None:
    if date is None:
        return
    if not isinstance(date, dict):
        raise EditionError(path, f"{where}: 'date' must be a mapping {{value, note}}", line)
    value = date.get("value")
    if isinstance(value, int) and not isinstance(value, bool) and _DATE_VALUE.match(str(value)):
        date["value"] = value = str(value)  # an unquoted year is the year: a date is text, quoted or not
    if value is not None and not (isinstance(value, str) and _DATE_VALUE.match(value)):
        shown = repr(value) if isinstance(value, str) else f"{value!r} ({_kind(value)})"
        raise EditionError(path, f"{where}: date value {shown} must be YYYY, YYYY-MM or YYYY-MM-DD",
                           _line(date) or line)


def _line(value: Any) -> int | None:
    return value.get("__line__") if isinstance(value, dict) else None
