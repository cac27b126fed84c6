"""错别字 that no word list names: a non-word that one confusable character turns into a frequent word.

jieba's dictionary (word -> count in a large general corpus) is the language model. A typo
like 经挤 is no word, so the segmenter leaves its characters standing alone; replacing one
of them by a homophone or look-alike (挤 -> 济) makes a frequent word (经济), and the
segmentation of the few characters around it becomes far more probable. That gain in
log-probability is the score. The same holds for one missing character (小康社 -> 小康社会)
and one doubled character (经经济, 发展展).

Most of the work is in the guards, because correct official prose is full of strings that
look like this: coinages (纠治, 因城施策), local names, slogans, reduplication (一项一项),
two words meeting at a shared character (推进|进口). Each guard is named in ``GUARDS`` so that
the benchmark can switch it off and measure what it pays for.

Pure: text in, ``Candidate`` objects out. Offsets are code-point offsets into the text.
"""

from __future__ import annotations

import contextlib
import marshal
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from . import confusion, lexicon
from .dictionary import WordDict, words

# A substitute must make a word at least this frequent, and RATIO times as frequent as the
# string it replaces (jieba counts).
MIN_WORD_FREQ = 100
RATIO = 20
# Missing characters: the restored word must be this frequent (3-4 characters only).
MIN_MISSING_FREQ = 300
# Score: the gain in log-probability of the best segmentation of a window around the edit.
WINDOW = 4
MIN_GAIN = 5.0
MIN_GAIN_MISSING = 9.0
MIN_GAIN_DOUBLED = 0.0
# Two words meeting at a shared character (推进|进口) are words of at least this count.
JUNCTION_FREQ = 20
# The count of jieba's own typo entries (经挤-like strings kept in the dictionary with count 3).
TYPO_ENTRY_COUNT = 3
EXTRA_WORD_FREQ = 100_000

# The correction must be a word that at least this share of the corpus's reports use.
MIN_RIGHT_SHARE = 0.04
# A homophone typo comes from an input method's first page: the typed character is among the
# IME_RANK most frequent characters of a reading it shares with the intended one. A look-alike
# typo is a common character (rare characters in a report are names, written on purpose).
IME_RANK = 10
# Parallel coinages: a character of the two-character span repeats this close (招才用才, 院市、校市).
PARALLEL_REACH = 5
PARALLEL_BOTH = True
MIN_LOOK_ALIKE_FREQ = 500

GUARDS = frozenset(
    {
        "domain",  # the correction is a word work reports use
        "ime",  # the typed character is one an input method or a hurried hand produces
        "parallel",  # 优师、优生、优校 / 能融尽融: parallel single-character coinages
        "name-suffix",  # 松安路, 云动公园: a string before a place suffix is a name
        "in-word",  # never edit a character that jieba reads as part of a real word
        "typo-entries",  # jieba's count-3 entries one edit from a frequent word are no words
        "lexicon",  # strings attested in published reports are not typos
        "recurring",  # a string used twice in one document is meant
        "slogan",  # short quoted slogans pun on purpose (“食”全“食”美)
        "orphan",  # a fix that strands a single character beside the new word is wrong
        "names",  # personal names beside titles
        "listed",  # 汇金天琅大厦、星河荣御等6个项目: the items a list ends with 等 are names
    }
)

