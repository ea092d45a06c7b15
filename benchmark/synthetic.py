"""Synthetic editions for the benchmark and the tests: N new sources made of the real edition's blocks.

Each synthetic report is one source, half PDF-style and half web-style, made of the six real reports'
cleaned blocks reshuffled by a seeded random generator (every run writes the same editions), with a
catalog, and English for every block copied from the real translations (drafts, with their
provenance). :func:`generate` writes one into a folder laid out like an edition project and checks
that the pipeline cuts it as planned.
"""


from __future__ import annotations

import hashlib
import logging
import random
import re
import shutil
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pypinyin import lazy_pinyin

from edition import pipeline
from edition.clean.text import CLOSERS, CONTINUING, SENTENCE_FINAL, display_width, non_space
from edition.paths import Paths
from edition.translate import po as pofile

SEED = 6  # issue 6: every run writes the same editions
PDF, WEB = "pdf", "web"
PROVENANCE = "benchmark (scripts/bench.py) copy of the real translation of the same Chinese, 2026-12-02"



def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- seed material: the real edition's cleaned texts and their English ---------------------------


@dataclass(frozen=True)
class Material:
    titles: tuple[tuple[str, str], ...]  # (Chinese, English)
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...]
    captions: tuple[str, ...]
    english: Mapping[str, str]  # the Chinese without whitespace -> its English in translations/en/


def load_material(paths: Paths | None = None) -> Material:
    paths = paths or Paths()
    with counted_log():
        edition = pipeline.read_and_clean(paths)
    blocks = [block for report in edition.reports for block in report.blocks]

    def texts(kind: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(block.zh for block in blocks if block.kind == kind))

    english = real_translations(paths.translations / pofile.LANGUAGE)
    titles = tuple((title, english.get(non_space(title), "")) for title in texts("title"))
    return Material(titles, texts("paragraph"), texts("heading"), texts("caption"), english)


def real_translations(folder: Path) -> dict[str, str]:
    english: dict[str, str] = {}
    for path in sorted(folder.glob("*.po")):
        for entry in pofile.active_entries(pofile.load_po(path)):
            if entry.msgstr.strip():
                english.setdefault(non_space(entry.msgid), entry.msgstr)
    return english


# --- planning a synthetic edition -----------------------------------------------------------------

PLACES = ("青石", "白沙", "云溪", "柳塘", "松岭", "梅林", "桂山", "兰亭", "竹园", "枫桥", "石门", "清河", "金滩", "玉泉")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN_NAMES = ("晓明", "建华", "丽", "海燕", "志强", "文", "红梅", "国庆", "静", "伟", "秀英", "立新")
BULLETIN = {"zh": "党建工作简报", "en": "Party-Building Work Bulletin"}


def pinyin(text: str) -> str:
    return "".join(lazy_pinyin(text)).capitalize()


@dataclass(frozen=True)
class ReportPlan:
    """One synthetic source holding one report: what is written, and the blocks it should give."""

    index: int
    layout: str
    place: str  # e.g. 青石区
    author: str
    date: str
    title: tuple[str, str]  # (Chinese, English)
    body: tuple[tuple[str, str], ...]  # (kind, Chinese) after the title, in reading order

    @property
    def file(self) -> str:
        return f"{self.index:04d}_{hashlib.sha256(f'bench-{self.index}'.encode()).hexdigest()[:16]}.txt"

    @property
    def slug(self) -> str:
        return f"{pinyin(self.place[:-1]).lower()}-{self.index:04d}"

    @property
    def place_en(self) -> str:
        return f"{pinyin(self.place[:-1])} {'District' if self.place.endswith('区') else 'County'}"

    @property
    def author_en(self) -> str:
        return f"{pinyin(self.author[0])} {pinyin(self.author[1:])}"

    @property
    def office(self) -> dict[str, str]:
        return {"zh": f"{self.place}委组织部", "en": f"Organisation Department of the {self.place_en} Party Committee"}

    @property
    def outlet(self) -> dict[str, str]:
        if self.layout == PDF:
            return BULLETIN
        return {"zh": f"{self.place}新闻网", "en": f"{pinyin(self.place[:-1])} News Network"}

    @property
    def byline(self) -> str | None:
        return f"（{self.office['zh']}  {self.author}）" if self.layout == PDF else None

    @property
    def byline_en(self) -> str:
        return f"({self.office['en']}, {self.author_en})"

    def blocks(self) -> list[tuple[str, str]]:
        """What the pipeline should find: (kind, Chinese without whitespace)."""
        planned = [("title", self.title[0]), *self.body]
        if self.byline:
            planned.append(("byline", self.byline))
        return [(kind, non_space(text)) for kind, text in planned]


