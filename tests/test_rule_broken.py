"""broken-paragraph (zh-structure.broken-paragraph): paragraphs cut by page breaks or hard wraps.

True positives: a page break inside a word (…项目建 / 设中…) with the join offered as an
unsafe fix; a break where text was lost (…人大代 / 政府和群众…); a paragraph hard-wrapped
after each ； in a document whose paragraphs are otherwise separated by blank lines.
True negatives: titles, date and signature lines, numbered and unnumbered headings followed
by body text; a normal report; a document written without blank lines at all, whose list
items end in ；.
"""

from __future__ import annotations

from rulekit import apply, findings_of, linter, report_file, run_check

CATEGORY = "broken-paragraph"
RULE = "zh-structure.broken-paragraph"

lint = linter(CATEGORY, RULE)

HEAD = (
    "某县人民代表大会常务委员会工作报告\n"
    "\n"
    "——2024年1月10日在某县第十八届人民代表大会第三次会议上\n"
    "\n"
    "各位代表：\n"
    "\n"
)  # the first body paragraph after HEAD is on line 7

AFTER = "常委会听取审议了县政府关于优化营商环境工作情况的报告，提出了具体的审议意见。"


# --- true positives ---------------------------------------------------------------------------

FIRST_HALF = "常委会围绕全县重点工作，组织代表深入一线，在城乡规划、项目建"
SECOND_HALF = "设中主动靠前服务，帮助解决土地征收、资金保障等难题二十余个。"


def test_page_break_inside_a_word_is_reported_on_the_line_before_the_break():
    text = HEAD + f"{FIRST_HALF}\n\n{SECOND_HALF}\n\n{AFTER}\n"
    [f] = lint(text)
    assert f.line == 7
    assert f.end_line == 9 and f.end_column == 1, "the span runs to the start of the second half"
    assert text[f.start : f.start + 3] == "项目建"
    assert "建设" in f.message
    assert "连接" in f.message


def test_join_is_an_unsafe_fix_that_yields_the_joined_paragraph():
    text = HEAD + f"{FIRST_HALF}\n\n{SECOND_HALF}\n\n{AFTER}\n"
    [f] = lint(text)
    assert f.fix is not None
    assert f.fix.safe is False
    assert apply(text, f) == HEAD + f"{FIRST_HALF}{SECOND_HALF}\n\n{AFTER}\n"


def test_page_break_inside_another_word():
    text = HEAD + (
        "常委会把基层立法联系点建设作为践行全过程人民民主的重要抓手，持续推动基层治\n\n"
        "理能力提升，全年收集立法意见建议一百三十余条。\n\n" + AFTER + "\n"
    )
    [f] = lint(text)
    assert f.line == 7
    assert "治理" in f.message
    assert apply(text, f).startswith(
        HEAD + "常委会把基层立法联系点建设作为践行全过程人民民主的重要抓手，持续推动基层治理能力提升，"
    )


def test_text_lost_at_the_break():
    first = "常委会积极搭建代表联系群众平台，建成代表联络站十二个，使联络站真正成为人大代"
    text = HEAD + f"{first}\n\n政府和群众沟通的桥梁，全年收集群众意见建议三百余条。\n\n{AFTER}\n"
    [f] = lint(text)
    assert (f.line, f.end_line) == (7, 7)
    assert f.end_column == len(first) + 1, "reported at the end of the cut paragraph"
    assert text[f.start : f.end] == "人大代"
    assert "丢失" in f.message
    assert f.fix is None, "lost text cannot be restored by a fix"


HARD_WRAPPED = HEAD + (
    "常委会听取审议了县政府关于优化营商环境工作情况的报告。\n\n"
    "今年常委会将重点做好以下工作：一是加强财政预算审查监督；\n"
    "二是推进全口径审查和全过程监管；\n"
    "三是加强国有资产管理情况监督。\n\n"
    "常委会还将组织代表开展专题视察，推动各项决策部署落地见效。\n"
)


