"""Character classes and dictionary look-ups shared by the kinds."""

from __future__ import annotations

import logging
from functools import lru_cache

import regex

HAN = regex.compile(r"\p{Han}")
# Chinese (full-width) punctuation and brackets that make their neighbourhood "Chinese text".
CJK_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·～")
OPENERS = "“‘（《〈【〔「『"
CLOSERS = "”’）》〉】〕」』"
SENTENCE_END = set("。！？；：…")
HALF_SENTENCE_END = set(".!?;:")


def is_han(ch: str) -> bool:
    return bool(ch) and (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\U00020000" <= ch <= "\U0003134f"
        or "\uf900" <= ch <= "\ufaff"
    )


def is_cjk(ch: str) -> bool:
    """A Han character or Chinese punctuation."""
    return is_han(ch) or ch in CJK_PUNCT


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.ERROR)
    jieba.dt.check_initialized()
    return jieba


def segment(text: str) -> list[str]:
    """Words of ``text`` by jieba's dictionary (no HMM guessing, so results are stable)."""
    return list(_jieba().cut(text, HMM=False))


def word_freq(word: str) -> int:
    return _jieba().dt.FREQ.get(word) or 0


def is_word(word: str) -> bool:
    return word_freq(word) > 0


_ONE_CHAR_ENTRY = regex.compile(r"^(\S) \d+ (\S+)$", regex.M)


@lru_cache(maxsize=1)
def _single_char_tags() -> dict[str, str]:
    """Part-of-speech tags of one-character words, read from jieba's dictionary.

    jieba.posseg would load the whole tagged dictionary (seconds); the repeated-char
    rule only ever asks about single characters.
    """
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        return dict(_ONE_CHAR_ENTRY.findall(fh.read()))


def pos_tag(char: str) -> str:
    """jieba's part-of-speech tag for a one-character word ('' when unknown)."""
    return _single_char_tags().get(char, "")
