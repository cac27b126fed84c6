"""One line per finding with its end: ``path:line:col:end_line:end_col: severity category [rule] message``.

For tools that read lines with a pattern: Vim's and efm-langserver's errorformat
(``%f:%l:%c:%e:%k: %t%*[a-z] %m``), GitHub problem matchers, grep. Columns count
characters (code points), 1-based, the end exclusive; in a ``.docx`` each paragraph is a line. Nothing else is printed; errors go to stderr as always.
"""

from __future__ import annotations

from ..model import FileResult
from . import Formatter, fix_note, register


def one_line(s: str) -> str:
    return " ".join(s.split("\n")).replace("\r", "")


@register
class LineFormatter(Formatter):
    name = "line"

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(
                f"{result.path}:{f.line}:{f.column}:{f.end_line}:{f.end_column}: {f.severity.label} {f.category} [{f.rule}] "
                f"{one_line(f.message + fix_note(f))}\n"
            )
