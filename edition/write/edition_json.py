"""``build/edition.json``: the whole edition as data (schema documented in docs/data-schema.md)."""

from __future__ import annotations

import json
from typing import Any

from edition.annotate.annotations import Annotations
from edition.annotate.export import glossary_record
from edition.clean.normalise import RULES
from edition.model import Block, Report, SourceEdition

SCHEMA_VERSION = 1


def block_record(block: Block, annotations: Annotations | None = None, slug: str = "") -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": block.id,
        "kind": block.kind,
        "number": block.number,
        "zh": block.zh,
        "en": block.en,
        "status": block.status,
        "provenance": block.provenance,
        "reviewed_by": list(block.reviewed_by),
        "po_line": block.po_line,
        "lines": list(block.lines),
        "rule": block.rule,
    }
    if block.level is not None:
        record["level"] = block.level
    if block.pages is not None:
        record["pages"] = list(block.pages)
    if annotations is not None:
        record["terms"] = list(dict.fromkeys(o.term_id for o in annotations.in_block(slug, block.id)))
        if block.kind == "paragraph":
            record["see_also"] = [
                {"report": s.slug, "block": s.block_id, "score": s.score, "shared": list(s.shared)}
                for s in annotations.see_also.get((slug, block.id or ""), [])
            ]
    return record


def report_record(
    report: Report, redirects: dict[str, str | None], annotations: Annotations | None = None
) -> dict[str, Any]:
    title = report.meta.get("title") or {}
    record = {
        "slug": report.slug,
        "source": {"file": report.source, "lines": list(report.lines)},
        "title": {"zh": title.get("zh"), "en": title.get("en")},
        "catalogued": report.catalogued,
        "meta": {k: v for k, v in report.meta.items() if k not in ("slug", "title")},
        "blocks": [block_record(b, annotations, report.slug) for b in report.blocks],
        "retired_anchors": redirects,
    }
    if annotations is not None:
        record["related_reports"] = [
            {"report": r.slug, "score": r.score, "shared": list(r.shared)}
            for r in annotations.related.get(report.slug, [])
        ]
    return record


def source_record(edition: SourceEdition) -> dict[str, Any]:
    source = edition.source
    return {
        "file": source.file,
        "sha256": source.sha256,
        "encoding": source.encoding,
        "format": source.format,
        "layout": source.layout,
        "line_count": len(source.lines),
        **({"metadata": dict(source.metadata)} if source.metadata else {}),
        "reports": [r.slug for r in edition.reports],
        "paratext": [{"kind": p.kind, "zh": p.zh, "lines": list(p.lines), "rule": p.rule} for p in edition.paratext],
        "omissions": [
            {"lines": list(o.lines), "rule": o.rule, "reason": o.reason, "text": o.text} for o in edition.omissions
        ],
    }


def edition_record(
    meta: dict[str, Any],
    sources: list[SourceEdition],
    redirects: dict[str, dict[str, str | None]],
    annotations: Annotations | None = None,
    *,
    moved: dict[str, str] | None = None,
    withdrawn: dict[str, str] | None = None,
) -> dict[str, Any]:
    record = {
        "schema_version": SCHEMA_VERSION,
        "edition": meta,
        "normalisation_rules": RULES,
        "reports": [report_record(r, redirects.get(r.slug, {}), annotations) for s in sources for r in s.reports],
        "moved_reports": dict(sorted((moved or {}).items())),
        "withdrawn_reports": dict(sorted((withdrawn or {}).items())),
        "sources": [source_record(s) for s in sources],
    }
    if annotations is not None:
        record["glossary"] = glossary_record(annotations.terms, annotations.occurrences)
    return record


def dumps(record: dict[str, Any]) -> str:
    """Deterministic JSON: the same edition always gives the same bytes."""
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
