"""repeated-char (zh-chars.doubled): a character or word typed twice by accident.

True positives: 预算算, 的的, 了了, 我们我们, a doubled word such as 监督监督, and the most
common slip, a character doubled inside one word (发展展, 经经济, 监监督, 建设设).
True negatives: Chinese reduplication (紧紧, 兢兢业业, 事事, 人人, 步步, 扎扎实实, 一张张,
一件一件), words that meet at a shared character (人民民主, 市市中区, 常委会会议, 安全全链条,
以华为为代表, 推进进口), names, numerals (二〇二二) and the pack's allowlist (研究研究).
The false-alarm patterns come from reading every finding on 248 real reports; each test
sentence below is written for these tests in the same spirit.
"""

from __future__ import annotations

import pytest
from rulekit import apply, check_json, flagger, linter, report_file

CATEGORY = "repeated-char"
RULE = "zh-chars.doubled"

lint = linter(CATEGORY)
flagged = flagger(CATEGORY, RULE)


# --- true positives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        pytest.param("常委会对全区财政预算算执行情况开展专项监督。", "预算算", id="预算算"),
        pytest.param("常委会听取和审议了区政府的的专项工作报告。", "的的", id="的的"),
        pytest.param("我们我们要始终坚持依法履职、为民履职。", "我们我们", id="我们我们"),
        pytest.param("会议审议了了三项地方性法规草案。", "了了", id="了了"),
        pytest.param("常委会依法履行监督监督职责，推动问题整改。", "监督监督", id="监督监督"),
        pytest.param("加强代表建议建议办理工作，提高办理质量。", "建议建议", id="建议建议"),
        pytest.param("常委会常委会组织代表开展集中视察。", "常委会常委会", id="常委会常委会"),
        pytest.param("坚持和完善人民代表大会制度度。", "制度度", id="制度度"),
    ],
)
def test_accidental_doubling_flags_the_second_copy(text, doubled):
    unit = doubled[len(doubled) // 2 :] if len(doubled) % 2 == 0 else doubled[-1]
    second = text.index(doubled) + len(doubled) - len(unit) + 1
    assert flagged(text) == [(1, second, unit, "", False)]
    assert lint(text)[0].message == f"“{unit}”疑似重复输入"


def test_doubling_on_a_later_line_of_a_report():
    text = (
        "各位代表：\n"
        "一年来，常委会紧紧围绕区委中心工作，依法履职尽责。\n"
        "常委会组织代表对重点项目建设情况进行了了视察。\n"
    )
    line = text.split("\n")[2]
    assert flagged(text) == [(3, line.index("了了") + 2, "了", "", False)]


# --- true negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("牢牢把握发展全过程人民民主这一新时代人大工作主旋律。", id="人民民主"),
        pytest.param("常委会对某市市中区财政预算执行情况开展监督。", id="市市中区"),
        pytest.param("全年召开常委会会议10次，主任会议14次。", id="常委会会议"),
        pytest.param("广大人大代表兢兢业业、勤勤恳恳，认真履职尽责。", id="兢兢业业"),
        pytest.param("常委会紧紧围绕区委中心工作谋划和推进人大工作。", id="紧紧"),
        pytest.param("推动形成事事有监督、处处有回应的工作格局。", id="事事有监督"),
        pytest.param("营造人人参与、人人尽责、人人享有的良好氛围。", id="人人"),
        pytest.param("步步为营、久久为功，推动各项工作落地见效。", id="步步"),
        pytest.param("扎扎实实推进代表建议办理，件件实事落地见效。", id="扎扎实实"),
        pytest.param("方方面面的意见建议都得到了认真研究。", id="方方面面"),
        pytest.param("层层压实责任，确保家家户户受益。", id="层层-家家户户"),
        pytest.param("二〇二二年，常委会会同区政府开展专题调研。", id="numerals-会同"),
        pytest.param("做到代表建议与办理结果一一对应。", id="一一对应"),
        pytest.param("对这个问题还要再研究研究。", id="allowlist-研究研究"),
        pytest.param("全区上下下功夫抓落实，推动工作取得实效。", id="上下-下功夫"),
        pytest.param("由全体代表表决通过了区人大常委会工作报告。", id="代表-表决"),
        pytest.param("确保代表建议件件有回音、事事有着落。", id="件件有回音"),
        pytest.param("推动民生实事年年有提升、岁岁有变化。", id="年年有提升"),
        pytest.param("对审议意见项项抓落实、条条有回复。", id="项项抓落实"),
        pytest.param("做到天天有进展、月月有成效。", id="天天-月月"),
    ],
)
def test_silent_on_reduplication_and_shared_characters(text):
    assert lint(text) == []


