"""The readers of PDFs, saved web pages and Word documents (edition.read): what each says of every line,
what is kept as the diplomatic text, and a clear error for every file that cannot be read."""

from __future__ import annotations

import pytest

from edition.errors import EditionError
from edition.read.document import document_from_bytes, read_document
from edition.read.html import read_html
from edition.read.sniff import sniff
from tests.documents import Item, blank_pdf, typeset_pdf, word

PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="{charset}"><title>某镇推进改造_某某网</title>
<meta property="og:title" content="某镇推进改造"><meta name="author" content="李明">
<script>var x = "<p>不是正文</p>";</script><style>p {{ color: red }}</style></head><body>
<header><div class="logo">某某网</div></header><nav><a href="/">首页</a><a href="/n">新闻</a></nav>
<div class="breadcrumb">当前位置：首页 > 新闻</div>
<article><h1>某镇推进改造</h1><div class="info">2023-05-06 来源：某某网</div>
<p>今年以来，某镇坚持党建引领，推进老旧小区改造。</p><h3>一、支部建在项目上</h3>
<figure><img src="a.jpg"><figcaption>党员入户走访。某镇供图</figcaption></figure>
<p><strong>突出党建引领</strong></p><p>镇党委成立临时党支部，逐户听取意见。</p>
<div class="share">分享到：微信 微博</div></article>
<aside><ul><li>相关阅读：某区加快征收</li></ul></aside><footer>版权所有 某某网 ICP备12345号</footer>
</body></html>"""


def test_sniffing_goes_by_the_bytes():
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert sniff(word([("plain", "一段。")])) == "docx"
    assert sniff(b"\xef\xbb\xbf  <!DOCTYPE html><html>") == "html"
    assert sniff("<html><body>页</body></html>".encode("utf-16")) == "html"
    assert sniff("一段文字。".encode()) == "text"


@pytest.mark.parametrize(("data", "file", "says"), [
    (b"%PDF-1.4 ...", "a.txt", r"seeds/a\.txt: is named \.txt but holds a PDF: rename it \(\.pdf\)"),
    ("一段文字。".encode(), "a.docx", r"is named \.docx but is not a Word document \(\.docx\) \(a \.docx file is a zip "
                                     r"archive and this file is not one\): it is damaged, or another kind of file"),
    (bytes(range(256)) * 4, "a.pdf", r"is named \.pdf but is not a PDF \(a PDF starts with %PDF-"),
    ("<html><body>页</body></html>".encode(), "a.docx", r"is named \.docx but holds an HTML page: rename it \(\.html\)"),
    (b"PK\x03\x04" + bytes(40), "a.docx", r"is a zip archive but not a Word document"),
    (b"hello", "a.odt", r"is a \.odt file, which the edition does not read \(it reads \.docx, .*\.txt"),
    (b"   \n", "a.pdf", r"the file is empty"),
])
def test_a_misnamed_or_unreadable_kind_of_file_is_one_clear_error(data, file, says):
    with pytest.raises(EditionError, match=says):
        document_from_bytes(data, file, f"seeds/{file}")




@pytest.mark.parametrize(("damage", "says"), [
    (lambda: blank_pdf(encrypt=True), r"seeds/x\.pdf: is an encrypted \(password-protected\) PDF: save an unprotected"),
    (lambda: blank_pdf()[:200], r"seeds/x\.pdf: is not a readable PDF \(damaged or truncated\?\): PSEOF"),
    (lambda: blank_pdf()[:-30], r"is not a readable PDF \(damaged or truncated\?\): PDFSyntaxError"),
    (lambda: blank_pdf(), r"seeds/x\.pdf: is a PDF of 1 page\(s\) with no text layer \(a scan\?\): OCR it first"),
])
def test_a_pdf_that_cannot_be_read_says_why(damage, says):
    with pytest.raises(EditionError, match=says):
        document_from_bytes(damage(), "x.pdf", "seeds/x.pdf")


def test_a_pdf_gives_every_line_of_its_text_layer_with_page_size_and_position():
    data = typeset_pdf([Item("title", "某镇推进改造"), Item("paragraph", "今年以来，某镇坚持党建引领。" * 8)],
                       lines_per_page=40)
    source = document_from_bytes(data, "x.pdf")
    assert source.format == "pdf" and source.layout == "pdf-layout"
    assert source.lines[0] == "某某工作简报"  # the running header: kept in the diplomatic text, left out later
    assert source.lines[-1] == "- 1 -"
    title = source.hints[2]
    assert (title.page, title.size) == (1, 20.0) and 0.3 < title.left < title.right < 0.7
    assert source.hints[3].size == 12.0 and source.hints[3].left > source.hints[4].left  # the indent
    assert "".join(source.lines[2:-1]) == "今年以来，某镇坚持党建引领。" * 8  # exactly the text layer's


def test_a_web_page_marks_its_chrome_article_title_headings_and_captions():
    page = read_html(PAGE.format(charset="utf-8").encode(), "x.html")
    hint = dict(zip(page.lines, (page.hints.get(n + 1) for n in range(len(page.lines))), strict=True))
    assert "不是正文" not in "".join(page.lines) and "color" not in "".join(page.lines)
    assert hint["首页新闻"].role == "chrome" and hint["某某网"].role == "chrome"  # nav, page header
    assert hint["当前位置：首页 > 新闻"].role == "chrome"  # a breadcrumb trail, by its class
    assert hint["分享到：微信 微博"].role == "chrome"  # a share bar, inside the article too
    assert hint["相关阅读：某区加快征收"].role == "chrome" and hint["版权所有 某某网 ICP备12345号"].role == "chrome"
    assert hint["某镇推进改造"].role == "title"
    assert hint["一、支部建在项目上"].role == "heading" and hint["一、支部建在项目上"].level == 3
    assert hint["党员入户走访。某镇供图"].role == "caption"
    assert hint["突出党建引领"].bold and hint["今年以来，某镇坚持党建引领，推进老旧小区改造。"].role is None
    assert page.metadata["title"] == "某镇推进改造_某某网" and page.metadata["author"] == "李明"


@pytest.mark.parametrize("charset", ["gb2312", "gbk", "gb18030"])
def test_a_page_declared_gb2312_is_read_as_gb18030(charset):
    data = PAGE.format(charset=charset).encode("gb18030")
    source = document_from_bytes(data, "x.html")
    assert source.encoding == "gb18030" and "镇党委成立临时党支部，逐户听取意见。" in source.lines


def test_a_page_whose_bytes_are_not_its_declared_encoding_names_the_byte():
    data = PAGE.format(charset="utf-8").encode("gb18030")
    with pytest.raises(EditionError, match=r"seeds/x\.html:1: is not utf-8 as it declares: invalid continuation byte at byte \d+"):
        document_from_bytes(data, "x.html", "seeds/x.html")


def test_a_word_document_gives_its_styles_header_footer_and_properties():
    data = word([("Title", "某镇推进改造"), ("Subtitle", "支部建在项目上"), ("plain", "今年以来，某镇推进改造。"),
                 ("Heading 2", "一、主要做法"), ("Caption", "党员入户走访。"), ("centred-bold", "居中加粗"),
                 ("plain", "")], header="某某日报", footer="- 1 -", title="某镇推进改造")
    source = document_from_bytes(data, "x.docx")
    assert source.format == "docx" and source.layout == "structured"
    roles = {line: source.hints[n].role for n, line in enumerate(source.lines, start=1) if n in source.hints}
    assert roles["某某日报"] == "furniture" and roles["- 1 -"] == "furniture"
    assert roles["某镇推进改造"] == "title" and roles["支部建在项目上"] == "subtitle"
    assert roles["一、主要做法"] == "heading" and roles["党员入户走访。"] == "caption"
    centred = next(source.hints[n] for n, line in enumerate(source.lines, start=1) if line == "居中加粗")
    assert centred.bold and centred.centred
    assert source.metadata["title"] == "某镇推进改造"


def test_read_document_names_a_file_it_cannot_open(tmp_path):
    with pytest.raises(EditionError, match=r"seeds/gone\.pdf: cannot be read"):
        read_document(tmp_path / "gone.pdf", "seeds/gone.pdf")
