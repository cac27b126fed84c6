"""Plain-text reports: one paragraph per non-blank line."""

from __future__ import annotations

from pathlib import Path

from ..document import Document, split_lines_into_paragraphs
from . import register
from .encoding import decode
from .protect import protected_spans


@register(".txt", ".text")
def read_txt(path: Path, raw: bytes) -> Document:
    decoded = decode(raw, str(path))
    return text_document(decoded.text, str(path), encoding=decoded.encoding, bom=decoded.bom)


def text_document(text: str, path: str = "<text>", *, encoding: str = "utf-8", bom: bytes = b"") -> Document:
    return Document(
        path=path,
        text=text,
        paragraphs=split_lines_into_paragraphs(text),
        protected=protected_spans(text),
        source_format="txt",
        encoding=encoding,
        bom=bom,
    )
