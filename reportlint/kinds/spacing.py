"""``cjk-space``: stray spaces inside Chinese text.

Chinese is written without spaces, so a space between two Chinese characters or
between a character and Chinese punctuation is a slip (often left by a page
layout or by converting a PDF). Not flagged: indentation (never part of a
paragraph), the gap before the name in a signature line (``…常委会主任 刘红军``),
the gap after the date in a resolution's date note, and, unless configured, spaces
between Chinese and Latin letters or digits. Spaces that are typography rather than
slips stay silent too: a tab (a table's cell boundary), a letter-spaced title
(政 府 工 作 报 告), the gap between two halves of a slogan or a title inside quotes or
book-title marks (“好客山东 好品山东”, 《中共中央 国务院关于…》: whole words on both
sides), and the space after a circled marker (①) when the document writes every marker that way.
Short items separated by spaces (政策兜底 临时救助 防贫保险) get 、 as an unsafe fix.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..analysis.roles import SIGNATURE, SPACED_TITLE, Role
from ..document import Paragraph
from ..model import Applicability
from ..schema import param
from ..textutil import is_cjk, is_han, is_word, segment
from . import Context, Kind, register

_SPACE_RUN = regex.compile(r"[ \u3000\u00a0\t]+")
_HALF_PUNCT = set(",.;:!?()")
_DATE_BEFORE = regex.compile(r"\d{1,2}日$")
# A list marker at the start of a paragraph: ①, 一、, （一）, 1.
_MARKER = regex.compile(
    r"^(?:[①-⑳]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])"
)
# Items separated by single spaces: 政策兜底 临时救助 防贫保险
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SPACED_ITEMS = regex.compile(r"(?:\p{Han}{2,6} ){2,}\p{Han}{2,6}")
_QUOTED = regex.compile(r"“[^“”]{2,60}”|《[^《》]{2,80}》")


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
        if SPACED_TITLE.match(text):
            return  # 政 府 工 作 报 告
        signature = SIGNATURE.search(text)
        dateline = ctx.analysis.role(para).role == Role.DATELINE
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
        items = [(q.start(), q.end()) for q in _SPACED_ITEMS.finditer(text)]
        marker = _MARKER.match(text)  # ①, 一、, （一）, 1. at the start
        for m in _SPACE_RUN.finditer(text):
            s, e = m.span()
            if s == 0 or e == len(text) or "\t" in m.group():
                continue  # a tab is a table's cell boundary
            left, right = text[s - 1], text[e]
            if signature and s >= signature.start():
                continue
            if dateline and _DATE_BEFORE.search(text, 0, s):
                continue  # （2024年2月2日 某区第十届人民代表大会第三次会议通过）
            if marker and s == marker.end() and text[0] in _CIRCLED and self._house_style(ctx):
                continue  # ① 织密…: the document spaces every circled marker (a layout, not a slip)
            if any(a < s and e < b for a, b in items) and m.group() == " ":
                ctx.hit(para, s, e, fix="、", applicability=Applicability.UNSAFE, fix_title="改为顿号")
                continue
            if any(a < s and e < b for a, b in quoted) and _between_words(text, s, e):
                continue  # “好客山东 好品山东”, 《中共中央 国务院关于…》
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

    @staticmethod
    def _house_style(ctx: Context) -> bool:
        """Does this document put a space after (nearly) every list marker? Then it is layout, not a slip."""
        cache = ctx.analysis.memo.get("marker-spaces")
        if cache is None:
            marked = spaced = 0
            for p in ctx.analysis.text:
                m = _MARKER.match(p.text)
                if m:
                    marked += 1
                    spaced += p.text[m.end() : m.end() + 1] in (" ", "\u3000")
            cache = marked >= 3 and spaced >= 0.8 * marked
            ctx.analysis.memo["marker-spaces"] = cache
        return bool(cache)


def _between_words(text: str, s: int, e: int) -> bool:
    """Does the gap fall between two words (好客山东 好品山东), not inside one (中 华人民共和国)?

    Joined up, the text is segmented; the gap is a word boundary if a token ends exactly there.
    """
    left, right = text[max(0, s - 6) : s], text[e : e + 6]
    pos = 0
    for token in segment(left + right):
        start, pos = pos, pos + len(token)
        if pos == len(left):
            return True
        if pos > len(left):
            # a dictionary entry across the gap made of two words split there (中共中央|国务院) is two words
            cut = len(left) - start
            return is_word(token[:cut]) and is_word(token[cut:])
    return False
