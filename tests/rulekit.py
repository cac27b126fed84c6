"""Helpers shared by the per-rule tests (``tests/test_rule_*.py``).

Each test file keeps its own ``CATEGORY``, ``RULE`` and texts and binds the helpers to them::

    lint = linter(CATEGORY)              # lint(text, **config) -> findings
    flagged = flagger(CATEGORY, RULE)    # flagged(text, **config) -> (line, column, text, fix…) rows
    code, findings = check_json(CATEGORY, report_file(tmp_path, text))
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from reportlint import Config, Finding, Severity, lint_text
from reportlint.cli import app

# --- the library ------------------------------------------------------------------------------


def col(line: str, mark: str, n: int = 1) -> int:
    """1-based column of the n-th occurrence of ``mark`` in ``line``."""
    i = -1
    for _ in range(n):
        i = line.index(mark, i + 1)
    return i + 1


def linter(category: str, rule: str | None = None, *, check_category: bool = False) -> Callable[..., list]:
    """``lint(text, **config)``: ``lint_text`` with only ``category`` selected (``**config`` goes to Config).

    With ``rule``, every finding is asserted to be ``(category, rule)``; with ``check_category``
    only its category is asserted; otherwise the findings come back unchecked.
    """

    def lint(text: str, **config: Any) -> list[Finding]:
        findings = lint_text(text, config=Config(select=[category], **config))
        if rule is not None:
            for f in findings:
                assert (f.category, f.rule) == (category, rule)
        elif check_category:
            for f in findings:
                assert f.category == category
        return findings

    return lint


def flagger(
    category: str, rule: str, *, severity: Severity | None = None
) -> Callable[..., list[tuple[int, int, str, str | None, bool | None]]]:
    """``flagged(text, **config)``: (line, column, flagged text, fix replacement, fix safe) of every finding.

    Asserts that each finding is ``(category, rule)`` (and of ``severity``, if given) and sits on one line.
    """

    def flagged(text: str, **config: Any) -> list[tuple[int, int, str, str | None, bool | None]]:
        lines = text.split("\n")
        out = []
        for f in lint_text(text, config=Config(select=[category], **config)):
            if severity is None:
                assert (f.category, f.rule) == (category, rule)
            else:
                assert (f.category, f.rule, f.severity) == (category, rule, severity)
            assert f.line == f.end_line
            fix = f.fix
            out.append(
                (
                    f.line,
                    f.column,
                    lines[f.line - 1][f.column - 1 : f.end_column - 1],
                    fix.replacement if fix else None,
                    fix.safe if fix else None,
                )
            )
        return out

    return flagged


def finder(lint: Callable[..., list[Finding]]) -> Callable[..., list[tuple[int, int, str]]]:
    """``found(text, **config)``: (line, column, reported text) of every finding ``lint`` returns."""

    def found(text: str, **config: Any) -> list[tuple[int, int, str]]:
        return [(f.line, f.column, text[f.start : f.end]) for f in lint(text, **config)]

    return found


def apply(text: str, finding: Finding) -> str:
    """``text`` with ``finding``'s fix applied."""
    return text[: finding.start] + finding.fix.replacement + text[finding.end :]


# --- the command line -------------------------------------------------------------------------


def report_file(tmp_path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``report.txt`` in ``tmp_path`` and return its path."""
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run_check(category: str, path: Path, *extra: str) -> Result:
    """Run ``check --format json --select category *extra path`` in-process; the CliRunner result."""
    return CliRunner().invoke(app, ["check", "--format", "json", "--select", category, *extra, str(path)])


def findings_of(result: Result) -> list[dict]:
    """The findings of the one file in a ``check --format json`` result."""
    return json.loads(result.stdout)["files"][0]["findings"]


def check_json(category: str, path: Path, *extra: str) -> tuple[int, list[dict]]:
    """(exit code, findings) of ``run_check(category, path, *extra)``."""
    result = run_check(category, path, *extra)
    return result.exit_code, findings_of(result)
