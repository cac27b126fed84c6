"""Project configuration: ``.reportlint.yaml`` or ``[tool.reportlint]``, found from a folder upward."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import ReportlintError, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10: the backport, a dependency there (pyproject.toml)
    import tomli as tomllib  # type: ignore[import-not-found, no-redef]

CONFIG_NAMES = (".reportlint.yaml", ".reportlint.yml")
_KEYS = {
    "packs": "额外的规则包文件列表",
    "builtin": "是否加载内置规则包（true/false）",
    "select": "只启用这些规则或类别",
    "ignore": "停用这些规则或类别",
    "enable": "启用默认关闭的规则",
    "severity": "按规则或类别改写严重级别",
    "exclude": "不检查的路径（通配符）",
    "accept": "接受的词语（不再报告）",
    "year": "报告年份（用于时效性规则）",
    "rules": "按规则改写参数",
    "min-severity": "最低报告级别",
}


@dataclass
class Config:
    packs: list[Path] = field(default_factory=list)
    builtin: bool = True
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    year: int | None = None
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    min_severity: Severity = Severity.INFO
    source: Path | None = None

    @property
    def root(self) -> Path:
        return self.source.parent if self.source else Path.cwd()


def valid_year(year: object) -> bool:
    return isinstance(year, int) and not isinstance(year, bool) and 1949 <= year <= 2100


def find_config(start: Path) -> Path | None:
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
    return None


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    section = data.get("tool", {}).get("reportlint")
    return section if isinstance(section, dict) else None


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Load ``path``, or discover a config from ``start`` (default: the current folder) upward."""
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config()
    if not path.is_file():
        raise ReportlintError(f"{path}：配置文件不存在")
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("reportlint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ReportlintError(f"{path}：TOML 语法错误（{exc}）") from None
    else:
        import yaml  # only when there is a YAML config: importing it costs a run 30 ms

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ReportlintError(f"{path}：YAML 语法错误（{getattr(exc, 'problem', exc)}）") from None
        except UnicodeDecodeError:
            raise ReportlintError(f"{path}：配置文件必须是 UTF-8 编码") from None
    if not isinstance(data, dict):
        raise ReportlintError(f"{path}：配置应是一个映射")
    return _parse(data, path)


def _strings(data: dict[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReportlintError(f"{path}：“{key}”应是字符串列表")
    return list(value)


def _parse(data: dict[str, Any], path: Path) -> Config:
    unknown = set(data) - set(_KEYS)
    if unknown:
        raise ReportlintError(f"{path}：未知的配置项“{sorted(unknown)[0]}”（可用：{'、'.join(_KEYS)}）")
    config = Config(source=path)
    config.packs = [(path.parent / p) for p in _strings(data, "packs", path)]
    builtin = data.get("builtin", True)
    if not isinstance(builtin, bool):
        raise ReportlintError(f"{path}：“builtin”应为 true 或 false（不加引号）")
    config.builtin = builtin
    config.select = _strings(data, "select", path)
    config.ignore = _strings(data, "ignore", path)
    config.enable = _strings(data, "enable", path)
    config.exclude = _strings(data, "exclude", path)
    config.accept = _strings(data, "accept", path)
    severity = data.get("severity", {}) or {}
    if not isinstance(severity, dict):
        raise ReportlintError(f"{path}：“severity”应是“规则或类别: 级别”的映射")
    try:
        config.severity = {str(k): Severity.parse(str(v)) for k, v in severity.items()}
        if "min-severity" in data:
            config.min_severity = Severity.parse(str(data["min-severity"]))
    except ValueError as exc:
        raise ReportlintError(f"{path}：{exc}") from None
    year = data.get("year")
    if year is not None and not valid_year(year):
        raise ReportlintError(f"{path}：“year”应是 1949–2100 之间的四位年份")
    config.year = year
    rules = data.get("rules", {}) or {}
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ReportlintError(f"{path}：“rules”应是“规则编号: {{参数: 值}}”的映射")
    if not all(isinstance(k, str) for k in rules):
        raise ReportlintError(f"{path}：“rules”的键应是规则编号")
    config.rules = rules
    return config
