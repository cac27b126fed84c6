"""``cjk-space``: stray spaces inside Chinese text.

Chinese is written without spaces, so a space between two Chinese characters or
between a character and Chinese punctuation is a slip (often left by a page
layout or by converting a PDF). Not flagged: indentation (never part of a
paragraph), the gap before the name in a signature line (``…常委会主任 刘红军``),
the gap after the date in a resolution's date note, and, unless configured, spaces
between Chinese and Latin letters or digits.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..analysis.roles import SIGNATURE, Role
from ..document import Paragraph
from ..schema import param
from ..textutil import is_cjk, is_han
from . import Context, Kind, register

_SPACE_RUN = regex.compile(r"[ \u3000\u00a0\t]+")
_HALF_PUNCT = set(",.;:!?()")
_DATE_BEFORE = regex.compile(r"\d{1,2}日$")


@dataclass(frozen=True)
class CjkSpaceParams:
    digits: bool = param(True, "汉字与数字之间的空格也报告（召开 12 次）")
    latin: bool = param(False, "汉字与拉丁字母之间的空格也报告")


@register
class CjkSpaceKind(Kind):
    name = "cjk-space"
    title = "中文之间多余的空格"
    Params = CjkSpaceParams
    default_fix = "safe"

    def _chinese_side(self, ch: str, other: str) -> bool:
        if is_cjk(ch):
            return True
        # A half-width mark beside Chinese text is itself Chinese punctuation typed wrongly: "(一) 始终".
        return ch in _HALF_PUNCT and is_han(other)

    def check(self, para: Paragraph, ctx: Context) -> None:
        digits, latin = self.p.digits, self.p.latin
        text = para.text
        if " " not in text and "\u3000" not in text and "\u00a0" not in text and "\t" not in text:
            return
        signature = SIGNATURE.search(text)
        dateline = ctx.analysis.role(para).role == Role.DATELINE
        for m in _SPACE_RUN.finditer(text):
            s, e = m.span()
            if s == 0 or e == len(text):
                continue
            left, right = text[s - 1], text[e]
            if signature and s >= signature.start():
                continue
            if dateline and _DATE_BEFORE.search(text, 0, s):
                continue  # （2024年2月2日 某区第十届人民代表大会第三次会议通过）
            both = is_cjk(left) and is_cjk(right)
            mixed = (self._chinese_side(left, text[s - 2] if s >= 2 else "") and is_han(right)) or (
                is_han(left) and self._chinese_side(right, text[e + 1] if e + 1 < len(text) else "")
            )
            with_digit = digits and ((is_han(left) and right.isdigit()) or (left.isdigit() and is_han(right)))
            with_latin = latin and (
                (is_han(left) and right.isascii() and right.isalpha())
                or (left.isascii() and left.isalpha() and is_han(right))
            )
            if both or mixed or with_digit or with_latin:
                ctx.hit(para, s, e, fix="", fix_title="删除空格")
