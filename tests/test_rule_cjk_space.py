"""cjk-space (zh-punct.cjk-space): stray spaces inside Chinese text.

True positives: a half- or full-width space between two Chinese characters, or
between a character and Chinese punctuation, and (by default) between Chinese
and digits. True negatives: indentation, the gap before the name in a signature
line, the gap after the date of a resolution's note, spaces around Latin words.
``rules: {zh-punct.cjk-space: {digits: false}}`` lets digits keep their spaces.
"""

from __future__ import annotations

import pytest
from rulekit import check_json, col, flagger, linter, report_file

CATEGORY = "cjk-space"
RULE = "zh-punct.cjk-space"
NO_DIGITS = {RULE: {"digits": False}}

lint = linter(CATEGORY)
flagged = flagger(CATEGORY, RULE)


# --- true positives ---------------------------------------------------------------------------


def test_space_between_chinese_characters_in_title():
    text = "某区人民代表大会 常务委员会工作报告"
    assert flagged(text) == [(1, col(text, " "), " ", "", True)]


def test_space_before_chinese_opening_quote():
    text = "常委会将2024年确定为 “执法检查年”，组织开展执法检查6次。"
    assert flagged(text) == [(1, col(text, " "), " ", "", True)]


def test_space_after_halfwidth_heading_bracket():
    text = "(一) 始终坚持党的全面领导"
    assert flagged(text) == [(1, 4, " ", "", True)]


def test_fullwidth_space_after_fullwidth_heading_bracket():
    text = "（二）\u3000聚焦民生实事开展监督"
    assert flagged(text) == [(1, 4, "\u3000", "", True)]


def test_fullwidth_space_inside_a_word_group():
    text = "常委会依法履行\u3000监督职责，推动各项决策部署落地见效。"
    assert flagged(text) == [(1, col(text, "\u3000"), "\u3000", "", True)]


def test_spaces_around_chinese_comma():
    text = "常委会坚持问题导向 ，推动解决了一批群众急难愁盼问题， 得到代表充分肯定。"
    assert flagged(text) == [
        (1, col(text, " "), " ", "", True),
        (1, col(text, " ", 2), " ", "", True),
    ]


def test_run_of_spaces_is_one_finding():
    text = "区人大代表  联络站实现镇街全覆盖。"
    start = col(text, " ")
    assert flagged(text) == [(1, start, "  ", "", True)]


def test_spaces_between_chinese_and_digits_by_default():
    text = "全年召开常委会会议 12 次，听取审议报告 25 个。"
    assert flagged(text) == [
        (1, col(text, " "), " ", "", True),
        (1, col(text, " ", 2), " ", "", True),
        (1, col(text, " ", 3), " ", "", True),
        (1, col(text, " ", 4), " ", "", True),
    ]


def test_space_in_body_line_of_a_document():
    text = "各位代表：\n\u3000\u3000一年来，常委会共审查 规范性文件36件，纠正不当规定2件。\n"
    line = text.split("\n")[1]
    assert flagged(text) == [(2, col(line, " "), " ", "", True)]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\u3000\u3000常委会认真履行宪法和法律赋予的职责。", id="fullwidth-indent"),
        pytest.param("    常委会认真履行宪法和法律赋予的职责。", id="ascii-indent"),
        pytest.param("\t常委会认真履行宪法和法律赋予的职责。", id="tab-indent"),
        pytest.param("某区人大常委会主任 王明", id="signature-space"),
        pytest.param("某区人大常委会主任\u3000\u3000李晓红", id="signature-fullwidth-gap"),
        pytest.param("某区人民法院院长 张建国", id="signature-court"),
        pytest.param("推广使用 App 开展代表线上履职。", id="latin-word"),
        pytest.param("推动 AI 技术赋能基层治理。", id="latin-acronym"),
        pytest.param("（2024年1月10日 某区第十届人民代表大会第二次会议通过）", id="resolution-date-note"),
        pytest.param("The committee held 12 meetings in 2023.", id="english-sentence"),
        pytest.param("常委会全年召开会议12次，审议通过决议决定9项。", id="no-space"),
    ],
)
def test_silent_on_layout_and_mixed_script_spaces(text):
    assert lint(text) == []


def test_clean_report_with_indentation_and_signature_is_silent():
    text = (
        "某区人民代表大会常务委员会工作报告\n"
        "——2024年1月8日在某区第十届人民代表大会第二次会议上\n"
        "某区人大常委会主任 王明\n"
        "各位代表：\n"
        "\u3000\u3000现在，我代表区人大常委会向大会报告工作，请予审议。\n"
        "\u3000\u3000常委会推动“人大代表之家” App 上线运行，方便群众反映意见。\n"
    )
    assert lint(text) == []


# --- configuration ----------------------------------------------------------------------------


def test_digits_false_keeps_spaces_around_digits():
    text = "全年召开常委会会议 12 次，听取审议报告 25 个。"
    assert lint(text, rules=NO_DIGITS) == []


def test_digits_false_still_flags_space_between_chinese():
    text = "区人民代表大会 常务委员会召开会议 12 次。"
    assert flagged(text, rules=NO_DIGITS) == [(1, col(text, " "), " ", "", True)]


def test_latin_true_flags_spaces_around_english_words():
    text = "推广使用 App 开展代表线上履职。"
    assert flagged(text, rules={RULE: {"latin": True}}) == [
        (1, col(text, " "), " ", "", True),
        (1, col(text, " ", 2), " ", "", True),
    ]


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_space_with_removal_fix(tmp_path):
    title = "某区人民代表大会 常务委员会工作报告"
    path = report_file(tmp_path, f"{title}\n某区人大常委会主任 王明\n\u3000\u3000各位代表：\n")
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    space = col(title, " ")
    assert [(f["rule"], f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        (RULE, 1, space, space + 1, {"replacement": ""}),
    ]


def test_cli_config_file_turns_off_digit_spaces(tmp_path):
    path = report_file(tmp_path, "各位代表：\n全年召开常委会会议 12 次。\n")
    assert check_json(CATEGORY, path)[0] == 1
    config = tmp_path / ".reportlint.yaml"
    config.write_text("rules:\n  zh-punct.cjk-space:\n    digits: false\n", encoding="utf-8")
    assert check_json(CATEGORY, path, "--config", str(config)) == (0, [])
