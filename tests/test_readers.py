"""Reading reports: encodings, line endings, empty and binary files, Markdown, folders."""

from __future__ import annotations

import codecs
import random

import pytest
from conftest import (
    PLACEHOLDER_COLUMN,
    PLACEHOLDER_LINE,
    PLACEHOLDER_REPORT,
    assert_one_line_error,
    pattern_rule,
)

from reportlint import Config, lint_path

# Only the placeholder rules: these tests are about reading, not about the other packs.
ONLY = ("--select", "placeholder")


def placeholder_positions(data: dict, index: int = 0) -> list[tuple[int, int, int, int]]:
    return [
        (f["line"], f["column"], f["end_line"], f["end_column"])
        for f in data["files"][index]["findings"]
        if f["category"] == "placeholder"
    ]


# --- encodings --------------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": ("utf-8", b""),
    "utf-8-bom": ("utf-8", codecs.BOM_UTF8),
    "gb18030": ("gb18030", b""),
    "gbk": ("gbk", b""),
    "utf-16-le-bom": ("utf-16-le", codecs.BOM_UTF16_LE),
    "utf-16-be-bom": ("utf-16-be", codecs.BOM_UTF16_BE),
}


@pytest.mark.parametrize("encoding, bom", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_encodings(cli_json, write, encoding, bom):
    path = write("报告.txt", PLACEHOLDER_REPORT, encoding, bom)
    code, data = cli_json(*ONLY, path)
    assert code == 1
    expected = (PLACEHOLDER_LINE, PLACEHOLDER_COLUMN, PLACEHOLDER_LINE, PLACEHOLDER_COLUMN + 1)
    assert placeholder_positions(data) == [expected]
    assert data["files"][0]["findings"][0]["message"] == "未填写的占位符“x”"


@pytest.mark.parametrize("encoding, bom", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_encodings_text_output_shows_the_decoded_line(cli, write, encoding, bom):
    path = write("报告.txt", PLACEHOLDER_REPORT, encoding, bom)
    result = cli("check", *ONLY, path)
    assert result.exit_code == 1
    assert PLACEHOLDER_REPORT.splitlines()[PLACEHOLDER_LINE - 1] in result.stdout


def test_gb18030_four_byte_characters(cli_json, write):
    # 𠀾 (U+2003E) and 㐀 (U+3400) take four bytes in GB18030 and are not in GBK; each is one column.
    text = "各位代表：\n𠀾㐀村共召开村民代表会议x次。\n"
    raw = text.encode("gb18030")
    assert b"\x95" in raw or b"\x81" in raw  # four-byte sequences start with 0x81..0xFE
    code, data = cli_json(*ONLY, write("村.txt", raw))
    assert code == 1
    col = text.splitlines()[1].index("x") + 1
    assert placeholder_positions(data) == [(2, col, 2, col + 1)]


def test_utf16_with_crlf_as_notepad_writes_it(cli_json, write):
    text = PLACEHOLDER_REPORT.replace("\n", "\r\n")
    code, data = cli_json(*ONLY, write("记事本.txt", text, "utf-16-le", codecs.BOM_UTF16_LE))
    assert code == 1
    assert placeholder_positions(data) == [
        (PLACEHOLDER_LINE, PLACEHOLDER_COLUMN, PLACEHOLDER_LINE, PLACEHOLDER_COLUMN + 1)
    ]


def test_library_reads_gb18030(write):
    result = lint_path(
        write("报告.txt", PLACEHOLDER_REPORT, "gb18030"), config=Config(select=["placeholder"])
    )
    assert result.error is None
    assert [(f.line, f.column) for f in result.findings] == [(PLACEHOLDER_LINE, PLACEHOLDER_COLUMN)]


SHORT_GBK = [
    "会议x次",
    "共召开会议x次。",
    "各位代表：",
    "2023年工作回顾",
    "区人大常委会工作报告",
    "全年工作总结",
]


@pytest.mark.parametrize("text", SHORT_GBK)
def test_short_gbk_file_is_read_as_gbk(cli, write, text):
    # A detector alone guesses Big5 or cp949 (Korean) for one short line of GBK.
    path = write("短.txt", text + "\n", "gbk")
    result = cli("check", *ONLY, path)
    assert result.exit_code == (1 if "x" in text else 0), result.stderr
    if "x" in text:
        assert text in result.stdout


# --- line endings -----------------------------------------------------------------------------


def test_crlf_columns_do_not_count_the_carriage_return(cli_json, write):
    lines = ["各位代表：", "全年共召开主任会议x次，专题研究代表建议办理工作。", "全年组织代表视察活动x"]
    text = "\r\n".join(lines) + "\r\n"
    code, data = cli_json(*ONLY, write("windows.txt", text.encode("utf-8")))
    assert code == 1
    col2 = lines[1].index("x") + 1
    assert placeholder_positions(data) == [(2, col2, 2, col2 + 1), (3, len(lines[2]), 3, len(lines[2]) + 1)]


def test_crlf_text_output_has_no_carriage_return(cli, write):
    text = PLACEHOLDER_REPORT.replace("\n", "\r\n")
    result = cli("check", *ONLY, write("windows.txt", text.encode("utf-8")))
    assert result.exit_code == 1
    assert "\r" not in result.stdout
    assert f":{PLACEHOLDER_LINE}:{PLACEHOLDER_COLUMN}: " in result.stdout


def test_crlf_markdown(cli_json, write):
    text = "# 工作报告\r\n\r\n```\r\n会议x次\r\n```\r\n\r\n共召开会议x次。\r\n"
    code, data = cli_json(*ONLY, write("windows.md", text.encode("utf-8")))
    assert code == 1
    assert placeholder_positions(data) == [(7, 6, 7, 7)]


# --- empty, binary, unsupported ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [("空.txt", b""), ("空白.txt", b"\n\n  \n"), ("空.md", b""), ("bom.txt", codecs.BOM_UTF8)],
)
def test_empty_file(cli_json, write, name, content):
    code, data = cli_json(write(name, content))
    assert code == 0
    assert data["files"][0]["findings"] == []
    assert data["summary"]["findings"] == 0


def _binary() -> bytes:
    rng = random.Random(2024)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2048))


