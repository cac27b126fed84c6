"""SARIF 2.1.0, for code-review tools (GitHub code scanning, Azure DevOps, reviewdog -f=sarif, VS Code's viewer).

What consumers rely on, and how it is met here:

- ``artifactLocation.uri`` is a URI reference, so paths are percent-encoded (``报告.txt`` becomes
  ``%E6%8A%A5%E5%91%8A.txt``): relative to ``%SRCROOT%`` (the current folder, in
  ``originalUriBaseIds``) when the file is under it, else an absolute ``file://`` URI.
- ``columnKind`` is ``unicodeCodePoints``: columns count characters, as everywhere in reportlint.
- Each rule has ``shortDescription`` (its doc's summary), ``fullDescription`` (why) and ``help``
  (summary, why, wrong and right examples, source) from its pack; results point to it by ``ruleIndex``.
- Fixes are ``result.fixes[]`` with ``artifactChanges`` (safe and unsafe ones; the
  ``applicability`` property says which), the other places a finding is about are
  ``relatedLocations``, and ``partialFingerprints`` identify a finding by its rule and the
  whitespace-free text around its span (not its line), so that it is still the same finding
  after lines are added above it.
- A ``.docx`` has no lines, and SARIF's text regions do not apply to a binary file: its results
  name the file, give the paragraph as a logical location (``第N段``) and in ``properties``,
  and carry no fixes (Word reports are fixed with ``reportlint annotate --fix``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..model import Applicability, FileResult, Finding, Related, Severity
from . import Formatter, Summary, register, relative_path

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "reportlint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_CONTEXT = 16  # characters of text on each side of a span that identify a finding


def artifact_location(path: str) -> dict[str, str]:
    """A percent-encoded URI reference for a report's path."""
    rel = relative_path(path)
    if os.path.isabs(rel):
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}


def fingerprint(result: FileResult, f: Finding) -> str:
    """The rule and the whitespace-free text around the span: stable when lines move."""
    doc = result.source
    if doc is not None:
        text = doc.text
        parts = (
            text[max(0, f.start - _CONTEXT) : f.start],
            text[f.start : f.end],
            text[f.end : f.end + _CONTEXT],
        )
        key = "\x1f".join("".join(p.split()) for p in parts)
    else:  # no source kept (check --fix): the message is the best there is
        key = f.message
    return hashlib.sha256(f"{f.rule}\x00{key}".encode()).hexdigest()[:32]


def _region(place: Finding | Related) -> dict[str, int]:
    return {
        "startLine": place.line,
        "startColumn": place.column,
        "endLine": place.end_line,
        "endColumn": place.end_column,
    }


def _text(s: str) -> dict[str, str]:
    return {"text": s}


def rule_descriptor(rule_id: str, category: str, rule: Any) -> dict[str, Any]:
    """``reportingDescriptor`` of a rule, from its pack's ``doc`` when the rule is known."""
    descriptor: dict[str, Any] = {"id": rule_id, "name": rule_id.rsplit(".", 1)[-1]}
    tags = [category]
    if rule is not None:
        doc = rule.doc
        summary = doc.get("summary", "")
        descriptor["shortDescription"] = _text(summary)
        descriptor["fullDescription"] = _text(doc.get("why") or summary)
        lines = [summary]
        if doc.get("why"):
            lines.append(doc["why"])
        for key, label in (("wrong", "错误示例"), ("right", "正确示例"), ("fixed", "修正后")):
            if doc.get(key):
                lines.append(f"{label}：{doc[key]}")
        if doc.get("source"):
            lines.append(f"依据：{doc['source']}")
        markdown = "\n\n".join([lines[0], *(f"- {line}" for line in lines[1:])])
        descriptor["help"] = {"text": "\n".join(lines), "markdown": markdown}
        descriptor["defaultConfiguration"] = {"level": _LEVEL[rule.severity], "enabled": bool(rule.enabled)}
        tags.append(rule.pack)
        descriptor["properties"] = {"category": category, "pack": rule.pack, "fix": rule.fix, "tags": tags}
    else:
        descriptor["shortDescription"] = _text(category)
        descriptor["properties"] = {"category": category, "tags": tags}
    return descriptor


