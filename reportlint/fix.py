"""Apply the fixes that findings offer, pass after pass, and show them as a unified diff.

A pass lints the text, keeps the fixes it may apply (safe ones, plus unsafe ones on
request), drops any that overlap an earlier one (sorted by start, end, rule: the first
wins, the rest wait for the next pass) and applies them all at once. The text is then
linted again, until no applicable fix is left or ``MAX_PASSES`` is reached.

A fix never cuts a CRLF pair, and its line breaks are written in the document's own
style. A fix that adds or removes a line break changes the report's paragraphs, so it
counts as unsafe whatever its rule says. Nothing is applied inside a protected span
(code blocks, URLs, front matter), even if a kind reports there, and the whitespace that
ends a URL or an inline code span is not removed (the URL would run into the text).
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from .document import Document, merge_spans
from .engine import Linter
from .files import collect
from .model import Applicability, FileResult, Finding, Fix, ReportlintError
from .readers import read_bytes, reader_for, reader_named
from .readers.encoding import encode
from .writer import write_bytes_atomic

MAX_PASSES = 10

_BREAK = regex.compile(r"\r\n|\n|\r")


@dataclass(frozen=True)
class Edit:
    """One applied fix, in the coordinates of the text of its pass."""

    start: int
    end: int
    replacement: str
    rule: str
    category: str
    safe: bool


@dataclass
class FixResult:
    path: str
    original: str
    fixed: str
    passes: list[list[Edit]] = field(default_factory=list)  # the edits of each pass that changed the text
    texts: list[str] = field(default_factory=list)  # the text each pass started from
    remaining: list[Finding] = field(default_factory=list)  # findings on the fixed text
    converged: bool = True  # False: MAX_PASSES reached, or fixes that undo each other

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    @property
    def edits(self) -> list[Edit]:
        return [e for p in self.passes for e in p]

    def counts(self) -> Counter[str]:
        return Counter(e.category for e in self.edits)

    def diff(self) -> str:
        return unified_diff(self.path, self.original, self.fixed)


@dataclass
class FileFix:
    """What ``fix`` did to one file: a result, a note (file not fixable here) or an error."""

    path: str
    result: FixResult | None = None
    error: str | None = None
    note: str | None = None
    written: bool = False


# ---------------------------------------------------------------- planning one pass


def uses_crlf(text: str) -> bool:
    """The document's line-ending style: CRLF when most of its line breaks are CRLF."""
    crlf = text.count("\r\n")
    return crlf > 0 and crlf >= text.count("\n") - crlf


def _cuts_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


class _Protected:
    """A document's protected spans, merged, for quick questions about one edit."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged = merge_spans(spans)
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def inside(self, start: int, end: int) -> bool:
        """Does [start, end) reach into a span? An insertion at a span's edge does not."""
        i = bisect.bisect_left(self.starts, end if end > start else start) - 1
        return i >= 0 and self.ends[i] > start

    def glues(self, text: str, start: int, end: int, replacement: str) -> bool:
        """Would removing the whitespace at [start, end) join a span (a URL …) to the text beside it?"""
        if replacement.strip() or not text[start:end].isspace():
            return False
        i = bisect.bisect_left(self.ends, start)
        j = bisect.bisect_left(self.starts, end)
        return (i < len(self.ends) and self.ends[i] == start) or (
            j < len(self.starts) and self.starts[j] == end
        )


def prepare(text: str, finding: Finding, *, crlf: bool | None = None) -> Fix | None:
    """The fix of a finding as it may be applied to ``text``, or None when it must not be.

    Line breaks in the replacement take the document's style; a fix that changes the
    line breaks of its span becomes unsafe; a span that cuts a CRLF pair is refused.
    """
    fix = finding.fix
    if fix is None:
        return None
    start, end = finding.start, finding.end
    if not 0 <= start <= end <= len(text):
        return None
    if _cuts_crlf(text, start) or _cuts_crlf(text, end):
        return None
    if crlf is None:
        crlf = uses_crlf(text)
    replacement = fix.replacement
    if "\r" in replacement or "\n" in replacement:
        replacement = _BREAK.sub("\r\n" if crlf else "\n", replacement)
    original = text[start:end]
    if replacement == original:
        return None
    applicability = fix.applicability
    if _BREAK.findall(original) != _BREAK.findall(replacement):
        applicability = min(applicability, Applicability.UNSAFE)
    if replacement == fix.replacement and applicability == fix.applicability:
        return fix
    return Fix(replacement, Applicability(applicability), fix.title)


def _conflicts(a: Edit, b: Edit) -> bool:
    """``a`` sorts before ``b``. Overlapping spans conflict; so does an insertion touching another edit."""
    if b.start < a.end:
        return True
    return b.start == a.end and (a.start == a.end or b.start == b.end)


