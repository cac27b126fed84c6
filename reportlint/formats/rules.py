"""``reportlint rules`` and ``reportlint kinds``: the loaded rules and the kinds, as the drafter reads them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import describe

if TYPE_CHECKING:
    from ..engine import Linter
    from ..kinds import Kind
    from ..packs import Rule

FIX_ZH = {
    "safe": "可安全自动修正（reportlint fix）",
    "unsafe": "修正需确认（--unsafe-fixes）",
    "display-only": "只给出修改建议，不自动修正",
    "none": "不提供自动修正",
}
_FIX_SHORT = {"safe": "安全修正", "unsafe": "需确认", "display-only": "仅建议", "none": "—"}


def rule_table(linter: Linter) -> list[str]:
    active = {r.full_id for r in linter.rules}
    out = []
    for rule in linter.all_rules:
        state = "启用" if rule.full_id in active else "停用"
        summary = rule.doc.get("summary", "").strip().splitlines()[0]
        out.append(
            f"{rule.full_id:<40} {rule.category:<24} {linter.severity_of(rule).label:<8} "
            f"{_FIX_SHORT[rule.fix]:<6} {state}  {summary}"
        )
    return out


def explain_rule(linter: Linter, rule: Rule) -> list[str]:
    doc = rule.doc
    out = [
        f"{rule.full_id}  （类别 {rule.category}，级别 {linter.severity_of(rule).label}，类型 {rule.kind_name}）"
    ]
    out.append(f"  {doc.get('summary', '').strip()}")
    labels = (("why", "原因"), ("wrong", "错误示例"), ("right", "正确示例"), ("fixed", "修正后"))
    for key, label in labels:
        if doc.get(key):
            out.append(f"  {label}：{doc[key].strip()}")
    out.append(f"  修正：{FIX_ZH[rule.fix]}")
    if doc.get("source"):
        out.append(f"  依据：{doc['source'].strip()}")
    sources = sorted({e.source for e in getattr(rule.params, "table", []) if getattr(e, "source", "")})
    if sources:
        out.append(f"  词表条目的依据（{len(sources)} 种）：")
        out.extend(f"    - {s}" for s in sources)
    out.append(f"  定义于：{rule.source}")
    return out


def kind_table(kinds: list[type[Kind]]) -> list[str]:
    out = []
    for kind in kinds:
        params = "、".join(p.name for p in describe(kind.Params)) or "—"
        out.append(
            f"{kind.name:<18} {'整篇' if kind.scope == 'document' else '逐段'}  {kind.title}（参数：{params}）"
        )
    return out


def explain_kind(kind: type[Kind]) -> list[str]:
    out = [
        f"{kind.name}（{'整篇文档检查' if kind.scope == 'document' else '逐段检查'}，默认修正：{FIX_ZH[kind.default_fix]}）"
    ]
    if kind.title:
        out.append(f"  {kind.title}")
    params = describe(kind.Params)
    if params:
        out.append("  参数：")
        for p in params:
            out.append(f"    {p.name}（{p.type}，默认 {p.default}）：{p.doc}")
    else:
        out.append("  参数：无")
    cases = {case: names for case, names in kind.cases.items()}
    out.append("  提示语情形与可用变量（另有 {match}、{replacement}）：")
    for case, names in cases.items():
        label = "message" if case == "default" else f"messages.{case}"
        shown = "、".join(f"{{{n}}}" for n in names) or "—"
        out.append(f"    {label}：{shown}")
    return out
