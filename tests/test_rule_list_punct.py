"""list-punct (zh-punct.list-punct): items of one list separated inconsistently.

True positives: “甲”、“乙”“丙” (the lone 、 is reported, the fix removes it); “甲”“乙”、
“丙”、“丁” (most gaps have 、, the missing one is reported, the fix adds it); two law
names run together inside a 、 list (安全生产法道路交通安全法).
True negatives: quoted and 《》 series separated consistently, with or without 、;
“根据监督法及省实施监督法办法的规定”; a law list with every 、 in place; 依法/执法/司法
words in a 、 list.
"""

from __future__ import annotations

import pytest
from rulekit import apply, findings_of, linter, report_file, run_check

CATEGORY = "list-punctuation"
RULE = "zh-punct.list-punct"

lint = linter(CATEGORY, RULE)


# --- true positives ---------------------------------------------------------------------------

LONE_MARK = "常委会创新开展“代表接待日”、“代表进社区”“代表述职评议”等活动，密切了代表同群众的联系。\n"


def test_lone_dunhao_in_a_quoted_series_is_reported():
    [f] = lint(LONE_MARK)
    assert (f.line, f.column) == (1, LONE_MARK.index("”、“") + 1)
    assert LONE_MARK[f.start : f.end] == "”、“"
    assert "顿号" in f.message
    assert f.fix is not None and f.fix.safe is False
    assert apply(LONE_MARK, f) == LONE_MARK.replace("”、“", "”“")


def test_missing_dunhao_where_most_items_have_one():
    text = "常委会开展“代表接待日”“代表进社区”、“代表述职评议”、“代表小组活动”等活动。\n"
    [f] = lint(text)
    assert text[f.start : f.end] == "”“"
    assert f.column == text.index("”“") + 1
    assert "缺少顿号" in f.message
    assert apply(text, f) == text.replace("日”“代", "日”、“代")


def test_book_title_series_mixed():
    text = "常委会组织学习《中华人民共和国宪法》、《中华人民共和国监督法》《中华人民共和国代表法》。\n"
    [f] = lint(text)
    assert text[f.start : f.end] == "》、《"


def test_law_names_run_together_in_a_list():
    text = "常委会对食品安全法、安全生产法道路交通安全法等法律的实施情况开展执法检查。\n"
    [f] = lint(text)
    assert (f.line, f.column) == (1, text.index("法道") + 1)
    assert text[f.start : f.end] == "法道"
    assert "顿号" in f.message
    assert apply(text, f) == text.replace("安全生产法道路", "安全生产法、道路")


def test_law_names_run_together_in_the_first_item():
    text = "常委会先后对安全生产法道路交通安全法、食品安全法、水污染防治法开展执法检查。\n"
    [f] = lint(text)
    assert text[f.start : f.end] == "法道"
    assert f.fix is not None and f.fix.safe is False


def test_law_names_run_together_when_the_list_runs_into_the_sentence():
    text = "常委会检查了安全生产法道路交通安全法、食品安全法的实施情况。\n"
    assert [text[f.start : f.end] for f in lint(text)] == ["法道"]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "常委会创新开展“代表接待日”“代表进社区”“代表述职评议”等活动。\n",
        "常委会创新开展“代表接待日”、“代表进社区”、“代表述职评议”等活动。\n",
        "常委会认真学习《中华人民共和国宪法》《中华人民共和国监督法》《中华人民共和国代表法》。\n",
        "常委会认真学习《中华人民共和国宪法》、《中华人民共和国监督法》、《中华人民共和国代表法》。\n",
        "根据监督法及省实施监督法办法的规定，常委会听取审议了专项工作报告。\n",
        "常委会对食品安全法、安全生产法、道路交通安全法的实施情况开展执法检查。\n",
        "常委会组织代表学习宪法、代表法、监督法和选举法等法律法规。\n",
        "常委会坚持依法监督、正确监督、有效监督，推动严格执法、公正司法、全民守法。\n",
        "常委会围绕“两个确立”开展学习，并组织学习《监督法》，提出“三个一批”工作目标。\n",
        "代表们说：“联络站就是我们的家。”群众说：“有事就找代表。”\n",
    ],
)
def test_consistent_lists_stay_silent(text):
    assert lint(text) == []


def test_two_separate_series_in_one_paragraph_are_judged_apart():
    # The first series uses 、 throughout, the second none: each is consistent in itself.
    text = "常委会开展“代表接待日”、“代表进社区”活动，落实“一月一接待”“一季一视察”制度。\n"
    assert lint(text) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_json_reports_and_offers_the_fix(tmp_path):
    path = report_file(tmp_path, LONE_MARK)
    result = run_check(CATEGORY, path)
    assert result.exit_code == 1
    [finding] = findings_of(result)
    assert (finding["rule"], finding["line"], finding["column"]) == (RULE, 1, LONE_MARK.index("”、“") + 1)
    assert finding["fix"] == {"replacement": "”“"}
