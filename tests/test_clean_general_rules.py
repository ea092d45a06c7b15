"""The general rules do the work: new sources of either kind come out right without hints.

Real paragraphs of the edition are laid out again as a PDF extraction (hard-wrapped at some page
width, a blank line after each line, stray spaces around digits, the indent lost) or as a web page
(chrome around the article, a paragraph broken across a blank line), and segmentation must give
the paragraphs back.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from edition.clean.layout import PDF, WEB, detect_layout
from edition.clean.pdf import segment_pdf
from edition.clean.text import display_width
from edition.clean.web import segment_web
from edition.model import Block, Omission
from edition.paths import Paths
from edition.pipeline import read_and_clean

PARAGRAPHS = [
    b.zh
    for r in read_and_clean(Paths()).reports
    for b in r.blocks
    if b.kind == "paragraph" and len(b.zh) > 80 and "，" in b.zh[:40]
]


def _width(c: str) -> int:
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def wrap_like_a_pdf(text: str, width: int) -> list[str]:
    """Hard-wrap at ``width`` columns, never inside a number; the first line loses its indent."""
    lines, line, used, limit = [], "", 0, width - 4
    for token in re.findall(r"[A-Za-z0-9.%+-]+|.", text):
        size = sum(map(_width, token))
        if used + size > limit:
            lines.append(line)
            line, used, limit = "", 0, width
        line += token
        used += size
    lines.append(line)
    return lines


def pdf_document(title: str, paragraphs: list[str], width: int) -> list[str]:
    out = [title[:14], "", " ", ""]
    for paragraph in paragraphs:
        for line in wrap_like_a_pdf(paragraph, width):
            out += [line, ""]
    out += ["（某某区委组织部  张三）", ""]
    return out


def has_evidence(paragraphs: list[str], width: int) -> bool:
    """Every paragraph break shows in the layout: the last line before it is short, or the first line
    after it is narrower than the line that follows by the lost indent. (Without either, a human
    reader of the PDF could not tell either.)"""
    wrapped = [wrap_like_a_pdf(p, width) for p in paragraphs]
    full = max(display_width(line) for lines in wrapped for line in lines)
    for before, after in itertools.pairwise(wrapped):
        short = display_width(before[-1]) <= full - 5
        indent = len(after) > 1 and display_width(after[1]) - display_width(after[0]) >= 3
        if not (short or indent):
            return False
    return True


CLOSING_QUOTE_WRAPPED = [  # wraps so that the closing quote stands alone on the paragraph's last line
    next(p for p in PARAGRAPHS if p.startswith("柯城区以农房整治")),
    next(p for p in PARAGRAPHS if p.startswith("区委将6名抽调干部")),
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=5, unique=True), st.integers(50, 64))
@example(CLOSING_QUOTE_WRAPPED, 64)
def test_pdf_paragraphs_are_rejoined_from_evidence_alone(paragraphs, width):
    assume(has_evidence(paragraphs, width))
    lines = pdf_document("某区党员干部带头推进征收工作", paragraphs, width)
    assert detect_layout(lines) == PDF
    blocks = [p for p in segment_pdf(lines) if isinstance(p, Block)]
    assert [b.kind for b in blocks] == ["title", *["paragraph"] * len(paragraphs), "byline"]
    assert [b.zh for b in blocks[1:-1]] == paragraphs


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=5, unique=True), st.integers(1, 30))
def test_web_page_chrome_is_removed_and_broken_paragraphs_joined(paragraphs, extra):
    body: list[str] = []
    for paragraph in paragraphs:
        body += [paragraph, ""]
    first = paragraphs[0]
    cut = first.index("，") + 1 + extra  # broken after its first clause, somewhere mid-sentence
    while first[cut - 1] in "。，、；：！？”“" and cut < len(first) - 1:
        cut += 1
    body[0:1] = [first[:cut], "", first[cut:]]
    lines = [
        "首页|新闻|时政|图片|视频|专题",
        "您所在的位置:首页 > 新闻 > 正文",
        "",
        "某镇党建引领推进棚户区改造",
        "",
        "2023-05-01 09:00 来源:某某网 作者:某某",
        "",
        *body,
        "分享到:",
        "相关阅读:",
        "关于我们 | 广告服务 | 网站地图",
        "Copyright © 2023 某某网 版权所有",
    ]
    assert detect_layout(lines) == WEB
    pieces = segment_web(lines)
    blocks = [p for p in pieces if isinstance(p, Block)]
    assert blocks[0].kind == "title"
    assert [b.zh for b in blocks[1:]] == paragraphs
    omitted = [p.rule for p in pieces if isinstance(p, Omission)]
    assert omitted[:2] == ["nav-menu", "breadcrumb"] and len(omitted) == 6


UNSEEN_WEB_PAGE = """首页 | 要闻 | 地方 | 党建 | 视频 | 图片
当前位置：首页 > 党建 > 基层党建

