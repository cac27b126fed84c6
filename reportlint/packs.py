"""Load and validate YAML rule packs into Rule objects.

Every mistake in a pack is reported on one line naming the pack file and the
rule, because pack authors are drafters and office staff, not programmers. The
keys themselves are declared in ``schema.py``; this module applies them. Parsed
packs are cached by file and modification time, and a rule's kind is built (its
regexes and tables compiled) only when a run uses the rule.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .kinds import KINDS, Kind
from .model import Applicability, ReportlintError, Severity
from .schema import (
    COMMON_VARIABLES,
    DOC_KEYS,
    FIX_VALUES,
    PACK_KEYS,
    RULE_KEYS,
    SCOPES,
    SchemaError,
    build,
    param_names,
    template_fields,
)

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


class PackError(ReportlintError):
    pass


@dataclass
class Rule:
    pack: str
    id: str  # short id inside the pack
    kind_name: str
    category: str
    severity: Severity
    severities: dict[str, Severity]  # message case -> severity, where it differs from ``severity``
    messages: dict[str, str]  # message case -> template
    doc: dict[str, Any]
    fix: str  # safe | unsafe | display-only | none
    enabled: bool
    scope: str  # all | body (paragraph kinds)
    source: Path
    params: Any  # the kind's validated Params dataclass
    _kind: Kind | None = field(default=None, repr=False, compare=False)

    @property
    def full_id(self) -> str:
        return f"{self.pack}.{self.id}"

    @property
    def kind_class(self) -> type[Kind]:
        return KINDS[self.kind_name]

    @property
    def message(self) -> str:
        """The template of the rule's first message case (what ``rules explain`` shows)."""
        return self.messages.get("default") or next(iter(self.messages.values()), "")

    @property
    def fix_cap(self) -> Applicability | None:
        """The most a fix of this rule may be trusted; None: the rule offers no fix."""
        return None if self.fix == "none" else Applicability.parse(self.fix)

    @property
    def kind(self) -> Kind:
        """The kind with its parameters compiled: built on first use, once per rule."""
        if self._kind is None:
            try:
                self._kind = self.kind_class(self.params)
            except SchemaError as exc:  # parameters that fit their types but not each other
                raise PackError(f"{self.source}：规则“{self.id}”：{exc}") from None
        return self._kind

    def with_overrides(self, overrides: dict[str, Any], where: str) -> Rule:
        """A copy with parameters changed by a config file's ``rules:``; errors name the config."""
        raw = {**_raw_params(self.params), **overrides}
        at = f"{where}：rules 中的“{self.full_id}”"
        unknown = set(overrides) - param_names(self.kind_class.Params)
        if unknown:
            raise PackError(f"{at}：规则类型 {self.kind_name} 没有参数“{sorted(unknown)[0]}”")
        try:
            params = build(self.kind_class.Params, raw)
            rule = Rule(**{**self.__dict__, "params": params, "_kind": None})
            _check_messages(rule, rule.kind_class)
            rule._kind = rule.kind_class(params)  # build now, so that a bad value is blamed on the config
        except SchemaError as exc:
            raise PackError(f"{at}：{exc}") from None
        return rule


def _raw_params(params: Any) -> dict[str, Any]:
    """Parameters back as the YAML keys they came from (for re-validation with overrides)."""
    out = {}
    for f in dataclasses.fields(params):
        out[f.metadata.get("key") or f.name] = _raw(getattr(params, f.name))
    return out


