"""Hand a Word report back with the findings as review comments (``reportlint annotate``).

The copy is the original package with, for each finding, a ``w:comment`` (author ``reportlint``)
anchored by ``w:commentRangeStart``/``w:commentRangeEnd`` on exactly the flagged characters. Runs
are split where a finding starts or ends inside them; both halves keep the run's properties
(``w:rPr``), so the formatting and the text of the document do not change. With ``fix=True`` the
safe fixes are also applied as tracked changes (``w:del`` + ``w:ins``, author ``reportlint``) that
the drafter accepts or rejects in Word.

The original file is only read; the copy is written with the same atomic writer as ``fix``
(a temporary file beside the output, renamed into place).
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import io
import itertools
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from ...model import Finding, ReportlintError, Severity
from ...writer import write_bytes_atomic
from .. import read_bytes
from . import Atom, DocxDocument, document_from_word
from .ooxml import XML_SPACE as _XML_SPACE
from .ooxml import W as _W
from .ooxml import open_docx, qn

if TYPE_CHECKING:
    from ...engine import Linter

AUTHOR = "reportlint"
INITIALS = "RL"
SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
# Inline containers a tracked change may sit in without confusing Word (others: leave the text alone).
_FIXABLE_PARENTS = {_W + "p", _W + "hyperlink"}
_PLAIN_RUN_CHILDREN = {_W + "rPr", _W + "t", _W + "lastRenderedPageBreak"}


@dataclass
class AnnotateResult:
    output: Path
    findings: list[Finding]
    comments: int = 0
    fixes: int = 0
    skipped: list[Finding] = field(default_factory=list)  # in headers/footers: Word has no comments there

    def by_severity(self) -> Counter[Severity]:
        skipped = {id(f) for f in self.skipped}
        return Counter(f.severity for f in self.findings if id(f) not in skipped)


def comment_text(f: Finding) -> str:
    """The comment: the message, the rule and the suggested fix (one paragraph each)."""
    lines = [f.message, f"规则：{f.rule}（{SEVERITY_ZH.get(f.severity, f.severity.label)}）"]
    if f.fix is not None and f.fix.title:
        lines.append(f"建议：{f.fix.title}")
    return "\n".join(lines)


def annotate_path(src: Path, dest: Path, linter: Linter, *, fix: bool = False) -> AnnotateResult:
    """Lint ``src`` (a .docx) and write the commented copy to ``dest``."""
    if src.suffix.lower() not in (".docx", ".doc"):
        raise ReportlintError(f"{src}：annotate 只处理 Word 文档（.docx）")
    if dest.suffix.lower() != ".docx":
        raise ReportlintError(f"{dest}：输出文件应以 .docx 结尾")
    if _same_file(src, dest):
        raise ReportlintError(f"{dest}：输出文件不能是原文件（原文件不会被修改，请用 -o 指定另一个文件名）")
    if not dest.parent.is_dir():
        raise ReportlintError(f"{dest}：输出文件夹“{dest.parent}”不存在")
    word = open_docx(read_bytes(src), str(src))
    doc = document_from_word(word, str(src))
    findings = linter.lint_document(doc)
    result = annotate_document(doc, findings, fix=fix)
    result.output = dest
    _save(word, dest)
    return result


def _same_file(a: Path, b: Path) -> bool:
    try:
        if b.exists() and os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _save(word: Any, dest: Path) -> None:
    buffer = io.BytesIO()
    word.save(buffer)
    write_bytes_atomic(dest, buffer.getvalue(), create=True)


def annotate_document(doc: DocxDocument, findings: list[Finding], *, fix: bool = False) -> AnnotateResult:
    """Add the comments (and with ``fix`` the tracked changes) to ``doc.layout.word`` in place."""
    if doc.layout is None:
        raise ReportlintError(f"{doc.path}：不是从 Word 文档读取的，无法添加批注")
    result = AnnotateResult(Path(doc.path), findings)
    body = [f for f in findings if doc.layout.lines[f.line - 1].story == "body"]
    result.skipped = [f for f in findings if doc.layout.lines[f.line - 1].story != "body"]
    if not body:
        return result
    word = doc.layout.word
    _split_runs(doc.layout.atoms, {x for f in body for x in (f.start, f.end)})
    fresh = document_from_word(word, doc.path, headers_footers=bool(result.skipped))
    assert fresh.layout is not None  # document_from_word always records the layout
    if fresh.text != doc.text:  # splitting runs must never change the text
        raise ReportlintError(f"{doc.path}：内部错误：拆分文字块后文本发生变化，未写入批注")
    atoms = [
        a for a in fresh.layout.atoms if fresh.layout.lines[fresh.position(a.start)[0] - 1].story == "body"
    ]
    anchors = _Anchors(atoms)
    ids = _free_ids(word)  # comments and revisions draw from one counter: their ids never collide
    changes = _TrackedChanges(ids) if fix else None
    comments = _Comments(word, ids)
    applied_end = -1
    for f in body:
        flagged = doc.text[f.start : f.end]
        first, last = anchors.start(f.start), anchors.end(f.end)
        if first is None or last is None:
            continue
        point = f.start == f.end
        if (
            changes is not None
            and f.fix is not None
            and f.fix.safe
            and f.start >= applied_end
            and "\n" not in flagged + f.fix.replacement
        ):
            span = changes.apply(anchors.runs(f.start, f.end), f.fix.replacement, first, last)
            if span is not None:  # the comment goes around the deletion and the insertion
                first, last = span
                point = False
                applied_end = max(f.end, f.start + 1)
                result.fixes += 1
        comment_id = comments.add(comment_text(f))
        _mark(comment_id, first, last, point=point)
        result.comments += 1
    return result


def _split_runs(atoms: list[Atom], cuts: set[int]) -> None:
    """Split runs so that no cut falls inside one; both halves keep the run's properties."""
    if not cuts:
        return
    ordered = sorted(cuts)
    by_run: dict[Any, list[Atom]] = {}
    for a in atoms:
        by_run.setdefault(a.run, []).append(a)
    for run, parts in by_run.items():
        rs, re_ = parts[0].start, parts[-1].end
        lo = bisect.bisect_right(ordered, rs)
        hi = bisect.bisect_left(ordered, re_)
        inner = ordered[lo:hi]
        if not inner:
            continue
        # split w:t elements that a cut falls inside
        positions: dict[Any, int] = {}
        for a in parts:
            start = a.start
            child = a.child
            for c in inner:
                if start < c < a.end and child.tag == _W + "t":
                    text = child.text or ""
                    k = c - start
                    tail = copy.deepcopy(child)
                    child.text, tail.text = text[:k], text[k:]
                    for t in (child, tail):
                        t.set(_XML_SPACE, "preserve")
                    child.addnext(tail)
                    positions[child] = start
                    child, start = tail, c
            positions[child] = start
        # group the run's children: a text child goes with the cuts before it; others with the next text
        groups: list[list[Any]] = [[] for _ in range(len(inner) + 1)]
        pending: list[Any] = []
        for child in run.iterchildren():
            if child.tag == _W + "rPr":
                continue
            if child in positions:
                g = bisect.bisect_right(inner, positions[child])
                groups[g].extend(pending)
                groups[g].append(child)
                pending = []
            else:
                pending.append(child)
        groups[-1].extend(pending)
        rpr = run.find(_W + "rPr")
        prev = run
        for group in groups[1:]:
            if not group:
                continue
            new = run.makeelement(run.tag, dict(run.attrib))
            if rpr is not None:
                new.append(copy.deepcopy(rpr))
            for child in group:
                new.append(child)  # moves it out of the original run
            prev.addnext(new)
            prev = new


