"""``typo`` and ``name-vote``: thin glue from ``reportlint.lang`` to the rule engine.

All logic lives in ``reportlint/lang/typos.py`` and ``reportlint/lang/vote.py`` (text in,
candidates out); these kinds only turn candidates into hits. Both are *secondary*: the
engine drops their hit where an earlier rule of the same category already reported the
span, so a word list's precise message wins over the statistical guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..schema import param
from . import Context, Kind, register

_WHY_ZH = {"homophone": "读音相同", "look-alike": "字形相近"}


@dataclass(frozen=True)
class TypoParams:
    kinds: list[str] = param(
        ["homophone", "look-alike", "missing"],
        "报告哪些候选：homophone 音近、look-alike 形近、missing 漏字、doubled 多字",
    )
    min_score: float = param(0.0, "只报告得分不低于此值的候选（分数是改正后分词对数概率的增益）", min=0)
    extra_words: list[str] = param([], "本单位认可的词语：从不当作错字，分词时也按词处理")


@register
class TypoKind(Kind):
    name = "typo"
    title = "统计发现的错别字（音近、形近、漏字、多字）"
    scope = "document"
    Params = TypoParams
    secondary = True
    cases = {"default": ("detail", "right", "wrong")}

    def check(self, doc: Document, ctx: Context) -> None:
        from ..lang.typos import find_typos

        # Two rules of this kind (typos, doubled characters) share one detection per document.
        key = f"typos:{sorted(self.p.extra_words)}"
        found = ctx.analysis.memo.get(key)
        if found is None:
            found = ctx.analysis.memo[key] = find_typos(doc.text, self.p.extra_words)
        wanted = set(self.p.kinds)
        for c in found:  # type: ignore[attr-defined]
            if c.kind in wanted and c.score >= self.p.min_score:
                ctx.hit(None, c.start, c.end, detail=c.reason_zh, right=c.right, wrong=c.wrong)


@dataclass(frozen=True)
class NameVoteParams:
    min_majority: int = param(3, "一种写法在文中至少用了几次，才算本文的正确写法", min=2)


@register
class NameVoteKind(Kind):
    name = "name-vote"
    title = "与文中多数写法相差一字的名称"
    scope = "document"
    Params = NameVoteParams
    secondary = True
    cases = {"default": ("variant", "other", "count", "where", "why")}

    def check(self, doc: Document, ctx: Context) -> None:
        from ..lang.vote import name_variants

        for v in name_variants(doc.text, min_majority=self.p.min_majority):
            first = doc.text.find(v.majority)
            ctx.hit(
                None,
                v.start,
                v.end,
                related=[(first, first + len(v.majority))] if first >= 0 else [],
                variant=v.variant,
                other=v.majority,
                count=v.majority_count,
                where=ctx.where(first) if first >= 0 else "文中",
                why=_WHY_ZH.get(v.why, v.why),
            )
