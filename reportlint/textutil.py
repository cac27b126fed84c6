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
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"
                         or "\uf900" <= ch <= "\ufaff")


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


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    import jieba.posseg

    _jieba()
    return jieba.posseg.dt.word_tag_tab


def pos_tag(word: str) -> str:
    """jieba's part-of-speech tag for a dictionary word ('' when unknown)."""
    return _tags().get(word, "")
