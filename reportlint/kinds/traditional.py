"""``traditional``: traditional or variant characters in simplified text, found with OpenCC.

OpenCC's t2s converts with phrase context, so 乾隆 and 显著 stay as they are;
characters it still changes but that are correct in simplified text (surnames
such as 於, 乾 in 乾坤) are listed in the pack's ``allow``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..document import Document
from ..textutil import is_han
from . import Context, Hit, Kind, Param, register


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@register
class TraditionalKind(Kind):
    name = "traditional"
    default_fix = "safe"
    params = {
        "config": Param(str, "t2s", "the OpenCC configuration"),
        "allow": Param(list, [], "characters or words that OpenCC converts but simplified text uses"),
    }

    def setup(self) -> None:
        self.convert = _converter(self.p["config"]).convert
        self.allow_chars = {w for w in self.p["allow"] if len(w) == 1}
        self.allow_words = [w for w in self.p["allow"] if len(w) > 1]

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for para in doc.paragraphs:
            text = para.text
            converted = self.convert(text)
            if converted == text or len(converted) != len(text):
                if len(converted) != len(text):
                    yield from self._by_char(para.start, text)
                continue
            for i, (a, b) in enumerate(zip(text, converted, strict=True)):
                if a != b and is_han(a) and a not in self.allow_chars and not self._in_allowed_word(text, i):
                    yield Hit(para.start + i, para.start + i + 1, {"simplified": b}, replacement=b)

    def _by_char(self, base: int, text: str) -> Iterator[Hit]:
        for i, a in enumerate(text):
            if is_han(a):
                b = self.convert(a)
                if (
                    b != a
                    and len(b) == 1
                    and a not in self.allow_chars
                    and not self._in_allowed_word(text, i)
                ):
                    yield Hit(base + i, base + i + 1, {"simplified": b}, replacement=b)

    def _in_allowed_word(self, text: str, i: int) -> bool:
        for word in self.allow_words:
            for k, ch in enumerate(word):
                if ch == text[i] and text.startswith(word, i - k) and i - k >= 0:
                    return True
        return False
