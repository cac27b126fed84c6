"""duplicate-paragraph (zh-structure.duplicate-paragraph): paragraphs pasted twice.

True positives: an exact copy, a near copy (one figure changed, half-width
punctuation), a block pasted several times, a long passage pasted into another
paragraph — always reported on the later copy, naming the line of the first.
True negatives: the set lines a report legitimately repeats (各位代表：, a section
title used in two parts, the resolution sentence of three parallel resolutions,
the date notes under them), parallel paragraphs about different bodies, short
repeated sentences.
"""

from __future__ import annotations

from rulekit import apply, findings_of, linter, report_file, run_check

CATEGORY = "duplicate-paragraph"
RULE = "zh-structure.duplicate-paragraph"

lint = linter(CATEGORY, RULE)

HEAD = (
    "某区人民代表大会常务委员会工作报告\n"
    "\n"
    "——2024年1月8日在某区第九届人民代表大会第三次会议上\n"
    "\n"
    "各位代表：\n"
    "\n"
)  # the first body paragraph after HEAD is on line 7

SUGGESTIONS = (
    "区人大常委会坚持把代表建议办理作为联系群众的重要纽带，全年交办代表建议一百二十件，"
    "已全部办结，代表满意率达到百分之九十八以上。"
)
BUSINESS = (
    "常委会聚焦优化营商环境开展专题询问，督促政府相关部门认真整改，"
    "推动解决企业反映的审批难、融资难等突出问题十余个。"
)
VISITS = (
    "常委会组织代表深入社区开展视察活动，围绕老旧小区改造、养老服务设施建设等提出意见建议二十余条，"
    "有关部门均已作出答复。"
)
THANKS = (
    "过去一年取得的成绩，是区委坚强领导的结果，是区人大代表和全区人民共同努力的结果，"
    "是区政府、区监察委员会、区法院、区检察院密切配合的结果。在此，我代表区人大常委会，"
    "向所有关心支持人大工作的同志们表示衷心的感谢！"
)


def doc(*paragraphs: str) -> str:
    return HEAD + "\n\n".join(paragraphs) + "\n"


# --- true positives ---------------------------------------------------------------------------


def test_exact_copy_is_reported_on_the_later_copy_naming_the_first():
    text = doc(SUGGESTIONS, BUSINESS, VISITS, SUGGESTIONS)
    [f] = lint(text)
    assert (f.line, f.column) == (13, 1)
    assert text[f.start : f.start + len(SUGGESTIONS)] == SUGGESTIONS
    assert "第7行" in f.message
    assert "重复" in f.message


def test_fix_removes_the_copy_with_its_line_breaks():
    text = doc(SUGGESTIONS, BUSINESS, SUGGESTIONS, VISITS)
    [f] = lint(text)
    assert f.line == 11
    assert f.fix is not None and f.fix.replacement == ""
    assert f.fix.safe is False, "removing a paragraph is for the drafter to confirm"
    assert apply(text, f) == doc(SUGGESTIONS, BUSINESS, VISITS)


def test_near_copy_with_one_figure_changed():
    changed = SUGGESTIONS.replace("一百二十件", "一百二十一件")
    text = doc(SUGGESTIONS, BUSINESS, VISITS, changed)
    [f] = lint(text)
    assert f.line == 13
    assert text[f.start : f.start + len(changed)] == changed
    assert "第7行" in f.message
    assert "相似" in f.message


def test_copy_that_differs_only_in_punctuation_width_is_a_copy():
    half_width = BUSINESS.replace("，", ",").replace("。", ".").replace("、", ",")
    text = doc(BUSINESS, THANKS, half_width)
    [f] = lint(text)
    assert f.line == 11
    assert "第7行" in f.message


def test_block_pasted_several_times_every_copy_names_the_first():
    text = doc(BUSINESS, VISITS, THANKS, BUSINESS, VISITS, BUSINESS)
    found = sorted((f.line, f.message) for f in lint(text))
    assert [line for line, _ in found] == [13, 15, 17]
    assert "第7行" in found[0][1]
    assert "第9行" in found[1][1]
    assert "第7行" in found[2][1]


def test_long_passage_pasted_inside_another_paragraph():
    pasted = "三是加强自身建设。常委会持续推进学习型机关建设，" + THANKS + "全面提升依法履职的能力和水平。"
    text = doc(THANKS, BUSINESS, pasted)
    [f] = lint(text)
    assert f.line == f.end_line == 11
    # The reported span is the pasted passage, not the paragraph's own opening.
    assert f.column == len("三是加强自身建设。常委会持续推进学习型机关建设，") + 1
    assert text[f.start : f.end] in THANKS
    assert f.end - f.start >= 50
    assert "第7行" in f.message
    assert f.fix is None, "a passage inside a paragraph cannot be cut out mechanically"