def test_clean_report_is_silent():
    text = (
        "某区人民代表大会常务委员会工作报告\n"
        "各位代表：\n"
        "一年来，常委会紧紧围绕发展全过程人民民主，召开常委会会议12次。\n"
        "代表们兢兢业业、步步为营，做到事事有着落、人人有担当。\n"
    )
    assert lint(text) == []


# --- known bugs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("邀请基层代表说说心里话、谈谈新期盼。", id="说说"),
        pytest.param("让代表在选民面前亮亮身份、晒晒履职成绩单。", id="亮亮"),
        pytest.param("让群众评评理、议议事。", id="议议"),
    ],
)
def test_verb_reduplication_is_silent(text):
    assert lint(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param("区人大常委会常委会组织代表开展集中视察。", "常委会", id="人大常委会常委会"),
        pytest.param("全面贯彻落实落实党的二十大精神。", "落实", id="贯彻落实落实"),
    ],
)
def test_doubled_word_after_longer_word_is_flagged(text, unit):
    second = text.index(unit + unit) + len(unit) + 1
    assert flagged(text) == [(1, second, unit, "", False)]


# --- a character doubled inside one word ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "extra"),
    [
        pytest.param("推动区域经济高质量发展展，持续改善民生。", "发展", "last", id="发展展"),
        pytest.param("全区国民经经济保持平稳增长。", "经济", "first", id="经经济"),
        pytest.param("常委会加强监监督，推动问题整改到位。", "监督", "first", id="监监督"),
        pytest.param("加快重点项目建设设，补齐基础设施短板。", "建设", "last", id="建设设"),
        pytest.param("坚持全过过程人民民主。", "全过程", "middle", id="全过过程"),
        pytest.param("社会消费费品零售总额增长6%。", "消费品", "middle", id="消费费品"),
    ],
)
def test_character_doubled_inside_a_word_is_flagged_and_fixed(text, word, extra):
    [f] = lint(text)
    doubled = next(c for c in word if c * 2 in text)
    assert text[f.start : f.end] == doubled
    assert f.fix is not None and f.fix.replacement == ""
    fixed = apply(text, f)
    assert word in fixed and doubled * 2 not in fixed, "the fix leaves the word whole"
    # the lone copy is the one marked: the first for 经|经济, the second for 发展|展
    lone = text.index(doubled * 2) + (0 if extra == "first" else 1)
    assert f.start == lone or extra == "middle"


