"""Human output: ``path:line:col: severity category [rule] message``, the line with the span marked."""

from __future__ import annotations

import unicodedata
from collections import Counter

from ..model import FileResult, Finding, Severity
from . import Formatter, Summary, fix_note, register

INDENT = "    "
ELLIPSIS = "…"
_COLOR = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def cells(s: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two, combining marks none."""
    n = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


def _head(s: str, budget: int) -> str:
    """The longest start of ``s`` that fits in ``budget`` cells."""
    used = 0
    for i, ch in enumerate(s):
        used += cells(ch)
        if used > budget:
            return s[:i]
    return s


def _tail(s: str, budget: int) -> str:
    """The longest end of ``s`` that fits in ``budget`` cells."""
    return _head(s[::-1], budget)[::-1]


def _printable(s: str) -> str:
    """Tabs and other control characters shown as one space each, so that cells can be counted."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in s)


def excerpt(line: str, f: Finding, width: int = 80) -> tuple[str, str]:
    """The line around the span, fitted to ``width`` cells after the indent, and the marker line under it.

    A span too long to show whole (a duplicated paragraph) is shown as its head and tail with
    ``…`` between them; the context on either side is cut with ``…`` where it does not fit.
    """
    line = _printable(line)
    budget = max(16, width - len(INDENT) - 1)  # one spare cell: a full last column wraps in some terminals
    start = min(f.column - 1, len(line))
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = min(max(end, start), len(line))
    left, span, right = line[:start], line[start:end], line[end:]
    if not span:  # an insertion point: the caret stands on the next character, or after the line
        span, right = (right[0], right[1:]) if right else (" ", "")
    if cells(span) > budget * 2 // 3:
        half = (budget * 2 // 3 - 1) // 2
        span = _head(span, half) + ELLIPSIS + _tail(span, half)
    rest = max(0, budget - cells(span))
    left_room = min(cells(left), max(rest // 2, rest - cells(right)))
    right_room = rest - left_room
    if cells(left) > left_room:
        left = ELLIPSIS + _tail(left, left_room - 1) if left_room > 0 else ""
    if cells(right) > right_room:
        right = _head(right, right_room - 1) + ELLIPSIS if right_room > 0 else ""
    return left + span + right, " " * cells(left) + "^" * max(1, cells(span))


def position(r: FileResult, f: Finding) -> str:
    if r.paragraph_positions and f.paragraph is not None:
        return f"{r.path}:段{f.paragraph}:{f.column}"
    return f"{r.path}:{f.line}:{f.column}"


@register
class TextFormatter(Formatter):
    """Options: ``color`` (ANSI colours by severity), ``width`` (terminal cells), ``quiet`` (no summary)."""

    name = "text"
    needs_source = True

    def _paint(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.options.get("color") else text

    def file(self, result: FileResult) -> None:
        if result.error:
            return
        width = self.options.get("width") or 80
        for f in result.findings:
            colour = _COLOR[f.severity]
            self.out.write(
                f"{self._paint(_BOLD, position(result, f))}: {self._paint(colour, f.severity.label)} "
                f"{f.category} {self._paint(_DIM, f'[{f.rule}]')} {f.message}{fix_note(f)}\n"
            )
            line = result.line_text(f.line)
            if line:
                shown, mark = excerpt(line, f, width)
                self.out.write(f"{INDENT}{shown}\n{INDENT}{self._paint(colour, mark)}\n")

    def finish(self, summary: Summary) -> None:
        if self.options.get("quiet"):
            return
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


@register
class StatisticsFormatter(Formatter):
    """``check --statistics``: how many findings each rule made, most first; no findings listed."""

    name = "statistics"

    def start(self) -> None:
        self.category: dict[str, str] = {}
        self.fixable: Counter[str] = Counter()

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            self.category[f.rule] = f.category
            self.fixable[f.rule] += bool(f.fix and f.fix.safe)

    def finish(self, summary: Summary) -> None:
        rows = sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        rule_w = max((len(r) for r, _ in rows), default=0)
        for rule, n in rows:
            fixable = f"  可自动修正 {self.fixable[rule]}" if self.fixable[rule] else ""
            self.out.write(f"{n:>6}  {rule:<{rule_w}}  {self.category[rule]}{fixable}\n")
        failed = f"（其中 {summary.failed} 个无法检查）" if summary.failed else ""
        self.out.write(f"共 {summary.files} 个文件{failed}，{summary.findings} 处问题。\n")
