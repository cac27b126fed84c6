"""What each paragraph is: title, heading, date line, signature, salutation, body text — or not report text.

Several rules need this (end punctuation, broken paragraphs, duplicates, heading
numbers) and must agree, so the engine's analysis step computes it once per
document. The decision uses form only: numbering, length, position, punctuation,
never a list of particular documents' lines.

Reports copied from web pages carry furniture that is not report text at all
(toolbars, 来源/时间/责任编辑 lines, view counts, link lists, site footers, photo
credits, the site's 内容摘要 excerpt): those paragraphs are NOISE, and no rule
reports on them. Tables (tab-separated rows, cells between row numbers) and the
entries of a glossary or appendix (名词解释) are report text with conventions of
their own, so they get roles of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import regex

from ..document import Document, Paragraph

CN_NUM = "一二三四五六七八九十百零〇两"
_NUM = rf"[{CN_NUM}]+"

# Heading levels of GB/T 9704 §7.3.3 and the run-in enumerations of report prose.
LEVEL_PATTERNS: list[tuple[int, regex.Pattern[str]]] = [
    (1, regex.compile(rf"^(?P<n>{_NUM})[、．.，,]")),
    (2, regex.compile(rf"^[（(](?P<n>{_NUM})[）)]")),
    (3, regex.compile(r"^(?P<n>\d{1,2})(?:[.．、](?!\d)|\s)")),
    (4, regex.compile(r"^[（(](?P<n>\d{1,2})[）)]")),
    (5, regex.compile(r"^(?P<n>[①-⑳])")),
]
_TITLES = (
    r"(?:常委会|人大|政府|法院|检察院|政协|委员会)?(?:副)?(?:主任|院长|检察长|书记|总理|市长|区长|县长|州长|省长|主席|"
    r"旗长|盟长|委员长|部长|局长|厅长|秘书长|处长|镇长|乡长|代表|同志)"
)
# 区人大常委会主任 刘红军; bylines of web copies: 国务院总理 温家宝, 区长?? 王春雨 (?? = a lost NBSP)
SIGNATURE = regex.compile(
    rf"{_TITLES}(?:[ \u3000\t?]+\p{{Han}}{{2,4}}|[ \u3000\t?]*(?:\p{{Han}}[ \u3000?]+){{1,3}}\p{{Han}}"
    rf"|[ \u3000\t]*\?+(?=[\p{{Han}} \u3000?]{{1,12}}$)[\p{{Han}} \u3000?]*\p{{Han}}[ \u3000?]*)$"
)
# 政 府 工 作 报 告 (—— 2020年1月): a title set with a space between its characters
SPACED_TITLE = regex.compile(r"^(?:\p{Han}[ \u3000?]{1,4}){2,}\p{Han}(?:\s*——.*)?$")
_BARE_NAME = regex.compile(r"^\p{Han}{2,3}$")
_DATELINE = regex.compile(r"^(?:——|—|--)?\s*[（(]?\s*\d{4}年\d{1,2}月\d{1,2}日")
_SALUTATION = regex.compile(
    r"^(?:各位代表|各位委员|各位领导|同志们|各位)(?:、[\p{Han}]{2,6})*\s*(?P<p>[：:，,！!]?)$"
)
_FIRST_SENTENCE = regex.compile(r"^[^。！？]{2,40}?[。！？]")
_INNER_PUNCT = set("，。；：！？、,;:!?")
_END = set("。！？；：…!?;:.")
_CLOSERS = set("”’）)》】〕」』")


class Role(str, Enum):
    TITLE = "title"
    HEADING = "heading"  # numbered heading (一、 （一） 1. （1）)
    SECTION = "section"  # unnumbered section title (过去一年的主要工作), appendix heading (名词解释)
    DATELINE = "dateline"
    SIGNATURE = "signature"  # also a byline (国务院总理 温家宝)
    SALUTATION = "salutation"
    BODY = "body"
    TABLE = "table"  # a table row or cell
    GLOSSARY = "glossary"  # an entry of a glossary or appendix after its heading
    NOISE = "noise"  # not report text: web-page furniture, photo credits, the site's excerpt


# Lines of a web page's furniture, by their form.
_NOISE_LINE = regex.compile(
    r"""^(?:
        (?:下载|打印|全屏|收藏|加大|还原|减小|分享|分享到|打印本页|关闭|关闭窗口|返回顶部|返回首页|返回手机版|登录|注册|登录注册
           |评论|点赞|收藏本页|字号|字体|大|中|小|扫一扫[^。]*|×|\d{1,7}|\d{4}年)[:：]?
      | [【\[]\s*(?:字号|字体)[:：].*
      | [【\[]?\s*[】\]]
      | 【我要纠错】.*
      | [（(]?(?:来源|来源URL|稿源|信息来源|资料|时间|发布时间|发表时间|更新时间|发文单位|发文时间|发文字号|标题|作者|报告人|责任编辑|编辑|审核|校对|浏览次数|点击数|阅读量|阅读)\s*[:：].{0,60}
      | \d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?
      | (?:https?://|www\.)\S*
      | .{0,40}\.(?:docx?|pdf|xlsx?|wps|rar|zip)
      | 内容摘要[:：]?
      | (?:下载|打印|收藏|分享|关闭)(?:\s*[、|/]?\s*(?:下载|打印|收藏|分享|关闭|本页|窗口))+
      | (?:相关报道|相关链接|相关新闻|相关阅读|延伸阅读|推荐阅读|本栏最新|热点推荐|热门文章|上一篇|下一篇)[:：]?.{0,40}
    )$""",
    regex.X,
)
_FOOTER = regex.compile(
    r"版权所有|本站立场|ICP备|数据网|主办单位[:：]|技术支持[:：]|网站地图|云适配|电脑版|手机版|客户端|滑动条|e读版"
)
_NAV_ARROWS = regex.compile(r"》》|《《")
# A site's footer run onto the last paragraph: …奋斗！ 来源：百度马 克 数据网
FOOTER_TAIL = regex.compile(
    r"(?<=[。！？!?])[\s。]*[^。！？]{0,30}?(?:数\s*据\s*网|本站|微信公众号|来源[:：])[^。！？]*$"
)
# A photo credit, alone or at the end of a paragraph: 本报记者 朱江 摄; 图为…（记者 某某 摄）
PHOTO_CREDIT = regex.compile(
    r"(?:[（(]?(?:本报|新华社|人民网)?记者[\s\p{Han}、，,]{1,20}?摄[）)]?|摄影[:：]\s*\p{Han}{2,4})\s*$"
)
# Headings of a glossary or an appendix: what follows restates or annotates the report.
_APPENDIX = regex.compile(
    r"^(?:[【\[※]\s*)?(?:附件|附录|附表|附[:：]|注释|名词解释|名词注释|术语注释|短语说明|有关名词解释)|(?:名词解释|名词注释|术语注释|短语说明|名词、术语注释)[】\]※]?$"
)
_LINK_LISTS = regex.compile(
    r"^(?:相关报道|相关链接|相关新闻|相关阅读|延伸阅读|推荐阅读|本栏最新|热点推荐|热门文章|分享到)"
)
_ROW_NUMBER = regex.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class Info:
    role: Role
    level: int | None = None  # heading level 1-5 when numbered
    number: str | None = None


# An item of a task list ends with a labelled field: …建成开学。牵头单位：区教育局
_FIELD = regex.compile(r"(?:牵头|责任|配合|主责|协办|承办|实施|完成)(?:单位|部门)[:：][^。！？]*$")
# What may follow a finished sentence: a glossary's page reference (…金融服务。(见第2页)), invisible marks.
_TRAILER = regex.compile(
    r"(?:(?<=[。！？；])\s*[（(]见第?\s*\d+\s*页[）)]|[\u200b-\u200d\ufeff\ue000-\uf8ff\s]+)$"
)


def ends_sentence(text: str) -> bool:
    t = text.rstrip()
    if _FIELD.search(t):
        return True
    t = _TRAILER.sub("", t)
    while t and t[-1] in _CLOSERS:
        t = t[:-1]
    return bool(t) and (t[-1] in _END or t.endswith("……"))


def heading_number(text: str) -> tuple[int, str] | None:
    for level, pattern in LEVEL_PATTERNS:
        m = pattern.match(text)
        if m:
            return level, m.group("n")
    return None


def _has_inner_punct(text: str) -> bool:
    return any(ch in _INNER_PUNCT for ch in text)


def classify(doc: Document) -> list[Info]:
    """The role of every paragraph, in order (the analysis step caches it per document)."""
    infos = [_classify_one(doc, p) for p in doc.paragraphs]
    _tables(doc, infos)
    _sections(doc, infos)
    _lead_sentences(doc, infos)
    return infos


def _is_noise(text: str) -> bool:
    return bool(
        _NOISE_LINE.match(text)
        or (len(text) < 120 and _FOOTER.search(text))
        or (_NAV_ARROWS.search(text) and len(text) < 40)
        or (len(text) < 40 and PHOTO_CREDIT.match(text))
    )


def _classify_one(doc: Document, p: Paragraph) -> Info:
    text = p.text
    if _is_noise(text):
        return Info(Role.NOISE)
    if "\t" in text:  # a tab inside a line is a cell boundary: the line is a table row
        return Info(Role.TABLE)
    if "\t" in _indent(doc, p) and len(text) <= 60 and not ends_sentence(text):
        return Info(Role.TABLE)  # a cell of a table copied out one cell a line, indented by a tab
    if len(text) <= 40 and SPACED_TITLE.match(text):
        return Info(Role.TITLE)
    if p.heading_level is not None and not ends_sentence(text):
        return Info(Role.SECTION, level=None)
    if _SALUTATION.match(text):
        return Info(Role.SALUTATION)
    if _DATELINE.match(text) and not text.rstrip().endswith("。") and len(text) < 90:
        return Info(Role.DATELINE)
    if len(text) < 60 and SIGNATURE.search(text) and not _has_inner_punct(text.replace("?", "")):
        return Info(Role.SIGNATURE)
    if p.index < 3 and _BARE_NAME.match(text):
        return Info(Role.SIGNATURE)
    numbered = heading_number(text)
    if numbered:
        level, number = numbered
        # A numbered paragraph is a heading when its first sentence is short and unpunctuated at the end.
        if not ends_sentence(text) or _first_sentence_is_heading(text):
            return Info(Role.HEADING, level, number)
        return Info(Role.BODY, level, number)
    if len(text) <= 60 and not _has_inner_punct(text.strip("（）()《》“”")) and not ends_sentence(text):
        return Info(Role.TITLE if p.index < 4 else Role.SECTION)
    if len(text) <= 60 and text.startswith("——") and not ends_sentence(text):
        return Info(Role.SECTION)  # ——a subtitle under a heading
    if len(text) <= 40 and not _has_inner_punct(text.replace("、", "")) and not ends_sentence(text):
        return Info(Role.SECTION)  # a slogan line: 推进文明城、卫生城、园林城“三城”同创
    return Info(Role.BODY)


def _indent(doc: Document, p: Paragraph) -> str:
    """The whitespace before a paragraph on its line (the reader keeps it out of the paragraph)."""
    begin = doc.text.rfind("\n", 0, p.start) + 1
    return doc.text[begin : p.start]


def _lead_sentences(doc: Document, infos: list[Info]) -> None:
    """Unnumbered subheadings written as a clause (五年来，我们聚力“三农”，乡村振兴全面推进) over body text.

    A short paragraph without a full stop is a heading when a longer body paragraph follows and the
    document uses the same form at least twice more: a series of lead sentences, not a lost stop.
    """
    paras = doc.paragraphs
    candidates = [
        i
        for i, (p, info) in enumerate(zip(paras, infos, strict=True))
        if info.role == Role.BODY
        and len(p.text) <= 45
        and not regex.search(r"[。；！？;!?]", p.text)
        and i + 1 < len(paras)
        and infos[i + 1].role == Role.BODY
        and len(paras[i + 1].text) >= 2 * len(p.text)
    ]
    if len(candidates) >= 3:
        for i in candidates:
            infos[i] = Info(Role.SECTION)


def _tables(doc: Document, infos: list[Info]) -> None:
    """Cells of a table flattened one per line: the lines between consecutive row numbers (1, 2, 3…)."""
    paras = doc.paragraphs
    numbers = [(i, int(p.text)) for i, p in enumerate(paras) if _ROW_NUMBER.match(p.text)]
    rows: set[int] = set()  # row numbers that belong to a table
    for (i, a), (j, b) in zip(numbers, numbers[1:], strict=False):
        if b == a + 1 and 1 < j - i <= 12 and all(len(paras[k].text) <= 200 for k in range(i + 1, j)):
            rows.update((i, j))
            for k in range(i + 1, j):
                if infos[k].role != Role.NOISE:
                    infos[k] = Info(Role.TABLE)
    # the cells after the last row number of a table, up to the first line of running text
    for i in sorted(rows):
        if i + 1 < len(paras) and i + 1 not in rows:
            k = i + 1
            while (
                k < len(paras)
                and k - i <= 12
                and len(paras[k].text) <= 60
                and not ends_sentence(paras[k].text)
            ):
                if infos[k].role == Role.TABLE:
                    break
                infos[k] = Info(Role.TABLE)
                k += 1
    for i, p in enumerate(paras):  # 序号 / 项目名称 … header cells
        if p.text.startswith("序号") and len(p.text) <= 40:
            infos[i] = Info(Role.TABLE)
    # a long cell indented by a tab, next to cells already found, belongs to the same table
    changed = True
    while changed:
        changed = False
        for i, p in enumerate(paras):
            if infos[i].role in (Role.BODY, Role.SECTION, Role.TITLE) and "\t" in _indent(doc, p):
                near = [infos[k].role for k in (i - 1, i + 1) if 0 <= k < len(paras)]
                if Role.TABLE in near:
                    infos[i] = Info(Role.TABLE)
                    changed = True


def _sections(doc: Document, infos: list[Info]) -> None:
    """Glossaries and appendices, link lists at the end, and the site excerpt after 内容摘要."""
    paras = doc.paragraphs
    in_appendix = in_links = False
    for i, p in enumerate(paras):
        text = p.text
        if infos[i].role == Role.NOISE:
            if text.startswith("内容摘要") and i + 1 < len(paras) and len(paras[i + 1].text) < 600:
                infos[i + 1] = Info(Role.NOISE)  # the site's excerpt of the report's opening
            if _LINK_LISTS.match(text):
                in_links = True
            continue
        if in_links and len(text) <= 60 and not ends_sentence(text):
            infos[i] = Info(Role.NOISE)
            continue
        in_links = False
        if len(text) <= 30 and _APPENDIX.search(text) and not ends_sentence(text):
            infos[i] = Info(Role.SECTION)
            in_appendix = True
            continue
        if in_appendix and infos[i].role in (Role.BODY, Role.HEADING, Role.SECTION, Role.TITLE):
            infos[i] = Info(Role.GLOSSARY, infos[i].level, infos[i].number)


def _first_sentence_is_heading(text: str) -> bool:
    """``（一）强化思想政治引领。坚持…``: a run-in heading, the first sentence being a title."""
    m = _FIRST_SENTENCE.match(text)
    if m is None:
        return False
    first = m.group()
    return len(text) > len(first) and "，" not in first and "," not in first
