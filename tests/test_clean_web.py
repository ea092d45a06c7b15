"""Web pages: the headline found by the date line under it whatever stands above it, and nothing after the
article's last paragraph taken for its text (tested with made-up chrome no rule names)."""

from __future__ import annotations

from edition.clean.web import segment_web
from edition.model import Block, Doubt, Omission, Paratext

PAGE = """欢迎光临某某网！今天是星期五
登录 注册 ~ 帮助
某某网首页 ~ 本地 ~ 图片

龙山区党建引领破解征迁难题

2021-06-15 09:12　来源：龙山日报

今年以来，龙山区坚持党建引领，把支部建在征迁一线，累计完成房屋征收签约1260户，签约率达98.5%。

一是建强组织堡垒。区里在3个征迁片区成立临时党支部，选派45名机关党员下沉一线。

本站精选
龙山区召开征迁工作推进会
青河镇党建引领推进棚户区改造
"""


def test_above_a_headline_with_its_date_line_is_the_page_head_and_after_the_last_paragraph_the_tail():
    pieces = segment_web(PAGE.split("\n"))
    blocks = [(p.kind, p.lines[0]) for p in pieces if isinstance(p, Block)]
    assert blocks == [("title", 5), ("paragraph", 9), ("paragraph", 11)]
    omitted = {p.lines[0]: p.rule for p in pieces if isinstance(p, Omission)}
    assert omitted == {1: "page-head", 2: "share-buttons", 3: "page-head", 13: "page-tail", 14: "page-tail",
                       15: "page-tail"}


def test_a_divider_inside_the_article_does_not_end_it():
    lines = ["龙山区党建引领破解征迁难题", "", "今年以来，龙山区坚持党建引领，累计完成房屋征收签约1260户。", "", "* * *", "",
             "一是建强组织堡垒。区里在3个征迁片区成立临时党支部。"]
    pieces = segment_web(lines)
    assert [p.kind for p in pieces if isinstance(p, Block)] == ["title", "paragraph", "paragraph"]
    assert [p.rule for p in pieces if isinstance(p, Omission)] == ["divider"]


ARTICLE = ["今年以来，龙山区坚持党建引领，把支部建在征迁一线，累计完成房屋征收签约1260户，签约率达98.5%。",
           "一是建强组织堡垒。区里在3个征迁片区成立临时党支部，选派45名机关党员下沉一线，逐户上门宣讲政策。",
           "二是压实党员责任。每名党员包联5户群众，做到政策讲到位、诉求听到位、困难帮到位。"]


def _blocks(pieces):
    return [(p.kind, p.zh) for p in pieces if isinstance(p, Block)]


def test_a_reposted_articles_card_is_chrome_and_the_follow_prompt_under_it_does_not_end_the_article():
    lines = ["龙山区党建引领破解征迁难题", "龙山住建 2023-03-27 08:54", "以下文章来源于某省组工 ，作者某省组工", "某省组工.",
             "中共某省委组织部官方微信公众号，发布组织工作权威信息。", "点击上方蓝字“龙山住建”，关注我们", *ARTICLE]
    pieces = segment_web(lines)
    assert _blocks(pieces) == [("title", lines[0]), *(("paragraph", text) for text in ARTICLE)]
    assert [p.rule for p in pieces if isinstance(p, Omission)] == ["repost-card"] * 3 + ["share-buttons"]


def test_chrome_followed_by_more_prose_than_precedes_it_does_not_end_the_article():
    """Whatever the line is (here an unknown card's one sentence, then a follow prompt), a line that would end
    the article while most of its prose is still to come is omitted alone, and a doubt says so."""
    lines = ["龙山区党建引领破解征迁难题", "某某官方公众号，发布权威信息。", "点击上方蓝字，关注我们", *ARTICLE]
    doubts: list[Doubt] = []
    pieces = segment_web(lines, doubts)
    assert [text for kind, text in _blocks(pieces) if kind == "paragraph"][-3:] == ARTICLE
    assert [d.lines for d in doubts] == [(3, 3)] and "not read as the end of the article" in doubts[0].message
    # after the article, the same line still ends it
    pieces = segment_web(["龙山区党建引领破解征迁难题", *ARTICLE, "点击上方蓝字，关注我们", "其他文章的标题。"])
    assert [p.rule for p in pieces if isinstance(p, Omission)] == ["share-buttons", "page-tail"]


