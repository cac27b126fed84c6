"""reportlint: a quality-control linter for Chinese official work reports.

Library use::

    from reportlint import lint_text, lint_path
    for f in lint_text("共召开常委会会议x次。"):
        print(f.line, f.column, f.category, f.message)
"""

from __future__ import annotations

from pathlib import Path

from .config import Config, load_config
from .engine import Linter
from .model import FileResult, Finding, Fix, ReportlintError, Severity

__all__ = [
    "Config",
    "FileResult",
    "Finding",
    "Fix",
    "Linter",
    "ReportlintError",
    "Severity",
    "lint_path",
    "lint_text",
    "load_config",
]
__version__ = "0.1.0"


def lint_text(text: str, *, config: Config | None = None, markdown: bool = False) -> list[Finding]:
    """Lint a string as a plain-text (or Markdown) report and return its findings."""
    return Linter(config).lint_text(text, markdown=markdown)


def lint_path(path: str | Path, *, config: Config | None = None) -> FileResult:
    """Lint one file (.txt, .md, .docx); errors come back in ``FileResult.error``."""
    return Linter(config).lint_path(Path(path))
