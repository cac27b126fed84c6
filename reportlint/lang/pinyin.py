"""Toneless pinyin readings of single characters, without importing pypinyin in every run.

pypinyin loads all its phrase data on import (0.6 s); the name rules need only each
character's readings. They are derived once with pypinyin (``heteronym=True``) and
kept in the cache folder as one small text file.
"""

from __future__ import annotations

import marshal
from functools import lru_cache
from pathlib import Path

from .cache import materialise

_FORMAT = 2


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
    import importlib.metadata

    return f"pinyin-{importlib.metadata.version('pypinyin')}-v{_FORMAT}"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    built: list[dict[str, tuple[str, ...]]] = []

    def build(folder: Path) -> None:
        built.append(_build_table())
        (folder / "readings.marshal").write_bytes(marshal.dumps(built[0]))

    folder = materialise(_key(), build)
    if folder is not None:
        try:
            return marshal.loads((folder / "readings.marshal").read_bytes())
        except (OSError, ValueError, EOFError):
            pass
    return built[0] if built else _build_table()


@lru_cache(maxsize=8192)
def readings(ch: str) -> frozenset[str]:
    """The toneless readings of a character (empty for characters pypinyin does not know)."""
    return frozenset(_table().get(ch, ()))
