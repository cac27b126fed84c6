"""``reportlint server``: a Language Server (LSP over stdio) that lints reports as the drafter types.

One process keeps the rules compiled and the dictionaries loaded, so a change is
re-linted in tens of milliseconds instead of a new process's second:

- ``.txt`` and ``.md`` documents (by file suffix, else by language id ``markdown`` /
  ``plaintext``) are linted on open and save at once, and after changes once typing
  pauses (``debounce`` seconds, 0.3 by default; ``initializationOptions: {"debounce": s}``).
- Positions are in the encoding negotiated at ``initialize`` (UTF-16 unless the client
  offers UTF-8 or UTF-32), so characters outside the BMP (𠮷) keep later columns right.
- Each finding is a diagnostic: severity mapped, rule id as ``code`` (with a
  ``codeDescription`` link where the rule's doc cites a web page), the other place of
  a name variant, duplicate or term variant as ``relatedInformation``.
- Code actions: a quick fix per finding with a fix (safe ones first and preferred,
  unsafe ones titled 需确认), and ``source.fixAll.reportlint``, which applies every
  safe fix through the ``reportlint.fixAll`` command (``workspace/applyEdit``).
- Configuration is the ``.reportlint.yaml`` (or ``pyproject.toml``) found from the
  document's folder upward, as for the command line; it is read again when it changes.
"""

from __future__ import annotations

import asyncio
import difflib
import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import __version__
from .config import Config, find_config, load_config
from .document import Document
from .engine import Linter
from .files import collect
from .fix import fix_document, plan
from .model import Applicability, Finding, ReportlintError, Severity
from .readers import TextReader, reader_for, reader_named

log = logging.getLogger(__name__)

FIX_ALL_KIND = f"{lsp.CodeActionKind.SourceFixAll.value}.reportlint"
FIX_ALL_COMMAND = "reportlint.fixAll"
DEFAULT_DEBOUNCE = 0.3
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_URL = re.compile(r"https?://[^\s，。；、）)\"'”]+")


@dataclass
class Linted:
    """The last lint of one document version: findings (fixes as they may be applied) and diagnostics."""

    version: int | None
    doc: Document
    linter: Linter
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[lsp.Diagnostic] = field(default_factory=list)


# --------------------------------------------------------------------------- positions


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in the client's position units."""
    if encoding == lsp.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if encoding == lsp.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def position(doc: Document, line: int, column: int, encoding: str) -> lsp.Position:
    """A 1-based (line, code-point column) as an LSP position (0-based, in the client's units)."""
    text = doc.line_text(line) if 0 < line <= len(doc.line_starts) else ""
    return lsp.Position(line=line - 1, character=units(text[: column - 1], encoding))


def offset_position(doc: Document, offset: int, encoding: str) -> lsp.Position:
    return position(doc, *doc.position(offset), encoding)


def span_range(doc: Document, start: int, end: int, encoding: str) -> lsp.Range:
    return lsp.Range(start=offset_position(doc, start, encoding), end=offset_position(doc, end, encoding))


