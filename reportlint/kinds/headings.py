"""``headings``: heading numbers out of sequence or out of form.

Levels follow GB/T 9704-2012 §7.3.3 (一、 → （一） → 1. → （1）), plus run-in
enumerations (一是…二是…). A number skipped, repeated or out of order is
reported; so is a heading whose number is written in the wrong form between
two well-formed siblings (（一）… 二丰富… （三）, 19.… 20“一带一路”… 21.), at that
heading. Numbering restarts under a new parent heading and after an unnumbered
section title or a new document (a title, a date line), which is how reports and
pasted-in reports are built; it may also restart after an unnumbered paragraph
that introduces a group (…工作：, “五条赛道”即…, 五年来，我们坚持…，…增强。).

An item whose text begins with a figure (7.4E级, 8.9610, 40.151件民生实事) reads
like a decimal; it is taken as item N when N is the number the sequence expects.
"""

from __future__ import annotations

import regex

from ..analysis import Role
from ..analysis.roles import CN_NUM, heading_number
from ..cnnum import to_chinese, to_int
from ..document import Document, Paragraph
from ..model import Applicability
from . import Context, Kind, register

_RESET_ROLES = {Role.TITLE, Role.SECTION, Role.DATELINE, Role.SIGNATURE, Role.SALUTATION}
_BARE = regex.compile(rf"^([{CN_NUM}]{{1,3}})(?![{CN_NUM}、．.，,])(?=[\p{{Han}}“《])")  # not 十|一、
# Characters after a numeral that make an ordinary word (一年来, 两个, 三是), not a heading number.
_NOT_HEADING_AFTER = set("年月日天个次位名项件条批届季期些切直起同道定般致线类种方级点是把手体律系边来则心轮")
_RUN_IN = regex.compile(
    rf"(?:(?<=^|[。；;：:，,！!？?\s“])|(?<=^[（(]?))(?P<n>[{CN_NUM}]{{1,3}})是(?=[\p{{Han}}“《（(A-Za-z0-9])"
)
_FORMS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）", 5: "{}"}
# 20“一带一路”：… — an item whose dot was lost; not 2023年, 10个, 3万元.
_BARE_ARABIC = regex.compile(r"^(\d{1,2})(?=[\p{Han}“《])")
_NOT_ITEM_AFTER = _NOT_HEADING_AFTER | set("万亿千百元米吨亩户人家所座号岁倍成股多余度分秒周")
# 7.4E级：…, 40.151件民生实事: the item number followed by a text that begins with a figure.
_GLUED = regex.compile(r"^(\d{1,2})[.．、](?=\d)")
# An unnumbered paragraph that introduces the group after it: numbering may start again at 1 below it.
_TOPIC = regex.compile(
    rf"^(?:[{CN_NUM}]+年来|过去(?:的)?[{CN_NUM}]+年|这[{CN_NUM}]+年|今年以来|[{CN_NUM}]+年间)，我们[^。！？；]*[。！？]?$"
)
_DEFINES = regex.compile(r"^(?:“[^”]{1,24}”|[^，。；：“”]{1,16})即")


def _form(level: int, n: int) -> str:
    return _FORMS[level].format(to_chinese(n) if level in (1, 2) else n)


