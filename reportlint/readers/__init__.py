"""Input formats. Each is one Reader object, registered by the suffixes it reads.

A reader turns a file's bytes into a Document, says how positions are shown to the
user (lines, or paragraphs where a format has no lines) and, for text formats,
rebuilds a Document from edited text so that ``fix`` can lint its own output. The
engine, ``fix`` and the CLI ask a reader; none of them branches on a format's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from ..document import Document
from ..model import ReportlintError


class Reader:
    name: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()
    positions: ClassVar[str] = "lines"  # or "paragraphs"
    # Can ``fix`` write edited text back in this format (text formats), or not (.docx)?
    writable: ClassVar[bool] = False

    def read(self, path: Path, raw: bytes) -> Document:
        raise NotImplementedError

    def rebuild(self, doc: Document, text: str) -> Document:
        """A document like ``doc`` (path, encoding, BOM) holding ``text``; only for writable formats."""
        raise ReportlintError(f"{doc.path}：{self.name} 格式不能由文本重建")


class TextReader(Reader):
    """Formats that are text: decode the bytes, then parse the text."""

    writable = True

    def read(self, path: Path, raw: bytes) -> Document:
        from .encoding import decode

        decoded = decode(raw, str(path))
        return self.parse(decoded.text, str(path), encoding=decoded.encoding, bom=decoded.bom)

    def parse(
        self, text: str, path: str = "<text>", *, encoding: str = "utf-8", bom: bytes = b""
    ) -> Document:
        raise NotImplementedError

    def rebuild(self, doc: Document, text: str) -> Document:
        return self.parse(text, doc.path, encoding=doc.encoding, bom=doc.bom)


_BY_SUFFIX: dict[str, Reader] = {}
_BY_NAME: dict[str, Reader] = {}


def register(reader: type[Reader]) -> type[Reader]:
    instance = reader()
    _BY_NAME[reader.name] = instance
    for suffix in reader.suffixes:
        _BY_SUFFIX[suffix.lower()] = instance
    return reader


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_BY_SUFFIX))


def reader_for(path: Path | str) -> Reader | None:
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def reader_named(name: str) -> Reader:
    return _BY_NAME[name]


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


def require_reader(path: Path) -> Reader:
    reader = reader_for(path)
    if reader is None:
        raise ReportlintError(
            f"{path}：不支持的文件类型“{path.suffix or '无后缀'}”（支持 {'、'.join(supported_suffixes())}）"
        )
    return reader


def read_path(path: Path) -> Document:
    return require_reader(path).read(path, read_bytes(path))


# Import the format modules so that they register themselves.
from . import docx, md, txt  # noqa: E402,F401
