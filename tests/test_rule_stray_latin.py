"""stray-latin (zh-chars.stray-latin): English words left inside Chinese sentences.

True positives: ``城乡规划 and 交通规划`` (with a suggested 和), and, or, of, with
and other English words between Chinese characters. True negatives: acronyms
and codes that belong in report prose (A类, 3+N, 1+18+N, 百加N, 5G, GDP, PM2.5,
App, AI, CPI), unit symbols (15km), URLs, e-mail addresses and English
sentences standing on their own. The config's ``accept`` extends the allowlist.
"""

from __future__ import annotations

import pytest
from rulekit import check_json, flagger, linter, report_file

CATEGORY = "stray-latin"
RULE = "zh-chars.stray-latin"

lint = linter(CATEGORY)
flagged = flagger(CATEGORY, RULE)


# --- true positives ---------------------------------------------------------------------------


def test_and_between_chinese_words_suggests_he():
    text = "常委会组织代表对城乡规划 and 交通规划实施情况进行了视察。"
    assert flagged(text) == [(1, text.index("and") + 1, "and", "和", False)]
    assert lint(text)[0].message == "中文句中夹有英文单词“and”"


def test_and_glued_to_chinese():
    text = "推动制度化、规范化and常态化建设。"
    assert flagged(text) == [(1, text.index("and") + 1, "and", "和", False)]


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        pytest.param("在城区 or 乡镇先行开展试点。", "or", "或", id="or"),
        pytest.param("打造“书香 of 人大”学习品牌。", "of", "的", id="of"),
        pytest.param("推动政府with企业建立常态化沟通机制。", "with", "与", id="with"),
    ],
)
def test_common_words_with_suggested_chinese(text, word, suggestion):
    assert flagged(text) == [(1, text.index(word) + 1, word, suggestion, False)]


def test_english_word_without_suggestion_has_no_fix():
    text = "召开党组会议 meeting 研究部署全年工作。"
    assert flagged(text) == [(1, text.index("meeting") + 1, "meeting", None, None)]


def test_stray_word_on_a_later_line():
    text = "各位代表：\n常委会坚持问题导向 and 目标导向，推动整改落实。\n"
    line = text.split("\n")[1]
    assert flagged(text) == [(2, line.index("and") + 1, "and", "和", False)]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("代表提出的A类建议已全部办结。", id="A类"),
        pytest.param("构建“3+N”代表联络工作格局。", id="3+N"),
        pytest.param("建立1+18+N代表联络站体系，实现镇街全覆盖。", id="1+18+N"),
        pytest.param("推行“百加N”服务模式，打通联系群众最后一公里。", id="百加N"),
        pytest.param("全年新建5G基站120个。", id="5G"),
        pytest.param("全区GDP同比增长6.5%。", id="GDP"),
        pytest.param("PM2.5年均浓度下降至每立方米31微克。", id="PM2.5"),
        pytest.param("上线“人大代表之家”App，方便群众反映意见。", id="App"),
        pytest.param("推动AI技术在基层治理中的应用。", id="AI"),
        pytest.param("CPI涨幅控制在3%以内。", id="CPI"),
        pytest.param("新建改建农村公路15km，铺设供水管网3.6km。", id="km"),
        pytest.param("新增绿地20ha，回收废旧电池3kg。", id="ha-kg"),
        pytest.param("详情请访问https://www.example.gov.cn/rd/index.html了解。", id="url"),
        pytest.param("登录www.example.gov.cn网站即可查询。", id="www-url"),
        pytest.param("来信请发送至renda.office@example.gov.cn邮箱。", id="email"),
        pytest.param("开展Wi-Fi全覆盖工程。", id="Wi-Fi"),
        pytest.param("The committee held 12 meetings in 2023.", id="english-sentence"),
        pytest.param("“Reform and opening up”一词被译为改革开放。", id="english-phrase-in-quotes"),
        pytest.param("常委会全年召开会议12次，审议通过决议决定9项。", id="no-latin"),
    ],
)
def test_silent_on_acronyms_codes_units_and_addresses(text):
    assert lint(text) == []


# --- configuration ----------------------------------------------------------------------------


def test_spaced_word_is_flagged_until_accepted():
    text = "各街道召开 workshop 汇总代表建议办理情况。"
    assert flagged(text) == [(1, text.index("workshop") + 1, "workshop", None, None)]
    assert lint(text, accept=["workshop"]) == []


def test_accept_only_silences_the_accepted_word():
    text = "各街道召开 workshop 研讨 and 线上平台汇总代表建议。"
    assert flagged(text, accept=["workshop"]) == [(1, text.index("and") + 1, "and", "和", False)]


@pytest.mark.parametrize(
    "text",
    [
        "引进东莞vivo全球研发总部等重大项目。",  # a brand glued to Chinese
        "建设星河world等创新产业园区。",
        "成功举办Slush创业大会深圳站。",  # capitalised: a name
        "打造“湾区之Yeah 乐在福田”活动品牌。",
        "发展奥特莱斯（outlets）等新型商业。",  # a gloss in brackets
        "金融科技（英文“Fintech”）加快发展。",
        "鲲鹏产业链：基于kunpeng处理器构建的产业。",
        "糃（táng）：字形从米。",  # pinyin
        "各街道使用Excel表格汇总代表建议办理情况。",
    ],
)
def test_names_glosses_and_pinyin_stay_silent(text):
    assert lint(text) == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_english_word_with_suggestion(tmp_path):
    body = "常委会对城乡规划 and 交通规划进行了专题视察，全区GDP同比增长6.5%。"
    path = report_file(tmp_path, f"各位代表：\n{body}\n")
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    at = body.index("and") + 1
    assert [(f["severity"], f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        ("warning", 2, at, at + 3, {"replacement": "和"}),
    ]


def test_cli_config_accept_extends_the_allowlist(tmp_path):
    path = report_file(tmp_path, "各位代表：\n各街道召开 workshop 汇总代表建议办理情况。\n")
    assert check_json(CATEGORY, path)[0] == 1
    config = tmp_path / ".reportlint.yaml"
    config.write_text("accept: [workshop]\n", encoding="utf-8")
    assert check_json(CATEGORY, path, "--config", str(config)) == (0, [])