class _Anchors:
    """Where comment markers go for a document offset, from the (split) runs."""

    def __init__(self, atoms: list[Atom]):
        self.atoms = atoms
        self.starts = [a.start for a in atoms]
        self.ends = [a.end for a in atoms]

    def start(self, offset: int) -> tuple[str, Any] | None:
        i = bisect.bisect_left(self.starts, offset)
        if i < len(self.atoms) and self.atoms[i].start == offset:
            return ("before", self.atoms[i].run)
        j = bisect.bisect_right(self.ends, offset) - 1
        if j >= 0 and self.atoms[j].end == offset:
            return ("after", self.atoms[j].run)
        return ("before", self.atoms[i].run) if i < len(self.atoms) else None

    def end(self, offset: int) -> tuple[str, Any] | None:
        j = bisect.bisect_right(self.ends, offset) - 1
        if j >= 0 and self.atoms[j].end == offset:
            return ("after", self.atoms[j].run)
        i = bisect.bisect_left(self.starts, offset)
        if i < len(self.atoms) and self.atoms[i].start == offset:
            return ("before", self.atoms[i].run)
        return ("after", self.atoms[j].run) if j >= 0 else None

    def runs(self, start: int, end: int) -> list[Any]:
        i = bisect.bisect_left(self.starts, start)
        out: list[Any] = []
        while i < len(self.atoms) and self.atoms[i].end <= end:
            if not out or out[-1] is not self.atoms[i].run:
                out.append(self.atoms[i].run)
            i += 1
        return out


def _free_ids(word: Any) -> Iterator[int]:
    """Annotation ids above every w:id already in the body and the comments part."""
    used = list(word.element.body.xpath(".//@w:id"))
    root = getattr(word.comments, "_comments_elm", None)
    if root is not None:
        used += root.xpath("./w:comment/@w:id")
    return itertools.count(max((int(v) for v in used if str(v).isdigit()), default=-1) + 1)


