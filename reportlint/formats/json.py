"""The JSON contract (version 1) that editors and score_gold.py read.

Written file by file: the document stays one valid JSON object, but its ``files``
entries appear as each file is done, one per line.
"""

from __future__ import annotations

import json

from ..model import FileResult, Finding, Severity
from . import Formatter, Summary, register


def finding_dict(f: Finding, with_paragraph: bool) -> dict:
    out: dict = {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.label,
        "message": f.message,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "fix": {"replacement": f.fix.replacement} if f.fix else None,
    }
    if with_paragraph:
        out["paragraph"] = f.paragraph
    return out


def file_dict(r: FileResult) -> dict:
    entry: dict = {"path": r.path, "findings": [finding_dict(f, r.paragraph_positions) for f in r.findings]}
    if r.error:
        entry["error"] = r.error
    return entry


def summary_dict(summary: Summary) -> dict:
    counts = {
        s.label: summary.by_severity.get(s, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    }
    return {"files": summary.files, "findings": summary.findings, **counts}


def dumps(data: object, pretty: bool = False) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1 if pretty else None)


@register
class JsonFormatter(Formatter):
    name = "json"

    def start(self) -> None:
        self.out.write('{"version": 1, "files": [')
        self.first = True

    def file(self, result: FileResult) -> None:
        self.out.write("\n" if self.first else ",\n")
        self.out.write(dumps(file_dict(result), self.options.get("pretty", False)))
        self.first = False

    def finish(self, summary: Summary) -> None:
        self.out.write(f'\n], "summary": {dumps(summary_dict(summary))}}}\n')
