"""unpaired-punctuation (zh-punct.unpaired): quotes, brackets and book-title marks without partner.

True positives: a closing mark without its opener, an opener never closed within
its paragraph, pairs nested wrongly (《…“…》…”), a double quote closed by a single
one (“X’, one finding suggesting ”), a closing quote used as the opening one (”X”).
True negatives: balanced and correctly nested pairs, adjacent quotations, half- and
full-width round brackets mixed (their width is punctuation-width's business); and,
met in real reports, an English apostrophe (Women’s), navigation arrows (》》…《《), a
pair split by a few short hyperlink lines, an excerpt cut off with ......
"""

from __future__ import annotations

import pytest
from rulekit import check_json, col, linter, report_file

from reportlint import Severity

CATEGORY = "unpaired-punctuation"
RULE = "zh-punct.unpaired"

lint = linter(CATEGORY)


def flagged(text: str) -> list[tuple[int, int, str]]:
    """(line, column, flagged mark) of every finding; checks rule, severity and that there is no fix."""
    lines = text.split("\n")
    out = []
    for f in lint(text):
        assert (f.category, f.rule, f.severity) == (CATEGORY, RULE, Severity.WARNING)
        assert f.fix is None
        assert f.line == f.end_line and f.end_column == f.column + 1
        out.append((f.line, f.column, lines[f.line - 1][f.column - 1 : f.end_column - 1]))
    return out


def messages(text: str) -> list[str]:
    return [f.message for f in lint(text)]


# --- true positives ---------------------------------------------------------------------------


def test_closing_quote_without_opening_quote():
    text = "培育了“红色代表之家”“民情直通车”基层议事活力”等特色品牌。"
    assert flagged(text) == [(1, col(text, "”", 3), "”")]
    assert messages(text) == ["成对标点不完整：右引号缺少对应的左引号"]


def test_opening_quote_never_closed():
    text = "推动形成“学法用法”“依法办事的良好氛围。"
    assert flagged(text) == [(1, col(text, "“", 2), "“")]
    assert messages(text) == ["成对标点不完整：左引号缺少对应的右引号"]


def test_book_title_never_closed():
    text = "认真贯彻《中华人民共和国各级人民代表大会常务委员会监督法，加强执法检查。"
    assert flagged(text) == [(1, col(text, "《"), "《")]
    assert messages(text) == ["成对标点不完整：左书名号缺少对应的右书名号"]


def test_second_book_title_never_closed():
    text = "常委会检查了《安全生产法》《消防法的实施情况。"
    assert flagged(text) == [(1, col(text, "《", 2), "《")]


def test_wrong_nesting_book_title_and_quote():
    text = "组织学习《关于“加强人大监督》的实施意见”。"
    assert flagged(text) == [(1, col(text, "“"), "“"), (1, col(text, "”"), "”")]
    assert messages(text) == [
        "成对标点不完整：左引号在右书名号之前未闭合（嵌套错误）",
        "成对标点不完整：右引号缺少对应的左引号",
    ]


def test_inner_single_quote_not_closed_before_outer():
    text = "会议强调：“要牢固树立‘四个意识，坚定‘四个自信’。”"
    assert flagged(text) == [(1, col(text, "‘"), "‘")]
    assert "嵌套错误" in messages(text)[0]


def test_stray_closing_bracket():
    text = "全年举办代表履职培训班3期）。"
    assert flagged(text) == [(1, col(text, "）"), "）")]
    assert messages(text) == ["成对标点不完整：右括号缺少对应的左括号"]


def test_unclosed_hexagonal_bracket_in_document_number():
    text = "按照某办发〔2024 3号文件要求开展自查。"
    assert flagged(text) == [(1, col(text, "〔"), "〔")]


def test_quote_is_not_carried_across_paragraphs():
    text = "常委会将2024年确定为“执法检查\n年”，全年开展执法检查6次。"
    assert flagged(text) == [(1, col(text, "“"), "“"), (2, 2, "”")]


def test_unclosed_bracket_in_resolution_note():
    text = "（2024年1月10日某区第十届人民代表大会第二次会议通过"
    assert flagged(text) == [(1, 1, "（")]


def test_the_quote_reported_is_the_one_left_open():
    """The outer quote is closed at the end; the inner one's sentence ends without a closing mark."""
    text = "代表们说：“要抓好“放管服改革。要提升营商环境。”"
    assert flagged(text) == [(1, col(text, "“", 2), "“")]


def test_double_quote_closed_by_a_single_one_is_one_finding_with_the_closer_suggested():
    text = "“4+X”工作机制：“4”即4位分管领导，“X’即各主管部门，按照“属地管理、分级负责”的原则处理。"
    [f] = lint(text)
    assert text[f.start : f.end] == "“X’"
    assert f.message == "成对标点不完整：左引号缺少对应的右引号"
    assert f.fix is not None and f.fix.replacement == "“X”" and not f.fix.safe


