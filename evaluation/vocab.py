"""What surrounds a report in the layouts new sources arrive in: site chrome, page furniture, paratext.

Two sets, kept apart on purpose:

* ``DEV``: the phrasings and sites the cleaning rules were written against (the issue's examples,
  the seeds' own sites, and the sites the earlier hand-written tests imitate);
* ``HELDOUT``: other plausible sites and accounts, written down before the rules were changed and
  not looked at while writing them; after its first run (the numbers are in docs/evaluation.md)
  its failures were studied and the rules mended, so it is no longer unseen;
* ``FRESH`` (held-out-2): a second held-out set, written after that first run and before any of
  its failures were looked at, and run once the rules were done; its first run showed a clear
  gap, after which its failures too were studied and the rules mended;
* ``THIRD`` (held-out-3): a third set, written before held-out-2's failures were looked at; its
  first run showed a gap again, and it too was then used to mend the rules;
* ``FOURTH`` (held-out-4): a fourth set, written before held-out-3's failures were looked at; its
  first run showed web and WeChat chrome of unseen phrasing leaking, and it was used to mend the
  rules (with structural rules rather than more phrases where there was a choice);
* ``FIFTH`` (held-out-5): a fifth set, written before that, and run once, at the end;
* ``INDEPENDENT`` (independent): written by someone other than the rules' author, without reading
  the rules, from real sites rather than from the sets above; run once as it was (the numbers are in
  docs/evaluation.md), after which its failures were studied and the rules mended with it (issue 11),
  so it is no longer unseen either;
* ``UNSEEN`` (unseen): written by someone who had not read the rules, after every other set had been
  used to mend them, from real sites, accounts and documents; run once as it was (its first-run numbers
  are in docs/evaluation.md, "The unseen set"), after which its failures were studied and the rules
  mended with it, so it is no longer unseen either.

The sweep reports the sets separately: a rule that only copies the development vocabulary does
well on the first and badly on the others.

Templates use ``str.format`` fields: ``{name}`` (the site or account), ``{date}`` (2023-05-12),
``{cdate}`` (2023年05月12日), ``{time}`` (08:30), ``{person}``, ``{person2}``, ``{n}`` and
``{total}`` (page number and page count), ``{province}``, ``{views}``, ``{issue}``.
A tail item ``{related}`` stands for a list of other reports' titles, ``{prev}``/``{next}`` for
one title each.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Site:
    """A news or government site: its chrome above and below an article, and its date line."""

    name: str
    top: tuple[str, ...]  # lines above the headline (menus, breadcrumbs, login links)
    dateline: tuple[tuple[str, ...], ...]  # alternatives; each is the line(s) under the headline
    under_dateline: tuple[str, ...]  # buttons between the date line and the article (may be empty)
    editor: tuple[str, ...]  # editor lines at the end of the article (paratext)
    tail: tuple[str, ...]  # everything after the article, in order


@dataclass(frozen=True)
class WeChat:
    """A WeChat public account: its account and date lines, the chrome around the article."""

    accounts: tuple[str, ...]
    account_line: tuple[str, ...]  # alternatives
    date_line: tuple[str, ...]  # alternatives; "" = the date stands on the account line
    top: tuple[str, ...]  # chrome between the date line and the article (may be empty)
    credits: tuple[str, ...]  # 来源/编辑/审核 lines at the end (paratext)
    tail: tuple[str, ...]  # the footer chrome after the article


@dataclass(frozen=True)
class Paged:
    """Furniture of a printed page and the paratext of a bulletin."""

    page_numbers: tuple[str, ...]  # styles of a page-number line
    headers: tuple[str, ...]  # running headers
    footers: tuple[str, ...]  # running footers (printed beside or above the page number)
    mastheads: tuple[tuple[str, ...], ...]  # a bulletin's masthead lines
    closing: tuple[tuple[str, ...], ...]  # distribution list and colophon


@dataclass(frozen=True)
class Vocabulary:
    name: str
    sites: tuple[Site, ...]
    wechat: WeChat
    paged: Paged
    people: tuple[str, ...]
    provinces: tuple[str, ...]


DEV = Vocabulary(
    name="dev",
    sites=(
        Site(  # a provincial news portal, like the seed from 东南网
            name="东南网",
            top=("直通屏山|福建|时评|大学城|台海|娱乐|体育|国内|国际|专题", "您所在的位置:东南网 > 福州(新) > 区县速递 > 正文"),
            dateline=(("{date} {time}:36 作者: 来源:{name}  责任编辑:{person}   我来说两句",),
                      ("{date} {time} 来源:{name} 作者:{person}",)),
            under_dateline=(),
            editor=(),
            tail=("相关阅读:", "{related}", "打印 | 收藏 | 发给好友 【字号", "今日热词", "更多>>福建今日重点",
                  "关于我们 | 广告服务 | 网站地图 | 网站公告 |",
                  "福建日报报业集团拥有{name}采编人员所创作作品之版权,未经报业集团书面授权,不得转载、摘编或以其他方式使用和传播",
                  "闽ICP备案号(闽ICP备05022042号) 互联网新闻信息服务许可证 编号:35120170001"),
        ),
        Site(  # a district government portal
            name="青河区人民政府",
            top=("网站首页 | 政务公开 | 政务服务 | 互动交流 | 走进青河", "当前位置：首页 > 工作动态 > 部门动态"),
            dateline=(("发布时间：{date}", "来源：区住建局", "浏览次数：{views}"),
                      ("发布时间：{date} {time}　来源：{name}　浏览次数：{views}",)),
            under_dateline=("【字体：大 中 小】　打印本页　关闭窗口",),
            editor=("（责任编辑：{person}）",),
            tail=("扫一扫在手机打开当前页", "相关文章", "{related}", "上一篇：{prev}", "下一篇：{next}",
                  "主办：青河区人民政府办公室　版权所有：青河区人民政府", "备案号：浙ICP备12345678号"),
        ),
        Site(  # a municipal party-building site
            name="龙山党建网",
            top=("首页 | 要闻 | 地方 | 党建 | 视频 | 图片", "当前位置：首页 > 党建 > 基层党建"),
            dateline=(("{date} {time}　来源：龙山日报　作者：{person}",),),
            under_dateline=("【字体：大 中 小】　打印本页　关闭窗口",),
            editor=("【责任编辑：{person}】",),
            tail=("分享到：", "相关新闻", "{related}", "版权所有：龙山日报社　备案号：某ICP备12345678号"),
        ),
        Site(  # a township site with a one-step breadcrumb, as the seed test imitates
            name="石门镇人民政府",
            top=("网站首页 > 工作动态",),
            dateline=(("发布时间：{date}", "来源：{name}", "浏览次数：{views}"),),
            under_dateline=(),
            editor=("（责任编辑：{person}）",),
            tail=("上一篇：{prev}", "下一篇：{next}", "Copyright © 2023 {name} 版权所有"),
        ),
        Site(  # a national portal's provincial channel
            name="人民网",
            top=("设为首页  加入收藏  手机看新闻", "人民网 >> 地方 >> 浙江频道"),
            dateline=(("{cdate}{time}  来源：人民网－浙江频道",),),
            under_dateline=("分享到：",),
            editor=("(责编：{person}、{person2})",),
            tail=("扫码下载APP", "相关专题", "{related}",
                  "人民日报社概况 | 关于人民网 | 报社招聘 | 广告服务 | 合作加盟 | 网站声明 | 联系我们",
                  "人民网版权所有，未经书面授权禁止使用"),
        ),
        Site(  # a county government site
            name="开化县人民政府",
            top=("首页 » 新闻动态 » 乡镇动态",),
            dateline=(("来源：县融媒体中心　　发布时间：{date} {time}",), ("{date}　　来源：{name}",)),
            under_dateline=("字体：[ 大 中 小 ]　【打印本页】　【关闭窗口】",),
            editor=("（责任编辑：{person}）",),
            tail=("上一篇：{prev}", "下一篇：{next}", "网站地图 ｜ 联系我们 ｜ 网站声明",
                  "主办单位：开化县人民政府办公室　技术支持：开化县大数据发展中心", "浙ICP备05002110号"),
        ),
        Site(  # a news app's share page
            name="衢州新闻",
            top=("打开APP", "衢州新闻客户端"),
            dateline=(("衢州新闻 {cdate} {time}",),),
            under_dateline=(),
            editor=("编辑 {person}",),
            tail=("打开APP阅读全文", "热门评论", "暂无评论", "下载衢州新闻APP，看更多精彩内容"),
        ),
    ),
    wechat=WeChat(
        accounts=("台江发布", "柯城组工", "平湖街道"),
        account_line=("原创 {name}", "原创 {person} {name}", "原创 {person} {person2} {name} {date} {time}"),
        date_line=("{date} {time} 发表于{province}", "", "发表于{province}"),
        top=(),
        credits=("来源：{name}", "编辑：{person}", "审核：{person2}"),
        tail=("预览时标签不可点", "微信扫一扫", "关注该公众号", "继续滑动看下一个", "轻触阅读原文", "{name}",
              "向上滑动看下一个", "阅读原文", "知道了", "喜欢此内容的人还喜欢", "{related}", "写留言"),
    ),
    paged=Paged(
        page_numbers=("— {n} —", "- {n} -", "第{n}页", "{n}/{total}", "{n}"),
        headers=("长沙晚报", "党建工作简报", "组工信息", "{name}"),
        footers=("中共柯城区委组织部编印", "长沙晚报"),
        mastheads=(("服务中心工作专刊（{issue}）",), ("党 建 工 作 简 报", "第 {issue} 期", "中共石门县委组织部                {cdate}")),
        closing=(("送：各县（市、区）委书记、组织部长，本部领导", "发：各县（市、区）委组织部，本部各处室",
                  "中共衢州市委组织部办公室              {cdate}印发"),),
    ),
    people=("李明", "周敏", "王丽", "陈巧玲", "朱琳", "张伟"),
    provinces=("福建", "浙江", "河北"),
)


HELDOUT = Vocabulary(
    name="held-out",
    sites=(
        Site(  # a city evening paper's web edition
            name="潇湘晨报网",
            top=("登录 | 注册 | 手机版", "新闻  评论  城市  民生  文旅  视频  专题", "位置：潇湘晨报网 >> 新闻 >> 本地"),
            dateline=(("潇湘晨报 {cdate} {time}",), ("时间：{cdate} {time}　　来源：潇湘晨报　　编辑：{person}",)),
            under_dateline=("字号：T | T",),
            editor=("编辑：{person}　校对：{person2}",),
            tail=("转发 | 评论 | 收藏", "返回顶部", "猜你喜欢", "{related}",
                  "本网站所刊登的各种新闻、信息和各种专题专栏资料，均为潇湘晨报网版权所有，未经协议授权禁止下载使用。",
                  "违法和不良信息举报电话：0731-84326110"),
        ),
        Site(  # a provincial department's site
            name="湖南省住房和城乡建设厅",
            top=("无障碍 | 长者模式 | 繁體", "当前所在：首页 - 新闻中心 - 基层动态"),
            dateline=(("信息来源：市住建局　　发布日期：{date}　　访问次数：{views}",),
                      ("发布日期：{cdate}", "信息来源：株洲市住建局")),
            under_dateline=("【大】【中】【小】　【打印】　【关闭】",),
            editor=("（编辑：{person}）",),
            tail=("分享：", "相关链接：", "{related}", "湖南省住房和城乡建设厅 主办　地址：长沙市岳麓区 邮编：410013",
                  "网站标识码：4300000012　湘ICP备05002110号-1　湘公网安备 43010402000123号"),
        ),
        Site(  # an account page of a commercial portal
            name="搜狐号",
            top=("搜狐首页　新闻　体育　汽车　房产　旅游　教育　时尚　科技　财经", "{name}：株洲发布"),
            dateline=(("{cdate} {time}　来源：株洲发布",),),
            under_dateline=(),
            editor=("责任编辑：{person}",),
            tail=("返回搜狐，查看更多", "平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。",
                  "阅读 (3516)", "推荐阅读", "{related}", "举报/反馈"),
        ),
    ),
    wechat=WeChat(
        accounts=("株洲发布", "衢州组工", "兴城镇"),
        account_line=("原创 作者：{person} {name}", "{name} 原创"),
        date_line=("{cdate} {time} {province}", "发表于{province} {date}"),
        top=("点击上方蓝字关注我们",),
        credits=("文字：{person}", "图片：{name}", "责编：{person2}"),
        tail=("END", "往期推荐", "{related}", "长按二维码识别关注", "扫码关注我们",
              "点亮“在看”，你最好看！", "分享 收藏 点赞 在看",
              "微信扫一扫可打开此内容，使用完整服务", "：，。视频小程序赞，轻点两下取消赞在看，轻点两下取消在看分享留言收藏"),
    ),
    paged=Paged(
        page_numbers=("第 {n} 页 共 {total} 页", "Page {n} of {total}", "·{n}·", "－{n}－", "{n} / {total}"),
        headers=("株洲日报", "内部资料 注意保存", "住建工作动态", "{name}"),
        footers=("湖南省住房和城乡建设厅办公室", "株洲日报社 出品"),
        mastheads=(("住建工作动态", "{cdate}　第{issue}期"), ("组 工 通 讯", "（总第 {issue} 期）")),
        closing=(("报：省委组织部", "抄送：市委办、市政府办，各县（市、区）委组织部", "株洲市委组织部办公室　　{cdate}印发"),),
    ),
    people=("刘洋", "黄海燕", "吴志强", "孙静", "郭建华"),
    provinces=("湖南", "浙江", "四川"),
)

# A second held-out set, written after the first held-out run and before its failures were looked
# at (the first set was then used to mend the rules, and so is no longer unseen): the sweep's
# final word on generality.
FRESH = Vocabulary(
    name="held-out-2",
    sites=(
        Site(  # a provincial daily's web site
            name="浙江在线",
            top=("浙江在线首页 丨 新闻 丨 浙江 丨 国内 丨 评论", "浙江在线 >> 新闻中心 >> 县市新闻 >> 正文"),
            dateline=(("浙江在线{cdate}讯　　来源：衢州日报　　作者：{person}",), ("{date} {time}  浙江在线",)),
            under_dateline=("字号 大 中 小",),
            editor=("编辑：{person}　　审核：{person2}",),
            tail=("【打印】【纠错】【收藏】", "精彩推荐", "{related}", "新闻热线：0571-85311222",
                  "浙江在线版权所有，未经授权不得转载或建立镜像"),
        ),
        Site(  # a city government's news page
            name="株洲市人民政府",
            top=("网站首页　　信息公开　　政务服务　　互动交流　　走进株洲", "您当前的位置：首页 > 新闻中心 > 区县动态"),
            dateline=(("作者：{person}　来源：株洲日报　发布时间：{date} {time}　【字号：大 中 小】",),),
            under_dateline=(),
            editor=("责任编辑：{person}",),
            tail=("【打印本页】 【关闭本页】", "相关阅读", "{related}",
                  "主办：株洲市人民政府办公室　承办：株洲市政务服务中心", "湘ICP备12012345号　网站标识码：4302000001"),
        ),
        Site(  # a media group's mobile page
            name="红网",
            top=("红网首页 | 时刻新闻", "红网时刻新闻"),
            dateline=(("来源：红网　作者：{person}　编辑：{person2}　{date} {time}",),),
            under_dateline=(),
            editor=("本文为红网原创稿件，转载请注明出处。",),
            tail=("下载时刻新闻客户端", "热门推荐", "{related}", "红网版权所有 湘ICP备09018891号"),
        ),
    ),
    wechat=WeChat(
        accounts=("清河发布", "金滩街道", "松岭党建"),
        account_line=("原创 {name} {name}", "原创 {person} {name} {cdate} {time}"),
        date_line=("{date} {time}", "发表于{province}"),
        top=("关注我们 获取更多资讯",),
        credits=("来源：{name}", "文字/图片：{person}", "编辑：{person2}"),
        tail=("—  END  —", "往期回顾", "{related}", "点击“阅读原文”了解更多", "分享收藏点赞在看",
              "微信扫一扫关注该公众号"),
    ),
    paged=Paged(
        page_numbers=("第 {n} 页，共 {total} 页", "—{n}—", "～{n}～", "{n}-{total}", "- {n} / {total} -"),
        headers=("衢州日报", "党建信息", "仅供内部参阅", "{name}"),
        footers=("中共松岭县委组织部", "清河区人民政府办公室 编"),
        mastheads=(("组织工作信息", "第{issue}期"), ("党 建 动 态", "（第 {issue} 期）", "中共清河区委组织部办公室      {cdate}")),
        closing=(("报送：市委组织部", "分送：各乡镇（街道）党（工）委", "清河区委组织部办公室　　　　{cdate}印"),),
    ),
    people=("钱进", "何丽萍", "罗建国", "高敏"),
    provinces=("江西", "安徽", "湖北"),
)

# A third held-out set, written after the first run of held-out-2 (whose numbers were a clear
# generalisation gap) and before any of its failures were looked at: held-out-2 was then used to mend
# the rules, and this set is the final word.
THIRD = Vocabulary(
    name="held-out-3",
    sites=(
        Site(  # a prefecture city's news site
            name="鄂州新闻网",
            top=("鄂州新闻网 - 鄂州市融媒体中心主办", "首页｜时政｜民生｜县区｜专题｜视频", "你的位置：首页 > 县区 > 正文"),
            dateline=(("来源：鄂州日报 | {date} {time} | 编辑：{person}",), ("{date} {time}　鄂州日报",)),
            under_dateline=(),
            editor=("【责任编辑：{person}】",),
            tail=("分享至：微信 微博 QQ空间", "相关推荐", "{related}", "鄂州新闻网版权所有 © 2023", "鄂ICP备10000999号-1"),
        ),
        Site(  # a provincial government portal
            name="安徽省人民政府",
            top=("无障碍浏览 关怀版 English", "当前位置： 首页 > 政务公开 > 市县动态"),
            dateline=(("发布时间：{date} {time}　来源：{name}　浏览量：{views}　字号：大 中 小",),),
            under_dateline=("【打印】 【关闭】",),
            editor=(),
            tail=("扫一扫在手机上查看当前页面", "相关信息：", "{related}", "网站地图 | 联系我们 | 使用帮助 | 隐私声明",
                  "主办单位：安徽省人民政府办公厅"),
        ),
        Site(  # a provincial news app's share page
            name="江西新闻客户端",
            top=("江西新闻", "打开App，阅读体验更佳"),
            dateline=(("{cdate} {time} 来源：江西日报",),),
            under_dateline=(),
            editor=("责编：{person}",),
            tail=("打开App，查看更多精彩内容", "为你推荐", "{related}", "江西日报社主办"),
        ),
    ),
    wechat=WeChat(
        accounts=("鄂州发布", "宣城党建", "九江组工"),
        account_line=("原创 {name} {person}", "{name} {date} {time} 发表于{province}"),
        date_line=("", "{cdate}"),
        top=("↑点击上方蓝字 关注我们",),
        credits=("来源 | {name}", "编辑 | {person}", "审核 | {person2}"),
        tail=("- End -", "推荐阅读", "{related}", "长按识别二维码关注我们", "点分享", "点收藏", "点点赞", "点在看"),
    ),
    paged=Paged(
        page_numbers=("第{n}页/共{total}页", "[{n}]", "P{n}", "- {n} of {total} -", "{n} 共{total}页"),
        headers=("九江日报", "内部刊物 请勿外传", "组织工作简报", "{name}"),
        footers=("中共九江市委组织部 编", "宣城市住房和城乡建设局"),
        mastheads=(("宣 城 组 工", "第{issue}期 （总第{issue}期）"), ("工作简报", "中共九江市委组织部办公室　　{cdate}")),
        closing=(("主送：各县（市、区）委组织部", "抄送：市委办公室", "九江市委组织部办公室　　{cdate}印发"),),
    ),
    people=("邹敏", "彭志华", "汪洋", "程丽"),
    provinces=("湖北", "安徽", "江西"),
)

# A fourth held-out set, written after the first run of held-out-3 (again a gap, in the paged
# families and on the web) and before any of its failures were looked at: run once, at the very end.
FOURTH = Vocabulary(
    name="held-out-4",
    sites=(
        Site(  # a county's converged-media site
            name="松阳新闻网",
            top=("松阳新闻网首页 • 县内新闻 • 乡镇动态 • 图片新闻", "首页 / 乡镇动态 / 正文"),
            dateline=(("{cdate} {time}　松阳新闻网　{person}",), ("作者：{person}　　时间：{date}　　阅读：{views}",)),
            under_dateline=("【A+】【A-】",),
            editor=("【编辑：{person}】",),
            tail=("分享给朋友：", "上一条：{prev}", "下一条：{next}", "Copyright (C) 2023 松阳县融媒体中心 All Rights Reserved"),
        ),
        Site(  # a city's party-building portal
            name="宜春党建网",
            top=("宜春党建网欢迎您！ 今天是2023年5月12日 星期五", "首 页 | 组织建设 | 干部工作 | 人才工作 | 党员教育"),
            dateline=(("时间：{date}　来源：{name}　点击：{views}",),),
            under_dateline=(),
            editor=("（编辑：{person}　审核：{person2}）",),
            tail=("打印此文　关闭窗口", "相关文章：", "{related}", "中共宜春市委组织部 版权所有",
                  "地址：宜春市宜阳大道1号　邮编：336000　电话：0795-3999999"),
        ),
    ),
    wechat=WeChat(
        accounts=("松阳发布", "宜春组工"),
        account_line=("原创 {person} {name}", "{name}"),
        date_line=("{date} {time} {province}",),
        top=("▲点击蓝字 关注我们",),
        credits=("统稿：{person}", "责任编辑：{person2}"),
        tail=("◆ ◆ ◆  ◆ ◆", "往期精彩", "{related}", "↓↓↓点击阅读原文", "你的每个赞和在看，我都喜欢！"),
    ),
    paged=Paged(
        page_numbers=("第{n}页（共{total}页）", "{n}／{total}", "~{n}~", "P.{n}", "— 第{n}页 —"),
        headers=("宜春日报", "机密 ★ 内部", "{name}"),
        footers=("中共宜春市委组织部印", "松阳县人民政府办公室"),
        mastheads=(("宜春组工", "{cdate}　第{issue}期"),),
        closing=(("发送：各县（市、区）委组织部", "宜春市委组织部办公室　　{cdate}印发"),),
    ),
    people=("熊伟", "付佳", "胡晓东"),
    provinces=("江西", "浙江"),
)

# A fifth held-out set, written after held-out-4's first run (web and WeChat chrome of unseen
# phrasing leaked) and before the rules were mended with it: the last, unseen, measure.
FIFTH = Vocabulary(
    name="held-out-5",
    sites=(
        Site(  # a city's news portal
            name="南充新闻网",
            top=("南充新闻网 | 南充日报社主管主办", "新闻中心 ＞ 区县新闻 ＞ 正文"),
            dateline=(("作者：{person}　　来源：南充日报　　日期：{date}",),),
            under_dateline=("小字体 中字体 大字体",),
            editor=("责任编辑/{person}",),
            tail=("分享文章到：", "热点新闻", "{related}", "南充日报社 版权所有 蜀ICP备09000000号"),
        ),
        Site(  # a district government's mobile page
            name="高新区管委会",
            top=("高新区管委会门户网站", "当前：首页 >> 工作动态"),
            dateline=(("发布：{date}　来源：高新区党群工作部",),),
            under_dateline=(),
            editor=(),
            tail=("【返回】 【顶部】", "相关文章推荐", "{related}", "主办：高新区管委会办公室"),
        ),
    ),
    wechat=WeChat(
        accounts=("南充组工", "高新先锋"),
        account_line=("原创 {name} {person}", "原创 {name}"),
        date_line=("{cdate} {time} 发表于{province}",),
        top=("关注“{name}”，获取权威资讯",),
        credits=("供稿：{name}", "编辑：{person}", "校审：{person2}"),
        tail=("-THE END-", "推荐", "{related}", "长按关注", "点个赞吧", "微信扫一扫关注该公众号"),
    ),
    paged=Paged(
        page_numbers=("第{n}页 共{total}页", "—{n}—", "- {n}/{total} -", "第 {n} 页", "{n} /{total}"),
        headers=("南充日报", "高新区党建工作", "{name}"),
        footers=("中共南充市委组织部编", "高新区党群工作部"),
        mastheads=(("南充组工", "第{issue}期"), ("高 新 先 锋", "{cdate}")),
        closing=(("报：市委组织部", "送：各党（工）委", "高新区党群工作部　　{cdate}印发"),),
    ),
    people=("唐宇", "秦芳", "曾凡"),
    provinces=("四川", "广东"),
)

# An independent set, written by a different person than the rules' author (an evaluator who had not
# read edition/clean/ when writing it), from how real Chinese sites, accounts and bulletins look rather
# than from the sets above; run once and left as it was (docs/evaluation.md, "Independent held-out set").
INDEPENDENT = Vocabulary(
    name="independent",
    sites=(
        Site(  # a provincial government portal
            name="山东省人民政府",
            top=("山东省人民政府 | 中国·山东", "首页　要闻动态　政务公开　政务服务　互动交流　数据开放　走进山东",
                 "当前位置：首页＞要闻动态＞市县动态"),
            dateline=(("{date} {time}　　来源：大众日报",),
                      ("发布日期：{cdate}　　信息来源：淄博市人民政府　　浏览次数：{views}",)),
            under_dateline=("字号：大 中 小　|　视力保护色　|　打印　|　关闭",),
            editor=("（责任编辑：{person}　审核：{person2}）",),
            tail=("相关稿件", "{related}", "【我要纠错】　【打印本页】　【关闭窗口】",
                  "联系我们 ｜ 网站地图 ｜ 使用帮助 ｜ 隐私政策 ｜ 无障碍说明",
                  "主办：山东省人民政府办公厅　承办：山东省大数据中心",
                  "网站标识码：3700000063　鲁ICP备05045114号　鲁公网安备 37010202000604号",
                  "为确保最佳浏览效果，建议使用1920×1080分辨率，谷歌、Edge等浏览器浏览。"),
        ),
        Site(  # a city government's information-disclosure page, with its metadata table above the headline
            name="绵阳市人民政府",
            top=("绵阳市人民政府　www.my.gov.cn", "首页 > 政务公开 > 部门信息公开 > 市住建委 > 工作动态",
                 "索引号：008470436/2023-00312", "主题分类：城乡建设、环境保护 / 工作动态",
                 "发布机构：绵阳市住房和城乡建设委员会", "成文日期：{date}"),
            dateline=(("发布时间：{date} {time}　　来源：市住建委",), ("信息来源：市住建委", "发布时间：{cdate}")),
            under_dateline=("【我要打印】【关闭窗口】",),
            editor=(),
            tail=("扫一扫在手机上打开", "上一条：{prev}", "下一条：{next}", "【相关政策解读】", "{related}",
                  "绵阳市人民政府办公室主办　绵阳市大数据中心承办",
                  "网站标识码：5107000005　蜀ICP备05008234号　川公网安备 51070302000102号", "政务服务热线：12345"),
        ),
        Site(  # a county converged-media centre's site
            name="蓬溪县融媒体中心",
            top=("蓬溪县融媒体中心　掌上蓬溪", "首页　时政　乡镇　部门　视听　专题　公告", "您的位置：网站首页 → 乡镇风采 → 正文"),
            dateline=(("来源：蓬溪县融媒体中心　作者：{person}　时间：{cdate} {time}　阅读：{views}次",),
                      ("发布者：{person}　　发布时间：{date} {time}　　点击数：{views}",)),
            under_dateline=("听新闻　　字号：默认 大 超大",),
            editor=("初审：{person}　复审：{person2}　终审：邓建军",),
            tail=("打印本文　　返回顶部", "推荐新闻", "{related}", "蓬溪县融媒体中心 版权所有 未经授权禁止复制或建立镜像",
                  "新闻热线：0825-5412345　投稿邮箱：pxrmtzx@163.com", "川ICP备17012345号-1"),
        ),
        Site(  # a provincial party-building website
            name="陇原先锋网",
            top=("陇原先锋网 — 中共甘肃省委组织部主办", "首页 · 时政要闻 · 组织工作 · 基层党建 · 干部工作 · 人才工作 · 党员教育",
                 "当前位置：陇原先锋网 > 基层党建 > 市州动态"),
            dateline=(("来源：中共平凉市崆峒区委组织部　　{date}",), ("{cdate}　　来源：中共张家川县委组织部　　作者：{person}",)),
            under_dateline=(),
            editor=("【编辑：{person}　审校：{person2}】",),
            tail=("[打印] [关闭]", "延伸阅读", "{related}", "本站所载内容仅代表作者观点，转载请注明来源陇原先锋网。",
                  "中共甘肃省委组织部主办　陇原先锋网编辑部承办", "陇ICP备05000393号-2"),
        ),
        Site(  # a national news agency's portal
            name="新华网",
            top=("新华网首页　时政　地方　国际　财经　思客　图片　视频", "新华网 > 地方 > 正文"),
            dateline=(("{date} {time}:12　来源：新华网",), ("{date} {time}:47", "来源： 新华网")),
            under_dateline=("字体： 小 中 大　　分享到：",),
            editor=("【纠错】 【责任编辑：{person} 】",),
            tail=("相关报道", "{related}", "新华网版权所有，未经书面授权禁止使用",
                  "Copyright © 2000-2023 XINHUANET.com All Rights Reserved.",
                  "制作单位：新华网股份有限公司　版权所有：新华网股份有限公司"),
        ),
        Site(  # a 今日头条 mirror of a government account's article
            name="今日头条",
            top=("今日头条", "首页 / 正文"),
            dateline=(("{date} {time}·平凉发布",), ("平凉发布", "{date} {time}　平凉市人民政府新闻办公室官方账号")),
            under_dateline=("关注",),
            editor=(),
            tail=("举报", "评论", "写评论...", "{related}",
                  "© 2023 今日头条　中国互联网举报中心　京ICP证140141号　京公网安备11000002002023号"),
        ),
        Site(  # a 网易号 mirror
            name="网易",
            top=("网易首页 > 网易号 > 正文", "申请入驻"),
            dateline=(("{date} {time}:08　来源: 崆峒组工",), ("{date} {time}:08　来源: 平凉发布", "{province}")),
            under_dateline=("0", "分享至"),
            editor=(),
            tail=("特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。",
                  "Notice: The content above (including the pictures and videos if any) is uploaded and posted by a "
                  "user of NetEase Hao, which is a social media platform and only provides information storage services.",
                  "相关推荐", "{related}", "热点新闻", "网易公司版权所有 ©1997-2023"),
        ),
    ),
    wechat=WeChat(
        accounts=("蓬溪发布", "崆峒组工", "绵阳住建", "陇原先锋"),
        account_line=("原创 {person}、{person2} {name}", "{name} {date} {time}", "原创 {name}小编 {name}"),
        date_line=("{cdate} {time} {province}", "", "修改于{cdate}"),
        top=("以下文章来源于四川组工 ，作者四川组工", "四川组工.",
             "中共四川省委组织部官方微信公众号，发布组织工作权威信息。", "点击上方蓝字“{name}”，关注我们"),
        credits=("信息来源：{name}", "图片/视频：{person}", "初审：{person2}　复审：{person}　终审：钟立平"),
        tail=("声明：部分图片来源于网络，版权归原作者所有，如有侵权请联系删除。", "—— 往期推荐 ——", "{related}",
              "编辑不易，点个“在看”再走吧", "分享收藏点赞在看", "阅读原文", "阅读 {views}", "写下你的留言"),
    ),
    paged=Paged(
        page_numbers=("（{n}）", "Page {n}", "· {n} ·", "共{total}页 第{n}页", "－ {n} －"),
        headers=("组工动态　2023年第{issue}期", "《崆峒党建》第{issue}期", "绵阳市人民政府公报　2023年第{issue}期",
                 "蓬溪县住房和城乡建设局　工作信息"),
        footers=("打印日期：{cdate}", "中共平凉市崆峒区委组织部办公室",
                 "http://www.my.gov.cn/zwgk/bmdt/202305/t20230512_3012345.html"),
        mastheads=(("崆峒组工信息", "第{issue}期", "中共平凉市崆峒区委组织部　　　　　{cdate}"),
                   ("内部资料", "蓬 溪 党 建", "2023年第{issue}期（总第{issue}期）", "中共蓬溪县委组织部编　　　　　　{cdate}"),
                   ("绵阳市住房和城乡建设委员会", "工 作 简 报", "〔2023〕{issue}号")),
        closing=(("报：市委组织部，区委常委", "送：区人大常委会、区政府、区政协领导", "发：各乡镇党委，区直各部门党组（党委）",
                  "（共印80份）"),
                 ("编辑：{person}　　审核：{person2}　　签发：刘志刚", "抄送：市委组织部，市住建委",
                  "中共蓬溪县委组织部办公室　　　　　　{cdate}印发")),
    ),
    people=("马晓燕", "杨帆", "谢婷婷", "邓志刚", "罗佳"),
    provinces=("四川", "甘肃", "山东"),
)

# An unseen set, written by someone who had not read the rules (edition/clean/) nor the account of their
# mending, after every set above had been used to mend them, from how real Chinese government portals,
# news sites, WeChat accounts and printed bulletins look: to be run once, at the end, when the rules are final.
UNSEEN = Vocabulary(
    name="unseen",
    sites=(
        Site(  # a provincial government portal
            name="河南省人民政府",
            top=("河南省人民政府门户网站　www.henan.gov.cn", "繁体 | 无障碍 | 关怀版 | 手机版 | 政务微博 | 政务微信",
                 "您当前的位置：首页 > 要闻 > 市县政务"),
            dateline=(("{date} {time}　　来源：河南日报　　【字体：大　中　小】",),
                      ("发布时间：{cdate} {time}", "信息来源：开封市人民政府")),
            under_dateline=("分享到：微信　微博　QQ空间",),
            editor=("编辑：{person}　　责任编辑：{person2}",),
            tail=("【打印本页】　　【关闭窗口】", "【相关新闻】", "{related}",
                  "网站地图 | 网站声明 | 联系我们 | 网站纠错 | 意见建议",
                  "河南省人民政府办公厅主办　河南省政府办公厅政务信息中心承办",
                  "网站标识码：4100000022　豫ICP备05004120号　豫公网安备 41010502004456号", "政府网站找错"),
        ),
        Site(  # a city government's information-disclosure page, its metadata table above the headline
            name="南宁市人民政府",
            top=("南宁市人民政府门户网站",
                 "首页 > 政务公开 > 政府信息公开 > 部门信息公开 > 南宁市住房和城乡建设局 > 法定主动公开内容 > 工作动态",
                 "索 引 号：114501000075649180/2023-01582　　信息分类：住房城乡建设",
                 "发布机构：南宁市住房和城乡建设局　　生成日期：{date}",
                 "主 题 词：房屋征收　城市更新　　公开方式：主动公开"),
            dateline=(("发布日期：{date}　　来源：南宁市住房和城乡建设局　　阅读次数：{views}",),
                      ("{cdate}　　南宁市住房和城乡建设局",)),
            under_dateline=("字体：大　中　小　　打印　　关闭",),
            editor=(),
            tail=("【上一篇】{prev}", "【下一篇】{next}", "手机扫码浏览",
                  "主办：南宁市人民政府办公室　承办：南宁市大数据发展局",
                  "网站标识码：4501000018　桂ICP备05011025号　桂公网安备 45010302000715号",
                  "建议使用IE10及以上版本浏览器，1366×768以上分辨率浏览本网站"),
        ),
        Site(  # a county government portal
            name="沭阳县人民政府",
            top=("无障碍浏览 ｜ 长辈版 ｜ 移动版 ｜ English", "网站首页 | 走进沭阳 | 政务公开 | 政务服务 | 政民互动 | 专题专栏",
                 "首页 >> 政务公开 >> 部门动态"),
            dateline=(("信息来源：县住房和城乡建设局　发布时间：{date} {time}　浏览次数：{views}　【字体：大 中 小】",),
                      ("【发布单位：沭城街道办事处】【发布时间：{date}】【阅读：{views}次】",)),
            under_dateline=(),
            editor=("（供稿：沭城街道　编辑：{person}　审核：{person2}）",),
            tail=("【打印此页】【关闭窗口】【返回顶部】", "友情链接：中国政府网 ｜ 江苏省人民政府 ｜ 宿迁市人民政府",
                  "主办：沭阳县人民政府办公室　　承办：沭阳县大数据管理中心",
                  "苏ICP备05012345号-1　　苏公网安备 32132202000123号　　网站标识码：3213220001",
                  "政府网站找错　　党政机关", "您是本站第{views}位访客"),
        ),
        Site(  # a national news site (its government-account channel as well)
            name="澎湃新闻",
            top=("澎湃新闻 The Paper", "要闻　深度　直播　视频　时事　财经　思想　智库　生活"),
            dateline=(("澎湃新闻记者 {person}", "{date} {time} 来源：澎湃新闻"),
                      ("九龙坡发布", "{date} {time}　来源：澎湃新闻·澎湃号·政务")),
            under_dateline=("字号",),
            editor=("责任编辑：{person}　图片编辑：{person2}", "校对：施鋆"),
            tail=("澎湃新闻报料：021-962866", "澎湃新闻，未经授权不得转载", "+1", "收藏", "我要举报",
                  "#城市更新 #房屋征收", "查看更多", "热新闻", "{related}",
                  "关于澎湃 | 在澎湃工作 | 联系我们 | 广告及合作 | 版权声明 | 隐私政策 | 友情链接 | 严正声明",
                  "沪ICP备14003370号　沪公网安备31010602000299号", "互联网新闻信息服务许可证：31120170006",
                  "© 2014-2023 上海东方报业有限公司"),
        ),
        Site(  # a commercial portal's news channel, republishing a provincial daily
            name="新浪新闻",
            top=("新浪首页 新闻 体育 财经 娱乐 科技 博客 图片 专栏 更多", "新浪新闻中心 > 国内新闻 > 正文"),
            dateline=(("{cdate} {time} 河南日报",),
                      ("{cdate} {time}　新浪新闻综合", "原标题：聚力攻坚拔“钉子” 征迁一线党旗红")),
            under_dateline=("字号：大 中 小　　　收藏本文",),
            editor=("责任编辑：{person} SN240",),
            tail=("新浪新闻意见反馈留言板 电话：4000520066 欢迎批评指正", "热门推荐 换一换", "{related}", "点击加载更多",
                  "新浪简介 | 广告服务 | 联系我们 | 招聘信息 | 网站律师 | SINA English | 产品答疑",
                  "Copyright © 1996-2023 SINA Corporation", "All Rights Reserved 新浪公司 版权所有"),
        ),
        Site(  # another commercial portal
            name="凤凰网",
            top=("凤凰网首页 资讯 财经 娱乐 体育 时尚 汽车 房产 科技 读书 文化 历史 军事 旅游", "凤凰网资讯 > 正文"),
            dateline=(("{cdate} {time}:05　　来源：大河网",), ("{cdate} {time}:51　来自{province}", "来源：凤凰网河南综合")),
            under_dateline=("打开凤凰新闻，查看更多高清图片",),
            editor=("责编：{person}　　主编：{person2}",),
            tail=("分享到：微信好友 朋友圈 微博", "大家都在看", "{related}", "凤凰新闻 天天有料", "24小时热闻",
                  "违法和不良信息举报电话：4006780114　举报邮箱：jubao@ifeng.com",
                  "Copyright © 2023 Phoenix New Media Limited All Rights Reserved."),
        ),
        Site(  # the national broadcaster's site
            name="央视网",
            top=("央视网首页 | 新闻 | 体育 | 综艺 | 纪录 | 央视频 | 直播", "新闻频道 > 国内新闻 > 正文"),
            dateline=(("来源：央视网 | {cdate} {time}",), ("来源：河南新闻联播 | {cdate} {time}",)),
            under_dateline=(),
            editor=("编辑：{person}　责任编辑：{person2}",),
            tail=("热点推荐", "{related}", "中央广播电视总台 版权所有",
                  "京ICP证060535号　京公网安备11010502000014号", "网络视听许可证0102004号"),
        ),
        Site(  # a provincial paper's news app, as its share page reads
            name="大河报·豫视频",
            top=("大河报·豫视频", "打开APP，查看更多精彩"),
            dateline=(("{cdate} {time}　{province}　大河报·豫视频",),
                      ("作者：大河报·豫视频记者 {person} 通讯员 {person2}", "{date} {time}　阅读 {views}")),
            under_dateline=("+关注",),
            editor=("编辑：{person} | 审核：{person2} | 监制：李春阳",),
            tail=("本文为大河报·豫视频原创作品，未经授权不得转载。", "投诉举报", "点赞 {issue}", "评论（0）",
                  "还没有评论，快来抢沙发吧~", "为您推荐", "{related}", "下载大河报·豫视频客户端　阅读更多精彩内容"),
        ),
        Site(  # a 百家号 mirror of a district media centre's account
            name="百家号",
            top=("百度首页　登录",),
            dateline=(("九龙坡融媒", "{date} {time}重庆", "重庆市九龙坡区融媒体中心官方帐号"),
                      ("发布时间：{date} {time}", "九龙坡融媒")),
            under_dateline=(),
            editor=(),
            tail=("举报/反馈　　", "作者最新文章", "{related}", "更多相关文章",
                  "使用百度前必读 | 意见反馈 | 帮助中心 | 百家号", "©2023 Baidu 京ICP证030173号 京公网安备11000002000001号"),
        ),
    ),
    wechat=WeChat(
        accounts=("沭阳发布", "南宁住建", "河南组工", "九龙坡发布"),
        account_line=("原创 {person} 等 {name}", "{person} {name}", "原创 {name}编辑部 {name}", "{name} {cdate} {time}"),
        date_line=("{cdate} {time}  {province}", "修改于{date} {time}", ""),
        top=("点击蓝字关注我们", "星标★“{name}”，第一时间获取权威资讯"),
        credits=("来源：区房屋征收中心", "文字：{person}　摄影：{person2}", "一审：{person}　二审：{person2}　三审：蒋文斌"),
        tail=("/ END /", "声明：本文系“{name}”原创，转载请注明出处", "投稿邮箱：tougao_zj@163.com", "【往期推荐】", "{related}",
              "扫码关注 | 更多精彩", "点个“在看”，让更多人看到", "分享", "收藏", "点赞", "在看", "阅读原文 阅读 {views}",
              "暂无留言"),
    ),
    paged=Paged(
        page_numbers=("-{n}-", "第{n}页，共{total}页", "• {n} •", "({n})", "Page {n}/{total}", "〔{n}〕"),
        headers=("内部资料　注意保存", "南宁市住房和城乡建设局　工作简报", "《征收工作情况交流》第{issue}期",
                 "沭阳县人民政府公报　2023年第{issue}期", "{date} {time}　{name}"),
        footers=("南宁市城市更新工作领导小组办公室编", "打印时间：{date} {time}",
                 "https://www.henan.gov.cn/2023/05-12/2743215.html", "本简报仅供领导参阅，请勿外传"),
        mastheads=(("城市更新工作简报", "（第{issue}期）", "南宁市城市更新工作领导小组办公室　　　　{cdate}"),
                   ("内部资料　注意保存", "征 收 工 作 动 态", "2023年第{issue}期　总第{issue}期",
                    "沭阳县房屋征收与补偿办公室编　　　　　{cdate}"),
                   ("秘密★6个月", "河南省住房和城乡建设厅", "信 息 专 报", "〔2023〕第{issue}期",
                    "签发人：{person}　　　　　　　　{cdate}")),
        closing=(("抄送：市委办公厅，市人大常委会办公厅，市政府办公厅，市政协办公厅。",
                  "南宁市住房和城乡建设局办公室　　　　　　{cdate}印发"),
                 ("主报：省委、省政府领导同志", "抄报：住房和城乡建设部办公厅",
                  "分送：各省辖市、济源示范区住房和城乡建设局", "责任编辑：{person}　　　　　　　　　　共印120份"),
                 ("（此件主动公开）", "抄送：县委办，县人大办，县政协办，县纪委监委。",
                  "沭阳县人民政府办公室　　　　　　　{cdate}印发")),
    ),
    people=("韦丽华", "覃志明", "闫晓静", "冉小平", "蔡宏伟"),
    provinces=("河南", "广西", "江苏", "重庆"),
)

VOCABULARIES = {DEV.name: DEV, HELDOUT.name: HELDOUT, FRESH.name: FRESH, THIRD.name: THIRD, FOURTH.name: FOURTH,
                FIFTH.name: FIFTH, INDEPENDENT.name: INDEPENDENT, UNSEEN.name: UNSEEN}
