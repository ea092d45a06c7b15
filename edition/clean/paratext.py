"""Rules that recognise paratext: parts of a document that frame the reading text.

Each rule looks at one normalised line. They are shared by both layouts.
"""

from __future__ import annotations

import re

from edition.clean.text import HAN, display_width, ends_sentence

_MASTHEAD = re.compile(r"(专刊|简报|快报|通讯|动态|工作信息|情况反映|参阅)|[（(][一二三四五六七八九十\d]+[)）]$|第.{1,6}期")
_LETTER_SPACED = re.compile(rf"^[{HAN}](?:[ \u3000]+[{HAN}]){{2,9}}$")  # 宣 城 组 工
_MASTHEAD_MORE = re.compile(r"(?:总)?第[^，。第期]{1,6}期[）)]?$|^[（(]?(?:\d{4}年)?(?:总)?第[^，。]{1,6}期|\d{4}年\d{1,2}月(?:\d{1,2}日)?")
_SPACES = re.compile(r"\s+")
# A document number (发文字号): the issuing office's short name, the year in 〔〕 and the number: 〔2023〕12号.
_DOC_NUMBER = re.compile(r"^[^，。]{0,8}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,4}号$")
_CONTENTS_HEAD = re.compile(r"^【?(内容提要|目录|本期要目|本期目录|要目)】?$")
_CONTENTS_ITEM = re.compile(r"^[●◆■▲•·◎○]")
_DISTRIBUTION = re.compile(r"^(送|发|报|抄送|抄报|分送|印送|主送|主报|报送|发送)[：:]")
_COLOPHON = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发?$|^(编辑|审核|签发|责任编辑)[：:]"
                      r"|^[（(]?共印\s*\d+\s*份[）)]?$"  # the print run: （共印80份）
                      r"|^[（(]此件[^（）()。，]{0,6}公开[）)]$")  # the disclosure marking: （此件主动公开）
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_PAGE_FIELDS = ("来源|信息来源|文章来源|稿件来源|稿源|原标题|作者|发布时间|发布日期|发表时间|发布单位|发布机构|时间|日期"
                "|浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问次数")  # labels of a web page's date line
_DATELINE_FIELDS = re.compile(rf"({_PAGE_FIELDS}|责任编辑|编辑)\s*[：:]")
_DATELINE_FIELD_LINE = re.compile(rf"^(?:{_PAGE_FIELDS}|访问量)\s*[：:][^。，]{{0,30}}$")
_ROLES = "责任编辑|责编|编辑|审核|校对|终审|初审|复审|审校|文字|文|图片|图|摄影|视频|制作|排版|美编|设计|供稿|监制|出品|统筹|策划"
_CREDIT_PAIR = (rf"(?:(?:{_ROLES})(?:[/／、](?:{_ROLES}))*\s*[：:]\s*[^：:。，\s]{{1,15}}(?:[、,][^：:。，\s]{{1,10}})*"
                rf"|(?:{_ROLES})\s*[/／]\s*[^：:。，/／\s]{{2,4}})")  # 责任编辑：李明, 编辑/李明
_CREDITS = re.compile(
    rf"^[（(【\[]?{_CREDIT_PAIR}(?:[\s　]+{_CREDIT_PAIR})*[）)】\]]?$"  # 编辑：李明　校对：王丽
    r"|^[（(【\[]?(?:责任编辑|责编|编辑)\s+[^：:。，\s]{2,4}[）)】\]]?$"  # 编辑 李明
)
_FULL_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
_BARE_DATELINE_REST = 12  # characters beside the date on a date line without labels (a source, a place) …
_TIMED_DATELINE_REST = 24  # … or beside a date and a time (2023-05-12 08:30　某某市人民政府新闻办公室官方账号)
# The provincial-level regions, as a platform prints the place a post was sent from (its IP location).
_PROVINCE = re.compile(
    r"^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南"
    r"|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区|特别行政区)?$")
