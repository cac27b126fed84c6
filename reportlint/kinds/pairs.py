"""``pairs``: quotes, brackets and book-title marks without their partner, or wrongly nested.

Checked within a paragraph: report prose does not carry a quotation across
paragraphs. Half- and full-width round brackets count as one family here (their
width is another rule's business).

What is not half a pair: an apostrophe between Latin letters (Women’s), doubled
guillemets that cannot be nesting (》》点击进入《《, navigation arrows), the opening
marks of an excerpt cut off with ``......``, and a pair whose halves stand on two
lines with only a few short lines between them (“双向 ⏎ 揭榜 ⏎ 挂帅”: hyperlinked words
of a web page, a broken paragraph rather than a missing mark).

Where a quotation is left open, the opening mark reported is the one whose
sentence ends before any quotation mark follows it. A double quote closed by a
single one (“X’) is one finding, with ” suggested; so is a closing quote written
for the opening one (”X”), with “ suggested.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Paragraph
from ..model import Applicability
from ..schema import param
from . import Context, Kind, register

_DEFAULT_PAIRS = ["“”", "‘’", "《》", "（）", "()", "【】", "〔〕", "〈〉", "「」", "『』"]
_SINGLE_QUOTES = regex.compile(r"[’‘]")
_FAMILY = {"(": "（", ")": "）"}
# A double quote closed by a single one and the reverse: the closer that was meant.
_MEANT = {("“", "’"): "”", ("‘", "”"): "’"}
_QUOTES = {"“": "”", "‘": "’"}
_SENTENCE_END = regex.compile(r"[。！？；!?;]")
_TRUNCATED = regex.compile(r"\.{3,}\s*$")  # 内容摘要 excerpts of a web page end in ......
_CARRY_LINES = 6  # at most this many short lines between the halves of a pair
_SHORT_LINE = 6  # characters of such a line
_REVERSED_SPAN = 40  # ”X” with at most this many characters in X


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


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
        self.close_of: dict[str, str] = {}
        self.closers: set[str] = set()
        self.openers: set[str] = set()
        for pair in self.p.pairs:
            o, c = _FAMILY.get(pair[0], pair[0]), _FAMILY.get(pair[1], pair[1])
            self.open_of[c] = o
            self.close_of[o] = c
            self.openers.add(pair[0])
            self.closers.add(pair[1])
        self.marks = self.openers | self.closers
        self.any_mark = regex.compile("[" + "".join(regex.escape(m) for m in sorted(self.marks)) + "]")

    def _name(self, mark: str) -> str:
        return self.p.names.get(mark, mark)

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        if not self.any_mark.search(text):  # a C-speed test before the scan in Python
            return
        skip = self._not_marks(text)
        stack: list[tuple[str, int]] = []
        unopened: list[tuple[int, str]] = []  # (position, the opener it wants)
        for mark in self.any_mark.finditer(text):
            i, ch = mark.start(), mark.group()
            if i in skip:
                continue
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
                elif stack and (stack[-1][0], ch) in _MEANT and self._closes_here(text, i, stack[-1][0]):
                    # “X’: the double quote was closed with a single one (or the reverse).
                    o, j = stack.pop()
                    meant = _MEANT[(o, ch)]
                    ctx.hit(
                        para,
                        j,
                        i + 1,
                        case="unclosed",
                        fix=text[j:i] + meant,
                        applicability=Applicability.UNSAFE,
                        fix_title=f"将“{ch}”改为“{meant}”",
                        mark=self._name(o),
                        partner=self._name(meant),
                    )
                else:
                    unopened.append((i, want))
        unclosed = [j for _, j in stack]
        if unclosed and _TRUNCATED.search(text):
            unclosed = []  # an excerpt cut off in mid-quotation
        unclosed = [j for j in unclosed if not self._closed_below(ctx, para, text[j])]
        unopened = [(i, w) for i, w in unopened if not self._opened_above(ctx, para, w)]
        unclosed = [self._really_unclosed(text, j, skip) for j in unclosed]
        self._report_unopened(para, ctx, unopened)
        for j in unclosed:
            o = _FAMILY.get(text[j], text[j])
            ctx.hit(
                para,
                j,
                j + 1,
                case="unclosed",
                mark=self._name(text[j]),
                partner=self._name(self.close_of[o]),
            )

    def _not_marks(self, text: str) -> set[int]:
        """Positions of characters that look like marks but are not half of a pair."""
        skip: set[int] = set()
        for m in _SINGLE_QUOTES.finditer(text):
            i = m.start()
            if 0 < i < len(text) - 1 and _latin(text[i - 1]) and _latin(text[i + 1]):
                skip.add(i)  # Women’s, O’Neill
        if "《《" in text or "》》" in text:
            for m in regex.finditer(r"《{2,}|》{2,}", text):
                # 》》 with no 《 before it, 《《 with no 》 after it: arrows (》》点击进入专题《《), where
                # 《监督法》》 is a doubled closer and 《《监督法》解读》 nesting.
                if m.group()[0] == "《":
                    arrows = "》" not in text[m.end() :]
                else:
                    arrows = "《" not in text[: m.start()]
                if arrows:
                    skip.update(range(m.start(), m.end()))
        return skip

    def _closes_here(self, text: str, i: int, opener: str) -> bool:
        """The wrong-width closer at ``i`` ends ``opener``'s quotation: its own closer does not follow."""
        own, other = self.close_of[opener], opener
        for ch in text[i + 1 :]:
            if ch == own:
                return False
            if ch == other:
                return True
        return True

    def _really_unclosed(self, text: str, j: int, skip: set[int]) -> int:
        """The quote left open: the one whose sentence ends before the next quotation mark.

        The stack reports the outermost opener of 他说：“要抓好“放管服改革。”; the slip is the
        inner one, after which the sentence ends with no closing mark.
        """
        o = text[j]
        if o not in _QUOTES or self._ends_open(text, j, skip):
            return j
        c = _QUOTES[o]
        candidates = [
            q
            for q, ch in enumerate(text)
            if ch == o and q != j and q not in skip and self._ends_open(text, q, skip)
        ]
        for q in candidates:
            if self._balanced_without(text, o, c, q, skip):
                return q
        return j

    @staticmethod
    def _ends_open(text: str, j: int, skip: set[int]) -> bool:
        """A sentence end follows the quote at ``j`` before the next quotation mark of its kind."""
        o = text[j]
        c = _QUOTES[o]
        for k in range(j + 1, len(text)):
            ch = text[k]
            if ch in (o, c) and k not in skip:
                return False
            if _SENTENCE_END.match(ch):
                return True
        return True

    @staticmethod
    def _balanced_without(text: str, o: str, c: str, q: int, skip: set[int]) -> bool:
        depth = 0
        for k, ch in enumerate(text):
            if k == q or k in skip:
                continue
            if ch == o:
                depth += 1
            elif ch == c:
                depth -= 1
                if depth < 0:
                    return False
        return depth == 0

    def _report_unopened(self, para: Paragraph, ctx: Context, unopened: list[tuple[int, str]]) -> None:
        """Closers without an opener; ”X” — two in a row of one kind — is one slip: the first was meant to open."""
        text = para.text
        k = 0
        while k < len(unopened):
            i, want = unopened[k]
            ch = text[i]
            if k + 1 < len(unopened):
                i2, _ = unopened[k + 1]
                between = text[i + 1 : i2]
                if (
                    text[i2] == ch
                    and want in _QUOTES
                    and 0 < len(between) <= _REVERSED_SPAN
                    and not _SENTENCE_END.search(between)
                    and ch not in between
                    and want not in between
                ):
                    ctx.hit(
                        para,
                        i,
                        i2 + 1,
                        case="unopened",
                        fix=want + text[i + 1 : i2 + 1],
                        applicability=Applicability.UNSAFE,
                        fix_title=f"将前一个“{ch}”改为“{want}”",
                        mark=self._name(ch),
                        partner=self._name(want),
                    )
                    k += 2
                    continue
            ctx.hit(para, i, i + 1, case="unopened", mark=self._name(ch), partner=self._name(want))
            k += 1

    def _family_marks(self, text: str, opener: str) -> list[tuple[int, bool]]:
        """(position, is an opener) of the marks of ``opener``'s family in ``text``."""
        closer = self.close_of[opener]
        return [
            (k, _FAMILY.get(ch, ch) == opener)
            for k, ch in enumerate(text)
            if _FAMILY.get(ch, ch) in (opener, closer)
        ]

    def _closed_below(self, ctx: Context, para: Paragraph, mark: str) -> bool:
        """The paragraph's last mark of its kind is this opener, and its closer opens a paragraph a few
        short lines below: “双向 ⏎ 揭榜 ⏎ 挂帅”, 【 ⏎ 打印本页 ⏎ 】."""
        opener = _FAMILY.get(mark, mark)
        own = self._family_marks(para.text, opener)
        if not own or not own[-1][1] or _SENTENCE_END.search(para.text, own[-1][0]):
            return False
        paras = ctx.doc.paragraphs
        for between, q in enumerate(paras[para.index + 1 : para.index + 2 + _CARRY_LINES]):
            marks = self._family_marks(q.text, opener)
            if marks:
                first, is_opener = marks[0]
                return between > 0 and not is_opener and not _SENTENCE_END.search(q.text, 0, first)
            if len(q.text) > _SHORT_LINE:
                return False
        return False

    def _opened_above(self, ctx: Context, para: Paragraph, want: str) -> bool:
        """The mirror of ``_closed_below``, seen from the closer's paragraph."""
        own = self._family_marks(para.text, want)
        if not own or own[0][1] or _SENTENCE_END.search(para.text, 0, own[0][0]):
            return False
        paras = ctx.doc.paragraphs
        for between, q in enumerate(reversed(paras[max(0, para.index - 1 - _CARRY_LINES) : para.index])):
            marks = self._family_marks(q.text, want)
            if marks:
                last, is_opener = marks[-1]
                return between > 0 and is_opener and not _SENTENCE_END.search(q.text, last)
            if len(q.text) > _SHORT_LINE:
                return False
        return False
