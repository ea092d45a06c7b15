"""Rules that recognise web-site chrome (boilerplate) in a web-page extraction.

Each rule has a machine name and the reason recorded in the apparatus of omissions. The
rules look at one stripped raw line; where on the page a line stands is decided in
:mod:`edition.clean.web` (a page's tail after the article is chrome as a whole).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.clean.text import display_width, ends_sentence


@dataclass(frozen=True)
class ChromeRule:
    name: str
    reason: str
    pattern: re.Pattern[str]
    ends_article: bool = False  # the article is over where this appears
    max_width: int | None = None  # the rule only takes lines at most this wide (columns)


def _rule(name: str, reason: str, pattern: str, *, ends_article: bool = False, short: bool = False) -> ChromeRule:
    return ChromeRule(name, reason, re.compile(pattern), ends_article, _SHORT if short else None)


_SHORT = 60  # columns: the general shapes below take only a short line, as a link or a button is


# A line of ornaments only (◆ ◆ ◆, * * *): it may divide an article's sections, so it does not end one.
DIVIDER = _rule("divider", "an ornamental divider", r"^[^\w\u3400-\u9fff]{3,}$")

# The card WeChat prints above a reposted article (以下文章来源于某某，作者某某); the card's further lines (the
# account's name and its description) are found by their place under it (edition.clean.web).
REPOST_CARD = _rule("repost-card", "the card of a reposted article: its source account's name and description",
                    r"^以下文章来源于", short=True)

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
    # General shapes, after the rules above (whose names the seeds' omissions keep):
    _rule(
        "link-row",
        "a row of links or buttons",
        r"^[^|｜丨│。，]{1,8}(?:\s*[|｜丨│]\s*[^|｜丨│。，]{1,8})+\s*[|｜丨│]?$"  # items between bars, however few
        r"|^[^•·・。，]{1,8}(?:\s+[•·・]\s+[^•·・。，]{1,8}){2,}$"  # three or more between spaced bullets
        r"|^[^\s。，]{1,6}(?:(?: {2,}|[ \u3000]*\u3000[ \u3000]*)[^\s。，]{1,6}){2,}$"  # three or more short items
        # set apart by wide gaps (two spaces, or an ideographic one)
        r"|^(?:[【\[][^】\]]{1,6}[】\]]\s*){2,}$",  # buttons in brackets: 【打印】【关闭】
    ),
    _rule(
        "breadcrumb",
        "breadcrumb trail",
        r"^[^，。]{0,8}位置\s*[：:]|^[^。，]{1,15}(?:\s*(?:>>|»|›|＞＞)\s*[^。，]{1,15})+$"
        r"|^[^。，\-—/／]{1,12}(?:\s+[-—–/／]\s+[^。，\-—/／]{1,12}){2,}$",
        short=True,
    ),
    _rule(
        "share-buttons",
        "share, print, font-size, follow and app buttons",
        r"^[+＋]?(?:分享|转发|收藏|点赞|在看|评论|留言|赞|打印|关闭|关注|举报)(?:\s*[|｜、]?\s*(?:分享|转发|收藏|点赞|在看|评论|留言|赞|打印|关闭|关注|举报))*\s*[:：]?$"
        r"|^(?:分享|转发).{0,6}[:：]$"  # 分享给朋友：
        r"|^字[号体]\s*[:：]|返回顶部|二维码|扫码|关注(?:我们|本号|该号|公众号|该公众号)|点击.{0,8}关注"
        r"|关注.{0,14}(?:获取|了解|更多|资讯|精彩|不迷路)"  # 关注“某某发布”，获取权威资讯
        r"|^(?:设为)?(?:星标|置顶)\W{0,3}[“\"「][^”\"」]{1,16}[”\"」]"  # 星标★“某某发布”，第一时间获取权威资讯
        r"|^(?:(?:[大中小]|特大)?字[号体]|[大中小]|A[+-])(?:[\s:：\[\]【】]*(?:(?:[大中小]|特大)?字[号体]|[大中小]|A[+-]))+"
        r"[\s\]】]*$"  # font-size buttons however written: 小字体 中字体 大字体, 字号 大 中 小
        r"|字[号体]\s*[:：]\s*[^\s，。]{1,3}(?:[ \u3000]+[^\s，。]{1,3}){1,4}\s*$"  # 字号：默认 大 超大, whatever the sizes
        r"|(?:下载|打开).{0,8}(?:APP|App|app|客户端)|^\S{1,12}(?:客户端|APP|App)$|^(?:热门|最新|全部|网友)?评论\s*[(（\d]*[)）]?$|暂无评论|我要评论"
        r"|^(?:阅读|浏览|阅读量)\s*[(（:：]?\s*\d+[)）]?$|查看更多"
        r"|无障碍|关怀版|长者模式|适老化|繁體|^(?:English|简体|手机版|登录|注册|申请入驻)(?:\s|$)"
        r"|^\S{1,8}[ \u3000]+(?:登录|注册)$",  # the site's own tools; a short line closing on a login button  # the site's own tools
        ends_article=True,
        short=True,
    ),
    _rule(
        "wechat-ui",
        "WeChat page interface",
        r"预览时标签不可点|(?:继续|向上)滑动看下一个|(?:轻触|点击)?阅读原文|^知道了$|喜欢此内容的人还喜欢|^写留言|轻点两下"
        r"|小程序|微信扫一扫|使用完整服务|^(?:取消|允许)(?:\s*(?:取消|允许))?$",
        ends_article=True,
        short=True,
    ),
    _rule(
        "related-articles",
        "related-articles list",
        r"^(?:相关|推荐|热门|热点|延伸|更多|往期|精彩|最新)(?:阅读|文章|新闻|报道|专题|推荐|链接|回顾|内容|资讯)\s*[:：]?$"
        r"|^(?:猜你喜欢|你可能感兴趣|大家都在看)",
        ends_article=True,
        short=True,
    ),
    _rule(
        "footer",
        "copyright, licence and contact footer",
        r"版权|主办(?:单位)?\s*[:：]|主办$|转载请注明|(?:禁止|不得|谢绝|严禁)转载|承办(?:单位)?\s*[:：]|技术支持\s*[:：]|公网安备|网站标识码|备案|声明\s*[:：]"
        r"|联系我们|网站声明|不良信息",
        ends_article=True,
    ),
    DIVIDER,
    # A button's count standing alone (comments, likes: 0, 128, 1.2万): a line of the text is never a bare number.
    _rule("counter", "a button's count standing alone", r"^\d{1,7}(?:\.\d)?[万wkK+]?$"),
    REPOST_CARD,
    _rule(
        "end-mark",
        "end-of-article mark",
        r"^[\s\-—–~_=*·]*(?:END|End|THE END|完|结束)[\s\-—–~_=*·]*$|^[（(]完[)）]$",
        ends_article=True,
        short=True,
    ),
)

TAIL = ChromeRule("page-tail", "page tail after the end of the article (sidebars and footer)", re.compile(""))
REPEATED_TITLE = ChromeRule("repeated-title", "the headline repeated by the page layout", re.compile(""))
PAGE_HEAD = ChromeRule("page-head", "the page's head above the headline (the headline stands right above the date line)",
                       re.compile(""))
SITE_NAME = ChromeRule("site-name", "the site's or app's name above the headline",
                       re.compile(r"^[^\s，。、：:]{1,10}(?:网|新闻|日报|晚报|时报|频道|客户端)$"))


_PAGE_BOTTOM = re.compile(r"ICP|公网安备|网站标识码|Copyright|©|版权所有")


def page_bottom(text: str) -> bool:
    """A site's licence or copyright line (…ICP备…号, 公网安备, 网站标识码, Copyright, ©, 版权所有): it closes the
    page, so nothing under it is the article's."""
    return bool(_PAGE_BOTTOM.search(text))


def site_name(text: str) -> bool:
    """A short line, no punctuation, ending as the names of news sites and apps do (…网, …新闻, …日报,
    …客户端). Only above the headline: a heading may end so too."""
    return bool(SITE_NAME.pattern.match(text))


def match(text: str) -> ChromeRule | None:
    """The first rule that recognises the line as chrome. A finished sentence is prose, never chrome,
    unless it is a site's notice (a copyright or a platform's disclaimer) or a call to share and follow."""
    width = display_width(text)
    rule = next((r for r in RULES if (r.max_width is None or width <= r.max_width) and r.pattern.search(text)), None)
    if ends_sentence(text) and not text.endswith(("?", "!")):
        return rule if rule is not None and rule.name in _NOTICES and width <= _NOTICE_WIDTH else None
    return rule


_NOTICES = ("footer", "share-buttons", "wechat-ui")
_NOTICE_WIDTH = 160  # columns: a site's notice is one or two sentences, never a paragraph of the article
