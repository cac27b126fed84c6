"""``duplicate``: paragraphs repeated exactly or nearly, and long passages pasted into another paragraph.

Cost stays near-linear in the number of paragraphs: each paragraph is indexed
by a sample of its character shingles (chosen by their characters, so every
process samples alike),
so only paragraphs that share many shingles are compared with rapidfuzz, and
shingles common to very many paragraphs (set phrases) are not indexed at all.
Title, heading, date and signature lines are formulaic and are left out, and so is
web-page furniture (the site's excerpt of the opening is not a second copy of it).

A glossary entry or a table row restates the body on purpose: it is compared with
the body for an exact copy only, otherwise glossary entries only with glossary
entries and table rows with table rows (a glossary pasted twice is still found), and
no passage inside one is reported. A passage shared by two
different paragraphs is a paste only when it makes up most of the shorter one or
holds at least two whole sentences of both; a long formula two paragraphs share
(以习近平新时代中国特色社会主义思想为指导，…) is not. A run of consecutive paragraphs
copied from a run of earlier ones is one finding over the whole copied block.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex
from rapidfuzz import fuzz

from ..analysis import Role
from ..document import Document
from ..model import Applicability
from ..schema import param
from . import Context, Kind, register

_SKIP_ROLES = {Role.TITLE, Role.SECTION, Role.DATELINE, Role.SIGNATURE, Role.SALUTATION, Role.NOISE}
# Paragraphs that restate the body on purpose: compared with the body for exact copies only.
_RESTATING = (Role.GLOSSARY, Role.TABLE)
_SAMPLE = 4  # keep one shingle in four
_COMMON = 64  # a shingle in more paragraphs than this is a set phrase
_COVERAGE = 0.75  # a shared passage is a paste when it is this much of the shorter paragraph…
_SENTENCES = 2  # …or holds this many whole sentences of both paragraphs
_SENTENCE_END = regex.compile(r"[。！？；!?;]")


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


_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


def _normalise(text: str) -> str:
    """Letters and digits only: punctuation and spacing do not make two paragraphs different."""
    return _NOT_ALNUM.sub("", text)


def _mapping(text: str) -> list[int]:
    """Each kept character's index in ``text`` (worked out only for a passage being reported)."""
    return [i for i, ch in enumerate(text) if not _NOT_ALNUM.match(ch)]


def _whole_sentences(text: str, mapping: list[int], a: int, b: int) -> int:
    """How many sentences of ``text`` lie wholly in ``[a, b)`` of its normalised form."""
    count = 0
    begin = 0  # normalised index where the current sentence starts
    for m in _SENTENCE_END.finditer(text):
        end = bisect.bisect_left(mapping, m.start())
        if end > begin and a <= begin and end <= b:
            count += 1
        begin = end
    return count


