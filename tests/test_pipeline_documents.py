"""A report arriving as a PDF, a saved web page and a Word document (each made here from the edition's own
text), dropped into seeds/ without a catalog entry: each comes out with the blocks of the text seed it was
made from, every character accounted for; the original is kept byte for byte, listed in SHA256SUMS and
offered for download, and the diplomatic view links each PDF block to its page."""

from __future__ import annotations

import hashlib
import html
import re

import pytest

from edition.clean.radicals import TABLE as RADICALS
from edition.paths import Paths
from edition.pipeline import Edition, build
from tests.conftest import copy_repository
from tests.documents import Item, typeset_pdf, word

REPORT = "pinghu-river-expropriation"  # kicker, title, subtitle, headings, a caption and paragraphs
STYLES = {"title": "Title", "subtitle": "Subtitle", "heading": "Heading 2", "caption": "Caption"}


def web_page(blocks: list[tuple[str, str]]) -> bytes:
    tags = {"title": "<h1>{}</h1>", "subtitle": "<h2>{}</h2>", "kicker": '<p class="kicker">{}</p>',
            "heading": "<h3>{}</h3>", "caption": '<figure><img src="a.jpg" alt=""><figcaption>{}</figcaption></figure>'}
    body = "".join(tags.get(kind, "<p>{}</p>").format(html.escape(text)) for kind, text in blocks)
    return ('<!DOCTYPE html><html><head><meta charset="gb2312"><title>某某网</title></head><body>'
            '<header><div class="logo">某某网</div><nav><a href="/">首页</a> <a href="/n">新闻</a></nav></header>'
            '<div class="breadcrumb">当前位置：首页 &gt; 新闻</div>'
            f'<article>{body}<div class="share">分享到：微信 微博</div></article>'
            '<aside><ul><li>相关阅读：某区加快征收</li></ul></aside><footer>版权所有 某某网</footer>'
            "</body></html>").encode("gb18030")


@pytest.fixture(scope="module")
def arrived(tmp_path_factory) -> tuple[Paths, Edition, dict[str, bytes], list[tuple[str, str]]]:
    paths = copy_repository(tmp_path_factory.mktemp("documents") / "repo")
    seed = next(r for r in build(paths).reports if r.slug == REPORT)
    blocks = [(b.kind, b.zh) for b in seed.blocks]
    files = {
        "100_report.pdf": typeset_pdf([Item(kind, text) for kind, text in blocks]),
        "101_report.docx": word([(STYLES.get(kind, "plain"), text) for kind, text in blocks],
                                header="某某日报", footer="- 1 -"),
        "102_report.html": web_page(blocks),
    }
    for name, data in files.items():
        (paths.seeds / name).write_bytes(data)
    return paths, build(paths), files, blocks


@pytest.mark.parametrize("file", ["100_report.pdf", "101_report.docx", "102_report.html"])
def test_each_format_gives_the_blocks_of_the_text_seed(arrived, file):
    _, edition, _, blocks = arrived
    [source] = [s for s in edition.sources if s.source.file == file]
    [report] = source.reports
    assert [(b.kind, b.zh) for b in report.blocks] == blocks
    assert not edition.problems


@pytest.mark.parametrize("file", ["100_report.pdf", "101_report.docx", "102_report.html"])
def test_every_character_of_the_extracted_text_is_accounted_for(arrived, file):
    _, edition, _, _ = arrived
    [source] = [s for s in edition.sources if s.source.file == file]
    fold = str.maketrans({**RADICALS, ord("⸺"): "——", ord("⸻"): "———"})
    kept = [b.zh for r in source.reports for b in r.blocks] + [p.zh for p in source.paratext]
    kept += [o.text for o in source.omissions]
    assert sorted("".join("".join(kept).split())) == sorted("".join(source.source.text.translate(fold).split()))


def test_the_originals_are_kept_listed_and_offered_byte_for_byte(arrived):
    paths, _, files, _ = arrived
    sums = (paths.seeds / "SHA256SUMS").read_text(encoding="utf-8")
    for name, data in files.items():
        assert (paths.seeds / name).read_bytes() == data
        assert f"{hashlib.sha256(data).hexdigest()}  {name}\n" in sums
        assert (paths.docs / "data" / "seeds" / name).read_bytes() == data
    assert (paths.docs / "data" / "seeds" / "SHA256SUMS").read_text(encoding="utf-8") == sums


def test_the_diplomatic_view_links_the_original_and_each_pdf_block_to_its_page(arrived):
    paths, edition, _, _ = arrived
    [source] = [s for s in edition.sources if s.source.file == "100_report.pdf"]
    pages = {page for r in source.reports for b in r.blocks for page in b.pages}
    assert len(pages) > 1 and all(b.pages for r in source.reports for b in r.blocks)
    page = (paths.docs / "sources" / "100_report.md").read_text(encoding="utf-8")
    assert 'href="../../data/seeds/100_report.pdf"' in page
    assert {int(n) for n in re.findall(r'100_report\.pdf#page=(\d+)"', page)} == pages
    report = (paths.docs / "reports" / f"{source.reports[0].slug}.md").read_text(encoding="utf-8")
    cited = re.findall(r'100_report\.pdf, lines? [\d–]+</a>, <a (?:tabindex="-1" )?href="\.\./\.\./data/seeds/100_report'
                       r'\.pdf#page=(\d+)" title="This block in the original PDF">pp?\. (\d+)', report)
    assert len(cited) == len(source.reports[0].blocks) and all(a == b for a, b in cited)  # each its lines and page
