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

PathsArg = Annotated[
    list[Path], typer.Argument(help="报告文件或文件夹（递归查找 .txt/.md/.docx）", show_default=False)
]
SelectOpt = Annotated[
    list[str] | None, typer.Option("--select", help="只运行这些规则或类别（可逗号分隔、可重复）")
]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些规则或类别")]
PackOpt = Annotated[list[Path] | None, typer.Option("--pack", help="额外加载的规则包（YAML）")]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="配置文件（默认自当前目录向上查找 .reportlint.yaml）")
]
SeverityOpt = Annotated[
    str | None, typer.Option("--min-severity", help="只报告此级别及以上：error、warning、info")
]
YearOpt = Annotated[int | None, typer.Option("--year", help="报告年份（默认从报告中读取）")]
UnsafeFixesOpt = Annotated[
    bool, typer.Option("--unsafe-fixes", help="也应用需确认的修正（断段合并、多个候选的用词……）")
]
DiffOpt = Annotated[bool, typer.Option("--diff", help="只显示修正的差异（unified diff），不修改文件")]


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
    missing = [p for p in paths if not p.exists()]
    present = [p for p in paths if p.exists()]
    files = list(collect(present, exclude=linter.config.exclude, root=linter.config.root))
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
    fix: Annotated[
        bool, typer.Option("--fix", help="先自动修正（同 reportlint fix），再报告剩下的问题")
    ] = False,
    unsafe_fixes: UnsafeFixesOpt = False,
    diff: DiffOpt = False,
) -> None:
    """检查报告，列出发现的问题。退出码：0 无问题，1 有问题，2 用法、配置或输入错误。

    --fix 先修正再报告剩下的问题；--diff 只显示修正的差异（不改文件，有差异时退出码 1）。"""
    if format not in FORMATS:
        raise fail(f"未知的输出格式“{format}”（可用：{'、'.join(FORMATS)}）")
    try:
        linter = build(config, select, ignore, pack, min_severity, year)
        results = _check_fix(linter, paths, unsafe_fixes, diff) if fix or diff else lint_files(linter, paths)
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


@app.command("fix")
def fix_command(
    paths: PathsArg,
    diff: DiffOpt = False,
    unsafe_fixes: UnsafeFixesOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    config: ConfigOpt = None,
    year: YearOpt = None,
) -> None:
    """自动修正可放心修正的问题（标点全半角、多余空格、繁体字……），原地写回。退出码：0 完成，2 出错。

    只修改 .txt、.md 文件，保留其编码、BOM、换行符和权限；--diff 只显示差异，不修改文件。"""
    from .fix import fix_files

    try:
        linter = build(config, select, ignore, pack, None, year)
        outcomes = fix_files(linter, paths, unsafe=unsafe_fixes, write=not diff)
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    errors = _report_fixes(outcomes, diff=diff, unsafe=unsafe_fixes)
    raise typer.Exit(2 if errors else 0)


def _check_fix(linter: Linter, paths: list[Path], unsafe: bool, diff: bool) -> list[FileResult]:
    """check --fix: fix, then return what remains to report; check --diff: print the diff and exit."""
    from .fix import file_result, fix_files

    outcomes = fix_files(linter, paths, unsafe=unsafe, write=not diff)
    if diff:
        errors = _report_fixes(outcomes, diff=True, unsafe=unsafe)
        raise typer.Exit(2 if errors else 1 if any(o.result and o.result.changed for o in outcomes) else 0)
    _report_fixes(outcomes, diff=False, unsafe=unsafe, check=True)
    return [file_result(linter, o) for o in outcomes]


