"""What the engine works out once per document and hands to every rule.

Several kinds need the same facts about a document — each paragraph's role, where
paragraphs were cut, the report's year — and must agree on them. Computing them
here, lazily and once, keeps the kinds to checking and leaves the Document as read.
"""

from __future__ import annotations

from functools import cached_property

import regex

from ..document import Document, Paragraph
from .breaks import Break, find_breaks
from .roles import FOOTER_TAIL, PHOTO_CREDIT, Info, Role, classify

__all__ = ["Analysis", "Break", "Info", "Role", "detect_year"]

_FOOTER_WORD = regex.compile(r"数\s*据\s*网|本站|公众号|来源[:：]")
_YEAR = r"((?:19|20)\d{2})"
# ——2024年1月29日在某区第十届人民代表大会第三次会议上
_DATE_LINE = regex.compile(rf"{_YEAR}年\d{{1,2}}月\d{{1,2}}日(?:在|上午|下午|\s*[）)]?$)")
# 2024年政府工作报告, 2017政府工作报告, 标题：河北省2011年政府工作报告; 发文时间：2011-01-12
_TITLE = regex.compile(
    rf"{_YEAR}\s*年?[^，。；]{{0,12}}工作报告|(?:发文|发布)?时间[:：]\s*{_YEAR}-\d{{1,2}}-\d{{1,2}}"
)
_HEADING_MARK = r"^(?:[一二三四五六七八九十]+、\s*)?"
# 一、2023年工作回顾 / 2021年以来工作回顾 / 关于2014年政府工作 / “十二五”…及2015年工作回顾: the year before
_REVIEW = regex.compile(
    rf"{_HEADING_MARK}(?:关于)?{_YEAR}\s*年(?:以来)?的?(?:政府)?(?:工作|经济社会发展)|{_YEAR}\s*年(?:以来)?的?工作回顾"
)
# 二、2024年工作安排 / 2024年重点工作 / 2016年主要任务: the year of the report
_PLAN = regex.compile(
    rf"{_HEADING_MARK}{_YEAR}\s*年的?(?:政府)?(?:重点|主要)?(?:工作(?:安排|任务|建议|的总体要求)|任务|目标任务)"
    rf"|{_YEAR}\s*年(?:的)?(?:重点工作|主要任务|工作安排|经济社会发展的?主要预期目标)"
)


def detect_year(doc: Document) -> int | None:
    """The year the report was delivered: its date line, its title, or the year its review and plan name.

    Reports are delivered early in the year: a section reviewing 2023 belongs to a report of 2024.
    """
    head = doc.paragraphs[:15]
    for p in head:
        m = _DATE_LINE.search(p.text)
        if m and len(p.text) < 80:
            return int(m.group(1))
    for p in head:
        m = _TITLE.search(p.text)
        if m and len(p.text) < 40:
            return int(m.group(1) or m.group(2))
    review = None
    for p in doc.paragraphs:
        if len(p.text) > 40:
            continue
        m = _PLAN.search(p.text)
        if m:
            return int(m.group(1) or m.group(2))
        m = _REVIEW.search(p.text)
        if m and review is None:
            review = int(m.group(1) or m.group(2)) + 1
    return review


class Analysis:
    """Facts about one document, each computed on first use."""

    def __init__(self, doc: Document, *, year: int | None = None):
        self.doc = doc
        self._year = year
        # Facts a kind works out about the whole document once and reuses across its paragraphs.
        self.memo: dict[str, object] = {}

    @cached_property
    def year(self) -> int | None:
        """The configured year, else the one the report states."""
        return self._year if self._year is not None else detect_year(self.doc)

    @cached_property
    def roles(self) -> list[Info]:
        return classify(self.doc)

    @cached_property
    def breaks(self) -> dict[int, Break]:
        return find_breaks(self.doc, self.roles)

    @cached_property
    def broken(self) -> frozenset[int]:
        """Indices of paragraphs that a cut runs on from (their end is not a real end)."""
        return frozenset(i for b in self.breaks.values() for i in range(b.first, b.last))

    def role(self, para: Paragraph) -> Info:
        return self.roles[para.index]

    @cached_property
    def body(self) -> list[Paragraph]:
        """Paragraphs of running text: what ``scope: body`` rules look at."""
        return [p for p, info in zip(self.doc.paragraphs, self.roles, strict=True) if info.role == Role.BODY]

    @cached_property
    def text(self) -> list[Paragraph]:
        """Paragraphs of report text (everything but web-page furniture): what ``scope: all`` rules look at."""
        return [p for p, info in zip(self.doc.paragraphs, self.roles, strict=True) if info.role != Role.NOISE]

    @cached_property
    def noise(self) -> list[tuple[int, int]]:
        """Spans that are not report text: NOISE paragraphs and photo credits at the end of a paragraph."""
        spans = []
        for p, info in zip(self.doc.paragraphs, self.roles, strict=True):
            if info.role == Role.NOISE:
                spans.append((p.start, p.end))
            else:
                # both sit at the very end of a paragraph: only its tail is searched
                tail = max(0, len(p.text) - 80)
                if "摄" in p.text[-3:]:
                    m = PHOTO_CREDIT.search(p.text, tail)
                elif _FOOTER_WORD.search(p.text, tail):
                    m = FOOTER_TAIL.search(p.text, tail)
                else:
                    m = None
                if m:
                    spans.append((p.start + m.start(), p.end))
        return spans
