"""``typo`` and ``name-vote``: thin glue from ``reportlint.lang`` to the rule engine.

All logic lives in ``reportlint/lang/typos.py`` and ``reportlint/lang/vote.py`` (text in,
candidates out); these kinds only turn candidates into hits. Nothing loads until the
first document is checked, so listing or explaining rules stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from . import Context, Hit, Kind, Param, register


@register
class TypoKind(Kind):
    name = "typo"
    secondary = True  # the engine drops its hit where an earlier rule of the category found one
    params = {
        "kinds": Param(list, ["homophone", "look-alike", "missing"], "candidate kinds to report"),
        "min_score": Param((int, float), 0.0, "report only candidates scoring at least this"),
        "extra_words": Param(list, [], "accepted words: never typos, and known to the segmenter"),
    }

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        from ..lang.typos import find_typos

        wanted = set(self.p["kinds"])
        for c in find_typos(doc.text, self.p["extra_words"]):
            if c.kind in wanted and c.score >= self.p["min_score"]:
                yield Hit(c.start, c.end, {"detail": c.reason_zh, "right": c.right, "score": c.score})


@register
class NameVoteKind(Kind):
    name = "name-vote"
    secondary = True
    params = {"min_majority": Param(int, 3, "uses that make a spelling the document's own")}

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        from ..lang.vote import name_variants

        for v in name_variants(doc.text, min_majority=self.p["min_majority"]):
            yield Hit(v.start, v.end, {"detail": v.reason_zh, "other": v.majority})
