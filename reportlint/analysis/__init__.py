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
from .roles import Info, Role, classify

__all__ = ["Analysis", "Break", "Info", "Role", "detect_year"]

_DATE_LINE = regex.compile(r"(\d{4})年\d{1,2}月\d{1,2}日")
_YEAR_HEADING = regex.compile(r"^(?:[\[【（(]?)(\d{4})年")


def detect_year(doc: Document) -> int | None:
    """The year the report was delivered, read from its date line or a title near the top."""
    head = doc.paragraphs[:15]
    for p in head:
        m = _DATE_LINE.search(p.text)
        if m and len(p.text) < 80:
            return int(m.group(1))
    for p in head:
        m = _YEAR_HEADING.match(p.text)
        if m and len(p.text) < 40:
            return int(m.group(1))
    return None


class Analysis:
    """Facts about one document, each computed on first use."""

    def __init__(self, doc: Document, *, year: int | None = None):
        self.doc = doc
        self._year = year

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
