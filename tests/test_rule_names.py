"""name-variant (zh-structure.name-variant): a person's or place's name written two ways.

True positives: 候振东 beside 侯振东 (same sound, similar shape), 马春琳 beside 马春林 in
title contexts (主任 …, 院长…, 检察长…); the minority form is reported naming the other
form's line; with a tie, the form that cannot be a surname is reported, and when both can,
both are; a district written 临禾区 once beside 临河区.
True negatives: two different people whose names share two characters (王建国 / 王建华),
one person's name used consistently, two different people each named repeatedly; and
what only looks like a place — a character and a generic word across a word boundary
(实现|市县 beside 省市县, 以|社区 beside 一社区, 符合|新区, 整合|社区, 通达|湾区), a count
(十个街道 / 四个街道), a common word (试验区 / 实验区) — or like a name (甘肃|行动 beside
甘肃省). The patterns come from reading every finding on 248 real reports; the test
sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from rulekit import finder, findings_of, linter, report_file, run_check

CATEGORY = "name-variant"
RULE = "zh-structure.name-variant"

lint = linter(CATEGORY, RULE)
found = finder(lint)


# --- true positives ---------------------------------------------------------------------------

DIRECTOR = """\
某市某区人民代表大会常务委员会工作报告

——2024年1月9日在某区第五届人民代表大会第四次会议上

区人大常委会主任 候振东

各位代表：

现在，我代表区人大常委会向大会报告工作，请予审议。

一年来，常委会在主任侯振东的带领下，依法履行各项职权，共召开常委会会议十次。

会议听取和审议了区人大常委会主任侯振东所作的工作报告，侯振东同志代表常委会作了说明。
"""


def test_minority_form_of_a_name_is_reported_naming_the_majority():
    [f] = lint(DIRECTOR)
    assert (f.line, f.column) == (5, len("区人大常委会主任 ") + 1)
    assert DIRECTOR[f.start : f.end] == "候振东"
    assert "侯振东" in f.message
    assert "第11行" in f.message, "the message names where the other form is first written"


def test_name_after_court_and_procuratorate_titles():
    text = (
        "区人民法院院长马春林、区人民检察院检察长冷志远列席会议。\n\n"
        "会议听取了院长马春琳所作的法院工作报告和检察长冷志远所作的检察院工作报告，马春林同志回答了代表询问。\n"
    )
    [f] = lint(text)
    assert (f.line, text[f.start : f.end]) == (3, "马春琳")
    assert "马春林" in f.message and "第1行" in f.message
    assert "读音相同" in f.message


def test_tie_reports_the_form_that_is_not_a_surname():
    text = "区人大常委会主任 候振东\n\n会议听取了区人大常委会主任侯振东所作的工作报告。\n"
    assert found(text) == [(1, 10, "候振东")]


def test_tie_between_two_plausible_names_reports_both():
    text = "区人民法院院长马春林出席会议。\n\n会议听取了院长马春琳所作的法院工作报告。\n"
    findings = lint(text)
    assert sorted((f.line, text[f.start : f.end]) for f in findings) == [(1, "马春林"), (3, "马春琳")]
    by_line = {f.line: f.message for f in findings}
    assert "马春琳" in by_line[1] and "第3行" in by_line[1]
    assert "马春林" in by_line[3] and "第1行" in by_line[3]


def test_tie_reports_both_when_one_name_is_followed_by_lie_xi():
    text = "区人民法院院长马春林列席会议。\n\n会议听取了院长马春琳所作的法院工作报告。\n"
    assert sorted((f.line, text[f.start : f.end]) for f in lint(text)) == [(1, "马春林"), (3, "马春琳")]


PLACE = """\
某市临河区人民代表大会常务委员会工作报告

——2024年1月9日在某市临河区第六届人民代表大会第三次会议上

各位代表：

一年来，临河区人大常委会在区委的坚强领导下，依法履职尽责，为建设富强临禾区贡献了力量。

