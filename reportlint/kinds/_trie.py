"""Build one regex from many literal words, shaped as a trie.

A plain alternation tries every word at every position; a trie shares prefixes,
so a table of thousands of entries is still matched in one pass. Greedy
optional tails make the longest word win.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex


def trie_pattern(words: Iterable[str]) -> str:
    root: dict = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _emit(root) if root else r"(?!)"


def _emit(node: dict) -> str:
    end = "" in node
    branches = [regex.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    if len(branches) == 1:
        return f"(?:{branches[0]})?" if end else branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if end else group


def compile_words(words: Iterable[str]) -> regex.Pattern[str]:
    return regex.compile(trie_pattern(words))