@register
class SarifFormatter(Formatter):
    """Options: ``rules`` — ``{rule id: Rule}`` of the run, for the rules' descriptions."""

    name = "sarif"
    needs_source = True

    def start(self) -> None:
        self.descriptors: dict[str, dict[str, Any]] = {}
        self.index: dict[str, int] = {}
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def _rule_index(self, f: Finding) -> int:
        if f.rule not in self.index:
            rules = self.options.get("rules") or {}
            self.index[f.rule] = len(self.descriptors)
            self.descriptors[f.rule] = rule_descriptor(f.rule, f.category, rules.get(f.rule))
        return self.index[f.rule]

    def file(self, result: FileResult) -> None:
        artifact = artifact_location(result.path)
        if result.error:
            self.notifications.append(
                {
                    "level": "error",
                    "message": _text(result.error),
                    "locations": [{"physicalLocation": {"artifactLocation": artifact}}],
                }
            )
            return
        seen: Counter[str] = Counter()
        for f in result.findings:
            self.results.append(self._result(result, f, artifact, seen))

    def _location(
        self, result: FileResult, place: Finding | Related, artifact: dict[str, str]
    ) -> dict[str, Any]:
        if result.paragraph_positions:
            where = f"第{place.paragraph}段" if place.paragraph is not None else ""
            location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact}}
            if where:
                location["logicalLocations"] = [
                    {"name": where, "fullyQualifiedName": f"{where}第{place.column}字", "kind": "paragraph"}
                ]
                location["properties"] = {"paragraph": place.paragraph, "column": place.column}
            return location
        return {"physicalLocation": {"artifactLocation": artifact, "region": _region(place)}}

    def _result(
        self, result: FileResult, f: Finding, artifact: dict[str, str], seen: Counter[str]
    ) -> dict[str, Any]:
        message = f.message
        if result.paragraph_positions and f.paragraph is not None:
            message = f"第{f.paragraph}段：{message}"
        item: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": self._rule_index(f),
            "level": _LEVEL[f.severity],
            "message": _text(message),
            "locations": [self._location(result, f, artifact)],
        }
        print_ = fingerprint(result, f)
        seen[print_] += 1
        item["partialFingerprints"] = {FINGERPRINT: f"{print_}:{seen[print_]}"}
        if f.related:
            related = []
            for i, r in enumerate(f.related, 1):
                loc = self._location(result, r, artifact)
                where = f"第{r.paragraph}段" if result.paragraph_positions else f"第{r.line}行"
                related.append({"id": i, **loc, "message": _text(f"相关位置：{where}")})
            item["relatedLocations"] = related
        properties: dict[str, Any] = {"category": f.category}
        if f.fix is not None:
            properties["fixApplicability"] = f.fix.applicability.label
            if f.fix.title:
                properties["fixTitle"] = f.fix.title
            if f.fix.applicability >= Applicability.UNSAFE and not result.paragraph_positions:
                item["fixes"] = [
                    {
                        "description": _text(f.fix.title or "修正"),
                        "artifactChanges": [
                            {
                                "artifactLocation": artifact,
                                "replacements": [
                                    {"deletedRegion": _region(f), "insertedContent": _text(f.fix.replacement)}
                                ],
                            }
                        ],
                        "properties": {"applicability": f.fix.applicability.label},
                    }
                ]
        item["properties"] = properties
        return item

    def finish(self, summary: Summary) -> None:
        invocation: dict[str, Any] = {"executionSuccessful": not summary.failed}
        if self.notifications:
            invocation["toolExecutionNotifications"] = self.notifications
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "reportlint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": list(self.descriptors.values()),
                        }
                    },
                    "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "invocations": [invocation],
                    "results": self.results,
                }
            ],
        }
        self.out.write(json.dumps(log, ensure_ascii=False, indent=1) + "\n")
