"""Rules that recognise web-site chrome (boilerplate) in a web-page extraction.

Each rule has a machine name and the reason recorded in the apparatus of omissions. The
rules look at one stripped raw line; where on the page a line stands is decided in
:mod:`edition.clean.web` (a page's tail after the article is chrome as a whole).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.clean.text import ends_sentence


@dataclass(frozen=True)
class ChromeRule:
    name: str
    reason: str
    pattern: re.Pattern[str]
    ends_article: bool = False  # the article is over where this appears


def _rule(name: str, reason: str, pattern: str, *, ends_article: bool = False) -> ChromeRule:
    return ChromeRule(name, reason, re.compile(pattern), ends_article)


RULES: tuple[ChromeRule, ...] = (
    _rule("nav-menu", "site navigation menu", r"^(?:[^|｜]{1,8}[|｜]){3,}[^|｜]{0,8}$"),
    _rule(
        "breadcrumb",
        "breadcrumb trail",
        r"^(?:您(?:所在|现在)的位置|当前位置|您的位置)|(?:\s>\s.*){2,}"
        r"|^(?:网站首页|首页|主页)\s*[>＞»›]|^[^。，>＞»›]{1,15}(?:\s+[>＞»›]\s+[^。，>＞»›]{1,15})+$",
    ),
    _rule(
        "share-buttons",
        "share, print and font-size buttons",
        r"^(?:分享到|分享至|打印|收藏|发给好友|【?字号|【?字体\s*[:：]|[【\[]?纠错[】\]]?$|(?:微信)?扫一扫)"
        r"|打印\s*[|｜]\s*收藏|打印本页|关闭窗口",
        ends_article=True,
    ),
    _rule(
        "related-articles",
        "related-articles list",
        r"^(?:相关阅读|相关文章|相關文章|相关新闻|相關新聞|延伸阅读|推荐阅读)\s*[:：]?",
        ends_article=True,
    ),
    _rule(
        "footer",
        "copyright, licence and contact footer",
        r"ICP|许可证|版权所有|拥有.{0,20}版权|Copyright|©|举报(?:电话|邮箱)\s*[:：]|关于我们|网站地图|广告服务|未经.{0,20}授权",
        ends_article=True,
    ),
    _rule(
        "prev-next",
        "links to the previous and next articles",
        r"^(?:上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[:：]",
        ends_article=True,
    ),
    _rule("sidebar", "sidebar: rankings and 'more' links", r"^(?:更多\s*>>|[•·]\s|点击排行|今日热词|热点推荐)"),
)

TAIL = ChromeRule("page-tail", "page tail after the end of the article (sidebars and footer)", re.compile(""))
REPEATED_TITLE = ChromeRule("repeated-title", "the headline repeated by the page layout", re.compile(""))


def match(text: str) -> ChromeRule | None:
    """The first rule that recognises the line as chrome. A finished sentence is prose, never chrome."""
    if ends_sentence(text) and not text.endswith(("?", "!")):
        return None
    return next((rule for rule in RULES if rule.pattern.search(text)), None)
