"""``pairs``: quotes, brackets and book-title marks without their partner, or wrongly nested.

Checked within a paragraph: report prose does not carry a quotation across
paragraphs. Half- and full-width round brackets count as one family here (their
width is another rule's business).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from . import Context, Hit, Kind, Param, register

_DEFAULT_PAIRS = ["“”", "‘’", "《》", "（）", "()", "【】", "〔〕", "〈〉", "「」", "『』"]
_FAMILY = {"(": "（", ")": "）"}
_NAMES = {
    "“": "左引号",
    "”": "右引号",
    "‘": "左单引号",
    "’": "右单引号",
    "《": "左书名号",
    "》": "右书名号",
    "（": "左括号",
    "）": "右括号",
    "(": "左括号",
    ")": "右括号",
    "【": "左方头括号",
    "】": "右方头括号",
    "〔": "左六角括号",
    "〕": "右六角括号",
    "〈": "左单书名号",
    "〉": "右单书名号",
    "「": "左直角引号",
    "」": "右直角引号",
    "『": "左双直角引号",
    "』": "右双直角引号",
}


def _name(mark: str) -> str:
    return _NAMES.get(mark, mark)


@register
class PairsKind(Kind):
    name = "pairs"
    params = {"pairs": Param(list, _DEFAULT_PAIRS, "two-character strings: opener and closer")}

    def setup(self) -> None:
        self.open_of: dict[str, str] = {}
        self.closers: set[str] = set()
        self.openers: set[str] = set()
        for pair in self.p["pairs"]:
            o, c = _FAMILY.get(pair[0], pair[0]), _FAMILY.get(pair[1], pair[1])
            self.open_of[c] = o
            self.openers.add(pair[0])
            self.closers.add(pair[1])
        self.marks = self.openers | self.closers

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for para in doc.paragraphs:
            text = para.text
            if not any(ch in self.marks for ch in text):
                continue
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
                            o, j = stack.pop()
                            yield Hit(
                                para.start + j,
                                para.start + j + 1,
                                {"problem": f"{_name(text[j])}在{_name(ch)}之前未闭合（嵌套错误）"},
                            )
                        stack.pop()
                    else:
                        yield Hit(
                            para.start + i,
                            para.start + i + 1,
                            {"problem": f"{_name(ch)}缺少对应的{_name(want)}"},
                        )
            for o, j in stack:
                closer = next(c for c, op in self.open_of.items() if op == o)
                yield Hit(
                    para.start + j,
                    para.start + j + 1,
                    {"problem": f"{_name(text[j])}缺少对应的{_name(closer)}"},
                )
