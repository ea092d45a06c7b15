"""Page templates: the edition's own templates folder overrides the engine's, page by page and partial by
partial (as Material's ``custom_dir``), and pages tag the original with the edition's source language."""

from __future__ import annotations

import re

import yaml

from edition.paths import Paths
from edition.pipeline import build
from edition.write import theme
from edition.write.render import ENGINE_TEMPLATES, render
from tests.small_edition import FIRST, SECOND

MARK = "<!-- the edition's own {} -->"


def override(paths: Paths, name: str, folder: str = "templates") -> str:
    """Put a copy of the engine's template ``name`` with a marker into the edition's ``folder``."""
    marker = MARK.format(name)
    target = paths.root / folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    text = (ENGINE_TEMPLATES / name).read_text(encoding="utf-8")
    anchor = {"report.md.j2": "{{ title }}", "_block.j2": "{% macro block_row(view) %}\n"}[name]
    assert anchor in text  # (the newline after a block tag is dropped anyway: trim_blocks)
    target.write_text(text.replace(anchor, anchor.rstrip("\n") + marker, 1), encoding="utf-8")
    return marker


def configured(paths: Paths, **sections: dict[str, object]) -> Paths:
    file = paths.root / "edition.yml"
    data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    for name, values in sections.items():
        data[name] = {**(data.get(name) or {}), **values}
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Paths(paths.root)


def page(paths: Paths, slug: str) -> str:
    return (paths.docs / "reports" / f"{slug}.md").read_text(encoding="utf-8")


def test_the_editions_templates_override_pages_and_partials(small_edition: Paths) -> None:
    before = {slug: page(small_edition, slug) for slug in (FIRST, SECOND)}
    glossary_before = (small_edition.docs / "glossary" / "index.md").read_text(encoding="utf-8")
    report_mark = override(small_edition, "report.md.j2")
    block_mark = override(small_edition, "_block.j2")  # a partial, imported by block.j2
    build(small_edition)
    for slug in (FIRST, SECOND):
        text = page(small_edition, slug)
        assert text.count(report_mark) == 1, slug
        blocks = len(re.findall(r'<div class="block block--', before[slug]))
        assert blocks and text.count(block_mark) == blocks, slug  # every block through the edition's partial
        assert text.replace(report_mark, "").replace(block_mark, "") == before[slug]  # and nothing else changed
    # a page the edition does not override is the engine's
    assert (small_edition.docs / "glossary" / "index.md").read_text(encoding="utf-8") == glossary_before


def test_the_templates_folder_is_the_one_edition_yml_names(small_edition: Paths) -> None:
    paths = configured(small_edition, folders={"templates": "layout/pages"})
    marker = override(paths, "report.md.j2", folder="layout/pages")
    override(paths, "_block.j2", folder="templates")  # not the configured folder: ignored
    build(paths)
    text = page(paths, FIRST)
    assert marker in text and MARK.format("_block.j2") not in text


def test_without_an_override_folder_pages_are_the_engines() -> None:
    with theme.using(theme.Theme(templates=None)):
        assert render("withdrawn.md.j2", slug="x", reason="gone") == render("withdrawn.md.j2", slug="x", reason="gone",
                                                                            overrides=None)


def test_pages_tei_and_tmx_tag_the_original_with_the_source_language(small_edition: Paths) -> None:
    before = page(small_edition, FIRST)
    assert 'lang="zh-Hans"' in before
    paths = configured(small_edition, languages={"source": "zh-Hant"})
    build(paths)
    text = page(paths, FIRST)
    assert 'lang="zh-Hant"' in text and "zh-Hans" not in text
    # the language is all that changed, but for the reading aids, which are for simplified characters only
    aids = re.compile(r'<div class="reading-aids".*?</div>\n|<div class="block-zh-hant".*?</div>', re.S)
    assert 'class="reading-aids"' in before and 'class="reading-aids"' not in text
    assert text == aids.sub("", before).replace("zh-Hans", "zh-Hant")
    for generated in ("glossary", "sources"):
        for file in (paths.docs / generated).glob("*.md"):
            assert "zh-Hans" not in file.read_text(encoding="utf-8"), file
    tei = (paths.build / "tei" / f"{FIRST}.xml").read_text(encoding="utf-8")
    assert 'xml:lang="zh-Hant"' in tei and "zh-Hans" not in tei and '<language ident="zh-Hant">' in tei
    tmx = (paths.build / "translation-memory.tmx").read_text(encoding="utf-8")
    assert 'srclang="zh-Hant"' in tmx and 'xml:lang="zh-Hant"' in tmx and "zh-Hans" not in tmx


def test_chinese_inside_free_text_is_tagged_and_everything_escaped():
    from edition.write.render import tagged

    assert str(tagged("phase four (城改四期) and <b>")) == (
        'phase four (<span lang="zh-Hans">城改四期</span>) and &lt;b&gt;')
    assert str(tagged("（衢江区委组织部 饶新）")) == '<span lang="zh-Hans">（衢江区委组织部 饶新）</span>'
    assert str(tagged("2023-11-07")) == "2023-11-07"
