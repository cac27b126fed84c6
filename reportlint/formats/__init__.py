"""Output formats. Each module registers a formatter: results in, text out."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import FileResult

Formatter = Callable[[Sequence[FileResult], dict], str]
FORMATS: dict[str, Formatter] = {}


def register(name: str) -> Callable[[Formatter], Formatter]:
    def wrap(func: Formatter) -> Formatter:
        FORMATS[name] = func
        return func

    return wrap


def render(name: str, results: Sequence[FileResult], options: dict | None = None) -> str:
    return FORMATS[name](results, options or {})


from . import json, sarif, text  # noqa: E402,F401
