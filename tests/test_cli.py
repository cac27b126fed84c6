"""The command line: exit codes, text and JSON output, ``rules``, inline suppression, the real script."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess

import pytest
from conftest import (
    CLEAN_REPORT,
    FINDING_KEYS,
    PLACEHOLDER_COLUMN,
    PLACEHOLDER_LINE,
    PLACEHOLDER_REPORT,
    WARNING_ONLY_REPORT,
    assert_one_line_error,
    pattern_rule,
    substitution_rule,
)

from reportlint import Linter

TEXT_LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) (?P<cat>[a-z-]+) \[(?P<rule>[\w.-]+)\] (?P<msg>.+)$"
)


def finding_lines(stdout: str) -> list[re.Match]:
    return [m for m in map(TEXT_LINE.match, stdout.splitlines()) if m]


# --- exit codes -------------------------------------------------------------------------------


def test_clean_report_exits_0(cli, write):
    path = write("clean.txt", CLEAN_REPORT)
    result = cli("check", path)
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.stdout
    assert result.stderr == ""


def test_placeholder_exits_1(cli, write):
    path = write("report.txt", PLACEHOLDER_REPORT)
    result = cli("check", path)
    assert result.exit_code == 1, result.output
    found = finding_lines(result.stdout)
    assert [(m["line"], m["col"], m["rule"]) for m in found] == [
        (str(PLACEHOLDER_LINE), str(PLACEHOLDER_COLUMN), "zh-placeholder.x-mark")
    ]


def test_missing_file_exits_2(cli, tmp_path):
    result = cli("check", tmp_path / "不存在的报告.txt")
    assert result.exit_code == 2
    assert "不存在的报告.txt" in result.stderr
    assert "Traceback" not in result.output


def test_missing_file_is_reported_once(cli, tmp_path):
    result = cli("check", "--format", "json", tmp_path / "不存在的报告.txt")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_missing_file_next_to_good_file_still_exits_2(cli, write, tmp_path):
    good = write("clean.txt", CLEAN_REPORT)
    result = cli("check", good, tmp_path / "缺失.txt")
    assert result.exit_code == 2
    assert "缺失.txt" in result.stderr


def test_bad_format_exits_2(cli, write):
    path = write("clean.txt", CLEAN_REPORT)
    assert_one_line_error(cli("check", "--format", "xml", path), "xml")


def test_unknown_select_exits_2(cli, write):
    path = write("clean.txt", CLEAN_REPORT)
    assert_one_line_error(cli("check", "--select", "no-such-rule", path), "no-such-rule")


def test_unknown_ignore_exits_2(cli, write):
    path = write("clean.txt", CLEAN_REPORT)
    assert_one_line_error(cli("check", "--ignore", "placeholdr", path), "placeholdr")


def test_pack_file_missing_exits_2(cli, write, tmp_path):
    path = write("clean.txt", CLEAN_REPORT)
    assert_one_line_error(cli("check", "--pack", tmp_path / "nope.yaml", path), "nope.yaml")


def test_bad_pack_exits_2(cli, write, make_pack):
    path = write("clean.txt", CLEAN_REPORT)
    pack = make_pack([pattern_rule(kind="fuzzy")])
    assert_one_line_error(cli("check", "--pack", pack, path), "office.yaml", "banned-phrase")


def test_binary_file_exits_2(cli, write):
    random.seed(7)
    path = write(
        "扫描件.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(random.randrange(256) for _ in range(512)),
    )
    err = assert_one_line_error(cli("check", path), "扫描件.txt")
    assert re.search(r"[\u4e00-\u9fff]", err.split("扫描件.txt", 1)[1]), (
        "the message after the file name is Chinese"
    )


def test_bad_config_exits_2(cli, write, tmp_path):
    path = write("clean.txt", CLEAN_REPORT)
    config = tmp_path / "lint.yaml"
    config.write_text("ignore: [mou-mou\n", encoding="utf-8")
    assert_one_line_error(cli("check", "--config", config, path), "lint.yaml")


def test_missing_config_exits_2(cli, write, tmp_path):
    path = write("clean.txt", CLEAN_REPORT)
    assert_one_line_error(cli("check", "--config", tmp_path / "absent.yaml", path), "absent.yaml")


def test_bad_min_severity_exits_2(cli, write):
    path = write("clean.txt", CLEAN_REPORT)
    assert_one_line_error(cli("check", "--min-severity", "fatal", path), "fatal")


def test_no_paths_is_a_usage_error(cli):
    assert cli("check").exit_code == 2


def test_min_severity_error_hides_warnings_and_changes_exit_code(cli, write):
    path = write("warn.txt", WARNING_ONLY_REPORT)
    shown = cli("check", path)
    assert shown.exit_code == 1
    assert [m["sev"] for m in finding_lines(shown.stdout)] == ["warning"]

    hidden = cli("check", "--min-severity", "error", path)
    assert hidden.exit_code == 0, hidden.output
    assert finding_lines(hidden.stdout) == []

    assert cli("check", "--min-severity", "warning", path).exit_code == 1


def test_min_severity_error_keeps_errors(cli_json, write):
    path = write("both.txt", WARNING_ONLY_REPORT + PLACEHOLDER_REPORT)
    code, data = cli_json("--min-severity", "error", path)
    assert code == 1
    assert {f["severity"] for f in data["files"][0]["findings"]} == {"error"}
    assert data["summary"]["warning"] == 0 and data["summary"]["error"] >= 1


def test_select_and_ignore_on_the_command_line(cli_json, write):
    path = write("both.txt", WARNING_ONLY_REPORT + PLACEHOLDER_REPORT)
    _, data = cli_json(path)
    assert {f["rule"] for f in data["files"][0]["findings"]} == {
        "zh-placeholder.mou-mou",
        "zh-placeholder.x-mark",
    }

    _, only = cli_json("--select", "x-mark", path)
    assert {f["rule"] for f in only["files"][0]["findings"]} == {"zh-placeholder.x-mark"}

    _, both = cli_json("--select", "zh-placeholder.x-mark,mou-mou", path)
    assert {f["rule"] for f in both["files"][0]["findings"]} == {
        "zh-placeholder.mou-mou",
        "zh-placeholder.x-mark",
    }

    _, ignored = cli_json("--ignore", "mou-mou", path)
    assert {f["rule"] for f in ignored["files"][0]["findings"]} == {"zh-placeholder.x-mark"}

    code, none = cli_json("--ignore", "placeholder", path)
    assert code == 0 and none["summary"]["findings"] == 0


# --- text output ------------------------------------------------------------------------------


def test_text_output_format_marker_and_summary(cli, write, make_pack):
    text = "区人大常委会共开展执法检查x项，这项工作倍受群众关注。\n某某街道完成整改任务。\n"
    path = write("report.txt", text)
    pack = make_pack([substitution_rule()])
    result = cli("check", "--pack", pack, "--select", "placeholder,office", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    found = finding_lines(result.stdout)
    assert [(m["line"], m["col"], m["sev"], m["cat"], m["rule"]) for m in found] == [
        ("1", str(text.index("x") + 1), "error", "placeholder", "zh-placeholder.x-mark"),
        ("1", str(text.index("倍受") + 1), "warning", "misused-word", "office.office-words"),
        ("2", "1", "warning", "placeholder", "zh-placeholder.mou-mou"),
    ]
    assert all(m["path"] == str(path) for m in found)
    assert "“x”" in found[0]["msg"]
    assert "“倍受”应写作“备受”" in found[1]["msg"]
    # Each finding is followed by its line and a caret marker under the span (CJK is two cells wide).
    i = lines.index(found[0].group(0))
    assert lines[i + 1].strip() == text.splitlines()[0]
    marker = lines[i + 2]
    assert marker.strip() == "^"
    assert marker.index("^") - 4 == 2 * 13  # 13 Chinese characters before the x
    j = lines.index(found[1].group(0))
    assert lines[j + 2].strip() == "^^^^"  # 倍受: two wide characters
    # The summary counts by category.
    summary = lines[lines.index(next(x for x in lines if x.startswith("共 1 个文件"))) :]
    assert "发现 3 处问题" in summary[0]
    counts = {parts[0]: int(parts[1]) for parts in (x.split() for x in summary[1:]) if len(parts) == 2}
    assert counts == {"placeholder": 2, "misused-word": 1}


def test_text_output_over_two_files(cli, write, tmp_path):
    write("a/one.txt", PLACEHOLDER_REPORT)
    write("a/two.txt", WARNING_ONLY_REPORT)
    result = cli("check", tmp_path / "a")
    assert result.exit_code == 1
    paths = [m["path"] for m in finding_lines(result.stdout)]
    assert paths == [str(tmp_path / "a" / "one.txt"), str(tmp_path / "a" / "two.txt")]
    assert "共 2 个文件，发现 2 处问题" in result.stdout


# --- JSON output ------------------------------------------------------------------------------


def test_json_shape_is_exactly_the_contract(cli_json, write, make_pack):
    path = write("report.txt", "这项工作倍受关注。\n" + PLACEHOLDER_REPORT)
    clean = write("clean.txt", CLEAN_REPORT)
    code, data = cli_json(
        "--pack", make_pack([substitution_rule()]), "--select", "placeholder,office", path, clean
    )
    assert code == 1
    assert set(data) == {"version", "files", "summary"}
    assert data["version"] == 1
    assert set(data["summary"]) == {"files", "findings", "error", "warning", "info"}
    assert data["summary"] == {"files": 2, "findings": 2, "error": 1, "warning": 1, "info": 0}
    assert [f["path"] for f in data["files"]] == [str(path), str(clean)]
    assert data["files"][1]["findings"] == []
    for entry in data["files"]:
        assert set(entry) == {"path", "findings"}
        for f in entry["findings"]:
            assert set(f) == FINDING_KEYS
            assert f["severity"] in ("error", "warning", "info")
            for key in ("line", "column", "end_line", "end_column"):
                assert isinstance(f[key], int) and f[key] >= 1
            assert f["fix"] is None or set(f["fix"]) == {"replacement"}
    by_rule = {f["rule"]: f for f in data["files"][0]["findings"]}
    assert by_rule["office.office-words"]["fix"] == {"replacement": "备受"}
    assert by_rule["zh-placeholder.x-mark"]["fix"] is None
    assert by_rule["zh-placeholder.x-mark"]["line"] == PLACEHOLDER_LINE + 1


def test_json_columns_count_code_points_and_end_is_exclusive(cli_json, write, make_pack):
    # 𠀾 is outside the BMP (two UTF-16 units, four UTF-8 bytes) but one column.
    lines = ["各位代表：", "𠀾𠀾村在XX镇的带领下，这项工作倍受好评，共召开会议××次。"]
    path = write("report.txt", "\n".join(lines) + "\n")
    code, data = cli_json("--pack", make_pack([substitution_rule()]), "--select", "placeholder,office", path)
    assert code == 1
    findings = data["files"][0]["findings"]
    flagged = []
    for f in findings:
        assert f["line"] == f["end_line"] == 2
        flagged.append(lines[1][f["column"] - 1 : f["end_column"] - 1])
    assert flagged == ["XX", "倍受", "××"]
    assert findings[0]["column"] == 5
    fix = next(f for f in findings if f["fix"])
    line = lines[1]
    fixed = line[: fix["column"] - 1] + fix["fix"]["replacement"] + line[fix["end_column"] - 1 :]
    assert "备受好评" in fixed and "倍受" not in fixed


def test_json_for_a_clean_run(cli_json, write):
    code, data = cli_json(write("clean.txt", CLEAN_REPORT))
    assert code == 0
    assert data["summary"] == {"files": 1, "findings": 0, "error": 0, "warning": 0, "info": 0}


# --- rules ------------------------------------------------------------------------------------


def test_rules_lists_every_loaded_rule(cli):
    result = cli("rules")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert {r.full_id for r in Linter().all_rules} <= listed
    assert "zh-placeholder.x-mark" in listed


def test_rules_lists_a_user_pack(cli, make_pack):
    result = cli("rules", "--pack", make_pack([pattern_rule()]))
    assert result.exit_code == 0
    assert "office.banned-phrase" in result.stdout


def test_rules_explain_prints_doc_and_examples(cli):
    rule = next(r for r in Linter().all_rules if r.full_id == "zh-placeholder.x-mark")
    result = cli("rules", "explain", "zh-placeholder.x-mark")
    assert result.exit_code == 0
    assert "zh-placeholder.x-mark" in result.stdout
    assert "placeholder" in result.stdout
    assert rule.doc["summary"].strip() in result.stdout
    assert rule.doc["wrong"] in result.stdout
    assert rule.doc["right"] in result.stdout


def test_rules_explain_by_short_id(cli):
    result = cli("rules", "explain", "x-mark")
    assert result.exit_code == 0
    assert "zh-placeholder.x-mark" in result.stdout


def test_rules_explain_user_rule(cli, make_pack):
    result = cli("rules", "--pack", make_pack([pattern_rule()]), "explain", "office.banned-phrase")
    assert result.exit_code == 0
    assert "一竿子插到底" in result.stdout


def test_rules_explain_unknown_exits_2(cli):
    assert_one_line_error(cli("rules", "explain", "zh-placeholder.no-such"), "zh-placeholder.no-such")


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("reportlint ")


# --- inline suppression -----------------------------------------------------------------------


def test_disable_comment_in_a_txt_paragraph(cli_json, write):
    text = "全年共召开主任会议x次。reportlint-disable=zh-placeholder.x-mark\n全年共组织代表视察x次。\n"
    _, data = cli_json("--select", "placeholder", write("r.txt", text))
    assert [(f["rule"], f["line"]) for f in data["files"][0]["findings"]] == [("zh-placeholder.x-mark", 2)]


def test_disable_names_only_the_rules_given(cli_json, write):
    text = "某某同志主持召开会议x次。reportlint-disable=x-mark\n"
    _, data = cli_json("--select", "placeholder", write("r.txt", text))
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["zh-placeholder.mou-mou"]


def test_disable_by_category(cli_json, write):
    text = "某某同志主持召开会议x次。reportlint-disable=placeholder\n"
    code, data = cli_json("--select", "placeholder", write("r.txt", text))
    assert code == 0 and data["files"][0]["findings"] == []


def test_disable_directive_itself_is_not_linted(cli_json, write):
    text = "全年共召开主任会议x次。reportlint-disable=zh-placeholder.x-mark\n"
    code, data = cli_json(write("r.txt", text))
    assert data["files"][0]["findings"] == []
    assert code == 0


def test_disable_line_standing_alone_silences_the_next_paragraph(cli_json, write):
    text = "# reportlint-disable\n某某同志主持召开会议x次。\n某某同志主持召开会议x次。\n"
    _, data = cli_json(write("r.txt", text))
    assert {f["line"] for f in data["files"][0]["findings"]} == {3}


def test_markdown_disable_comment_before_a_paragraph(cli_json, write):
    text = "# 工作报告\n\n<!-- reportlint-disable -->\n某某同志主持召开会议x次。\n\n共组织视察x次。\n"
    _, data = cli_json(write("r.md", text))
    assert [(f["rule"], f["line"]) for f in data["files"][0]["findings"]] == [("zh-placeholder.x-mark", 6)]


def test_markdown_disable_all_comment_inside_a_paragraph(cli_json, write):
    text = "共召开会议x次。<!-- reportlint-disable -->\n\n共组织视察x次。\n"
    _, data = cli_json(write("r.md", text))
    assert [f["line"] for f in data["files"][0]["findings"]] == [3]


@pytest.mark.parametrize(
    "comment",
    ["<!-- reportlint-disable=zh-placeholder.x-mark -->", "<!-- reportlint-disable=x-mark-->"],
)
def test_markdown_disable_comment_naming_a_rule(cli_json, write, comment):
    text = f"共召开会议x次。{comment}\n\n共组织视察x次。\n"
    _, data = cli_json(write("r.md", text))
    assert [f["line"] for f in data["files"][0]["findings"]] == [3]


# --- the real console script ------------------------------------------------------------------


def test_script_exit_codes(run, write, tmp_path, make_pack):
    clean = write("clean.txt", CLEAN_REPORT)
    dirty = write("dirty.txt", PLACEHOLDER_REPORT)
    ok = run("check", clean)
    assert ok.returncode == 0, ok.stderr
    bad = run("check", dirty)
    assert bad.returncode == 1
    assert (
        f"{dirty}:{PLACEHOLDER_LINE}:{PLACEHOLDER_COLUMN}: error placeholder [zh-placeholder.x-mark]"
        in bad.stdout
    )
    missing = run("check", tmp_path / "nope.txt")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


def test_script_json(run, write):
    dirty = write("dirty.txt", PLACEHOLDER_REPORT)
    proc = run("check", "--format", "json", dirty)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    (finding,) = data["files"][0]["findings"]
    assert (finding["line"], finding["column"]) == (PLACEHOLDER_LINE, PLACEHOLDER_COLUMN)


def test_script_bad_pack_no_traceback(run, write, make_pack):
    pack = make_pack([pattern_rule(patterns=["一竿子(插到底"])])
    proc = run("check", "--pack", pack, write("clean.txt", CLEAN_REPORT))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    err = proc.stderr.strip()
    assert len(err.splitlines()) == 1
    assert "office.yaml" in err and "banned-phrase" in err


def test_script_binary_file(run, write):
    path = write("附件.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    proc = run("check", path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    err = proc.stderr.strip()
    assert len(err.splitlines()) == 1 and "附件.txt" in err


def test_script_rules(run):
    proc = run("rules")
    assert proc.returncode == 0
    assert "zh-placeholder.x-mark" in proc.stdout
    assert run("rules", "explain", "no-such-rule").returncode == 2


def _long_report(paragraphs: int) -> str:
    """A long report with every tenth paragraph a near copy of an earlier one."""
    sentences = [
        "区人大常委会全年召开会议{n}次，听取和审议专项工作报告{m}项。",
        "组织代表{n}人次视察{t}工作，督促整改问题{m}个。",
        "围绕{t}开展专题调研{n}次，形成调研报告{m}篇。",
        "全年受理群众来信来访{n}件次，按期办结率达到{m}%。",
        "督促区人民政府落实审议意见，{t}工作取得明显成效。",
        "开展执法检查，深入{n}个镇街、{m}家单位实地察看。",
    ]
    topics = ["城市更新", "乡村振兴", "垃圾分类", "安全生产", "养老服务", "社区治理"]
    rng = random.Random(11)
    paras: list[str] = []
    for i in range(paragraphs):
        if paras and i % 10 == 9:
            base = rng.choice(paras)
            j = rng.randrange(len(base))
            paras.append(base[:j] + "和" + base[j + 1 :])
        else:
            paras.append(
                "".join(
                    rng.choice(sentences).format(
                        n=rng.randint(2, 90), m=rng.randint(2, 400), t=rng.choice(topics)
                    )
                    for _ in range(3)
                )
            )
    return "\n".join(paras) + "\n"


def test_same_input_same_output_in_every_process(exe, write, tmp_path):
    path = write("长报告.txt", _long_report(300))
    outputs = set()
    for seed in ("0", "1", "2", "3"):
        proc = subprocess.run(
            [str(exe), "check", "--format", "json", path],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=300,
        )
        assert proc.returncode == 1, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1, "the findings differ between runs"