def plan_edition(n: int, material: Material, seed: int = SEED) -> list[ReportPlan]:
    rng = random.Random(seed)
    return [plan_report(rng, material, index) for index in range(1, n + 1)]


def plan_report(rng: random.Random, material: Material, index: int) -> ReportPlan:
    layout = PDF if index % 2 else WEB
    place = rng.choice(PLACES) + rng.choice("区县")
    author = rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)
    date = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = rng.choice(material.titles)
    return ReportPlan(index, layout, place, author, date, title, tuple(plan_body(rng, material, layout)))


def plan_body(rng: random.Random, material: Material, layout: str) -> list[tuple[str, str]]:
    """9-15 paragraphs in a new order, 2-4 headings between them (never two in a row, never straight
    after the title) and, on web pages, 1-4 photo captions after paragraphs."""
    paragraphs = rng.sample(material.paragraphs, rng.randint(9, 15))
    # A heading ending in a dash (背景——) reads as an unfinished line in a PDF: web pages only.
    usable = [h for h in material.headings if layout == WEB or not h.endswith("—")]
    count = rng.randint(2, 4)
    headings = dict(zip(sorted(rng.sample(range(1, len(paragraphs)), count)), rng.sample(usable, count), strict=True))
    count = rng.randint(1, 4) if layout == WEB else 0
    captions = dict(zip(sorted(rng.sample(range(len(paragraphs)), count)), rng.sample(material.captions, count),
                        strict=True))
    body: list[tuple[str, str]] = []
    for position, paragraph in enumerate(paragraphs):
        if position in headings:
            body.append(("heading", headings[position]))
        body.append(("paragraph", paragraph))
        if position in captions:
            body.append(("caption", captions[position]))
    return body


# --- writing the sources ----------------------------------------------------------------------------

PAGE = 60  # columns of a hard-wrapped PDF line: 30 Chinese characters
LOST_INDENT = 4  # a paragraph's first line lost its two-character indent in the extraction
HEADLINE = 44  # columns: a headline line is well short of the page
NAV_MENU = "首页|新闻|时政|社会|财经|专题|视频|图片"


def render(plan: ReportPlan) -> str:
    return render_pdf(plan) if plan.layout == PDF else render_web(plan)


def render_pdf(plan: ReportPlan) -> str:
    """A bulletin's PDF text extraction: masthead, wrapped headline, hard-wrapped paragraphs, byline;
    a blank line after every line, as in the real extractions."""
    lines = [f"{BULLETIN['zh']}（第{plan.index}期）", *headline_lines(plan.title[0])]
    for kind, text in plan.body:
        lines += [text] if kind == "heading" else wrap(text)
    lines.append(plan.byline or "")
    return "".join(f"{line}\n\n" for line in lines)


def render_web(plan: ReportPlan) -> str:
    """A news web page's text extraction: menu, breadcrumb, title, date/source line, one paragraph a
    line, a photo caption after an empty gap where the photo was, then share buttons and footer."""
    outlet = plan.outlet["zh"]
    clock = f"{9 + plan.index % 9:02d}:{plan.index * 7 % 60:02d}"
    lines = [NAV_MENU, f"您所在的位置:{outlet} > 新闻 > 正文", "", plan.title[0], "", f"{plan.date} {clock} 来源:{outlet}", ""]
    for kind, text in plan.body:
        if kind == "caption":
            lines.append("")
        lines += [text, ""]
    lines += ["分享到:", "相关阅读:", f"Copyright © {plan.date[:4]} {outlet} 版权所有"]
    return "\n".join(lines) + "\n"


def headline_lines(title: str) -> list[str]:
    """A headline wrapped like the real ones: at its spaces, and where a part is too wide."""
    lines = []
    for part in title.split():
        while display_width(part) > HEADLINE:
            cut = _fitting(part, 0, HEADLINE)
            while cut > 1 and part[cut - 1] in CONTINUING + "—":
                cut -= 1  # a headline line never ends where the sentence obviously goes on
            lines.append(part[:cut])
            part = part[cut:]
        lines.append(part)
    return lines