def plan(
    doc: Document, findings: Iterable[Finding], *, unsafe: bool = False
) -> tuple[list[Edit], list[Finding]]:
    """The edits of one pass, and the findings with their fixes as they may be applied.

    Edits are sorted by (start, end, rule); an edit overlapping an earlier kept one is
    left for the next pass.
    """
    text = doc.text
    crlf = uses_crlf(text)
    adjusted: list[Finding] = []
    candidates: list[Edit] = []
    protected = _Protected(doc.protected) if doc.protected else None
    for f in findings:
        fix = prepare(text, f, crlf=crlf)
        if (
            fix is not None
            and protected is not None
            and (protected.inside(f.start, f.end) or protected.glues(text, f.start, f.end, fix.replacement))
        ):
            fix = None
        if fix is not f.fix:
            f = replace(f, fix=fix)
        adjusted.append(f)
        if fix is not None and (fix.safe or (unsafe and fix.applicable)):
            candidates.append(Edit(f.start, f.end, fix.replacement, f.rule, f.category, fix.safe))
    candidates.sort(key=lambda e: (e.start, e.end, e.rule, e.replacement))
    kept: list[Edit] = []
    for edit in candidates:
        if kept and _conflicts(kept[-1], edit):
            continue
        kept.append(edit)
    return kept, adjusted


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits to ``text`` at once."""
    out: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start}")
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


# ---------------------------------------------------------------- passes


def rebuild(doc: Document, text: str) -> Document:
    """A document of the same format, path, encoding and BOM holding ``text``."""
    reader = reader_named(doc.source_format)
    if not reader.writable:
        raise ReportlintError(f"{doc.path}：fix 只修改文本文件（.txt、.md），不修改 {doc.source_format} 文件")
    return reader.rebuild(doc, text)


def fix_document(
    linter: Linter, doc: Document, *, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> FixResult:
    """Fix ``doc`` in memory; the document itself is not changed."""
    current = rebuild(doc, doc.text)
    result = FixResult(doc.path, doc.text, doc.text)
    seen = {doc.text}
    for _ in range(max_passes):
        edits, adjusted = plan(current, linter.lint_document(current), unsafe=unsafe)
        if not edits:
            result.remaining = adjusted
            return result
        text = apply_edits(current.text, edits)
        if text in seen:  # fixes that undo each other: stop before going round again
            result.remaining = adjusted
            result.converged = False
            return result
        seen.add(text)
        result.texts.append(current.text)
        result.passes.append(edits)
        result.fixed = text
        current = rebuild(doc, text)
    edits, result.remaining = plan(current, linter.lint_document(current), unsafe=unsafe)
    result.converged = not edits
    return result


# ---------------------------------------------------------------- files


def fix_path(
    linter: Linter, path: Path, *, unsafe: bool = False, write: bool = True, max_passes: int = MAX_PASSES
) -> FileFix:
    """Fix one file; with ``write`` the file is replaced atomically when anything changed."""
    name = str(path)
    reader = reader_for(path)
    if reader is None:
        return FileFix(
            name, error=f"{name}：不支持的文件类型“{path.suffix or '无后缀'}”（fix 只修改 .txt、.md）"
        )
    if not reader.writable:
        return FileFix(
            name,
            note=f"{name}：fix 只修改文本文件（.txt、.md）；{reader.name} 文件请用 reportlint annotate --fix 生成修订",
        )
    try:
        raw = read_bytes(path)
        doc = reader.read(path, raw)
        if _encode(doc, doc.text) != raw:
            raise ReportlintError(f"{name}：文件按 {doc.encoding} 解码后无法逐字节还原，为免损坏未修改")
        result = fix_document(linter, doc, unsafe=unsafe, max_passes=max_passes)
        outcome = FileFix(name, result)
        if result.changed:
            data = _encode(doc, result.fixed)
            if write:
                write_bytes_atomic(path, data, expected=raw)
                outcome.written = True
    except ReportlintError as exc:
        return FileFix(name, error=str(exc))
    return outcome


def _encode(doc: Document, text: str) -> bytes:
    try:
        return encode(text, doc.encoding, doc.bom)
    except ReportlintError as exc:
        raise ReportlintError(f"{doc.path}：{exc}，文件未修改") from None


def fix_files(
    linter: Linter, paths: Sequence[Path], *, unsafe: bool = False, write: bool = True
) -> list[FileFix]:
    """Fix every report under ``paths`` (folders recursed as ``check`` does), each file once."""
    outcomes = [FileFix(str(p), error=f"{p}：文件或文件夹不存在") for p in paths if not p.exists()]
    done: set[Path] = set()
    for path in collect(paths, exclude=linter.config.exclude, root=linter.config.root):
        key = path.resolve()
        if key in done:
            continue
        done.add(key)
        outcomes.append(fix_path(linter, path, unsafe=unsafe, write=write))
    return outcomes


def file_result(linter: Linter, outcome: FileFix) -> FileResult:
    """What ``check --fix`` reports for a file: the findings left after fixing."""
    if outcome.error:
        return FileResult(outcome.path, error=outcome.error)
    if outcome.result is None:  # not a text file: report it as check would
        return linter.lint_path(Path(outcome.path))
    return FileResult(outcome.path, list(outcome.result.remaining))


# ---------------------------------------------------------------- reporting


def _lines(text: str) -> list[str]:
    """Split after each '\\n' only (str.splitlines also splits at \\x0c, \\u2028 …)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(path: str, old: str, new: str, context: int = 3) -> str:
    """A unified diff that ``patch`` can apply; line endings are shown as they are."""
    out: list[str] = []
    for line in difflib.unified_diff(_lines(old), _lines(new), fromfile=path, tofile=path, n=context):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def pending(findings: Iterable[Finding]) -> tuple[int, int]:
    """(findings left with no fix or a fix not applied, of which fixes need --unsafe-fixes)."""
    left = 0
    unsafe = 0
    for f in findings:
        left += 1
        unsafe += bool(f.fix and f.fix.applicability == Applicability.UNSAFE)
    return left, unsafe
