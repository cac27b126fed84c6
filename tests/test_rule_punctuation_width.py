"""punctuation-width (zh-punct.halfwidth): half-width , . ; : ! ? ( ) in Chinese text.

True positives: half-width marks beside Chinese characters, Chinese quotes or
book-title marks, and the slips of a report otherwise written in full-width.
True negatives: the marks of numbers and Latin text (4.2, PM2.5, 1:1000, 8:30,
12·4, 1,000), URLs, English sentences and heading numbers such as ``1.``.
"""

from __future__ import annotations

import pytest
from rulekit import check_json, col, flagger, linter, report_file

CATEGORY = "punctuation-width"
RULE = "zh-punct.halfwidth"

lint = linter(CATEGORY)
flagged = flagger(CATEGORY, RULE)


# --- true positives ---------------------------------------------------------------------------


def test_comma_and_brackets_beside_chinese():
    text = "全年举行常委会会议9次,审议议案和报告31件(其中专项工作报告12件)。"
    assert flagged(text) == [
        (1, col(text, ","), ",", "，", True),
        (1, col(text, "("), "(", "（", True),
        (1, col(text, ")"), ")", "）", True),
    ]


def test_question_semicolon_colon_exclamation():
    text = "怎样把代表建议办好?常委会的回答是:把群众满意作为标准;把办理实效作为检验!"
    assert flagged(text) == [
        (1, col(text, "?"), "?", "？", True),
        (1, col(text, ":"), ":", "：", True),
        (1, col(text, ";"), ";", "；", True),
        (1, col(text, "!"), "!", "！", True),
    ]


def test_full_stop_after_chinese_at_paragraph_end():
    text = "常委会组织部分代表开展了集中视察."
    assert flagged(text) == [(1, len(text), ".", "。", True)]


def test_marks_after_book_title_and_quotes():
    text = "审议通过《某区物业管理条例》,推动“一街一品”,形成工作合力。"
    assert flagged(text) == [(1, col(text, ","), ",", "，", True), (1, col(text, ",", 2), ",", "，", True)]


def test_mark_separated_from_chinese_by_spaces():
    text = "代表们积极建言献策 , 全年提出建议86件。"
    assert flagged(text) == [(1, col(text, ","), ",", "，", True)]


def test_comma_after_number_before_chinese():
    text = "地区生产总值同比增长6.5%,高于全市平均水平。"
    assert flagged(text) == [(1, col(text, ","), ",", "，", True)]


def test_brackets_around_latin_inside_chinese_sentence():
    text = "推动人工智能(AI)与实体经济深度融合。"
    assert flagged(text) == [(1, col(text, "("), "(", "（", True), (1, col(text, ")"), ")", "）", True)]


def test_colon_before_url_is_chinese():
    text = "区人大常委会门户网站网址:https://www.example.gov.cn。"
    assert flagged(text) == [(1, col(text, ":"), ":", "：", True)]


def test_document_written_in_fullwidth_with_halfwidth_slips():
    """A report in full-width that slips into half-width: each slip is a finding, nothing else."""
    text = (
        "某区第十届人民代表大会第二次会议关于区人民代表大会常务委员会工作报告的决议\n"
        "(2024年1月10日 某区第十届人民代表大会第二次会议通过)\n"
        "某区第十届人民代表大会第二次会议听取和审议了区人大常委会工作报告，同意报告提出的今年工作任务。\n"
        "会议要求，区人大常委会要坚持党的领导、人民当家作主、依法治国有机统一，依法履职尽责。\n"
        "某区第十届人民代表大会第二次会议关于区人民法院工作报告的决议\n"
        "(2024年1月10日 某区第十届人民代表大会第二次会议通过)\n"
        "会议批准这个报告,要求区人民法院坚持公正司法，为全区高质量发展提供有力司法服务。\n"
    )
    lines = text.split("\n")
    assert flagged(text) == [
        (2, 1, "(", "（", True),
        (2, len(lines[1]), ")", "）", True),
        (6, 1, "(", "（", True),
        (6, len(lines[5]), ")", "）", True),
        (7, col(lines[6], ","), ",", "，", True),
    ]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("全区地区生产总值增长4.2%，增速高于全市平均水平。", id="decimal-4.2"),
        pytest.param("细颗粒物（PM2.5）年均浓度降至每立方米31微克。", id="PM2.5"),
        pytest.param("常委会督促完成1:1000比例尺地形图测绘工作。", id="scale-1:1000"),
        pytest.param("常委会第十五次会议于上午8:30在区行政中心召开。", id="time-8:30"),
        pytest.param("围绕“12·4”国家宪法日组织开展普法宣传活动。", id="12·4"),
        pytest.param("全年共办理群众来信来访1,000余件次。", id="thousands-1,000"),
        pytest.param(
            "详情请访问https://www.example.gov.cn/rd/index.html?id=12，或拨打12345热线咨询。",
            id="url",
        ),
        pytest.param("来信请发送至renda.office@example.gov.cn，我们将及时回复。", id="email"),
        pytest.param(
            "The committee held 12 meetings, heard 25 reports; all were approved.", id="english-sentence"
        ),
        pytest.param("代表们用英文写下寄语：“We listen, we act, we deliver.”", id="english-quote-in-chinese"),
        pytest.param("1.加强预算审查监督", id="heading-1."),
        pytest.param("12.完善代表联络机制", id="heading-12."),
        pytest.param("The report (draft) was circulated to all members.", id="english-brackets"),
        pytest.param("全年召开常委会会议12次，听取审议专项工作报告25个（含专项报告）。", id="fullwidth-text"),
    ],
)
def test_silent_on_numbers_latin_and_fullwidth_text(text):
    assert lint(text) == []


def test_clean_fullwidth_report_is_silent():
    text = (
        "某区人民代表大会常务委员会工作报告\n"
        "——2024年1月8日在某区第十届人民代表大会第二次会议上\n"
        "某区人大常委会主任 王明\n"
        "各位代表：\n"
        "一年来，常委会共召开会议10次，审议议案和报告28件（其中专项报告11件），作出决议决定9项。\n"
        "1.加强预算审查监督\n"
        "常委会审查区级预算执行情况，推动全年一般公共预算收入增长5.3%；督促规范使用专项资金1.2亿元。\n"
    )
    assert lint(text) == []


# --- known bug --------------------------------------------------------------------------------


def test_halfwidth_comma_in_chinese_after_url_is_flagged():
    text = "群众可登录https://www.example.gov.cn查询,也可拨打热线电话。"
    assert flagged(text) == [(1, col(text, ","), ",", "，", True)]


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_slips_with_fullwidth_fix(tmp_path):
    body = "全年召开主任会议14次,研究重要事项36项。"
    path = report_file(tmp_path, f"各位代表：\n{body}\n")
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    comma = col(body, ",")
    assert [(f["rule"], f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        (RULE, 2, comma, comma + 1, {"replacement": "，"}),
    ]


def test_cli_clean_file_exits_0(tmp_path):
    path = report_file(tmp_path, "各位代表：\n全区地区生产总值增长4.2%，PM2.5浓度持续下降。\n")
    assert check_json(CATEGORY, path) == (0, [])