# A label and its value: 索引号：…, 发布机构：…; the label may be letter-spaced to the table's width (索 引 号：…).
_FIELD = re.compile(r"^(?:[^\s：:，。、][ \u3000]?){2,6}\s*[：:]\s*\S")
_FIELDS_ROW = re.compile(r"[：:][^：:]*\S[ \u3000]{2,}(?:[^\s：:，。、][ \u3000]?){2,6}\s*[：:]\s*\S")
_ROLE_LINE = re.compile(r"^[^\s：:，。、]{1,4}[：:]\s*[^\s：:，。]{1,10}(?:[、\s][^\s：:，。]{1,10})?$")
_ISSUE = re.compile(r"第[^，。第期]{1,6}期")
_PUBLISHED_AT = re.compile(r"^发表于\s*\S{1,10}$")
_ACCOUNT = re.compile(r"^原创(?:\s+\S+){1,6}$|^(?:\S+\s+){1,4}原创$|^[^\s：:]{1,4}号\s*[：:]\s*\S{1,16}$"
                      r"|^[^\s：:，。]{2,24}官方(?:帐号|账号|号)$"  # a platform's account description: …官方帐号
                      r"|^[^\s：:，。]{0,10}(?:记者|通讯员)\s+[\u3400-\u9fff]{2,4}$")  # the outlet's reporter: 澎湃新闻记者 李明
_NOTE = re.compile(r"^(编者按|编者的话|编后|按语|编按)[：:]")
_BYLINE = re.compile(r"^[（(][^（）()。]{2,40}[）)]$")
_CREDIT = re.compile(r"(?:供图|[/／]图|摄影?|图片来源[:：].{1,30})[）)]?$")  # the credit may stand in brackets
_FIELD_GAP = re.compile(r"[ \u3000]{3,}")  # wider than any artefact or word space: set-apart fields


def masthead(text: str, *, first_line: bool) -> bool:
    """A bulletin's name on its first line (letter-spaced or not: 党 建 工 作 简 报); a first line set
    letter-spaced (宣 城 组 工) is one whatever its words, as nothing but a masthead is set so."""
    return first_line and (_masthead_like(text, _MASTHEAD) or bool(_LETTER_SPACED.match(text)))


def masthead_more(text: str) -> bool:
    """A line that goes on a masthead: the issue number (第12期, （总第35期）), the date, or the issuing
    office and date (中共石门县委组织部  2020年5月6日), a document number (〔2023〕12号), or the bulletin's
    name set letter-spaced under the office that issues it, in any order."""
    return _masthead_like(text, _MASTHEAD_MORE) or bool(_DOC_NUMBER.match(_SPACES.sub("", text))) \
        or bool(_LETTER_SPACED.match(text))


def masthead_above(text: str, following: str) -> bool:
    """The first line of a masthead that opens with the issuing office: a short line, no sentence, not
    letter-spaced itself, right above a letter-spaced line (绵阳市住房和城乡建设委员会 / 工 作 简 报)."""
    return bool(_LETTER_SPACED.match(following)) and not _LETTER_SPACED.match(text) and not ends_sentence(text) \
        and "，" not in text and display_width(text) <= 60


def _masthead_like(text: str, pattern: re.Pattern[str]) -> bool:
    """A short line, no sentence, matching ``pattern`` once letter-spacing is taken out."""
    compact = _SPACES.sub("", text)
    return not ends_sentence(text) and display_width(compact) <= 60 and bool(pattern.search(compact))


def contents_head(text: str) -> bool:
    return bool(_CONTENTS_HEAD.match(text))


def contents_item(text: str) -> bool:
    return bool(_CONTENTS_ITEM.match(text))


def distribution(text: str) -> bool:
    return bool(_DISTRIBUTION.match(text))


def colophon(text: str) -> bool:
    return bool(_COLOPHON.search(text))


