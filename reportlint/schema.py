"""The rule-pack schema, declared once: pack keys, rule keys, doc keys, and every kind's parameters.

Pack authors are drafters and office staff, so every mistake must come back as one
line naming the place. Each kind declares its parameters as a frozen dataclass whose
fields carry their documentation and limits (``param(...)``); this module validates
YAML against those declarations and renders them for ``reportlint kinds`` and the
README, so the three never drift apart.
"""

from __future__ import annotations

import dataclasses
import functools
import string
import types
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import regex

PACK_KEYS: dict[str, str] = {
    "pack": "规则包名称（不含“.”），也是规则编号的前缀",
    "version": "规则包版本",
    "description": "规则包说明",
    "rules": "规则列表",
    "categories": "本包新增的类别名称（可选）",
}
RULE_KEYS: dict[str, str] = {
    "id": "规则编号（包内唯一）",
    "kind": "规则类型（见 reportlint kinds）",
    "category": "类别（见 CATEGORIES，或本包 categories 中声明的）",
    "severity": "级别：error、warning、info",
    "severities": "按情形改写级别（如 duplicate 的 near: warning）",
    "message": "提示语模板（中文），可用 {match} 等变量",
    "messages": "按情形分别给出的提示语模板（用于有多种情形的规则类型）",
    "doc": "规则说明：summary、why、wrong、right、fixed、source",
    "fix": "修正级别上限：safe、unsafe、display-only、none",
    "enabled": "是否默认启用（true/false）",
    "scope": "逐段检查的规则看哪些段落：all（全部）或 body（只看正文段落）",
}
DOC_KEYS: dict[str, str] = {
    "summary": "一句话说明规则查什么（必填）",
    "why": "为什么是问题",
    "wrong": "会被报告的例子（作为测试运行）",
    "right": "不应被报告的例子（作为测试运行）",
    "fixed": "对 wrong 应用修正后应得到的文本（作为测试运行）",
    "source": "依据（标准条款、词典、文件）",
}
FIX_VALUES = ("safe", "unsafe", "display-only", "none")
SCOPES = ("all", "body")
# Variables every message template may use.
COMMON_VARIABLES = frozenset({"match", "replacement"})


class SchemaError(ValueError):
    """A value does not fit its declaration; the message says where inside the value."""


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


