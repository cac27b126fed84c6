"""``repeated``: a character or word typed twice by accident (预算算, 的的, 我们我们).

Chinese doubles characters on purpose (紧紧, 兢兢业业, 事事), and words meet at a
shared character (人民|民主, 枣庄市|市中区, 常委会|会议). jieba's dictionary tells
them apart: a doubling is an error only where the segmenter leaves one of the
two copies standing alone beside a word containing the other (预算|算), where
both stand alone and the character is a part of speech that is never
reduplicated (的的, but not 件件), or where one word repeats.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Paragraph
from ..schema import param
from ..textutil import pos_tag, segment
from . import Context, Kind, register

_DOUBLE = regex.compile(r"(\p{Han}{1,4})\1")
_NUMERALS = set("一二三四五六七八九十百千万亿零〇两")
# Parts of speech that Chinese does not reduplicate: particles, prepositions, conjunctions,
# pronouns, adverbs, modal words. Nouns, classifiers, adjectives and most verbs do (件件, 人人,
# 好好, 说说, 谈谈); the copula and auxiliary verbs do not.
_NOT_REDUPLICATED = ("u", "p", "c", "r", "d", "y", "e", "o")
_NEVER_DOUBLED_VERBS = set("是有为要会能可让使将")


@dataclass(frozen=True)
class RepeatedParams:
    allow: list[str] = param([], "正确的重叠形式（研究研究、看一看）")


@register
class RepeatedKind(Kind):
    name = "repeated"
    title = "误重复输入的字词"
    Params = RepeatedParams
    default_fix = "unsafe"
    cases = {"default": ("unit",)}

    def setup(self) -> None:
        self.allow = set(self.p.allow)

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        pos = 0
        while True:
            m = _DOUBLE.search(text, pos)
            if not m:
                break
            pos = m.start() + 1
            unit = m.group(1)
            if m.group() in self.allow or all(c in _NUMERALS for c in unit):
                continue
            if self._accidental(text, m.start(), len(unit)):
                second = m.start() + len(unit)
                ctx.hit(para, second, second + len(unit), fix="", fix_title=f"删除重复的“{unit}”", unit=unit)
                pos = m.end()

    @staticmethod
    def _accidental(text: str, start: int, size: int) -> bool:
        lo = max(0, start - 8)
        hi = min(len(text), start + 2 * size + 8)
        tokens = segment(text[lo:hi])
        bounds = {}
        offset = lo
        for tok in tokens:
            bounds[offset] = tok
            offset += len(tok)
        mid = start + size
        if mid not in bounds:
            return False  # the doubling sits inside one word: 紧紧, 兢兢业业, 不了了之
        after = bounds[mid]
        before = next(
            (tok for s, tok in bounds.items() if s < mid <= s + len(tok) - 0 and s + len(tok) == mid), ""
        )
        if size == 1:
            if len(after) > 1 and len(before) > 1:
                return False  # two words meeting at a shared character: 人民|民主
            if len(before) > 1:
                return True  # the first copy ends a word, the second stands alone: 预算|算
            # The first copy stands alone: 的|的 and 是|是 are slips, 件|件 and 说|说心里话 are Chinese.
            char = before
            tag = pos_tag(char)
            return char in _NEVER_DOUBLED_VERBS or not tag or tag.startswith(_NOT_REDUPLICATED)
        # 我们|我们, and 人大常委会|常委会 or 贯彻落实|落实 where the first copy ends a longer word.
        return after == text[start:mid] and before.endswith(after)
