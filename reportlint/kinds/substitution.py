"""``substitution``: a wrong → right table matched in one pass however long it is.

Entries may carry ``except`` (longer correct words that contain the wrong form),
``since`` (the year from which the wrong form is wrong, for terms renamed by
reform) and ``context`` (what must stand before or after the word, for pairs where
both forms are words and only the context tells which one is meant). A list of
right forms makes the fix unsafe: the drafter must choose.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick_rs
import regex

from ..document import Paragraph
from ..model import Applicability
from ..schema import param
from ..textutil import on_word_boundaries
from . import Context, Kind, ParamError, register

# How far before a word a ``context.before`` pattern may reach.
_BEFORE_WINDOW = 12


@dataclass(frozen=True)
class EntryContext:
    before: str | list[str] | None = param(None, "紧挨在前面的内容：正则表达式，或词语列表（任一）")
    after: str | list[str] | None = param(None, "紧跟在后面的内容：正则表达式，或词语列表（任一）")


@dataclass(frozen=True)
class Entry:
    wrong: str = param(doc="错误写法", nonempty=True)
    right: str | list[str] = param(doc="正确写法；多个时修正需确认", nonempty=True)
    source: str = param("", "依据")
    reason: str = param("", "说明")
    exceptions: list[str] = param([], "包含错误写法的正确词语，其中的匹配不报告", key="except")
    since: int | None = param(None, "从哪一年起算错误（机构改革等）", min=1949, max=2100)
    context: EntryContext | None = param(None, "上下文条件：满足时才报告")


@dataclass(frozen=True)
class SubstitutionParams:
    table: list[Entry] = param(
        doc="词表：{wrong, right, source|reason, except, since, context}", nonempty=True
    )
    unless_before: str | None = param(None, "紧挨在前面时不报告（正则表达式，对整个词表）", regex_=True)
    unless_after: str | None = param(None, "紧跟在后面时不报告（正则表达式，对整个词表）", regex_=True)
    boundaries: bool = param(
        False, "只在词的边界上报告（分词后，匹配的首尾都是词的边界：完成|份额 中的“成份”不报）"
    )
    historical_years: bool = param(
        False, "带 since 的词条：同一句中出现早于 since 的年份（讲的是过去）时不报告"
    )


@dataclass(frozen=True)
class _Compiled:
    entry: Entry
    right: tuple[str, ...]
    exceptions: tuple[tuple[str, tuple[int, ...]], ...]  # (word, offsets of wrong inside word)
    before: regex.Pattern[str] | None
    after: regex.Pattern[str] | None


def _context_pattern(spec: str | list[str] | None, *, before: bool) -> regex.Pattern[str] | None:
    if spec is None:
        return None
    source = spec if isinstance(spec, str) else "|".join(regex.escape(w) for w in spec)
    return regex.compile(f"(?:{source})$" if before else f"(?:{source})", regex.V1)


def compile_table(table: list[Entry]) -> dict[str, _Compiled]:
    entries: dict[str, _Compiled] = {}
    for i, e in enumerate(table, 1):
        right = tuple(e.right) if isinstance(e.right, list) else (e.right,)
        if not right or not all(right):
            raise ParamError(f"table 第{i}项的 right 不能为空")
        if e.wrong in right:
            raise ParamError(f"table 第{i}项“{e.wrong}”的 wrong 与 right 相同")
        if e.wrong in entries:
            raise ParamError(f"table 中“{e.wrong}”出现了两次")
        exceptions = []
        for word in e.exceptions:
            offsets = tuple(k for k in range(len(word)) if word.startswith(e.wrong, k))
            if not offsets:
                raise ParamError(f"table 第{i}项的 except 词“{word}”不包含“{e.wrong}”")
            exceptions.append((word, offsets))
        ctx = e.context
        try:
            before = _context_pattern(ctx.before, before=True) if ctx else None
            after = _context_pattern(ctx.after, before=False) if ctx else None
        except regex.error as exc:
            raise ParamError(f"table 第{i}项的 context 正则表达式有误：{exc}") from None
        entries[e.wrong] = _Compiled(e, right, tuple(exceptions), before, after)
    return entries


_SENTENCE_MARK = regex.compile(r"[。；！？!?;]")
_YEAR_IN_TEXT = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _past_year_in_sentence(text: str, at: int, since: int) -> bool:
    """Does the sentence around ``at`` name a year before ``since`` (it tells of the past)?"""
    start = max((m.end() for m in _SENTENCE_MARK.finditer(text, 0, at)), default=0)
    end_match = _SENTENCE_MARK.search(text, at)
    end = end_match.start() if end_match else len(text)
    return any(int(y) < since for y in _YEAR_IN_TEXT.findall(text[start:end]))


def inside_exception(text: str, start: int, exceptions: tuple[tuple[str, tuple[int, ...]], ...]) -> bool:
    for word, offsets in exceptions:
        for k in offsets:
            if start - k >= 0 and text.startswith(word, start - k):
                return True
    return False


@register
class SubstitutionKind(Kind):
    name = "substitution"
    title = "词表中的错误写法（错 → 对）"
    Params = SubstitutionParams
    default_fix = "safe"
    cases = {"default": ("since", "source")}

    def setup(self) -> None:
        self.entries = compile_table(self.p.table)
        # Aho-Corasick, leftmost-longest: one pass over a paragraph whatever the size of the table
        self.words = list(self.entries)
        self.matcher = ahocorasick_rs.AhoCorasick(
            self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        self.unless_before = _context_pattern(self.p.unless_before, before=True)
        self.unless_after = _context_pattern(self.p.unless_after, before=False)

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        year = ctx.year
        for k, start, end in self.matcher.find_matches_as_indexes(text):
            c = self.entries[self.words[k]]
            since = c.entry.since
            # A term outdated by a reform is wrong only in reports from after it: when the year cannot be
            # told, saying "outdated" would claim what is not known.
            if since is not None and (year is None or year < since):
                continue
            if since is not None and self.p.historical_years and _past_year_in_sentence(text, start, since):
                continue
            if c.exceptions and inside_exception(text, start, c.exceptions):
                continue
            if self.unless_before is not None and self.unless_before.search(
                text, max(0, start - _BEFORE_WINDOW), start
            ):
                continue
            if self.unless_after is not None and self.unless_after.match(text, end):
                continue
            if self.p.boundaries and not on_word_boundaries(text, start, end):
                continue
            if c.before is not None and not c.before.search(text, max(0, start - _BEFORE_WINDOW), start):
                continue
            if c.after is not None and not c.after.match(text, end):
                continue
            ctx.hit(
                para,
                start,
                end,
                fix=c.right[0],
                applicability=Applicability.SAFE if len(c.right) == 1 else Applicability.UNSAFE,
                replacement="”或“".join(c.right),
                since=since or "",
                source=c.entry.source,
            )
