"""missing-end-punctuation (zh-punct.end-punct): body paragraphs that do not end a sentence.

True positives: a body paragraph without 。 (or ending in a comma), a run-in
heading whose body is left open, a salutation (各位代表) without its colon.
True negatives: the title, the date line, the signature line, numbered headings
(一、 （一） 1.), unnumbered section titles, a salutation with its colon, and
body text ending in 。！？；：… or a closing mark after one.
"""

from __future__ import annotations

import pytest
from rulekit import check_json, linter, report_file

CATEGORY = "missing-end-punctuation"
RULE = "zh-punct.end-punct"
MISSING = "段末缺少句末标点"
COMMA = "段末应为句末标点"
SALUTATION = "称呼语后应加冒号"

lint = linter(CATEGORY)

HEAD = "各位代表：\n现在，我代表区人大常委会向大会报告工作，请予审议。\n"

CLEAN_REPORT = (
    "某区人民代表大会常务委员会工作报告\n"
    "——2024年1月8日在某区第十届人民代表大会第二次会议上\n"
    "某区人大常委会主任 王明\n"
    "各位代表：\n"
    "现在，我代表区人大常委会向大会报告工作，请予审议。\n"
    "过去一年的主要工作\n"
    "一年来，区人大常委会在区委的坚强领导下，依法履行各项职权，共召开常委会会议10次，听取审议专项工作报告20个。\n"
    "一、坚持党的领导\n"
    "常委会始终把坚持党的领导贯穿人大工作全过程，重大事项及时向区委请示报告。\n"
    "（一）强化思想引领\n"
    "常委会党组坚持“第一议题”制度，深入学习贯彻党的二十大精神。\n"
    "1.加强监督\n"
    "围绕全区中心工作开展监督，推动各项决策部署落地见效；\n"
    "（二）聚焦民生实事，推动代表建议办理。常委会跟踪督办代表建议42件，办结率达到100%。\n"
    "2024年工作打算\n"
    "今年是全面贯彻党的二十大精神的关键之年，常委会将重点做好以下工作：\n"
    "代表们说：“常委会的监督让群众看到了实实在在的变化。”\n"
    "常委会还将围绕营商环境、生态环保、基层治理等开展调研……\n"
    "如何让代表建议真正落地？常委会将持续探索。\n"
    "各位代表，新的征程已经开启，让我们团结一心，为建设美丽新城区而努力奋斗！\n"
)


def flagged(text: str) -> list[tuple[int, str, str, str | None, bool | None]]:
    """(line, flagged text, message, fix replacement, fix safe) of every finding."""
    lines = text.split("\n")
    out = []
    for f in lint(text):
        assert (f.category, f.rule) == (CATEGORY, RULE)
        assert f.line == f.end_line
        line = lines[f.line - 1]
        assert f.end_column == len(line) + 1, "the finding must sit at the end of its paragraph"
        fix = f.fix
        out.append(
            (
                f.line,
                line[f.column - 1 : f.end_column - 1],
                f.message,
                fix.replacement if fix else None,
                fix.safe if fix else None,
            )
        )
    return out


# --- true positives ---------------------------------------------------------------------------


def test_body_paragraph_without_full_stop():
    text = (
        HEAD
        + "一年来，常委会认真履行宪法法律赋予的职责，各项工作取得新进展\n"
        + "一、坚持党的领导\n"
        + "常委会始终坚持党的领导，重大事项及时向区委请示报告。\n"
    )
    assert flagged(text) == [(3, "得新进展", MISSING, "得新进展。", False)]


def test_body_paragraph_ending_with_digits_and_unit():
    text = HEAD + "一年来，常委会依法履职，共召开常委会会议10次，听取审议专项工作报告20个\n"
    assert flagged(text) == [(3, "告20个", MISSING, "告20个。", False)]


def test_body_paragraph_ending_after_closing_quote_without_full_stop():
    text = HEAD + "常委会坚持“第一议题”制度，深入学习领会“两个确立”“两个维护”\n"
    assert flagged(text) == [(3, "个维护”", MISSING, "个维护”。", False)]


def test_last_paragraph_ending_with_comma():
    text = HEAD + "常委会坚持以人民为中心，深入开展“我为群众办实事”活动，\n"
    assert flagged(text) == [(3, "，", COMMA, "。", False)]


