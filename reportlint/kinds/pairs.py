"""``pairs``: quotes, brackets and book-title marks without their partner, or wrongly nested.

Checked within a paragraph: report prose does not carry a quotation across
paragraphs. Half- and full-width round brackets count as one family here (their
width is another rule's business).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Paragraph
from ..schema import param
from . import Context, Kind, register

_DEFAULT_PAIRS = ["“”", "‘’", "《》", "（）", "()", "【】", "〔〕", "〈〉", "「」", "『』"]
_FAMILY = {"(": "（", ")": "）"}


@dataclass(frozen=True)
class PairsParams:
    pairs: list[str] = param(_DEFAULT_PAIRS, "成对标点：每项两个字符，前开后闭", length=2)
    names: dict[str, str] = param({}, "提示语中标点的称呼（“: 左引号）；未列出的显示标点本身")


@register
class PairsKind(Kind):
    name = "pairs"
    title = "成对标点缺失或嵌套错误"
    Params = PairsParams
    cases = {
        "unclosed": ("mark", "partner"),
        "unopened": ("mark", "partner"),
        "nested": ("mark", "partner"),
    }

    def setup(self) -> None:
        self.open_of: dict[str, str] = {}
        self.closers: set[str] = set()
        self.openers: set[str] = set()
        for pair in self.p.pairs:
            o, c = _FAMILY.get(pair[0], pair[0]), _FAMILY.get(pair[1], pair[1])
            self.open_of[c] = o
            self.openers.add(pair[0])
            self.closers.add(pair[1])
        self.marks = self.openers | self.closers

    def _name(self, mark: str) -> str:
        return self.p.names.get(mark, mark)

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        if not any(ch in self.marks for ch in text):
            return
        stack: list[tuple[str, int]] = []
        for i, ch in enumerate(text):
            if ch in self.openers:
                stack.append((_FAMILY.get(ch, ch), i))
            elif ch in self.closers:
                if ch in ")）" and i <= 2 and text[:i].isalnum() and not stack:
                    continue  # 1)加强监督, a) …: a numbering style, not half a pair
                want = self.open_of[_FAMILY.get(ch, ch)]
                if stack and stack[-1][0] == want:
                    stack.pop()
                elif any(o == want for o, _ in stack):
                    # Closes an outer mark while an inner one is still open: report the inner one.
                    while stack and stack[-1][0] != want:
                        _, j = stack.pop()
                        ctx.hit(
                            para, j, j + 1, case="nested", mark=self._name(text[j]), partner=self._name(ch)
                        )
                    stack.pop()
                else:
                    ctx.hit(para, i, i + 1, case="unopened", mark=self._name(ch), partner=self._name(want))
        for o, j in stack:
            closer = next(c for c, op in self.open_of.items() if op == o)
            ctx.hit(para, j, j + 1, case="unclosed", mark=self._name(text[j]), partner=self._name(closer))
