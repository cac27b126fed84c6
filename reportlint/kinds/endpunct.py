"""``end-punct``: a body paragraph that does not end in 。！？；：… (or a closer after one).

Headings, titles, date and signature lines end without punctuation by design;
they are told apart by form (see structure.py). A salutation must end with a
colon. A paragraph cut by a page break is broken-paragraph's finding, not this one.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..breaks import find_breaks
from ..document import Document
from ..structure import Role, classify, ends_sentence
from . import Context, Hit, Kind, register


@register
class EndPunctKind(Kind):
    name = "end-punct"
    default_fix = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        breaks = find_breaks(doc)
        covered = {i for b in breaks.values() for i in range(b.first, b.last)}
        for para, info in zip(doc.paragraphs, classify(doc), strict=True):
            text = para.text
            if info.role == Role.SALUTATION:
                if text[-1] not in "：:，,！!":
                    yield Hit(
                        para.end - 1, para.end, {"kind": "称呼语后应加冒号"}, replacement=text[-1] + "："
                    )
                continue
            if para.index in covered or ends_sentence(text):
                continue
            if info.role == Role.BODY or (info.role == Role.HEADING and "。" in text):
                last = text[-1]
                if last in "，,、":
                    yield Hit(para.end - 1, para.end, {"kind": "段末应为句末标点"}, replacement="。")
                else:
                    k = min(4, len(text))
                    yield Hit(
                        para.end - k, para.end, {"kind": "段末缺少句末标点"}, replacement=text[-k:] + "。"
                    )