@register
class HeadingsKind(Kind):
    name = "headings"
    title = "标题编号跳号、重复、顺序或格式错误"
    scope = "document"
    cases = {
        "skip": ("missing",),
        "repeat": ("number",),
        "restart": ("number", "previous", "where"),
        "order": ("number", "previous"),
        "form": ("numeral", "expected"),
        "run-in": ("expected",),
    }

    def check(self, doc: Document, ctx: Context) -> None:
        infos = ctx.analysis.roles
        paras = doc.paragraphs
        last: dict[int, tuple[int, int]] = {}  # level -> (number, paragraph index)
        # (paragraph index, number, arabic) of unnumbered-looking "二丰富…" / "20“一带一路”…"
        bare: list[tuple[int, int, bool]] = []
        leads: list[int] = []  # unnumbered paragraphs that introduce a group
        run_in_last: int | None = None
        for para, info in zip(paras, infos, strict=True):
            if info.role == Role.NOISE:
                # Not reported on, but a numbered line taken for furniture (7、政府在线APP：…客户端)
                # still carries the count on.
                self._carry(para.text, last, para.index)
                continue
            bare_number = self._bare_number(para.text)
            if info.role in _RESET_ROLES and not (bare_number and info.role == Role.SECTION):
                last.clear()
                bare.clear()
                leads.clear()
                run_in_last = None
                continue
            level, number = info.level, info.number
            if level is None:
                glued = self._glued(para.text, last)
                if glued is not None:
                    level, number = 3, glued
            if level is not None:
                n = to_int(number or "")
                if n is None:
                    continue
                prev = last.get(level)
                if prev is not None:
                    self._compare(doc, ctx, level, n, prev, para.index, bare, leads)
                last[level] = (n, para.index)
                for deeper in [lv for lv in last if lv > level]:
                    del last[deeper]
                bare = [item for item in bare if item[0] > para.index]
                run_in_last = None
            elif bare_number is not None:
                bare.append((para.index, bare_number, False))
            else:
                arabic = self._bare_arabic(para.text)
                if arabic is not None:
                    bare.append((para.index, arabic, True))
                elif self._introduces(para.text):
                    leads.append(para.index)
            run_in_last = self._run_in(para, ctx, run_in_last)

    @staticmethod
    def _glued(text: str, last: dict[int, tuple[int, int]]) -> str | None:
        """``8.9610：…`` after item 7: item 8 whose text begins with a figure, not the decimal 8.9610."""
        m = _GLUED.match(text)
        prev = last.get(3)
        if m and prev is not None and int(m.group(1)) == prev[0] + 1:
            return m.group(1)
        return None

    def _carry(self, text: str, last: dict[int, tuple[int, int]], index: int) -> None:
        """A numbered line outside the report text continues a count only where it is the next number."""
        numbered = heading_number(text)
        level, number = numbered if numbered else (3, self._glued(text, last))
        n = to_int(number or "")
        prev = last.get(level)
        if n is not None and prev is not None and n == prev[0] + 1:
            last[level] = (n, index)

    @staticmethod
    def _introduces(text: str) -> bool:
        """A paragraph that opens a group of items: …如下：, “五条赛道”即…, 五年来，我们坚持…。"""
        t = text.rstrip()
        return t.endswith(("：", ":")) or bool(_DEFINES.match(t)) or (len(t) <= 60 and bool(_TOPIC.match(t)))

    @staticmethod
    def _bare_arabic(text: str) -> int | None:
        """The number of an item written without its dot (20“一带一路”：…), if the line starts like one."""
        m = _BARE_ARABIC.match(text)
        if m and text[len(m.group(1))] not in _NOT_ITEM_AFTER:
            return int(m.group(1))
        return None

    @staticmethod
    def _bare_number(text: str) -> int | None:
        """The number of a heading written without its mark (二丰富…), if the line starts like one."""
        m = _BARE.match(text)
        if m and text[len(m.group(1))] not in _NOT_HEADING_AFTER:
            return to_int(m.group(1))
        return None

    def _compare(
        self,
        doc: Document,
        ctx: Context,
        level: int,
        n: int,
        prev: tuple[int, int],
        index: int,
        bare: list[tuple[int, int, bool]],
        leads: list[int],
    ) -> None:
        p_num, p_index = prev
        para = doc.paragraphs[index]
        span = (0, len(_form(level, n)) if level != 5 else 1)
        if n == p_num + 1:
            return
        if n > p_num + 1:
            # A Chinese numeral without its mark stands for 一、 or （一）; figures without a dot for 1.
            fillers = [
                (i, b, arabic)
                for i, b, arabic in bare
                if p_index < i < index and p_num < b < n and arabic == (level == 3) and level <= 3
            ]
            if fillers:
                for i, b, arabic in fillers:
                    q = doc.paragraphs[i]
                    numeral = str(b) if arabic else to_chinese(b)
                    # 二丰富 → （二）丰富 (the span shows the words the number runs into); 20 → 20.
                    size = len(numeral) if arabic else len(numeral) + 2
                    ctx.hit(
                        q,
                        0,
                        size,
                        case="form",
                        fix=_form(level, b) + q.text[len(numeral) : size],
                        applicability=Applicability.UNSAFE,
                        fix_title=f"改为“{_form(level, b)}”",
                        numeral=numeral,
                        expected=_form(level, b),
                    )
                return
            missing = "、".join(_form(level, k) for k in range(p_num + 1, n))
            ctx.hit(para, *span, case="skip", missing=missing)
        elif n == p_num:
            ctx.hit(para, *span, case="repeat", number=_form(level, n))
        elif n == 1:
            if any(p_index < i < index for i in leads):
                return  # a new group under the paragraph that introduces it
            previous = doc.paragraphs[p_index]
            ctx.hit(
                para,
                *span,
                case="restart",
                related=[(previous.start, previous.end)],
                number=_form(level, 1),
                previous=_form(level, p_num),
                where=ctx.where(previous.start),
            )
        else:
            ctx.hit(para, *span, case="order", number=_form(level, n), previous=_form(level, p_num))

    @staticmethod
    def _run_in(para: Paragraph, ctx: Context, previous: int | None) -> int | None:
        """一是…二是… within a paragraph, continued across paragraphs that begin with one.

        Returns the last number when the paragraph begins with a run-in item, so the next
        paragraph can continue the count; restarting at 一是 is always allowed.
        """
        matches = [(m, to_int(m.group("n"))) for m in _RUN_IN.finditer(para.text)]
        matches = [(m, n) for m, n in matches if n is not None]
        if not matches:
            return None
        leading = matches[0][0].start() <= 1
        expected = previous if leading else None
        for m, n in matches:
            if expected is not None and n not in (expected + 1, 1):
                ctx.hit(para, m.start(), m.end(), case="run-in", expected=f"{to_chinese(expected + 1)}是")
            expected = n
        return expected if leading else None