@pytest.mark.parametrize("name", ["截图.txt", "截图.md"])
def test_binary_file_is_a_clear_error(cli, write, name):
    path = write(name, _binary())
    err = assert_one_line_error(cli("check", path), name)
    assert "二进制" in err


def test_binary_file_in_the_library(write):
    result = lint_path(write("截图.txt", _binary()))
    assert result.findings == []
    assert result.error and "截图.txt" in result.error


@pytest.mark.parametrize("name", ["报告.pdf", "附件.png", "README"])
def test_unsupported_suffix_given_explicitly(cli, write, name):
    path = write(name, "共召开会议x次。\n")
    assert_one_line_error(cli("check", path), name)


# --- Markdown ---------------------------------------------------------------------------------

MARKDOWN = """\
---
title: 区人大常委会工作报告（召开会议x次）
---

# 2024年工作回顾

常委会全年召开会议x次。

```text
示例：共召开会议x次
```

~~~
审议议题x项
~~~

    缩进代码中的会议x次

行内代码 `会议x次` 不检查，正文x项要检查。

详见 https://www.example.gov.cn/报告/会议x次 ，以及 <https://example.com/x次> 。

<!-- 会议x次 -->
| 项目 | 次数 |
| --- | --- |
| 会议 | x次 |
"""


def test_markdown_skips_front_matter_code_urls_comments_and_tables(cli_json, write):
    code, data = cli_json(*ONLY, write("报告.md", MARKDOWN))
    assert code == 1
    lines = MARKDOWN.splitlines()
    flagged = [
        (f["line"], lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1])
        for f in data["files"][0]["findings"]
    ]
    body = next(i for i, line in enumerate(lines, 1) if "正文x" in line)
    assert flagged == [(7, "x"), (body, "x")]
    assert lines[body - 1].index("正文x") + 3 == data["files"][0]["findings"][1]["column"]


def test_markdown_heading_paragraph_excludes_the_hash(cli_json, write, make_pack):
    # A pattern anchored at the paragraph start only matches if the paragraph begins after '# '.
    pack = make_pack([pattern_rule(patterns=["^召开"], message="段首“{match}”")])
    text = "# 召开会议情况\n\n## 召开座谈会情况 ##\n\n  召开专题会议。\n"
    code, data = cli_json("--pack", pack, "--select", "office", write("报告.md", text))
    assert code == 1
    assert [(f["line"], f["column"], f["end_column"]) for f in data["files"][0]["findings"]] == [
        (1, 3, 5),
        (3, 4, 6),
        (5, 3, 5),
    ]


