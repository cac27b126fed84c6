"""reportlint: a quality-control linter for Chinese official work reports.

Library use::

    from reportlint import lint_text, lint_path
    for f in lint_text("共召开常委会会议x次。"):
        print(f.line, f.column, f.category, f.message)
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from .config import Config, load_config
    from .engine import Linter
    from .model import Applicability, FileResult, Finding, Fix, Related, ReportlintError, Severity

__all__ = [
    "Applicability",
    "Config",
    "FileResult",
    "Finding",
    "Fix",
    "Linter",
    "Related",
    "ReportlintError",
    "Severity",
    "lint_path",
    "lint_text",
    "load_config",
]

# The public names are imported on first use, so that ``reportlint --version`` and the
# language server's start do not pay for the rule engine before they need it.
_LAZY = {
    "Config": "config",
    "load_config": "config",
    "Linter": "engine",
    **dict.fromkeys(
        ("Applicability", "FileResult", "Finding", "Fix", "Related", "ReportlintError", "Severity"), "model"
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


_default: Linter | None = None


def _linter(config: Config | None) -> Linter:
    """The default Linter is built once and reused; a given config gets its own (packs stay cached)."""
    global _default
    from .engine import Linter

    if config is not None:
        return Linter(config)
    if _default is None:
        _default = Linter()
    return _default


def lint_text(text: str, *, config: Config | None = None, markdown: bool = False) -> list[Finding]:
    """Lint a string as a plain-text (or Markdown) report and return its findings."""
    return _linter(config).lint_text(text, markdown=markdown)


def lint_path(path: str | Path, *, config: Config | None = None) -> FileResult:
    """Lint one file (.txt, .md, .docx); errors come back in ``FileResult.error``."""
    return _linter(config).lint_path(Path(path))