def param(
    default: Any = REQUIRED,
    doc: str = "",
    *,
    key: str | None = None,
    min: float | None = None,  # noqa: A002 - the YAML-facing name reads best
    max: float | None = None,  # noqa: A002
    regex_: bool = False,
    length: int | None = None,
    nonempty: bool = False,
) -> Any:
    """Declare one parameter of a kind (or one key of a nested entry).

    ``key``: the YAML key when it is not a Python name (``except``); ``min``/``max``: limits
    of a number; ``regex_``: strings that must compile as ``regex`` patterns; ``length``:
    the exact length of a string (or of each string in a list); ``nonempty``: a string or
    list that must not be empty.
    """
    meta = {
        "doc": doc,
        "key": key,
        "min": min,
        "max": max,
        "regex": regex_,
        "length": length,
        "nonempty": nonempty,
    }
    if default is REQUIRED:
        return field(metadata=meta)
    if isinstance(default, list | dict | set):
        value = default
        return field(default_factory=lambda: type(value)(value), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class NoParams:
    """For kinds without parameters."""


# ---------------------------------------------------------------------------------------- checking


def _where(path: list[str]) -> str:
    out = ""
    for part in path:
        if part.startswith("["):
            out += f"第{int(part[1:-1]) + 1}项"
        else:
            out += f"的“{part}”" if out else f"“{part}”"
    return out


def _fail(path: list[str], what: str) -> SchemaError:
    return SchemaError(f"参数{_where(path)}{what}")


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if tp is bool:
        return "true/false"
    if tp is int:
        return "整数"
    if tp is float:
        return "数值"
    if tp is str:
        return "字符串"
    if tp is Any:
        return "任意值"
    if origin is list:
        return f"{_type_name(get_args(tp)[0])}列表"
    if origin is dict:
        return f"映射（值为{_type_name(get_args(tp)[1])}）"
    if origin is Literal:
        return "、".join(str(a) for a in get_args(tp)) + " 之一"
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return "或".join(_type_name(a) for a in args)
    if dataclasses.is_dataclass(tp):
        return "映射（" + "、".join(_yaml_key(f) for f in dataclasses.fields(tp)) + "）"
    return getattr(tp, "__name__", str(tp))


def _yaml_key(f: dataclasses.Field) -> str:
    return f.metadata.get("key") or f.name


def _limits(value: Any, meta: dict, path: list[str]) -> None:
    if meta.get("nonempty") and isinstance(value, str | list | dict) and not value:
        raise _fail(path, "不能为空")
    lo, hi = meta.get("min"), meta.get("max")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if lo is not None and value < lo:
            raise _fail(path, f"应不小于 {lo}")
        if hi is not None and value > hi:
            raise _fail(path, f"应不大于 {hi}")
    length = meta.get("length")
    strings = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    for i, s in enumerate(strings):
        if not isinstance(s, str):
            continue
        where = path if isinstance(value, str) else [*path, f"[{i}]"]
        if length is not None and len(s) != length:
            raise _fail(where, f"应为{length}个字符（“{s}”）")
        if meta.get("regex"):
            try:
                regex.compile(s, regex.V1)
            except regex.error as exc:
                raise _fail(where, f"不是有效的正则表达式“{s}”：{exc}") from None


def check_value(value: Any, tp: Any, path: list[str], meta: dict | None = None) -> Any:
    """``value`` checked against the type ``tp`` (and ``meta``'s limits); nested entries become dataclasses."""
    out = _check(value, tp, path)
    if meta:
        _limits(out, meta, path)
    return out


def _check(value: Any, tp: Any, path: list[str]) -> Any:
    origin = get_origin(tp)
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if value is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _check(value, arg, path)
            except SchemaError as exc:
                errors.append(exc)
        if len(errors) == 1:
            raise errors[0]
        raise _fail(path, f"应为{_type_name(tp)}")
    if tp is bool:
        if not isinstance(value, bool):
            raise _fail(path, "应为 true 或 false（不加引号）")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(path, "应为整数")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(path, "应为数值")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise _fail(path, "应为字符串")
        return value
    if origin is Literal:
        if value not in get_args(tp):
            raise _fail(path, f"应为{_type_name(tp)}")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise _fail(path, f"应为{_type_name(tp)}")
        (item,) = get_args(tp)
        return [_check(v, item, [*path, f"[{i}]"]) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise _fail(path, f"应为{_type_name(tp)}")
        _, item = get_args(tp)
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise _fail(path, f"的键“{k}”应为字符串")
            out[k] = _check(v, item, [*path, k])
        return out
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise _fail(path, f"应为{_type_name(tp)}")
        return build(tp, value, path)
    raise TypeError(f"schema: unsupported type {tp!r}")  # a kind declared a type this module cannot check


@functools.cache
def _declared(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """Type hints and fields by YAML key, worked out once per class (get_type_hints is slow)."""
    return get_type_hints(cls), {_yaml_key(f): f for f in dataclasses.fields(cls)}


def build(cls: type, raw: dict[str, Any], path: list[str] | None = None) -> Any:
    """An instance of the dataclass ``cls`` from a YAML mapping, every field checked."""
    path = path or []
    hints, fields = _declared(cls)
    unknown = [k for k in raw if k not in fields]
    if unknown:
        where = f"参数{_where(path)}中" if path else ""
        raise SchemaError(f"{where}未知的键“{unknown[0]}”（可用：{'、'.join(fields)}）")
    values = {}
    for key, f in fields.items():
        if key in raw:
            values[f.name] = check_value(raw[key], hints[f.name], [*path, key], dict(f.metadata))
        elif f.default is MISSING and f.default_factory is MISSING:
            where = f"参数{_where(path)}" if path else ""
            raise SchemaError(f"{where}缺少“{key}”")
    return cls(**values)


def param_names(cls: type) -> set[str]:
    return {_yaml_key(f) for f in dataclasses.fields(cls)}


# --------------------------------------------------------------------------------------- templates


def template_fields(template: str) -> set[str]:
    """Variable names a ``str.format`` template uses; SchemaError if the template is malformed."""
    names = set()
    try:
        for _, name, spec, _ in string.Formatter().parse(template):
            if name is None:
                continue
            if not name or not name.isidentifier():
                raise SchemaError(f"提示语模板中的变量“{{{name}}}”无效（应为 {{变量名}}）")
            names.add(name)
            if spec and "{" in spec:
                raise SchemaError("提示语模板中不能嵌套变量")
    except ValueError as exc:
        raise SchemaError(f"提示语模板格式有误（{_format_error(exc)}）：“{template}”") from None
    return names


def _format_error(exc: ValueError) -> str:
    text = str(exc)
    if "expected '}'" in text or "unmatched '{'" in text.lower():
        return "缺少“}”；要显示花括号本身请写 {{ 或 }}"
    if "single '}'" in text:
        return "多了“}”；要显示花括号本身请写 }}"
    return text


# -------------------------------------------------------------------------------------- documentation


@dataclass(frozen=True)
class ParamDoc:
    name: str
    type: str
    default: str
    doc: str


def describe(cls: type) -> list[ParamDoc]:
    """The parameters of a kind, for ``reportlint kinds explain`` and the README."""
    hints = get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        if f.default is not MISSING:
            default = _show(f.default)
        elif f.default_factory is not MISSING:
            default = _show(f.default_factory())
        else:
            default = "（必填）"
        tp = _type_name(hints[f.name])
        limits = []
        if f.metadata.get("min") is not None:
            limits.append(f"≥ {f.metadata['min']}")
        if f.metadata.get("max") is not None:
            limits.append(f"≤ {f.metadata['max']}")
        if f.metadata.get("regex"):
            limits.append("正则表达式")
        if f.metadata.get("length"):
            limits.append(f"每项{f.metadata['length']}个字符")
        if limits:
            tp += "，" + "，".join(limits)
        out.append(ParamDoc(_yaml_key(f), tp, default, f.metadata.get("doc", "")))
    return out


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict) and not value:
        return "[]" if isinstance(value, list) else "{}"
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "…"


def kinds_markdown(kinds: Iterable[Any]) -> str:
    """The README's table of kinds, generated from the declarations."""
    rows = ["| kind | scope | parameters | message cases |", "| --- | --- | --- | --- |"]
    for kind in kinds:
        params = ", ".join(f"`{p.name}`" for p in describe(kind.Params)) or "—"
        cases = ", ".join(f"`{c}`" for c in kind.cases if c != "default") or "—"
        rows.append(f"| `{kind.name}` | {kind.scope} | {params} | {cases} |")
    return "\n".join(rows)