def _report_fixes(outcomes: list, *, diff: bool, unsafe: bool, check: bool = False) -> bool:
    """Print diffs (stdout) and what was fixed, counted by category; True if a file had an error.

    With --diff or under check the messages go to stderr, so stdout holds only the diff or the report."""
    from collections import Counter

    from .fix import describe, pending

    err = diff or check
    verb = "可修正" if diff else "已修正"
    total: Counter[str] = Counter()
    files = left = need_unsafe = 0
    errors = False
    for o in outcomes:
        if o.error:
            errors = True
            if not check:
                typer.echo(f"reportlint: 错误：{o.error}", err=True)
            continue
        if o.note:
            typer.echo(o.note, err=err)
            continue
        r = o.result
        if diff and r.changed:
            typer.echo(r.diff(), nl=False)
        counts = r.counts()
        if counts:
            files += 1
            total += counts
            typer.echo(f"{o.path}：{verb} {describe(counts)}", err=err)
        if not r.converged:
            typer.echo(
                f"{o.path}：修正 {len(r.passes)} 轮后仍有可修正的问题（规则的修正可能相互冲突），请人工检查",
                err=err,
            )
        n, u = pending(r.remaining)
        left += n
        need_unsafe += u
    if check:
        return errors
    if files > 1:
        typer.echo(f"共 {files} 个文件，{verb} {describe(total)}", err=err)
    elif not files and not errors:
        typer.echo("没有可自动修正的问题。", err=err)
    if left:
        hint = (
            f"，其中 {need_unsafe} 处的修正需确认，可加 --unsafe-fixes 应用"
            if need_unsafe and not unsafe
            else ""
        )
        typer.echo(f"尚有 {left} 处问题未自动修正（用 reportlint check 查看）{hint}。", err=err)
    return errors


@app.command()
def annotate(
    report: Annotated[Path, typer.Argument(help="要检查的 Word 报告（.docx）", show_default=False)],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="写出的带批注副本（.docx，不能是原文件）", show_default=False),
    ],
    fix: Annotated[
        bool, typer.Option("--fix", help="同时把可安全修正的问题作为修订（可在 Word 中接受或拒绝）")
    ] = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    config: ConfigOpt = None,
    min_severity: SeverityOpt = None,
    year: YearOpt = None,
) -> None:
    """把检查结果作为 Word 批注写入报告副本（原文件不变）。退出码：0 无问题，1 有问题，2 出错。"""
    from .annotate import SEVERITY_ZH, annotate_path

    try:
        linter = build(config, select, ignore, pack, min_severity, year)
        result = annotate_path(report, output, linter, fix=fix)
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    counts = result.by_severity()
    detail = "、".join(f"{SEVERITY_ZH[s]} {counts[s]}" for s in sorted(counts, reverse=True))
    fixes = f"，{result.fixes} 处修订" if fix else ""
    typer.echo(f"{output}：{result.comments} 条批注{f'（{detail}）' if detail else ''}{fixes}")
    if result.skipped:
        typer.echo(
            f"{output}：页眉页脚中的 {len(result.skipped)} 处问题无法加批注（Word 不支持），请用 reportlint check 查看",
            err=True,
        )
    raise typer.Exit(1 if result.findings else 0)


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
        typer.echo(
            f"{rule.full_id:<40} {rule.category:<24} {linter.severity_of(rule).label:<8} {fix:<6} {state}  {summary}"
        )


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
        typer.echo(
            f"{rule.full_id}  （类别 {rule.category}，级别 {linter.severity_of(rule).label}，类型 {rule.kind_name}）"
        )
        typer.echo(f"  {doc.get('summary', '').strip()}")
        if doc.get("why"):
            typer.echo(f"  原因：{doc['why'].strip()}")
        if doc.get("wrong"):
            typer.echo(f"  错误示例：{doc['wrong']}")
        if doc.get("right"):
            typer.echo(f"  正确示例：{doc['right']}")
        fix = {
            "safe": "可安全自动修正（reportlint fix）",
            "unsafe": "修正需确认（--unsafe-fixes）",
            "none": "不提供自动修正",
        }
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
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本")
    ] = False,
) -> None:
    """reportlint：工作报告质量检查工具。"""


def main() -> None:
    try:
        app()
    except ReportlintError as exc:  # pragma: no cover - commands catch their own
        typer.echo(f"reportlint: 错误：{exc}", err=True)
        sys.exit(2)
