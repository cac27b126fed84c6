"""The decoded report: text, lines and paragraphs with offsets.

Rules never read files; they see a Document. Offsets are code-point offsets into
``text`` (the decoded file, line endings kept as they were so that fixes can be
written back byte-exactly).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

# Whitespace that a drafter uses for indentation: ASCII, ideographic space, NBSP, tabs.
INDENT_CHARS = " \t\u3000\u00a0\ufeff"


@dataclass(frozen=True)
class Paragraph:
    """A block of body text. ``start``/``end`` exclude indentation and the line ending."""

    index: int  # 0-based
    start: int
    end: int
    text: str
    line: int  # 1-based line of ``start``
    blank_before: int = 0  # blank lines between this paragraph and the previous one
    page_break_before: bool = False  # a hard page break separates it from the previous one (docx)
    heading_level: int | None = None  # structural heading level known from the format (md '#', docx style)


@dataclass
class Document:
    path: str
    text: str
    paragraphs: list[Paragraph]
    # Spans rules must not report on (URLs, e-mail addresses, inline code, markup).
    protected: list[tuple[int, int]] = field(default_factory=list)
    source_format: str = "txt"  # the name of the reader that made it
    encoding: str = "utf-8"  # how to write the text back (fix)
    bom: bytes = b""
    positions: str = "lines"  # how findings are located for the reader: "lines" or "paragraphs"

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; a '\\r' before '\\n' is not a column."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[begin:end].rstrip("\r")

    def paragraph_at(self, offset: int) -> Paragraph | None:
        starts = self._paragraph_starts
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]


def split_lines_into_paragraphs(text: str, *, base: int = 0, first_line: int = 1) -> list[Paragraph]:
    """Each non-blank line is a paragraph (how Word and WPS export text)."""
    paragraphs: list[Paragraph] = []
    offset = 0
    blank = 0
    line_no = first_line
    for raw in text.split("\n"):
        content = raw[:-1] if raw.endswith("\r") else raw
        stripped = content.strip(INDENT_CHARS)
        if stripped:
            lead = len(content) - len(content.lstrip(INDENT_CHARS))
            start = base + offset + lead
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    start=start,
                    end=start + len(stripped),
                    text=stripped,
                    line=line_no,
                    blank_before=blank if paragraphs else 0,
                )
            )
            blank = 0
        else:
            blank += 1
        offset += len(raw) + 1
        line_no += 1
    return paragraphs


def merge_spans(spans) -> list[tuple[int, int]]:
    """Sorted, overlapping or touching spans joined: a list that bisect can search."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
