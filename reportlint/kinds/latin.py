"""``stray-latin``: English words left inside Chinese sentences.

Report prose borrows acronyms and codes (GDP, 5G, PM2.5, A类, 3+N, App) but not
English words; a lowercase word such as ``and`` between Chinese characters is a
leftover from translation or a template. Uppercase acronyms, single letters,
words glued to digits (units, codes), URLs and e-mail addresses stay silent.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Paragraph
from ..model import Applicability
from ..schema import param
from ..textutil import is_han
from . import Context, Kind, register

_WORD = regex.compile(
    r"(?<![A-Za-z0-9_.@/\\\-+&])[A-Za-z][a-z]+(?:['’][a-z]+)?(?![A-Za-z0-9_@/\\\-+&]|\.[A-Za-z0-9])"
)


@dataclass(frozen=True)
class StrayLatinParams:
    allow: list[str] = param([], "可以出现在中文里的词（不区分大小写）")
    window: int = param(4, "词两侧多少个字符内须有汉字", min=1, max=20)
    replacements: dict[str, str] = param({}, "常见英文词的中文建议（and: 和）")


@register
class StrayLatinKind(Kind):
    name = "stray-latin"
    title = "中文句子里夹杂的英文单词"
    Params = StrayLatinParams
    cases = {"default": ("word",)}

    def setup(self) -> None:
        self.allow = {w.lower() for w in self.p.allow}
        self.replacements = {k.lower(): v for k, v in self.p.replacements.items()}

    def check(self, para: Paragraph, ctx: Context) -> None:
        window = self.p.window
        text = para.text
        if not any("a" <= ch <= "z" for ch in text):
            return
        for m in _WORD.finditer(text):
            word = m.group()
            if word.lower() in self.allow:
                continue
            left = text[max(0, m.start() - window) : m.start()]
            right = text[m.end() : m.end() + window]
            if not (any(is_han(c) for c in left) and any(is_han(c) for c in right)):
                continue
            ctx.hit(
                para,
                m.start(),
                m.end(),
                fix=self.replacements.get(word.lower()),
                applicability=Applicability.UNSAFE,
                word=word,
            )
