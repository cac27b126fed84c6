"""Human output: ``path:line:col: severity category [rule] message``, the line with the span marked."""

from __future__ import annotations

import unicodedata

from ..model import Applicability, FileResult, Finding
from . import Formatter, Summary, register

_CONTEXT = 30  # characters shown on each side of a span


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def excerpt(line: str, f: Finding) -> tuple[str, str]:
    """The line around the span, and a marker line underneath it (CJK counts two cells)."""
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    left = max(0, start - _CONTEXT)
    right = min(len(line), end + _CONTEXT)
    prefix = "…" if left else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    pad = _width(prefix + line[left:start])
    mark = "^" * max(1, _width(line[start:end]))
    return shown, " " * pad + mark


def position(r: FileResult, f: Finding) -> str:
    if r.paragraph_positions and f.paragraph is not None:
        return f"{r.path}:段{f.paragraph}:{f.column}"
    return f"{r.path}:{f.line}:{f.column}"


def fix_note(f: Finding) -> str:
    """What the drafter may do about a finding, from its fix's title and applicability."""
    if f.fix is None or not f.fix.title:
        return ""
    if f.fix.applicability == Applicability.SAFE:
        return f"（可自动修正：{f.fix.title}）"
    if f.fix.applicability == Applicability.UNSAFE:
        return f"（建议：{f.fix.title}，请确认）"
    return f"（建议：{f.fix.title}）"


@register
class TextFormatter(Formatter):
    name = "text"
    needs_source = True

    def file(self, result: FileResult) -> None:
        if result.error:
            return
        for f in result.findings:
            self.out.write(
                f"{position(result, f)}: {f.severity.label} {f.category} [{f.rule}] {f.message}{fix_note(f)}\n"
            )
            line = result.line_text(f.line)
            if line:
                shown, mark = excerpt(line, f)
                self.out.write(f"    {shown}\n    {mark}\n")

    def finish(self, summary: Summary) -> None:
        files = f"共 {summary.files} 个文件"
        if summary.failed:
            files += f"（其中 {summary.failed} 个无法检查，见上方错误）"
        if summary.findings:
            self.out.write(f"\n{files}，发现 {summary.findings} 处问题：\n")
            for cat, n in summary.by_category.most_common():
                self.out.write(f"  {cat:<24} {n}\n")
            if summary.fixable:
                self.out.write(f"其中 {summary.fixable} 处可用 reportlint fix 自动修正。\n")
        else:
            self.out.write(f"{files}，未发现问题。\n" if not summary.failed else f"{files}。\n")
