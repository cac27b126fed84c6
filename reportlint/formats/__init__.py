"""Output formats: one Formatter class per module, registered by name.

A formatter is fed one FileResult at a time, as each file is finished, and writes
to its stream as it goes; ``finish`` gets the run's summary. So a run over
hundreds of reports shows findings early and holds one file's results at a time.
Formatters only read findings: they never open a report themselves (a format that
shows excerpts says so with ``needs_source`` and gets the Document on the result).
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, TextIO

from ..model import Applicability, FileResult, Finding, Severity


@dataclass
class Summary:
    """Counts over a whole run, added up file by file."""

    files: int = 0
    failed: int = 0
    findings: int = 0
    by_severity: Counter[Severity] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    fixable: int = 0  # findings with a safe fix

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.error:
            self.failed += 1
        for f in result.findings:
            self.findings += 1
            self.by_severity[f.severity] += 1
            self.by_category[f.category] += 1
            self.by_rule[f.rule] += 1
            self.fixable += bool(f.fix and f.fix.safe)


class Formatter:
    name: ClassVar[str] = ""
    needs_source: ClassVar[bool] = False  # give it the Document, to show the flagged text

    def __init__(self, out: TextIO, **options: Any):
        self.out = out
        self.options = options

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, result: FileResult) -> None:
        """Called once per file, in order, as soon as the file is done."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""


def relative_path(path: str) -> str:
    """A report's path as CI tools want it: relative to the current folder where it is inside it, with '/'."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:  # another drive (Windows)
            return path.replace(os.sep, "/")
        if not rel.startswith(".."):
            path = rel
    return path.replace(os.sep, "/")


def fix_note(f: Finding) -> str:
    """What the drafter may do about a finding, from its fix's title and applicability."""
    if f.fix is None or not f.fix.title:
        return ""
    if f.fix.applicability == Applicability.SAFE:
        return f"（可自动修正：{f.fix.title}）"
    if f.fix.applicability == Applicability.UNSAFE:
        return f"（建议：{f.fix.title}，请确认）"
    return f"（建议：{f.fix.title}）"


FORMATS: dict[str, type[Formatter]] = {}


def register(cls: type[Formatter]) -> type[Formatter]:
    FORMATS[cls.name] = cls
    return cls


def render(name: str, results: Iterable[FileResult], **options: Any) -> str:
    """A whole run in one string (the library's and the tests' shortcut)."""
    out = io.StringIO()
    formatter = FORMATS[name](out, **options)
    summary = Summary()
    formatter.start()
    for result in results:
        summary.add(result)
        formatter.file(result)
    formatter.finish(summary)
    return out.getvalue()


from . import github, json, line, rdjson, sarif, text  # noqa: E402,F401
