"""Start-up: what a one-file run loads, and the parsed packs kept in the user cache folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import pattern_rule

from reportlint import packs
from reportlint.lang import pinyin


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(folder))
    monkeypatch.setattr(packs, "_CACHE", {})
    return folder


def test_shipped_packs_are_cached_parsed(cache):
    first = {p.name: packs.load_pack(p) for p in packs.builtin_pack_paths()}
    assert len(list(cache.glob("pack-*/pack.pickle"))) == len(first)
    packs._CACHE.clear()
    again = {p.name: packs.load_pack(p) for p in packs.builtin_pack_paths()}
    assert again == first


def test_cached_pack_names_the_path_it_was_loaded_from(cache, make_pack, tmp_path, monkeypatch):
    monkeypatch.setattr(packs, "_DISK_CACHE_BYTES", 0)
    a = make_pack([pattern_rule()], file="a/office.yaml")
    b = tmp_path / "b.yaml"
    b.write_bytes(a.read_bytes())
    assert packs.load_pack(a).rules[0].source == a
    pack = packs.load_pack(b)  # same content: from the cache entry made for a
    assert len(list(cache.glob("pack-*"))) == 1
    assert pack.path == b and pack.rules[0].source == b


def test_damaged_cache_entry_is_parsed_again(cache, make_pack, monkeypatch):
    monkeypatch.setattr(packs, "_DISK_CACHE_BYTES", 0)
    path = make_pack([pattern_rule()])
    expected = packs.load_pack(path)
    (entry,) = cache.glob("pack-*/pack.pickle")
    entry.write_bytes(b"not a pickle")
    packs._CACHE.clear()
    assert packs.load_pack(path) == expected


def test_pinyin_readings_from_the_cached_trie(cache, monkeypatch):
    table = {"侯": ("hou",), "重": ("chong", "zhong")}  # pypinyin's full table takes seconds to derive
    monkeypatch.setattr(pinyin, "_build_table", lambda: table)
    pinyin._table.cache_clear()
    pinyin.readings.cache_clear()
    try:
        assert pinyin.readings("侯") == {"hou"}  # built, cached, then read back memory-mapped
        pinyin._table.cache_clear()
        pinyin.readings.cache_clear()
        assert pinyin.readings("重") == {"zhong", "chong"}
        assert pinyin.readings("a") == frozenset()
        assert (next(cache.glob("pinyin-*")) / "readings.trie").is_file()
    finally:
        pinyin._table.cache_clear()
        pinyin.readings.cache_clear()


def _modules_after(*argv: str) -> set[str]:
    code = (
        "import sys\n"
        f"sys.argv = ['reportlint', *{list(argv)!r}]\n"
        "from reportlint.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return set(done.stderr.split())


def test_version_loads_no_rule_engine():
    loaded = _modules_after("--version")
    assert "reportlint.engine" not in loaded
    assert "reportlint.kinds" not in loaded


def test_check_loads_neither_pydantic_nor_jieba(write):
    path = write("a.txt", "全年共召开常委会会议x次。\n")
    loaded = _modules_after("check", str(path))
    assert "reportlint.engine" in loaded
    assert not {"pydantic", "jieba", "pypinyin"} & loaded
