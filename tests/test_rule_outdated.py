"""outdated-term (zh-outdated.outdated-term): terms superseded by reform, by the report's year.

True positives: 一府两院 → 一府一委两院 in a report whose date line reads 2024 (or 2019, the
first reports after the change of March 2018, or whose year is given); 农业部 → 农业农村部;
合同法 from 2021 with a choice of replacements (unsafe fix).
True negatives: the same text in a report dated 2017 or 2018 (delivered before the change), or
with the year given as 2016 (Config(year=…) or --year), or whose year cannot be told; a sentence
about the past (2016年…, 被原文化部授予…); a building named after an old office (地税局住宅楼);
except words holding an entry (农业部门, 监察部门, 劳动合同法, 农业部长).
"""

from __future__ import annotations

import pytest
from rulekit import check_json, finder, linter, report_file

CATEGORY = "outdated-term"
RULE = "zh-outdated.outdated-term"

lint = linter(CATEGORY, RULE)
found = finder(lint)


def report(year: int, *paragraphs: str) -> str:
    head = (
        "某区人民代表大会常务委员会工作报告\n"
        "\n"
        f"——{year}年1月8日在某区第五届人民代表大会第三次会议上\n"
        "\n"
        "各位代表：\n"
        "\n"
    )  # the first paragraph is on line 7
    return head + "\n\n".join(paragraphs) + "\n"


ONE_GOV_TWO_COURTS = "常委会全年听取审议“一府两院”专项工作报告六个，提出审议意见四十余条。"


# --- true positives ---------------------------------------------------------------------------


def test_yi_fu_liang_yuan_in_a_2024_report():
    text = report(2024, ONE_GOV_TWO_COURTS)
    [f] = lint(text)
    assert (f.line, f.column) == (7, ONE_GOV_TWO_COURTS.index("一府两院") + 1)
    assert text[f.start : f.end] == "一府两院"
    assert "一府一委两院" in f.message
    assert f.fix is not None and f.fix.replacement == "一府一委两院"
    assert f.fix.safe is False


def test_first_reports_after_the_change_count_and_the_reform_year_does_not():
    assert found(report(2019, ONE_GOV_TWO_COURTS)) == [(7, 11, "一府两院")]
    assert found(report(2024, ONE_GOV_TWO_COURTS), year=2019) == [(7, 11, "一府两院")]
    assert found(report(2018, ONE_GOV_TWO_COURTS)) == []


def test_report_without_a_year_is_silent_unless_the_year_is_given():
    assert found(ONE_GOV_TWO_COURTS + "\n") == []
    assert [t for *_, t in found(ONE_GOV_TWO_COURTS + "\n", year=2024)] == ["一府两院"]


def test_the_year_is_read_from_the_review_heading():
    text = "一、2023年工作回顾\n\n" + ONE_GOV_TWO_COURTS + "\n"
    assert [t for *_, t in found(text)] == ["一府两院"]


@pytest.mark.parametrize(
    "sentence",
    [
        "2016年，我区被文化部授予“全国文化先进区”称号。",
        "我区曾被原文化部命名为“中国民间文化艺术之乡”。",
        "这项活动由劳动和社会保障部发起，已连续举办十年。",
        "完成地税局住宅楼和国税局小区的改造。",
        "代表团出席了上合组织成员国农业部长会议。",
        "探索“一府两院”联动机制，形成工作合力。",
    ],
)
def test_the_past_and_names_of_places_stay_silent(sentence):
    assert lint(report(2024, sentence)) == []


def test_the_present_beside_the_past_is_still_reported():
    text = report(2024, "2016年区里获评先进。今年我们向文化部申报了新项目。")
    assert [t for *_, t in found(text)] == ["文化部"]


def test_renamed_ministry_is_reported():
    text = report(2024, "常委会组织学习农业部印发的有关文件，推动高标准农田建设。")
    [f] = lint(text)
    assert text[f.start : f.end] == "农业部"
    assert "农业农村部" in f.message


def test_repealed_law_with_several_replacements_gives_an_unsafe_fix():
    text = report(2022, "常委会对合同法的实施情况开展执法检查。")
    [f] = lint(text)
    assert text[f.start : f.end] == "合同法"
    assert "民法典" in f.message and "民法典合同编" in f.message
    assert f.fix is not None and f.fix.safe is False


# --- true negatives ---------------------------------------------------------------------------


def test_2017_report_stays_silent():
    assert lint(report(2017, ONE_GOV_TWO_COURTS)) == []


def test_date_line_year_wins_over_a_later_year_in_a_heading():
    text = report(2017, "2018年工作安排", ONE_GOV_TWO_COURTS)
    assert lint(text) == []


def test_configured_year_overrides_the_date_line():
    assert lint(report(2024, ONE_GOV_TWO_COURTS), year=2016) == []
    assert lint(report(2024, ONE_GOV_TWO_COURTS), year=2017) == []


def test_law_repealed_in_2021_is_still_current_in_2020():
    assert lint(report(2020, "常委会对合同法的实施情况开展执法检查。")) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "常委会督促农业部门落实耕地保护责任，各级农业部门积极配合。",  # except: 农业部门
        "常委会组织纪检监察部门和审计部门开展联合检查。",  # except: 监察部门
        "常委会对劳动合同法的实施情况开展执法检查。",  # except: 劳动合同法
        "常委会全年听取审议“一府一委两院”专项工作报告六个。",
    ],
)
def test_current_terms_and_except_words_stay_silent_in_a_2024_report(paragraph):
    assert lint(report(2024, paragraph)) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reads_the_year_from_the_date_line(tmp_path):
    path = report_file(tmp_path, report(2024, ONE_GOV_TWO_COURTS))
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    assert [(f["rule"], f["line"], f["column"], f["fix"]) for f in findings] == [
        (RULE, 7, 11, {"replacement": "一府一委两院"})
    ]


def test_cli_year_option_silences_an_early_report(tmp_path):
    path = report_file(tmp_path, report(2024, ONE_GOV_TWO_COURTS))
    assert check_json(CATEGORY, path, "--year", "2016") == (0, [])


def test_cli_2017_report_exits_0(tmp_path):
    path = report_file(tmp_path, report(2017, ONE_GOV_TWO_COURTS))
    assert check_json(CATEGORY, path) == (0, [])
