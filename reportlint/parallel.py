"""Lint many files on several cores, results in the order of the files.

Each worker process builds its own Linter once (the packs and dictionaries load
once per worker, not per file) and lints the files it is handed; the results come
back in the order the files were given, so the output of ``--jobs N`` is the same
as that of ``--jobs 1``. Files go out in small chunks so that a worker that draws
a long report does not hold back the others for long.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .config import Config
from .engine import Linter
from .model import FileResult

_worker: Linter | None = None
_keep_source = False


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start(config: Config, extra_packs: list[Path], keep_source: bool) -> None:
    global _worker, _keep_source
    _worker = Linter(config, extra_packs=extra_packs)
    _keep_source = keep_source


def _lint(path: Path) -> FileResult:
    assert _worker is not None  # set by _start in every worker
    return _worker.lint_path(path, keep_source=_keep_source)


def lint_paths(
    linter: Linter, paths: Iterable[Path], *, jobs: int, keep_source: bool = False
) -> Iterator[FileResult]:
    """Results of ``linter`` over ``paths`` in order; with ``jobs`` > 1, from that many worker processes."""
    files = list(paths)
    if jobs <= 1 or len(files) < 2:
        for path in files:
            yield linter.lint_path(path, keep_source=keep_source)
        return
    workers = min(jobs, len(files))
    chunk = max(1, min(8, len(files) // (workers * 4)))
    with ProcessPoolExecutor(
        max_workers=workers,
        initializer=_start,
        initargs=(linter.config, linter.extra_packs, keep_source),
    ) as pool:
        yield from pool.map(_lint, files, chunksize=chunk)