def test_run_in_heading_with_unfinished_body():
    text = HEAD + "（二）聚焦民生实事。常委会跟踪督办代表建议42件，办结率达到100%\n"
    assert flagged(text) == [(3, "100%", MISSING, "100%。", False)]


@pytest.mark.parametrize(
    ("salutation", "last"),
    [
        pytest.param("各位代表", "表", id="各位代表"),
        pytest.param("各位委员", "员", id="各位委员"),
        pytest.param("同志们", "们", id="同志们"),
        pytest.param("各位代表、各位列席同志", "志", id="with-listed-guests"),
    ],
)
def test_salutation_without_colon(salutation, last):
    text = f"{salutation}\n现在，我代表区人大常委会向大会报告工作，请予审议。\n"
    assert flagged(text) == [(1, last, SALUTATION, last + "：", False)]


def test_salutation_without_colon_below_title_and_signature():
    text = (
        "某区人民代表大会常务委员会工作报告\n"
        "——2024年1月8日在某区第十届人民代表大会第二次会议上\n"
        "某区人大常委会主任 王明\n"
        "各位代表\n"
        "现在，我代表区人大常委会向大会报告工作，请予审议。\n"
    )
    assert flagged(text) == [(4, "表", SALUTATION, "表：", False)]


# --- true negatives ---------------------------------------------------------------------------


def test_clean_report_is_silent():
    assert lint(CLEAN_REPORT) == []


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("一、坚持党的领导", id="heading-一、"),
        pytest.param("（一）强化思想引领", id="heading-（一）"),
        pytest.param("1.加强监督", id="heading-1."),
        pytest.param("（3）开展专题询问", id="heading-（3）"),
        pytest.param("过去一年的主要工作", id="section-title"),
        pytest.param("2024年工作打算", id="section-year"),
        pytest.param("某区人大常委会主任 王明", id="signature"),
        pytest.param("某区人大常委会副主任\u3000\u3000李晓红", id="signature-fullwidth-gap"),
        pytest.param("各位代表：", id="salutation-colon"),
        pytest.param("各位委员:", id="salutation-halfwidth-colon"),
        pytest.param("各位代表!", id="salutation-exclamation"),
    ],
)
def test_non_body_lines_inside_a_report_are_silent(line):
    text = HEAD + line + "\n常委会坚持依法履职，推动各项工作取得新成效。\n"
    assert lint(text) == []


def test_title_and_date_line_variants_are_silent():
    text = (
        "某区人民代表大会常务委员会工作报告（摘要）\n"
        "（2024年1月8日在某区第十届人民代表大会第二次会议上）\n"
        "某区人大常委会主任 王明\n"
        "各位代表：\n"
        "现在，我代表区人大常委会向大会报告工作，请予审议。\n"
    )
    assert lint(text) == []


def test_date_line_without_dash_is_silent():
    text = "2024年1月8日在某区第十届人民代表大会第二次会议上\n" + HEAD
    assert lint(text) == []


@pytest.mark.parametrize(
    "ending",
    [
        pytest.param("推动各项工作取得新成效。", id="full-stop"),
        pytest.param("推动各项工作取得新成效；", id="semicolon"),
        pytest.param("重点做好以下工作：", id="colon"),
        pytest.param("怎样才能更好地履职？", id="question"),
        pytest.param("为建设美丽新城区而努力奋斗！", id="exclamation"),
        pytest.param("围绕营商环境、基层治理等开展调研……", id="ellipsis"),
        pytest.param("深入开展“我为群众办实事”活动。”", id="quote-after-full-stop"),
        pytest.param("推动解决群众反映的突出问题。）", id="bracket-after-full-stop"),
    ],
)
def test_body_ending_with_sentence_punctuation_is_silent(ending):
    text = HEAD + "一年来，常委会坚持以人民为中心，" + ending + "\n"
    assert lint(text) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_salutation_and_unfinished_paragraph(tmp_path):
    body = "一年来，常委会坚持围绕中心、服务大局，依法履行监督职责"
    path = report_file(
        tmp_path, f"某区人民代表大会常务委员会工作报告\n各位代表\n{body}\n过去一年的主要工作\n"
    )
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    assert [(f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        (2, 4, 5, {"replacement": "表："}),
        (3, len(body) - 3, len(body) + 1, {"replacement": body[-4:] + "。"}),
    ]


def test_cli_clean_report_exits_0(tmp_path):
    path = report_file(tmp_path, CLEAN_REPORT)
    assert check_json(CATEGORY, path) == (0, [])