def test_paragraph_hard_wrapped_after_each_semicolon():
    [f] = lint(HARD_WRAPPED)
    assert (f.line, f.end_line) == (9, 11)
    assert "分号" in f.message
    assert "3行" in f.message
    assert f.fix is not None and f.fix.safe is False
    assert apply(HARD_WRAPPED, f) == HEAD + (
        "常委会听取审议了县政府关于优化营商环境工作情况的报告。\n\n"
        "今年常委会将重点做好以下工作：一是加强财政预算审查监督；二是推进全口径审查和全过程监管；"
        "三是加强国有资产管理情况监督。\n\n"
        "常委会还将组织代表开展专题视察，推动各项决策部署落地见效。\n"
    )


# --- true negatives ---------------------------------------------------------------------------

NORMAL_REPORT = """\
关于某县人民代表大会常务委员会工作情况的报告

——2024年1月10日在某县第十八届人民代表大会第三次会议上

某县人大常委会主任  赵立新

各位代表：

现在，我代表县人大常委会向大会报告工作，请予审议。

2023年主要工作回顾

一年来，常委会在县委的坚强领导下，依法履职尽责，各项工作取得新成效。

一、聚焦中心大局，监督工作更有力度

（一）加强财政经济监督

1.完善预算审查机制

常委会修订预算审查监督办法，推动预算编制更加科学规范。

2.强化国有资产监督

全年听取审议国有资产管理情况报告两个，提出审议意见十二条。

（二）推进法治县城建设

深入开展宪法宣传教育，组织执法检查三次。

二、坚持人民至上，代表工作更具活力

常委会健全代表联系群众制度，代表进站接待群众一千余人次。

2024年工作安排

新的一年，常委会将以更高标准履职尽责，为全县高质量发展贡献人大力量。
"""


def test_normal_report_with_titles_and_headings_stays_silent():
    assert lint(NORMAL_REPORT) == []


def test_headings_without_punctuation_followed_by_body_stay_silent():
    text = HEAD + (
        "过去一年的主要工作\n\n"
        "设立代表联络站是常委会密切联系群众的重要举措。\n\n"
        "一、坚持党的领导\n\n"
        "在县委的坚强领导下，常委会严格执行请示报告制度。\n\n"
        "（一）强化思想政治引领\n\n"
        "理论学习中心组全年集中学习二十余次。\n"
    )
    assert lint(text) == []


def test_document_without_blank_lines_whose_items_end_in_semicolons_stays_silent():
    text = (
        "某县人大常委会2024年工作要点\n"
        "今年常委会将重点做好以下工作：\n"
        "一是加强财政预算审查监督；\n"
        "二是推进全口径审查和全过程监管；\n"
        "三是加强国有资产管理情况监督；\n"
        "四是做好代表建议督办工作。\n"
        "常委会还将组织代表开展专题视察，推动各项决策部署落地见效。\n"
    )
    assert lint(text) == []


def test_semicolon_items_in_a_blank_line_separated_document_stay_silent_when_separated():
    text = HEAD + (
        "今年常委会将重点做好以下工作：\n\n"
        "一是加强财政预算审查监督；\n\n"
        "二是推进全口径审查和全过程监管；\n\n"
        "三是加强国有资产管理情况监督。\n"
    )
    assert lint(text) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_json_offers_the_join(tmp_path):
    path = report_file(tmp_path, HEAD + f"{FIRST_HALF}\n\n{SECOND_HALF}\n")
    result = run_check(CATEGORY, path)
    assert result.exit_code == 1
    [finding] = findings_of(result)
    assert (finding["rule"], finding["line"], finding["end_line"]) == (RULE, 7, 9)
    assert finding["fix"] == {"replacement": "项目建"}


def test_cli_normal_report_exits_0(tmp_path):
    path = report_file(tmp_path, NORMAL_REPORT)
    result = run_check(CATEGORY, path)
    assert result.exit_code == 0