def _before(a: lsp.Position, b: lsp.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    """Do two ranges meet (an empty range at an edge counts, as a cursor does)?"""
    return not (_before(a.end, b.start) or _before(b.end, a.start))


def text_edits(doc: Document, new_text: str, encoding: str) -> list[lsp.TextEdit]:
    """Edits turning ``doc`` into ``new_text``: changed runs of lines only, so the cursor stays put."""
    old_lines = doc.text.splitlines(keepends=True)
    new_lines = new_text.splitlines(keepends=True)
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(
            lsp.TextEdit(
                range=span_range(doc, starts[i1], starts[i2], encoding), new_text="".join(new_lines[j1:j2])
            )
        )
    return edits


# --------------------------------------------------------------------------- the server


class ReportlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "reportlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental
        )
        self.debounce = DEFAULT_DEBOUNCE
        self.linted: dict[str, Linted] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._linters: dict[tuple[str, int], Linter] = {}
        self._root: Path | None = None

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    # ---- configuration and readers

    def linter_for(self, path: Path | None) -> Linter:
        """The Linter of the configuration that applies at ``path``; rebuilt when that file changes."""
        start = path.parent if path is not None else (self._root or Path.cwd())
        config_path = find_config(start)
        stamp = config_path.stat().st_mtime_ns if config_path is not None else 0
        key = (str(config_path or ""), stamp)
        linter = self._linters.get(key)
        if linter is None:
            config = load_config(config_path) if config_path is not None else Config()
            linter = Linter(config)
            self._linters = {k: v for k, v in self._linters.items() if k[0] != key[0]}
            self._linters[key] = linter
        return linter

    @staticmethod
    def reader(path: Path | None, language_id: str | None) -> TextReader | None:
        """By the file's suffix when it has one reportlint reads, else by the language id (untitled buffers)."""
        reader = reader_for(path) if path is not None and path.suffix else None
        if reader is None and language_id in ("markdown", "plaintext", "text"):
            reader = reader_named("md" if language_id == "markdown" else "txt")
        return reader if isinstance(reader, TextReader) else None

    # ---- linting

    def lint(self, uri: str) -> Linted | None:
        """Lint the document's current text (None when it is not a report this server reads)."""
        document = self.workspace.get_text_document(uri)
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs_path) if fs_path else None
        reader = self.reader(path, document.language_id)
        if reader is None:
            return None
        linter = self.linter_for(path)
        if path is not None and not list(
            collect([path], exclude=linter.config.exclude, root=linter.config.root)
        ):
            return None  # excluded by the configuration
        doc = reader.parse(document.source, str(path or uri))
        _, findings = plan(doc, linter.lint_document(doc))  # fixes as ``fix`` may apply them
        state = Linted(document.version, doc, linter, findings)
        state.diagnostics = [self.diagnostic(uri, doc, linter, f) for f in findings]
        self.linted[uri] = state
        return state

    def diagnostic(self, uri: str, doc: Document, linter: Linter, f: Finding) -> lsp.Diagnostic:
        enc = self.encoding
        related = [
            lsp.DiagnosticRelatedInformation(
                location=lsp.Location(uri=uri, range=span_range(doc, r.start, r.end, enc)),
                message=f"相关位置：第{r.line}行",
            )
            for r in f.related
        ]
        return lsp.Diagnostic(
            range=span_range(doc, f.start, f.end, enc),
            message=f.message,
            severity=_SEVERITY[f.severity],
            code=f.rule,
            code_description=self.code_description(linter, f.rule),
            source="reportlint",
            related_information=related or None,
        )

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def code_description(linter: Linter, rule_id: str) -> lsp.CodeDescription | None:
        """A link to the page the rule's doc cites as its source, if it cites one."""
        for rule in linter.all_rules:
            if rule.full_id == rule_id:
                m = _URL.search(rule.doc.get("source", ""))
                return lsp.CodeDescription(href=m.group(0)) if m else None
        return None

    def cancel(self, uri: str) -> None:
        """Drop a pending debounced lint of ``uri`` (a save or close supersedes it)."""
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def publish(self, uri: str) -> None:
        self.cancel(uri)
        try:
            state = self.lint(uri)
        except ReportlintError as exc:  # a configuration or pack error: say so on the first line
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(
                    uri=uri,
                    diagnostics=[
                        lsp.Diagnostic(
                            range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 0)),
                            message=f"reportlint 配置错误：{exc}",
                            severity=lsp.DiagnosticSeverity.Error,
                            source="reportlint",
                        )
                    ],
                )
            )
            return
        diagnostics = state.diagnostics if state is not None else []
        version = state.version if state is not None else None
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        self._timers[uri] = asyncio.get_running_loop().call_later(self.debounce, self.publish, uri)

    def current(self, uri: str) -> Linted | None:
        """The lint of the document as it is now (linted again if it changed since)."""
        state = self.linted.get(uri)
        document = self.workspace.get_text_document(uri)
        if state is None or state.version != document.version or state.doc.text != document.source:
            try:
                state = self.lint(uri)
            except ReportlintError:  # a configuration error: publish() has shown it on the document
                return None
        return state

    # ---- code actions

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        state = self.current(uri)
        if state is None:
            return []
        only = params.context.only

        def wanted(kind: str) -> bool:
            return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)

        actions: list[tuple[int, lsp.CodeAction]] = []
        if wanted(lsp.CodeActionKind.QuickFix):
            for f, diag in zip(state.findings, state.diagnostics, strict=True):
                fix = f.fix
                if fix is None or not fix.applicable or not overlaps(diag.range, params.range):
                    continue
                title = fix.title or "修正"
                if fix.applicability == Applicability.UNSAFE:
                    title += "（需确认）"
                edit = lsp.TextEdit(range=diag.range, new_text=fix.replacement)
                action = lsp.CodeAction(
                    title=f"{title} [{f.rule}]",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    is_preferred=fix.safe,
                    edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                )
                actions.append((0 if fix.safe else 1, action))
        safe = sum(bool(f.fix and f.fix.safe) for f in state.findings)
        if safe and wanted(FIX_ALL_KIND):
            action = lsp.CodeAction(
                title=f"reportlint：修正全部可安全修正的问题（{safe} 处）", kind=FIX_ALL_KIND
            )
            # Working the edit out takes a few lint passes: leave it to codeAction/resolve where the
            # client can resolve edits, else to the command (which sends workspace/applyEdit).
            if self.resolves_edits():
                action.data = {"uri": uri}
            else:
                action.command = lsp.Command(title=action.title, command=FIX_ALL_COMMAND, arguments=[uri])
            actions.append((2, action))
        return [a for _, a in sorted(actions, key=lambda pair: pair[0])]

    def resolves_edits(self) -> bool:
        caps = self.protocol.client_capabilities
        code_action = caps.text_document.code_action if caps and caps.text_document else None
        support = code_action.resolve_support if code_action else None
        return bool(support and "edit" in support.properties)

    def fix_all_edit(self, uri: str) -> tuple[lsp.WorkspaceEdit | None, int]:
        """Every safe fix (pass after pass, as ``reportlint fix``) as one edit of the document, and how many."""
        state = self.current(uri)
        if state is None:
            return None, 0
        result = fix_document(state.linter, state.doc, unsafe=False)
        if not result.changed:
            return None, 0
        version = self.workspace.get_text_document(uri).version
        edit = lsp.WorkspaceEdit(
            document_changes=[
                lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                    edits=list(text_edits(state.doc, result.fixed, self.encoding)),
                )
            ]
        )
        return edit, len(result.edits)

    def resolve(self, action: lsp.CodeAction) -> lsp.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        if action.kind == FIX_ALL_KIND and isinstance(data.get("uri"), str):
            edit, _ = self.fix_all_edit(data["uri"])
            action.edit = edit or lsp.WorkspaceEdit(changes={})
        return action

    async def fix_all(self, uri: str) -> dict[str, Any]:
        """Apply every safe fix through ``workspace/applyEdit``; the client's answer and the number of fixes."""
        edit, count = self.fix_all_edit(uri)
        if edit is None:
            return {"applied": True, "edits": 0}
        response = await self.workspace_apply_edit_async(
            lsp.ApplyWorkspaceEditParams(edit=edit, label="reportlint：修正全部可安全修正的问题")
        )
        return {"applied": bool(response.applied), "edits": count}