def wrap(text: str) -> list[str]:
    """Hard-wrap a paragraph like a PDF extraction: lines of PAGE columns, the first short by the lost
    indent. No line but the last ends a sentence, and no number or word is split."""
    lines: list[str] = []
    start, first = 0, True
    while start < len(text):
        end = _fitting(text, start, PAGE - LOST_INDENT if first else PAGE)
        if first:  # break earlier, so the first line stays short by its lost indent
            while end - 1 > start and end < len(text) and _unbreakable(text, end):
                end -= 1
        while end < len(text) and _unbreakable(text, end):
            end += 1
        lines.append(text[start:end])
        start, first = end, False
    return lines


def _fitting(text: str, start: int, columns: int) -> int:
    end, used = start, 0
    while end < len(text) and used + display_width(text[end]) <= columns:
        used += display_width(text[end])
        end += 1
    return end


def _unbreakable(text: str, index: int) -> bool:
    before, after = text[index - 1], text[index]
    return (
        before in SENTENCE_FINAL + CLOSERS
        or " " in (before, after)
        or (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())
    )


def catalog(plans: Sequence[ReportPlan]) -> dict[str, Any]:
    title = {"zh": f"党建引领征拆：基准测试合成版（{len(plans)}篇）",
             "en": f"Synthetic benchmark edition ({len(plans)} reports)"}
    return {"edition": {"title": title}, "sources": [source_entry(plan) for plan in plans]}


def source_entry(plan: ReportPlan) -> dict[str, Any]:
    pdf = plan.layout == PDF
    kind = "internal Party bulletin (PDF text extraction)" if pdf else "web news report (web-page extraction)"
    genre = f"synthetic {kind}, written by scripts/bench.py"
    date = {"value": None if pdf else plan.date, "note": "Synthetic source for benchmarks."}
    report = {
        "slug": plan.slug,
        "label": f"{pinyin(plan.place[:-1])} {plan.index}",
        "title": {"zh": plan.title[0], "en": plan.title[1]},
        "outlet": plan.outlet,
        "date": date,
        "place": {"province": None, "city": None, "county": {"zh": plan.place, "en": plan.place_en},
                  "street": None, "note": "Synthetic place name."},
        "authors": [{"zh": plan.author, "en": plan.author_en, "role": "author"},
                    {**plan.office, "role": "issuing office"}],
        "byline": plan.byline,
        "genre": genre,
    }
    issuer = plan.office if pdf else None
    return {"file": plan.file, "publication": plan.outlet, "issuer": issuer, "date": date, "genre": genre,
            "reports": [report]}


def write_sources(paths: Paths, plans: Sequence[ReportPlan]) -> None:
    sums = []
    for plan in plans:
        data = render(plan).encode("utf-8")
        (paths.seeds / plan.file).write_bytes(data)
        sums.append(f"{hashlib.sha256(data).hexdigest()}  {plan.file}\n")
    (paths.seeds / "SHA256SUMS").write_text("".join(sums), encoding="utf-8")
    text = yaml.dump(catalog(plans), Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1000)
    paths.catalog.write_text("# Synthetic catalog written by scripts/bench.py.\n" + text, encoding="utf-8")


