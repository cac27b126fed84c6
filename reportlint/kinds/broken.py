"""``broken``: a paragraph cut in two by a page break, or hard-wrapped after each ；.

The analysis lives in analysis/breaks.py (missing-end-punctuation needs it too).
Where the two halves form one word the join is offered as an unsafe fix; where
text seems lost there is nothing to fix, only a place to look.
"""

from __future__ import annotations

from ..document import Document
from ..model import Applicability
from . import Context, Kind, register


@register
class BrokenKind(Kind):
    name = "broken"
    title = "被分页或硬换行截断的段落"
    scope = "document"
    default_fix = "unsafe"
    cases = {"join": ("word",), "cut": (), "lost": (), "wrap": ("lines",)}

    def check(self, doc: Document, ctx: Context) -> None:
        paras = doc.paragraphs
        for b in ctx.analysis.breaks.values():
            p = paras[b.first]
            if b.kind == "wrap":
                # Report from the start of the last clause of the first line to the end of the run.
                cut = max(p.text.rfind(mark, 0, len(p.text) - 1) for mark in "。，,！？!?") + 1
                joined = "".join(q.text for q in paras[b.first : b.last + 1])
                ctx.hit(
                    p,
                    cut,
                    paras[b.last].end - p.start,
                    case="wrap",
                    fix=joined[cut:],
                    applicability=Applicability.UNSAFE,
                    fix_title=f"把{b.last - b.first + 1}行合并为一段",
                    lines=b.last - b.first + 1,
                )
            elif b.kind == "join":
                n = paras[b.last]
                k = min(3, len(p.text))
                ctx.hit(
                    p,
                    len(p.text) - k,
                    n.start - p.start,
                    case="join",
                    fix=p.text[-k:],
                    applicability=Applicability.UNSAFE,
                    fix_title="与下一段合并",
                    word=b.word,
                )
            else:
                k = min(3, len(p.text))
                ctx.hit(p, len(p.text) - k, len(p.text), case=b.kind)
