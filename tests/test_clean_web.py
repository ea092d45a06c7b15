"""Web pages: the headline found by the date line under it whatever stands above it, and nothing after the
article's last paragraph taken for its text (tested with made-up chrome no rule names)."""

from __future__ import annotations

from edition.clean.web import segment_web
from edition.model import Block, Omission

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
