"""Plain data that flows from rules to fixers and formatters.

Findings carry document offsets; line/column are filled in once by the engine so
that formats never need the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"未知的严重级别“{name}”（应为 error、warning 或 info）") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class ReportlintError(Exception):
    """An error the user can act on; the CLI prints it on one line and exits 2."""


@dataclass(frozen=True)
class Fix:
    replacement: str
    safe: bool = True


@dataclass
class Finding:
    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    paragraph: int | None = None  # 1-based paragraph number, set for formats that have no lines (.docx)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    paragraph_positions: bool = False  # report 段N instead of lines (docx)