def build() -> ReportlintServer:
    server = ReportlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: ReportlintServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            ls.debounce = max(0.0, float(options["debounce"]))
        root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
        if root and root.startswith("file:"):
            ls._root = Path(to_fs_path(root) or ".")

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: ReportlintServer, params: lsp.InitializedParams) -> None:
        try:  # compile the rules and load the dictionaries now, not on the first keystroke
            ls.linter_for(None).lint_text("侯宗伟同志讲话。候宗伟同志指出，全年召开会议x次。")
        except ReportlintError as exc:
            log.warning("reportlint: %s", exc)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReportlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: ReportlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ReportlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReportlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=True
        ),
    )
    def code_action(ls: ReportlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    @server.feature(lsp.CODE_ACTION_RESOLVE)
    def code_action_resolve(ls: ReportlintServer, params: lsp.CodeAction) -> lsp.CodeAction:
        return ls.resolve(params)

    @server.command(FIX_ALL_COMMAND)
    async def fix_all(ls: ReportlintServer, *args: Any) -> dict[str, Any]:
        uri = args[0] if args and isinstance(args[0], str) else None
        if uri is None and args and isinstance(args[0], list) and args[0]:  # older pygls passed a list
            uri = args[0][0]
        if not isinstance(uri, str):
            return {"applied": False, "edits": 0}
        return await ls.fix_all(uri)

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit."""
    build().start_io()
