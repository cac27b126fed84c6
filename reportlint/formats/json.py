"""The JSON contract (version 1) that editors and score_gold.py read."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import FileResult, Finding, Severity
from . import register


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


def summary(results: Sequence[FileResult]) -> dict:
    counts = {s.label: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    total = 0
    for r in results:
        for f in r.findings:
            counts[f.severity.label] += 1
            total += 1
    return {"files": len(results), "findings": total, **counts}


@register("json")
def render_json(results: Sequence[FileResult], options: dict) -> str:
    files = []
    for r in results:
        entry: dict = {
            "path": r.path,
            "findings": [finding_dict(f, r.paragraph_positions) for f in r.findings],
        }
        if r.error:
            entry["error"] = r.error
        files.append(entry)
    return json.dumps(
        {"version": 1, "files": files, "summary": summary(results)}, ensure_ascii=False, indent=1
    )
