"""Input formats. Each module registers the suffixes it reads; the engine asks by suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..document import Document
from ..model import ReportlintError

Reader = Callable[[Path, bytes], Document]
_READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    def wrap(func: Reader) -> Reader:
        for suffix in suffixes:
            _READERS[suffix.lower()] = func
        return func

    return wrap


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_READERS))


def reader_for(path: Path) -> Reader | None:
    return _READERS.get(path.suffix.lower())


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line error the drafter can act on."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ReportlintError(f"{path}：是目录，不是文件") from None
    except FileNotFoundError:
        raise ReportlintError(f"{path}：文件不存在") from None
    except PermissionError:
        raise ReportlintError(f"{path}：没有读取权限") from None
    except OSError as exc:
        raise ReportlintError(f"{path}：无法读取（{exc.strerror}）") from None


def read_path(path: Path) -> Document:
    reader = reader_for(path)
    if reader is None:
        raise ReportlintError(
            f"{path}：不支持的文件类型“{path.suffix or '无后缀'}”（支持 {'、'.join(supported_suffixes())}）"
        )
    return reader(path, read_bytes(path))


# Import the format modules so that they register themselves.
from . import docx, md, txt  # noqa: E402,F401