class _Comments:
    """Appends w:comment elements to the comments part (python-docx's add_comment, without its
    search for a free id at every call, which makes thousands of comments slow)."""

    def __init__(self, word: Any, ids: Iterator[int]):
        self.word = word
        self.root = getattr(word.comments, "_comments_elm", None)  # word.comments creates the part
        self.ids = ids
        self.date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def add(self, text: str) -> int:
        if self.root is None:  # another python-docx: its public API
            return self.word.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS).comment_id
        cid = next(self.ids)
        attrs = {
            _W + "id": str(cid),
            _W + "author": AUTHOR,
            _W + "initials": INITIALS,
            _W + "date": self.date,
        }
        comment = etree.SubElement(self.root, _W + "comment", attrs)
        for i, line in enumerate(text.split("\n")):
            p = etree.SubElement(comment, _W + "p")
            etree.SubElement(etree.SubElement(p, _W + "pPr"), _W + "pStyle", {_W + "val": "CommentText"})
            if i == 0:  # the mark Word shows at the start of the comment
                r = etree.SubElement(p, _W + "r")
                etree.SubElement(
                    etree.SubElement(r, _W + "rPr"), _W + "rStyle", {_W + "val": "CommentReference"}
                )
                etree.SubElement(r, _W + "annotationRef")
            t = etree.SubElement(etree.SubElement(p, _W + "r"), _W + "t", {_XML_SPACE: "preserve"})
            t.text = line
        return cid


def _place(where: tuple[str, Any], el: Any) -> None:
    side, ref = where
    if side == "before":
        ref.addprevious(el)
    else:
        ref.addnext(el)


def _mark(comment_id: int, first: tuple[str, Any], last: tuple[str, Any], *, point: bool = False) -> None:
    ref = first[1]
    start = ref.makeelement(qn("w:commentRangeStart"), {qn("w:id"): str(comment_id)})
    end = ref.makeelement(qn("w:commentRangeEnd"), {qn("w:id"): str(comment_id)})
    _place(first, start)
    if point:  # an empty span: the comment sits between two characters
        start.addnext(end)
    else:
        _place(last, end)
    # the reference mark goes at paragraph level, after the container the range ends in
    top = end
    while top.getparent() is not None and top.getparent().tag != _W + "p":
        top = top.getparent()
    reference = ref.makeelement(qn("w:r"), {})
    rpr = reference.makeelement(qn("w:rPr"), {})
    style = rpr.makeelement(qn("w:rStyle"), {qn("w:val"): "CommentReference"})
    rpr.append(style)
    reference.append(rpr)
    reference.append(reference.makeelement(qn("w:commentReference"), {qn("w:id"): str(comment_id)}))
    top.addnext(reference)


class _TrackedChanges:
    """Safe fixes as w:del/w:ins revisions by reportlint."""

    def __init__(self, ids: Iterator[int]):
        self.ids = ids
        self.date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _revision(self, tag: str, ref: Any) -> Any:
        el = ref.makeelement(
            qn(tag), {qn("w:id"): str(next(self.ids)), qn("w:author"): AUTHOR, qn("w:date"): self.date}
        )
        return el

    def apply(
        self, runs: list[Any], replacement: str, first: tuple[str, Any], last: tuple[str, Any]
    ) -> tuple[tuple[str, Any], tuple[str, Any]] | None:
        """Delete ``runs`` and insert ``replacement`` after them (or at ``first`` for a pure insertion).

        Returns the new anchors around the change, or None when the runs are not plain text runs.
        """
        if any(r.getparent() is None or r.getparent().tag not in _FIXABLE_PARENTS for r in runs):
            return None
        if any(c.tag not in _PLAIN_RUN_CHILDREN for r in runs for c in r.iterchildren()):
            return None  # tabs, breaks, fields, drawings: leave them to the drafter
        if not runs and (not replacement or first[1].getparent().tag not in _FIXABLE_PARENTS):
            return None
        model = runs[0] if runs else first[1]
        dels = []
        for r in runs:
            d = self._revision("w:del", r)
            r.addprevious(d)
            d.append(r)
            for t in r.iterchildren(_W + "t"):
                t.tag = qn("w:delText")
            dels.append(d)
        ins = None
        if replacement:
            ins = self._revision("w:ins", model)
            new = model.makeelement(qn("w:r"), {})
            rpr = model.find(_W + "rPr")
            if rpr is not None:
                new.append(copy.deepcopy(rpr))
            t = new.makeelement(qn("w:t"), {})
            t.text = replacement
            t.set(_XML_SPACE, "preserve")
            new.append(t)
            ins.append(new)
            if dels:
                dels[-1].addnext(ins)
            else:
                _place(first, ins)
        begin = dels[0] if dels else ins
        finish = ins if ins is not None else dels[-1]
        return ("before", begin), ("after", finish)
