"""term-variant (zh-structure.term-variant): one term written two ways in one document.

True positives: 当家做主 beside 当家作主, 做出 beside 作出, 民主法制 beside 民主法治,
截止 beside 截至 before a date — the non-standard form is reported naming the line of
the standard one; without a standard form (其他/其它) the minority form is reported; a
template blank filled in one place and not in another (区九次党代会 / 区x次党代会).
True negatives: a document that uses only one form of each term, even a non-standard
one; 截止 where it is not followed by a time (截止日期).
"""

from __future__ import annotations

from rulekit import finder, findings_of, linter, report_file, run_check

CATEGORY = "term-variant"
RULE = "zh-structure.term-variant"

lint = linter(CATEGORY, RULE)
found = finder(lint)


def col(text: str, line: int, needle: str) -> int:
    return text.splitlines()[line - 1].index(needle) + 1


# --- true positives ---------------------------------------------------------------------------

MIXED = (
    "常委会坚持党的领导、人民当家作主、依法治国有机统一，积极践行全过程人民民主。\n"
    "\n"
    "常委会健全代表联系群众制度，切实保障人民当家做主。\n"
)


def test_non_standard_form_is_reported_naming_the_standard_one():
    [f] = lint(MIXED)
    assert (f.line, f.column) == (3, col(MIXED, 3, "当家做主"))
    assert MIXED[f.start : f.end] == "当家做主"
    assert "当家作主" in f.message and "第1行" in f.message
    assert "规范" in f.message


def test_standard_form_wins_even_when_it_is_the_minority():
    text = "常委会保障人民当家做主。\n\n代表们表示，人民当家做主是根本。\n\n常委会坚持人民当家作主。\n"
    assert [(line, t) for line, _, t in found(text)] == [(1, "当家做主"), (3, "当家做主")]
    assert all("第5行" in f.message for f in lint(text))


def test_zuo_chu_mixed():
    text = "常委会作出决议决定四项，为全区经济社会发展做出了积极贡献。\n"
    [f] = lint(text)
    assert (f.line, f.column, text[f.start : f.end]) == (1, col(text, 1, "做出"), "做出")
    assert "作出" in f.message


def test_rule_of_law_mixed():
    text = (
        "常委会加强民主法治宣传，营造良好法治环境。\n\n"
        "常委会大力宣传人民代表大会制度和民主法制建设的好经验、好做法。\n"
    )
    [f] = lint(text)
    assert (f.line, text[f.start : f.end]) == (3, "民主法制")
    assert "民主法治" in f.message and "第1行" in f.message


def test_jiezhi_before_a_date_mixed_with_jiezhi_standard():
    text = "截至目前，已接待群众三千余人次。\n\n截止2023年底，全区共有代表联络站十二个。\n"
    [f] = lint(text)
    assert (f.line, f.column, text[f.start : f.end]) == (3, 1, "截止")
    assert "截至" in f.message and "第1行" in f.message


def test_without_a_standard_the_minority_form_is_reported():
    text = "常委会督促其它部门配合。\n\n其它事项另行研究。\n\n其他工作按计划推进。\n"
    [f] = lint(text)
    assert (f.line, text[f.start : f.end]) == (5, "其他")
    assert "其它" in f.message and "多数" in f.message


def test_placeholder_filled_in_one_place_and_blank_in_another():
    text = "常委会认真贯彻区九次党代会精神，依法履职尽责。\n\n区x次党代会描绘了今后五年的发展蓝图。\n"
    [f] = lint(text)
    assert (f.line, f.column) == (1, col(text, 1, "区九次党代会"))
    assert text[f.start : f.end] == "区九次党代会"
    assert "第3行" in f.message and "区x次党代会" in f.message


def test_placeholder_blank_in_the_middle_of_a_sentence():
    text = "常委会认真贯彻区九次党代会精神，依法履职尽责。\n\n常委会紧紧围绕区x次党代会确定的目标任务开展监督。\n"
    assert [(line, t) for line, _, t in found(text)] == [(1, "区九次党代会")]


# --- true negatives ---------------------------------------------------------------------------


def test_document_using_only_the_standard_forms_stays_silent():
    text = (
        "常委会坚持党的领导、人民当家作主、依法治国有机统一。\n\n"
        "常委会作出决议决定四项，为全区发展作出了积极贡献。\n\n"
        "常委会加强民主法治宣传，增强全社会法治意识。\n\n"
        "截至2023年底，全区共有代表联络站十二个；截至目前，已接待群众三千余人次。\n\n"
        "区九次党代会以来，常委会紧扣目标任务依法履职。\n"
    )
    assert lint(text) == []


def test_document_using_one_non_standard_form_throughout_stays_silent():
    # Consistency is this rule's concern; a form that is always wrong belongs in a word table.
    text = "常委会保障人民当家做主，为全区发展做出了积极贡献。\n\n人民当家做主是社会主义民主政治的本质。\n"
    assert lint(text) == []


def test_jiezhi_not_before_a_time_is_not_a_variant():
    text = "截至目前，已接待群众三千余人次。\n\n征集意见的截止日期为三月底，逾期不再受理。\n"
    assert lint(text) == []


def test_all_blanks_left_unfilled_is_not_a_variant():
    text = "区x次党代会描绘了今后五年的发展蓝图。\n\n区x次党代会确定的目标任务全面完成。\n"
    assert lint(text) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_json_reports_the_non_standard_form(tmp_path):
    path = report_file(tmp_path, MIXED)
    result = run_check(CATEGORY, path)
    assert result.exit_code == 1
    [finding] = findings_of(result)
    assert (finding["rule"], finding["line"]) == (RULE, 3)
    assert finding["end_column"] - finding["column"] == 4
