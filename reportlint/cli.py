"""Command line: parse, call the library, choose a format, set the exit code. Nothing more."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .config import Config, load_config
from .engine import Linter
from .files import collect
from .formats import FORMATS, render
from .model import FileResult, ReportlintError, Severity

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="reportlint：工作报告质量检查工具（占位符、标点、重复段落、人名前后不一……）",
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="列出规则，或说明某条规则。", invoke_without_command=True)
app.add_typer(rules_app, name="rules")

PathsArg = Annotated[list[Path], typer.Argument(help="报告文件或文件夹（递归查找 .txt/.md/.docx）", show_default=False)]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", help="只运行这些规则或类别（可逗号分隔、可重复）")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些规则或类别")]
PackOpt = Annotated[list[Path] | None, typer.Option("--pack", help="额外加载的规则包（YAML）")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="配置文件（默认自当前目录向上查找 .reportlint.yaml）")]
SeverityOpt = Annotated[str | None, typer.Option("--min-severity", help="只报告此级别及以上：error、warning、info")]
YearOpt = Annotated[int | None, typer.Option("--year", help="报告年份（默认从报告中读取）")]


def fail(message: str) -> typer.Exit:
    typer.echo(f"reportlint: 错误：{message}", err=True)
    return typer.Exit(2)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def build(
    config_path: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    packs: list[Path] | None,
    min_severity: str | None,
    year: int | None,
) -> Linter:
    config: Config = load_config(config_path)
    if select:
        config.select = _split(select)
    config.ignore = [*config.ignore, *_split(ignore)]
    if min_severity:
        try:
            config.min_severity = Severity.parse(min_severity)
        except ValueError as exc:
            raise ReportlintError(str(exc)) from None
    if year is not None:
        config.year = year
    for pack in packs or []:
        if not pack.is_file():
            raise ReportlintError(f"{pack}：规则包文件不存在")
    return Linter(config, extra_packs=packs or [])


def lint_files(linter: Linter, paths: list[Path]) -> list[FileResult]:
    files = list(collect(paths, exclude=linter.config.exclude, root=linter.config.root))
    missing = [p for p in paths if not p.exists()]
    results = [FileResult(str(p), error=f"{p}：文件或文件夹不存在") for p in missing]
    progress = sys.stderr.isatty() and len(files) > 1
    iterator = files
    if progress:
        from tqdm import tqdm

        iterator = tqdm(files, desc="检查", unit="个文件", file=sys.stderr, leave=False)
    for path in iterator:
        results.append(linter.lint_path(path))
    return results


def _lines_of(path: str) -> list[str] | None:
    from .readers import read_path

    try:
        doc = read_path(Path(path))
    except ReportlintError:
        return None
    if doc.source_format == "docx":
        return [p.text for p in doc.paragraphs]
    return [doc.line_text(i) for i in range(1, len(doc.line_starts) + 1)]


@app.command()
def check(
    paths: PathsArg,
    format: Annotated[str, typer.Option("--format", "-f", help="输出格式：text、json、sarif")] = "text",
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    config: ConfigOpt = None,
    min_severity: SeverityOpt = None,
    year: YearOpt = None,
) -> None:
    """检查报告，列出发现的问题。退出码：0 无问题，1 有问题，2 用法、配置或输入错误。"""
    if format not in FORMATS:
        raise fail(f"未知的输出格式“{format}”（可用：{'、'.join(FORMATS)}）")
    try:
        linter = build(config, select, ignore, pack, min_severity, year)
        results = lint_files(linter, paths)
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    options = {"lines_of": _lines_of} if format == "text" else {}
    output = render(format, results, options)
    if output:
        typer.echo(output)
    errors = [r.error for r in results if r.error]
    for message in errors:
        typer.echo(f"reportlint: 错误：{message}", err=True)
    if errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if any(r.findings for r in results) else 0)


@rules_app.callback()
def rules_list(
    ctx: typer.Context,
    pack: PackOpt = None,
    config: ConfigOpt = None,
) -> None:
    """列出所有已加载的规则：编号、类别、级别、修正是否安全、是否启用。"""
    if ctx.invoked_subcommand:
        ctx.obj = (pack, config)
        return
    try:
        linter = build(config, None, None, pack, None, None)
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    active = {r.full_id for r in linter.rules}
    for rule in linter.all_rules:
        state = "启用" if rule.full_id in active else "停用"
        fix = {"safe": "安全修正", "unsafe": "不安全修正", "none": "—"}[rule.fix]
        summary = str(rule.doc.get("summary", "")).strip().splitlines()[0]
        typer.echo(f"{rule.full_id:<40} {rule.category:<24} {linter.severity_of(rule).label:<8} {fix:<6} {state}  {summary}")


@rules_app.command("explain")
def rules_explain(ctx: typer.Context, rule_id: Annotated[str, typer.Argument(help="规则编号")]) -> None:
    """说明一条规则：它查什么、为什么、错误与正确的例子、修正是否安全。"""
    pack, config = ctx.obj or (None, None)
    try:
        linter = build(config, None, None, pack, None, None)
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    matches = [r for r in linter.all_rules if rule_id in (r.full_id, r.id)]
    if not matches:
        raise fail(f"没有编号为“{rule_id}”的规则（用 reportlint rules 查看）")
    for rule in matches:
        doc = rule.doc
        typer.echo(f"{rule.full_id}  （类别 {rule.category}，级别 {linter.severity_of(rule).label}，类型 {rule.kind_name}）")
        typer.echo(f"  {doc.get('summary', '').strip()}")
        if doc.get("why"):
            typer.echo(f"  原因：{doc['why'].strip()}")
        if doc.get("wrong"):
            typer.echo(f"  错误示例：{doc['wrong']}")
        if doc.get("right"):
            typer.echo(f"  正确示例：{doc['right']}")
        fix = {"safe": "可安全自动修正（reportlint fix）", "unsafe": "修正需确认（--unsafe-fixes）", "none": "不提供自动修正"}
        typer.echo(f"  修正：{fix[rule.fix]}")
        if doc.get("source"):
            typer.echo(f"  依据：{doc['source']}")
        typer.echo(f"  定义于：{rule.source}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportlint {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本")] = False,
) -> None:
    """reportlint：工作报告质量检查工具。"""


def main() -> None:
    try:
        app()
    except ReportlintError as exc:  # pragma: no cover - commands catch their own
        typer.echo(f"reportlint: 错误：{exc}", err=True)
        sys.exit(2)
