"""heading-sequence (zh-structure.heading-sequence): heading numbers out of sequence or form.

True positives: （一）… 二丰富… （三） (a number in the wrong form), a skipped number,
a repeated number, a number out of order, a sequence restarting at （一） without a new
parent, a run-in enumeration 一是…二是…四是 that skips.
True negatives: numbering restarting under a new 一、/二、 parent, after an unnumbered
section title (今年工作的主要任务), after a second report pasted into the file (title and
date line); sentences that begin with numerals (一年来, 两个多月来, 三十余名); 三是 as the
correct next run-in item; long sequences (十、 → 十一、).
"""

from __future__ import annotations

from rulekit import finder, findings_of, linter, report_file, run_check

from reportlint import Config, lint_text

CATEGORY = "heading-sequence"
RULE = "zh-structure.heading-sequence"

lint = linter(CATEGORY, RULE)
found = finder(lint)

HEAD = "各位代表：\n\n现在，我代表区人大常委会向大会报告工作，请予审议。\n\n"  # next paragraph: line 5


def doc(*paragraphs: str) -> str:
    return HEAD + "\n\n".join(paragraphs) + "\n"


# --- true positives ---------------------------------------------------------------------------


def test_number_in_the_wrong_form_between_two_siblings():
    text = doc(
        "一、依法履行监督职责",
        "（一）强化预算审查监督。常委会全年审查预算调整方案两个。",
        "二丰富代表活动内容。常委会组织代表开展集中视察五次。",
        "（三）推进法治建设。常委会组织执法检查四次。",
    )
    [f] = lint(text)
    assert (f.line, f.column) == (9, 1)
    assert text[f.start : f.end] == "二丰富"
    assert "（二）" in f.message
    assert "格式" in f.message


def test_number_in_the_wrong_form_on_a_stand_alone_heading():
    text = doc(
        "一、依法履行监督职责",
        "（一）加强预算审查监督",
        "常委会全年审查预算调整方案两个。",
        "二丰富代表活动内容",
        "常委会组织代表开展集中视察五次。",
        "（三）推进法治建设",
        "常委会组织执法检查四次。",
    )
    assert [(line, col) for line, col, _ in found(text)] == [(11, 1)]


def test_skipped_number():
    text = doc(
        "一、依法履行监督职责",
        "常委会全年听取报告十二个。",
        "三、密切联系人大代表",
        "常委会组织代表视察五次。",
    )
    [f] = lint(text)
    assert (f.line, f.column, text[f.start : f.end]) == (9, 1, "三、")
    assert "跳号" in f.message and "二、" in f.message


def test_skipped_number_at_the_third_level():
    text = doc("一、依法履行监督职责", "（一）加强预算监督", "1.完善审查机制", "3.强化执行监督")
    assert found(text) == [(11, 1, "3.")]


def test_repeated_number():
    text = doc(
        "一、依法履行监督职责",
        "（一）强化预算审查监督。常委会全年审查预算调整方案两个。",
        "（二）加强代表工作。常委会组织代表开展集中视察五次。",
        "（二）推进法治建设。常委会组织执法检查四次。",
    )
    [f] = lint(text)
    assert (f.line, text[f.start : f.end]) == (11, "（二）")
    assert "重复" in f.message


def test_number_out_of_order():
    text = doc(
        "一、依法履行监督职责",
        "常委会全年听取报告十二个。",
        "三、密切联系人大代表",
        "常委会组织代表视察五次。",
        "二、加强自身建设",
        "常委会开展调研十次。",
    )
    found_ = found(text)
    assert (9, 1, "三、") in found_  # the skip
    assert (13, 1, "二、") in found_  # the step back
    [back] = [f for f in lint(text) if f.line == 13]
    assert "顺序" in back.message


def test_restart_without_a_new_parent():
    text = doc(
        "一、依法履行监督职责",
        "（一）强化预算审查监督。常委会审查预算调整方案两个。",
        "（二）加强代表工作。常委会组织代表视察五次。",
        "（一）推进法治建设。常委会组织执法检查四次。",
        "（二）改进工作作风。常委会开展调研十次。",
    )
    [f] = lint(text)
    assert (f.line, text[f.start : f.end]) == (11, "（一）")
    assert "第9行" in f.message, "the message names the heading the restart follows"


def test_run_in_enumeration_that_skips_within_a_paragraph():
    text = doc(
        "常委会着力加强代表工作：一是完善代表联系群众机制；二是丰富代表闭会期间活动；四是加强代表履职培训。"
    )
    [f] = lint(text)
    assert f.line == 5
    assert text[f.start : f.end] == "四是"
    assert f.column == text.splitlines()[4].index("四是") + 1
    assert "三是" in f.message


def test_run_in_enumeration_that_skips_across_paragraphs():
    text = doc(
        "常委会着力加强代表工作。一是完善代表联系群众机制，建成联络站十个。",
        "二是丰富代表闭会期间活动，组织视察五次。",
        "四是加强代表履职培训，举办培训班两期。",
    )
    assert found(text) == [(9, 1, "四是")]


def test_run_in_enumeration_repeated_item():
    text = doc("常委会着力加强代表工作：一是完善联系机制；二是丰富闭会期间活动；二是加强履职培训。")
    [f] = lint(text)
    assert text[f.start : f.end] == "二是"
    assert f.column == text.splitlines()[4].rindex("二是") + 1


# --- true negatives ---------------------------------------------------------------------------

