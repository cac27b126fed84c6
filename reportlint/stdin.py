"""Reports read from standard input (``reportlint check -``, ``reportlint fix -``): an editor's unsaved buffer.

The name given with ``--stdin-filename`` chooses the reader (by its suffix; plain text
when it has none or there is no name), is where the configuration is looked for (its
folder, upward) and is the path shown in the output. The file itself is never read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .model import FileResult, ReportlintError
from .readers import Reader, reader_for, reader_named, supported_suffixes

if TYPE_CHECKING:
    from .document import Document
    from .engine import Linter
    from .fix import FileFix

STDIN = "-"


def is_stdin(paths: list[Path]) -> bool:
    """``check -``: one path, ``-`` (more than one with ``-`` among them is a usage error)."""
    if any(str(p) == STDIN for p in paths):
        if len(paths) != 1:
            raise ReportlintError("“-”（标准输入）不能与其他文件一起检查")
        return True
    return False


def stdin_mode(paths: list[Path], name: str | None) -> bool:
    """Is this run on standard input? ``--stdin-filename`` without ``-`` is a usage error."""
    from_stdin = is_stdin(paths)
    if name and not from_stdin:
        raise ReportlintError("--stdin-filename 只能与路径 -（标准输入）一起使用")
    return from_stdin


def config_start(name: str | None) -> Path | None:
    """Where the configuration is looked for: the named file's folder (None: the current folder)."""
    return Path(name).parent if name else None


def display_name(name: str | None) -> str:
    return name or STDIN


def stdin_reader(name: str | None) -> Reader:
    if not name:
        return reader_named("txt")
    reader = reader_for(name)
    if reader is None:
        suffix = Path(name).suffix or "无后缀"
        raise ReportlintError(
            f"--stdin-filename {name}：不支持的文件类型“{suffix}”（支持 {'、'.join(supported_suffixes())}）"
        )
    return reader


def read_stdin(name: str | None, stream: BinaryIO | None = None) -> Document:
    """The document on standard input, read with the reader ``name`` picks."""
    raw = (stream or sys.stdin.buffer).read()
    return stdin_reader(name).read(Path(display_name(name)), raw)


def lint_stdin(linter: Linter, name: str | None, *, keep_source: bool = False) -> FileResult:
    path = display_name(name)
    try:
        doc = read_stdin(name)
    except ReportlintError as exc:
        return FileResult(path, error=str(exc))
    return FileResult(
        path, linter.lint_document(doc), positions=doc.positions, source=doc if keep_source else None
    )


def fix_stdin(linter: Linter, name: str | None, *, unsafe: bool) -> tuple[FileFix, bytes | None]:
    """Fix the text on standard input: the outcome, and the bytes to write out (None on error)."""
    from .fix import FileFix, fix_document  # only ``fix -`` needs them
    from .readers.encoding import encode

    path = display_name(name)
    try:
        doc = read_stdin(name)
        if not stdin_reader(name).writable:
            raise ReportlintError(
                f"{path}：fix 只修改文本（.txt、.md）；Word 文档请用 reportlint annotate --fix"
            )
        result = fix_document(linter, doc, unsafe=unsafe)
        return FileFix(path, result), encode(result.fixed, doc.encoding, doc.bom)
    except ReportlintError as exc:
        return FileFix(path, error=str(exc)), None
