"""Run the selected rules over a Document and turn their hits into Findings.

The engine knows rules only as (kind, params, metadata) from the packs; it knows
no kind, reader or format by name.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path

import regex

from .config import Config
from .document import Document, merge_spans
from .kinds import Context, Hit
from .model import FileResult, Finding, Fix, ReportlintError
from .packs import Pack, Rule, builtin_pack_paths, load_pack
from .readers import read_path

_DISABLE = regex.compile(r"reportlint[-:]\s*disable(?:[=:]\s*([\w.\-]+(?:\s*,\s*[\w.\-]+)*))?")
_COMMENT_ONLY = regex.compile(r"\s*(?:<!--.*?-->|#.*|//.*)\s*", regex.S)


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _matches(rule: Rule, names: Iterable[str]) -> bool:
    keys = {rule.full_id, rule.id, rule.category, rule.pack}
    return any(n in keys for n in names)


class Linter:
    """Compiled rules for one run; reusable over many documents (keep no per-document state)."""

    def __init__(self, config: Config | None = None, *, extra_packs: Iterable[Path] = ()):
        self.config = config or Config()
        paths = builtin_pack_paths() if self.config.builtin else []
        paths = [*paths, *self.config.packs, *extra_packs]
        self.packs: list[Pack] = []
        seen: dict[str, Path] = {}
        for path in paths:
            pack = load_pack(path, self.config.rules)
            for rule in pack.rules:
                if rule.full_id in seen:
                    raise ReportlintError(
                        f"{path}：规则“{rule.id}”：规则编号“{rule.full_id}”已在 {seen[rule.full_id]} 中定义"
                    )
                seen[rule.full_id] = path
            self.packs.append(pack)
        self.all_rules: list[Rule] = [r for p in self.packs for r in p.rules]
        self._check_names()
        self.rules = [r for r in self.all_rules if self._active(r)]
        self._accept = self._accept_pattern(self.config.accept)

    def _check_names(self) -> None:
        known = {k for r in self.all_rules for k in (r.full_id, r.id, r.category, r.pack)}
        for key in ("select", "ignore", "enable"):
            for name in getattr(self.config, key):
                if name not in known:
                    raise ReportlintError(f"{key}：未知的规则或类别“{name}”（用 reportlint rules 查看）")
        for name in self.config.severity:
            if name not in known:
                raise ReportlintError(f"severity：未知的规则或类别“{name}”")
        ids = {k for r in self.all_rules for k in (r.full_id, r.id)}
        for name in self.config.rules:
            if name not in ids:
                raise ReportlintError(f"rules：未知的规则“{name}”（用 reportlint rules 查看）")

    def _active(self, rule: Rule) -> bool:
        c = self.config
        if c.select:
            on = _matches(rule, c.select)
        else:
            on = rule.enabled or _matches(rule, c.enable)
        return on and not _matches(rule, c.ignore)

    @staticmethod
    def _accept_pattern(words: list[str]) -> regex.Pattern[str] | None:
        if not words:
            return None
        return regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)))

    def severity_of(self, rule: Rule):
        sev = self.config.severity
        for key in (rule.full_id, rule.id, rule.category, rule.pack):
            if key in sev:
                return sev[key]
        return rule.severity

    def lint_document(self, doc: Document) -> list[Finding]:
        if self.config.year is not None:
            doc.year = self.config.year
        ctx = Context(year=doc.effective_year)
        blocked = self._blocked_spans(doc)
        suppressed = self._suppressions(doc)
        findings: list[Finding] = []
        seen: set[tuple[str, int, int]] = set()
        for rule in self.rules:
            sev = self.severity_of(rule)
            if sev < self.config.min_severity:
                continue
            for hit in self._run(rule, doc, ctx):
                key = (rule.full_id, hit.start, hit.end)
                if key in seen or _overlaps(blocked, hit.start, hit.end):
                    continue
                if _suppressed(suppressed, doc, hit.start, rule):
                    continue
                # A secondary kind (the statistical typo and name checks) only adds what the
                # earlier rules of its category missed: one problem, one finding.
                if getattr(rule.kind, "secondary", False) and any(
                    f.category == rule.category and f.start < hit.end and hit.start < f.end for f in findings
                ):
                    continue
                seen.add(key)
                findings.append(self._finding(rule, sev, hit, doc))
        findings.sort(key=Finding.sort_key)
        for f in findings:
            f.line, f.column = doc.position(f.start)
            f.end_line, f.end_column = doc.position(f.end)
            para = doc.paragraph_at(f.start)
            f.paragraph = para.index + 1 if para else None
        return findings

    @staticmethod
    def _run(rule: Rule, doc: Document, ctx: Context) -> list[Hit]:
        try:
            return list(rule.kind.check(doc, ctx))
        except Exception as exc:  # a bug in one rule must not hide the other findings or print a traceback
            raise ReportlintError(
                f"{doc.path}：规则“{rule.full_id}”内部错误（{type(exc).__name__}: {exc}），请报告此问题"
            ) from exc

    def _finding(self, rule: Rule, sev, hit: Hit, doc: Document) -> Finding:
        values = _Defaults(hit.vars)
        values.setdefault("match", doc.text[hit.start : hit.end])
        if hit.replacement is not None:
            values.setdefault("replacement", hit.replacement)
        message = rule.message.format_map(values)
        fix = None
        if hit.replacement is not None and rule.fix != "none":
            safe = rule.fix == "safe" if hit.safe is None else (hit.safe and rule.fix == "safe")
            fix = Fix(hit.replacement, safe=safe)
        return Finding(rule.full_id, rule.category, sev, message, hit.start, hit.end, fix)

    def _blocked_spans(self, doc: Document) -> list[tuple[int, int]]:
        spans = list(doc.protected)
        if "reportlint" in doc.text:  # the directives themselves are not report text
            spans.extend((m.start(), m.end()) for m in _DISABLE.finditer(doc.text))
        if self._accept is not None:
            spans.extend((m.start(), m.end()) for m in self._accept.finditer(doc.text))
        return merge_spans(spans)

    @staticmethod
    def _suppressions(doc: Document) -> dict[int, set[str] | None]:
        """``reportlint-disable[=rule,…]`` silences its paragraph, or the next one when it stands alone."""
        out: dict[int, set[str] | None] = {}
        if "reportlint" not in doc.text:
            return out
        starts = [p.start for p in doc.paragraphs]
        for m in _DISABLE.finditer(doc.text):
            para = doc.paragraph_at(m.start())
            if para is None or _COMMENT_ONLY.fullmatch(para.text):
                i = bisect.bisect_right(starts, m.end())
                if i >= len(doc.paragraphs):
                    continue
                para = doc.paragraphs[i]
            # "x-mark-->" : a closing comment marker is not part of the last name.
            names = {n.strip().rstrip("-") for n in m.group(1).split(",")} if m.group(1) else None
            out[para.index] = names
        return out

    def lint_text(self, text: str, path: str = "<text>", *, markdown: bool = False) -> list[Finding]:
        from .readers.md import markdown_document
        from .readers.txt import text_document

        doc = markdown_document(text, path) if markdown else text_document(text, path)
        return self.lint_document(doc)

    def lint_path(self, path: Path) -> FileResult:
        try:
            doc = read_path(path)
        except ReportlintError as exc:
            return FileResult(str(path), error=str(exc))
        return FileResult(str(path), self.lint_document(doc), paragraph_positions=doc.source_format == "docx")


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Spans are sorted and disjoint: only the last one starting before ``end`` can overlap."""
    i = bisect.bisect_left(spans, (max(end, start + 1), -1)) - 1
    return i >= 0 and spans[i][1] > start


def _suppressed(table: dict[int, set[str] | None], doc: Document, offset: int, rule: Rule) -> bool:
    if not table:
        return False
    para = doc.paragraph_at(offset)
    if para is None or para.index not in table:
        return False
    names = table[para.index]
    return names is None or _matches(rule, names)
