"""Segmenting a source whose markup says what each line is (edition.clean.structured): a saved web
page's or a Word document's lines, with the hints their readers give (here written by hand)."""

from __future__ import annotations

from edition.clean.structured import segment_structured
from edition.model import Block, LineHint, Omission, Paratext, Source

PARAGRAPH = "今年以来，某镇坚持党建引领，把老旧小区改造作为民生实事，成立临时党支部，组织党员干部入户宣传政策。"


def source(*lines: tuple[str, LineHint | None]) -> Source:
    return Source("x.html", "\n".join(text for text, _ in lines), "utf-8", "0" * 64, "structured", "html",
                  {n: hint for n, (_, hint) in enumerate(lines, start=1) if hint is not None})


def kinds(pieces) -> list[tuple[str, str, str]]:
    out = []
    for piece in pieces:
        if isinstance(piece, Block | Paratext):
            out.append((piece.kind, piece.zh, piece.rule))
        elif isinstance(piece, Omission):
            out.append(("omitted", piece.text, piece.rule))
    return out


CHROME = LineHint(role="chrome", reason="navigation (<nav>)", outside=True)
TITLE = LineHint(role="title")


def test_markup_roles_decide_and_chrome_keeps_its_reason():
    pieces = segment_structured(source(("首页 新闻", CHROME), ("某镇推进改造", TITLE), ("2023-05-06 来源：某某网", None),
                                       (PARAGRAPH, None), ("一、主要做法", LineHint(role="heading", level=3)),
                                       ("党员入户走访。", LineHint(role="caption")), (PARAGRAPH, None)))
    assert kinds(pieces) == [
        ("omitted", "首页 新闻", "markup-chrome"), ("title", "某镇推进改造", "markup-title"),
        ("dateline", "2023-05-06 来源：某某网", "dateline"), ("paragraph", PARAGRAPH, "markup-paragraph"),
        ("heading", "一、主要做法", "markup-heading"), ("caption", "党员入户走访。", "markup-caption"),
        ("paragraph", PARAGRAPH, "markup-paragraph"),
    ]
    assert next(p for p in pieces if isinstance(p, Omission)).reason == "navigation (<nav>)"


def test_a_document_without_styles_takes_its_title_kicker_and_captions_from_bold_and_centring():
    bold_centred = LineHint(bold=True, centred=True)
    pieces = segment_structured(source(("某镇", bold_centred), ("党建引领推进老旧小区改造", bold_centred),
                                       (PARAGRAPH, None), ("突出党建引领", LineHint(bold=True)),
                                       ("党员入户走访", LineHint(centred=True)), ("召开动员部署会。某镇供图", None),
                                       (PARAGRAPH, None)))
    assert [(k, t) for k, t, _ in kinds(pieces)] == [
        ("kicker", "某镇"), ("title", "党建引领推进老旧小区改造"), ("paragraph", PARAGRAPH), ("heading", "突出党建引领"),
        ("caption", "党员入户走访"), ("caption", "召开动员部署会。某镇供图"), ("paragraph", PARAGRAPH),
    ]
    assert [rule for *_, rule in kinds(pieces)][3:6] == ["bold-heading", "centred-caption", "caption-credit"]


def test_a_line_named_as_a_site_is_no_kicker_and_an_account_line_is_paratext():
    pieces = segment_structured(source(("红网时刻新闻", None), ("某镇推进改造", TITLE), ("搜狐号：某某发布", None),
                                       (PARAGRAPH, None)))
    assert [k for k, *_ in kinds(pieces)] == ["omitted", "title", "dateline", "paragraph"]


def test_a_bulletins_masthead_distribution_list_and_colophon_are_paratext():
    pieces = segment_structured(source(("宜春组工", LineHint(bold=True, centred=True)), ("2023年4月2日　第25期", None),
                                       ("某镇推进改造", LineHint(bold=True, centred=True)), (PARAGRAPH, None),
                                       ("送：各县（市、区）委组织部", None), ("某市委组织部办公室 2023年5月6日印发", None)))
    assert [(k, t) for k, t, _ in kinds(pieces)] == [
        ("masthead", "宜春组工\n2023年4月2日　第25期"), ("title", "某镇推进改造"), ("paragraph", PARAGRAPH),
        ("distribution", "送：各县（市、区）委组织部"), ("colophon", "某市委组织部办公室 2023年5月6日印发"),
    ]


def test_after_the_last_prose_a_line_of_chrome_ends_the_article_and_before_it_is_omitted_alone():
    pieces = segment_structured(source(("某镇推进改造", TITLE), (PARAGRAPH, None), ("分享到：微信 微博", None),
                                       (PARAGRAPH, None), ("相关阅读", None), ("某区加快征收", None)))
    assert [(k, r) for k, _, r in kinds(pieces)] == [
        ("title", "markup-title"), ("paragraph", "markup-paragraph"), ("omitted", "share-buttons"),
        ("paragraph", "markup-paragraph"), ("omitted", "related-articles"), ("omitted", "page-tail"),
    ]


def test_without_a_title_in_the_markup_the_first_headline_is_taken_with_a_doubt():
    doubts = []
    pieces = segment_structured(source(("某镇推进改造", None), (PARAGRAPH, None)), doubts)
    assert kinds(pieces)[0] == ("title", "某镇推进改造", "first-headline")
    assert doubts and "names no title" in doubts[0].message


def test_the_tail_of_a_page_without_semantic_markup_and_the_accounts_name_under_the_title():
    """Prose under the site's licence line does not keep the article open; after the last paragraph a line
    without a sentence is the page's tail; a bare name between the title and the date line is the account's,
    with a doubt; a breadcrumb-like line with a menu's symbol is no kicker."""
    doubts = []
    pieces = segment_structured(source(
        ("首页 / 正文", None), ("某镇推进改造", TITLE), ("某某发布", None), ("2023-12-19 13:02　某某市人民政府新闻办公室官方账号", None),
        (PARAGRAPH, None), ("相关稿件", None), ("某区加快征收", None), ("【打印本页】【关闭窗口】", None),
        ("网站标识码：3700000063　鲁ICP备05045114号", None), ("为确保最佳浏览效果，建议使用1920×1080分辨率，谷歌、Edge等浏览器浏览。", None)),
        doubts)
    assert [(k, r) for k, _, r in kinds(pieces)] == [
        ("omitted", "page-head"), ("title", "markup-title"), ("dateline", "dateline"),
        ("paragraph", "markup-paragraph"), ("omitted", "page-tail"), ("omitted", "page-tail"),
        ("omitted", "share-buttons"), ("omitted", "footer"), ("omitted", "page-tail"),
    ]
    assert kinds(pieces)[2][1].startswith("某某发布\n2023-12-19")  # the name goes on the date line under it
    assert [d.lines for d in doubts] == [(3, 3)]