def test_passage_repeated_as_a_paragraph_after_the_paragraph_that_holds_it():
    holder = "三是加强自身建设。常委会持续推进学习型机关建设，" + THANKS + "全面提升依法履职的能力和水平。"
    text = doc(holder, BUSINESS, THANKS)
    [f] = lint(text)
    assert f.line == 11
    assert "第7行" in f.message


# --- true negatives ---------------------------------------------------------------------------

# A report with the lines real reports legitimately repeat: the salutation, a section title in
# both parts, and three resolutions that share their set sentence and date note.
FORMULAIC = """\
某市人民代表大会常务委员会工作报告

——2025年1月12日在某市第八届人民代表大会第四次会议上

各位代表：

现在，我代表市人大常委会向大会报告工作，请予审议。

过去一年的主要工作

一年来，市人大常委会在市委的坚强领导下，依法行使各项职权，共召开常委会会议九次，听取审议专项工作报告二十一个，组织执法检查六次。

一、坚持党的领导

常委会严格执行重大事项请示报告制度，全年向市委请示报告重要事项十余次，确保人大工作始终沿着正确方向前进。

今年工作的主要任务

一、坚持党的领导

常委会将继续把党的全面领导贯穿人大工作全过程，不断提高政治判断力、政治领悟力和政治执行力。

各位代表：

新的一年，让我们更加紧密地团结在党中央周围，为建设现代化强市作出新的更大贡献！

某市第八届人民代表大会第四次会议关于市人民代表大会常务委员会工作报告的决议

（2025年1月12日某市第八届人民代表大会第四次会议通过）

某市第八届人民代表大会第四次会议听取和审议了市人大常委会主任所作的市人民代表大会常务委员会工作报告。

会议同意这个报告，决定批准这个报告。

某市第八届人民代表大会第四次会议关于市中级人民法院工作报告的决议

（2025年1月12日某市第八届人民代表大会第四次会议通过）

某市第八届人民代表大会第四次会议听取和审议了市中级人民法院院长所作的市中级人民法院工作报告。

会议同意这个报告，决定批准这个报告。

某市第八届人民代表大会第四次会议关于市人民检察院工作报告的决议

（2025年1月12日某市第八届人民代表大会第四次会议通过）

某市第八届人民代表大会第四次会议听取和审议了市人民检察院检察长所作的市人民检察院工作报告。

会议同意这个报告，决定批准这个报告。
"""


def test_formulaic_repeated_lines_stay_silent():
    assert FORMULAIC.count("会议同意这个报告，决定批准这个报告。") == 3
    assert FORMULAIC.count("（2025年1月12日某市第八届人民代表大会第四次会议通过）") == 3
    assert lint(FORMULAIC) == []


def test_resolution_sentence_inside_parallel_resolutions_stays_silent():
    text = FORMULAIC.replace("工作报告。\n\n会议同意", "工作报告。会议同意")
    assert text.count("工作报告。会议同意这个报告，决定批准这个报告。") == 3
    assert lint(text) == []


def test_short_repeated_sentence_stays_silent():
    short = "常委会认真审议了各项报告。"
    assert lint(doc(short, BUSINESS, short, VISITS)) == []


def test_parallel_paragraphs_about_different_matters_stay_silent():
    first = "常委会听取审议了区政府关于义务教育优质均衡发展情况的报告，提出了加强师资队伍建设、改善办学条件等审议意见。"
    second = "常委会听取审议了区政府关于基本医疗卫生服务体系建设情况的报告，提出了提升基层诊疗能力、完善分级诊疗等审议意见。"
    assert lint(doc(first, second, SUGGESTIONS, BUSINESS, VISITS, THANKS)) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_json_reports_the_later_copy(tmp_path):
    path = report_file(tmp_path, doc(SUGGESTIONS, BUSINESS, SUGGESTIONS))
    result = run_check(CATEGORY, path)
    assert result.exit_code == 1
    [finding] = findings_of(result)
    assert (finding["rule"], finding["line"], finding["column"]) == (RULE, 11, 1)
    assert "第7行" in finding["message"]
    assert finding["fix"] == {"replacement": ""}


def test_cli_formulaic_report_exits_0(tmp_path):
    path = report_file(tmp_path, FORMULAIC)
    result = run_check(CATEGORY, path)
    assert result.exit_code == 0
    assert findings_of(result) == []
