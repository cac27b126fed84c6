"""What each paragraph is: title, heading, date line, signature, salutation or body text.

Several rules need this (end punctuation, broken paragraphs, duplicates, heading
numbers) and must agree, so the engine's analysis step computes it once per
document. The decision uses form only: numbering, length, position, punctuation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import regex

from ..document import Document, Paragraph

CN_NUM = "一二三四五六七八九十百零〇两"
_NUM = rf"[{CN_NUM}]+"

# Heading levels of GB/T 9704 §7.3.3 and the run-in enumerations of report prose.
LEVEL_PATTERNS: list[tuple[int, regex.Pattern[str]]] = [
    (1, regex.compile(rf"^(?P<n>{_NUM})[、．.，,]")),
    (2, regex.compile(rf"^[（(](?P<n>{_NUM})[）)]")),
    (3, regex.compile(r"^(?P<n>\d{1,2})(?:[.．、](?!\d)|\s)")),
    (4, regex.compile(r"^[（(](?P<n>\d{1,2})[）)]")),
    (5, regex.compile(r"^(?P<n>[①-⑳])")),
]
_TITLES = (
    r"(?:常委会|人大|政府|法院|检察院|政协|委员会)?(?:副)?(?:主任|院长|检察长|书记|市长|区长|县长|州长|省长|主席|"
    r"委员长|部长|局长|厅长|秘书长|处长|镇长|乡长|代表|同志)"
)
SIGNATURE = regex.compile(rf"{_TITLES}[ \u3000\t]+\p{{Han}}{{2,4}}$")
_BARE_NAME = regex.compile(r"^\p{Han}{2,3}$")
_DATELINE = regex.compile(r"^(?:——|—|--)?\s*[（(]?\s*\d{4}年\d{1,2}月\d{1,2}日")
_SALUTATION = regex.compile(
    r"^(?:各位代表|各位委员|各位领导|同志们|各位)(?:、[\p{Han}]{2,6})*\s*(?P<p>[：:，,！!]?)$"
)
_FIRST_SENTENCE = regex.compile(r"^[^。！？]{2,40}?[。！？]")
_INNER_PUNCT = set("，。；：！？、,;:!?")
_END = set("。！？；：…!?;:.")
_CLOSERS = set("”’）)》】〕」』")


class Role(str, Enum):
    TITLE = "title"
    HEADING = "heading"  # numbered heading (一、 （一） 1. （1）)
    SECTION = "section"  # unnumbered section title (过去一年的主要工作)
    DATELINE = "dateline"
    SIGNATURE = "signature"
    SALUTATION = "salutation"
    BODY = "body"


@dataclass(frozen=True)
class Info:
    role: Role
    level: int | None = None  # heading level 1-5 when numbered
    number: str | None = None


def ends_sentence(text: str) -> bool:
    t = text.rstrip()
    while t and t[-1] in _CLOSERS:
        t = t[:-1]
    return bool(t) and (t[-1] in _END or t.endswith("……"))


def heading_number(text: str) -> tuple[int, str] | None:
    for level, pattern in LEVEL_PATTERNS:
        m = pattern.match(text)
        if m:
            return level, m.group("n")
    return None


def _has_inner_punct(text: str) -> bool:
    return any(ch in _INNER_PUNCT for ch in text)


def classify(doc: Document) -> list[Info]:
    """The role of every paragraph, in order (the analysis step caches it per document)."""
    return [_classify_one(doc, p) for p in doc.paragraphs]


def _classify_one(doc: Document, p: Paragraph) -> Info:
    text = p.text
    if p.heading_level is not None and not ends_sentence(text):
        return Info(Role.SECTION, level=None)
    if _SALUTATION.match(text):
        return Info(Role.SALUTATION)
    if _DATELINE.match(text) and not text.rstrip().endswith("。") and len(text) < 90:
        return Info(Role.DATELINE)
    if len(text) < 60 and SIGNATURE.search(text) and not _has_inner_punct(text):
        return Info(Role.SIGNATURE)
    if p.index < 3 and _BARE_NAME.match(text):
        return Info(Role.SIGNATURE)
    numbered = heading_number(text)
    if numbered:
        level, number = numbered
        # A numbered paragraph is a heading when its first sentence is short and unpunctuated at the end.
        if not ends_sentence(text) or _first_sentence_is_heading(text):
            return Info(Role.HEADING, level, number)
        return Info(Role.BODY, level, number)
    if len(text) <= 60 and not _has_inner_punct(text.strip("（）()《》“”")) and not ends_sentence(text):
        return Info(Role.TITLE if p.index < 4 else Role.SECTION)
    return Info(Role.BODY)


def _first_sentence_is_heading(text: str) -> bool:
    """``（一）强化思想政治引领。坚持…``: a run-in heading, the first sentence being a title."""
    m = _FIRST_SENTENCE.match(text)
    if m is None:
        return False
    first = m.group()
    return len(text) > len(first) and "，" not in first and "," not in first
