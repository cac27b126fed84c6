"""Load and validate YAML rule packs into Rule objects.

Every mistake in a pack is reported on one line naming the pack file and the
rule, because pack authors are drafters and office staff, not programmers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .kinds import KINDS, REQUIRED, Kind, ParamError
from .model import ReportlintError, Severity

CATEGORIES = (
    "placeholder",
    "name-variant",
    "punctuation-width",
    "stray-latin",
    "duplicate-paragraph",
    "traditional-char",
    "broken-paragraph",
    "repeated-char",
    "heading-sequence",
    "cjk-space",
    "unpaired-punctuation",
    "missing-end-punctuation",
    "term-variant",
    "outdated-term",
    "misused-word",
    "list-punctuation",
)

_PACK_KEYS = {"pack", "version", "description", "rules", "categories"}
_RULE_KEYS = {"id", "kind", "category", "severity", "message", "doc", "fix", "enabled"}
_DOC_KEYS = {"summary", "why", "wrong", "right", "source"}
_FIX_VALUES = ("safe", "unsafe", "none")


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: packs load ~8x faster


class PackError(ReportlintError):
    pass


@dataclass
class Rule:
    pack: str
    id: str  # short id inside the pack
    kind: Kind
    kind_name: str
    category: str
    severity: Severity
    message: str
    doc: dict[str, Any]
    fix: str  # safe | unsafe | none
    enabled: bool
    source: Path
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def full_id(self) -> str:
        return f"{self.pack}.{self.id}"


@dataclass
class Pack:
    name: str
    version: Any
    description: str
    path: Path
    rules: list[Rule]


def builtin_pack_dir() -> Path:
    """The shipped packs: inside the wheel as reportlint/_packs, beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "_packs"
    return installed if installed.is_dir() else here.parent / "rules"


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_pack_dir().glob("*.yaml"))


def load_pack(path: Path, overrides: dict[str, dict[str, Any]] | None = None) -> Pack:
    where = str(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError:
        raise PackError(f"{where}：规则包文件不存在") from None
    except UnicodeDecodeError:
        raise PackError(f"{where}：规则包必须是 UTF-8 编码的 YAML") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"第{mark.line + 1}行：" if mark else ""
        problem = getattr(exc, "problem", None) or "YAML 语法错误"
        raise PackError(f"{where}：{at}YAML 语法错误（{problem}）") from None
    if not isinstance(data, dict):
        raise PackError(f"{where}：规则包应是一个映射（含 pack、version、description、rules）")
    unknown = set(data) - _PACK_KEYS
    if unknown:
        raise PackError(f"{where}：未知的键“{sorted(unknown)[0]}”")
    for key in ("pack", "version", "description", "rules"):
        if key not in data:
            raise PackError(f"{where}：缺少必填项“{key}”")
    name = data["pack"]
    if not isinstance(name, str) or not name or "." in name:
        raise PackError(f"{where}：pack 名称必须是不含“.”的非空字符串")
    categories = set(CATEGORIES) | set(data.get("categories") or [])
    if not isinstance(data["rules"], list):
        raise PackError(f"{where}：rules 必须是列表")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["rules"], 1):
        rule = _load_rule(raw, i, name, path, categories, (overrides or {}))
        if rule.id in seen:
            raise PackError(f"{where}：规则“{rule.id}”：规则编号重复")
        seen.add(rule.id)
        rules.append(rule)
    return Pack(
        name=name, version=data["version"], description=str(data["description"]), path=path, rules=rules
    )


def _load_rule(
    raw: Any, index: int, pack: str, path: Path, categories: set[str], overrides: dict[str, dict[str, Any]]
) -> Rule:
    where = str(path)
    if not isinstance(raw, dict):
        raise PackError(f"{where}：第{index}条规则不是映射")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        raise PackError(f"{where}：第{index}条规则缺少 id")
    at = f"{where}：规则“{rid}”"
    for key in ("kind", "category", "severity", "message", "doc"):
        if key not in raw:
            raise PackError(f"{at}：缺少必填项“{key}”")
    kind_name = raw["kind"]
    if kind_name not in KINDS:
        raise PackError(f"{at}：未知的规则类型“{kind_name}”（可用：{'、'.join(sorted(KINDS))}）")
    kind_cls = KINDS[kind_name]
    unknown = set(raw) - _RULE_KEYS - set(kind_cls.params)
    if unknown:
        raise PackError(f"{at}：未知的键“{sorted(unknown)[0]}”")
    if raw["category"] not in categories:
        raise PackError(f"{at}：未知的类别“{raw['category']}”")
    try:
        severity = Severity.parse(str(raw["severity"]))
    except ValueError as exc:
        raise PackError(f"{at}：{exc}") from None
    doc = raw["doc"]
    if not isinstance(doc, dict) or not doc.get("summary"):
        raise PackError(f"{at}：doc 必须包含 summary（以及 wrong / right 示例）")
    bad_doc = set(doc) - _DOC_KEYS
    if bad_doc:
        raise PackError(f"{at}：doc 中未知的键“{sorted(bad_doc)[0]}”")
    fix = raw.get("fix", kind_cls.default_fix)
    if fix not in _FIX_VALUES:
        raise PackError(f"{at}：fix 必须是 safe、unsafe 或 none")
    params = {}
    for pname, spec in kind_cls.params.items():
        value = raw.get(pname, spec.default)
        if value is REQUIRED:
            raise PackError(f"{at}：{kind_name} 类型的规则缺少参数“{pname}”")
        params[pname] = value
    params.update(overrides.get(f"{pack}.{rid}", {}) or overrides.get(rid, {}))
    for pname, value in params.items():
        spec = kind_cls.params.get(pname)
        if spec is None:
            raise PackError(f"{at}：配置中未知的参数“{pname}”")
        if value is not None and not isinstance(value, spec.types):
            raise PackError(f"{at}：参数“{pname}”的类型不对")
    try:
        kind = kind_cls(params)
    except ParamError as exc:
        raise PackError(f"{at}：{exc}") from None
    return Rule(
        pack=pack,
        id=rid,
        kind=kind,
        kind_name=kind_name,
        category=raw["category"],
        severity=severity,
        message=str(raw["message"]),
        doc=doc,
        fix=fix,
        enabled=bool(raw.get("enabled", True)),
        source=path,
        params=params,
    )