# --- false-alarm patterns: silent, with a real slip beside them still found -------------------


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # a doubled character across a word boundary: X ends one word, X begins the next phrase
        pytest.param("健全全流程监管体系，推动区域经济发展展。", "展展", id="健全|全流程"),
        pytest.param("打造科技创新新高地，加强监监督检查。", "监监", id="创新|新高地"),
        pytest.param("开展“百名名医进社区”活动，国民经经济稳定增长。", "经经", id="百名|名医"),
        pytest.param("形成以龙头企业华为为代表的产业集群，加快项目建设设。", "设设", id="华为|为代表"),
        pytest.param("座谈是调研的目的的一种方式，对财政预算算执行情况开展监督。", "算算", id="目的|的一种"),
        pytest.param(
            "坚持实事求是是我们的工作作风，认真听取审议了了专项报告。", "了了", id="实事求是|是我们"
        ),
        pytest.param("对所有有劳动能力的人员开展培训，会议审议了了两项议案。", "了了", id="所有|有劳动"),
        pytest.param("开展道路路域环境整治，推动经济发展展。", "展展", id="道路|路域"),
        pytest.param("完成前进路路口改造，推进秋水河河道清淤，加强监监督。", "监监", id="前进路|路口"),
        pytest.param("牵头单位：市市场监管局。全区国民经经济稳定增长。", "经经", id="市|市场监管局"),
        pytest.param("举办徽学学术研讨会，加快项目建设设。", "设设", id="徽学|学术"),
        pytest.param("持续扩大高端装备进口，推进进口贸易创新，推动经济发展展。", "展展", id="推进|进口"),
        pytest.param("坚持以提高高质量发展为主题，加强监监督检查。", "监监", id="提高|高质量"),
        pytest.param("车站站台改造全面完成，推动经济发展展。", "展展", id="车站|站台"),
        pytest.param("乐至至成都的高速公路建成通车，服务群众的的能力明显提升。", "的的", id="乐至|至成都"),
        pytest.param("推动河源源城产业园建设，加强监监督检查。", "监监", id="河源|源城"),
        pytest.param("近5年年均增长8%，推动经济发展展。", "展展", id="5年|年均"),
        pytest.param("坚持先行先试试点经验，推动经济发展展。", "展展", id="先行先试|试点"),
        # reduplicated measure words and numerals
        pytest.param("把群众的事一件一件办好，全面提高提高履职水平。", "提高提高", id="一件一件"),
        pytest.param(
            "一项一项抓落实，一步一步向前推进，我们我们要持续发力。", "我们我们", id="一项一项-一步一步"
        ),
        pytest.param("一张张笑脸、一份份答卷，见证了常委会为为民办实事的成效。", "为为", id="一张张-一份份"),
        pytest.param("二〇二二年，“十五五”规划编制工作启动，推动经济发展展。", "展展", id="二〇二二-十五五"),
        # rhetorical, onomatopoeic and foreign reduplication
        pytest.param("实干实干再实干，对重大事项向向常委会报告。", "向向", id="实干实干再实干"),
        pytest.param("停下来拍打拍打身上的尘土，加快项目建设设。", "设设", id="拍打拍打"),
        pytest.param("线上线下买买买成为消费新潮流，我们我们要积极引导。", "我们我们", id="买买买"),
        pytest.param("社区开设尤克里里兴趣班，加强监监督检查。", "监监", id="尤克里里"),
        pytest.param("为群众提供“歇歇脚、喝喝水、热热饭”服务，推动经济发展展。", "展展", id="喝喝水、热热饭"),
        pytest.param("海风习习，游人如织，旅游经经济持续升温。", "经经", id="海风习习"),
        pytest.param("在海边听得到海浪声声，推动经济发展展。", "展展", id="海浪声声"),
        pytest.param("发展速度大大提速，国民经经济稳定增长。", "经经", id="大大提速"),
        pytest.param("创作歌剧《柳柳州》，推动文化事业发展展。", "展展", id="《柳柳州》"),
        # personal names
        pytest.param("区人大代表李婷婷列席会议，提出的的建议得到采纳。", "的的", id="李婷婷"),
        pytest.param("人大代表代表人民行使权力，对预算算执行开展监督。", "算算", id="代表代表"),
    ],
)
def test_chinese_doubling_is_silent_beside_a_real_slip(text, slip):
    findings = lint(text)
    assert len(findings) == 1, [text[f.start - 2 : f.end + 2] for f in findings]
    [f] = findings
    at = text.index(slip)
    assert at <= f.start < at + len(slip)


def test_the_same_unit_written_elsewhere_in_the_report_is_a_word():
    # 管出 is used twice as a unit: 监管|管出 is two words meeting, not 监管 typed with an extra 管.
    assert lint("用公正监管管出公平、管出效率，推动营商环境持续优化。") == []


# --- CLI --------------------------------------------------------------------------------------


def test_cli_reports_doubled_character(tmp_path):
    body = "常委会对国民经济计划和财政预算算执行情况开展监督。"
    path = report_file(tmp_path, f"各位代表：\n{body}\n")
    code, findings = check_json(CATEGORY, path)
    assert code == 1
    second = body.index("算算") + 2
    assert [(f["severity"], f["line"], f["column"], f["end_column"], f["fix"]) for f in findings] == [
        ("error", 2, second, second + 1, {"replacement": ""}),
    ]


def test_cli_reduplication_exits_0(tmp_path):
    path = report_file(tmp_path, "各位代表：\n常委会紧紧围绕人民民主，做到事事有监督、人人有担当。\n")
    assert check_json(CATEGORY, path) == (0, [])