def test_a_metadata_table_above_the_headline_is_the_page_head():
    lines = ["首页 > 政务公开 > 工作动态", "索引号：008470436/2023-00312", "主题分类：城乡建设 / 工作动态",
             "发布机构：龙山区住房和城乡建设局", "成文日期：2023-06-26", "龙山区党建引领破解征迁难题",
             "发布时间：2023-03-25 21:12　　来源：区住建局", *ARTICLE]
    pieces = segment_web(lines)
    assert _blocks(pieces)[0] == ("title", "龙山区党建引领破解征迁难题")
    assert not any(kind in ("kicker", "subtitle", "heading") for kind, _ in _blocks(pieces))


def test_platform_buttons_a_count_and_the_place_under_the_date_line_are_no_headings():
    lines = ["网易首页 > 网易号 > 正文", "申请入驻", "龙山区党建引领破解征迁难题", "2023-09-11 18:01:08　来源: 龙山发布", "甘肃",
             "0", "关注", "听新闻　　字号：默认 大 超大", *ARTICLE]
    pieces = segment_web(lines)
    assert _blocks(pieces) == [("title", lines[2]), *(("paragraph", text) for text in ARTICLE)]
    assert {p.lines[0]: p.rule for p in pieces if isinstance(p, Omission)} == {
        1: "breadcrumb", 2: "share-buttons", 6: "counter", 7: "share-buttons", 8: "share-buttons"}
    assert [p.zh for p in pieces if isinstance(p, Paratext)] == ["2023-09-11 18:01:08　来源： 龙山发布\n甘肃"]


def test_a_bare_name_between_the_headline_and_the_date_line_is_the_accounts_with_a_doubt():
    lines = ["龙山区党建引领破解征迁难题", "龙山组工", "2023-08-12 17:04 江西", *ARTICLE]
    doubts: list[Doubt] = []
    pieces = segment_web(lines, doubts)
    assert _blocks(pieces)[0] == ("title", lines[0]) and len(_blocks(pieces)) == 4
    assert next((p.zh, p.rule) for p in pieces if isinstance(p, Paratext)) == ("龙山组工", "account-name")
    assert [d.lines for d in doubts] == [(2, 2)]
    # a date line with a long account description beside the date and time is still a date line
    pieces = segment_web(["龙山区党建引领破解征迁难题", "2023-12-19 13:02　龙山区人民政府新闻办公室官方账号", *ARTICLE])
    assert [p.kind for p in pieces if isinstance(p, Paratext)] == ["dateline"]


def test_a_metadata_table_of_two_fields_a_row_with_letter_spaced_labels_is_the_page_head():
    """Rows of two fields each (索 引 号：…　　信息分类：…), one holding a date, are the table's, not the date
    line under the headline: the headline stays the one above the real date line."""
    lines = ["南宁市人民政府门户网站", "索 引 号：114501000075649180/2023-01582　　信息分类：住房城乡建设",
             "发布机构：龙山区住房和城乡建设局　　生成日期：2023-06-26", "主 题 词：房屋征收　城市更新　　公开方式：主动公开",
             "龙山区党建引领破解征迁难题", "发布日期：2023-06-26　　来源：区住建局", *ARTICLE]
    pieces = segment_web(lines)
    assert _blocks(pieces) == [("title", lines[4]), *(("paragraph", text) for text in ARTICLE)]


def test_calls_to_star_and_follow_a_login_button_and_the_original_title_are_no_text():
    """星标★“某某”，… above the article and a +关注 button are chrome; a menu closing on 登录 is the site's tools;
    原标题：… and an account's description (…官方帐号) or the outlet's reporter under the date line go on it."""
    lines = ["百度首页　登录", "龙山区党建引领破解征迁难题", "2023-06-26 08:30　来源：龙山发布", "原标题：征迁一线党旗红",
             "龙山区融媒体中心官方帐号", "澎湃新闻记者 李明", "+关注", "星标★“龙山发布”，第一时间获取权威资讯", *ARTICLE]
    pieces = segment_web(lines)
    assert _blocks(pieces) == [("title", lines[1]), *(("paragraph", text) for text in ARTICLE)]
    assert {p.lines[0]: p.rule for p in pieces if isinstance(p, Omission)} == {
        1: "share-buttons", 7: "share-buttons", 8: "share-buttons"}
    assert [p.zh.count("\n") for p in pieces if isinstance(p, Paratext)] == [3]
