"""SARIF 2.1.0, for code-review tools (GitHub code scanning, reviewdog)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import FileResult, Severity
from . import register

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@register("sarif")
def render_sarif(results: Sequence[FileResult], options: dict) -> str:
    rules: dict[str, dict] = {}
    out = []
    for r in results:
        for f in r.findings:
            rules.setdefault(f.rule, {"id": f.rule, "properties": {"category": f.category}})
            item = {
                "ruleId": f.rule,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": r.path},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                            },
                        }
                    }
                ],
            }
            if f.fix:
                item["properties"] = {"replacement": f.fix.replacement, "safe": f.fix.safe}
            out.append(item)
    log = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{"tool": {"driver": {"name": "reportlint", "rules": list(rules.values())}}, "results": out}],
    }
    return json.dumps(log, ensure_ascii=False, indent=1)
