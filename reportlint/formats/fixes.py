"""What ``fix`` (and ``check --fix`` / ``--diff``) tells the drafter: diffs and counts by category."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

Echo = Callable[..., None]  # echo(text, err=False, nl=True)


def describe(counts: Counter[str]) -> str:
    """``12 处：punctuation-width 10，cjk-space 2``"""
    total = sum(counts.values())
    parts = "，".join(f"{cat} {n}" for cat, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{total} 处：{parts}" if parts else f"{total} 处"


def report_fixes(
    outcomes: Sequence[Any], echo: Echo, *, diff: bool, unsafe: bool, check: bool = False
) -> bool:
    """Print diffs (stdout) and what was fixed; True if a file had an error.

    With --diff or under ``check`` the messages go to stderr, so stdout holds only the diff or the report.
    """
    from ..fix import pending

    err = diff or check
    verb = "可修正" if diff else "已修正"
    total: Counter[str] = Counter()
    files = left = need_unsafe = 0
    errors = False
    for o in outcomes:
        if o.error:
            errors = True
            if not check:
                echo(f"reportlint: 错误：{o.error}", err=True)
            continue
        if o.note:
            echo(o.note, err=err)
            continue
        r = o.result
        if diff and r.changed:
            echo(r.diff(), nl=False)
        counts = r.counts()
        if counts:
            files += 1
            total += counts
            echo(f"{o.path}：{verb} {describe(counts)}", err=err)
        if not r.converged:
            echo(
                f"{o.path}：修正 {len(r.passes)} 轮后仍有可修正的问题（规则的修正可能相互冲突），请人工检查",
                err=err,
            )
        n, u = pending(r.remaining)
        left += n
        need_unsafe += u
    if check:
        return errors
    if files > 1:
        echo(f"共 {files} 个文件，{verb} {describe(total)}", err=err)
    elif not files and not errors:
        echo("没有可自动修正的问题。", err=err)
    if left:
        hint = (
            f"，其中 {need_unsafe} 处的修正需确认，可加 --unsafe-fixes 应用"
            if need_unsafe and not unsafe
            else ""
        )
        echo(f"尚有 {left} 处问题未自动修正（用 reportlint check 查看）{hint}。", err=err)
    return errors