_HAN_RUN = regex.compile(r"\p{Han}+")
_SLOGAN = regex.compile(r"[“‘「『\"]([^“”‘’「」『』\"\n]{1,10})[”’」』\"]|《([^《》\n]{1,30})》")
_TITLE = (
    r"(?:主任|副主任|院长|检察长|书记|市长|区长|县长|州长|省长|主席|委员长|部长|局长|厅长|秘书长|处长|镇长|乡长|"
    r"庭长|所长|队长|校长|总经理|董事长|理事长|政委|代表|委员|同志|先生|女士|教授|烈士|主持人|主编|记者)"
)
_PERSON = regex.compile(
    rf"(?<={_TITLE}[ \u3000]?)\p{{Han}}{{2,3}}|\p{{Han}}{{2,3}}(?=[ \u3000]?(?:同志|{_TITLE}))"
)
_NAME_SUFFIX = regex.compile(
    r"路|街|巷|大道|站|港|桥|公园|广场|大厦|中心|公司|集团|股份|科技|实业|园|村|镇|乡|山|湖|河|湾|岛|寺|"
    r"高速|铁路|线|号|牌|杯|奖|厂|矿|店|馆|楼"
)
# Items of a list closed by 等 and a count or a kind (…、金源宝工业园等9个项目; 方厅水院等标志性项目):
# the items are names of projects, firms and places, which no dictionary holds. The first
# item begins after the last verb-like word before it is cut off at a clause mark.
_LIST_ITEM = r"[\p{Han}A-Za-z0-9·（）()\-]{2,24}"
_LISTED = regex.compile(
    rf"(?<=^|[，。；：、（(“”\s]|推进|推动|建设|建成|实施|引进|开工|完成|加快|启动|打造|支持|举办|新增|拆除)"
    rf"({_LIST_ITEM}(?:、{_LIST_ITEM})*)等(?=[0-9一二两三四五六七八九十几多]|[个家条项座所批类]|重点|标志性|一批|项目|企业|工程)",
    regex.M,
)
_REDUP = regex.compile(r"(\p{Han})\1")
_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")
_CLASSIFIER_REDUP = regex.compile(r"[一两几]([\p{Han}])\1")
# Function characters that legitimately stand alone beside any word.
FUNCTION_CHARS = set(
    "的地得了着过和与及或而且并在于对从向把被将为以由按据因给让使是有也都还又就才要会能可不没非未已之其此这那各每该本"
)


@dataclass(frozen=True)
class Candidate:
    """One suspected typo: ``text[start:end] == wrong`` and ``right`` replaces it."""

    start: int
    end: int
    wrong: str
    right: str
    kind: str  # homophone | look-alike | missing | doubled
    score: float
    reason_zh: str


_KIND_ZH = {"homophone": "音近", "look-alike": "形近", "missing": "疑似漏字", "doubled": "疑似多字"}


_MAX_WORD = 16  # the longest entry of jieba's dictionary


class _Freq:
    """jieba's ``FREQ`` table, read from the shared dictionary (one copy per process)."""

    def __init__(self, wd: WordDict):
        self._wd = wd
        self.with_ids = wd.trie.iter_prefixes_with_ids  # the dictionary words that begin a string
        self.counts = wd.counts

    def get(self, w: str, default: int | None = None) -> int | None:
        return self._wd.freq(w) or default

    def items(self) -> Iterator[tuple[str, int]]:
        counts = self._wd.counts
        for w, i in self._wd.trie.iteritems():
            yield w, counts[i]


@lru_cache(maxsize=1)
def _jieba_model() -> tuple[_Freq, float]:
    wd = words()
    return _Freq(wd), wd.log_total


@lru_cache(maxsize=1)
def _reading_ranks() -> dict[tuple[str, str], int]:
    """(reading, character) -> the character's rank by jieba frequency among those of the reading."""
    freq, _ = _jieba_model()
    ranks = {}
    for reading, chars in confusion._homophone_table()[1].items():
        for i, c in enumerate(sorted(chars, key=lambda c: -(freq.get(c) or 0))):
            ranks[(reading, c)] = i
    return ranks


def ime_plausible(typed: str, meant: str, why: str) -> bool:
    """Whether an input method (homophone) or a hurried hand (look-alike) would type ``typed``."""
    freq, _ = _jieba_model()
    if why == "look-alike":
        return (freq.get(typed) or 0) >= MIN_LOOK_ALIKE_FREQ
    ranks = _reading_ranks()
    shared = set(confusion.readings(typed)) & set(confusion.readings(meant))
    return any(ranks.get((r, typed), 99) < IME_RANK for r in shared)


_INDEX_FORMAT = 1
_Masked = dict[str, tuple[str, ...]]
_Deletions = dict[str, tuple[tuple[str, int], ...]]