全区上下团结一心，临河区经济社会发展取得新成效。
"""


def test_place_name_written_two_ways():
    [f] = lint(PLACE)
    assert f.line == 7
    assert PLACE[f.start : f.end] == "临禾区"
    assert "临河区" in f.message and "第1行" in f.message


def test_place_written_with_a_near_homophone():
    """南山区 typed 南三区: sh/s are one key under the fuzzy pinyin (模糊音) of input methods."""
    text = "南山区教育高质量发展。\n\n南山区人民政府印发实施方案。\n\n我们在南三区调研，南山区科技创新走在前列。\n"
    [f] = lint(text)
    assert (f.line, text[f.start : f.end]) == (5, "南三区")
    assert "南山区" in f.message and "读音相近" in f.message


@pytest.mark.parametrize("slip", ["临禾区", "林河区"])
def test_one_use_of_a_place_written_three_times_changed_to_a_homophone(slip):
    base = "临河区坚持高质量发展，临河区人民政府依法行政。\n\n推动临河区乡村振兴，建设美丽临河区。\n"
    text = base.replace("建设美丽临河区", f"建设美丽{slip}")
    [f] = lint(text)
    assert text[f.start : f.end] == slip and "临河区" in f.message


# --- false alarms: what only looks like a place or a name --------------------------------------

PLACE_WITH_SLIP = "某市临河区人民代表大会常务委员会工作报告\n\n一年来，临河区人大常委会依法履职，临河区经济社会发展取得新成效。\n\n{bait}\n\n为建设富强临禾区贡献力量。\n"


@pytest.mark.parametrize(
    "bait",
    [
        pytest.param("省市县三级联动，省市县三级政务服务上线，实现市县全覆盖。", id="实现|市县"),
        pytest.param("开展“一社区一品牌”“一社区一特色”活动，以社区为单位组织代表活动。", id="以|社区"),
        pytest.param("支持新区和新区周边建设，和新区规划衔接，项目符合新区发展定位。", id="符合|新区"),
        pytest.param("全区8个社区、6个社区服务站，整合社区资源。", id="整合|社区"),
        pytest.param("建立新区权责清单，为新区发展、为新区建设提供保障。", id="建立|新区"),
        pytest.param(
            "这项工作，是全县人民的心愿；“是全县干部的责任”，使全县农村面貌焕然一新。", id="使|全县"
        ),
        pytest.param("大湾区建设加快推进，“大湾区”规划全面对接，打造通达湾区的交通枢纽。", id="通达|湾区"),
        pytest.param("建成区面积扩大，建成区绿化覆盖率提高，共建城区文明家园。", id="共建|城区"),
        pytest.param("建设国家试验区，试验区建设成效明显，创建课程改革实验区。", id="试验区-实验区"),
        pytest.param("三个大片区统筹推进，大片区规划编制完成，完善功能片区间交通。", id="功能|片区"),
        pytest.param("各社区设立联络站，各社区均有代表，8个社区全部达标。", id="各社区-个社区"),
        pytest.param(
            "辖区十个街道全部达标，十个街道均建成驿站，其中四个街道获评先进。", id="十个街道-四个街道"
        ),
        pytest.param("紫薇社区公园建成，为社区居民提供服务，为社区减负。", id="紫薇|社区"),
    ],
)
def test_what_only_looks_like_a_place_is_silent_beside_a_real_variant(bait):
    text = PLACE_WITH_SLIP.format(bait=bait)
    assert [text[f.start : f.end] for f in lint(text)] == ["临禾区"]


def test_a_place_before_a_title_and_a_word_across_a_name_are_silent_beside_a_real_variant():
    # 甘肃省省长: 甘肃省 is no name; 甘肃|行动 is two words, not a variant of it.
    text = (
        "区人大常委会主任 候宗伟\n\n甘肃省省长 任振鹤出席会议，积极参与“万企兴万村”甘肃行动。\n\n"
        "会议听取了区人大常委会主任侯宗伟所作的工作报告，侯宗伟同志指出。\n"
    )
    assert [text[f.start : f.end] for f in lint(text)] == ["候宗伟"]


# --- true negatives ---------------------------------------------------------------------------


def test_two_people_sharing_two_characters_stay_silent():
    text = (
        "区人大常委会副主任王建国、王建华出席会议。\n\n"
        "会议由副主任王建国主持，王建华同志作了讲话。\n\n"
        "王建国强调，要认真落实代表建议。王建华指出，要加强监督。\n"
    )
    assert lint(text) == []


def test_two_people_each_named_repeatedly_stay_silent():
    # 立/丽 sound alike, but each name is used twice beside its own title: two people.
    text = (
        "区长张立群出席会议。\n\n会议听取了区长张立群所作的报告。\n\n"
        "检察长张丽群列席会议并讲话。\n\n检察长张丽群指出，要加强法律监督。\n"
    )
    assert lint(text) == []


def test_one_name_used_consistently_stays_silent():
    text = (
        "区人大常委会主任 林晓峰\n\n"
        "一年来，常委会在主任林晓峰的带领下依法履职。\n\n"
        "会议听取了主任林晓峰所作的工作报告，林晓峰同志指出，要坚持党的领导。\n"
    )
    assert lint(text) == []


def test_consistent_report_with_places_and_titles_stays_silent():
    text = DIRECTOR.replace("候振东", "侯振东")
    assert lint(text) == []
    assert lint(PLACE.replace("临禾区", "临河区")) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_json_reports_the_minority_form(tmp_path):
    path = report_file(tmp_path, DIRECTOR)
    result = run_check(CATEGORY, path)
    assert result.exit_code == 1
    [finding] = findings_of(result)
    assert (finding["rule"], finding["line"], finding["column"], finding["end_column"]) == (RULE, 5, 10, 13)
