"""The library API: lint_text, lint_path, Linter, load_config, and what a Finding carries."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import (
    CLEAN_REPORT,
    PLACEHOLDER_COLUMN,
    PLACEHOLDER_LINE,
    PLACEHOLDER_REPORT,
    WARNING_ONLY_REPORT,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportlint
from reportlint import (
    Config,
    FileResult,
    Finding,
    Linter,
    ReportlintError,
    Severity,
    lint_path,
    lint_text,
    load_config,
)
from reportlint.packs import CATEGORIES


@functools.cache
def default_linter() -> Linter:
    return Linter()


def test_public_names():
    for name in (
        "lint_text",
        "lint_path",
        "Linter",
        "load_config",
        "Config",
        "Finding",
        "Fix",
        "FileResult",
        "ReportlintError",
        "Severity",
    ):
        assert name in reportlint.__all__
        assert hasattr(reportlint, name)


def test_lint_text_returns_findings_with_positions():
    findings = lint_text(PLACEHOLDER_REPORT, config=Config(select=["placeholder"]))
    assert len(findings) == 1
    (f,) = findings
    assert isinstance(f, Finding)
    assert (f.rule, f.category, f.severity) == ("zh-placeholder.x-mark", "placeholder", Severity.ERROR)
    assert (f.line, f.column, f.end_line, f.end_column) == (
        PLACEHOLDER_LINE,
        PLACEHOLDER_COLUMN,
        PLACEHOLDER_LINE,
        PLACEHOLDER_COLUMN + 1,
    )
    assert PLACEHOLDER_REPORT[f.start : f.end] == "x"
    assert f.message == "未填写的占位符“x”"
    assert f.fix is None
    assert f.paragraph == 2


def test_lint_text_clean():
    assert lint_text(CLEAN_REPORT) == []
    assert lint_text("") == []


def test_lint_text_markdown_flag():
    text = "```\n会议x次\n```\n\n正文会议x次。\n"
    assert [f.line for f in lint_text(text, markdown=True, config=Config(select=["placeholder"]))] == [5]
    assert [f.line for f in lint_text(text, config=Config(select=["placeholder"]))] == [2, 5]


def test_lint_path_accepts_str_and_path(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(PLACEHOLDER_REPORT, encoding="utf-8")
    for arg in (path, str(path)):
        result = lint_path(arg, config=Config(select=["placeholder"]))
        assert isinstance(result, FileResult)
        assert result.path == str(path)
        assert result.error is None
        assert [(f.line, f.column) for f in result.findings] == [(PLACEHOLDER_LINE, PLACEHOLDER_COLUMN)]


@pytest.mark.parametrize("name", ["缺失.txt", "报告.pdf"])
def test_lint_path_errors_come_back_in_the_result(tmp_path, name):
    if name.endswith(".pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    result = lint_path(tmp_path / name)
    assert result.findings == []
    assert result.error and name in result.error


def test_lint_path_on_a_folder_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "目录.txt").mkdir()
    result = lint_path(tmp_path / "目录.txt")
    assert result.error and "目录.txt" in result.error


def test_linter_is_reusable_and_keeps_no_state(tmp_path):
    linter = Linter(Config(select=["placeholder"]))
    first = linter.lint_text(PLACEHOLDER_REPORT)
    linter.lint_text(WARNING_ONLY_REPORT * 20)
    again = linter.lint_text(PLACEHOLDER_REPORT)
    assert [(f.rule, f.start, f.end, f.line, f.column) for f in first] == [
        (f.rule, f.start, f.end, f.line, f.column) for f in again
    ]
    path = tmp_path / "a.txt"
    path.write_text(WARNING_ONLY_REPORT, encoding="utf-8")
    assert [f.rule for f in linter.lint_path(path).findings] == ["zh-placeholder.mou-mou"]


def test_findings_are_sorted_by_position():
    text = "某某同志带队召开会议x次，审议议题xx项。\n某某街道（待补充）。\n"
    found = Linter(Config(select=["placeholder"])).lint_text(text)
    assert [(f.line, f.column) for f in found] == sorted((f.line, f.column) for f in found)
    assert len(found) == 5


def test_linter_with_config_from_load_config(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("select: [mou-mou]\n", encoding="utf-8")
    linter = Linter(load_config())
    assert [r.full_id for r in linter.rules] == ["zh-placeholder.mou-mou"]
    assert [f.rule for f in linter.lint_text(WARNING_ONLY_REPORT + PLACEHOLDER_REPORT)] == [
        "zh-placeholder.mou-mou"
    ]


def test_unknown_name_in_select_raises():
    with pytest.raises(ReportlintError, match="no-such-rule"):
        Linter(Config(select=["no-such-rule"]))


def test_severity_override_and_min_severity():
    config = Config(select=["placeholder"], severity={"mou-mou": Severity.INFO})
    (f,) = Linter(config).lint_text(WARNING_ONLY_REPORT)
    assert f.severity == Severity.INFO
    config = Config(select=["placeholder"], min_severity=Severity.WARNING)
    assert Linter(config).lint_text(WARNING_ONLY_REPORT + "审议议题x项。") == Linter(
        Config(select=["x-mark", "mou-mou"])
    ).lint_text(WARNING_ONLY_REPORT + "审议议题x项。")
    config = Config(select=["placeholder"], min_severity=Severity.ERROR)
    assert [f.rule for f in Linter(config).lint_text(WARNING_ONLY_REPORT + "审议议题x项。")] == [
        "zh-placeholder.x-mark"
    ]


def test_every_rule_is_well_formed():
    linter = default_linter()
    assert linter.all_rules
    ids = [r.full_id for r in linter.all_rules]
    assert len(ids) == len(set(ids))
    added = {c for pack in linter.packs for c in pack.categories}
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for category in added:  # a category a shipped pack adds is documented for editors and scripts
        assert f"`{category}`" in readme, category
    for rule in linter.all_rules:
        assert rule.full_id == f"{rule.pack}.{rule.id}"
        assert rule.category in CATEGORIES or rule.category in added, f"{rule.full_id}: unknown category"
        assert isinstance(rule.severity, Severity)
        assert rule.message.strip()
        assert str(rule.doc.get("summary", "")).strip()


def test_fix_object_from_a_substitution(tmp_path):
    pack = tmp_path / "office.yaml"
    pack.write_text(
        "pack: office\nversion: 1\ndescription: 本单位规范用语\nrules:\n"
        "  - id: words\n    kind: substitution\n    category: misused-word\n    severity: warning\n"
        "    message: “{match}”应为“{replacement}”\n    doc: {summary: 规范用语}\n"
        "    table:\n      - {wrong: 倍受, right: 备受}\n",
        encoding="utf-8",
    )
    (f,) = Linter(Config(builtin=False), extra_packs=[pack]).lint_text("这项工作倍受关注。")
    assert f.fix is not None and (f.fix.replacement, f.fix.safe, f.fix.title) == ("备受", True, "改为“备受”")
    assert f.message == "“倍受”应为“备受”"


def test_year_in_config_reaches_the_rules(tmp_path):
    pack = tmp_path / "terms.yaml"
    pack.write_text(
        "pack: terms\nversion: 1\ndescription: 机构改革后的称谓\nrules:\n"
        "  - id: renamed\n    kind: substitution\n    category: outdated-term\n    severity: warning\n"
        "    message: 应为“{replacement}”\n    doc: {summary: 改革后称谓}\n"
        "    table:\n      - {wrong: 一府两院, right: 一府一委两院, since: 2018}\n",
        encoding="utf-8",
    )
    text = "听取和审议一府两院的专项工作报告。"
    assert Linter(Config(builtin=False, year=2016), extra_packs=[pack]).lint_text(text) == []
    assert len(Linter(Config(builtin=False, year=2022), extra_packs=[pack]).lint_text(text)) == 1


# --- robustness: any text, any rule, consistent positions ---------------------------------------

_CHARS = st.sampled_from(
    list(
        "会议报告常委会代表工作监督审议人大区街道某某xX×次项，。、；：！？“”（）《》【】[]() \u3000\t\r\n0123456789abcTODO𠀾"
    )
)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(_CHARS, max_size=120), st.booleans())
def test_any_text_lints_without_error_and_positions_agree(text, markdown):
    findings = default_linter().lint_text(text, markdown=markdown)
    lines = text.split("\n")
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.category and f.rule and f.message
        assert 1 <= f.line <= f.end_line <= len(lines)
        before = text[: f.start]
        assert f.line == before.count("\n") + 1
        assert f.column == len(before) - (before.rfind("\n") + 1) + 1
        if f.fix is not None:
            assert isinstance(f.fix.replacement, str)


# --- fault isolation, paths as strings, python -m -----------------------------------------------


def test_a_failing_rule_is_one_internal_error_and_the_others_still_report(monkeypatch, write, cli_json):
    from reportlint.kinds.repeated import RepeatedKind

    def broken(self, para, ctx):
        raise ValueError("故意的错误")

    monkeypatch.setattr(RepeatedKind, "check", broken)
    path = write("r.txt", "全年共召开会议x次，财政预算算执行良好。\n")
    code, data = cli_json(path)
    findings = data["files"][0]["findings"]
    internal = [f for f in findings if f["category"] == "internal-error"]
    assert len(internal) == 1 and "zh-chars.doubled" in internal[0]["message"]
    assert "故意的错误" in internal[0]["message"]
    assert any(f["category"] == "placeholder" for f in findings), "the other rules still report"
    assert code == 2, "an internal error is an error, after everything that worked was printed"


def test_a_failing_rule_does_not_stop_other_files(monkeypatch, write, cli_json):
    from reportlint.kinds.headings import HeadingsKind

    def broken(self, doc, ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(HeadingsKind, "check", broken)
    a = write("a.txt", "召开会议x次。\n")
    b = write("b.txt", "召开会议xx次。\n")
    code, data = cli_json(a, b)
    assert code == 2
    assert [
        len([f for f in entry["findings"] if f["category"] == "placeholder"]) for entry in data["files"]
    ] == [1, 1]


def test_lint_path_takes_a_string(write):
    path = write("report.txt", "召开会议x次。\n")
    result = Linter().lint_path(str(path))
    assert result.error is None and [f.category for f in result.findings] == ["placeholder"]
    assert lint_path(str(path)).findings[0].rule == "zh-placeholder.x-mark"


def test_python_dash_m(write):
    import subprocess
    import sys

    path = write("report.txt", "召开会议x次。\n")
    proc = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert '"x-mark"' in proc.stdout or "zh-placeholder.x-mark" in proc.stdout


def test_version_is_the_package_metadata():
    from importlib.metadata import version

    import reportlint

    assert reportlint.__version__ == version("reportlint")


def test_fixes_carry_applicability_and_a_title():
    from reportlint import Applicability

    (f,) = [f for f in lint_text("财政预算算执行良好。", config=Config(select=["repeated-char"]))]
    assert f.fix is not None
    assert f.fix.applicability == Applicability.UNSAFE and f.fix.title == "删除重复的“算”"


def test_related_places_are_located():
    text = "一是加强监督，确保各项决策部署落到实处，推动全区经济社会持续健康发展。\n\n一是加强监督，确保各项决策部署落到实处，推动全区经济社会持续健康发展。\n"
    (f,) = lint_text(text, config=Config(select=["duplicate-paragraph"]))
    assert [(r.line, r.column) for r in f.related] == [(1, 1)]
