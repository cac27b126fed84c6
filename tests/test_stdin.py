"""Standard input: ``check -`` and ``fix -`` with ``--stdin-filename``, as an editor calls them."""

from __future__ import annotations

import json
import subprocess
import sys

import docx
from conftest import CLEAN_REPORT, PLACEHOLDER_COLUMN, PLACEHOLDER_LINE, PLACEHOLDER_REPORT, pattern_rule


def test_check_stdin(cli_stdin):
    result = cli_stdin(PLACEHOLDER_REPORT, "check", "-")
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith(f"-:{PLACEHOLDER_LINE}:{PLACEHOLDER_COLUMN}: error placeholder")


def test_stdin_filename_names_the_report_and_picks_the_reader(cli_stdin):
    text = "# 标题\n\n```\n代码里的 x 次不算\n```\n\n正文共召开会议x次。\n"
    result = cli_stdin(text, "check", "-", "--stdin-filename", "草稿/报告.md", "--format", "json")
    data = json.loads(result.stdout)
    (entry,) = data["files"]
    assert entry["path"] == "草稿/报告.md"
    assert [f["line"] for f in entry["findings"] if f["category"] == "placeholder"] == [7]


def test_stdin_filename_finds_the_config_beside_it(cli_stdin, tmp_path, make_pack):
    folder = tmp_path / "office"
    folder.mkdir()
    make_pack([pattern_rule()], file="office/office.yaml")
    (folder / ".reportlint.yaml").write_text("packs: [office.yaml]\nselect: [office]\n", encoding="utf-8")
    text = "各部门要一竿子插到底，狠抓工作落实。\n"
    result = cli_stdin(text, "check", "-", "--stdin-filename", str(folder / "新报告.txt"), "-f", "line")
    assert result.exit_code == 1
    assert "[office.banned-phrase]" in result.stdout
    assert result.stdout.startswith(str(folder / "新报告.txt"))
    assert cli_stdin(text, "check", "-", "-f", "line").stdout == ""  # no config found from here


def test_stdin_gb18030_and_docx(cli_stdin, tmp_path):
    result = cli_stdin(PLACEHOLDER_REPORT.encode("gb18030"), "check", "-", "-f", "line")
    assert "[zh-placeholder.x-mark]" in result.stdout
    d = docx.Document()
    d.add_paragraph("全年共召开常委会会议x次。")
    d.save(str(tmp_path / "a.docx"))
    result = cli_stdin((tmp_path / "a.docx").read_bytes(), "check", "-", "--stdin-filename", "a.docx")
    assert "a.docx:段1:" in result.stdout


def test_stdin_usage_errors(cli_stdin, write):
    path = write("a.txt", CLEAN_REPORT)
    result = cli_stdin("", "check", "-", path)
    assert result.exit_code == 2 and "标准输入" in result.stderr
    result = cli_stdin("", "check", path, "--stdin-filename", "b.txt")
    assert result.exit_code == 2 and "--stdin-filename" in result.stderr
    result = cli_stdin("", "check", "-", "--stdin-filename", "a.pdf")
    assert result.exit_code == 2 and ".pdf" in result.stderr


def test_fix_stdin_writes_the_fixed_text_to_stdout(cli_stdin):
    text = "全年召开会议12次,听取报告25个。\r\n"
    result = cli_stdin(text.encode("gb18030"), "fix", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes == "全年召开会议12次，听取报告25个。\r\n".encode("gb18030")
    assert "已修正" in result.stderr


def test_fix_stdin_unchanged_text_comes_back_as_it_was(cli_stdin):
    result = cli_stdin(CLEAN_REPORT, "fix", "-", "--stdin-filename", "a.md")
    assert result.exit_code == 0
    assert result.stdout == CLEAN_REPORT


def test_fix_stdin_diff(cli_stdin):
    result = cli_stdin("全年召开会议12次,听取报告。\n", "fix", "-", "--diff", "--stdin-filename", "a.txt")
    assert "-全年召开会议12次,听取报告。" in result.stdout
    assert "+全年召开会议12次，听取报告。" in result.stdout


def test_missing_file_error_comes_before_the_summary_that_points_to_it(exe, tmp_path):
    done = subprocess.run(
        [str(exe), "check", str(tmp_path / "缺失.txt")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    lines = done.stdout.splitlines()
    assert "缺失.txt" in lines[0] and "见上方错误" in lines[-1], lines


def test_python_m_reportlint_reads_stdin(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "-", "-f", "line"],
        input=PLACEHOLDER_REPORT.encode(),
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert done.stdout.decode().startswith(f"-:{PLACEHOLDER_LINE}:{PLACEHOLDER_COLUMN}:")
