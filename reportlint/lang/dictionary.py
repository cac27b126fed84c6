"""jieba's dictionary, loaded in a millisecond, and jieba's segmentation without jieba's start-up.

jieba keeps its 349,000-word dictionary (plus every prefix of every word) in a Python
dict that takes 1.5–2.5 s to load from its cache: longer than linting a report. Here
the same words and counts live in a marisa-trie (memory-mapped) and an array of
counts, derived once from jieba's ``dict.txt`` and kept in the user's cache folder
under a key of the file's size and time. ``cut`` reproduces
``jieba.cut(text, HMM=False)`` — the same DAG over dictionary words and the same
maximum-probability route — so results do not change; words the user accepts are
added on top with a high count.
"""

from __future__ import annotations

import array
import contextlib
import importlib.util
import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import marisa_trie

from .cache import materialise

_FORMAT = 1  # bump when the cache layout changes
# jieba's own block and skip patterns (jieba/__init__.py: re_han_default, re_skip_default, re_eng).
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)", re.U)
_RE_SKIP = re.compile("(\r\n|\\s)", re.U)
_RE_ENG = re.compile("[a-zA-Z0-9]", re.U)
_MAX_WORD = 16  # the longest entry of jieba's dictionary
ACCEPTED_COUNT = 100_000  # what a word the user accepts counts for: more than almost any word


def _jieba_dict() -> Path:
    """jieba's dictionary file, found without importing jieba (its import alone takes 0.2 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def _cache_key(source: Path) -> str:
    st = source.stat()
    # The file's size and time change with every jieba release or reinstall (importlib.metadata
    # would tell the version, but importing it costs a one-file run 40 ms: it imports email).
    return f"jieba-{st.st_size}-{st.st_mtime_ns}-v{_FORMAT}"


class WordDict:
    """Dictionary words with their counts, and one-character words' part-of-speech tags."""

    def __init__(self, trie: marisa_trie.Trie, counts: array.array, tags: dict[str, str]):
        self.trie = trie
        self.counts = counts
        self.tags = tags
        self.total = sum(counts)
        self.log_total = math.log(self.total)
        self.extra: dict[str, int] = {}  # accepted words, on top of the dictionary
        self._extra_by_first: dict[str, list[str]] = {}

    def freq(self, word: str) -> int:
        extra = self.extra.get(word)
        if extra is not None:
            return extra
        key = self.trie.get(word)
        return self.counts[key] if key is not None else 0

    def __contains__(self, word: str) -> bool:
        return self.freq(word) > 0

    def add_words(self, words: Iterable[str], count: int = ACCEPTED_COUNT) -> None:
        """Accept words: they are words from now on, and segmentation keeps them whole."""
        for w in words:
            if w and w not in self.extra:
                self.extra[w] = count
                self._extra_by_first.setdefault(w[0], []).append(w)

    def _edges(self, block: str) -> list[list[tuple[int, int]]]:
        """For each position, (end position inclusive, count) of the dictionary words starting there."""
        counts = self.counts
        prefixes = self.trie.iter_prefixes_with_ids
        extra, extra_first = self.extra, self._extra_by_first
        edges = []
        for k in range(len(block)):
            found = [(k + len(w) - 1, counts[i]) for w, i in prefixes(block[k : k + _MAX_WORD])]
            if extra_first and block[k] in extra_first:
                by_end = dict(found)
                for w in extra_first[block[k]]:
                    if block.startswith(w, k):
                        by_end[k + len(w) - 1] = extra[w]
                found = list(by_end.items())
            edges.append(found or [(k, 0)])
        return edges

    def _cut_block(self, block: str) -> Iterator[str]:
        """jieba's ``__cut_DAG_NO_HMM``: the most probable route through the DAG (ties: the longer word)."""
        n = len(block)
        edges = self._edges(block)
        log, log_total = math.log, self.log_total
        score = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            best, end = -math.inf, i
            for x, c in edges[i]:
                v = log(c or 1) - log_total + score[x + 1]
                if v > best or (v == best and x > end):
                    best, end = v, x
            score[i], nxt[i] = best, end
        x = 0
        buf = ""
        while x < n:
            y = nxt[x] + 1
            word = block[x:y]
            if len(word) == 1 and _RE_ENG.match(word):
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf

    def cut(self, text: str) -> Iterator[str]:
        """``jieba.cut(text, HMM=False)``, word for word."""
        for blk in _RE_HAN.split(text):
            if not blk:
                continue
            if _RE_HAN.match(blk):
                yield from self._cut_block(blk)
            else:
                for x in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(x):
                        yield x
                    else:
                        yield from x


def _build(source: Path) -> tuple[marisa_trie.Trie, array.array, dict[str, str]]:
    words: dict[str, int] = {}
    tags: dict[str, str] = {}
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            words[parts[0]] = int(parts[1])
            if len(parts[0]) == 1 and len(parts) > 2:
                tags[parts[0]] = parts[2]
    trie = marisa_trie.Trie(words.keys())
    counts = array.array("I", bytes(4 * len(trie)))
    for w, c in words.items():
        counts[trie.key_id(w)] = c
    return trie, counts, tags


def _write_cache(folder: Path, trie: marisa_trie.Trie, counts: array.array, tags: dict[str, str]) -> None:
    trie.save(str(folder / "words.trie"))
    (folder / "counts.bin").write_bytes(counts.tobytes())
    (folder / "tags.txt").write_text("".join(f"{w} {t}\n" for w, t in sorted(tags.items())), encoding="utf-8")


def _read_cache(folder: Path) -> WordDict:
    trie = marisa_trie.Trie()
    trie.mmap(str(folder / "words.trie"))
    counts = array.array("I")
    counts.frombytes((folder / "counts.bin").read_bytes())
    tags = dict(line.split(" ", 1) for line in (folder / "tags.txt").read_text(encoding="utf-8").splitlines())
    if len(counts) != len(trie):
        raise OSError("dictionary cache is inconsistent")
    return WordDict(trie, counts, tags)


@lru_cache(maxsize=1)
def words() -> WordDict:
    """The shared dictionary: from the cache when it is there, built (and cached) when not."""
    source = _jieba_dict()
    built: list[tuple[marisa_trie.Trie, array.array, dict[str, str]]] = []

    def build(folder: Path) -> None:
        built.append(_build(source))
        _write_cache(folder, *built[0])

    folder = materialise(_cache_key(source), build)
    if folder is not None:
        with contextlib.suppress(OSError, ValueError, RuntimeError):  # marisa reports I/O as RuntimeError
            return _read_cache(folder)
    return WordDict(*(built[0] if built else _build(source)))
