"""``repeated``: a character or word typed twice by accident (预算算, 经经济, 的的, 提高提高).

Chinese doubles characters on purpose (紧紧, 一张张, 件件), and words meet at a
shared character (人民|民主, 安全|全链条, 华为|为代表). A doubled character is
read with jieba's dictionary as it would be read if the two copies belonged to
different words: the text up to the first copy and the text from the second copy
are segmented apart, so that each copy either ends (first) or begins (second) a
dictionary word, or stands alone.

- Both copies inside words (推进|进口, 提高|高质量, 车站|站台): two words meeting, never
  reported.
- One copy inside a word and the other alone (预算|算, 经|经济, 发展|展): the typical slip,
  reported unless the lone copy reads as part of what follows or precedes it — a free
  function word (目的|的一种), a quasi-prefix (创新|新模式), the generic part of a name
  (前进路|路口), a level before a body's name (、市|市场监管局), an abbreviating head or a
  two-character word the dictionary lacks (道路|路域, 徽学|学术), shown by the lone
  neighbouring character or by the same unit elsewhere in the document. When
  deleting the lone copy leaves a dictionary word across the join (消费费品 → 消费品),
  it is always reported. The lone copy is the one marked, and deleting it never
  breaks a word.
- Both copies alone: reported only for function words, which Chinese never doubles
  (的的, 为为, 向向); nouns and classifiers are (件件, 届届).

A doubled word (我们我们, 提高提高) is reported when segmentation gives the second copy as
a word of its own after a word ending in the first; 一件一件, 实干实干再实干 and the
pack's ``allow`` list (研究研究) are Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Paragraph
from ..schema import param
from ..textutil import is_han, pos_tag, segment, word_freq
from . import Context, Kind, register

_DOUBLE = regex.compile(r"(\p{Han}{1,4})\1")
_ANY_DOUBLE = regex.compile(r"(\p{Han})\1")
_NUMERALS = set("一二三四五六七八九十百千万亿零〇两")
_DIGITS = set("〇零一二三四五六七八九")  # read one by one: 二〇二二, 二三三三
# Function words: doubling one is always a slip (的的, 为为, 向向, 了了).
_FUNCTION = set(
    "的了着过地得是在为向对把被从与和及或而并将以于由给让使就也都又还才要会能可其之所等这那我你他她它们"
)
# Free words that end one word and begin the next phrase: 华为|为代表, 目的|的一种, 所有|有劳动, 乐至|至成都.
_FREE = set("的是为向有和与以至将从把被由")
# Quasi-prefixes (类前缀), productive before any word: 安全|全链条, 创新|新模式, 百名|名中医.
_PREFIXES = set("新全总副非超反泛微亚名")
# Generic parts of place and line names (通名) that begin words of their own:
# 前进路|路口, 秋兰河|河道, 易发区|区域, 海岸城|城市更新, 8号线|线路, 创新链|链长.
_GENERIC = set("区路街线链河城")
# Heads that abbreviate the word they end: 道路|路域, 太湖|湖体, 产业链|链主, 学校|校安工程, 中国|国新.
_HEADS = set("湖链县路桥部校国")
# Administrative levels written before a body's name: （主办：市|市场监管局）.
_LEVELS = set("省市县区")
# Generic endings of place names that follow a one-character name: 河源|源城区, 枣庄市|市中区.
_PLACE_SUFFIXES = set("省市县区乡镇村城")
_CLAUSE_MARKS = regex.compile(r"[，。；：！？,;:!?]")
# A reduplication listed in the dictionary at least this often is one word (紧紧, 常常, 某某, 习习).
# Rarer ones are one word only where no word beside them is more common (宝宝|安 is 宝安 doubled);
# from the second figure on they always are (紧紧, 常常).
_REDUPLICATION_MIN = 40
_REDUPLICATION_ALWAYS = 1000
# A single character used alone less often than this is a bound part of a longer word (徽学, 卒中).
_BOUND_MAX = 5000
# A word left across the join after deleting a copy, counted at least this often, shows a slip.
_JOIN_MIN = 20
_RARE_MAX = 30  # a dictionary word rarer than this is a name (赛尔)
_AGAIN = ("再", "又", "还")  # 实干实干再实干, 落实落实再落实


@dataclass(frozen=True)
class RepeatedParams:
    allow: list[str] = param([], "正确的重叠形式和含重叠字的词语（研究研究、原原种）：与它们重合的重复不报告")


@register
class RepeatedKind(Kind):
    name = "repeated"
    title = "误重复输入的字词"
    Params = RepeatedParams
    default_fix = "unsafe"
    cases = {"default": ("unit",)}

    def setup(self) -> None:
        self.allow = [w for w in self.p.allow if w]

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        doc = ctx.doc.text
        pos = 0
        while True:
            m = _DOUBLE.search(text, pos)
            if not m:
                break
            pos = m.start() + 1
            unit = m.group(1)
            if self._allowed(text, m.start(), m.end()):
                continue
            if len(unit) == 1:
                extra = _extra_copy(text, m.start(), doc)
                if extra is not None:
                    ctx.hit(para, extra, extra + 1, fix="", fix_title=f"删除重复的“{unit}”", unit=unit)
                    pos = m.end()
            elif _doubled_word(text, m.start(), len(unit)):
                second = m.start() + len(unit)
                ctx.hit(para, second, second + len(unit), fix="", fix_title=f"删除重复的“{unit}”", unit=unit)
                pos = m.end()

    def _allowed(self, text: str, start: int, end: int) -> bool:
        """An allowed form or word overlaps the doubling (研究研究; 原原种; 引才 in 吸引引才)."""
        for word in self.allow:
            lo = max(0, start - len(word) + 1)
            at = text.find(word, lo, end + len(word) - 1)
            while 0 <= at < end:
                if at + len(word) > start:
                    return True
                at = text.find(word, at + 1, end + len(word) - 1)
        return False


def _doubled_word(text: str, start: int, size: int) -> bool:
    """我们|我们, 提高|提高, and 人大常委会|常委会 or 贯彻落实|落实 where the first copy ends a longer word."""
    unit = text[start : start + size]
    if unit[0] == "一" or (unit[0] in _NUMERALS and size == 2):
        return False  # 一件一件, 一步一步, 两个两个
    rest = text[start + 2 * size :]
    if rest.startswith(_AGAIN) and rest[1:].startswith(unit):
        return False  # 实干实干再实干
    lo = max(0, start - 8)
    hi = min(len(text), start + 2 * size + 8)
    mid = start + size
    offset = lo
    before = ""
    for tok in segment(text[lo:hi]):
        if offset + len(tok) == mid:
            before = tok
        elif offset == mid:
            return tok == unit and before.endswith(unit)
        elif offset > mid:
            break
        offset += len(tok)
    return False  # the doubling sits inside one word: 兢兢业业


def _extra_copy(text: str, i: int, doc: str) -> int | None:
    """Where the accidental copy of ``text[i] == text[i+1]`` is, or None when the doubling is Chinese."""
    char = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 2] if i + 2 < len(text) else ""
    if char in (prev, nxt):
        return None  # 买买买, 苗苗苗: tripled on purpose
    if char in _DIGITS and _digit_run(text, i):
        return None  # 二〇二二, “二三三三”: digits read one by one
    if _in_series(text, i):
        return None
    lo = max(0, i - 10)
    hi = min(len(text), i + 12)
    offset = lo
    pair = 0  # how often the dictionary lists the doubled pair as a word of its own (紧紧, 宝宝)
    for tok in segment(text[lo:hi]):
        if offset <= i and i + 2 <= offset + len(tok):
            if len(tok) > 2 or word_freq(tok) >= _REDUPLICATION_ALWAYS:
                return None  # one word: 兢兢业业, 钉钉子, 紧紧, 常常
            pair = word_freq(tok)
        offset += len(tok)
        if offset > i:
            break
    left = segment(text[lo : i + 1])
    right = segment(text[i + 1 : hi])
    first, second = left[-1], right[0]
    if len(first) > 1 and len(second) > 1:
        return None  # two words meeting: 推进|进口, 提高|高质量
    if pair >= _REDUPLICATION_MIN and word_freq(first if len(first) > 1 else second) < pair:
        return None  # 海风|习习, 频频|发力, 自然村|村道: the reduplication outweighs the word
    if len(first) > 1:
        return i + 1 if _lone_second_is_extra(text, i, doc, first, right) else None
    if len(second) > 1:
        return i if _lone_first_is_extra(text, i, doc, second, left, right) else None
    # Both copies alone: 的|的 is a slip; 件|件, 届|届 are Chinese.
    if char not in _FUNCTION:
        return None
    if char in _FREE and is_han(prev) and is_han(nxt) and word_freq(prev + char) > 0:
        return None  # 隆基泰和|和谷: a name ending in 和
    return i + 1


def _lone_second_is_extra(text: str, i: int, doc: str, first: str, right: list[str]) -> bool:
    """预算|算执行: the second copy stands alone after a word that ends in the first."""
    char = text[i]
    nxt = text[i + 2] if i + 2 < len(text) else ""
    after = right[1] if len(right) > 1 else ""
    if _join_word(text, i):
        return True  # 消费费品: 消费品 once the copy is gone
    if len(first) == 2 and first[0] == "一":
        return False  # 一张张, 一份份: a reduplicated classifier
    if char in _FREE and is_han(nxt):
        return False  # 华为|为代表, 目的|的一种
    if char in _PREFIXES and is_han(nxt):
        return False  # 安全|全链条, 创新|新引擎
    if is_han(nxt) and _used_as_unit(doc, char + nxt, starts=True):
        return False  # 管出公平、管出效率: 管出 is a unit of this text
    if after in _PLACE_SUFFIXES:
        return False  # 河源|源城: a place named after its first character (源城区), 枣庄市|市中区
    # 道路|路域, 北京|京能: an abbreviation the dictionary lacks
    return not (_bound(after) and (char in _HEADS or word_freq(after) < _BOUND_MAX))


def _lone_first_is_extra(text: str, i: int, doc: str, second: str, left: list[str], right: list[str]) -> bool:
    """经|经济: the first copy stands alone before a word that begins with the second."""
    char = text[i]
    prev = text[i - 1] if i > 0 else ""
    before = left[-2] if len(left) > 1 else ""
    if _join_word(text, i):
        return True
    if (prev.isdecimal() or prev in _NUMERALS) and char not in _NUMERALS and pos_tag(char)[:1] in ("q", "m"):
        return False  # 近3年|年均: the unit of a number
    if i >= 3 and before == prev == text[i - 3] and is_han(text[i - 2]):
        return False  # 先行先试|试点: the first copy ends an ABAC phrase
    if prev == "《" and _in_short_title(text, i):
        return False  # 《柳柳州》: a work's name
    if char in _LEVELS and not is_han(prev):
        return False  # （主办：市|市场监管局）
    if char in _GENERIC and is_han(prev):
        return False  # 前进路|路口, 秋兰河|河道
    if word_freq(char + char) >= 1000 and len(second) > 2 and word_freq(second[1:]) > 0:
        return False  # 大大|提速
    if is_han(prev) and _used_as_unit(doc, prev + char, starts=False):
        return False  # 追责|责任 where the text writes 追责 elsewhere
    if _bound(before) and (word_freq(before) < _BOUND_MAX or pos_tag(before) == "j"):
        return False  # 徽学|学术, 卒中|中心, 港医|医疗: a word the dictionary lacks
    # 、赛赛尔俊峰: a name
    return is_han(prev) or word_freq(second) >= _RARE_MAX or len(right) < 2 or not _bound(right[1])


def _bound(tok: str) -> bool:
    """A lone character that is not a function word: part of a word the dictionary lacks."""
    return len(tok) == 1 and is_han(tok) and tok not in _FUNCTION


def _join_word(text: str, i: int) -> bool:
    """Deleting one copy leaves a frequent dictionary word across the join (消费|费品 → 消费品)."""
    joined = text[max(0, i - 4) : i + 1] + text[i + 2 : i + 7]
    at = min(i, 4)  # where the kept copy is in ``joined``
    for a in range(at):
        for b in range(at + 2, min(len(joined), at + 5) + 1):
            if word_freq(joined[a:b]) >= _JOIN_MIN:
                return True
    return False


def _used_as_unit(doc: str, unit: str, *, starts: bool, limit: int = 50) -> bool:
    """``unit`` is segmented as a unit of its own somewhere in the document (a word starts at its first
    character and one ends after its last), not next to another copy of its first character (``starts``)
    or of its last one: so not at the doubling being judged."""
    at = doc.find(unit)
    seen = 0
    while at >= 0 and seen < limit:
        seen += 1
        end = at + len(unit)
        lo = max(0, at - 6)
        offset = lo
        bounds = {lo}
        for tok in segment(doc[lo : min(len(doc), end + 6)]):
            offset += len(tok)
            bounds.add(offset)
        beside = doc[at - 1 : at] if starts else doc[end : end + 1]
        if at in bounds and end in bounds and beside != (unit[0] if starts else unit[-1]):
            return True
        at = doc.find(unit, at + 1)
    return False


def _in_series(text: str, i: int) -> bool:
    """Another doubled character in the same list (喝喝水、热热饭、充充电): reduplication as style."""
    for m in _ANY_DOUBLE.finditer(text, max(0, i - 8), min(len(text), i + 10), overlapped=True):
        between = text[min(i, m.start()) + 2 : max(i, m.start())]
        if abs(m.start() - i) >= 2 and "、" in between and not _CLAUSE_MARKS.search(between):
            return True
    return False


def _in_short_title(text: str, i: int) -> bool:
    """The doubling opens a short 《…》, the name of a work (《柳柳州》)."""
    end = text.find("》", i + 2)
    return 0 < end - i <= 6 and "《" not in text[i:end]


def _digit_run(text: str, i: int) -> bool:
    """The doubled digit is in a run of digits with no 十, 百, 千: a year or a coded name (二〇二二)."""
    lo, hi = i, i + 2
    while lo > 0 and text[lo - 1] in _NUMERALS:
        lo -= 1
    while hi < len(text) and text[hi] in _NUMERALS:
        hi += 1
    run = text[lo:hi]
    return len(run) > 2 and all(c in _DIGITS for c in run)
