"""reviewdog's Diagnostic Format (rdjson): ``reportlint check -f rdjson | reviewdog -f=rdjson -reporter=…``.

Positions follow reviewdog's definition: lines 1-based, columns 1-based counts of UTF-8
bytes (so a column after three Chinese characters is 10, not 4). Fixes become
``suggestions`` (reviewdog turns them into suggested changes on GitHub), and the other
places a finding is about (the first copy of a duplicate, the usual form of a name)
become ``related_locations``. Written as one JSON object, diagnostics added file by file.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Applicability, FileResult, Finding, Related, Severity
from . import Formatter, Summary, fix_note, register, relative_path

_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def byte_column(result: FileResult, line: int, column: int) -> int:
    """The 1-based UTF-8 byte column of a 1-based code-point column (unchanged without the source)."""
    text = result.line_text(line)
    if text is None:
        return column
    return len(text[: column - 1].encode("utf-8")) + 1


def byte_range(result: FileResult, place: Finding | Related) -> dict[str, Any]:
    return {
        "start": {"line": place.line, "column": byte_column(result, place.line, place.column)},
        "end": {"line": place.end_line, "column": byte_column(result, place.end_line, place.end_column)},
    }


@register
class RdjsonFormatter(Formatter):
    name = "rdjson"
    needs_source = True

    def start(self) -> None:
        self.out.write('{"source": {"name": "reportlint"}, "diagnostics": [')
        self.first = True

    def file(self, result: FileResult) -> None:
        path = relative_path(result.path)
        for f in result.findings:
            location = {"path": path, "range": byte_range(result, f)}
            diagnostic: dict[str, Any] = {
                "message": f.message + fix_note(f),
                "location": location,
                "severity": _SEVERITY[f.severity],
                "source": {"name": "reportlint"},
                "code": {"value": f.rule},
            }
            if f.fix is not None and f.fix.applicability >= Applicability.UNSAFE:
                diagnostic["suggestions"] = [{"range": location["range"], "text": f.fix.replacement}]
            if f.related:
                diagnostic["related_locations"] = [
                    {"message": "相关位置", "location": {"path": path, "range": byte_range(result, r)}}
                    for r in f.related
                ]
            self.out.write("\n" if self.first else ",\n")
            self.out.write(json.dumps(diagnostic, ensure_ascii=False))
            self.first = False

    def finish(self, summary: Summary) -> None:
        self.out.write("\n]}\n")