WELL_NUMBERED = """\
某区人民代表大会常务委员会工作报告

——2024年1月9日在某区第五届人民代表大会第四次会议上

各位代表：

现在，我代表区人大常委会向大会报告工作，请予审议。

2023年主要工作

一年来，区人大常委会在区委的坚强领导下，依法履职，各项工作取得新进展。

一、坚持正确政治方向

（一）强化理论武装。常委会党组全年开展集中学习二十四次。

（二）严格请示报告。常委会全年向区委请示报告重要事项十五次。

二、依法履行监督职责

（一）加强预算监督。常委会审查批准预算调整方案两个。

1.完善审查机制。常委会修订了预算审查监督办法。

2.强化执行监督。常委会每季度听取预算执行情况汇报。

（二）加强执法检查。常委会对三部法律法规开展执法检查。

1.突出检查重点。检查组聚焦群众关心的突出问题。

2.跟踪整改落实。常委会对审议意见落实情况开展跟踪监督。

两个多月来，检查组深入乡镇街道走访群众。

三、密切联系人大代表

一是完善联系机制，建成代表联络站十个；二是丰富活动形式，组织集中视察五次；三是加强履职培训，举办培训班两期。

今年工作的主要任务

一、坚持党的全面领导

（一）加强政治建设。常委会将继续深入学习贯彻党的二十大精神。

二、提升监督实效

（一）聚焦高质量发展。常委会将围绕重点项目建设开展专题调研。

某区人民法院工作报告

——2024年1月9日在某区第五届人民代表大会第四次会议上

各位代表：

现在，我代表区人民法院向大会报告工作，请予审议。

一、充分发挥审判职能

全年受理各类案件一万二千余件，审结一万一千八百余件。

二、深化司法为民

三十余名干警下沉社区开展矛盾纠纷化解工作。
"""


def test_restarts_under_new_parents_sections_and_pasted_reports_stay_silent():
    assert lint(WELL_NUMBERED) == []


def test_restart_after_an_unnumbered_section_title_stays_silent():
    text = doc(
        "（一）加强预算监督。常委会审查预算调整方案两个。",
        "（二）加强执法检查。常委会组织执法检查三次。",
        "今年工作的主要任务",
        "（一）聚焦高质量发展。常委会将围绕重点项目开展调研。",
        "（二）保障改善民生。常委会将持续跟踪民生实事项目。",
    )
    assert lint(text) == []


PASTED = [
    "一、依法履行监督职责",
    "常委会全年听取报告十二个。",
    "二、密切联系人大代表",
    "常委会组织代表视察五次。",
    "某区人民检察院工作报告",
    "——2024年1月9日在某区第五届人民代表大会第四次会议上",
    "一、全面履行法律监督职责",
    "全年办理各类案件两千余件。",
    "二、深化检务公开",
    "全年举办检察开放日活动六次。",
]


def test_restart_in_a_pasted_report_after_its_title_and_date_line_stays_silent():
    assert lint(doc(*PASTED)) == []


def test_same_restart_without_the_pasted_title_and_date_line_is_reported():
    text = doc(*PASTED[:4], *PASTED[6:])
    [f] = lint(text)
    assert (f.line, text[f.start : f.end]) == (13, "一、")
    assert "第9行" in f.message


def test_sentences_beginning_with_numerals_stay_silent():
    text = doc(
        "一、依法履行监督职责",
        "一年来，常委会依法履职，共召开会议十次。",
        "两个多月来，检查组走访企业四十余家。",
        "三年来，常委会持续推进代表工作。",
        "二、密切联系人大代表",
        "一是完善联系机制，建成联络站十个。",
        "二是丰富活动形式，组织集中视察五次。",
        "三是加强履职培训，举办培训班两期。",
        "三、加强自身建设",
        "十余名机关干部参加了业务培训。",
    )
    assert lint(text) == []


def test_run_in_enumeration_may_restart_in_a_new_paragraph():
    text = doc(
        "常委会着力加强代表工作：一是完善联系机制；二是丰富活动形式；三是加强履职培训。",
        "常委会同时加强自身建设：一是加强学习；二是改进作风；三是严守纪律。",
    )
    assert lint(text) == []


def test_long_sequence_into_the_teens_stays_silent():
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    text = doc(*(f"{n}、第{n}部分工作情况" for n in numerals))
    assert lint(text) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_json_reports_the_wrong_form(tmp_path):
    path = report_file(
        tmp_path,
        doc(
            "一、依法履行监督职责",
            "（一）强化预算审查监督。常委会全年审查预算调整方案两个。",
            "二丰富代表活动内容。常委会组织代表开展集中视察五次。",
            "（三）推进法治建设。常委会组织执法检查四次。",
        ),
    )
    result = run_check(CATEGORY, path)
    assert result.exit_code == 1
    findings = findings_of(result)
    assert [(f["rule"], f["line"], f["column"], f["end_column"]) for f in findings] == [(RULE, 9, 1, 4)]


def test_markdown_heading_eleven_resets_sub_numbering():
    """# 十一、… once matched the bare-heading pattern as 十 + 一…, so it failed to reset （一）."""
    text = (
        "# 十、代表工作\n\n## （一）密切联系代表。\n\n## （二）服务代表履职。\n\n"
        "# 十一、自身建设\n\n## （一）加强思想建设。\n\n## （二）改进工作作风。\n"
    )
    assert lint_text(text, config=Config(select=[CATEGORY]), markdown=True) == []
    assert lint_text(text.replace("## ", "").replace("# ", ""), config=Config(select=[CATEGORY])) == []
