"""``reportlint server`` end to end: a real LSP client (pygls's) talks JSON-RPC to the server process over stdio.

initialize → didOpen → publishDiagnostics → codeAction → executeCommand → workspace/applyEdit.
One server process serves the whole module (start-up is the slow part); each test opens its own document.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from reportlint.server import FIX_ALL_COMMAND, FIX_ALL_KIND

pytestmark = pytest.mark.e2e

TIMEOUT = 60

REPORT = (
    "关于2024年区人大常委会工作情况的报告\n"
    "𠮷野家门店开业,全年共召开会议x次。\n"  # 𠮷 is two UTF-16 units: later columns shift by one
    "侯宗伟同志讲话。侯宗伟同志强调，候宗伟同志指出。\n"
)


class Session:
    """A client, its server process and what the server sent, driven from synchronous tests."""

    def __init__(self, root: Path, encodings: list[str] | None = None):
        self.root = root
        self.loop = asyncio.new_event_loop()
        self.client = LanguageClient("reportlint-tests", "1")
        self.diagnostics: asyncio.Queue[lsp.PublishDiagnosticsParams] | None = None
        self.applied: list[lsp.ApplyWorkspaceEditParams] = []
        self.documents: dict[str, str] = {}
        self.init_result = self.run(self._start(encodings))

    def run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(asyncio.wait_for(coro, TIMEOUT))

    async def _start(self, encodings: list[str] | None) -> lsp.InitializeResult:
        self.diagnostics = asyncio.Queue()
        client = self.client

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            assert self.diagnostics is not None
            self.diagnostics.put_nowait(params)

        @client.feature(lsp.WORKSPACE_APPLY_EDIT)
        def on_apply(params: lsp.ApplyWorkspaceEditParams) -> lsp.ApplyWorkspaceEditResult:
            self.applied.append(params)
            for change in params.edit.document_changes or []:
                assert isinstance(change, lsp.TextDocumentEdit)
                uri = change.text_document.uri
                self.documents[uri] = apply_edits(self.documents[uri], change.edits)
            return lsp.ApplyWorkspaceEditResult(applied=True)

        await client.start_io(sys.executable, "-m", "reportlint", "server", "--stdio", cwd=str(self.root))
        general = lsp.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
        # as VS Code: code actions' edits may be left to codeAction/resolve
        text_document = lsp.TextDocumentClientCapabilities(
            code_action=lsp.CodeActionClientCapabilities(
                resolve_support=lsp.ClientCodeActionResolveOptions(properties=["edit"])
            )
        )
        result = await client.initialize_async(
            lsp.InitializeParams(
                process_id=None,
                root_uri=from_fs_path(str(self.root)),
                capabilities=lsp.ClientCapabilities(general=general, text_document=text_document),
                initialization_options={"debounce": 0.05},
            )
        )
        client.initialized(lsp.InitializedParams())
        return result

    def open(
        self, name: str, text: str, language: str = "plaintext"
    ) -> tuple[str, lsp.PublishDiagnosticsParams]:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        uri = from_fs_path(str(path))
        assert uri
        self.documents[uri] = text
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
            )
        )
        return uri, self.next_diagnostics(uri)

    def next_diagnostics(self, uri: str) -> lsp.PublishDiagnosticsParams:
        async def wait() -> lsp.PublishDiagnosticsParams:
            assert self.diagnostics is not None
            while True:
                params = await self.diagnostics.get()
                if params.uri == uri:
                    return params

        return self.run(wait())

    def change(self, uri: str, version: int, text: str) -> None:
        self.documents[uri] = text
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def code_actions(
        self, uri: str, rng: lsp.Range, diagnostics: list[lsp.Diagnostic], only: list[str] | None = None
    ):
        return self.run(
            self.client.text_document_code_action_async(
                lsp.CodeActionParams(
                    text_document=lsp.TextDocumentIdentifier(uri=uri),
                    range=rng,
                    context=lsp.CodeActionContext(diagnostics=diagnostics, only=only),
                )
            )
        )

    def resolve(self, action: lsp.CodeAction) -> lsp.CodeAction:
        return self.run(self.client.code_action_resolve_async(action))

    def execute(self, command: lsp.Command) -> Any:
        return self.run(
            self.client.workspace_execute_command_async(
                lsp.ExecuteCommandParams(command=command.command, arguments=command.arguments)
            )
        )

    def close(self) -> None:
        async def stop() -> None:
            await self.client.shutdown_async(None)
            self.client.exit(None)
            await self.client.stop()

        try:
            self.run(stop())
        finally:
            self.loop.close()


def offset(text: str, pos: lsp.Position) -> int:
    """An LSP position (UTF-16 units) as a code-point offset into ``text``."""
    lines = text.splitlines(keepends=True)
    line = lines[pos.line] if pos.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= pos.character:
            return sum(map(len, lines[: pos.line])) + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return sum(map(len, lines[: pos.line])) + len(line)


def apply_edits(text: str, edits: list[Any]) -> str:
    spans = sorted(
        ((offset(text, e.range.start), offset(text, e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    root = tmp_path_factory.mktemp("workspace")
    s = Session(root)
    yield s
    s.close()


def by_rule(params: lsp.PublishDiagnosticsParams) -> dict[str, lsp.Diagnostic]:
    out: dict[str, lsp.Diagnostic] = {}
    for d in params.diagnostics:
        out.setdefault(str(d.code), d)
    return out


def test_diagnostics_on_open_in_utf16(session):
    assert session.init_result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf16
    uri, params = session.open("报告.txt", REPORT)
    assert params.version == 1
    diags = by_rule(params)
    x = diags["zh-placeholder.x-mark"]
    # line 1 (0-based), after 𠮷野家门店开业,全年共召开会议 = 15 code points, 16 UTF-16 units
    assert (x.range.start.line, x.range.start.character, x.range.end.character) == (1, 16, 17)
    assert x.severity == lsp.DiagnosticSeverity.Error and x.source == "reportlint"
    assert x.message == "未填写的占位符“x”"
    name = diags["zh-structure.name-variant"]
    assert name.severity == lsp.DiagnosticSeverity.Warning
    (related,) = name.related_information
    assert related.location.uri == uri and related.location.range.start.line == 2
    assert related.location.range.start.character == 0


def test_code_description_links_the_rule_source_where_it_cites_a_page(session):
    _, params = session.open("的得.txt", "今年县域经济发展的更快，城乡居民收入稳步增加。\n")
    diag = by_rule(params)["zh-standard.de-complement"]
    assert diag.code_description is not None and diag.code_description.href.startswith("http")
    _, params = session.open("占位.txt", "全年共召开会议x次。\n")
    assert by_rule(params)["zh-placeholder.x-mark"].code_description is None


def test_quick_fixes_safe_first_and_fix_all_through_apply_edit(session):
    uri, params = session.open("修正.txt", REPORT)
    comma = by_rule(params)["zh-punct.halfwidth"]
    actions = session.code_actions(uri, comma.range, [comma])
    quick = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
    assert quick and quick[0].title.startswith("改为“，”") and quick[0].is_preferred
    (edit,) = quick[0].edit.changes[uri]
    assert edit.new_text == "，" and edit.range == comma.range
    (fix_all,) = [a for a in actions if a.kind == FIX_ALL_KIND]
    # the edit is worked out on codeAction/resolve …
    assert fix_all.edit is None
    resolved = session.resolve(fix_all)
    (change,) = resolved.edit.document_changes
    expected = REPORT.replace("开业,全年", "开业，全年")
    assert apply_edits(REPORT, change.edits) == expected
    # … or applied by the server through workspace/applyEdit when the command is run
    result = session.execute(lsp.Command(title="fix all", command=FIX_ALL_COMMAND, arguments=[uri]))
    assert result == {"applied": True, "edits": 1}
    assert session.applied, "the server sent workspace/applyEdit"
    assert session.documents[uri] == expected


def test_unsafe_fix_is_marked(session):
    text = (
        "某县人民代表大会常务委员会工作报告\n\n各位代表：\n\n"
        "常委会围绕全县重点工作，组织代表深入一线，在城乡规划、项目建\n\n"
        "设中主动靠前服务，帮助解决土地征收、资金保障等难题二十余个。\n\n"
        "常委会听取审议了县政府关于优化营商环境工作情况的报告，提出了具体的审议意见。\n"
    )
    uri, params = session.open("断段.txt", text)
    broken = [d for d in params.diagnostics if d.code == "zh-structure.broken-paragraph"]
    assert broken, [d.code for d in params.diagnostics]
    actions = session.code_actions(uri, broken[0].range, broken)
    (join,) = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
    assert join.title.startswith("与下一段合并（需确认）") and not join.is_preferred
    fix_all = [a for a in actions if a.kind == FIX_ALL_KIND]
    assert not fix_all, "no safe fix here: no fix-all action"


def test_change_is_linted_again_after_a_pause(session):
    uri, first = session.open("改动.txt", "全年共召开会议12次。\n")
    assert not first.diagnostics
    session.change(uri, 2, "全年共召开会议x次。\n")
    session.change(uri, 3, "全年共召开会议x次,听取报告。\n")
    params = session.next_diagnostics(uri)
    assert params.version == 3, "debounced: only the last version is linted"
    assert {str(d.code) for d in params.diagnostics} >= {"zh-placeholder.x-mark", "zh-punct.halfwidth"}


def test_markdown_and_workspace_config(session):
    (session.root / "office").mkdir()
    (session.root / "office" / ".reportlint.yaml").write_text("ignore: [placeholder]\n", encoding="utf-8")
    text = "# 报告\n\n```\n代码 x 次\n```\n\n全年共召开会议x次,听取报告。\n"
    _, params = session.open("office/报告.md", text, language="markdown")
    codes = {str(d.code) for d in params.diagnostics}
    assert "zh-placeholder.x-mark" not in codes and "zh-punct.halfwidth" in codes
    assert all(d.range.start.line == 6 for d in params.diagnostics)


def test_configuration_error_is_shown_and_other_files_are_left_alone(session):
    (session.root / "bad").mkdir()
    (session.root / "bad" / ".reportlint.yaml").write_text("no-such-key: 1\n", encoding="utf-8")
    _, params = session.open("bad/报告.txt", "全年共召开会议x次。\n")
    (diag,) = params.diagnostics
    assert diag.message.startswith("reportlint 配置错误：") and "no-such-key" in diag.message
    _, params = session.open("script.py", "x = 1  # 全年共召开会议x次,\n", language="python")
    assert not params.diagnostics


def test_utf8_when_the_client_prefers_it(tmp_path):
    s = Session(tmp_path, encodings=[lsp.PositionEncodingKind.Utf8, lsp.PositionEncodingKind.Utf16])
    try:
        assert s.init_result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
        _, params = s.open("utf8.txt", REPORT)
        x = by_rule(params)["zh-placeholder.x-mark"]
        assert x.range.start.character == len("𠮷野家门店开业,全年共召开会议".encode())
    finally:
        s.close()


def test_units_and_minimal_edits():
    from reportlint.readers.txt import text_document
    from reportlint.server import text_edits, units

    assert [units("𠮷a", e) for e in ("utf-8", "utf-16", "utf-32")] == [5, 3, 2]
    doc = text_document("第一行,\n第二行。\n第三行,", "a.txt")
    edits = text_edits(doc, "第一行，\n第二行。\n第三行，", "utf-16")
    assert [(e.range.start.line, e.range.end.line, e.new_text) for e in edits] == [
        (0, 1, "第一行，\n"),
        (2, 2, "第三行，"),
    ]
    assert (edits[1].range.end.line, edits[1].range.end.character) == (2, 4)
