"""In-document name vote: a proper noun used three times is the document's own spelling.

No dictionary knows 垛石街道 or the deputy director's name, but the document itself does:
the form it uses again and again is right, and a form used once or twice that differs by
one homophone (toneless) or look-alike character, and is no word itself, is a variant
(济阳区 ×12 / 济杨区 ×1). Candidate names are jieba's proper nouns (ns/nr/nt/nz), names
beside titles (主任侯宗伟), and …省/市/区/县/镇/街道/乡/村 forms whose start is a word
boundary. A differing character that jieba reads as part of a real word reaching outside
the name (整治城区 = 整治 + 城区), or that is a function word, is no variant.

jieba's part-of-speech tags take ~0.25 s to read from its dictionary, so the proper nouns
are extracted once into ``data/propernouns.txt.gz`` (``python -m reportlint.lang.vote build OUT``).
"""

from __future__ import annotations

import bisect
import gzip
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from . import confusion, lexicon

MIN_MAJORITY = 3
MAX_MINORITY = 2
_SUFFIX = r"(?:省|市|区|县|镇|街道|乡|村)"
_PLACE = regex.compile(rf"(?=(\p{{Han}}{{2,4}}?{_SUFFIX}))")
_TITLE = (
    r"(?:副)?(?:主任|院长|检察长|书记|市长|区长|县长|州长|省长|主席|委员长|部长|局长|厅长|秘书长|处长|镇长|乡长|庭长|"
    r"所长|队长|校长|总经理|董事长|理事长|政委|司令员)"
)
_AFTER_NAME = r"(?=所作|同志|作(?!为)|在|的|等|和|与|、|，|。|,|\s|$|主持|出席|讲话|指出|强调|带队|率队|一行|发言|）|\))"
_NAME_AFTER_TITLE = regex.compile(rf"{_TITLE}[ \u3000]?(\p{{Han}}{{2,3}}?){_AFTER_NAME}")
_NAME_BEFORE_TITLE = regex.compile(rf"(?<=^|[、，。,\s“（(]|和|与)(\p{{Han}}{{2,3}}?)(?=同志|{_TITLE})")
FUNCTION_CHARS = set(
    "的地得了着过和与及或而且并在于对从向把被将为以由按据因给让使是有也都还又就才要会能可不没之其此这那各每该"
)


@dataclass(frozen=True)
class Variant:
    """``text[start:end] == variant``, a minority spelling of ``majority``."""

    start: int
    end: int
    variant: str
    majority: str
    majority_count: int
    majority_lines: tuple[int, ...]
    why: str  # homophone | look-alike

    @property
    def reason_zh(self) -> str:
        why = "读音相同" if self.why == "homophone" else "字形相近"
        lines = "、".join(str(n) for n in self.majority_lines[:3])
        return f"“{self.variant}”与文中{self.majority_count}处的“{self.majority}”（第{lines}行）相差一字（{why}），请核实"


@lru_cache(maxsize=1)
def proper_nouns() -> frozenset[str]:
    """jieba's words tagged ns/nr/nt/nz (two characters or more)."""
    ref = resources.files("reportlint.data").joinpath("propernouns.txt.gz")
    return frozenset(gzip.decompress(ref.read_bytes()).decode("utf-8").split("\n"))


def build_proper_nouns() -> bytes:
    import os

    import jieba

    text = Path(os.path.dirname(jieba.__file__), "dict.txt").read_text(encoding="utf-8")
    words = sorted(set(regex.findall(r"^(\p{Han}{2,8}) \d+ n[srtz]$", text, flags=regex.M)))
    return gzip.compress("\n".join(words).encode("utf-8"), mtime=0)


class _Doc:
    """Segmentation of the text, computed once: token boundaries and the token at each offset."""

    def __init__(self, text: str, segment):
        self.text = text
        self.bounds: set[int] = set()
        self.token_at: dict[int, tuple[int, int]] = {}
        for m in regex.finditer(r"\p{Han}+", text):
            pos = m.start()
            for tok in segment(m.group()):
                self.bounds.add(pos)
                for i in range(pos, pos + len(tok)):
                    self.token_at[i] = (pos, pos + len(tok))
                pos += len(tok)
            self.bounds.add(pos)
        self.line_starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def tokens(self) -> Iterator[tuple[int, str]]:
        seen = set()
        for a, b in self.token_at.values():
            if (a, b) not in seen:
                seen.add((a, b))
                yield a, self.text[a:b]