def dateline(text: str) -> bool:
    """A web page's date/source line: a date and at least one of its field labels, no sentence; or a
    full date (and time) with a few words beside it and no punctuation of a sentence (2023-05-12 08:30
    发表于福建, 衢州新闻 2023年05月12日 08:30); or WeChat's 发表于福建 alone."""
    if "。" in text:
        return False
    if _DATE.search(text) and _DATELINE_FIELDS.search(text):
        return True
    date = _FULL_DATE.search(text)
    rest = _SPACES.sub("", _FULL_DATE.sub("", text, count=1))
    limit = _TIMED_DATELINE_REST if date and re.search(r"\d[:：]\d", date.group()) else _BARE_DATELINE_REST
    return (date is not None and len(rest) <= limit and "，" not in rest) \
        or bool(_PUBLISHED_AT.match(text))


def bare_name(text: str) -> bool:
    """A name alone: at most eight characters, all of them Han (no punctuation, space or digit): 松阳发布."""
    return len(text) <= 8 and bool(re.fullmatch(r"[\u3400-\u9fff]+", text))


def place(text: str) -> bool:
    """A provincial-level region's name alone (山东, 四川省): the place a post was sent from, as a platform
    prints it under the date line."""
    return bool(_PROVINCE.match(text))


def field_line(text: str) -> bool:
    """A line of a page's metadata table: a short label, a colon and a value (索引号：…, 主题分类：…)."""
    return bool(_FIELD.match(text)) and not ends_sentence(text)


def fields_row(text: str) -> bool:
    """A row of a page's metadata table holding two fields set apart by a wide gap (索 引 号：…　　信息分类：…)."""
    return field_line(text) and bool(_FIELDS_ROW.search(text))


def role_line(text: str) -> bool:
    """A credit of any role set on a line of its own: a short label, a colon and a name (统稿：熊伟).
    Only after the article's text: above it a headline may hold a colon."""
    return bool(_ROLE_LINE.match(text)) and not ends_sentence(text)


def issue_line(text: str) -> bool:
    """A line that gives a serial's issue number (第12期, （总第35期）): a masthead stands above it."""
    return masthead_more(text) and bool(_ISSUE.search(_SPACES.sub("", text)))


def account_line(text: str) -> bool:
    """A WeChat account line: 原创 standing apart beside the author and the account (原创 张伟 台江发布),
    perhaps with the date; a content platform's account line (某某号：台江发布)."""
    return bool(_ACCOUNT.match(text)) and not ends_sentence(text) and "，" not in text and display_width(text) <= 80



def credits(text: str) -> bool:
    """A web page's editor line: （责任编辑：李明）, 责编：王丽."""
    return bool(_CREDITS.match(text))


def dateline_field(text: str) -> bool:
    """One field of a date/source line set on a line of its own: 来源：青河镇人民政府, 浏览次数：1523."""
    return bool(_DATELINE_FIELD_LINE.match(text))


def note(text: str) -> bool:
    return bool(_NOTE.match(text))


def byline(text: str) -> bool:
    """A closing byline in brackets: （柯城区委组织部 万灵慧）."""
    return bool(_BYLINE.match(text))


def photo_credit(text: str) -> bool:
    """The text ends with a photo credit (…供图, …/图, …摄, 图片来源：…), which ends a caption."""
    return bool(_CREDIT.search(text))


def fields(raw_line: str) -> list[str]:
    """A paratext line's fields: parts the layout sets apart by a wide gap (three or more spaces), as
    the issuing office and the date of a colophon. Each is kept apart (on a line of its own), so that
    N3 cannot run two fields together."""
    return [part for part in _FIELD_GAP.split(raw_line.strip()) if part]


def masthead_length(texts: list[str]) -> int:
    """How many of a document's first lines are a bulletin's masthead: a bulletin's name (or any first
    line right above an issue number: a serial's name, whatever its words), then the lines that go on it."""
    if not texts:
        return 0
    following = texts[1] if len(texts) > 1 else ""
    if not (masthead(texts[0], first_line=True) or (issue_line(following) and not issue_line(texts[0]))
            or masthead_above(texts[0], following)):
        return 0
    length = 1
    while length < len(texts) and masthead_more(texts[length]):
        length += 1
    return length
