"""Word documents (.docx): body paragraphs in order, table cells included, one paragraph a line.

``Document.text`` is the text of the non-empty paragraphs joined with ``"\\n"``, so that a line is
a paragraph and every text rule works unchanged. What Word shows but does not store as text stays
out: automatic numbering (``w:numPr``), tracked deletions (``w:del``), field codes. A hard page
break (``w:br w:type="page"``) or a soft line break inside a paragraph ends a line there; the part
after a page break, or after a paragraph with ``pageBreakBefore`` or a section break, gets
``page_break_before=True``.

Each character of the text that comes from the file is tied to the ``w:r`` run (and the child
element of the run) it comes from, in ``DocxDocument.layout`` (a ``"\n"`` that stands for a break
inside a paragraph is tied to its ``w:br``; one between paragraphs to nothing); ``reportlint.annotate`` uses that to
put a Word comment on exactly the flagged characters.

Opening the package and the names of OOXML elements live in ``ooxml.py``, shared with
``annotate.py``.

Old ``.doc`` files, password-protected files and damaged files raise a one-line
``ReportlintError`` that says what to do (save as .docx).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ...document import INDENT_CHARS, Document, Paragraph
from .. import Reader, register
from ..protect import protected_spans
from .ooxml import CUSTOM_XML, INLINE_CONTAINERS, SDT, SDT_CONTENT, TBL, TC, TR, P, W, open_docx, qn
from .ooxml import R as RUN

_HEADING_STYLE = regex.compile(r"^(?:heading|标题)\s*([1-9])$", regex.I)
_TOC_STYLE = regex.compile(r"^(?:toc|目录)\s*\d$", regex.I)


@dataclass(frozen=True)
class Atom:
    """Characters ``text[start:end]`` come from ``child`` (a w:t, w:tab, …) of the run ``run``."""

    start: int
    end: int
    run: Any  # lxml w:r element
    child: Any


@dataclass(frozen=True)
class LineInfo:
    """Where a line (a Document paragraph) of the text comes from in the Word file."""

    element: Any  # the w:p element
    story: str  # "body", or "header"/"footer" when those are read
    in_table: bool
    numbered: bool  # Word numbering (w:numPr) shows a number that is not in the text
    heading_level: int | None


@dataclass
class DocxLayout:
    word: Any  # the python-docx Document the text was read from
    atoms: list[Atom]
    lines: list[LineInfo]  # one per line of the text, i.e. per Paragraph


@dataclass
class DocxDocument(Document):
    layout: DocxLayout | None = field(default=None, repr=False, compare=False)


@register
class DocxReader(Reader):
    name = "docx"
    suffixes = (".docx", ".doc")
    positions = "paragraphs"

    def read(self, path: Path, raw: bytes) -> Document:
        return docx_document(raw, str(path))


def docx_document(raw: bytes, path: str = "<docx>", *, headers_footers: bool = False) -> DocxDocument:
    word = open_docx(raw, path)
    return document_from_word(word, path, headers_footers=headers_footers)


def document_from_word(word: Any, path: str = "<docx>", *, headers_footers: bool = False) -> DocxDocument:
    walker = _Walker(_Styles(word))
    walker.block(word.element.body, "body", in_table=False)
    if headers_footers:
        seen: set[int] = set()
        for section in word.sections:
            for story, parts in (
                ("header", (section.first_page_header, section.header, section.even_page_header)),
                ("footer", (section.first_page_footer, section.footer, section.even_page_footer)),
            ):
                for hf in parts:
                    if hf.is_linked_to_previous or id(hf.part) in seen:
                        continue
                    seen.add(id(hf.part))
                    walker.block(hf._element, story, in_table=False)
    text = "\n".join(walker.lines)
    paragraphs = []
    for i, (line, info, pb, blank) in enumerate(
        zip(walker.lines, walker.infos, walker.page_breaks, walker.blanks, strict=True)
    ):
        stripped = line.strip(INDENT_CHARS)
        start = walker.bases[i] + len(line) - len(line.lstrip(INDENT_CHARS))
        paragraphs.append(
            Paragraph(
                index=i,
                start=start,
                end=start + len(stripped),
                text=stripped,
                line=i + 1,
                blank_before=blank if i else 0,
                page_break_before=pb,
                heading_level=info.heading_level,
            )
        )
    return DocxDocument(
        path=path,
        text=text,
        paragraphs=paragraphs,
        protected=protected_spans(text),
        source_format="docx",
        positions="paragraphs",
        layout=DocxLayout(word, walker.atoms, walker.infos),
    )


class _Styles:
    """Paragraph style lookups through ``w:basedOn``."""

    def __init__(self, word: Any):
        self.by_id: dict[str, Any] = {}
        self.default: str | None = None
        root = word.styles.element
        for st in root.iterchildren(W + "style"):
            if st.get(qn("w:type")) != "paragraph":
                continue
            sid = st.get(qn("w:styleId"))
            self.by_id[sid] = st
            if st.get(qn("w:default")) in ("1", "true", "on"):
                self.default = sid

    def chain(self, style_id: str | None) -> list[Any]:
        out: list[Any] = []
        sid = style_id if style_id in self.by_id else self.default
        while sid in self.by_id and len(out) < 20:
            st = self.by_id[sid]
            if st in out:
                break
            out.append(st)
            based = st.find(W + "basedOn")
            sid = based.get(qn("w:val")) if based is not None else None
        return out

    def name(self, style_id: str | None) -> str:
        chain = self.chain(style_id)
        if not chain:
            return ""
        n = chain[0].find(W + "name")
        return n.get(qn("w:val"), "") if n is not None else ""

    def ppr(self, style_id: str | None, tag: str) -> Any:
        for st in self.chain(style_id):
            ppr = st.find(W + "pPr")
            if ppr is not None:
                el = ppr.find(W + tag)
                if el is not None:
                    return el
        return None


def _on(el: Any) -> bool:
    return el is not None and el.get(qn("w:val"), "true") not in ("0", "false", "off")


class _Walker:
    """Reads block and inline content in document order into lines, atoms and line infos."""

    def __init__(self, styles: _Styles):
        self.styles = styles
        self.lines: list[str] = []
        self.bases: list[int] = []
        self.infos: list[LineInfo] = []
        self.page_breaks: list[bool] = []
        self.blanks: list[int] = []
        self.atoms: list[Atom] = []
        self.offset = 0  # length of the text so far, with the separators
        self.pending_break = False
        self.blank = 0
        self.fields: list[str] = []  # complex field states: "code" until w:fldChar separate, then "result"
        # the line being built
        self._pieces: list[tuple[str, Any, Any]] = []
        self._info: LineInfo | None = None
        self._separator: tuple[Any, Any] | None = None  # a w:br/w:cr that ended the previous line

    # -- blocks ---------------------------------------------------------------------------------
    def block(self, container: Any, story: str, *, in_table: bool) -> None:
        for el in container.iterchildren():
            tag = el.tag
            if tag == P:
                self.paragraph(el, story, in_table)
            elif tag == TBL:
                for tr in el.iterchildren(TR):
                    for tc in tr.iterchildren(TC):
                        self.block(tc, story, in_table=True)
                    for sdt in tr.iterchildren(SDT):  # a content control around cells
                        content = sdt.find(SDT_CONTENT)
                        if content is not None:
                            for tc in content.iterchildren(TC):
                                self.block(tc, story, in_table=True)
            elif tag == SDT:
                if self._is_toc(el):
                    continue
                content = el.find(SDT_CONTENT)
                if content is not None:
                    self.block(content, story, in_table=in_table)
            elif tag == CUSTOM_XML:
                self.block(el, story, in_table=in_table)

    @staticmethod
    def _is_toc(sdt: Any) -> bool:
        gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        return gallery is not None and "Contents" in (gallery.get(qn("w:val")) or "")

    def paragraph(self, p: Any, story: str, in_table: bool) -> None:
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(qn("w:val")) if style_el is not None else None
        style_name = self.styles.name(style_id)
        if _TOC_STYLE.match(style_name):  # a table of contents repeats the headings
            return

        def prop(tag: str) -> Any:
            el = ppr.find(W + tag) if ppr is not None else None
            return el if el is not None else self.styles.ppr(style_id, tag)

        if _on(prop("pageBreakBefore")):
            self.pending_break = True
        num = prop("numPr")
        num_id = num.find(W + "numId") if num is not None else None
        numbered = num_id is not None and num_id.get(qn("w:val")) not in (None, "0")
        level = None
        outline = prop("outlineLvl")
        if outline is not None:
            try:
                value = int(outline.get(qn("w:val"), "9"))
            except ValueError:
                value = 9
            level = value + 1 if 0 <= value < 9 else None
        else:
            m = _HEADING_STYLE.match(style_name)
            level = int(m.group(1)) if m else None
        self._info = LineInfo(p, story, in_table, numbered, level)
        self._separator = None
        before = len(self.lines)
        self.inline(p)
        self.end_line()
        if len(self.lines) == before:  # an empty paragraph: a blank line between paragraphs
            self.blank += 1
        sect = ppr.find(W + "sectPr") if ppr is not None else None
        if sect is not None:  # a section break after this paragraph; all but "continuous" start a page
            kind = sect.find(W + "type")
            if kind is None or kind.get(qn("w:val")) in ("nextPage", "oddPage", "evenPage", None):
                self.pending_break = True

    # -- inline ---------------------------------------------------------------------------------
    def inline(self, container: Any) -> None:
        for el in container.iterchildren():
            tag = el.tag
            if tag == RUN:
                self.run(el)
            elif tag in INLINE_CONTAINERS:
                self.inline(el)
            elif tag == SDT:
                content = el.find(SDT_CONTENT)
                if content is not None:
                    self.inline(content)
            # w:del, w:moveFrom, math, bookmarks, comment ranges, proofing marks: no text

    def run(self, r: Any) -> None:
        for child in r.iterchildren():
            tag = child.tag[len(W) :] if child.tag.startswith(W) else ""
            if tag == "fldChar":
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    self.fields.append("code")
                elif kind == "separate" and self.fields:
                    self.fields[-1] = "result"
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if "code" in self.fields:
                continue
            if tag == "t":
                if child.text:
                    self._pieces.append((child.text, r, child))
            elif tag in ("tab", "ptab"):
                self._pieces.append(("\t", r, child))
            elif tag == "noBreakHyphen":
                self._pieces.append(("-", r, child))
            elif tag in ("br", "cr"):
                self.end_line()
                if self._info is not None and self.lines and self.infos[-1] is self._info:
                    # the "\n" before the next line of this paragraph comes from this break
                    self._separator = (r, child)
                if tag == "br" and child.get(qn("w:type")) == "page":
                    self.pending_break = True

    def end_line(self) -> None:
        """Close the line being built; an empty one is dropped."""
        info = self._info
        line = "".join(t for t, _, _ in self._pieces)
        if not line.strip(INDENT_CHARS) or info is None:
            self._pieces = []
            return
        base = self.offset + (1 if self.lines else 0)
        if self._separator is not None and self.infos and self.infos[-1] is info:
            self.atoms.append(Atom(base - 1, base, *self._separator))
        self._separator = None
        pos = base
        for t, r, child in self._pieces:
            self.atoms.append(Atom(pos, pos + len(t), r, child))
            pos += len(t)
        self.lines.append(line)
        self.bases.append(base)
        self.infos.append(info)
        self.page_breaks.append(self.pending_break)
        self.blanks.append(self.blank)
        self.offset = pos
        self.pending_break = False
        self.blank = 0
        self._pieces = []
