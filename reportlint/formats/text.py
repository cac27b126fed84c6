"""Human output: ``path:line:col: severity category [rule] message``, the line with the span marked."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from ..model import FileResult, Finding
from . import register

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


@register("text")
def render_text(results: Sequence[FileResult], options: dict) -> str:
    lines_of = options.get("lines_of")  # path -> list of lines, to show the flagged text
    out: list[str] = []
    by_category: Counter[str] = Counter()
    fixable = 0
    for r in results:
        if r.error:
            continue
        source = lines_of(r.path) if lines_of else None
        for f in r.findings:
            by_category[f.category] += 1
            fixable += bool(f.fix and f.fix.safe)
            fix = ""
            if f.fix and f.end_line != f.line:
                fix = "（可与下一段合并）" if f.fix.safe else "（可修正，需确认）"
            elif f.fix and f.fix.replacement and len(f.fix.replacement) < 20:
                fix = (
                    f"（可修正为“{f.fix.replacement}”）"
                    if f.fix.safe
                    else f"（建议改为“{f.fix.replacement}”，请确认）"
                )
            out.append(f"{position(r, f)}: {f.severity.label} {f.category} [{f.rule}] {f.message}{fix}")
            if source and 0 < f.line <= len(source):
                shown, mark = excerpt(source[f.line - 1], f)
                out.append(f"    {shown}")
                out.append(f"    {mark}")
    total = sum(by_category.values())
    files = len(results)
    failed = sum(1 for r in results if r.error)
    if failed:
        files_text = f"共 {files} 个文件（其中 {failed} 个无法检查，见上方错误）"
    else:
        files_text = f"共 {files} 个文件"
    if total:
        out.append("")
        out.append(f"{files_text}，发现 {total} 处问题：")
        for cat, n in by_category.most_common():
            out.append(f"  {cat:<24} {n}")
        if fixable:
            out.append(f"其中 {fixable} 处可用 reportlint fix 自动修正。")
    else:
        out.append(f"{files_text}，未发现问题。" if not failed else f"{files_text}。")
    return "\n".join(out)
