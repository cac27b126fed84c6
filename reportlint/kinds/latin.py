"""``stray-latin``: English words left inside Chinese sentences.

Report prose borrows acronyms and codes (GDP, 5G, PM2.5, A类, 3+N, App) but not
English words; a lowercase word such as ``and`` between Chinese characters is a
leftover from translation or a template. Uppercase acronyms, single letters,
words glued to digits (units, codes), URLs and e-mail addresses stay silent.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..textutil import is_han
from . import Context, Hit, Kind, Param, register

_WORD = regex.compile(
    r"(?<![A-Za-z0-9_.@/\\\-+&])[A-Za-z][a-z]+(?:['’][a-z]+)?(?![A-Za-z0-9_@/\\\-+&]|\.[A-Za-z0-9])"
)


@register
class StrayLatinKind(Kind):
    name = "stray-latin"
    params = {
        "allow": Param(list, [], "words that belong in Chinese text (case-insensitive)"),
        "window": Param(int, 4, "a Chinese character must stand this close on both sides"),
        "replacements": Param(dict, {}, "suggested Chinese for common words (and: 和)"),
    }

    def setup(self) -> None:
        self.allow = {str(w).lower() for w in self.p["allow"]}
        self.replacements = {str(k).lower(): str(v) for k, v in self.p["replacements"].items()}

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        window = self.p["window"]
        for para in doc.paragraphs:
            text = para.text
            if not any("a" <= ch <= "z" for ch in text):
                continue
            for m in _WORD.finditer(text):
                word = m.group()
                if word.lower() in self.allow:
                    continue
                left = text[max(0, m.start() - window) : m.start()]
                right = text[m.end() : m.end() + window]
                if not (any(is_han(c) for c in left) and any(is_han(c) for c in right)):
                    continue
                suggestion = self.replacements.get(word.lower())
                yield Hit(
                    para.start + m.start(),
                    para.start + m.end(),
                    {"word": word},
                    replacement=suggestion,
                    safe=False,
                )
