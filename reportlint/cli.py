"""Command line: parse, call the library, choose a format, set the exit code. Nothing more.

The options every command shares (--select, --ignore, --pack, --config, --min-severity,
--year) are declared once, in ``Options``, and added to each command by ``@shared``.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from . import __version__
from .formats import FORMATS, Summary
from .model import FileResult, ReportlintError, Severity

if TYPE_CHECKING:
    from .engine import Linter

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="reportlint：工作报告质量检查工具（占位符、标点、重复段落、人名前后不一……）",
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="列出规则，或说明某条规则。", invoke_without_command=True)
kinds_app = typer.Typer(
    help="列出规则类型（编写规则包时用），或说明某个类型的参数。", invoke_without_command=True
)
app.add_typer(rules_app, name="rules")
app.add_typer(kinds_app, name="kinds")

PathsArg = Annotated[
    list[Path], typer.Argument(help="报告文件或文件夹（递归查找 .txt/.md/.docx）", show_default=False)
]
UnsafeFixesOpt = Annotated[
    bool, typer.Option("--unsafe-fixes", help="也应用需确认的修正（断段合并、多个候选的用词……）")
]
DiffOpt = Annotated[bool, typer.Option("--diff", help="只显示修正的差异（unified diff），不修改文件")]


@dataclass
class Options:
    """The options every command takes; declared once, added to each command by ``@shared``."""

    select: Annotated[
        list[str] | None, typer.Option("--select", help="只运行这些规则或类别（可逗号分隔、可重复）")
    ] = None
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些规则或类别")] = None
    pack: Annotated[list[Path] | None, typer.Option("--pack", help="额外加载的规则包（YAML）")] = None
    config: Annotated[
        Path | None, typer.Option("--config", help="配置文件（默认自当前目录向上查找 .reportlint.yaml）")
    ] = None
    min_severity: Annotated[
        str | None, typer.Option("--min-severity", help="只报告此级别及以上：error、warning、info")
    ] = None
    year: Annotated[int | None, typer.Option("--year", help="报告年份（默认从报告中读取）")] = None

    def linter(self, start: Path | None = None) -> Linter:
        """The Linter of these options; the configuration is looked for from ``start`` (default: here) up."""
        from .config import load_config, valid_year  # imported here: ``--version`` needs no rule engine
        from .engine import Linter

        config = load_config(self.config, start=start)
        if self.select:
            config.select = _split(self.select)
        config.ignore = [*config.ignore, *_split(self.ignore)]
        if self.min_severity:
            try:
                config.min_severity = Severity.parse(self.min_severity)
            except ValueError as exc:
                raise ReportlintError(str(exc)) from None
        if self.year is not None:
            if not valid_year(self.year):
                raise ReportlintError(f"--year：{self.year} 不是有效的年份（应为 1949–2100）")
            config.year = self.year
        for pack in self.pack or []:
            if not pack.is_file():
                raise ReportlintError(f"{pack}：规则包文件不存在")
        return Linter(config, extra_packs=self.pack or [])


def shared(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the ``Options`` parameters to a command; the command receives them as ``opts``."""
    own = [p for p in inspect.signature(func, eval_str=True).parameters.values() if p.name != "opts"]
    names = [f.name for f in fields(Options)]
    hints = {f.name: f.type for f in fields(Options)}
    resolved = {
        name: eval(hint, vars(sys.modules[__name__])) if isinstance(hint, str) else hint
        for name, hint in hints.items()
    }  # noqa: S307 - our own annotations
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=resolved[name])
        for name in names
    ]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        opts = Options(**{name: kwargs.pop(name) for name in names})
        return func(opts=opts, **kwargs)

    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + extra
    wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    del wrapper.__wrapped__  # typer must see the new signature, not the function's own
    return wrapper


def fail(message: str) -> typer.Exit:
    typer.echo(f"reportlint: 错误：{message}", err=True)
    return typer.Exit(2)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def lint_files(linter: Linter, paths: list[Path], *, keep_source: bool = False) -> Iterator[FileResult]:
    """Results file by file, missing paths first; a progress bar on stderr when it is a terminal."""
    from .files import collect

    missing = [p for p in paths if not p.exists()]
    present = [p for p in paths if p.exists()]
    files = list(collect(present, exclude=linter.config.exclude, root=linter.config.root))
    for p in missing:
        yield FileResult(str(p), error=f"{p}：文件或文件夹不存在")
    iterator: Any = files
    if sys.stderr.isatty() and len(files) > 1:
        from tqdm import tqdm

        iterator = tqdm(files, desc="检查", unit="个文件", file=sys.stderr, leave=False)
    for path in iterator:
        yield linter.lint_path(path, keep_source=keep_source)