def _candidates(doc: _Doc) -> dict[str, int]:
    """Names of the document (string -> how many fixed characters end it, 0 or the suffix's length)."""
    text = doc.text
    out: dict[str, int] = {}
    nouns = proper_nouns()
    for _, tok in doc.tokens():
        if len(tok) >= 3 and tok in nouns:  # two-character ones are the typo check's (中国/中固)
            out[tok] = 1 if tok[-1] in "省市区县镇乡村" else 0
    for pattern in (_NAME_AFTER_TITLE, _NAME_BEFORE_TITLE):
        for m in pattern.finditer(text):
            out.setdefault(m.group(1), 0)
    for m in _PLACE.finditer(text):
        s = m.group(1)
        a, b = m.start(1), m.start(1) + len(s)
        if a in doc.bounds and b in doc.bounds:
            suffix = 2 if s.endswith("街道") else 1
            out.setdefault(s, suffix)
    return out


def _one_char_off(text: str, name: str, positions: int) -> Iterator[tuple[int, str, int]]:
    """Places where ``text`` holds ``name`` with exactly its k-th character (k < positions) changed."""
    size = len(name)
    for k in range(positions):
        head, tail = name[:k], name[k + 1 :]
        anchor, shift = (head, 0) if len(head) >= len(tail) else (tail, k + 1)
        pos = text.find(anchor)
        while pos >= 0:
            start = pos - shift
            if start >= 0 and start + size <= len(text):
                cand = text[start : start + size]
                if cand[k] != name[k] and cand.startswith(head) and cand.endswith(tail):
                    yield start, cand, k
            pos = text.find(anchor, pos + 1)


def name_variants(
    text: str, *, min_majority: int = MIN_MAJORITY, max_minority: int = MAX_MINORITY
) -> list[Variant]:
    """Minority spellings of the document's names, at the minority places."""
    from .typos import _detector

    det = _detector(())
    doc = _Doc(text, lambda s: [s[a:b] for a, b in det.segment(s)[0]])
    names = _candidates(doc)
    counts = Counter({n: text.count(n) for n in names})
    found: dict[tuple[int, int], Variant] = {}
    for name, fixed in sorted(names.items(), key=lambda kv: (-counts[kv[0]], -len(kv[0]), kv[0])):
        count = counts[name]
        if count < min_majority:
            continue
        core = len(name) - fixed
        for start, var, k in _one_char_off(text, name, core):
            why = confusion.confusable(name[k], var[k])
            end = start + len(var)
            if not why or any(a < end and start < b for a, b in found):
                continue
            if text.count(var) > max_minority or det.count(var) or lexicon.attested(var):
                continue  # used often here, a word, or attested in published reports: meant
            if var[k] in FUNCTION_CHARS or name[k] in FUNCTION_CHARS:
                continue
            tok = doc.token_at.get(start + k)
            if tok and tok[1] - tok[0] > 1 and (tok[0] < start or tok[1] > start + len(var)):
                continue  # the character belongs to a word reaching outside: 整治|城区
            if tok and tok[1] - tok[0] > 1 and det.count(text[tok[0] : tok[1]]) >= 100 and not fixed:
                continue  # a real word inside the string: the string reads as words, not a name
            lines: list[int] = []
            pos = text.find(name)
            while pos >= 0 and len(lines) < 5:
                line = doc.line(pos)
                if line not in lines:
                    lines.append(line)
                pos = text.find(name, pos + 1)
            found[(start, start + len(var))] = Variant(
                start, start + len(var), var, name, count, tuple(lines), why
            )
    return sorted(found.values(), key=lambda v: v.start)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "build":
        Path(argv[1]).write_bytes(build_proper_nouns())
        return 0
    print("usage: python -m reportlint.lang.vote build OUT.txt.gz", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
