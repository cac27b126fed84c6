"""Plain data that flows from rules to fixers and formatters.

Findings carry document offsets; line/column are filled in once by the engine so
that formats never need the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[str(name).upper()]
        except KeyError:
            raise ValueError(f"未知的严重级别“{name}”（应为 error、warning 或 info）") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Applicability(IntEnum):
    """How far a fix may be trusted (ruff's Applicability): the lower of the rule's cap and the hit's."""

    DISPLAY_ONLY = 0  # shown as a suggestion, never applied
    UNSAFE = 1  # applied with --unsafe-fixes
    SAFE = 2  # applied by ``reportlint fix``

    @classmethod
    def parse(cls, name: str) -> Applicability:
        try:
            return cls[str(name).upper().replace("-", "_")]
        except KeyError:
            raise ValueError(f"未知的修正级别“{name}”（应为 safe、unsafe 或 display-only）") from None

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")


class ReportlintError(Exception):
    """An error the user can act on; the CLI prints it on one line and exits 2."""


@dataclass(frozen=True)
class Fix:
    replacement: str
    applicability: Applicability = Applicability.SAFE
    title: str = ""  # a short Chinese description of the edit: 改为“、”, 与下一段合并

    @property
    def safe(self) -> bool:
        return self.applicability == Applicability.SAFE

    @property
    def applicable(self) -> bool:
        """May ``fix`` apply it at all (with --unsafe-fixes)?"""
        return self.applicability >= Applicability.UNSAFE


@dataclass
class Related:
    """Another place a finding is about: the first copy of a duplicate, the majority form of a name."""

    start: int
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    paragraph: int | None = None


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
    paragraph: int | None = None  # 1-based paragraph number (used where positions are paragraphs: .docx)
    related: list[Related] = field(default_factory=list)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    positions: str = "lines"  # "lines", or "paragraphs" where a format has no lines (.docx)
    # What the text format needs to show excerpts (kept only when a format asks for it).
    source: Any = None  # a Document, or None

    @property
    def paragraph_positions(self) -> bool:
        return self.positions == "paragraphs"

    def line_text(self, line: int) -> str | None:
        """The text of a 1-based line, if the source was kept (a .docx paragraph is one line)."""
        if self.source is None or not 0 < line <= len(self.source.line_starts):
            return None
        return self.source.line_text(line)
