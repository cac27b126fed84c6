"""Configuration: discovery, pyproject, --config, select/ignore/severity/accept, and config errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PLACEHOLDER_REPORT, WARNING_ONLY_REPORT, assert_one_line_error

from reportlint import Config, Linter, ReportlintError, Severity, load_config

BOTH = WARNING_ONLY_REPORT + PLACEHOLDER_REPORT  # one 某某 (warning) and one x (error)


def rules_found(data: dict) -> list[str]:
    return [f["rule"] for f in data["files"][0]["findings"] if f["category"] == "placeholder"]


def write_config(folder: Path, text: str, name: str = ".reportlint.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery --------------------------------------------------------------------------------


def test_config_found_from_the_current_folder_upward(cli_json, write, tmp_path, monkeypatch):
    write_config(tmp_path, "ignore: [mou-mou]\n")
    write("年度/2024/报告.txt", BOTH)
    monkeypatch.chdir(tmp_path / "年度" / "2024")
    _, data = cli_json("报告.txt")
    assert rules_found(data) == ["zh-placeholder.x-mark"]


def test_yml_suffix_is_found_too(cli_json, write, tmp_path, monkeypatch):
    write_config(tmp_path, "ignore: [x-mark]\n", ".reportlint.yml")
    write("sub/报告.txt", BOTH)
    monkeypatch.chdir(tmp_path / "sub")
    _, data = cli_json("报告.txt")
    assert rules_found(data) == ["zh-placeholder.mou-mou"]


def test_nearest_config_wins(cli_json, write, tmp_path, monkeypatch):
    write_config(tmp_path, "ignore: [mou-mou]\n")
    write_config(tmp_path / "sub", "ignore: [x-mark]\n")
    write("sub/报告.txt", BOTH)
    monkeypatch.chdir(tmp_path / "sub")
    _, data = cli_json("报告.txt")
    assert rules_found(data) == ["zh-placeholder.mou-mou"]


def test_no_config_uses_the_defaults(cli_json, write):
    _, data = cli_json(write("报告.txt", BOTH))
    assert rules_found(data) == ["zh-placeholder.mou-mou", "zh-placeholder.x-mark"]


def test_pyproject_tool_section(cli_json, write, tmp_path, monkeypatch):
    write_config(
        tmp_path, '[project]\nname = "reports"\n\n[tool.reportlint]\nignore = ["mou-mou"]\n', "pyproject.toml"
    )
    write("sub/报告.txt", BOTH)
    monkeypatch.chdir(tmp_path / "sub")
    _, data = cli_json("报告.txt")
    assert rules_found(data) == ["zh-placeholder.x-mark"]


def test_pyproject_without_the_section_is_passed_over(cli_json, write, tmp_path, monkeypatch):
    write_config(tmp_path, "ignore: [x-mark]\n")
    write_config(tmp_path / "sub", '[project]\nname = "reports"\n', "pyproject.toml")
    write("sub/报告.txt", BOTH)
    monkeypatch.chdir(tmp_path / "sub")
    _, data = cli_json("报告.txt")
    assert rules_found(data) == ["zh-placeholder.mou-mou"]


def test_config_option(cli_json, write, tmp_path):
    write_config(tmp_path, "ignore: [x-mark]\n")  # would be discovered, but --config wins
    config = write_config(tmp_path / "conf", "ignore: [mou-mou]\n", "lint.yaml")
    _, data = cli_json("--config", config, write("报告.txt", BOTH))
    assert rules_found(data) == ["zh-placeholder.x-mark"]


def test_config_option_with_a_pyproject(cli_json, write, tmp_path):
    config = write_config(tmp_path / "conf", '[tool.reportlint]\nselect = ["mou-mou"]\n', "pyproject.toml")
    _, data = cli_json("--config", config, write("报告.txt", BOTH))
    assert rules_found(data) == ["zh-placeholder.mou-mou"]


# --- what a config can say --------------------------------------------------------------------


@pytest.mark.parametrize(
    "setting, expected",
    [
        ("select: [x-mark]", ["zh-placeholder.x-mark"]),
        ("select: [zh-placeholder.mou-mou]", ["zh-placeholder.mou-mou"]),
        ("select: zh-placeholder", ["zh-placeholder.mou-mou", "zh-placeholder.x-mark"]),
        ("ignore: [zh-placeholder.x-mark]", ["zh-placeholder.mou-mou"]),
        ("ignore: [mou-mou]", ["zh-placeholder.x-mark"]),
        ("ignore: [placeholder]", []),
        ("select: [placeholder]\nignore: [x-mark]", ["zh-placeholder.mou-mou"]),
    ],
)
def test_select_and_ignore(cli_json, write, tmp_path, setting, expected):
    write_config(tmp_path, setting + "\n")
    _, data = cli_json(write("报告.txt", BOTH))
    assert rules_found(data) == expected


def test_command_line_select_replaces_and_ignore_adds(cli_json, write, tmp_path):
    write_config(tmp_path, "select: [x-mark]\nignore: [pending-note]\n")
    report = write("报告.txt", BOTH)
    _, data = cli_json("--select", "mou-mou", report)
    assert rules_found(data) == ["zh-placeholder.mou-mou"]
    _, data = cli_json("--ignore", "x-mark", report)
    assert rules_found(data) == []


@pytest.mark.parametrize("key", ["placeholder", "x-mark", "zh-placeholder.x-mark", "zh-placeholder"])
def test_severity_override(cli_json, write, tmp_path, key):
    write_config(tmp_path, f"severity:\n  {key}: warning\n")
    report = write("报告.txt", PLACEHOLDER_REPORT)
    code, data = cli_json(report)
    assert code == 1
    (finding,) = [f for f in data["files"][0]["findings"] if f["rule"] == "zh-placeholder.x-mark"]
    assert finding["severity"] == "warning"
    code, data = cli_json("--min-severity", "error", "--select", "placeholder", report)
    assert code == 0 and data["summary"]["findings"] == 0


def test_severity_override_raises_a_warning_to_error(cli_json, write, tmp_path):
    write_config(tmp_path, "severity: {mou-mou: error}\nselect: [placeholder]\n")
    code, data = cli_json("--min-severity", "error", write("报告.txt", WARNING_ONLY_REPORT))
    assert code == 1
    assert [f["severity"] for f in data["files"][0]["findings"]] == ["error"]


def test_severity_override_shows_in_rules_list(cli, tmp_path):
    write_config(tmp_path, "severity: {x-mark: info}\n")
    line = next(x for x in cli("rules").stdout.splitlines() if x.startswith("zh-placeholder.x-mark "))
    assert " info " in line


def test_min_severity_in_config(cli_json, write, tmp_path):
    write_config(tmp_path, "min-severity: error\nselect: [placeholder]\n")
    code, data = cli_json(write("报告.txt", WARNING_ONLY_REPORT))
    assert code == 0 and data["summary"]["findings"] == 0


def test_accept_words(cli_json, write, tmp_path):
    write_config(tmp_path, "accept: [某某科技公司]\nselect: [placeholder]\n")
    text = "区人大常委会赴某某科技公司开展调研。\n某某同志参加调研。\n"
    _, data = cli_json(write("报告.txt", text))
    assert [(f["rule"], f["line"]) for f in data["files"][0]["findings"]] == [("zh-placeholder.mou-mou", 2)]


def test_accept_silences_a_placeholder_like_word(cli_json, write, tmp_path):
    write_config(tmp_path, "accept: [XX大道]\nselect: [placeholder]\n")
    text = "沿XX大道新建公交站点5个。\n在XX街道开展调研。\n"
    _, data = cli_json(write("报告.txt", text))
    assert [f["line"] for f in data["files"][0]["findings"]] == [2]


def test_empty_config_file_is_fine(cli_json, write, tmp_path):
    write_config(tmp_path, "")
    _, data = cli_json(write("报告.txt", BOTH))
    assert rules_found(data) == ["zh-placeholder.mou-mou", "zh-placeholder.x-mark"]


# --- config errors: exit 2, one line, the file named --------------------------------------------

BAD_CONFIGS = {
    "unknown-key": ("ignroe: [x-mark]\n", "ignroe"),
    "yaml-syntax": ("select: [x-mark\n", ".reportlint.yaml"),
    "not-a-mapping": ("- x-mark\n", ".reportlint.yaml"),
    "select-not-strings": ("select: 5\n", "select"),
    "ignore-list-of-numbers": ("ignore: [1, 2]\n", "ignore"),
    "severity-not-mapping": ("severity: [error]\n", "severity"),
    "severity-bad-level": ("severity: {placeholder: fatal}\n", "fatal"),
    "severity-unknown-rule": ("severity: {no-such-rule: error}\n", "no-such-rule"),
    "select-unknown-rule": ("select: [no-such-rule]\n", "no-such-rule"),
    "min-severity-bad": ("min-severity: loud\n", "loud"),
    "year-not-a-year": ("year: 去年\n", "year"),
    "rules-not-mapping": ("rules: [x-mark]\n", "rules"),
    "rules-unknown-param": ("rules:\n  x-mark: {colour: red}\n", "colour"),
    "pack-missing": ("packs: [rules/none.yaml]\n", "none.yaml"),
}


@pytest.mark.parametrize("text, needle", BAD_CONFIGS.values(), ids=BAD_CONFIGS.keys())
def test_bad_config_is_a_one_line_error(cli, write, tmp_path, text, needle):
    write_config(tmp_path, text)
    assert_one_line_error(cli("check", write("报告.txt", BOTH)), needle)


def test_unknown_key_names_the_file(cli, write, tmp_path):
    write_config(tmp_path, "colour: red\n")
    assert_one_line_error(cli("check", write("报告.txt", BOTH)), ".reportlint.yaml", "colour")


def test_bad_pyproject_given_explicitly(cli, write, tmp_path):
    config = write_config(tmp_path / "conf", '[tool.reportlint]\nselect = ["x-mark"\n', "pyproject.toml")
    assert_one_line_error(cli("check", "--config", config, write("报告.txt", BOTH)), "pyproject.toml")


def test_bad_config_also_stops_rules_command(cli, tmp_path):
    write_config(tmp_path, "colour: red\n")
    assert_one_line_error(cli("rules"), "colour")


# --- the library side -------------------------------------------------------------------------


def test_load_config_discovers_from_start(tmp_path):
    path = write_config(tmp_path, "select: [x-mark]\nexclude: [草稿]\naccept: [某某公司]\nyear: 2024\n")
    (tmp_path / "a" / "b").mkdir(parents=True)
    config = load_config(start=tmp_path / "a" / "b")
    assert config.source == path
    assert config.root == tmp_path
    assert (config.select, config.exclude, config.accept, config.year) == (
        ["x-mark"],
        ["草稿"],
        ["某某公司"],
        2024,
    )


def test_load_config_from_cwd_and_explicit_path(tmp_path):
    path = write_config(tmp_path, "severity: {placeholder: info}\n")
    assert load_config().source == path
    config = load_config(path)
    assert config.severity == {"placeholder": Severity.INFO}


def test_load_config_without_any_file(tmp_path):
    config = load_config(start=tmp_path)
    assert config.source is None
    assert config == Config()


def test_load_config_errors(tmp_path):
    with pytest.raises(ReportlintError, match="colour"):
        load_config(write_config(tmp_path, "colour: red\n"))
    with pytest.raises(ReportlintError, match="配置文件不存在"):
        load_config(tmp_path / "missing.yaml")


def test_config_packs_are_relative_to_the_config(tmp_path):
    path = write_config(tmp_path / "conf", "packs: [office.yaml]\n")
    assert load_config(path).packs == [tmp_path / "conf" / "office.yaml"]


def test_config_drives_the_linter(tmp_path):
    write_config(tmp_path, "ignore: [mou-mou]\nseverity: {x-mark: warning}\n")
    findings = Linter(load_config()).lint_text(BOTH)
    placeholders = [f for f in findings if f.category == "placeholder"]
    assert [(f.rule, f.severity) for f in placeholders] == [("zh-placeholder.x-mark", Severity.WARNING)]