def test_markdown_heading_span_in_a_heading(cli_json, write):
    code, data = cli_json(*ONLY, write("报告.md", "# 区x届人大常委会工作报告\n"))
    assert code == 1
    assert placeholder_positions(data) == [(1, 4, 1, 5)]


def test_markdown_paragraph_over_several_lines(cli_json, write):
    text = "常委会坚持依法履职，\n全年共召开会议x次，\n听取专项报告x项。\n"
    code, data = cli_json(*ONLY, write("报告.md", text))
    assert code == 1
    assert placeholder_positions(data) == [(2, 8, 2, 9), (3, 7, 3, 8)]


def test_markdown_list_items(cli_json, write):
    text = "- 召开会议x次；\n- 听取报告x项；\n1. 开展视察x次。\n"
    code, data = cli_json(*ONLY, write("报告.md", text))
    assert code == 1
    assert placeholder_positions(data) == [(1, 7, 1, 8), (2, 7, 2, 8), (3, 8, 3, 9)]


def test_url_in_plain_text_is_not_linted(cli_json, write):
    text = "全文见 https://www.example.gov.cn/通知/会议x次.html ，请查阅。\n"
    code, data = cli_json(*ONLY, write("报告.txt", text))
    assert code == 0, data


# --- folders ----------------------------------------------------------------------------------


def _folder(write) -> None:
    write("reports/2024/一季度.txt", "一季度共召开会议x次。\n")
    write("reports/2024/专题/调研.md", "# 调研报告\n\n开展调研x次。\n")
    write("reports/2024/专题/附件.PNG", _binary())
    write("reports/2024/扫描.png", _binary())
    write("reports/.git/COMMIT_EDITMSG.txt", "召开会议x次。\n")
    write("reports/.git/objects/ab/草稿.md", "召开会议x次。\n")
    write("reports/.草稿.txt", "召开会议x次。\n")
    write("reports/~$一季度.txt", "召开会议x次。\n")
    write("reports/总结.markdown", "全年召开会议x次。\n")
    write("reports/备注.text", "全年召开会议12次。\n")
    write("reports/drafts/旧稿.txt", "召开会议x次。\n")


def test_folder_is_linted_recursively(cli_json, write, tmp_path):
    _folder(write)
    code, data = cli_json(*ONLY, tmp_path / "reports")
    assert code == 1
    root = tmp_path / "reports"
    paths = sorted(str(p.relative_to(root)) for p in map(type(root), (f["path"] for f in data["files"])))
    assert paths == sorted(
        ["2024/一季度.txt", "2024/专题/调研.md", "drafts/旧稿.txt", "总结.markdown", "备注.text"]
    )
    assert data["summary"]["files"] == 5
    assert data["summary"]["findings"] == 4


def test_folder_relative_path(cli_json, write):
    _folder(write)
    code, data = cli_json(*ONLY, "reports")
    assert code == 1
    assert "reports/2024/一季度.txt" in [f["path"] for f in data["files"]]


def test_exclude_in_config_skips_a_path(cli_json, write, tmp_path):
    _folder(write)
    (tmp_path / ".reportlint.yaml").write_text(
        "exclude:\n  - reports/drafts\n  - '*.markdown'\n", encoding="utf-8"
    )
    code, data = cli_json(*ONLY, "reports")
    assert code == 1
    names = sorted(f["path"].rsplit("/", 1)[-1] for f in data["files"])
    assert names == sorted(["一季度.txt", "调研.md", "备注.text"])


def test_folder_without_reports(cli_json, write, tmp_path):
    write("images/a.png", _binary())
    code, data = cli_json(tmp_path / "images")
    assert code == 0
    assert data["files"] == [] and data["summary"]["files"] == 0


def test_folder_with_a_binary_report_exits_2_but_lints_the_rest(cli, write, tmp_path):
    write("reports/好.txt", "全年召开会议x次。\n")
    write("reports/坏.txt", _binary())
    result = cli("check", *ONLY, tmp_path / "reports")
    assert result.exit_code == 2
    assert "坏.txt" in result.stderr and "好.txt" not in result.stderr
    assert "好.txt:1:" in result.stdout
