"""``names``: one person's (or place's) name written two ways in one document.

Names are found from their context: a title or role beside them (主任侯宗伟所作,
陈平书记, 检察长冷建明). Every name so found is then looked for in the whole text
with one character changed to another of the same pinyin (候/侯) or a known
look-alike (己/已). The minority form is reported, naming the other; with a
tie, the form whose first character is not a common surname, else both.

Places (济阳区/济杨区) are compared the same way, and also with readings that the
fuzzy pinyin (模糊音) of input methods types alike (南山区/南三区: sh/s). A place is
two characters and a generic part (区, 县, 镇, 乡, 街道) written at least twice, where
at one use jieba's segmentation reads the two characters as a word of their own, or
the whole as one word, beginning and ending where words do; the two must not be a
common word, a function word or a count: 临河|区 and 南山区 are places; 个|社区,
符合|新区, 实现|市县, 十个|街道 and 试验区 are not. A variant must begin where a word
begins — not the tail of 符合 in 符合新区 — and, for a name, also end where one ends
(not 甘肃|行动 beside 甘肃省); a place's variant must not begin with a function word
or a count either (以|社区 beside 一社区).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..document import Document
from ..lang.pinyin import readings
from ..schema import param
from ..textutil import is_han, pos_tag, segment, word_freq
from . import Context, Kind, ParamError, register

# The most common Chinese surnames (single characters), enough to tell a name from a word.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦"
    "付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿"
    "关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_TITLE = (
    r"(?:副)?(?:主任|院长|检察长|书记|市长|区长|县长|州长|省长|主席|委员长|部长|局长|厅长|秘书长|处长|镇长|乡长|庭长|所长|"
    r"队长|校长|总经理|董事长|理事长|政委|司令员)"
)
_AFTER_NAME = r"(?=所作|同志|批示|作(?!为)|在|的|等|和|与|、|，|。|,|\s|$|予以|给予|来|对|主持|出席|列席|参加|陪同|讲话|指出|强调|带队|率队|一行|发言|致辞|汇报|介绍|为|）|\))"
_NAME_AFTER_TITLE = regex.compile(rf"{_TITLE}[ \u3000]?(?P<name>\p{{Han}}{{2,3}}?){_AFTER_NAME}")
_NAME_BEFORE_TITLE = regex.compile(
    rf"(?<=^|[、，。,\s“（(]|和|与)(?P<name>\p{{Han}}{{2,3}}?)(?=同志|{_TITLE})"
)
# The generic parts of the places compared: two characters before one of these may be a place.
PLACE_SUFFIXES = ("街道", "区", "县", "镇", "乡")
LOOK_ALIKE = [
    "候侯",
    "己已巳",
    "未末",
    "戌戍",
    "赢嬴",
    "汩汨",
    "茵菌",
    "析折",
    "壁璧",
    "崇祟",
    "拔拨",
    "栗粟",
    "杳杏",
    "阀阅",
]
_ALIKE = {ch: set(group) - {ch} for group in LOOK_ALIKE for ch in group}
# Function words, which begin no place name: 以社区, 和新区, 各社区 (prepositions, conjunctions,
# particles, pronouns), and the numeral and measure words that begin a count: 一社区, 个社区.
_NOT_A_NAME_START = ("p", "c", "u", "r")
_NEAR = "读音相近"
_NUMERALS = set("一二三四五六七八九十百千两几")
_NOT_A_NAME_START_CHARS = set("一个是使有让即")


def similar(a: str, b: str, *, near: bool = False) -> tuple[str, ...]:
    """Why two characters may be confused: ``homophone``, ``lookalike``, both, or neither; with ``near``,
    also ``near``: readings that the fuzzy-pinyin settings of input methods type alike (山/三)."""
    reasons: list[str] = []
    if is_han(a) and is_han(b):
        if readings(a) & readings(b):
            reasons.append("homophone")
        elif near and {_fuzzy(r) for r in readings(a)} & {_fuzzy(r) for r in readings(b)}:
            reasons.append("near")
    if b in _ALIKE.get(a, ()):
        reasons.append("lookalike")
    return tuple(reasons)


def _fuzzy(reading: str) -> str:
    """A toneless reading with the distinctions of input methods' 模糊音 merged: zh/z, ch/c, sh/s,
    n/l, and -ang/-an, -eng/-en, -ing/-in (南山区 typed as 南三区)."""
    for hard, soft in (("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n")):
        if reading.startswith(hard):
            reading = soft + reading[len(hard) :]
            break
    if reading.endswith(("ang", "eng", "ing")):
        reading = reading[:-1]
    return reading


@dataclass(frozen=True)
class NamesParams:
    reasons: dict[str, str] = param(
        doc="提示语中混淆原因的说法：homophone（读音相同）、lookalike（字形相近），以及地名的 near（读音相近，"
        "如输入法模糊音 sh/s、n/l、ang/an；缺省为“读音相近”）"
    )
    places: bool = param(True, "也比较地名和机构名（…区、…县、…镇、…街道）")
    max_word_freq: int = param(2000, "词典词频达到此数的候选是普通词语，不是人名或地名的专名部分", min=0)


@register
class NamesKind(Kind):
    name = "names"
    title = "人名、地名前后写法不一"
    scope = "document"
    Params = NamesParams
    cases = {"person": ("other", "where", "reason"), "place": ("other", "where", "reason")}

    def setup(self) -> None:
        missing = {"homophone", "lookalike"} - set(self.p.reasons)
        if missing:
            raise ParamError(f"reasons 缺少“{sorted(missing)[0]}”")

    def check(self, doc: Document, ctx: Context) -> None:
        text = doc.text
        names = self._person_names(doc)
        reported: set[tuple[int, int]] = set()
        candidates = [(name, "person", names, 0) for name in sorted(names)]
        if self.p.places:
            candidates += [(place, "place", set(), len(place) - 2) for place in sorted(self.places(text))]
        for name, case, known, tail in candidates:
            for start, variant, why, first in self._variants(doc, name, known, tail):
                if not _standalone(text, start, start + len(variant), ends=case == "person"):
                    continue  # 符合|新区, 甘肃|行动: the variant is pieces of other words
                if case == "place" and _not_a_name(variant[:2]):
                    continue  # 以|社区, 四个|街道: a function word or a count, not a name
                if (start, start + len(variant)) in reported:
                    continue
                reported.add((start, start + len(variant)))
                ctx.hit(
                    None,
                    start,
                    start + len(variant),
                    case=case,
                    related=[(first, first + len(name))],
                    other=name,
                    where=ctx.where(first),
                    reason="、".join(self.p.reasons.get(r, _NEAR) for r in why),
                )

    def places(self, text: str, *, min_uses: int = 2) -> set[str]:
        """Places written at least ``min_uses`` times: two characters and a generic part where, at one use
        at least, segmentation reads the two as a word of their own (临河|区) or the whole as one
        (南山区), beginning and ending where words do; and the two are not a common word (试验|区)."""
        uses: dict[str, list[int]] = defaultdict(list)
        for suffix in PLACE_SUFFIXES:
            at = text.find(suffix, 2)
            while at >= 0:
                if is_han(text[at - 2]) and is_han(text[at - 1]):
                    uses[text[at - 2 : at + len(suffix)]].append(at - 2)
                at = text.find(suffix, at + 1)
        found = set()
        for place, starts in uses.items():
            if len(starts) < min_uses or not 0 < word_freq(place[:2]) < self.p.max_word_freq:
                continue  # 进社|区: 进社 is a word only in 进社区; 试验|区: a common word
            if _not_a_name(place[:2]):
                continue  # 十个|街道
            for start in starts[:_PLACE_USES_READ]:
                end = start + len(place)
                bounds = _bounds(text, start, end)
                word_end = min((b for b in bounds if b > start), default=None)
                if start in bounds and end in bounds and word_end in (start + 2, end):
                    found.add(place)  # not 个|社区, 符合|新区, 大|湾区
                    break
        return found

    def _person_names(self, doc: Document) -> set[str]:
        found: set[str] = set()
        limit = self.p.max_word_freq
        for para in doc.paragraphs:
            for pattern in (_NAME_AFTER_TITLE, _NAME_BEFORE_TITLE):
                for m in pattern.finditer(para.text):
                    name = m.group("name")
                    if name[0] in SURNAMES and word_freq(name) < limit and name[-1] not in _PLACE_ENDS:
                        found.add(name)
        return found

    def _variants(
        self, doc: Document, name: str, known: set[str], fixed_tail: int = 0
    ) -> Iterator[tuple[int, str, tuple[str, ...], int]]:
        """(start, variant, why, offset of the name's first use) of each variant to report."""
        text = doc.text
        count = text.count(name)
        first = text.find(name)
        for start, variant, k in _one_char_off(text, name, len(name) - fixed_tail):
            why = similar(name[k], variant[k], near=fixed_tail > 0)
            if not why:
                continue
            v_count = text.count(variant)
            if variant in known and v_count >= 2 and count >= 2:
                continue  # two names each used repeatedly beside a title are two people
            if v_count > count or (v_count == count and not self._minority_on_tie(variant, name)):
                continue
            yield start, variant, why, first

    @staticmethod
    def _minority_on_tie(variant: str, name: str) -> bool:
        """With equal counts, report the form that looks less like a name; if both look alike, both."""
        v_ok, n_ok = variant[0] in SURNAMES, name[0] in SURNAMES
        return not v_ok or v_ok == n_ok


_PLACE_ENDS = set("省市县区镇乡")  # 甘肃省省长: a place before a title, not a name
_PLACE_USES_READ = 20  # uses of one place segmented before it is given up


def _bounds(text: str, start: int, end: int) -> set[int]:
    """Where jieba's words begin and end in a window around ``text[start:end]``."""
    lo = max(0, start - 6)
    hi = min(len(text), end + 6)
    offset = lo
    bounds = {lo, hi}
    for tok in segment(text[lo:hi]):
        offset += len(tok)
        bounds.add(offset)
    return bounds


def _standalone(text: str, start: int, end: int, *, ends: bool = True) -> bool:
    """``text[start:end]`` begins where one of jieba's words begins (and ends where one ends)."""
    bounds = _bounds(text, start, end)
    return start in bounds and (end in bounds or not ends)


def _not_a_name(specific: str) -> bool:
    """The two characters before the generic part begin with a function word (以|社区, 和|新区) or count
    (十个|街道, 五个|区): no place name."""
    if specific[0] in _NOT_A_NAME_START_CHARS or pos_tag(specific[0]).startswith(_NOT_A_NAME_START):
        return True
    return specific[0] in _NUMERALS and (specific[1] == "个" or pos_tag(specific[1]).startswith("q"))


def _one_char_off(text: str, name: str, positions: int) -> Iterator[tuple[int, str, int]]:
    """Places where ``text`` holds ``name`` with exactly the k-th character (k < positions) changed.

    Anchors on the longer unchanged part with str.find, which is far faster than a regex
    with look-behind over the whole document.
    """
    size = len(name)
    for k in range(positions):
        head, tail = name[:k], name[k + 1 :]
        anchor, shift = (head, 0) if len(head) >= len(tail) else (tail, k + 1)
        pos = text.find(anchor)
        while pos >= 0:
            start = pos - shift
            if start >= 0 and start + size <= len(text):
                candidate = text[start : start + size]
                if (
                    candidate[k] != name[k]
                    and candidate.startswith(head)
                    and candidate.endswith(tail)
                    and is_han(candidate[k])
                ):
                    yield start, candidate, k
            pos = text.find(anchor, pos + 1)
