"""``stray-latin``: English words left inside Chinese sentences.

Report prose borrows acronyms and codes (GDP, 5G, PM2.5, A类, 3+N, App) and names
(星河WORLD, vivo, Slush, 鲲鹏Kunpeng) but not English words: a word such as
``and`` between Chinese phrases is a leftover from translation or a template. A
word of the rule's ``words`` list (and, or, of, with …) is reported wherever it
stands between Chinese text; another lowercase word only when it is set off from
the Chinese on both sides by spaces, the way a stray word is typed — a word glued
to Chinese characters or capitalised is a name. Glosses stay silent (（英文：
Fintech）), and so does pinyin (táng). Uppercase acronyms, single letters, words
glued to digits (units, codes), URLs and e-mail addresses too.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Paragraph
from ..model import Applicability
from ..schema import param
from ..textutil import is_han
from . import Context, Kind, register

# A Latin token, tone-marked letters included (pinyin is one token: táng).
_LATIN = r"A-Za-z\u00c0-\u024f"
_WORD = regex.compile(
    rf"(?<![{_LATIN}0-9_.@/\\\-+&])[{_LATIN}][{_LATIN}]+(?:['’][a-z]+)?(?![{_LATIN}0-9_@/\\\-+&]|\.[A-Za-z0-9])"
)
# An English gloss of a Chinese term: （英文：Fintech）, （英语：Nature）, “EPC”是Engineering…的缩写
_GLOSS = regex.compile(r"(?:英文|英语|英文名|英文简称|英文缩写|全称|缩写|简称|即)[:：]?\s*[“\"]?\s*$")
_SPACES = " \u3000\u00a0"
_LOWER = regex.compile(r"[a-z]")


@dataclass(frozen=True)
class StrayLatinParams:
    allow: list[str] = param([], "可以出现在中文里的词（不区分大小写）")
    window: int = param(4, "词两侧多少个字符内须有汉字", min=1, max=20)
    replacements: dict[str, str] = param({}, "常见英文词的中文建议（and: 和）")
    words: list[str] = param([], "出现在中文之间就报告的英文词（and、or、of……，不区分大小写）")


@register
class StrayLatinKind(Kind):
    name = "stray-latin"
    title = "中文句子里夹杂的英文单词"
    Params = StrayLatinParams
    cases = {"default": ("word",)}

    def setup(self) -> None:
        self.allow = {w.lower() for w in self.p.allow}
        self.replacements = {k.lower(): v for k, v in self.p.replacements.items()}
        self.words = {w.lower() for w in self.p.words} | set(self.replacements)

    def check(self, para: Paragraph, ctx: Context) -> None:
        window = self.p.window
        text = para.text
        if not _LOWER.search(text):  # a C-speed test before any work in Python
            return
        for m in _WORD.finditer(text):
            word = m.group()
            if word.lower() in self.allow:
                continue
            left = text[max(0, m.start() - window) : m.start()]
            right = text[m.end() : m.end() + window]
            if not (any(is_han(c) for c in left) and any(is_han(c) for c in right)):
                continue
            if not word.isascii() or _GLOSS.search(text, max(0, m.start() - 8), m.start()):
                continue  # pinyin, or an English gloss of the term before it
            if word.lower() not in self.words and not self._set_off(text, m.start(), m.end(), word):
                continue  # glued to Chinese or capitalised: a name (星河world, Slush), not a stray word
            ctx.hit(
                para,
                m.start(),
                m.end(),
                fix=self.replacements.get(word.lower()),
                applicability=Applicability.UNSAFE,
                word=word,
            )

    @staticmethod
    def _set_off(text: str, start: int, end: int, word: str) -> bool:
        """A lowercase word with spaces between it and the Chinese on both sides: 召开会议 meeting 研究."""
        if not word.islower():
            return False
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        return before in _SPACES and after in _SPACES