def emit(
    results: Iterator[FileResult] | list[FileResult],
    format_name: str,
    out: TextIO | None = None,
    **options: Any,
) -> Summary:
    """Feed results to the formatter as they come; errors go to stderr as they happen."""
    out = out or sys.stdout
    formatter = FORMATS[format_name](out, **options)
    summary = Summary()
    formatter.start()
    for result in results:
        summary.add(result)
        formatter.file(result)
        out.flush()
        if result.error:
            typer.echo(f"reportlint: 错误：{result.error}", err=True)
    formatter.finish(summary)
    out.flush()
    return summary


def exit_code(summary: Summary, internal: int, *, exit_zero: bool = False) -> int:
    if summary.failed or internal:
        return 2
    return 1 if summary.findings and not exit_zero else 0


StdinNameOpt = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        help="从标准输入读取（路径写作“-”）时使用的文件名：决定按何种格式读取、从何处查找配置，并显示在结果中",
    ),
]


@app.command()
@shared
def check(
    paths: PathsArg,
    opts: Options,
    format: Annotated[
        str, typer.Option("--format", "-f", help="输出格式：text、json、sarif、github、rdjson、line")
    ] = "text",
    fix: Annotated[
        bool, typer.Option("--fix", help="先自动修正（同 reportlint fix），再报告剩下的问题")
    ] = False,
    unsafe_fixes: UnsafeFixesOpt = False,
    diff: DiffOpt = False,
    stdin_filename: StdinNameOpt = None,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", "-o", help="把结果写入此文件（而不是标准输出）")
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="发现问题时退出码仍为 0（出错时仍为 2）")
    ] = False,
    color: Annotated[
        str, typer.Option("--color", help="文本输出的颜色：auto（终端中着色，遵循 NO_COLOR）、always、never")
    ] = "auto",
    statistics: Annotated[
        bool, typer.Option("--statistics", help="只按规则统计问题数量，不逐条列出")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只列出问题，不显示汇总")] = False,
) -> None:
    """检查报告，列出发现的问题。退出码：0 无问题，1 有问题，2 用法、配置、输入或内部错误。

    --fix 先修正再报告剩下的问题；--diff 只显示修正的差异（不改文件，有差异时退出码 1）。
    路径写作 - 时从标准输入读取（编辑器中未保存的内容），可用 --stdin-filename 指定文件名。"""
    from . import output, stdin
    from .engine import INTERNAL_ERROR

    if statistics:
        format = "statistics"
    if format not in FORMATS:
        raise fail(f"未知的输出格式“{format}”（可用：{'、'.join(n for n in FORMATS if n != 'statistics')}）")
    if color not in output.COLOR_MODES:
        raise fail(f"--color 应为 {'、'.join(output.COLOR_MODES)} 之一，而不是“{color}”")
    try:
        from_stdin = stdin.stdin_mode(paths, stdin_filename)
        linter = opts.linter(start=stdin.config_start(stdin_filename))
        needs_source = FORMATS[format].needs_source
        if from_stdin and (fix or diff):
            raise ReportlintError("标准输入不能用 check --fix / --diff；请用 reportlint fix -")
        if from_stdin:
            results: Any = [stdin.lint_stdin(linter, stdin_filename, keep_source=needs_source)]
        elif fix or diff:
            results = _check_fix(linter, paths, unsafe_fixes, diff)
        else:
            results = lint_files(linter, paths, keep_source=needs_source)
        internal = 0

        def counted(items: Any) -> Iterator[FileResult]:
            nonlocal internal
            for r in items:
                internal += sum(f.category == INTERNAL_ERROR for f in r.findings)
                yield r

        rules = {r.full_id: r for r in linter.all_rules}  # for formats that describe rules (SARIF)
        with output.open_output(output_file) as out:
            options = output.text_options(out, color, quiet=quiet)
            summary = emit(counted(results), format, out, rules=rules, **options)
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    raise typer.Exit(exit_code(summary, internal, exit_zero=exit_zero))


