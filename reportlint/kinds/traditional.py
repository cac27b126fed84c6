"""``traditional``: traditional or variant characters in simplified text, found with OpenCC.

OpenCC's t2s converts with phrase context, so 乾隆 and 显著 stay as they are;
characters it still changes but that are correct in simplified text (surnames
such as 於, 乾 in 乾坤) are listed in the pack's ``allow``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..document import Paragraph
from ..schema import param
from ..textutil import is_han, is_word
from . import Context, Kind, ParamError, register


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@dataclass(frozen=True)
class TraditionalParams:
    config: str = param("t2s", "OpenCC 的转换配置")
    allow: list[str] = param([], "OpenCC 会转换、但简体中文里正确的字或词")


@register
class TraditionalKind(Kind):
    name = "traditional"
    title = "繁体字、异体字"
    Params = TraditionalParams
    default_fix = "safe"
    cases = {"default": ("simplified",)}

    def setup(self) -> None:
        try:
            self.convert = _converter(self.p.config).convert
        except Exception as exc:  # opencc raises its own error types for a missing configuration
            raise ParamError(f"OpenCC 配置“{self.p.config}”无法加载（{exc}）") from None
        self.allow_chars = {w for w in self.p.allow if len(w) == 1}
        self.allow_words = [w for w in self.p.allow if len(w) > 1]

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        converted = self.convert(text)
        if converted == text:
            return
        if len(converted) != len(text):
            pairs: Iterator[tuple[int, str]] = self._by_char(text)
        else:
            pairs = (
                (i, b) for i, (a, b) in enumerate(zip(text, converted, strict=True)) if a != b and is_han(a)
            )
        for i, b in pairs:
            if (
                text[i] in self.allow_chars
                or self._in_allowed_word(text, i)
                or self._in_simplified_word(text, i)
            ):
                continue
            ctx.hit(para, i, i + 1, fix=b, simplified=b)

    def _in_simplified_word(self, text: str, i: int) -> bool:
        """The character makes a simplified word with a neighbour that OpenCC leaves alone (覆盖).

        OpenCC converts by phrases, so a phrase across a word boundary (一批|覆盖 read as 批覆 → 批复)
        can change a character that is correct where it stands.
        """
        for a, b in ((i, i + 2), (i - 1, i + 1)):
            if a >= 0 and b <= len(text):
                word = text[a:b]
                if is_word(word) and self.convert(word) == word:
                    return True
        return False

    def _by_char(self, text: str) -> Iterator[tuple[int, str]]:
        for i, a in enumerate(text):
            if is_han(a):
                b = self.convert(a)
                if b != a and len(b) == 1:
                    yield i, b

    def _in_allowed_word(self, text: str, i: int) -> bool:
        for word in self.allow_words:
            for k, ch in enumerate(word):
                if ch == text[i] and i - k >= 0 and text.startswith(word, i - k):
                    return True
        return False
