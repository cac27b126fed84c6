"""Character classes and dictionary look-ups shared by the kinds."""

from __future__ import annotations

from .lang.dictionary import words

# Chinese (full-width) punctuation and brackets that make their neighbourhood "Chinese text".
CJK_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·～")


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


def segment(text: str) -> list[str]:
    """Words of ``text`` by jieba's dictionary (no HMM guessing, so results are stable)."""
    return list(words().cut(text))


def word_freq(word: str) -> int:
    return words().freq(word)


def is_word(word: str) -> bool:
    return words().freq(word) > 0


def pos_tag(char: str) -> str:
    """jieba's part-of-speech tag for a one-character word ('' when unknown)."""
    return words().tags.get(char, "")


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """Do ``start`` and ``end`` fall on word boundaries of the segmented text around them?

    A word-list entry found inside other words (完成|份额 holds 成份) is not the entry.
    """
    lo, hi = max(0, start - 8), min(len(text), end + 8)
    cuts = {lo}
    pos = lo
    for token in segment(text[lo:hi]):
        pos += len(token)
        cuts.add(pos)
    return start in cuts and end in cuts
