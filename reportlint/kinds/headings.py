"""``headings``: heading numbers out of sequence or out of form.

Levels follow GB/T 9704-2012 §7.3.3 (一、 → （一） → 1. → （1）), plus run-in
enumerations (一是…二是…). A number skipped, repeated or out of order is
reported; so is a heading whose number is written in the wrong form between
two well-formed siblings (（一）… 二丰富… （三）). Numbering restarts under a
new parent heading and after an unnumbered section title or a new document
(a title, a date line), which is how reports and pasted-in reports are built.
"""

from __future__ import annotations

import regex

from ..analysis import Role
from ..analysis.roles import CN_NUM
from ..cnnum import to_chinese, to_int
from ..document import Document, Paragraph
from ..model import Applicability
from . import Context, Kind, register

_RESET_ROLES = {Role.TITLE, Role.SECTION, Role.DATELINE, Role.SIGNATURE, Role.SALUTATION}
_BARE = regex.compile(rf"^([{CN_NUM}]{{1,3}})(?![{CN_NUM}、．.，,])(?=[\p{{Han}}“《])")  # not 十|一、
# Characters after a numeral that make an ordinary word (一年来, 两个, 三是), not a heading number.
_NOT_HEADING_AFTER = set("年月日天个次位名项件条批届季期些切直起同道定般致线类种方级点是把手体律系边来则心轮")
_RUN_IN = regex.compile(
    rf"(?:(?<=^|[。；;：:，,！!？?\s“])|(?<=^[（(]?))(?P<n>[{CN_NUM}]{{1,3}})是(?=[\p{{Han}}“《（(])"
)
_FORMS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）", 5: "{}"}


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
        bare: list[tuple[int, int]] = []  # (paragraph index, number) of unnumbered-looking "二丰富…"
        run_in_last: int | None = None
        for para, info in zip(paras, infos, strict=True):
            bare_number = self._bare_number(para.text)
            if info.role in _RESET_ROLES and not (bare_number and info.role == Role.SECTION):
                last.clear()
                bare.clear()
                run_in_last = None
                continue
            if info.level is not None:
                n = to_int(info.number or "")
                if n is None:
                    continue
                level = info.level
                prev = last.get(level)
                if prev is not None:
                    self._compare(doc, ctx, level, n, prev, para.index, bare)
                last[level] = (n, para.index)
                for deeper in [lv for lv in last if lv > level]:
                    del last[deeper]
                bare = [(i, b) for i, b in bare if i > para.index]
                run_in_last = None
            elif bare_number is not None:
                bare.append((para.index, bare_number))
            run_in_last = self._run_in(para, ctx, run_in_last)

    @staticmethod
    def _bare_number(text: str) -> int | None:
        """The number of a heading written without its mark (二丰富…), if the line starts like one."""
        m = _BARE.match(text)
        if m and text[len(m.group(1))] not in _NOT_HEADING_AFTER:
            return to_int(m.group(1))
        return None

    def _compare(
        self, doc: Document, ctx: Context, level: int, n: int, prev: tuple[int, int], index: int, bare
    ) -> None:
        p_num, p_index = prev
        para = doc.paragraphs[index]
        span = (0, len(_form(level, n)) if level != 5 else 1)
        if n == p_num + 1:
            return
        if n > p_num + 1:
            fillers = [(i, b) for i, b in bare if p_index < i < index and p_num < b < n]
            if fillers:
                for i, b in fillers:
                    q = doc.paragraphs[i]
                    numeral = to_chinese(b)
                    ctx.hit(
                        q,
                        0,
                        len(numeral) + 2,
                        case="form",
                        fix=_form(level, b) + q.text[len(numeral) : len(numeral) + 2],
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
