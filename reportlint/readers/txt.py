"""Plain-text reports: one paragraph per non-blank line."""

from __future__ import annotations

from ..document import Document, split_lines_into_paragraphs
from . import TextReader, register
from .protect import protected_spans


@register
class TxtReader(TextReader):
    name = "txt"
    suffixes = (".txt", ".text")

    def parse(
        self, text: str, path: str = "<text>", *, encoding: str = "utf-8", bom: bytes = b""
    ) -> Document:
        return Document(
            path=path,
            text=text,
            paragraphs=split_lines_into_paragraphs(text),
            protected=protected_spans(text),
            source_format=self.name,
            encoding=encoding,
            bom=bom,
        )


def text_document(text: str, path: str = "<text>", *, encoding: str = "utf-8", bom: bytes = b"") -> Document:
    """A plain-text Document from a string (the library's and the tests' shortcut)."""
    return TxtReader().parse(text, path, encoding=encoding, bom=bom)
