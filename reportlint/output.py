"""Where ``check`` writes and how the terminal looks: the output file, colour and width.

Colour follows the usual conventions: ``--color auto`` colours only a terminal and
never when ``NO_COLOR`` is set (https://no-color.org); ``always`` and ``never`` say
what they mean. The width is the terminal's (``COLUMNS`` overrides it; 80 when there
is no terminal), so that excerpts never wrap.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .model import ReportlintError

COLOR_MODES = ("auto", "always", "never")


def use_color(mode: str, stream: TextIO) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def width() -> int:
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def text_options(stream: TextIO, color: str, *, quiet: bool = False) -> dict[str, Any]:
    """The options the text formatter takes (others ignore them)."""
    return {"color": use_color(color, stream), "width": width(), "quiet": quiet}


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or ``path`` opened for writing (UTF-8); a one-line error when it cannot be."""
    if path is None:
        yield sys.stdout
        return
    try:
        stream = path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise ReportlintError(f"--output-file {path}：无法写入（{exc.strerror}）") from None
    with stream:
        yield stream
