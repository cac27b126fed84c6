"""zh-standard: numbers (GB/T 15835-2011), punctuation beyond width (GB/T 15834-2011), 的/地/得.

Each rule: sentences it must flag, with the fix it offers, and correct sentences that must stay
silent — dates and codes written with hyphens, words that begin with a conjunction, 的 before a noun.
"""

from __future__ import annotations

import pytest

from reportlint import Config, lint_text


def found(text: str, rule: str, year: int | None = None) -> list[tuple[str, str | None]]:
    findings = lint_text(text + "\n", config=Config(select=[f"zh-standard.{rule}"], year=year))
    return [(text[f.start : f.end], f.fix.replacement if f.fix else None) for f in findings]


CASES = {
    "value-range": [
        ("预期增长6%-7%，城镇新增就业2-3万人。", [("-", "～"), ("-", "～")]),
        ("为60-79周岁老人购买意外险。", [("-", "～")]),
        ("增长6%－6.5%。", [("－", "～")]),
    ],
    "time-range": [
        ("编制2021-2025年发展规划。", [("-", "—")]),
        ("1-11月实际利用外资增长8%。", [("-", "—")]),
    ],
    "ascii-dash": [
        ("--2024年1月15日在某区人民代表大会上", [("--", "——")]),
        ("成绩来之不易。----过去的一年，我们勇毅前行。", [("----", "——")]),
    ],
    "ascii-dash-between": [("打造“总部--制造基地”功能链条。", [("--", None)])],
    "ellipsis": [
        ("推进教育、医疗、养老...各项事业。", [("...", "……")]),
        ("景观提升…，城区面貌一新。", [("…", "……")]),
    ],
    "doubled-mark": [
        ("召开会议12次，，听取报告25个。。", [("，，", "，"), ("。。", "。")]),
        ("超过20万人次，。", [("，。", "。")]),
    ],
    "dunhao-before-conjunction": [("推广远程会诊、及远程康复服务。", [("、", "")])],
    "dunhao-before-bing": [
        ("全年新建服务中心5个，加强基层医疗机构建设、并推动优质资源下沉。", [("、", "，")])
    ],
    "ling-in-year": [
        ("二0二四年一月十五日", [("0", "〇")]),
        ("二O二四年工作报告", [("O", "〇")]),
        ("为二○三五年远景目标而奋斗。", [("○", "〇")]),
    ],
    "approximate-doubled": [("全年接待游客约120万人次左右。", [("左右", "")])],
    "de-complement": [
        ("今年县域经济发展的更快。", [("的", "得")]),
        ("有些部署落实的不到位。", [("的", "得")]),
        ("这件事情办的好，群众满意。", [("的", "得")]),
    ],
    "di-adverbial": [
        ("要认真细致的做好来访工作。", [("的", "地")]),
        ("各地要有计划的安排好年度项目。", [("的", "地")]),
        ("扎实有效的推进乡村振兴。", [("的", "地")]),
    ],
}

SILENT = {
    "value-range": [
        "联系电话0312-5551234。",
        "2024-01-15召开会议。",
        "G15-1号公路通车。",
        "安宁里3-2-11室完成改造。",
    ],
    "time-range": ["2024-01-15召开会议。", "编制2021—2025年发展规划。", "第3-2号文件。"],
    "ascii-dash": ["版本号为v1.0-rc2。", "打造“总部--制造基地”功能链条。"],
    "ellipsis": ["版本号为3.2.1。", "教育、医疗、养老……各项事业。"],
    "doubled-mark": ["他说：“要抓落实！”", "召开会议12次，听取报告25个。"],
    "dunhao-before-conjunction": ["做到及时响应、及早处置。", "远程会诊及远程康复。"],
    "dunhao-before-bing": ["完成撤销、并入和新设工作。"],
    "ling-in-year": ["2024年1月15日", "二〇二四年一月十五日", "十三届四中全会"],
    "approximate-doubled": ["全年接待游客约120万人次，新增岗位1000个左右。"],
    "de-complement": [
        "为高质量发展的更大突破打下基础。",
        "扎实有效的措施得到群众认可。",
        "建设的快速路网全线贯通。",
    ],
    "di-adverbial": [
        "制定了扎实有效的措施。",
        "对安全隐患进行全面深入的排查。",
        "建立积极稳妥的推进机制。",
        "实施有针对性的帮扶措施。",
    ],
}


@pytest.mark.parametrize(
    "rule, text, expected",
    [(r, t, e) for r, cases in CASES.items() for t, e in cases],
    ids=lambda v: str(v)[:20],
)
def test_flagged_with_the_right_fix(rule, text, expected):
    assert found(text, rule) == expected


@pytest.mark.parametrize(
    "rule, text", [(r, t) for r, texts in SILENT.items() for t in texts], ids=lambda v: str(v)[:20]
)
def test_correct_text_stays_silent(rule, text):
    assert found(text, rule) == []


def test_fullwidth_digits_only_in_a_half_width_document():
    mixed = "全年新增就业４．２万人，召开会议12次，听取报告25个，新建公园8个。"
    assert found(mixed, "fullwidth-digits") == [("４．２", "4.2")]
    throughout = "全年新增就业４．２万人，召开会议１２次，听取报告２５个。"
    assert found(throughout, "fullwidth-digits") == []


def test_percent_signs_mixed_in_one_document():
    assert [t for t, _ in found("增长6.5%，其中工业增长7％，服务业增长6.2%。", "percent-sign")] == ["％"]
    assert found("增长6.5％，工业增长7％。", "percent-sign") == []