def _raw(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {k: v for k, v in _raw_params(value).items() if v is not None}
    if isinstance(value, list):
        return [_raw(v) for v in value]
    if isinstance(value, dict):
        return {k: _raw(v) for k, v in value.items()}
    return value


@dataclass
class Pack:
    name: str
    version: Any
    description: str
    path: Path
    rules: list[Rule]
    categories: list[str] = field(default_factory=list)  # categories the pack adds to the fixed ones


def builtin_pack_dir() -> Path:
    """The shipped packs: inside the wheel as reportlint/_packs, beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "_packs"
    return installed if installed.is_dir() else here.parent / "rules"


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_pack_dir().glob("*.yaml"))


_CACHE: dict[tuple[str, int, int], Pack] = {}
# The shipped packs, and others at least this large, are kept parsed in the user cache folder:
# parsing and validating the shipped packs costs about 0.3 s per process, unpickling them 15 ms.
_DISK_CACHE_BYTES = 16 * 1024
_DISK_FORMAT = 1  # bump when what is pickled changes shape in a way the code fingerprint misses


def load_pack(path: Path) -> Pack:
    """The validated pack at ``path``; parsed once per file version."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise PackError(f"{path}：规则包文件不存在") from None
    except OSError as exc:
        raise PackError(f"{path}：无法读取规则包（{exc.strerror}）") from None
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    pack = _CACHE.get(key)
    if pack is None:
        shipped = path.resolve().parent == builtin_pack_dir()
        pack = _load_cached(path) if shipped or st.st_size >= _DISK_CACHE_BYTES else None
        if pack is None:
            pack = _parse_pack(path)
        _CACHE[key] = pack
    return pack


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """What a pickled pack depends on besides its file: the code that validates and holds it."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha1(__version__.encode())
    for source in sorted(
        [here / "packs.py", here / "schema.py", here / "model.py", *here.glob("kinds/*.py")]
    ):
        st = source.stat()
        digest.update(f"{source.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def _load_cached(path: Path) -> Pack | None:
    """The pack from the user cache folder (made there on first use); None when that cannot be."""
    from .lang.cache import materialise

    try:
        data = path.read_bytes()
    except OSError:
        return None  # let the parser report it
    key = f"pack-{hashlib.sha1(data).hexdigest()[:20]}-{_code_fingerprint()}-v{_DISK_FORMAT}"
    parsed: list[Pack] = []

    def build(folder: Path) -> None:
        parsed.append(_parse_pack(path))  # a PackError propagates: nothing is cached
        (folder / "pack.pickle").write_bytes(pickle.dumps(parsed[0], protocol=pickle.HIGHEST_PROTOCOL))

    folder = materialise(key, build)
    if parsed:
        return parsed[0]
    if folder is None:
        return None
    try:
        pack = pickle.loads((folder / "pack.pickle").read_bytes())
    except Exception:  # a damaged or foreign cache entry: parse the file instead
        return None
    if not isinstance(pack, Pack):
        return None
    # The same content may have been cached from another path: messages must name this one.
    return dataclasses.replace(
        pack, path=path, rules=[dataclasses.replace(r, source=path) for r in pack.rules]
    )


def _parse_pack(path: Path) -> Pack:
    import yaml  # here: a run whose packs all come from the cache does not import it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: packs load ~8x faster
    where = str(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except FileNotFoundError:
        raise PackError(f"{where}：规则包文件不存在") from None
    except IsADirectoryError:
        raise PackError(f"{where}：是目录，不是规则包文件") from None
    except UnicodeDecodeError:
        raise PackError(f"{where}：规则包必须是 UTF-8 编码的 YAML") from None
    except OSError as exc:
        raise PackError(f"{where}：无法读取规则包（{exc.strerror}）") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"第{mark.line + 1}行：" if mark else ""
        problem = getattr(exc, "problem", None) or "YAML 语法错误"
        raise PackError(f"{where}：{at}YAML 语法错误（{problem}）") from None
    if not isinstance(data, dict):
        raise PackError(f"{where}：规则包应是一个映射（含 pack、version、description、rules）")
    unknown = set(data) - set(PACK_KEYS)
    if unknown:
        raise PackError(f"{where}：未知的键“{sorted(unknown)[0]}”（可用：{'、'.join(PACK_KEYS)}）")
    for key in ("pack", "version", "description", "rules"):
        if key not in data:
            raise PackError(f"{where}：缺少必填项“{key}”")
    name = data["pack"]
    if not isinstance(name, str) or not name or "." in name:
        raise PackError(f"{where}：pack 名称必须是不含“.”的非空字符串")
    extra = data.get("categories") or []
    if not isinstance(extra, list) or not all(isinstance(c, str) and c for c in extra):
        raise PackError(f"{where}：categories 应是类别名称（字符串）的列表")
    categories = set(CATEGORIES) | set(extra)
    if not isinstance(data["rules"], list):
        raise PackError(f"{where}：rules 必须是列表")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["rules"], 1):
        rule = _load_rule(raw, i, name, path, categories)
        if rule.id in seen:
            raise PackError(f"{where}：规则“{rule.id}”：规则编号重复")
        seen.add(rule.id)
        rules.append(rule)
    return Pack(
        name=name,
        version=data["version"],
        description=str(data["description"]),
        path=path,
        rules=rules,
        categories=list(extra),
    )


def _load_rule(raw: Any, index: int, pack: str, path: Path, categories: set[str]) -> Rule:
    where = str(path)
    if not isinstance(raw, dict):
        raise PackError(f"{where}：第{index}条规则不是映射")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        raise PackError(f"{where}：第{index}条规则缺少 id")
    at = f"{where}：规则“{rid}”"
    for key in ("kind", "category", "severity", "doc"):
        if key not in raw:
            raise PackError(f"{at}：缺少必填项“{key}”")
    kind_name = raw["kind"]
    if kind_name not in KINDS:
        raise PackError(f"{at}：未知的规则类型“{kind_name}”（可用：{'、'.join(sorted(KINDS))}）")
    kind_cls = KINDS[kind_name]
    own = {k: v for k, v in raw.items() if k not in RULE_KEYS}
    unknown = set(own) - param_names(kind_cls.Params)
    if unknown:
        raise PackError(f"{at}：未知的键“{sorted(unknown)[0]}”")
    if raw["category"] not in categories:
        raise PackError(f"{at}：未知的类别“{raw['category']}”")
    try:
        severity = Severity.parse(str(raw["severity"]))
        case_severities = raw.get("severities") or {}
        if not isinstance(case_severities, dict):
            raise ValueError("severities 应是“情形: 级别”的映射")
        severities = {str(k): Severity.parse(str(v)) for k, v in case_severities.items()}
    except ValueError as exc:
        raise PackError(f"{at}：{exc}") from None
    doc = raw["doc"]
    if not isinstance(doc, dict) or not doc.get("summary"):
        raise PackError(f"{at}：doc 必须包含 summary（以及 wrong / right 示例）")
    bad_doc = set(doc) - set(DOC_KEYS)
    if bad_doc:
        raise PackError(f"{at}：doc 中未知的键“{sorted(bad_doc)[0]}”（可用：{'、'.join(DOC_KEYS)}）")
    for key, value in doc.items():
        if not isinstance(value, str):
            raise PackError(f"{at}：doc 中的“{key}”应为字符串")
    fix = raw.get("fix", kind_cls.default_fix)
    if fix not in FIX_VALUES:
        raise PackError(f"{at}：fix 必须是 {'、'.join(FIX_VALUES)} 之一")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise PackError(f"{at}：enabled 应为 true 或 false（不加引号）")
    scope = raw.get("scope", "all")
    if scope not in SCOPES:
        raise PackError(f"{at}：scope 必须是 {'、'.join(SCOPES)} 之一")
    if "scope" in raw and kind_cls.scope != "paragraph":
        raise PackError(f"{at}：{kind_name} 类型的规则检查整篇文档，不支持 scope")
    messages = raw.get("messages") or {}
    if not isinstance(messages, dict) or not all(isinstance(v, str) for v in messages.values()):
        raise PackError(f"{at}：messages 应是“情形: 提示语”的映射")
    if "message" in raw:
        if not isinstance(raw["message"], str):
            raise PackError(f"{at}：message 应为字符串")
        messages = {"default": raw["message"], **messages}
    try:
        params = build(kind_cls.Params, own)
    except SchemaError as exc:
        raise PackError(f"{at}：{exc}") from None
    rule = Rule(
        pack=pack,
        id=rid,
        kind_name=kind_name,
        category=raw["category"],
        severity=severity,
        severities=severities,
        messages=messages,
        doc=doc,
        fix=fix,
        enabled=enabled,
        scope=scope,
        source=path,
        params=params,
    )
    try:
        _check_messages(rule, kind_cls)
    except SchemaError as exc:
        raise PackError(f"{at}：{exc}") from None
    return rule


def _check_messages(rule: Rule, kind_cls: type[Kind]) -> None:
    """Every case the kind reports has a template, and each template uses only variables it provides."""
    variables = kind_cls.variables(rule.params)
    unknown = (set(rule.messages) | set(rule.severities)) - set(variables) - {"default"}
    if unknown:
        raise SchemaError(f"未知的情形“{sorted(unknown)[0]}”（可用：{'、'.join(variables)}）")
    resolved: dict[str, str] = {}
    for case, names in variables.items():
        template = rule.messages.get(case, rule.messages.get("default"))
        if template is None:
            wanted = "message" if case == "default" else f"messages 中的“{case}”（或 message）"
            raise SchemaError(f"缺少提示语：{wanted}")
        used = template_fields(template)
        allowed = names | COMMON_VARIABLES
        extra = used - allowed
        if extra:
            raise SchemaError(
                f"提示语中的变量“{{{sorted(extra)[0]}}}”在此不可用（可用：{'、'.join(sorted(allowed))}）"
            )
        resolved[case] = template
    rule.messages.update(resolved)
