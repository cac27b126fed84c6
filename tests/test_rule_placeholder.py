"""placeholder (zh-placeholder.*): template blanks and drafter's notes left in a report.

True positives: x次, xx区委, 区x届, XX, ××同志, [某区工作报告标题], {{单位名称}},
是几中全会, 第几次, （待补充）, TODO, ___, 某某. True negatives: years such as
2019年, real terms (x轴, X射线, X光), Latin words and codes elsewhere (Windows,
Excel, x86), 1×2, and 待 inside ordinary words (有待定期, 尚待核实).
"""

from __future__ import annotations

import pytest
from rulekit import check_json, linter, report_file
from rulekit import col as at

from reportlint import Severity

CATEGORY = "placeholder"

lint = linter(CATEGORY)


def flagged(text: str) -> list[tuple[int, int, str, str]]:
    """(line, column, flagged text, rule id) of every finding; placeholders have no fix."""
    lines = text.split("\n")
    out = []
    for f in lint(text):
        assert f.category == CATEGORY
        assert f.fix is None
        assert f.line == f.end_line
        out.append((f.line, f.column, lines[f.line - 1][f.column - 1 : f.end_column - 1], f.rule))
    return out


# --- true positives ---------------------------------------------------------------------------


X_MARK = "zh-placeholder.x-mark"


def test_x_for_a_number():
    text = "全年共召开常委会会议x次，听取审议专项工作报告25个。"
    assert flagged(text) == [(1, at(text, "x"), "x", X_MARK)]
    assert lint(text)[0].message == "未填写的占位符“x”"
    assert lint(text)[0].severity == Severity.ERROR


def test_xx_for_a_place_name():
    text = "一年来，在中共xx区委的坚强领导下，常委会依法履职。"
    assert flagged(text) == [(1, at(text, "xx"), "xx", X_MARK)]


def test_x_for_session_numbers():
    text = "区x届人大x次会议期间，代表共提出建议48件。"
    assert flagged(text) == [(1, 2, "x", X_MARK), (1, at(text, "x", 2), "x", X_MARK)]


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        pytest.param("XX同志带队开展食品安全法执法检查。", "XX", id="XX"),
        pytest.param("常委会副主任××同志带队开展视察。", "××", id="××"),
        pytest.param("任免国家机关工作人员ｘｘ人次。", "ｘｘ", id="fullwidth-xx"),
    ],
)
def test_other_x_marks(text, mark):
    assert flagged(text) == [(1, at(text, mark), mark, X_MARK)]


def test_bracketed_template_title():
    text = "[某区人大常委会工作报告标题]"
    assert flagged(text) == [(1, 1, text, "zh-placeholder.bracket-template")]


@pytest.mark.parametrize(
    "marker",
    [
        pytest.param("{{单位名称}}", id="double-braces"),
        pytest.param("${单位名称}", id="dollar-braces"),
        pytest.param("（此处插入统计表）", id="此处插入"),
        pytest.param("【请填写会议日期】", id="请填写"),
    ],
)
def test_other_template_markers(marker):
    text = f"会议听取了{marker}的专题汇报。"
    assert flagged(text) == [(1, at(text, marker), marker, "zh-placeholder.bracket-template")]


def test_drafter_question_which_plenary_session():
    text = "2020年是几中全会召开之年，也是“十三五”规划收官之年。"
    assert flagged(text) == [(1, at(text, "是几中全会"), "是几中全会", "zh-placeholder.drafter-question")]
    assert lint(text)[0].message == "起草时留下的疑问未处理：“是几中全会”"


def test_drafter_question_which_meeting():
    text = "该决定经常委会第几次会议审议通过。"
    assert flagged(text) == [(1, at(text, "第几次"), "第几次", "zh-placeholder.drafter-question")]


def test_pending_note_in_brackets():
    text = "全年受理群众来信（待补充）件，办结率100%。"
    assert flagged(text) == [(1, at(text, "（待补充）"), "（待补充）", "zh-placeholder.pending-note")]


