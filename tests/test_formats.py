"""CI formats through ``reportlint check``: SARIF (validated against the official 2.1.0 schema),
GitHub workflow commands, reviewdog's rdjson, one line per finding; --output-file and --exit-zero."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import docx
import jsonschema
import pytest
from conftest import CLEAN_REPORT, PLACEHOLDER_REPORT

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# Every kind of result in one report: a safe fix, a related place (the name's usual form), a
# duplicate paragraph (related, unsafe fix), a character outside the BMP before a finding.
MIXED = (
    "关于2024年区人大常委会工作情况的报告\n"
    "全年共召开常委会会议x次,听取报告12个。\n"
    "侯宗伟同志讲话。侯宗伟同志强调，候宗伟同志指出。\n"
    "𠮷野家门店开业,市场监管部门开展检查。\n"
    "常委会认真审查区级预算执行情况，督促有关部门规范资金使用，提高财政资金使用效益。\n"
    "常委会认真审查区级预算执行情况，督促有关部门规范资金使用，提高财政资金使用效益。\n"
)


def validate_sarif(log: dict) -> None:
    """The official schema, with format checks (uri, uri-reference …) turned on."""
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def word_report(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("关于工作情况的报告")
    d.add_paragraph("全年共召开常委会会议x次,听取报告12个。")
    d.add_paragraph("常委会认真审查区级预算执行情况，督促有关部门规范资金使用，提高财政资金使用效益。")
    d.add_paragraph("常委会认真审查区级预算执行情况，督促有关部门规范资金使用，提高财政资金使用效益。")
    d.save(str(path))
    return path


# --- SARIF ----------------------------------------------------------------------------------------


def sarif(cli, *args) -> tuple[int, dict]:
    result = cli("check", "--format", "sarif", *args)
    return result.exit_code, json.loads(result.stdout)


def test_sarif_validates_with_chinese_file_names_and_docx(cli, write, tmp_path):
    write("报告 2024/工作报告.txt", MIXED)
    word_report(tmp_path / "报告 2024" / "审阅稿.docx")
    code, log = sarif(cli, "报告 2024")
    assert code == 1
    validate_sarif(log)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]
    }
    assert {unquote(u) for u in uris} == {"报告 2024/工作报告.txt", "报告 2024/审阅稿.docx"}
    assert all(u.isascii() and " " not in u for u in uris)


def test_sarif_absolute_path_is_a_file_uri(cli, write):
    path = write("工作报告.txt", PLACEHOLDER_REPORT)
    _, log = sarif(cli, path.resolve())
    validate_sarif(log)
    (result,) = log["runs"][0]["results"]
    loc = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc["uri"].startswith("file://") or loc.get("uriBaseId") == "%SRCROOT%"


def test_sarif_run_rules_results(cli, write):
    write("a.txt", MIXED)
    _, log = sarif(cli, "a.txt")
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    rules = run["tool"]["driver"]["rules"]
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
    by_rule: dict[str, dict] = {}
    for r in run["results"]:
        by_rule.setdefault(r["ruleId"], r)
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    # a safe fix as a SARIF fix, not a property
    width = by_rule["zh-punct.halfwidth"]
    (fix,) = width["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "，"
    assert replacement["deletedRegion"] == {"startLine": 2, "startColumn": 13, "endLine": 2, "endColumn": 14}
    assert fix["description"]["text"] == "改为“，”"
    # the name's usual form is a related location
    name = by_rule["zh-structure.name-variant"]
    assert name["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3
    # the copy points to the first one, with an unsafe fix
    dup = by_rule["zh-structure.duplicate-paragraph"]
    assert dup["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert dup["fixes"][0]["properties"]["applicability"] == "unsafe"
    # columns count code points: 𠮷 is one column, even though it is two UTF-16 units
    comma = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 4]
    assert comma[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 8


def test_sarif_fingerprints_survive_lines_added_above(cli, write):
    write("a.txt", MIXED)
    _, before = sarif(cli, "a.txt")
    write("a.txt", "前言\n\n另起一段。\n" + MIXED)
    _, after = sarif(cli, "a.txt")

    def prints(log: dict) -> dict[str, str]:
        return {r["partialFingerprints"]["reportlint/v1"]: r["ruleId"] for r in log["runs"][0]["results"]}

    old, new = prints(before), prints(after)
    assert len(old) == len(before["runs"][0]["results"]), "fingerprints are unique in a file"
    assert set(old) <= set(new)


def test_sarif_docx_by_paragraph(cli, tmp_path):
    path = word_report(tmp_path / "报告.docx")
    _, log = sarif(cli, path.name)
    validate_sarif(log)
    results = log["runs"][0]["results"]
    assert results
    for r in results:
        (loc,) = r["locations"]
        assert "region" not in loc["physicalLocation"]
        assert loc["logicalLocations"][0]["name"] == f"第{loc['properties']['paragraph']}段"
        assert r["message"]["text"].startswith("第")
        assert "fixes" not in r
    placeholder = next(r for r in results if r["ruleId"] == "zh-placeholder.x-mark")
    assert placeholder["locations"][0]["properties"]["paragraph"] == 2


def test_sarif_file_error_is_a_notification(cli, write, tmp_path):
    write("a.txt", CLEAN_REPORT)
    code, log = sarif(cli, "a.txt", tmp_path / "缺失.txt")
    assert code == 2
    validate_sarif(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "缺失.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]


# --- GitHub, rdjson, line -----------------------------------------------------------------------------


def test_github_workflow_commands(cli, write, tmp_path):
    write("报告,2024.txt", MIXED)
    word_report(tmp_path / "审阅稿.docx")
    result = cli("check", "--format", "github", "报告,2024.txt", "审阅稿.docx")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(re.match(r"^::(error|warning|notice) file=[^,]+,", line) for line in lines)
    first = lines[0]
    assert first.startswith(
        "::error file=报告%2C2024.txt,line=2,col=11,endColumn=12,title=reportlint [zh-placeholder.x-mark]"
    )
    assert first.endswith("::未填写的占位符“x”")
    docx_lines = [line for line in lines if "审阅稿.docx" in line]
    assert docx_lines and all("line=" not in line and "::第" in line for line in docx_lines)


def test_rdjson_columns_are_utf8_bytes(cli, write):
    write("a.txt", MIXED)
    result = cli("check", "--format", "rdjson", "a.txt")
    data = json.loads(result.stdout)
    assert data["source"]["name"] == "reportlint"
    diag: dict[str, dict] = {}
    for d in data["diagnostics"]:
        diag.setdefault(d["code"]["value"], d)
    x = diag["zh-placeholder.x-mark"]["location"]["range"]
    assert x == {
        "start": {"line": 2, "column": 31},
        "end": {"line": 2, "column": 32},
    }  # 10 CJK chars = 30 bytes
    width = diag["zh-punct.halfwidth"]
    assert width["suggestions"] == [{"range": width["location"]["range"], "text": "，"}]
    name = diag["zh-structure.name-variant"]
    assert name["related_locations"][0]["location"]["range"]["start"]["line"] == 3
    comma = [d for d in data["diagnostics"] if d["location"]["range"]["start"]["line"] == 4][0]
    assert comma["location"]["range"]["start"]["column"] == len("𠮷野家门店开业".encode()) + 1


LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<l>\d+):(?P<c>\d+):(?P<el>\d+):(?P<ec>\d+): (?P<sev>error|warning|info) "
    r"(?P<cat>[a-z-]+) \[(?P<rule>[\w.-]+)\] (?P<msg>.+)$"
)


def test_line_format_is_one_parsable_line_per_finding(cli, write):
    write("a.txt", MIXED)
    result = cli("check", "--format", "line", "a.txt")
    lines = result.stdout.splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    m = LINE.match(lines[0])
    assert m and (m["l"], m["c"], m["el"], m["ec"], m["rule"]) == (
        "2",
        "11",
        "2",
        "12",
        "zh-placeholder.x-mark",
    )
    assert "共" not in result.stdout.splitlines()[-1][:1], "no summary line"


def test_output_file_and_exit_zero(cli, write, tmp_path):
    write("a.txt", PLACEHOLDER_REPORT)
    out = tmp_path / "结果" / "reportlint.sarif"
    out.parent.mkdir()
    result = cli("check", "-f", "sarif", "--output-file", out, "--exit-zero", "a.txt")
    assert result.exit_code == 0
    assert result.stdout == ""
    validate_sarif(json.loads(out.read_text(encoding="utf-8")))


def test_exit_zero_still_fails_on_errors(cli, tmp_path):
    assert cli("check", "--exit-zero", tmp_path / "缺失.txt").exit_code == 2


def test_output_file_that_cannot_be_written(cli, write, tmp_path):
    write("a.txt", PLACEHOLDER_REPORT)
    result = cli("check", "--output-file", tmp_path / "没有这个目录" / "out.txt", "a.txt")
    assert result.exit_code == 2
    assert "没有这个目录" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("name", ["github", "rdjson", "line", "sarif", "json", "text"])
def test_every_format_handles_a_clean_run(cli, write, name):
    write("a.txt", CLEAN_REPORT)
    assert cli("check", "--format", name, "a.txt").exit_code == 0
