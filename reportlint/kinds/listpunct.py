"""``list-punct``: items of one list separated inconsistently, and law names run together.

GB/T 15834-2011 §4.5.3.5: items each in quotation marks or book-title marks
normally take no 顿号 between them, so a series that has 、 between some items
and nothing between others is inconsistent; the 、 is reported (or, where most
items have one, the missing one). In a 、-separated list of laws, an item that
holds two law names with nothing between them (安全生产法道路交通法) lost its 、.
"""

from __future__ import annotations

import regex

from ..document import Paragraph
from ..model import Applicability
from . import Context, Kind, register

_ITEM = regex.compile(r"“[^“”\n]{1,30}”|《[^《》\n]{1,40}》")
_LAW_END = regex.compile(r"(?:法|条例|办法|规定|细则)$")
_NOT_LAW = (
    "依法",
    "执法",
    "立法",
    "方法",
    "做法",
    "说法",
    "想法",
    "看法",
    "司法",
    "守法",
    "违法",
    "合法",
    "普法",
    "用法",
    "无法",
    "设法",
    "办法",
    "学法",
    "懂法",
    "知法",
    "护法",
    "手法",
    "写法",
)
_LAW_SPLIT = regex.compile(
    r"(?<=\p{Han}{3}(?:法|条例))(?=\p{Han}{3,20}?(?:法|条例|办法|规定)(?:\p{Han}{3,20}?(?:法|条例|办法|规定))*$)"
)

_CLAUSE_END = regex.compile(r"(?<=[。；;！？，,])")
_AFTER_NAME = regex.compile(r"(?:等|的|[，,。；;]).*$")


@register
class ListPunctKind(Kind):
    name = "list-punct"
    title = "并列项之间的标点不一致"
    default_fix = "unsafe"
    cases = {"series-extra": (), "series-missing": (), "laws": ()}

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        if "”" in text or "》" in text:
            self._series(para, ctx)
        if "、" in text and ("法" in text or "条例" in text):
            self._laws(para, ctx)

    @staticmethod
    def _series(para: Paragraph, ctx: Context) -> None:
        text = para.text
        items = list(_ITEM.finditer(text))
        series: list[list[tuple[int, str]]] = []  # per series: (position of gap, separator)
        current: list[tuple[int, str]] = []
        for a, b in zip(items, items[1:], strict=False):
            gap = text[a.end() : b.start()]
            same_kind = a.group()[0] == b.group()[0]
            if same_kind and gap in ("", "、"):
                current.append((a.end(), gap))
            else:
                if current:
                    series.append(current)
                current = []
        if current:
            series.append(current)
        for gaps in series:
            kinds = {g for _, g in gaps}
            if len(kinds) < 2:
                continue
            with_mark = [p for p, g in gaps if g == "、"]
            without = [p for p, g in gaps if g == ""]
            if len(with_mark) <= len(without):
                for p in with_mark:
                    ctx.hit(
                        para,
                        p - 1,
                        p + 2,
                        case="series-extra",
                        fix=text[p - 1] + text[p + 1],
                        applicability=Applicability.UNSAFE,
                        fix_title="删除顿号",
                    )
            else:
                for p in without:
                    ctx.hit(
                        para,
                        p - 1,
                        p + 1,
                        case="series-missing",
                        fix=text[p - 1] + "、" + text[p],
                        applicability=Applicability.UNSAFE,
                        fix_title="加顿号",
                    )

    @staticmethod
    def _laws(para: Paragraph, ctx: Context) -> None:
        text = para.text
        offset = 0
        for sentence in _CLAUSE_END.split(text):
            items = sentence.split("、")
            law_items = [it for it in items if _LAW_END.search(_core(it))]
            if len(law_items) >= 2:
                pos = offset
                for k, item in enumerate(items):
                    if k == 0:
                        # The first item follows the verb phrase: only its tail after the last 对/，… is a name.
                        tail_start = max(item.rfind(ch) for ch in "对了和及与，,：:") + 1
                        core = item
                    else:
                        tail_start = 0
                        core = _core(item)
                    segment = core[tail_start:]
                    for m in _LAW_SPLIT.finditer(segment):
                        j = m.start()
                        left = segment[:j]
                        if any(left.endswith(w) for w in _NOT_LAW):
                            continue
                        at = pos + tail_start + j
                        ctx.hit(
                            para,
                            at - 1,
                            at + 1,
                            case="laws",
                            fix=text[at - 1] + "、" + text[at],
                            applicability=Applicability.UNSAFE,
                            fix_title="加顿号",
                        )
                    pos += len(item) + 1
            offset += len(sentence)


def _core(item: str) -> str:
    """An item of a list without what follows its name: 等…, 的…, or the rest of the clause."""
    return _AFTER_NAME.sub("", item)
