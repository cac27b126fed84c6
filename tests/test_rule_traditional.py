"""traditional-char (zh-chars.traditional): traditional or variant characters in simplified text.

True positives: 條 → 条, 區/會 → 区/会, the variant 衆 → 众, each with a safe fix.
True negatives: characters OpenCC would touch but simplified text uses (乾隆, 著名,
显著, the surname 於, 著作权, 瞭望), and ordinary simplified text whose
characters once merged several traditional ones (干部, 后勤, 发展, 于是, 范围).
"""

from __future__ import annotations

import pytest
from rulekit import check_json, flagger, linter, report_file

from reportlint import Severity

CATEGORY = "traditional-char"
RULE = "zh-chars.traditional"

lint = linter(CATEGORY)
flagged = flagger(CATEGORY, RULE, severity=Severity.ERROR)


# --- true positives ---------------------------------------------------------------------------


def test_traditional_character_in_law_name():
    text = "常委会审议通过《某区物业管理條例》，自今年3月1日起施行。"
    assert flagged(text) == [(1, text.index("條") + 1, "條", "条", True)]
    assert lint(text)[0].message == "繁体字或异体字“條”，应为“条”"


def test_several_traditional_characters():
    text = "區人大常委會组织代表开展视察。"
    assert flagged(text) == [(1, 1, "區", "区", True), (1, 6, "會", "会", True)]


def test_variant_character():
    text = "常委会坚持深入群衆，广泛听取意见建议。"
    assert flagged(text) == [(1, text.index("衆") + 1, "衆", "众", True)]


def test_traditional_character_on_a_later_line():
    text = "各位代表：\n全年新增城镇就业1.2萬人，城镇登记失业率控制在3%以内。\n"
    line = text.split("\n")[1]
    assert flagged(text) == [(2, line.index("萬") + 1, "萬", "万", True)]


def test_traditional_word_pasted_from_another_source():
    text = "推动經濟社会高质量发展。"
    assert flagged(text) == [(1, 3, "經", "经", True), (1, 4, "濟", "济", True)]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("乾隆年间修建的古石桥得到修缮保护。", id="乾隆"),
        pytest.param("区内有一处著名的红色教育基地。", id="著名"),
        pytest.param("生态环境质量改善取得显著成效。", id="显著"),
        pytest.param("於文华代表提出的建议已办理完毕。", id="surname-於"),
        pytest.param("常委会开展了著作权保护工作视察。", id="著作权"),
        pytest.param("组织代表登上瞭望塔察看森林防火情况。", id="瞭望"),
        pytest.param("以担当作为扭转乾坤，推动困难企业走出困境。", id="乾坤"),
        pytest.param("加强干部队伍建设，做好后勤保障工作。", id="干部-后勤"),
        pytest.param("于是常委会决定将该项目列入监督范围。", id="于是-范围"),
        pytest.param("坚持和完善人民代表大会制度，推动发展里程碑式进步。", id="制度-里程碑"),
        pytest.param("全区一般公共预算收入余额达到3.2亿元。", id="余额-亿"),
        pytest.param("常委会着力推进代表工作能力建设。", id="着力"),
    ],
)
def test_silent_on_standard_simplified_characters(text):
    assert lint(text) == []


def test_clean_report_is_silent():
    text = (
        "某区人民代表大会常务委员会工作报告\n"
        "——2024年1月8日在某区第十届人民代表大会第二次会议上\n"
        "各位代表：\n"
        "一年来，常委会依法履职，听取审议专项工作报告20个，取得了显著成效。\n"
        "常委会组织代表视察了乾隆年间修建的古建筑群和著名的革命旧址。\n"
    )
    assert lint(text) == []


# --- known bug --------------------------------------------------------------------------------


def test_restored_name_character_is_silent():
    assert lint("副区长张昇作了关于全区财政预算执行情况的说明。") == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_traditional_character_with_fix(tmp_path):
    body = "认真贯彻实施《某区文明行为促进條例》。"
    path = report_file(tmp_path, f"各位代表：\n{body}\n")
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    at = body.index("條") + 1
    assert [(f["severity"], f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        ("error", 2, at, at + 1, {"replacement": "条"}),
    ]


def test_cli_simplified_text_exits_0(tmp_path):
    path = report_file(tmp_path, "各位代表：\n常委会取得了显著成效，著名的革命旧址得到保护。\n")
    assert check_json(CATEGORY, path) == (0, [])
