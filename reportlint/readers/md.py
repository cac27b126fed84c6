"""Markdown reports: paragraphs follow Markdown's blocks.

Front matter, fenced and indented code blocks, HTML comments and tables are not
prose, so they become protected spans and no paragraph. Heading and bullet
markers are left out of the paragraph text; ordered-list numbers stay in, since
``1.`` is itself a heading level in official documents (GB/T 9704).
"""

from __future__ import annotations

import regex

from ..document import INDENT_CHARS, Document, Paragraph
from . import TextReader, register
from .protect import protected_spans

_FENCE = regex.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = regex.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_BULLET = regex.compile(r"^ {0,3}(?:[-*+]|>)[ \t]+")
_RULE = regex.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = regex.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_INLINE = regex.compile(r"`[^`\n]+`|\]\([^)\s]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>|<!--.*?-->|<[^>\n]+>", regex.S)


@register
class MarkdownReader(TextReader):
    name = "md"
    suffixes = (".md", ".markdown")

    def parse(
        self, text: str, path: str = "<text>", *, encoding: str = "utf-8", bom: bytes = b""
    ) -> Document:
        return markdown_document(text, path, encoding=encoding, bom=bom)


def markdown_document(
    text: str, path: str = "<text>", *, encoding: str = "utf-8", bom: bytes = b""
) -> Document:
    lines = text.split("\n")
    offsets = []
    pos = 0
    for raw in lines:
        offsets.append(pos)
        pos += len(raw) + 1

    skipped: list[tuple[int, int]] = []
    paragraphs: list[Paragraph] = []
    block: list[int] = []  # line indices of the current prose block
    blank = 0

    def content(i: int) -> str:
        return lines[i][:-1] if lines[i].endswith("\r") else lines[i]

    def flush(level: int | None = None) -> None:
        nonlocal blank
        if not block:
            return
        first, last = block[0], block[-1]
        first_text = content(first)
        lead = len(first_text) - len(first_text.lstrip(INDENT_CHARS))
        m = _BULLET.match(first_text) or (_ATX.match(first_text) if level else None)
        if m:
            lead = m.end()
        start = offsets[first] + lead
        end_text = content(last).rstrip(INDENT_CHARS + "#" if level else INDENT_CHARS)
        end = offsets[last] + len(end_text)
        if end > start:
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    start=start,
                    end=end,
                    text=text[start:end],
                    line=first + 1,
                    blank_before=blank if paragraphs else 0,
                    heading_level=level,
                )
            )
        block.clear()
        blank = 0

    i = 0
    n = len(lines)
    if n and content(0).strip() == "---":  # YAML front matter
        for j in range(1, n):
            if content(j).strip() in ("---", "..."):
                skipped.append((0, offsets[j] + len(lines[j])))
                i = j + 1
                break
    while i < n:
        line = content(i)
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker = fence.group(1)
            j = i + 1
            while j < n and not content(j).lstrip().startswith(marker[0] * len(marker)):
                j += 1
            end_line = min(j, n - 1)
            skipped.append((offsets[i], offsets[end_line] + len(lines[end_line])))
            i = j + 1
            continue
        if not line.strip(INDENT_CHARS):
            flush()
            blank += 1
            i += 1
            continue
        if (line.startswith("    ") or line.startswith("\t")) and not block:  # indented code
            skipped.append((offsets[i], offsets[i] + len(lines[i])))
            i += 1
            continue
        if line.lstrip().startswith("|") or _RULE.match(line) or line.lstrip().startswith("<!--"):
            flush()
            skipped.append((offsets[i], offsets[i] + len(lines[i])))
            i += 1
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            block.append(i)
            flush(level=len(atx.group(1)))
            i += 1
            continue
        if block and _SETEXT.match(line):
            level = 1 if line.strip().startswith("=") else 2
            skipped.append((offsets[i], offsets[i] + len(lines[i])))
            flush(level=level)
            i += 1
            continue
        if _BULLET.match(line):
            flush()
        block.append(i)
        i += 1
    flush()

    inline = [(m.start(), m.end()) for p in paragraphs for m in _INLINE.finditer(text, p.start, p.end)]
    return Document(
        path=path,
        text=text,
        paragraphs=paragraphs,
        protected=protected_spans(text, skipped + inline),
        source_format="md",
        encoding=encoding,
        bom=bom,
    )
