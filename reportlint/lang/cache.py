"""Data derived from large dictionaries, built once and kept in the user's cache folder.

Loading jieba's or pypinyin's tables costs seconds per process; the derived files here
load in milliseconds. Each entry is a folder named by a key that changes whenever its
source or layout changes, written to a temporary folder first and renamed into place,
so processes starting together never see half an entry. When no cache folder can be
written (a read-only home), callers build in memory each time instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def cache_dir() -> Path:
    """The user's cache folder for reportlint (``REPORTLINT_CACHE_DIR`` overrides it)."""
    override = os.environ.get("REPORTLINT_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "reportlint"


def materialise(key: str, build: Callable[[Path], None]) -> Path | None:
    """The cache folder ``key``, built by ``build(folder)`` if it is not there; None if it cannot be."""
    folder = cache_dir() / key
    if folder.is_dir():
        return folder
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    except OSError:
        return None
    try:
        build(tmp)
        with contextlib.suppress(OSError):  # another process won the race: its copy is as good
            os.replace(tmp, folder)
    except OSError:
        return None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return folder if folder.is_dir() else None
