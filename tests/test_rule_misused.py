"""misused-word: the word table (zh-misused.misused-word) and two patterns (zh-chars.de-di, zh-chars.he-deng).

True positives: table entries (倍受→备受, 截止目前→截至目前, 再接再励→再接再厉, 布署→部署,
按装→安装) with a safe fix; entries with several right forms (人大代表提案, 无时不刻) with an
unsafe fix naming both; 的 before 转化为 (越来越多的转化为 → 地); 和 directly before 等
(管理和等领域).
True negatives: an `except` word holding a wrong form inside a longer correct text (成倍受益,
按装修标准), the right forms themselves, 成果的转化是关键, 矛盾调和等工作.
"""

from __future__ import annotations

import pytest
from rulekit import findings_of, linter, report_file, run_check

CATEGORY = "misused-word"
TABLE = "zh-misused.misused-word"
DE_DI = "zh-chars.de-di"
HE_DENG = "zh-chars.he-deng"

lint = linter(CATEGORY, check_category=True)


def found(text: str) -> list[tuple[int, int, str, str]]:
    """(line, column, reported text, rule) of every finding."""
    return [(f.line, f.column, text[f.start : f.end], f.rule) for f in lint(text)]


def apply_all(text: str, findings) -> str:
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: f.start] + f.fix.replacement + text[f.end :]
    return text


# --- the word table ---------------------------------------------------------------------------

WRONG = (
    "这项惠民工程建成以来倍受群众称赞。\n"
    "\n"
    "截止目前，常委会已督办代表建议八十件。\n"
    "\n"
    "常委会将再接再励，认真布署今年各项工作，督促有关部门按装好监控设备。\n"
)
RIGHT = (
    "这项惠民工程建成以来备受群众称赞。\n"
    "\n"
    "截至目前，常委会已督办代表建议八十件。\n"
    "\n"
    "常委会将再接再厉，认真部署今年各项工作，督促有关部门安装好监控设备。\n"
)


def test_table_entries_are_reported_where_they_stand():
    assert [(line, col, t) for line, col, t, _ in found(WRONG)] == [
        (1, 11, "倍受"),
        (3, 1, "截止目前"),
        (5, 5, "再接再励"),
        (5, 12, "布署"),
        (5, WRONG.splitlines()[4].index("按装") + 1, "按装"),
    ]
    assert {rule for *_, rule in found(WRONG)} == {TABLE}


def test_table_message_names_the_right_form_and_the_fix_is_safe():
    findings = lint(WRONG)
    first = findings[0]
    assert "倍受" in first.message and "备受" in first.message
    assert all(f.fix is not None and f.fix.safe for f in findings)
    assert apply_all(WRONG, findings) == RIGHT


def test_right_forms_stay_silent():
    assert lint(RIGHT) == []


@pytest.mark.parametrize(
    "text",
    [
        "去年全区财政收入成倍受益于新兴产业的发展。\n",  # except: 成倍受
        "常委会按装修标准验收了代表联络站。\n",  # except: 按装修
        "常委会督促有关单位严格按装配式建筑标准施工。\n",  # except: 按装配
    ],
)
def test_wrong_form_inside_an_except_word_stays_silent(text):
    assert lint(text) == []


def test_except_word_does_not_hide_a_real_error_elsewhere():
    text = "去年全区财政收入成倍受益于新兴产业的发展，这项改革倍受好评。\n"
    assert [(t, rule) for _, _, t, rule in found(text)] == [("倍受", TABLE)]
    [f] = lint(text)
    assert f.column == text.rindex("倍受") + 1


@pytest.mark.parametrize(
    ("text", "wrong", "rights"),
    [
        ("会议共收到人大代表提案十二件，均已交办。\n", "人大代表提案", ("人大代表议案", "人大代表建议")),
        ("常委会无时不刻把群众冷暖放在心上。\n", "无时不刻", ("无时无刻", "时时刻刻")),
    ],
)
def test_entry_with_several_right_forms_gives_an_unsafe_fix(text, wrong, rights):
    [f] = lint(text)
    assert text[f.start : f.end] == wrong
    assert f.fix is not None and f.fix.safe is False
    assert f.fix.replacement == rights[0]
    assert all(r in f.message for r in rights)


def test_jishi_for_jishi():
    text = "既使任务再重，也要按期完成。\n"
    assert [t for _, _, t, _ in found(text)] == ["既使"]


# --- 的/地 before 转化为 --------------------------------------------------------------------------


def test_de_before_zhuanhuawei_is_reported_with_a_safe_fix():
    text = "群众的意见建议越来越多的转化为推动发展的实际成效。\n"
    [f] = lint(text)
    assert (f.line, f.column, text[f.start : f.end], f.rule) == (1, text.index("的转化") + 1, "的", DE_DI)
    assert "地" in f.message
    assert f.fix is not None and f.fix.safe is True
    assert apply_all(text, [f]) == "群众的意见建议越来越多地转化为推动发展的实际成效。\n"


@pytest.mark.parametrize(
    "text",
    [
        "科技成果的转化是关键，要打通成果转化的“最后一公里”。\n",
        "群众的意见建议越来越多地转化为推动发展的实际成效。\n",
        "常委会推动资源优势的转变，加快新旧动能转换。\n",
    ],
)
def test_de_before_a_noun_zhuanhua_stays_silent(text):
    assert lint(text) == []


def test_noun_zhuanhua_followed_by_preposition_wei_stays_silent():
    assert lint("科技成果的转化为企业带来了可观效益。\n") == []


# --- 和等 --------------------------------------------------------------------------------------


def test_he_before_deng_is_reported():
    text = "常委会对财政预算、审计、国有资产管理和等领域持续开展监督。\n"
    [f] = lint(text)
    assert (f.line, f.column, text[f.start : f.end], f.rule) == (1, text.index("和等") + 1, "和等", HE_DENG)
    assert "和" in f.message and "等" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "常委会推动矛盾调和等工作，维护社会和谐稳定。\n",
        "常委会关注地区生产总值、财政收入总和等指标。\n",
        "常委会对财政预算、审计和国有资产管理等领域持续开展监督。\n",
    ],
)
def test_he_deng_inside_words_stays_silent(text):
    assert lint(text) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_json_lists_the_table_findings_with_fixes(tmp_path):
    path = report_file(tmp_path, WRONG)
    result = run_check(CATEGORY, path)
    assert result.exit_code == 1
    findings = findings_of(result)
    assert [(f["line"], f["column"], f["fix"]) for f in findings] == [
        (1, 11, {"replacement": "备受"}),
        (3, 1, {"replacement": "截至目前"}),
        (5, 5, {"replacement": "再接再厉"}),
        (5, 12, {"replacement": "部署"}),
        (5, WRONG.splitlines()[4].index("按装") + 1, {"replacement": "安装"}),
    ]