def _build_indexes() -> tuple[_Masked, _Deletions]:
    """One pass over the dictionary for both look-up tables (about 0.6 s; cached on disk after)."""
    freq, _ = _jieba_model()
    masked: dict[str, list[str]] = {}
    deletions: dict[str, list[tuple[str, int]]] = {}
    for w, f in freq.items():
        if f < MIN_WORD_FREQ or not 2 <= len(w) <= 4 or not _HAN_RUN.fullmatch(w):
            continue
        for k in range(len(w)):
            masked.setdefault(w[:k] + "?" + w[k + 1 :], []).append(w)
        if f >= MIN_MISSING_FREQ and len(w) >= 3:
            for k in range(len(w)):
                deletions.setdefault(w[:k] + w[k + 1 :], []).append((w, k))
    return (
        {k: tuple(v) for k, v in masked.items()},
        {k: tuple(v) for k, v in deletions.items()},
    )


@lru_cache(maxsize=1)
def _indexes() -> tuple[_Masked, _Deletions]:
    """The look-up tables, from the user's cache folder when they are there (~40 ms to load)."""
    from .cache import materialise
    from .dictionary import _cache_key, _jieba_dict

    built: list[tuple[_Masked, _Deletions]] = []

    def build(folder: Path) -> None:
        built.append(_build_indexes())
        (folder / "typo-index.marshal").write_bytes(marshal.dumps(built[0]))

    key = f"typo-index-{_cache_key(_jieba_dict())}-{MIN_WORD_FREQ}-{MIN_MISSING_FREQ}-v{_INDEX_FORMAT}"
    folder = materialise(key, build)
    if folder is not None and not built:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            masked, deletions = marshal.loads((folder / "typo-index.marshal").read_bytes())
            return masked, deletions
    return built[0] if built else _build_indexes()


def _masked() -> _Masked:
    """Frequent 2–4-character words by each of their characters masked: 经?济 -> (经济,)…

    Looking up the masked string once per window replaces trying every homophone of
    every character (~50 each) against the dictionary: 50x fewer look-ups.
    """
    return _indexes()[0]


def _deletions() -> _Deletions:
    """Frequent 3–4-character words by each string one character shorter: 小康社 -> (小康社会, 3)."""
    return _indexes()[1]