def test_closing_quote_used_as_the_opening_one_is_one_finding():
    text = "全区138个社区实现”一村（社区）一法律顾问”。"
    [f] = lint(text)
    assert text[f.start : f.end] == "”一村（社区）一法律顾问”"
    assert f.message == "成对标点不完整：右引号缺少对应的左引号"
    assert f.fix is not None and f.fix.replacement == "“一村（社区）一法律顾问”"


def test_stray_closers_far_apart_stay_two_findings():
    text = "推进“三公”经费”管理改革。严控会议费”支出。"
    assert flagged(text) == [(1, col(text, "”", 2), "”"), (1, col(text, "”", 3), "”")]


# --- what is not half a pair ------------------------------------------------------------------


def test_english_apostrophe_stays_silent_beside_a_stray_single_quote():
    assert lint("WTA：Women’s Tennis Association的缩写，即国际女子职业网球协会。") == []
    text = "WTA即国际女子职业网球协会’，总部设在美国。"
    assert flagged(text) == [(1, col(text, "’"), "’")]


def test_navigation_arrows_stay_silent_beside_a_doubled_closer():
    assert lint("》》点击图片进入“人大代表风采”专题，查看全区各级人大代表的履职故事和图片报道《《") == []
    text = "常委会组织全体组成人员认真学习《监督法》》，依法开展执法检查和专题询问，增强监督实效。"
    assert flagged(text) == [(1, col(text, "》", 2), "》")]
    assert lint("常委会编印《《监督法》学习读本》，发放给全体代表和各镇街人大工作机构，组织集中学习。") == []


def test_pair_split_by_short_hyperlink_lines_stays_silent():
    text = "“双向揭榜挂帅”：企业找技术、成果找市场“双向\n揭榜\n挂帅”的简称，由技术供给方揭榜攻关。"
    assert lint(text) == []
    toolbar = "【\n打印本页\n】\n【\n关闭窗口\n】"
    assert lint(toolbar) == []


def test_pair_split_by_long_lines_is_still_reported():
    text = "企业找技术、成果找市场“双向\n揭榜挂帅机制运行良好\n挂帅”的简称。"
    assert flagged(text) == [(1, col(text, "“"), "“"), (3, 3, "”")]


def test_excerpt_cut_off_with_dots_stays_silent():
    cut = "2022年是极不平凡的一年，是“激情奋进‘十四五’、再造一个新清苑的开局之年......"
    assert lint(cut) == []
    whole = "2022年是极不平凡的一年，是“激情奋进‘十四五’、再造一个新清苑的开局之年。"
    assert flagged(whole) == [(1, col(whole, "“"), "“")]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("打造了“红色代表之家”“民情直通车”“基层议事会”等特色品牌。", id="adjacent-quotes"),
        pytest.param("认真学习《关于“加强人大监督”的实施意见》。", id="quote-inside-book-title"),
        pytest.param("会议强调：“要牢固树立‘四个意识’，坚定‘四个自信’。”", id="single-inside-double"),
        pytest.param("（一）强化思想政治引领", id="heading-brackets"),
        pytest.param("(二)聚焦民生实事开展监督", id="halfwidth-heading-brackets"),
        pytest.param("提出意见建议（含批评)36条，均已交办。", id="mixed-width-brackets"),
        pytest.param("听取审议“一府一委两院”专项工作报告15个。", id="one-quote"),
        pytest.param("按照某办发〔2024〕3号文件要求开展自查。", id="document-number"),
        pytest.param("【代表风采】扎根基层的“老黄牛”", id="lenticular-brackets"),
        pytest.param("审议《某区2023年预算执行情况的报告（草案）》。", id="bracket-inside-book-title"),
        pytest.param("常委会全年召开会议12次，审议通过决议决定9项。", id="no-marks"),
    ],
)
def test_silent_on_balanced_pairs(text):
    assert lint(text) == []


def test_clean_report_is_silent():
    text = (
        "某区人民代表大会常务委员会工作报告（摘要）\n"
        "——2024年1月8日在某区第十届人民代表大会第二次会议上\n"
        "各位代表：\n"
        "常委会紧扣“十四五”规划实施，听取审议《关于全区优化营商环境工作情况的报告》。\n"
        "代表们表示：“常委会开展的‘代表进家站’活动，让我们有了更多履职平台。”\n"
    )
    assert lint(text) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_unmatched_quote_as_error(tmp_path):
    body = "持续擦亮“民生实事代表票决制品牌，推动办成一批实事。"
    path = report_file(tmp_path, f"各位代表：\n{body}\n")
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    quote = col(body, "“")
    assert [(f["severity"], f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        ("warning", 2, quote, quote + 1, None),
    ]


def test_cli_balanced_file_exits_0(tmp_path):
    path = report_file(tmp_path, "各位代表：\n持续擦亮“民生实事代表票决制”品牌（详见附件）。\n")
    assert check_json(CATEGORY, path) == (0, [])
