"""heading-sequence (zh-structure.heading-sequence): heading numbers out of sequence or form.

True positives: （一）… 二丰富… （三） (a number in the wrong form), a skipped number,
a repeated number, a number out of order, a sequence restarting at （一） without a new
parent, a run-in enumeration 一是…二是…四是 that skips.
True negatives: numbering restarting under a new 一、/二、 parent, after an unnumbered
section title (今年工作的主要任务), after a second report pasted into the file (title and
date line); sentences that begin with numerals (一年来, 两个多月来, 三十余名); 三是 as the
correct next run-in item; long sequences (十、 → 十一、).

False alarms met in real reports, each kept silent beside the error it must still find:
an item whose text begins with a figure (7.4E级, 8.9610, 40.151件) read as a decimal; a
restart after an unnumbered paragraph that introduces a group (…：, “X”即…, 五年来，我们…)
or after a glossary heading; a numbered glossary line taken for web furniture; 八是PM2.5
read as anything but 八是; an item that lost its dot (20“一带一路”) reported at itself.
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


# --- items whose text begins with a figure -----------------------------------------------------

GLOSSARY = "名词解释"


def test_item_text_beginning_with_a_figure_is_not_a_decimal():
    text = doc(
        "一、经济运行",
        "1.地区生产总值增长6.5%。",
        "2.5G基站：新建第五代移动通信基站一千二百个。",
        "3.4E级：机场飞行区等级指标。",
        "4.40件民生实事全部完成。",
        "5.9610：跨境电商监管方式代码。",
        "6.“厂货通”：推动加工贸易企业与电商平台合作。",
    )
    assert lint(text) == []


def test_item_after_a_figure_item_still_reports_a_real_skip():
    text = doc(
        "一、经济运行",
        "1.地区生产总值增长6.5%。",
        "2.5G基站：新建第五代移动通信基站一千二百个。",
        "4.“厂货通”：推动加工贸易企业与电商平台合作。",
    )
    assert found(text) == [(11, 1, "4.")]
    [f] = lint(text)
    assert "3." in f.message


def test_a_decimal_that_is_not_the_next_number_stays_a_figure():
    """4.5亿元 after item 1 is not item 4: it neither counts nor hides the skip to 3."""
    text = doc(
        "一、财政收支",
        "1.一般公共预算收入增长8%。",
        "4.5亿元用于教育投入，占比进一步提高。",
        "3.民生支出占比达到七成。",
    )
    assert found(text) == [(11, 1, "3.")]


def test_numbered_glossary_line_taken_for_web_furniture_still_counts():
    text = doc(
        GLOSSARY,
        "1.智慧城市：充分运用信息技术提升城市管理水平。",
        "2.政务APP：市民服务手机客户端。",
        "3.织网工程：以信息化手段促进社会管理创新的机制。",
    )
    assert lint(text) == []


# --- restarts after a paragraph that introduces a group ---------------------------------------


def test_restart_after_a_paragraph_ending_in_a_colon_stays_silent():
    text = doc(
        "一、过去一年的工作",
        "（一）经济稳中有进。地区生产总值增长百分之六。",
        "（二）民生持续改善。新增城镇就业一万二千人。",
        "今年重点抓好以下三个方面的工作：",
        "（一）扩大有效投资。实施重点项目一百个。",
        "（二）提振消费需求。举办消费促进活动二十场。",
    )
    assert lint(text) == []


def test_restart_after_a_definition_paragraph_stays_silent():
    text = doc(
        "一、今年的主要任务",
        "“两项行动”即开展城乡建设年行动和县域经济提质年行动。",
        "（一）城乡建设年行动。建设和美乡村示范村十个。",
        "（二）县域经济提质年行动。培育规模以上企业二十家。",
        "“三条赛道”即科创平台、未来能源和绿色建材三条新赛道。",
        "（一）探索科创平台新赛道。建成科技孵化器两家。",
        "（二）布局未来能源新赛道。新增光伏装机十万千瓦。",
        "（三）完善绿色建材新赛道。引进建材企业五家。",
    )
    assert lint(text) == []


def test_restart_after_topic_sentences_stays_silent():
    text = doc(
        "五年来，我们坚持质量引领，综合实力持续增强。",
        "1.经济保持较快增长。地区生产总值年均增长百分之八。",
        "2.质量效益显著提升。一般公共预算收入翻了一番。",
        "五年来，我们坚持创新驱动，现代产业体系逐步形成。",
        "1.产业加快转型升级。累计淘汰落后产能企业三百家。",
        "2.创新能力显著增强。拥有高新技术企业一百家。",
    )
    assert lint(text) == []


def test_restart_after_an_ordinary_body_paragraph_is_still_reported():
    text = doc(
        "五年来，我们坚持质量引领，综合实力持续增强。",
        "1.经济保持较快增长。地区生产总值年均增长百分之八。",
        "2.质量效益显著提升。一般公共预算收入翻了一番。",
        "同时，我们持续推进产业转型，现代产业体系逐步形成，累计淘汰落后产能企业三百家。",
        "1.创新能力显著增强。拥有高新技术企业一百家。",
    )
    assert found(text) == [(13, 1, "1.")]


def test_restart_in_a_glossary_after_its_heading_stays_silent():
    text = doc(
        "一、今年的主要任务",
        "1.扩大有效投资。实施重点项目一百个。",
        "2.提振消费需求。举办消费促进活动二十场。",
        GLOSSARY,
        "1.“两项行动”：城乡建设年行动和县域经济提质年行动。",
        "2.“三条赛道”：科创平台、未来能源和绿色建材。",
    )
    assert lint(text) == []


# --- an item that lost its dot, and run-in items beginning with Latin letters -------------------


def test_item_without_its_dot_is_reported_at_itself():
    text = doc(
        GLOSSARY,
        "18.四风：形式主义、官僚主义、享乐主义和奢靡之风。",
        "19.健康城区：通过建设健康环境提升居民健康水平。",
        "20“一带一路”：丝绸之路经济带和21世纪海上丝绸之路。",
        "21.区块链：一种去中心化的互联网数据库技术。",
    )
    [f] = lint(text)
    assert (f.line, f.column, text[f.start : f.end]) == (11, 1, "20")
    assert "格式" in f.message and "“20.”" in f.message


def test_figures_at_the_start_of_a_body_paragraph_are_not_a_lost_dot():
    text = doc(
        "1.新建学校十所。",
        "2023年，全区新增学位八千个。",
        "3.新增公园二十个。",
    )
    assert found(text) == [(9, 1, "3.")]


def test_run_in_item_beginning_with_latin_letters_counts():
    text = doc("全年重点抓好九件实事：七是新建学校十所；八是PM2.5平均浓度下降百分之五；九是新增公园二十个。")
    assert lint(text) == []
    skipped = doc(
        "全年重点抓好十件实事：七是新建学校十所；八是PM2.5平均浓度下降百分之五；十是新增公园二十个。"
    )
    [f] = lint(skipped)
    assert skipped[f.start : f.end] == "十是" and "九是" in f.message


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