class Detector:
    """Finds typo candidates in text. Build once (it caches look-ups), call ``find`` per text."""

    def __init__(
        self, extra_words: Iterable[str] = (), *, guards: Iterable[str] = GUARDS, use_lexicon: bool = True
    ):
        self.freq, self.logtotal = _jieba_model()
        self.extra = {w: EXTRA_WORD_FREQ for w in extra_words if w}
        self.extra_by_first: dict[str, list[str]] = {}
        for w in self.extra:
            self.extra_by_first.setdefault(w[0], []).append(w)
        self.guards = frozenset(guards)
        if not use_lexicon:
            self.guards -= {"lexicon"}
        self._demoted: dict[str, bool] = {}

    # --- the language model ------------------------------------------------------------------

    def count(self, w: str) -> int:
        """jieba's count of ``w`` as a word (user words first; demoted typo entries count 0)."""
        if w in self.extra:
            return self.extra[w]
        f = self.freq.get(w) or 0
        if (
            f
            and f <= TYPO_ENTRY_COUNT
            and len(w) > 1
            and "typo-entries" in self.guards
            and self._is_typo_entry(w)
        ):
            return 0
        return f

    def _is_typo_entry(self, w: str) -> bool:
        hit = self._demoted.get(w)
        if hit is None:
            hit = False
            for i, c in enumerate(w):
                for s in confusion.substitutes(c):
                    if (self.freq.get(w[:i] + s + w[i + 1 :]) or 0) >= RATIO * TYPO_ENTRY_COUNT:
                        hit = True
                        break
                if hit:
                    break
            self._demoted[w] = hit
        return hit

    def segment(self, s: str) -> tuple[list[tuple[int, int]], float]:
        """jieba's maximum-probability segmentation of a Han string: (token spans, log-probability)."""
        n = len(s)
        dag: list[list[tuple[int, int]]] = []  # per start: (end, count), ends ascending
        with_ids, counts = self.freq.with_ids, self.freq.counts
        extra, count = self.extra_by_first, self.count
        for i in range(n):
            ends = {i + 1: count(s[i])}
            for w, k in with_ids(s[i : i + _MAX_WORD]):
                if len(w) > 1:
                    f = counts[k]
                    if f <= TYPO_ENTRY_COUNT or w in self.extra:
                        f = count(w)  # user words, demoted typo entries
                    if f:
                        ends[i + len(w)] = f
            for w in extra.get(s[i], ()):
                if len(w) > 1 and s.startswith(w, i):
                    ends[i + len(w)] = self.extra[w]
            dag.append(sorted(ends.items()))
        best = [0.0] * (n + 1)
        nxt = [n] * (n + 1)
        lt = self.logtotal
        log = math.log
        for i in range(n - 1, -1, -1):
            top, arg = -1e300, i + 1
            for j, f in dag[i]:
                v = log(f or 1) - lt + best[j]
                if v > top:
                    top, arg = v, j
            best[i], nxt[i] = top, arg
        spans, i = [], 0
        while i < n:
            spans.append((i, nxt[i]))
            i = nxt[i]
        return spans, best[0]

    def logp(self, s: str) -> float:
        return self.segment(s)[1]

    # --- candidates ----------------------------------------------------------------------------

    def find(self, text: str) -> list[Candidate]:
        """All typo candidates in ``text``, best first where two overlap (one per span)."""
        blocked = self._blocked(text)
        out: list[Candidate] = []
        for m in _HAN_RUN.finditer(text):
            run = m.group()
            if len(run) < 2:
                continue
            spans, _ = self.segment(run)
            out.extend(self._in_run(text, run, m.start(), spans, blocked))
        return _best_per_place(out)

    def _blocked(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        if "slogan" in self.guards:
            spans += [m.span(1) if m.group(1) is not None else m.span(2) for m in _SLOGAN.finditer(text)]
        if "names" in self.guards:
            spans += [m.span() for m in _PERSON.finditer(text)]
        if "listed" in self.guards:
            spans += [m.span(1) for m in _LISTED.finditer(text)]
        return spans

    def _in_run(
        self, text: str, run: str, base: int, spans: list[tuple[int, int]], blocked: list[tuple[int, int]]
    ) -> list[Candidate]:
        self._text, self._base = text, base  # for guards that look past the run (parallel coinages)
        single = [False] * len(run)
        token_of = [0] * len(run)
        for t, (a, b) in enumerate(spans):
            for i in range(a, b):
                token_of[i] = t
            if b - a == 1:
                single[a] = True
        found: list[Candidate] = []
        for i, c in enumerate(run):
            if single[i] or "in-word" not in self.guards:
                found.extend(self._substitutions(run, i, c, spans, token_of))
            if i + 1 < len(run) and c == run[i + 1]:
                found.extend(self._doubled(run, i, spans, token_of, text[base - 1 : base]))
        found.extend(self._missing(run, single))
        keep = []
        for cand in found:
            a, b = cand.start + base, cand.end + base
            if any(x < b and a < y for x, y in blocked):
                continue
            if "recurring" in self.guards and text.count(cand.wrong) > 1:
                continue
            if cand.kind == "doubled" and _REDUP.search(text[max(0, a - 6) : a] + "|" + text[b : b + 6]):
                continue  # reduplication in a row: 评评理、议议事, 说说话、谈谈心
            keep.append(Candidate(a, b, cand.wrong, cand.right, cand.kind, cand.score, cand.reason_zh))
        return keep

    def _substitutions(
        self, run: str, i: int, c: str, spans: list[tuple[int, int]], token_of: list[int]
    ) -> list[Candidate]:
        out = []
        n = len(run)
        masked = _masked()
        subs = confusion.substitutes(c)
        for size in (2, 3, 4):
            for a in range(max(0, i - size + 1), min(i, n - size) + 1):
                b = a + size
                words = masked.get(run[a:i] + "?" + run[i + 1 : b])
                if not words:
                    continue
                wrong = run[a:b]
                for new in words:
                    why = subs.get(new[i - a])
                    if not why:
                        continue
                    if "ime" in self.guards and not ime_plausible(c, new[i - a], why):
                        continue
                    if "parallel" in self.guards and _parallel(
                        self._text, a + self._base, b + self._base, i + self._base
                    ):
                        continue
                    fn = self.count(new)
                    if fn < MIN_WORD_FREQ or self.count(wrong) * RATIO > fn:
                        continue
                    cand = self._score(run, a, b, wrong, new, why, spans, token_of, MIN_GAIN)
                    if cand:
                        out.append(cand)
        return out

    def _missing(self, run: str, single: list[bool]) -> list[Candidate]:
        out = []
        dels = _deletions()
        for size in (2, 3):
            for a in range(len(run) - size + 1):
                b = a + size
                if not any(single[a:b]):
                    continue
                wrong = run[a:b]
                for word, _k in dels.get(wrong, ()):
                    if self.count(wrong) * RATIO > self.count(word):
                        continue
                    cand = self._score(run, a, b, wrong, word, "missing", None, None, MIN_GAIN_MISSING)
                    if cand:
                        out.append(cand)
        return out

    def _doubled(
        self, run: str, i: int, spans: list[tuple[int, int]], token_of: list[int], before: str
    ) -> list[Candidate]:
        """``run[i] == run[i+1]``: one copy too many inside what should be one word (经经济, 发展展)."""
        x, n = run[i], len(run)
        if spans[token_of[i]] == spans[token_of[i + 1]]:
            return []  # both copies inside one word: 兢兢业业, 人人, 婷婷
        if x in _NUMERALS or i == 0 and before.isdigit():
            return []  # 二〇二二, 近3年年均
        if i + 3 < n and run[i + 2] == run[i + 3] or i >= 2 and run[i - 2] == run[i - 1]:
            return []  # AABB: 干干净净, 方方面面
        if i >= 1 and run[i - 1] == run[i + 1] or i + 2 < n and run[i + 2] == x:
            return []
        ends, starts = self._ends_word(run, i), self._starts_word(run, i + 1)
        if ends and starts:
            return []  # two words meeting at a shared character: 推进|进口, 提高|高质量, 安全|全面
        if "lexicon" in self.guards and any(
            lexicon.attested(run[j : j + 4]) for j in (i - 2, i - 1) if j >= 0 and j + 4 <= n
        ):
            return []  # published reports write it so, with its neighbours: 全市|市场, 中国|国新
        ta = spans[token_of[i]]
        prev = run[ta[0] : i + 1]
        if ta[1] - ta[0] > 1 and (x in FUNCTION_CHARS or x == "至" or _CLASSIFIER_REDUP.fullmatch(prev + x)):
            return []  # 目的|的, 实事求是|是, 周至|至, 一个|个
        merged = run[: i + 1] + run[i + 2 :]
        lo, hi = max(0, i - WINDOW), min(n, i + 2 + WINDOW)
        new_spans, new_lp = self.segment(merged[lo : hi - 1])
        tok = next(((a, b) for a, b in new_spans if a <= i - lo < b), None)
        if tok is None or tok[1] - tok[0] < 2:
            return []
        word = merged[lo + tok[0] : lo + tok[1]]
        if self.count(word) < MIN_WORD_FREQ:
            return []
        if "domain" in self.guards and lexicon.domain_share(word) < MIN_RIGHT_SHARE:
            return []
        gain = new_lp - self.logp(run[lo:hi])
        if gain < MIN_GAIN_DOUBLED:
            return []
        a, b = lo + tok[0], lo + tok[1] + 1  # the word with the extra copy, in run coordinates
        wrong = run[a:b]
        return [
            Candidate(a, b, wrong, word, "doubled", round(gain, 2), f"“{wrong}”多了一个“{x}”，应为“{word}”")
        ]

    def _ends_word(self, run: str, i: int) -> bool:
        """A word of two or more characters ends with ``run[i]``."""
        return any(self.count(run[j : i + 1]) >= JUNCTION_FREQ for j in range(max(0, i - 3), i))

    def _starts_word(self, run: str, i: int) -> bool:
        """A word of two or more characters starts with ``run[i]``."""
        return any(self.count(run[i:k]) >= JUNCTION_FREQ for k in range(i + 2, min(len(run), i + 4) + 1))

    def _gain(self, run: str, a: int, b: int, new: str) -> float:
        lo, hi = max(0, a - WINDOW), min(len(run), b + WINDOW)
        return self.logp(run[lo:a] + new + run[b:hi]) - self.logp(run[lo:hi])

    def _score(
        self,
        run: str,
        a: int,
        b: int,
        wrong: str,
        new: str,
        why: str,
        spans: list[tuple[int, int]] | None,
        token_of: list[int] | None,
        min_gain: float,
    ) -> Candidate | None:
        if "lexicon" in self.guards and lexicon.attested(wrong):
            return None
        if "domain" in self.guards and lexicon.domain_share(new) < MIN_RIGHT_SHARE:
            return None
        if "name-suffix" in self.guards and _NAME_SUFFIX.match(run, b):
            return None
        lo, hi = max(0, a - WINDOW), min(len(run), b + WINDOW)
        window_new = run[lo:a] + new + run[b:hi]
        new_spans, new_lp = self.segment(window_new)
        na, nb = a - lo, a - lo + len(new)
        if (na, nb) not in new_spans:
            return None  # the new word does not survive segmentation: the edit explains nothing
        gain = new_lp - self.logp(run[lo:hi])
        if gain < min_gain:
            return None
        if (
            "orphan" in self.guards
            and spans is not None
            and self._orphans(run, lo, a, b, na, nb, new_spans, spans)
        ):
            return None
        reason = _KIND_ZH.get(why, why)
        if why == "missing":
            zh = f"“{wrong}”疑似漏字，应为“{new}”"
        else:
            zh = f"“{wrong}”疑为“{new}”之误（{reason}）"
        return Candidate(a, b, wrong, new, why, round(gain, 2), zh)

    @staticmethod
    def _orphans(
        run: str,
        lo: int,
        a: int,
        b: int,
        na: int,
        nb: int,
        new_spans: list[tuple[int, int]],
        spans: list[tuple[int, int]],
    ) -> bool:
        """The new word splits an old word and leaves its rest as a lone character (of no function)."""
        old_words = [(x, y) for x, y in spans if y - x > 1]
        for x, y in old_words:
            if x < b and a < y and not (a <= x and y <= b):
                # the edit cuts into the word x..y; its remainder must still read as words
                for sx, sy in new_spans:
                    if sy - sx == 1 and (sy == na or sx == nb):
                        ch = run[lo + sx]
                        if ch not in FUNCTION_CHARS:
                            return True
        return False


def _parallel(text: str, a: int, b: int, i: int) -> bool:
    """A character of a two-character span repeats right beside it (punctuation allowed between).

    Official prose builds parallel coinages from single characters: 优师、优生、优校,
    能融尽融, 招才用才, 边巡边改边治, 院市、校市. Any of them read alone is a "non-word"
    one confusable edit from a word; the repetition shows it is meant. Offsets are in ``text``.
    """
    if b - a != 2:
        return False
    lo, hi = max(0, a - PARALLEL_REACH), min(len(text), b + PARALLEL_REACH)
    chars = set(text[a:b]) if PARALLEL_BOTH else {text[a + 1 - (i - a)]}
    return any(text[j] in chars for j in range(lo, hi) if not a <= j < b)


def _best_per_place(cands: list[Candidate]) -> list[Candidate]:
    """Of overlapping candidates keep the highest score, so one typo gives one finding."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: -c.score):
        if all(c.end <= o.start or o.end <= c.start for o in out):
            out.append(c)
    return sorted(out, key=lambda c: c.start)


@lru_cache(maxsize=4)
def _detector(extra: tuple[str, ...]) -> Detector:
    return Detector(extra)


def find_typos(text: str, extra_words: Iterable[str] = ()) -> list[Candidate]:
    """Typo candidates in ``text``; ``extra_words`` are words the user accepted (never typos)."""
    return _detector(tuple(sorted(set(extra_words)))).find(text)
