"""Domain lexicon: strings that published work reports use, so the typo check leaves them alone.

General dictionaries lack the coinages of government prose (纠治, 疫后, 因城施策, 宜商宜业)
and the names of local places, bodies and projects; a typo check that knows only jieba's
dictionary calls them typos. The lexicon is every 2–4-character Han string seen at least
twice in the report corpus after its web-page noise (toolbars, 来源/责任编辑 lines, link
lists, footers) is stripped, less the strings jieba already knows.

It ships as a Bloom filter (``data/lexicon.bloom``): loading is one file read, with no
parsing, and a look-up is a few hashes. The false-positive rate (printed by ``build``)
is the share of unseen strings that the filter wrongly calls attested.

Beside it, ``data/domain-words.tsv.gz`` says how many reports use each frequent jieba word: a
typo's correction should be a word that work reports actually use (经济, 建设), not 语调 or 禅宗.

Rebuild both with ``python -m reportlint.lang.lexicon build CORPUS_DIR reportlint/data``.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
import struct
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

_HAN_RUN = regex.compile(r"\p{Han}{2,}")
# Lines of web pages rather than of a report.
_NOISE = regex.compile(
    r"来源[:：]|责任编辑|编辑[:：]|作者[:：]|时间[:：]|发布时间|发布日期|浏览次数|点击数|阅读数|【字号|字号[:：]|"
    r"分享到|打印本页|关闭窗口|打印|收藏|相关报道|相关文章|相关新闻|相关链接|上一篇|下一篇|返回顶部|"
    r"版权所有|主办单位|承办单位|网站标识码|ICP备|公网安备|联系我们|网站地图|友情链接|扫一扫|微信|微博|"
    r"首页|当前位置|您的位置|本栏|排行|评论|图片来源|摄影|记者"
)
_PROSE_PUNCT = regex.compile(r"[，。；：、！？]")
MAX_N = 4
MIN_COUNT = 2
FP_RATE = 0.002
LEXICON = "lexicon.bloom"
DOMAIN = "domain-words.tsv.gz"


def clean_lines(text: str) -> Iterator[str]:
    """The prose lines of a saved report: web-page leftovers and short link-list lines dropped.

    A report's body is sentences; a line of ten or more Han characters with sentence
    punctuation and no toolbar or byline word is kept. Headings without punctuation are
    lost, which costs little: their words recur in the body.
    """
    for raw in text.splitlines():
        line = raw.strip().replace("\u3000", "")
        if len(line) < 10 or not _PROSE_PUNCT.search(line) or _NOISE.search(line):
            continue
        if len(regex.findall(r"\p{Han}", line)) < 10:
            continue
        yield line


def ngrams(line: str, sizes: Iterable[int] = range(2, MAX_N + 1)) -> Iterator[str]:
    """Han n-grams of a line (never across punctuation, digits or spaces)."""
    for m in _HAN_RUN.finditer(line):
        run = m.group()
        for n in sizes:
            for i in range(len(run) - n + 1):
                yield run[i : i + n]


def count_ngrams(paths: Iterable[Path]) -> tuple[Counter[str], Counter[str]]:
    """(occurrences, documents) of every 2–4-gram in the cleaned reports."""
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for path in paths:
        seen: set[str] = set()
        for line in clean_lines(path.read_text(encoding="utf-8", errors="replace")):
            grams = list(ngrams(line))
            counts.update(grams)
            seen.update(grams)
        docs.update(seen)
    return counts, docs


# --- Bloom filter ------------------------------------------------------------------------------


class Bloom:
    """A plain Bloom filter over UTF-8 strings: a bit array and k hash positions from blake2b."""

    HEADER = struct.Struct("<4sIIQ")  # magic, k, items, bits
    MAGIC = b"RLB1"

    def __init__(self, bits: int, k: int, data: bytearray | memoryview | None = None, items: int = 0):
        self.bits, self.k, self.items = bits, k, items
        # A loaded filter reads the shipped bytes in place (a memoryview); a new one is writable.
        self.array: bytearray | memoryview = bytearray((bits + 7) // 8) if data is None else data

    @classmethod
    def for_items(cls, n: int, fp_rate: float) -> Bloom:
        bits = max(64, int(-n * math.log(fp_rate) / (math.log(2) ** 2)))
        k = max(1, round(bits / max(n, 1) * math.log(2)))
        return cls(bits, k)

    def _positions(self, item: str) -> Iterator[int]:
        digest = hashlib.blake2b(item.encode("utf-8"), digest_size=16).digest()
        h1, h2 = struct.unpack("<QQ", digest)
        for i in range(self.k):
            yield (h1 + i * h2) % self.bits

    def add(self, item: str) -> None:
        for p in self._positions(item):
            self.array[p >> 3] |= 1 << (p & 7)
        self.items += 1

    def __contains__(self, item: str) -> bool:
        arr = self.array
        return all(arr[p >> 3] & (1 << (p & 7)) for p in self._positions(item))

    def to_bytes(self) -> bytes:
        return self.HEADER.pack(self.MAGIC, self.k, self.items, self.bits) + bytes(self.array)

    @classmethod
    def from_bytes(cls, blob: bytes) -> Bloom:
        magic, k, items, bits = cls.HEADER.unpack_from(blob)
        if magic != cls.MAGIC:
            raise ValueError("not a reportlint Bloom filter")
        return cls(bits, k, memoryview(blob)[cls.HEADER.size :], items)


def build(
    corpus: Path,
    out_dir: Path,
    *,
    min_count: int = MIN_COUNT,
    fp_rate: float = FP_RATE,
    only: Callable[[Path], bool] | None = None,
) -> dict[str, float]:
    """Write ``lexicon.bloom`` and ``domain-words.tsv.gz`` for the reports in ``corpus``; return figures."""
    from ..textutil import word_freq
    from .typos import _jieba_model

    paths = sorted(corpus.glob("*.txt"))
    if only is not None:
        paths = [p for p in paths if only(p)]
    counts, docs = count_ngrams(paths)
    # jieba words of count <= 3 stay: the typo check treats many of them as typos (补齐, 经挤).
    keep = [g for g, c in counts.items() if c >= min_count and word_freq(g) <= 3]
    bloom = Bloom.for_items(len(keep), fp_rate)
    for g in keep:
        bloom.add(g)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / LEXICON).write_bytes(bloom.to_bytes())
    # How many reports use each frequent jieba word: a typo's correction should be a word of the domain.
    freq, _ = _jieba_model()
    domain = sorted(
        (w, docs[w]) for w, f in freq.items() if f >= 100 and 2 <= len(w) <= 4 and docs.get(w, 0) >= 2
    )
    lines = [f"#reports\t{len(paths)}"] + [f"{w}\t{d}" for w, d in domain]
    (out_dir / DOMAIN).write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    return {
        "reports": len(paths),
        "ngrams": len(counts),
        "kept": len(keep),
        "bytes": (out_dir / LEXICON).stat().st_size,
        "k": bloom.k,
        "fp_rate": fp_rate,
        "domain_words": len(domain),
        "domain_bytes": (out_dir / DOMAIN).stat().st_size,
    }


def _data_bytes(name: str) -> bytes | None:
    """A data file: from ``REPORTLINT_LEXICON`` (a folder; the benchmark's held-out test) or the package."""
    other = os.environ.get("REPORTLINT_LEXICON")
    if other:
        return (Path(other) / name).read_bytes()
    try:
        return resources.files("reportlint.data").joinpath(name).read_bytes()
    except FileNotFoundError:
        return None


@lru_cache(maxsize=1)
def _shipped() -> Bloom | None:
    blob = _data_bytes(LEXICON)
    return None if blob is None else Bloom.from_bytes(blob)


@lru_cache(maxsize=1)
def _domain() -> tuple[dict[str, int], int]:
    blob = _data_bytes(DOMAIN)
    if blob is None:
        return {}, 0
    lines = gzip.decompress(blob).decode("utf-8").split("\n")
    total = int(lines[0].split("\t")[1])
    table = {}
    for line in lines[1:]:
        if line:
            w, d = line.split("\t")
            table[w] = int(d)
    return table, total


def domain_share(word: str) -> float:
    """The share of the corpus's reports that use ``word`` (0 for words outside the table)."""
    table, total = _domain()
    return table.get(word, 0) / total if total else 0.0


def attested(s: str) -> bool:
    """Whether the corpus of published reports uses ``s`` (2–4 Han characters) at least twice."""
    bloom = _shipped()
    return bloom is not None and s in bloom


# --- words an office uses that no dictionary has -----------------------------------------------


def learn_words(
    paths: Iterable[Path],
    *,
    min_docs: int = 2,
    min_count: int = 3,
    max_len: int = 6,
    min_cohesion: float = 30.0,
) -> list[tuple[str, int, int]]:
    """Strings that recur across an office's past reports but are in no dictionary.

    Returns ``(string, count, n_docs)``, most widespread first. A string qualifies when it
    is 2–``max_len`` Han characters, is used in ``min_docs`` reports and ``min_count`` times,
    is not a jieba word, is not a run of jieba words that each stand on their own (常委会会议),
    is not mostly followed or preceded by the same character (a piece of a longer string),
    and its pieces occur together far more often than chance (``min_cohesion``, pointwise
    ratio over the weakest split), so that two common words meeting (区|人) are not a word. These are the office's own place,
    body and project names and coinages, to be accepted once instead of flagged each year.
    """
    from ..textutil import segment, word_freq

    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    left: dict[str, Counter[str]] = {}
    right: dict[str, Counter[str]] = {}
    for path in paths:
        seen: set[str] = set()
        for line in clean_lines(Path(path).read_text(encoding="utf-8", errors="replace")):
            for m in _HAN_RUN.finditer(line):
                run = m.group()
                counts.update(run)
                for n in range(2, max_len + 2):
                    for i in range(len(run) - n + 1):
                        g = run[i : i + n]
                        counts[g] += 1
                        seen.add(g)
                        if n <= max_len:
                            left.setdefault(g, Counter())[run[i - 1] if i else "^"] += 1
                            right.setdefault(g, Counter())[run[i + n] if i + n < len(run) else "$"] += 1
        docs.update(seen)
    total = sum(c for g, c in counts.items() if len(g) == 1) or 1
    out: list[tuple[str, int, int]] = []
    for g, c in counts.items():
        if not 2 <= len(g) <= max_len or c < min_count or docs[g] < min_docs or word_freq(g):
            continue
        if _dominated(left[g], c) or _dominated(right[g], c):
            continue  # a fragment of a longer string (进一 of 进一步)
        cohesion = min(c * total / (counts[g[:k]] * counts[g[k:]]) for k in range(1, len(g)))
        if cohesion < min_cohesion:
            continue  # two common pieces that merely meet (区|人)
        if all(len(p) > 1 for p in segment(g)):
            continue  # plain words in a row: the dictionary already reads it
        out.append((g, c, docs[g]))
    out.sort(key=lambda t: (-t[2], -t[1], t[0]))
    return out


def _dominated(neighbours: Counter[str], count: int) -> bool:
    """Most uses have the same neighbour on this side, so the string is a piece of a longer one."""
    ((ch, top),) = neighbours.most_common(1)
    return ch not in "^$" and top * 2 > count


def main(argv: list[str]) -> int:
    if len(argv) in (3, 4) and argv[0] == "build":  # build CORPUS_DIR OUT_DIR [even|odd]
        # An optional 4th argument "even"/"odd" builds from half of the reports (held-out tests).
        half = {"even": 0, "odd": 1}.get(argv[3]) if len(argv) == 4 else None
        only = None if half is None else (lambda p: int(p.stem) % 2 == half if p.stem.isdigit() else False)
        figures = build(Path(argv[1]), Path(argv[2]), only=only)
        for k, v in figures.items():
            print(f"{k}\t{v}")
        return 0
    if len(argv) >= 2 and argv[0] == "learn":
        for g, c, d in learn_words(sorted(Path(argv[1]).glob("*.txt")))[:200]:
            print(f"{g}\t{c}\t{d}")
        return 0
    print(
        "usage: python -m reportlint.lang.lexicon build CORPUS_DIR OUT_DIR [even|odd] | learn DIR",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
