"""``end-punct``: a body paragraph that does not end in 。！？；：… (or a closer after one).

Headings, titles, date and signature lines end without punctuation by design;
they are told apart by form (the analysis step's paragraph roles). A salutation
must end with a colon. A paragraph cut by a page break is broken-paragraph's
finding, not this one.
"""

from __future__ import annotations

import regex

from ..analysis import Role
from ..analysis.roles import ends_sentence
from ..document import Paragraph
from . import Context, Kind, register

# A closing call to action: 让我们……为……而努力奋斗 ends with ！, not 。
_RALLYING = regex.compile(
    r"(?:^|[。！？])\s*(?:让我们|同志们|各位代表)[^。！？]*$|(?:奋斗|奋进|前进|拼搏|努力)$"
)


@register
class EndPunctKind(Kind):
    name = "end-punct"
    title = "正文段落末尾缺少句末标点"
    default_fix = "unsafe"
    cases = {"salutation": (), "comma": (), "missing": ()}

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        role = ctx.analysis.role(para).role
        n = len(text)
        if role == Role.SALUTATION:
            if text[-1] not in "：:，,！!":
                ctx.hit(para, n - 1, n, case="salutation", fix=text[-1] + "：", fix_title="加冒号")
            return
        if para.index in ctx.analysis.broken or ends_sentence(text):
            return
        # a glossary entry written as a sentence (not a bare headword) ends like one
        info = ctx.analysis.role(para)
        # (a numbered short line with a comma is a heading of an appendix list, not an entry)
        glossary = role == Role.GLOSSARY and (
            "。" in text or ("，" in text and (info.level is None or n > 30))
        )
        if role == Role.BODY or glossary or (role == Role.HEADING and "。" in text):
            if text[-1] in "，,、":
                ctx.hit(para, n - 1, n, case="comma", fix="。", fix_title="改为句号")
            else:
                k = min(4, n)
                mark = "！" if _RALLYING.search(text) else "。"
                title = "加感叹号" if mark == "！" else "加句号"
                ctx.hit(para, n - k, n, case="missing", fix=text[-k:] + mark, fix_title=title)
