"""A small edition that the engine's tests make themselves, with nothing of this edition's content in it:
``edition new``'s skeleton (its example source, catalog, two-term glossary), a second source written
here, so that there are two reports (what one changes, the other must not), and an English draft for
every block. The engine's tests (incremental builds, template overrides, the strict site build and its
links) run on it; this edition's content keeps its own tests on this edition."""

from __future__ import annotations

import hashlib
from pathlib import Path

from edition.commands.new import new_edition
from edition.paths import Paths
from edition.pipeline import build
from edition.translate import po as pofile

FIRST = "example-old-housing-renovation"  # the skeleton's example report
SECOND = "example-waste-sorting"
SECOND_FILE = "second.txt"
SECOND_TITLE = "示例社区党建引领推进垃圾分类"
SECOND_TEXT = f"""{SECOND_TITLE}

（示例文本：为测试而写，并非真实报道。）

今年以来，示例社区党委把垃圾分类作为基层治理的抓手，组建党员志愿服务队，逐户上门宣传分类知识。

一是建立分类台账。社区为每个楼栋设立督导员，共培训督导员26名，做到“一楼一档”。

二是完善投放设施。新建分类投放点12个，实行定时定点投放，居民知晓率达到95%。

（示例社区党委）
"""
SECOND_ENTRY = f"""
  - file: {SECOND_FILE}
    genre: example text written by the tests (not a real report)
    reports:
      - slug: {SECOND}
        label: Second example
        title:
          zh: {SECOND_TITLE}
          en: "Example Community Advances Waste Sorting under Party-Building Leadership"
        outlet: null
        date: {{value: null, note: "An example: not a real report."}}
        place: {{province: null, city: null, county: null, street: null, note: "Invented for the tests."}}
        authors: []
        byline: （示例社区党委）
        genre: example
"""
PROVENANCE = "test draft (tests/small_edition.py), 2026-12-08"


def make_small_edition(folder: Path) -> Paths:
    """Write the small edition into ``folder`` (new or empty) and build it once; every block has a draft."""
    new_edition(folder, "A Small Test Edition")
    seeds = folder / "seeds"
    (seeds / SECOND_FILE).write_text(SECOND_TEXT, encoding="utf-8")
    catalog = seeds / "catalog.yaml"
    text = catalog.read_text(encoding="utf-8")
    head, sep, tail = text.partition("\nsources:\n")
    catalog.write_text(head + sep + SECOND_ENTRY.lstrip("\n") + tail, encoding="utf-8")
    (seeds / "SHA256SUMS").write_text("".join(
        f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.name}\n" for f in sorted(seeds.glob("*.txt"))),
        encoding="utf-8")
    paths = Paths(folder)
    build(paths)
    for slug in (FIRST, SECOND):
        path = pofile.po_path(paths.translations, slug, paths.config.languages.target)
        po = pofile.load_po(path)
        for entry in pofile.active_entries(po):
            pofile.set_draft(entry, f"The English of block {entry.msgctxt}.", PROVENANCE)
        pofile.save_po(po, path)
    build(paths)
    return paths