龙山区：党建引领破解征迁难题

2021-06-15 09:12　来源：龙山日报　作者：王丽

【字体：大 中 小】　打印本页　关闭窗口

今年以来，龙山区坚持党建引领，把支部建在征迁一线，累计完成房屋征收签约1260户，签约率达98.5%。

一是建强组织堡垒。区里在3个征迁片区成立临时党支部，选派45名机关党员下沉一线，做到“一户一档、一户一策”。

二是压实干部责任。实行“区领导包片、部门包村、党员包户”，每周召开调度会，对进度滞后的片区

挂牌督办，确保任务按期完成。

临时党支部党员入户宣讲征收政策。（龙山区委组织部供图）

三是用心服务群众。设立“征迁服务站”，为困难群众提供搬家、过渡安置等服务，化解矛盾纠纷32起。

（责任编辑：李明）

扫一扫在手机打开当前页
相关新闻
龙山区召开征迁工作推进会
版权所有：龙山日报社　备案号：某ICP备12345678号
"""


def test_a_web_page_of_another_site_comes_out_right():
    """A page in the layout of a site none of the sources comes from: other buttons, a bracketed
    photo credit, an editor line at the end."""
    lines = UNSEEN_WEB_PAGE.split("\n")
    assert detect_layout(lines) == WEB
    pieces = segment_web(lines)
    blocks = [(p.kind, p.lines[0]) for p in pieces if isinstance(p, Block)]
    assert blocks == [("title", 4), ("paragraph", 10), ("paragraph", 12), ("paragraph", 14), ("caption", 18),
                      ("paragraph", 20)]
    omitted = {p.lines[0]: p.rule for p in pieces if isinstance(p, Omission)}
    assert omitted == {1: "nav-menu", 2: "breadcrumb", 8: "share-buttons", 24: "share-buttons",
                       25: "related-articles", 26: "page-tail", 27: "footer"}
    paratext = {p.lines[0]: p.kind for p in pieces if not isinstance(p, Block | Omission)}
    assert paratext == {6: "dateline", 22: "credits"}


UNSEEN_PDF_LINES = [  # a bulletin of another county: letter-spaced masthead, issue number, office and date
    '党 建 工 作 简 报',
    '第 12 期',
    '中共石门县委组织部                2020 年 5 月 6 日',
    '石门县以“红色网格”推动棚改征收提速',
    '今年以来，石门县把党建引领贯穿棚户区改造全过程，以“红色',
    '网格”为抓手，推动征收工作提速增效，截至 4 月底，全县完成棚改',
    '征收签约 2156 户，签约率达 96.3%。',
    '一、建强网格组织',
    '县委组织部牵头，在全县 6 个棚改片区划分 42 个网格，每个',
    '网格成立临时党小组，由一名科级干部任组长，吸纳社区党员、热心',
    '群众参与，做到人员在网格中配置、问题在网格中解决。',
    '二、压实党员责任',
    '推行“党员包户”制度，全县 860 余名党员干部与征收户结对，',
    '上门宣讲政策、帮办手续，一季度累计入户走访 1.2 万余次，收集',
    '意见建议 300 余条，全部建立台账、限时办结。',
    '同时，开展“比学赶超”擂台赛，每周通报各片区签约进度，对排',
    '名靠后的片区主要负责人进行约谈，形成比着干、争着上的浓厚氛围。',
    '（石门县委组织部  李华）',
    '报：市委组织部',
    '送：县委常委，县人大常委会、县政府、县政协党组（党委）',
    '发：各乡镇党委，县直各单位党组织',
]


def test_a_pdf_bulletin_of_another_office_comes_out_right():
    """Laid out like the real extractions (hard-wrapped, a blank line after each line, digits set
    apart by spaces), with a masthead of three lines and numbered headings of its own."""
    raw: list[str] = []
    for line in UNSEEN_PDF_LINES:
        if line.startswith("报："):
            raw += ["", "", "", ""]  # the gap before the distribution list
        raw += [line, ""]
    assert detect_layout(raw) == PDF
    pieces = segment_pdf(raw)
    blocks = [(p.kind, p.lines) for p in pieces if isinstance(p, Block)]
    assert blocks == [
        ("title", (7, 7)), ("paragraph", (9, 13)), ("heading", (15, 15)), ("paragraph", (17, 21)),
        ("heading", (23, 23)), ("paragraph", (25, 29)), ("paragraph", (31, 33)), ("byline", (35, 35)),
    ]
    paratext = {p.kind: p.zh for p in pieces if not isinstance(p, Block)}
    assert paratext["masthead"] == "党 建 工 作 简 报\n第12期\n中共石门县委组织部\n2020年5月6日"
    assert paratext["distribution"].startswith("报：市委组织部\n送：")


UNSEEN_TOWNSHIP_PAGE = """网站首页 > 工作动态
青河镇“党建+征迁”跑出加速度
发布时间：2019-08-20
来源：青河镇人民政府
浏览次数：1523
　　8月以来，青河镇坚持党建引领，全力推进老旧小区改造征迁工作，仅用20天完成签约312户。
　　该镇成立征迁临时党总支，下设4个党支部，把党员编入征迁小组，实行“一组一书记、一户一党员”。
　　“党员带头签了约，我们心里就有底了。”居民张大爷说。
　　下一步，青河镇将继续发挥基层党组织战斗堡垒作用，确保改造项目按期开工。（完）
【责任编辑：周敏】
上一篇：青河镇召开党建工作会议
下一篇：青河镇开展消防安全检查
"""


def test_a_township_site_page_comes_out_right():
    """Another common layout: a one-step breadcrumb, date, source and view count on lines of their own,
    paragraphs indented with full-width spaces and no blank lines, an editor line and links to the
    previous and next articles."""
    lines = UNSEEN_TOWNSHIP_PAGE.split("\n")
    assert detect_layout(lines) == WEB
    pieces = segment_web(lines)
    assert [(p.kind, p.lines[0]) for p in pieces if isinstance(p, Block)] == [
        ("title", 2), ("paragraph", 6), ("paragraph", 7), ("paragraph", 8), ("paragraph", 9)
    ]
    assert {p.lines[0]: p.rule for p in pieces if isinstance(p, Omission)} == {
        1: "breadcrumb", 11: "prev-next", 12: "prev-next"
    }
    paratext = [(p.kind, p.lines, p.zh) for p in pieces if not isinstance(p, Block | Omission)]
    assert paratext == [
        ("dateline", (3, 5), "发布时间：2019-08-20\n来源：青河镇人民政府\n浏览次数：1523"),
        ("credits", (10, 10), "【责任编辑：周敏】"),
    ]


def test_a_masthead_that_opens_with_the_issuing_office_and_ends_with_a_document_number():
    """The office above the bulletin's letter-spaced name, then a document number (〔2023〕12号); a print run
    （共印80份） under the distribution list is colophon, not a byline."""
    raw: list[str] = []
    for line in ["龙山区住房和城乡建设局", "工 作 简 报", "〔2023〕12号", "", *UNSEEN_PDF_LINES[3:], "（共印80份）"]:
        raw += [line, ""]
    pieces = segment_pdf(raw)
    paratext = {p.kind: p.zh for p in pieces if not isinstance(p, Block)}
    assert paratext["masthead"] == "龙山区住房和城乡建设局\n工 作 简 报\n〔2023〕12号"
    assert paratext["distribution"].startswith("报：市委组织部")
    assert paratext["colophon"] == "（共印80份）"
    blocks = [p for p in pieces if isinstance(p, Block)]
    assert blocks[0].kind == "title" and [b.kind for b in blocks].count("byline") == 1


def test_a_first_distribution_line_to_superiors_and_a_disclosure_marking_are_paratext():
    """主报：… (to the superiors) opens a distribution list as 报：… does; （此件主动公开） is the document's
    disclosure marking, a colophon line, not a closing byline."""
    raw: list[str] = []
    for line in [*UNSEEN_PDF_LINES[:-3], "（此件主动公开）", "主报：省委、省政府领导同志", "抄报：住房和城乡建设部办公厅",
                 "分送：各县（市、区）委组织部"]:
        raw += [line, ""]
    pieces = segment_pdf(raw)
    paratext = {p.kind: p.zh for p in pieces if not isinstance(p, Block)}
    assert paratext["colophon"] == "（此件主动公开）"
    assert paratext["distribution"].startswith("主报：省委、省政府领导同志")
    blocks = [p for p in pieces if isinstance(p, Block)]
    assert blocks[0].kind == "title" and [b.kind for b in blocks].count("byline") == 1
    assert not any(b.kind in ("title", "heading") and "报：" in b.zh for b in blocks)
