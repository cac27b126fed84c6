"""SARIF 2.1.0, for code-review tools (GitHub code scanning, reviewdog)."""

from __future__ import annotations

import json
from typing import Any

from ..model import FileResult, Severity
from . import Formatter, Summary, register

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@register
class SarifFormatter(Formatter):
    name = "sarif"

    def start(self) -> None:
        self.rules: dict[str, dict[str, Any]] = {}
        self.results: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            self.rules.setdefault(f.rule, {"id": f.rule, "properties": {"category": f.category}})
            item: dict[str, Any] = {
                "ruleId": f.rule,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": result.path},
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
                item["properties"] = {
                    "replacement": f.fix.replacement,
                    "safe": f.fix.safe,
                    "fixTitle": f.fix.title,
                }
            self.results.append(item)

    def finish(self, summary: Summary) -> None:
        log = {
            "version": "2.1.0",
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "runs": [
                {
                    "tool": {"driver": {"name": "reportlint", "rules": list(self.rules.values())}},
                    "results": self.results,
                }
            ],
        }
        self.out.write(json.dumps(log, ensure_ascii=False, indent=1) + "\n")
