"""duplicate-paragraph (zh-structure.duplicate-paragraph): paragraphs pasted twice.

True positives: an exact copy, a near copy (one figure changed, half-width
punctuation), a block pasted several times (one finding over each copied block), a
long passage pasted into another paragraph — always reported on the later copy,
naming the line of the first; a glossary pasted twice.
True negatives: the set lines a report legitimately repeats (各位代表：, a section
title used in two parts, the resolution sentence of three parallel resolutions,
the date notes under them), parallel paragraphs about different bodies, short
repeated sentences; and, met in real reports, a long standard formula shared by two
different paragraphs, the web site's excerpt of the opening (内容摘要), a glossary
entry or a table row restating the body.
"""

from __future__ import annotations

from rulekit import apply, findings_of, linter, report_file, run_check

from reportlint import Severity

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


def test_exact_copies_are_errors_and_near_copies_warnings():
    """Severity means certainty: a paragraph pasted twice is always wrong; a near copy may be deliberate."""
    [f] = lint(doc(SUGGESTIONS, BUSINESS, SUGGESTIONS))
    assert f.severity == Severity.ERROR
    [g] = lint(doc(SUGGESTIONS, BUSINESS, SUGGESTIONS.replace("一百二十件", "一百二十一件")))
    assert g.severity == Severity.WARNING


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


def test_block_pasted_several_times_is_one_finding_per_copied_block():
    text = doc(BUSINESS, VISITS, THANKS, BUSINESS, VISITS, BUSINESS)
    found = sorted((f.line, f.end_line, f.message) for f in lint(text))
    assert [(line, end) for line, end, _ in found] == [(13, 17), (17, 18)]
    assert "第7行至第9行" in found[0][2]
    assert "第7行" in found[1][2] and "至" not in found[1][2]


def test_fix_removes_the_copied_block_with_its_line_breaks():
    text = doc(BUSINESS, VISITS, THANKS, BUSINESS, VISITS, SUGGESTIONS)
    [f] = lint(text)
    assert (f.line, f.end_line) == (13, 17)
    assert [(r.line, r.end_line) for r in f.related] == [(7, 9)]
    assert apply(text, f) == doc(BUSINESS, VISITS, THANKS, SUGGESTIONS)


GLOSSARY_ENTRIES = [
    "名词解释",
    "1.“两个确保”：确保全区经济持续健康发展，确保人民群众生活水平稳步提高，两项目标同步推进、同步考核。",
    "2.代表联络站：设在镇街和社区、供人大代表定期接待选民、听取和反映群众意见建议的固定场所。",
    "3.四风：形式主义、官僚主义、享乐主义和奢靡之风。",
    "4.民生实事票决制：由人大代表投票决定政府年度民生实事项目，并对实施情况进行监督评议的制度。",
]


def test_glossary_pasted_twice_is_one_finding_over_the_second_copy():
    text = doc(BUSINESS, THANKS, *GLOSSARY_ENTRIES, THANKS, *GLOSSARY_ENTRIES, SUGGESTIONS)
    [f] = lint(text)
    # THANKS is on line 9, its copy on line 21; the short 四风 entry and the heading were not compared.
    assert (f.line, f.end_line) == (21, 33)  # up to the next paragraph: the fix takes the line breaks
    assert "第9行至第19行" in f.message
    assert apply(text, f) == doc(BUSINESS, THANKS, *GLOSSARY_ENTRIES, SUGGESTIONS)


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


def test_two_whole_sentences_pasted_into_a_long_paragraph():
    """Less than three quarters of the shorter paragraph, but two whole sentences of both: a paste."""
    two = (
        "常委会坚持问题导向，围绕群众关心的教育医疗问题开展专题询问两次。"
        "各专门委员会深入镇街和企业开展调研，形成高质量调研报告十二篇。"
    )
    first = (
        "一年来，常委会依法履行监督职责。" + two + "审议意见均已交办，政府相关部门认真研究处理并按期报告。"
    )
    second = (
        "常委会持续加强自身建设，坚持每月集中学习制度，组织机关干部参加各类业务培训。"
        + two
        + "机关作风进一步转变，服务代表、服务群众的能力明显提升。"
    )
    text = doc(first, BUSINESS, second)
    [f] = lint(text)
    assert f.line == 11 and text[f.start : f.end] == two[:-1]
    assert "第7行" in f.message


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


FORMULA = (
    "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神，"
    "深入贯彻习近平总书记对本省工作的重要讲话和重要指示批示精神"
)


def test_long_formula_shared_by_two_different_paragraphs_stays_silent():
    tasks = (
        "今年政府工作的总体要求是：" + FORMULA + "，完整准确全面贯彻新发展理念，坚持稳中求进工作总基调，"
        "统筹发展和安全，着力扩大内需，着力推动产业转型升级，着力保障和改善民生，奋力谱写现代化建设新篇章。"
    )
    review = (
        "过去一年，我们坚持" + FORMULA + "，团结带领全区人民攻坚克难，地区生产总值增长百分之五点八，"
        "一般公共预算收入增长百分之六，城乡居民人均可支配收入分别增长百分之五和百分之七。"
    )
    assert len(FORMULA) >= 60
    assert lint(doc(review, BUSINESS, tasks)) == []
    # beside it, the same review paragraph pasted whole into another is still found
    assert [f.line for f in lint(doc(review, BUSINESS, "会议认为：" + review))] == [11]


def test_web_excerpt_of_the_opening_stays_silent():
    opening = (
        "现在，我代表区人民政府向大会作政府工作报告，请予审议，并请区政协委员和其他列席人员提出意见。"
        "过去一年，全区经济持续回升向好，地区生产总值增长百分之五点八。"
    )
    text = (
        "某区政府工作报告\n\n来源：某区人民政府网\n\n内容摘要：\n\n"
        + opening[:70]
        + "......\n\n各位代表：\n\n"
        + opening
        + "\n\n"
        + BUSINESS
        + "\n\n"
        + BUSINESS
        + "\n"
    )
    found = lint(text)
    assert [f.line for f in found] == [15], "the excerpt is not a copy; the pasted paragraph is"


def test_glossary_entry_and_table_row_restating_the_body_stay_silent():
    works = (
        "新建改建公办幼儿园四所，新增普惠性学位一千二百个，完成老旧小区改造三十个，"
        "惠及居民八千余户，新建社区养老服务中心六个"
    )
    plan = "今年将实施民生实事项目十件：" + works + "，让群众在家门口享受更好的公共服务。"
    entry = "1.民生实事项目：" + works + "，由区政府统筹实施，区人大常委会全程监督。"
    row = "1\t民生实事\t" + works + "\t区教育局"
    text = doc(plan, BUSINESS, "名词解释", entry, "附表", row)
    assert lint(text) == []
    # beside them, the same words pasted into a body paragraph are still found
    assert [f.line for f in lint(doc(plan, BUSINESS, "全年任务：" + works + "。"))] == [11]


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