class _PlainDumper(yaml.SafeDumper):
    """Writes a shared value out each time (no &id001 anchors), as an editor would."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


# --- the synthetic repository ---------------------------------------------------------------------

EDITORIAL = ("glossary.yaml", "mkdocs.yml", "CITATION.cff", "overrides")
# Hand-written pages link to the real reports' pages, which a synthetic edition does not have.
_REAL_REPORT_LINK = re.compile(r"\[([^\]]+)\]\((?:reports|sources)/(?!index\.md)[^)]*\)")


def copy_layout(root: Path, repository: Path | None = None) -> Paths:
    """The repository's code, configuration, glossary and hand-written pages; no sources, anchors or
    translations (tests/conftest.py copies the same things)."""
    repository = repository or Paths().root
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repository / "edition.yml", root / "edition.yml")
    paths = Paths(root)
    ignore = shutil.ignore_patterns("__pycache__", ".cache")
    for name in EDITORIAL:
        source = repository / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, root / name)
    _drop_report_bound_variants(root / "glossary.yaml")
    generated = [folder.name for folder in Paths(repository).generated_docs]
    shutil.copytree(repository / "docs", paths.docs, ignore=shutil.ignore_patterns(*generated))
    for page in paths.docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(_REAL_REPORT_LINK.sub(r"\1", text), encoding="utf-8")
    for folder in (paths.seeds, paths.anchors, paths.translations / pofile.LANGUAGE):
        folder.mkdir(parents=True, exist_ok=True)
    return paths


def _drop_report_bound_variants(glossary: Path) -> None:
    """A variant the glossary allows in named reports (``reports: [slug]``) names this edition's reports,
    which a synthetic edition does not have under those slugs: the copy leaves such variants out."""
    if not glossary.exists():
        return
    terms = yaml.safe_load(glossary.read_text(encoding="utf-8")) or []
    for term in terms:
        term["en_variants"] = [v for v in term.get("en_variants") or [] if not (isinstance(v, dict) and "reports" in v)]
    glossary.write_text(yaml.safe_dump(terms, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


@dataclass(frozen=True)
class Segmentation:
    """How the pipeline cut the synthetic sources, compared with the plan."""

    planned_blocks: int
    built_reports: int
    built_blocks: int
    exact: int  # reports built with exactly the planned blocks (kind and text)
    wrong_layout: int  # sources whose layout was not detected as written
    problems: tuple[str, ...]  # build errors, then the first differences


@dataclass
class Synthetic:
    paths: Paths
    plans: list[ReportPlan]
    segmentation: Segmentation
    translated: int  # entries given English
    untranslated: int


def generate(root: Path, n: int, *, seed: int = SEED, material: Material | None = None) -> Synthetic:
    """Write a synthetic edition of n reports into root, build it once (which creates the anchor
    ledgers and PO files), check the segmentation and fill in the English."""
    material = material or load_material()
    paths = copy_layout(root)
    plans = plan_edition(n, material, seed)
    write_sources(paths, plans)
    with counted_log():
        edition = pipeline.build(paths)
    segmentation = compare_segmentation(plans, edition)
    translated, untranslated = fill_translations(paths, plans, material)
    return Synthetic(paths, plans, segmentation, translated, untranslated)


def compare_segmentation(plans: Sequence[ReportPlan], edition: pipeline.Edition) -> Segmentation:
    built = {report.slug: report for report in edition.reports}
    layouts = {source.source.file: source.source.layout for source in edition.sources}
    problems = list(edition.problems)
    exact = 0
    for plan in plans:
        report = built.get(plan.slug)
        found = [(block.kind, non_space(block.zh)) for block in report.blocks] if report else []
        if found == plan.blocks():
            exact += 1
        elif len(problems) < 5:
            problems.append(_difference(plan, found))
    return Segmentation(
        planned_blocks=sum(len(plan.blocks()) for plan in plans),
        built_reports=len(edition.reports),
        built_blocks=sum(len(report.blocks) for report in edition.reports),
        exact=exact,
        wrong_layout=sum(layouts.get(plan.file) != plan.layout for plan in plans),
        problems=tuple(problems),
    )


def _difference(plan: ReportPlan, found: list[tuple[str, str]]) -> str:
    planned = plan.blocks()
    at = next((i for i, pair in enumerate(zip(planned, found, strict=False)) if pair[0] != pair[1]),
              min(len(planned), len(found)))

    def show(blocks: list[tuple[str, str]]) -> str:
        return f"{blocks[at][0]} {blocks[at][1][:16]}…" if at < len(blocks) else "nothing"

    return (f"{plan.file} ({plan.layout}): {len(planned)} blocks planned, {len(found)} built; "
            f"block {at + 1}: planned {show(planned)}, built {show(found)}")


def fill_translations(paths: Paths, plans: Sequence[ReportPlan], material: Material) -> tuple[int, int]:
    """Put the real English of the same Chinese in every entry, as a draft with its provenance."""
    bylines = {non_space(plan.byline): plan.byline_en for plan in plans if plan.byline}
    translated = untranslated = 0
    for plan in plans:
        path = pofile.po_path(paths.translations, plan.slug)
        po = pofile.load_po(path)
        for entry in pofile.active_entries(po):
            key = non_space(entry.msgid)
            english = material.english.get(key) or bylines.get(key)
            if english is None:
                untranslated += 1
                continue
            if pofile.status(entry) == pofile.MISSING:
                pofile.set_draft(entry, english, PROVENANCE)
            translated += 1
        pofile.save_po(po, path)
    return translated, untranslated


# --- measuring ------------------------------------------------------------------------------------

# The stages as build() calls them: (label, function name in edition.pipeline).


class _LogCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings = 0
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())
        else:
            self.warnings += 1


@contextmanager
def counted_log() -> Iterator[_LogCounter]:
    """The pipeline's log, counted instead of printed (QA findings are warnings, thousands of them)."""
    logger = logging.getLogger("edition")
    counter = _LogCounter()
    saved = (logger.handlers[:], logger.level, logger.propagate)
    logger.handlers[:] = [counter]
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield counter
    finally:
        logger.handlers[:] = saved[0]
        logger.setLevel(saved[1])
        logger.propagate = saved[2]
