"""Confusion sets: the characters a drafter may type instead of another one.

Two sources. Homophones (toneless pinyin) come from pypinyin, but a character's readings
are only its default reading plus the readings it takes inside pypinyin's phrase data:
pypinyin's per-character list also holds rare and literary readings (行 xìng, 长 zhǎng …
fine, but 参 cēn, 厦 shà, 否 pǐ), and each rare reading would make dozens of false
homophones. Look-alikes come from pycorrector's ``same_stroke.txt`` (Apache-2.0, vendored
under ``reportlint/data/``) plus a few pairs that proof-readers meet in names.

Reading pypinyin's phrase data costs ~0.5 s, so the homophone table is built once
(``python -m reportlint.lang.confusion build``) and shipped as ``data/homophones.tsv``;
loading the two tables at run time takes a few milliseconds.
"""

from __future__ import annotations

import contextlib
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Look-alike pairs that same_stroke.txt lacks and that names and official prose meet.
EXTRA_LOOK_ALIKE = (
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
    "侯喉猴",
    "即既",
    "带戴",
    "象像",
    "待侍",
    "辩辨辫瓣",
)


def _data(name: str) -> str:
    return resources.files("reportlint.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _homophone_table() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(char -> its toneless readings, reading -> the characters that have it)."""
    by_reading: dict[str, str] = {}
    by_char: dict[str, list[str]] = {}
    for line in _data("homophones.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        reading, chars = line.split("\t")
        by_reading[reading] = chars
        for ch in chars:
            by_char.setdefault(ch, []).append(reading)
    return {ch: tuple(r) for ch, r in by_char.items()}, by_reading


@lru_cache(maxsize=1)
def _look_alike_table() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    lines = [line.split("\t") for line in _data("same_stroke.txt").splitlines()]
    lines += [list(g) for g in EXTRA_LOOK_ALIKE]
    for group in lines:
        chars = [c.strip() for c in group if len(c.strip()) == 1]
        for ch in chars:
            groups.setdefault(ch, set()).update(chars)
    return {ch: frozenset(g - {ch}) for ch, g in groups.items()}


def readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of ``ch`` that real words use (empty for a character outside the table)."""
    return _homophone_table()[0].get(ch, ())


@lru_cache(maxsize=16384)
def homophones(ch: str) -> frozenset[str]:
    """Characters sharing a toneless reading with ``ch`` (``ch`` itself excluded)."""
    by_reading = _homophone_table()[1]
    out: set[str] = set()
    for r in readings(ch):
        out.update(by_reading.get(r, ""))
    out.discard(ch)
    return frozenset(out)


def look_alikes(ch: str) -> frozenset[str]:
    """Characters that look like ``ch`` (same_stroke.txt groups and a few name pairs)."""
    return _look_alike_table().get(ch, frozenset())


@lru_cache(maxsize=16384)
def substitutes(ch: str) -> dict[str, str]:
    """Every character ``ch`` may have been typed for, with why: 'homophone' or 'look-alike'."""
    out = {c: "look-alike" for c in look_alikes(ch)}
    out.update({c: "homophone" for c in homophones(ch)})
    return out


def confusable(a: str, b: str) -> str:
    """Why ``a`` and ``b`` may be confused: 'homophone', 'look-alike' or '' (neither)."""
    if a == b:
        return ""
    return substitutes(a).get(b, "")


# --- building the homophone table ------------------------------------------------------------


def _common_chars() -> set[str]:
    """The characters the table covers: GB2312's 6,763 plus those of the look-alike groups."""
    chars = set()
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes([hi, lo]).decode("gb2312"))
    chars.update(_look_alike_table())
    return {c for c in chars if "\u4e00" <= c <= "\u9fff"}


def build_homophones() -> str:
    """The text of ``homophones.tsv``: toneless reading, tab, characters (sorted)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    chars = _common_chars()
    found: dict[str, set[str]] = {}
    for ch in chars:
        entry = pinyin_dict.get(ord(ch))
        if entry:
            found.setdefault(ch, set()).add(to_normal(entry.split(",")[0]))
    for phrase, pys in phrases_dict.items():
        if len(phrase) != len(pys):
            continue
        for ch, py in zip(phrase, pys, strict=True):
            if ch in chars and py:
                found.setdefault(ch, set()).add(to_normal(py[0]))
    groups: dict[str, set[str]] = {}
    for ch, rs in found.items():
        for r in rs:
            if r.isalpha():
                groups.setdefault(r, set()).add(ch)
    import pypinyin

    lines = [
        f"# toneless reading -> characters; built from pypinyin {pypinyin.__version__} (see lang/confusion.py)"
    ]
    lines += [f"{r}\t{''.join(sorted(cs))}" for r, cs in sorted(groups.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "build":
        print("usage: python -m reportlint.lang.confusion build OUT.tsv", file=sys.stderr)
        return 2
    Path(argv[1]).write_text(build_homophones(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
