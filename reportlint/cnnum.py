"""Chinese numerals as used in heading numbers (一 … 九十九)."""

from __future__ import annotations

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def to_int(text: str) -> int | None:
    if text.isascii() and text.isdigit():  # str.isdigit() is also true of ① and ²
        return int(text)
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    if not text or any(ch not in _DIGITS and ch not in "十百" for ch in text):
        return None
    if "百" in text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _DIGITS.get(tens) if tens else 1
        o = _DIGITS.get(ones) if ones else 0
        return None if t is None or o is None else t * 10 + o
    if len(text) == 1:
        return _DIGITS[text]
    return None


def to_chinese(n: int) -> str:
    names = "零一二三四五六七八九"
    if n < 10:
        return names[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[ones] if ones else "")
