"""Toneless pinyin readings of single characters, without importing pypinyin in every run.

pypinyin loads all its phrase data on import (0.6 s); the name rules need only each
character's readings. They are derived once with pypinyin (``heteronym=True``) and
kept in the cache folder as a memory-mapped marisa-trie, so that a run that looks up
the thirty characters of a few names does not read readings for 40,000.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import marisa_trie

from .cache import materialise

_FORMAT = 3


def _build_table() -> dict[str, tuple[str, ...]]:
    from pypinyin import Style, pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    table = {}
    for code in pinyin_dict:
        ch = chr(code)
        readings = tuple(
            sorted({r for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0] if r.isascii()})
        )
        if readings:
            table[ch] = readings
    return table


def _key() -> str:
    """Changes with every pypinyin release or reinstall: the size and time of its readings table.

    (importlib.metadata would tell the version, but importing it costs a one-file run 40 ms.)"""
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pypinyin is not installed")
    st = (Path(spec.origin).parent / "pinyin_dict.json").stat()
    return f"pinyin-{st.st_size}-{st.st_mtime_ns}-v{_FORMAT}"


class _TrieTable:
    """The readings trie seen as ``char -> readings`` (only ``get`` is needed)."""

    def __init__(self, trie: marisa_trie.BytesTrie):
        self.trie = trie

    def get(self, ch: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        values = self.trie.get(ch)
        return tuple(values[0].decode("ascii").split()) if values else default


def _save(table: dict[str, tuple[str, ...]], path: Path) -> None:
    marisa_trie.BytesTrie((ch, " ".join(r).encode("ascii")) for ch, r in table.items()).save(str(path))


@lru_cache(maxsize=1)
def _table() -> Mapping[str, tuple[str, ...]] | _TrieTable:
    built: list[dict[str, tuple[str, ...]]] = []

    def build(folder: Path) -> None:
        built.append(_build_table())
        _save(built[0], folder / "readings.trie")

    folder = materialise(_key(), build)
    if folder is not None and not built:
        trie = marisa_trie.BytesTrie()
        try:
            trie.mmap(str(folder / "readings.trie"))
            return _TrieTable(trie)
        except (OSError, ValueError, RuntimeError):  # marisa reports I/O as RuntimeError
            pass
    return built[0] if built else _build_table()


@lru_cache(maxsize=8192)
def readings(ch: str) -> frozenset[str]:
    """The toneless readings of a character (empty for characters pypinyin does not know)."""
    return frozenset(_table().get(ch, ()))