@app.command("fix")
@shared
def fix_command(
    paths: PathsArg,
    opts: Options,
    diff: DiffOpt = False,
    unsafe_fixes: UnsafeFixesOpt = False,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """自动修正可放心修正的问题（标点全半角、多余空格、繁体字……），原地写回。退出码：0 完成，2 出错。

    只修改 .txt、.md 文件，保留其编码、BOM、换行符和权限；--diff 只显示差异，不修改文件。
    路径写作 - 时从标准输入读取，把修正后的全文写到标准输出（说明写到标准错误）。"""
    from . import stdin
    from .fix import fix_files
    from .formats.fixes import report_fixes

    try:
        from_stdin = stdin.stdin_mode(paths, stdin_filename)
        linter = opts.linter(start=stdin.config_start(stdin_filename))
        if from_stdin:
            outcome, data = stdin.fix_stdin(linter, stdin_filename, unsafe=unsafe_fixes)
            outcomes = [outcome]
        else:
            outcomes = fix_files(linter, paths, unsafe=unsafe_fixes, write=not diff)
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    if from_stdin and not diff:
        # stdout carries the fixed text alone; what was fixed goes to stderr
        def to_stderr(text: str, err: bool = False, nl: bool = True) -> None:
            typer.echo(text, err=True, nl=nl)

        errors = report_fixes(outcomes, to_stderr, diff=False, unsafe=unsafe_fixes)
        if data is not None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    else:
        errors = report_fixes(outcomes, typer.echo, diff=diff, unsafe=unsafe_fixes)
    raise typer.Exit(2 if errors else 0)


def _check_fix(linter: Linter, paths: list[Path], unsafe: bool, diff: bool) -> list[FileResult]:
    """check --fix: fix, then return what remains to report; check --diff: print the diff and exit."""
    from .fix import file_result, fix_files
    from .formats.fixes import report_fixes
    from .readers import TextReader, reader_for

    outcomes = fix_files(linter, paths, unsafe=unsafe, write=not diff)
    if diff:
        errors = report_fixes(outcomes, typer.echo, diff=True, unsafe=unsafe)
        raise typer.Exit(2 if errors else 1 if any(o.result and o.result.changed for o in outcomes) else 0)
    report_fixes(outcomes, typer.echo, diff=False, unsafe=unsafe, check=True)
    results = [file_result(linter, o) for o in outcomes]
    for outcome, result in zip(outcomes, results, strict=True):
        reader = reader_for(outcome.path)
        if outcome.result is not None and isinstance(reader, TextReader):  # for formats that show text
            result.source = reader.parse(outcome.result.fixed, outcome.path)
    return results


@app.command()
@shared
def annotate(
    report: Annotated[Path, typer.Argument(help="要检查的 Word 报告（.docx）", show_default=False)],
    opts: Options,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="写出的带批注副本（.docx，不能是原文件）", show_default=False),
    ],
    fix: Annotated[
        bool, typer.Option("--fix", help="同时把可安全修正的问题作为修订（可在 Word 中接受或拒绝）")
    ] = False,
) -> None:
    """把检查结果作为 Word 批注写入报告副本（原文件不变）。退出码：0 无问题，1 有问题，2 出错。"""
    from .readers.docx.annotate import SEVERITY_ZH, annotate_path

    try:
        linter = opts.linter()
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
@shared
def rules_list(ctx: typer.Context, opts: Options) -> None:
    """列出所有已加载的规则：编号、类别、级别、修正是否安全、是否启用。"""
    if ctx.invoked_subcommand:
        ctx.obj = opts
        return
    from .formats.rules import rule_table

    try:
        linter = opts.linter()
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    for line in rule_table(linter):
        typer.echo(line)


@rules_app.command("explain")
@shared
def rules_explain(
    ctx: typer.Context, rule_id: Annotated[str, typer.Argument(help="规则编号")], opts: Options
) -> None:
    """说明一条规则：它查什么、为什么、错误与正确的例子、修正是否安全、依据。"""
    from .formats.rules import explain_rule

    parent: Options | None = ctx.obj
    if parent is not None:  # options given before ``explain`` (rules --pack P explain ID)
        for f in fields(Options):
            if getattr(opts, f.name) is None:
                setattr(opts, f.name, getattr(parent, f.name))
    try:
        linter = opts.linter()
    except ReportlintError as exc:
        raise fail(str(exc)) from None
    matches = [r for r in linter.all_rules if rule_id in (r.full_id, r.id)]
    if not matches:
        raise fail(f"没有编号为“{rule_id}”的规则（用 reportlint rules 查看）")
    for rule in matches:
        for line in explain_rule(linter, rule):
            typer.echo(line)


@kinds_app.callback()
def kinds_list(
    ctx: typer.Context,
    markdown: Annotated[bool, typer.Option("--markdown", help="输出 README 中的 Markdown 表格")] = False,
) -> None:
    """列出规则包可用的规则类型及其参数。"""
    if ctx.invoked_subcommand:
        return
    from .formats.rules import kind_table
    from .kinds import KINDS
    from .schema import kinds_markdown

    kinds = [KINDS[k] for k in sorted(KINDS)]
    for line in kinds_markdown(kinds).splitlines() if markdown else kind_table(kinds):
        typer.echo(line)


@kinds_app.command("explain")
def kinds_explain(kind: Annotated[str, typer.Argument(help="规则类型名称")]) -> None:
    """说明一个规则类型：参数（类型、默认值、说明）与提示语可用的变量。"""
    from .formats.rules import explain_kind
    from .kinds import KINDS

    if kind not in KINDS:
        raise fail(f"没有名为“{kind}”的规则类型（可用：{'、'.join(sorted(KINDS))}）")
    for line in explain_kind(KINDS[kind]):
        typer.echo(line)


@app.command()
def server(
    stdio: Annotated[bool, typer.Option("--stdio", help="经标准输入输出通信（默认，也是唯一方式）")] = True,
) -> None:
    """语言服务器（LSP）：在编辑器中边写边查，并提供快速修正。由编辑器启动，经标准输入输出通信。"""
    from .server import serve

    serve()


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
