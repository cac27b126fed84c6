"""``broken``: a paragraph cut in two by a page break, or hard-wrapped after each ；.

The analysis lives in breaks.py (missing-end-punctuation needs it too). Where
the two halves form one word the join is offered as an unsafe fix; where text
seems lost there is nothing to fix, only a place to look.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..breaks import find_breaks
from ..document import Document
from . import Context, Hit, Kind, register

_MESSAGES = {
    "join": "段落在词语“{word}”中间断开（疑为分页造成），应与下一段连接",
    "cut": "段落在句子中间断开，下一段从句中开始，疑为分页造成",
    "lost": "段落在句子中间断开，下一段接不上，可能丢失了文字",
    "wrap": "一段文字在每个分号后被硬换行，拆成了{lines}行",
}


@register
class BrokenKind(Kind):
    name = "broken"
    default_fix = "unsafe"

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        paras = doc.paragraphs
        for b in find_breaks(doc).values():
            p = paras[b.first]
            detail = _MESSAGES[b.kind].format(word=b.word, lines=b.last - b.first + 1)
            if b.kind == "wrap":
                # Report from the start of the last clause of the first line to the end of the run.
                cut = max(p.text.rfind(mark, 0, len(p.text) - 1) for mark in "。，,！？!?") + 1
                start = p.start + cut
                end = paras[b.last].end
                joined = "".join(q.text for q in paras[b.first : b.last + 1])
                yield Hit(start, end, {"detail": detail}, replacement=joined[cut:], safe=False)
            elif b.kind == "join":
                n = paras[b.last]
                k = min(3, len(p.text))
                yield Hit(p.end - k, n.start, {"detail": detail}, replacement=p.text[-k:], safe=False)
            else:
                k = min(3, len(p.text))
                yield Hit(p.end - k, p.end, {"detail": detail})