@dataclass(frozen=True)
class _Copy:
    """Paragraph ``i`` repeats the earlier paragraph ``first`` as a whole (``score`` 100: exactly)."""

    i: int
    first: int
    score: int


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
        # Body text, glossary entries and table rows are indexed apart.
        indexes: dict[Role, dict[str, list[int]]] = {}
        norms: dict[int, str] = {}
        shingle_sets: dict[int, set[str]] = {}
        copies: list[_Copy] = []
        for para, info in zip(doc.paragraphs, infos, strict=True):
            if info.role in _SKIP_ROLES:
                continue
            norm = _normalise(para.text)
            if len(norm) < min_chars:
                continue
            i = para.index
            norms[i] = norm
            first = exact.get(norm)
            if first is not None:
                copies.append(_Copy(i, first, 100))
                continue
            exact[norm] = i
            group = info.role if info.role in _RESTATING else Role.BODY
            index = indexes.setdefault(group, {})
            # A shingle is sampled by its own characters (so every copy samples alike), decided from
            # code points computed once, without building the shingles that are not kept.
            v = [ord(c) for c in norm]
            mid, last = k // 2, k - 1
            # sorted: ties in most_common() then rank the same in every process
            sampled = sorted(
                {
                    norm[j : j + k]
                    for j in range(len(norm) - k + 1)
                    if (v[j] + 3 * v[j + mid] + 7 * v[j + last]) % _SAMPLE == 0
                }
            )
            shared: Counter[int] = Counter()  # paragraph index -> sampled shingles in common
            for h in sampled:
                posting = index.get(h)
                if posting is not None and len(posting) <= _COMMON:
                    shared.update(posting)
            reported = False
            for j, count in shared.most_common(8):
                other = norms[j]
                small = min(len(norm), len(other))
                if count * _SAMPLE * 2 < small * 0.5:
                    break  # fewer shared shingles than a near duplicate could have
                if abs(len(norm) - len(other)) <= small * 0.25:
                    score = fuzz.ratio(norm, other)
                    if score >= threshold:
                        copies.append(_Copy(i, j, round(score)))
                        reported = True
                        break
            if not reported and group == Role.BODY:
                # A shared passage of ``passage`` characters shares about (passage - k + 1) / _SAMPLE
                # sampled shingles; ask for most of them before paying for a longest-match search.
                needed = max(3, int((passage - k + 1) / _SAMPLE * 0.6))
                for j, count in shared.most_common(3):
                    if count < needed:
                        break
                    other_set = shingle_sets.get(j)
                    if other_set is None:  # built only for the few candidates that get this far
                        other_norm = norms[j]
                        other_set = shingle_sets[j] = {
                            other_norm[x : x + k] for x in range(len(other_norm) - k + 1)
                        }
                    if _longest_run(norm, k, other_set) + k - 1 < passage:
                        continue  # the shared shingles are scattered set phrases, not one passage
                    if self._passage(doc, ctx, i, j, norms, passage):
                        break
            for h in sampled:
                index.setdefault(h, []).append(i)
        for block in _blocks(doc, copies):
            self._whole(doc, ctx, block)

    @staticmethod
    def _whole(doc: Document, ctx: Context, block: list[_Copy]) -> None:
        """One finding over a run of copies; the fix removes them together with their line breaks."""
        first, last = block[0], block[-1]
        para, end_para = doc.paragraphs[first.i], doc.paragraphs[last.i]
        following = doc.paragraphs[last.i + 1].start if last.i + 1 < len(doc.paragraphs) else len(doc.text)
        end = following if following > end_para.end else end_para.end
        orig, orig_end = doc.paragraphs[first.first], doc.paragraphs[last.first]
        where = ctx.where(orig.start)
        if last.first != first.first:
            where = f"{where}至{ctx.where(orig_end.start)}"
        score = min(c.score for c in block)
        ctx.hit(
            None,
            para.start,
            end,
            case="exact" if score == 100 else "near",
            fix="",
            applicability=Applicability.UNSAFE,
            fix_title="删除重复的段落",
            related=[(orig.start, orig_end.end)],
            where=where,
            score=score,
        )

    @staticmethod
    def _passage(doc: Document, ctx: Context, i: int, j: int, norms: dict[int, str], passage: int) -> bool:
        norm, other = norms[i], norms[j]
        m = SequenceMatcher(None, norm, other, autojunk=False).find_longest_match(0, len(norm), 0, len(other))
        if m.size < passage:
            return False
        para, orig = doc.paragraphs[i], doc.paragraphs[j]
        mapping, other_mapping = _mapping(para.text), _mapping(orig.text)
        # Most of the shorter paragraph, or whole sentences of both: a paste, not a shared formula.
        if m.size < _COVERAGE * min(len(norm), len(other)) and (
            _whole_sentences(para.text, mapping, m.a, m.a + m.size) < _SENTENCES
            or _whole_sentences(orig.text, other_mapping, m.b, m.b + m.size) < _SENTENCES
        ):
            return False
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


def _blocks(doc: Document, copies: list[_Copy]) -> list[list[_Copy]]:
    """Copies grouped into runs: paragraphs i, i+1, … repeating first, first+1, … in the same order.

    Paragraphs between two copies that were not compared (too short: a heading, 名词解释) belong
    to the run when they equal their counterparts too. The copied run lies wholly before its copy.
    """
    blocks: list[list[_Copy]] = []
    for c in sorted(copies, key=lambda c: c.i):
        if blocks:
            block = blocks[-1]
            prev = block[-1]
            step = c.i - prev.i
            if (
                c.first - prev.first == step
                and c.first < block[0].i
                and all(_same(doc, prev.i + t, prev.first + t) for t in range(1, step))
            ):
                block.append(c)
                continue
        blocks.append([c])
    return blocks


def _same(doc: Document, a: int, b: int) -> bool:
    return _normalise(doc.paragraphs[a].text) == _normalise(doc.paragraphs[b].text)
