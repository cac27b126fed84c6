"""``halfwidth-punct``: half-width punctuation used in Chinese text.

A mark counts as Chinese-context when a Chinese character or Chinese
punctuation stands beside it (spaces skipped). Numbers and Latin text keep
their marks: ``4.2``, ``PM2.5``, ``1:1000``, ``8:30``, ``1,000``, and heading
numbers like ``1.`` at the start of a paragraph. Brackets are judged as a pair:
a pair around or beside Chinese text is Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Paragraph
from ..model import Applicability
from ..schema import param
from ..textutil import is_cjk, is_han
from . import Context, Kind, register

_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。", "(": "（", ")": "）"}
_SPACES = " \t\u3000\u00a0"
_PARENS = regex.compile(r"[()]")
_CN_ORDINAL = regex.compile(r"[一二三四五六七八九十]{1,3}")


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in _SPACES:
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _adjacent(text: str, i: int, step: int) -> str:
    j = i + step
    return text[j] if 0 <= j < len(text) else ""


@dataclass(frozen=True)
class HalfwidthParams:
    marks: str = param(",;:!?.()", "检查哪些半角标点", nonempty=True)


@register
class HalfwidthPunctKind(Kind):
    name = "halfwidth-punct"
    title = "中文里的半角标点"
    Params = HalfwidthParams
    default_fix = "safe"

    def setup(self) -> None:
        self.marks = set(self.p.marks)
        self.any_mark = regex.compile("[" + regex.escape(self.p.marks) + "]")

    def check(self, para: Paragraph, ctx: Context) -> None:
        marks = self.marks
        text = para.text
        if not self.any_mark.search(text):  # a C-speed test before the scan in Python
            return
        parens = _paren_pairs(text) if ("(" in marks or ")" in marks) else {}
        for m in self.any_mark.finditer(text):
            i, ch = m.start(), m.group()
            if ch in "()":
                if parens.get(i):
                    ctx.hit(para, i, i + 1, fix=_FULL[ch])
                continue
            if self._chinese_context(text, i, ch):
                # 一.加强监督: after a Chinese heading numeral the mark is 、, not 。 (GB/T 15834 §4.5.3.3)
                heading = ch in ".,，" and _CN_ORDINAL.fullmatch(text[:i]) is not None
                if heading:
                    ctx.hit(para, i, i + 1, fix="、")
                elif ch == "," and _in_series(text, i):
                    # 教育,医疗,养老等: items of a series take 、 — likely, not certain, so unsafe
                    ctx.hit(
                        para, i, i + 1, fix="、", applicability=Applicability.UNSAFE, fix_title="改为顿号"
                    )
                else:
                    ctx.hit(para, i, i + 1, fix=_FULL[ch])

    @staticmethod
    def _chinese_context(text: str, i: int, ch: str) -> bool:
        before, after = _adjacent(text, i, -1), _adjacent(text, i, 1)
        if ch == "?" and "?" in (before, after):
            return False  # ?? in text copied from a web page is a lost character (a NBSP), not a mark
        if ch == "." and (before == "." or after == "."):
            return False  # an ellipsis written with dots is another rule's business
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            return False  # 4.2, 1:1000, 1,000, e.g. a.m.
        if ch == "." and before.isdigit() and i <= 2:
            return False  # heading number "1." (GB/T 9704 third level)
        if ch == "." and not is_han(before) and before not in "”’）》":
            return False  # a period after Latin text or a number belongs to it
        prev, nxt = _neighbour(text, i, -1), _neighbour(text, i, 1)
        return is_cjk(prev) or (is_cjk(nxt) and ch != ".") or (ch == "." and is_han(before) and not nxt)


# Short items (1–6 Han characters, nothing else) separated by commas, the series closed by 等/和/及/、
# or punctuation: 加强教育,医疗,养老等民生保障.
_SERIES = regex.compile(
    r"\p{Han}{1,6}(?:,\p{Han}{1,6}){2,}(?=等|和|及|与|、|[，。；）)]|$)|\p{Han}{1,6}(?:,\p{Han}{1,6})+(?=等)"
)


def _in_series(text: str, i: int) -> bool:
    """Is the comma at ``i`` between items of a series of short words?"""
    for m in _SERIES.finditer(text, max(0, i - 60), min(len(text), i + 60)):
        if m.start() < i < m.end():
            return True
    return False


def _paren_pairs(text: str) -> dict[int, bool]:
    """For every half-width bracket: is it in Chinese context? Pairs decide together."""
    result: dict[int, bool] = {}
    stack: list[int] = []
    for m in _PARENS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                j = stack.pop()
                inner = text[j + 1 : i]
                chinese = (
                    any(is_han(c) for c in inner)
                    or is_cjk(_neighbour(text, j, -1))
                    or is_cjk(_neighbour(text, i, 1))
                )
                result[j] = result[i] = chinese
            else:
                result[i] = is_cjk(_neighbour(text, i, -1)) or is_cjk(_neighbour(text, i, 1))
    for j in stack:
        result[j] = is_cjk(_neighbour(text, j, -1)) or is_cjk(_neighbour(text, j, 1))
    return result
