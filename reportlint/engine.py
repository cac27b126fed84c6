"""Run the selected rules over a Document and turn their hits into Findings.

The engine knows rules only as (kind, params, metadata) from the packs; it knows
no kind, reader or format by name. It runs the analysis step once per document,
hands paragraph-scope kinds one paragraph at a time (all paragraphs, or only body
text where the rule says ``scope: body``), and isolates faults: an exception in one
rule becomes one ``internal-error`` finding, and every other rule still reports.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable
from pathlib import Path

import regex

from .analysis import Analysis
from .config import Config
from .document import Document, merge_spans
from .kinds import Context, Hit
from .model import Applicability, FileResult, Finding, Fix, Related, ReportlintError, Severity
from .packs import Pack, PackError, Rule, builtin_pack_paths, load_pack
from .readers import read_path, reader_named

INTERNAL_ERROR = "internal-error"

_DISABLE = regex.compile(r"reportlint[-:]\s*disable(?:[=:]\s*([\w.\-]+(?:\s*,\s*[\w.\-]+)*))?")
_COMMENT_ONLY = regex.compile(r"\s*(?:<!--.*?-->|#.*|//.*)\s*", regex.S)


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _matches(rule: Rule, names: Iterable[str]) -> bool:
    keys = {rule.full_id, rule.id, rule.category, rule.pack}
    return any(n in keys for n in names)


class Linter:
    """Compiled rules for one run; reusable over many documents (keeps no per-document state).

    Only the rules a run uses are built; parsed packs are cached across Linters.
    With ``profile=True`` the CPU time of each rule is added up in ``rule_times``.
    """

    def __init__(
        self, config: Config | None = None, *, extra_packs: Iterable[Path] = (), profile: bool = False
    ):
        self.config = config or Config()
        self.extra_packs = [Path(p) for p in extra_packs]  # kept so that worker processes can rebuild it
        paths = builtin_pack_paths() if self.config.builtin else []
        paths = [*paths, *self.config.packs, *self.extra_packs]
        self.packs: list[Pack] = []
        seen: dict[str, Path] = {}
        for path in paths:
            pack = load_pack(path)
            for rule in pack.rules:
                if rule.full_id in seen:
                    raise PackError(
                        f"{path}：规则“{rule.id}”：规则编号“{rule.full_id}”已在 {seen[rule.full_id]} 中定义"
                    )
                seen[rule.full_id] = path
            self.packs.append(pack)
        rules = [r for p in self.packs for r in p.rules]
        self._check_names(rules)
        self.all_rules: list[Rule] = [self._override(r) for r in rules]
        self.rules = [r for r in self.all_rules if self._active(r)]
        for rule in self.rules:
            rule.kind  # noqa: B018 - build the active rules now: a bad parameter fails before any file is read
        # Statistical guesses run after every precise rule, so they see what those already reported.
        self.rules.sort(key=lambda r: r.kind.secondary)
        self._accept = self._accept_pattern(self.config.accept)
        self.rule_times: dict[str, float] | None = {} if profile else None

    def _where(self) -> str:
        return str(self.config.source) if self.config.source else "配置"

    def _check_names(self, rules: list[Rule]) -> None:
        known = {k for r in rules for k in (r.full_id, r.id, r.category, r.pack)}
        # select/ignore may come from the command line as well as from the config file
        seen_in = f"（见 {self.config.source} 或命令行）" if self.config.source else ""
        for key in ("select", "ignore", "enable"):
            for name in getattr(self.config, key):
                if name not in known:
                    raise ReportlintError(
                        f"{key}：未知的规则或类别“{name}”{seen_in}（用 reportlint rules 查看）"
                    )
        where = self._where()
        for name in self.config.severity:
            if name not in known:
                raise ReportlintError(f"{where}：severity：未知的规则或类别“{name}”")
        ids = {k for r in rules for k in (r.full_id, r.id)}
        for name in self.config.rules:
            if name not in ids:
                raise ReportlintError(f"{where}：rules：未知的规则“{name}”（用 reportlint rules 查看）")

    def _override(self, rule: Rule) -> Rule:
        overrides = self.config.rules.get(rule.full_id) or self.config.rules.get(rule.id)
        return rule.with_overrides(overrides, self._where()) if overrides else rule

    def _active(self, rule: Rule) -> bool:
        c = self.config
        if c.select:
            # Selecting a pack or a category runs its rules that are on by default; naming a rule
            # that is off by default (or listing it under ``enable``) turns it on.
            on = _matches(rule, c.select) and (
                rule.enabled or bool({rule.full_id, rule.id} & set(c.select)) or _matches(rule, c.enable)
            )
        else:
            on = rule.enabled or _matches(rule, c.enable)
        return on and not _matches(rule, c.ignore)

    @staticmethod
    def _accept_pattern(words: list[str]) -> regex.Pattern[str] | None:
        if not words:
            return None
        return regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)))

    def severity_of(self, rule: Rule, case: str | None = None) -> Severity:
        """The configured severity, else the rule's for this case, else the rule's."""
        sev = self.config.severity
        for key in (rule.full_id, rule.id, rule.category, rule.pack):
            if key in sev:
                return sev[key]
        if case is not None:
            return rule.severities.get(case, rule.severity)
        return rule.severity

    def _highest_severity(self, rule: Rule) -> Severity:
        return max([self.severity_of(rule), *(self.severity_of(rule, c) for c in rule.severities)])

    # ------------------------------------------------------------------------------------ linting

    def lint_document(self, doc: Document) -> list[Finding]:
        analysis = Analysis(doc, year=self.config.year)
        blocked = self._blocked_spans(doc, analysis)
        suppressed = self._suppressions(doc)
        findings: list[Finding] = []
        seen: set[tuple[str, int, int]] = set()
        for rule in self.rules:
            if self._highest_severity(rule) < self.config.min_severity:
                continue
            try:
                hits = self._run(rule, doc, analysis)
            except (
                Exception
            ) as exc:  # a bug in one rule must not hide the other findings or print a traceback
                findings.append(_internal_error(rule, exc))
                continue
            for hit in hits:
                sev = self.severity_of(rule, hit.case)
                if sev < self.config.min_severity:
                    continue
                key = (rule.full_id, hit.start, hit.end)
                if key in seen or _overlaps(blocked, hit.start, hit.end):
                    continue
                if _suppressed(suppressed, doc, hit.start, rule):
                    continue
                # A secondary kind (the statistical typo and name checks) only adds what the
                # earlier rules missed: one problem, one finding, and the precise message wins.
                if rule.kind.secondary and any(f.start < hit.end and hit.start < f.end for f in findings):
                    continue
                seen.add(key)
                findings.append(self._finding(rule, sev, hit, doc))
        findings.sort(key=Finding.sort_key)
        for f in findings:
            f.line, f.column = doc.position(f.start)
            f.end_line, f.end_column = doc.position(f.end)
            f.paragraph = _paragraph_number(doc, f.start)
            for r in f.related:
                r.line, r.column = doc.position(r.start)
                r.end_line, r.end_column = doc.position(r.end)
                r.paragraph = _paragraph_number(doc, r.start)
        return findings

    def _run(self, rule: Rule, doc: Document, analysis: Analysis) -> list[Hit]:
        kind = rule.kind
        ctx = Context(doc, analysis)
        started = time.process_time() if self.rule_times is not None else 0.0
        if kind.scope == "document":
            kind.check(doc, ctx)
        else:
            for para in analysis.body if rule.scope == "body" else analysis.text:
                kind.check(para, ctx)
        if self.rule_times is not None:
            self.rule_times[rule.full_id] = (
                self.rule_times.get(rule.full_id, 0.0) + time.process_time() - started
            )
        return ctx.hits

    @staticmethod
    def _finding(rule: Rule, sev: Severity, hit: Hit, doc: Document) -> Finding:
        match = doc.text[hit.start : hit.end]
        values = _Defaults(hit.vars)
        values.setdefault("match", match)
        fix = None
        if hit.replacement is not None:
            values.setdefault("replacement", hit.replacement)
            cap = rule.fix_cap
            if cap is not None:
                title = hit.fix_title or rule.kind.fix_title(match, hit.replacement)
                fix = Fix(hit.replacement, Applicability(min(cap, hit.applicability)), title)
        message = rule.messages[hit.case].format_map(values)
        related = [Related(s, e) for s, e in hit.related]
        return Finding(rule.full_id, rule.category, sev, message, hit.start, hit.end, fix, related=related)

    def _blocked_spans(self, doc: Document, analysis: Analysis) -> list[tuple[int, int]]:
        spans = [*doc.protected, *analysis.noise]  # nothing is reported in web-page furniture
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
        """Lint a string as a plain-text (or Markdown) report."""
        reader = reader_named("md" if markdown else "txt")
        return self.lint_document(reader.parse(text, path))  # type: ignore[attr-defined]

    def lint_path(self, path: str | Path, *, keep_source: bool = False) -> FileResult:
        """Lint one file; a file that cannot be read comes back with ``error`` set.

        ``keep_source``: keep the Document on the result, for formats that show excerpts.
        """
        path = Path(path)
        try:
            doc = read_path(path)
        except ReportlintError as exc:
            return FileResult(str(path), error=str(exc))
        return FileResult(
            str(path), self.lint_document(doc), positions=doc.positions, source=doc if keep_source else None
        )


def _internal_error(rule: Rule, exc: Exception) -> Finding:
    detail = str(exc).splitlines()[0][:120] if str(exc) else ""
    message = f"规则“{rule.full_id}”内部错误（{type(exc).__name__}: {detail}），其他规则的结果不受影响；请报告此问题"
    return Finding(rule.full_id, INTERNAL_ERROR, Severity.ERROR, message, 0, 0)


def _paragraph_number(doc: Document, offset: int) -> int | None:
    para = doc.paragraph_at(offset)
    return para.index + 1 if para else None


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
