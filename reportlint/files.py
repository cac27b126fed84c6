"""Expand the paths given on the command line into the report files to lint."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from pathlib import Path

from .readers import supported_suffixes


def _excluded(path: Path, patterns: Iterable[str], root: Path) -> bool:
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    return any(
        fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(path.name, p) or rel.startswith(p.rstrip("/") + "/")
        for p in patterns
    )


def collect(
    paths: Iterable[Path], *, exclude: Iterable[str] = (), root: Path | None = None
) -> Iterator[Path]:
    """Files as given (whatever their suffix), folders recursed over the supported suffixes."""
    root = root or Path.cwd()
    exclude = list(exclude)
    suffixes = set(supported_suffixes())
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                parts = child.relative_to(path).parts
                if any(part.startswith(".") for part in parts) or not child.is_file():
                    continue
                if (
                    child.suffix.lower() in suffixes
                    and not child.name.startswith("~$")
                    and not _excluded(child, exclude, root)
                ):
                    yield child
        elif not _excluded(path, exclude, root):
            yield path