@pytest.mark.parametrize(
    ("text", "note"),
    [
        pytest.param("TODO：补充全年代表建议办理数据", "TODO", id="TODO"),
        pytest.param("具体数据待核实。", "待核实", id="待核实"),
        pytest.param("全年受理来信___件。", "___", id="underscores"),
    ],
)
def test_other_pending_notes(text, note):
    assert flagged(text) == [(1, at(text, note), note, "zh-placeholder.pending-note")]


def test_mou_mou_is_a_warning():
    text = "某某同志带队赴街道开展执法检查。"
    findings = lint(text)
    assert flagged(text) == [(1, 1, "某某", "zh-placeholder.mou-mou")]
    assert findings[0].severity == Severity.WARNING


def test_several_placeholders_in_one_template_report():
    text = (
        "[20xx年某区人大常委会工作报告]\n"
        "各位代表：\n"
        "一年来，在中共xx区委的坚强领导下，常委会共召开会议x次。\n"
    )
    lines = text.split("\n")
    assert flagged(text) == [
        (1, 1, lines[0], "zh-placeholder.bracket-template"),
        (1, at(lines[0], "xx"), "xx", X_MARK),  # the template year 20xx年
        (3, at(lines[2], "xx"), "xx", X_MARK),
        (3, at(lines[2], "x", 3), "x", X_MARK),
    ]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("截至2019年底，全区已完成老旧小区改造46个。", id="2019年"),
        pytest.param("图中x轴表示年份，纵轴表示办结件数。", id="x轴"),
        pytest.param("为区人民医院配备X射线检查设备2台。", id="X射线"),
        pytest.param("为乡镇卫生院配备X光机6台。", id="X光"),
        pytest.param("更换仍在使用Windows XP系统的办公电脑。", id="Windows-XP"),
        pytest.param("各街道使用Excel表格汇总代表建议。", id="Excel"),
        pytest.param("推进x86架构服务器国产化替代。", id="x86"),
        pytest.param("制作1×2米宣传展板30块。", id="1×2"),
        pytest.param("相关工作有待定期评估。", id="有待定期"),
        pytest.param("个别数据尚待核实，将在会后补报。", id="尚待核实"),
        pytest.param("全区新增就业1.2万人，城镇调查失业率5.1%。", id="numbers"),
        pytest.param("某区人大常委会主任 王明", id="某区-signature"),
    ],
)
def test_silent_on_years_terms_and_latin_words(text):
    assert lint(text) == []


def test_clean_report_is_silent():
    text = (
        "某区人民代表大会常务委员会工作报告\n"
        "——2024年1月8日在某区第十届人民代表大会第二次会议上\n"
        "各位代表：\n"
        "2023年是全面贯彻党的二十大精神的开局之年，常委会共召开会议12次，听取审议报告25个。\n"
        "常委会组织代表视察了配备X射线设备的区人民医院，查阅了用Excel汇总的台账。\n"
    )
    assert lint(text) == []


# --- known bug --------------------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["xx", "XX"])
def test_template_year_is_flagged(mark):
    text = f"20{mark}年，常委会共召开会议12次。"
    assert flagged(text) == [(1, 3, mark, X_MARK)]


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_template_blanks(tmp_path):
    body = "全年共召开常委会会议x次，受理群众来信（待补充）件。"
    path = report_file(tmp_path, f"各位代表：\n{body}\n")
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    x, note = at(body, "x"), at(body, "（待补充）")
    assert [(f["rule"], f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        (X_MARK, 2, x, x + 1, None),
        ("zh-placeholder.pending-note", 2, note, note + 5, None),
    ]


def test_cli_filled_report_exits_0(tmp_path):
    path = report_file(tmp_path, "各位代表：\n截至2019年底，全年共召开常委会会议8次。\n")
    assert check_json(CATEGORY, path) == (0, [])
