"""``duplicate``: paragraphs repeated exactly or nearly, and long passages pasted into another paragraph.

Cost stays near-linear in the number of paragraphs: each paragraph is indexed
by a sample of its character shingles (chosen by their characters, so every
process samples alike),
so only paragraphs that share many shingles are compared with rapidfuzz, and
shingles common to very many paragraphs (set phrases) are not indexed at all.
Title, heading, date and signature lines are formulaic and are left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from ..analysis import Role
from ..document import Document
from ..model import Applicability
from ..schema import param
from . import Context, Kind, register

_SKIP_ROLES = {Role.TITLE, Role.SECTION, Role.DATELINE, Role.SIGNATURE, Role.SALUTATION}
_SAMPLE = 4  # keep one shingle in four
_COMMON = 64  # a shingle in more paragraphs than this is a set phrase


def _longest_run(norm: str, k: int, other: set[str]) -> int:
    """Longest run of consecutive shingles of ``norm`` found in ``other``: a cheap upper bound
    on a common passage, checked before difflib's exact (and costly) longest match."""
    best = run = 0
    for j in range(len(norm) - k + 1):
        if norm[j : j + k] in other:
            run += 1
            if run > best:
                best = run
        else:
            run = 0
    return best


def _normalise(text: str) -> tuple[str, list[int]]:
    """Letters and digits only, with each kept character's index in the original."""
    kept = [(i, ch) for i, ch in enumerate(text) if ch.isalnum()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


@dataclass(frozen=True)
class DuplicateParams:
    similarity: float = param(0.95, "相似度（0–1）达到多少算近似重复", min=0.5, max=1.0)
    min_chars: int = param(30, "更短的段落（只计文字）不报告", min=1)
    passage_chars: int = param(50, "段内重复的片段至少多长", min=10)
    shingle: int = param(5, "比较时的字串长度（字符）", min=2, max=20)


@register
class DuplicateKind(Kind):
    name = "duplicate"
    title = "重复或高度相似的段落"
    scope = "document"
    Params = DuplicateParams
    default_fix = "unsafe"
    cases = {"exact": ("where",), "near": ("where", "score"), "passage": ("where", "size")}

    def check(self, doc: Document, ctx: Context) -> None:
        k = self.p.shingle
        threshold = self.p.similarity * 100
        min_chars, passage = self.p.min_chars, self.p.passage_chars
        infos = ctx.analysis.roles
        exact: dict[str, int] = {}
        index: dict[str, list[int]] = {}
        norms: dict[int, tuple[str, list[int]]] = {}
        shingle_sets: dict[int, set[str]] = {}
        for para, info in zip(doc.paragraphs, infos, strict=True):
            if info.role in _SKIP_ROLES:
                continue
            norm, mapping = _normalise(para.text)
            if len(norm) < min_chars:
                continue
            i = para.index
            norms[i] = (norm, mapping)
            first = exact.get(norm)
            if first is not None:
                self._whole(doc, ctx, i, first, 100)
                continue
            exact[norm] = i
            shingles = {norm[j : j + k] for j in range(len(norm) - k + 1)}
            shingle_sets[i] = shingles
            # sorted: ties in most_common() then rank the same in every process
            sampled = sorted(
                h for h in shingles if (ord(h[0]) + 3 * ord(h[k // 2]) + 7 * ord(h[-1])) % _SAMPLE == 0
            )
            shared: Counter[int] = Counter()  # paragraph index -> sampled shingles in common
            for h in sampled:
                posting = index.get(h)
                if posting is not None and len(posting) <= _COMMON:
                    shared.update(posting)
            reported = False
            for j, count in shared.most_common(8):
                other = norms[j][0]
                small = min(len(norm), len(other))
                if count * _SAMPLE * 2 < small * 0.5:
                    break  # fewer shared shingles than a near duplicate could have
                if abs(len(norm) - len(other)) <= small * 0.25:
                    score = fuzz.ratio(norm, other)
                    if score >= threshold:
                        self._whole(doc, ctx, i, j, round(score))
                        reported = True
                        break
            if not reported:
                # A shared passage of ``passage`` characters shares about (passage - k + 1) / _SAMPLE
                # sampled shingles; ask for most of them before paying for a longest-match search.
                needed = max(3, int((passage - k + 1) / _SAMPLE * 0.6))
                for j, count in shared.most_common(3):
                    if count < needed:
                        break
                    if _longest_run(norm, k, shingle_sets[j]) + k - 1 < passage:
                        continue  # the shared shingles are scattered set phrases, not one passage
                    if self._passage(doc, ctx, i, j, norm, mapping, norms[j][0], passage):
                        break
            for h in sampled:
                index.setdefault(h, []).append(i)

    @staticmethod
    def _whole(doc: Document, ctx: Context, i: int, first: int, score: int) -> None:
        para, orig = doc.paragraphs[i], doc.paragraphs[first]
        # The fix removes the copy together with the line breaks up to the next paragraph.
        following = doc.paragraphs[i + 1].start if i + 1 < len(doc.paragraphs) else len(doc.text)
        end = following if following > para.end else para.end
        ctx.hit(
            None,
            para.start,
            end,
            case="exact" if score == 100 else "near",
            fix="",
            applicability=Applicability.UNSAFE,
            fix_title="删除重复的段落",
            related=[(orig.start, orig.end)],
            where=ctx.where(orig.start),
            score=score,
        )

    @staticmethod
    def _passage(
        doc: Document, ctx: Context, i: int, j: int, norm: str, mapping: list[int], other: str, passage: int
    ) -> bool:
        m = SequenceMatcher(None, norm, other, autojunk=False).find_longest_match(0, len(norm), 0, len(other))
        if m.size < passage:
            return False
        para, orig = doc.paragraphs[i], doc.paragraphs[j]
        start = mapping[m.a]
        end = mapping[m.a + m.size - 1] + 1
        ctx.hit(
            para,
            start,
            end,
            case="passage",
            related=[(orig.start, orig.end)],
            where=ctx.where(orig.start),
            size=m.size,
        )
        return True
