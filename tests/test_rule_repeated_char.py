"""repeated-char (zh-chars.doubled): a character or word typed twice by accident.

True positives: 预算算, 的的, 了了, 我们我们, a doubled word such as 监督监督.
True negatives: Chinese reduplication (紧紧, 兢兢业业, 事事, 人人, 步步, 扎扎实实),
words that meet at a shared character (人民民主, 市市中区, 常委会会议, 会同),
numerals (二〇二二) and the pack's allowlist (研究研究).
"""

from __future__ import annotations

import pytest
from rulekit import check_json, flagger, linter, report_file

CATEGORY = "repeated-char"
RULE = "zh-chars.doubled"

lint = linter(CATEGORY)
flagged = flagger(CATEGORY, RULE)


# --- true positives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        pytest.param("常委会对全区财政预算算执行情况开展专项监督。", "预算算", id="预算算"),
        pytest.param("常委会听取和审议了区政府的的专项工作报告。", "的的", id="的的"),
        pytest.param("我们我们要始终坚持依法履职、为民履职。", "我们我们", id="我们我们"),
        pytest.param("会议审议了了三项地方性法规草案。", "了了", id="了了"),
        pytest.param("常委会依法履行监督监督职责，推动问题整改。", "监督监督", id="监督监督"),
        pytest.param("加强代表建议建议办理工作，提高办理质量。", "建议建议", id="建议建议"),
        pytest.param("常委会常委会组织代表开展集中视察。", "常委会常委会", id="常委会常委会"),
        pytest.param("坚持和完善人民代表大会制度度。", "制度度", id="制度度"),
    ],
)
def test_accidental_doubling_flags_the_second_copy(text, doubled):
    unit = doubled[len(doubled) // 2 :] if len(doubled) % 2 == 0 else doubled[-1]
    second = text.index(doubled) + len(doubled) - len(unit) + 1
    assert flagged(text) == [(1, second, unit, "", False)]
    assert lint(text)[0].message == f"“{unit}”疑似重复输入"


def test_doubling_on_a_later_line_of_a_report():
    text = (
        "各位代表：\n"
        "一年来，常委会紧紧围绕区委中心工作，依法履职尽责。\n"
        "常委会组织代表对重点项目建设情况进行了了视察。\n"
    )
    line = text.split("\n")[2]
    assert flagged(text) == [(3, line.index("了了") + 2, "了", "", False)]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("牢牢把握发展全过程人民民主这一新时代人大工作主旋律。", id="人民民主"),
        pytest.param("常委会对某市市中区财政预算执行情况开展监督。", id="市市中区"),
        pytest.param("全年召开常委会会议10次，主任会议14次。", id="常委会会议"),
        pytest.param("广大人大代表兢兢业业、勤勤恳恳，认真履职尽责。", id="兢兢业业"),
        pytest.param("常委会紧紧围绕区委中心工作谋划和推进人大工作。", id="紧紧"),
        pytest.param("推动形成事事有监督、处处有回应的工作格局。", id="事事有监督"),
        pytest.param("营造人人参与、人人尽责、人人享有的良好氛围。", id="人人"),
        pytest.param("步步为营、久久为功，推动各项工作落地见效。", id="步步"),
        pytest.param("扎扎实实推进代表建议办理，件件实事落地见效。", id="扎扎实实"),
        pytest.param("方方面面的意见建议都得到了认真研究。", id="方方面面"),
        pytest.param("层层压实责任，确保家家户户受益。", id="层层-家家户户"),
        pytest.param("二〇二二年，常委会会同区政府开展专题调研。", id="numerals-会同"),
        pytest.param("做到代表建议与办理结果一一对应。", id="一一对应"),
        pytest.param("对这个问题还要再研究研究。", id="allowlist-研究研究"),
        pytest.param("全区上下下功夫抓落实，推动工作取得实效。", id="上下-下功夫"),
        pytest.param("由全体代表表决通过了区人大常委会工作报告。", id="代表-表决"),
        pytest.param("确保代表建议件件有回音、事事有着落。", id="件件有回音"),
        pytest.param("推动民生实事年年有提升、岁岁有变化。", id="年年有提升"),
        pytest.param("对审议意见项项抓落实、条条有回复。", id="项项抓落实"),
        pytest.param("做到天天有进展、月月有成效。", id="天天-月月"),
    ],
)
def test_silent_on_reduplication_and_shared_characters(text):
    assert lint(text) == []


def test_clean_report_is_silent():
    text = (
        "某区人民代表大会常务委员会工作报告\n"
        "各位代表：\n"
        "一年来，常委会紧紧围绕发展全过程人民民主，召开常委会会议12次。\n"
        "代表们兢兢业业、步步为营，做到事事有着落、人人有担当。\n"
    )
    assert lint(text) == []


# --- known bugs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("邀请基层代表说说心里话、谈谈新期盼。", id="说说"),
        pytest.param("让代表在选民面前亮亮身份、晒晒履职成绩单。", id="亮亮"),
        pytest.param("让群众评评理、议议事。", id="议议"),
    ],
)
def test_verb_reduplication_is_silent(text):
    assert lint(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param("区人大常委会常委会组织代表开展集中视察。", "常委会", id="人大常委会常委会"),
        pytest.param("全面贯彻落实落实党的二十大精神。", "落实", id="贯彻落实落实"),
    ],
)
def test_doubled_word_after_longer_word_is_flagged(text, unit):
    second = text.index(unit + unit) + len(unit) + 1
    assert flagged(text) == [(1, second, unit, "", False)]


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_doubled_character(tmp_path):
    body = "常委会对国民经济计划和财政预算算执行情况开展监督。"
    path = report_file(tmp_path, f"各位代表：\n{body}\n")
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    second = body.index("算算") + 2
    assert [(f["severity"], f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        ("error", 2, second, second + 1, {"replacement": ""}),
    ]


def test_cli_reduplication_exits_0(tmp_path):
    path = report_file(tmp_path, "各位代表：\n常委会紧紧围绕人民民主，做到事事有监督、人人有担当。\n")
    assert check_json(CATEGORY, path) == (0, [])
