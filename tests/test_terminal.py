"""Terminal output: excerpts that fit the width, carets on the right cells, colour, --statistics, --quiet,
and findings shown as each file is finished."""

from __future__ import annotations

import io
import re

import pytest
from conftest import CLEAN_REPORT, PLACEHOLDER_REPORT
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint import cli as cli_module
from reportlint.formats.text import INDENT, cells, excerpt
from reportlint.model import FileResult, Finding, Severity
from reportlint.output import use_color

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LONG_LINE = (
    "一年来，常委会坚持围绕中心、服务大局，依法履行监督职责，" * 2
    + "共召开会议x次，"
    + "听取和审议专项工作报告十八项，推动解决了一批群众反映强烈的实际问题。" * 2
)
PASTED = (
    "常委会认真审查区级预算执行情况，督促有关部门规范资金使用，提高财政资金使用效益，"
    "组织代表围绕教育、医疗、养老等问题开展专题调研，形成调研报告五篇，提出意见建议三十六条。"
)


def excerpts(stdout: str) -> list[tuple[str, str]]:
    """(shown line, marker line) pairs under each finding, indent removed."""
    lines = stdout.splitlines()
    return [
        (lines[i][4:], lines[i + 1][4:])
        for i in range(len(lines) - 1)
        if lines[i + 1].strip().startswith("^")
    ]


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_excerpt_fits_the_terminal_and_caret_is_under_the_span(cli, write, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    write("a.txt", f"{LONG_LINE}\n")
    result = cli("check", "--select", "placeholder", "a.txt")
    ((shown, mark),) = excerpts(result.stdout)
    assert cells("    " + shown) < columns
    left = len(mark) - len(mark.lstrip(" "))
    # the caret starts at the cell where x starts
    prefix_cells = 0
    for ch in shown:
        if prefix_cells == left:
            assert ch == "x", (shown, mark)
            break
        prefix_cells += cells(ch)
    else:
        pytest.fail("caret beyond the shown text")
    assert mark.strip() == "^"


def test_long_span_shown_as_head_and_tail(cli, write, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    write("a.txt", f"{PASTED}\n本段是其他内容，用于隔开两段。\n{PASTED}\n")
    result = cli("check", "--select", "duplicate-paragraph", "a.txt")
    ((shown, mark),) = excerpts(result.stdout)
    assert shown.startswith(PASTED[:5]) and shown.endswith(PASTED[-5:])
    assert "…" in shown and len(shown) < len(PASTED)
    assert cells("    " + shown) < 80
    assert len(mark.strip()) == cells(shown), "the whole shown span is marked"


def test_caret_on_wide_and_astral_characters(cli, write, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    write("a.txt", "𠮷野家和“示范社区”单位,共同开展活动。\n")
    result = cli("check", "--select", "punctuation-width", "a.txt")
    ((shown, mark),) = excerpts(result.stdout)
    assert cells(shown[: shown.index(",")]) == len(mark) - len(mark.lstrip())


def test_colour_always_never_and_no_color(cli, write, monkeypatch):
    write("a.txt", PLACEHOLDER_REPORT)
    coloured = cli("check", "--color", "always", "a.txt").stdout
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == cli("check", "--color", "never", "a.txt").stdout
    assert not ANSI.search(cli("check", "a.txt").stdout), "not a terminal: no colour"

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_color("auto", Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", Tty())
    assert use_color("always", Tty())
    assert cli("check", "--color", "sometimes", "a.txt").exit_code == 2


def test_statistics(cli, write):
    write("a.txt", PLACEHOLDER_REPORT + "全年召开会议x次,听取报告25个,审议议题。\n")
    result = cli("check", "--statistics", "a.txt")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert re.match(r"^\s+2\s+zh-placeholder\.x-mark\s+placeholder$", lines[0]), lines
    assert re.match(r"^\s+2\s+zh-punct\.halfwidth\s+punctuation-width\s+可自动修正 2$", lines[1]), lines
    assert lines[-1] == "共 1 个文件，4 处问题。"
    assert "^" not in result.stdout


def test_quiet(cli, write):
    write("clean.txt", CLEAN_REPORT)
    write("a.txt", PLACEHOLDER_REPORT)
    assert cli("check", "--quiet", "clean.txt").stdout == ""
    out = cli("check", "-q", "a.txt").stdout
    assert "zh-placeholder.x-mark" in out and "共 1 个文件" not in out


def test_findings_are_written_as_each_file_finishes():
    out = io.StringIO()
    seen_before_second: list[str] = []

    def results():
        yield FileResult("a.txt", error="a.txt：无法读取")
        from reportlint import Linter

        yield FileResult("b.txt", Linter().lint_text(PLACEHOLDER_REPORT))
        seen_before_second.append(out.getvalue())
        yield FileResult("c.txt")

    cli_module.emit(results(), "line", out)
    assert "b.txt:2:" in seen_before_second[0]


@given(
    line=st.text(alphabet="中文报告,。a1 𠮷“”\t", min_size=1, max_size=200),
    data=st.data(),
    width=st.integers(min_value=20, max_value=160),
)
@settings(max_examples=200, deadline=None)
def test_any_excerpt_fits_and_marks_its_span(line, data, width):
    start = data.draw(st.integers(min_value=0, max_value=len(line)))
    end = data.draw(st.integers(min_value=start, max_value=len(line)))
    f = Finding("r", "c", Severity.ERROR, "m", 0, 0, line=1, column=start + 1, end_line=1, end_column=end + 1)
    shown, mark = excerpt(line, f, width)
    assert cells(INDENT + shown) < width or width < 22  # tiny terminals get the 16-cell minimum
    pad = len(mark) - len(mark.lstrip(" "))
    assert set(mark[pad:]) == {"^"}
    shown_cells = [cells(shown[:i]) for i in range(len(shown) + 1)]
    assert pad in shown_cells, "the caret starts at a character boundary"
    first = shown[shown_cells.index(pad)] if pad < cells(shown) else " "
    expected = line[start] if start < len(line) else " "
    assert first in (expected.replace("\t", " "), "…")
