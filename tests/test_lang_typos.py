"""reportlint.lang.typos: non-words one confusable edit from a frequent word, and doubled characters.

True positives: homophones (市场→是场, 完工→完红), a look-alike (建设→建没), a doubled character at either
end of a word (经经济, 发展展), one missing character (结构性→结性改革).
True negatives: correct official prose — words meeting at a shared character (人民民主,
市市中区, 推进进口, 提高高质量, 车站站台), reduplication (兢兢业业, 一项一项, 评评理、议议事),
names (李婷婷, 周至至), numerals (二〇二二), coinages (纠治, 因城施策), a string repeated in
the document, quoted slogans and book titles, and words the user accepted.
"""

from __future__ import annotations

import pytest

from reportlint.lang.typos import Candidate, Detector, find_typos


def found(text: str, **kw) -> list[tuple[str, str, str]]:
    return [(c.wrong, c.right, c.kind) for c in find_typos(text, **kw)]


@pytest.mark.parametrize(
    ("text", "wrong", "right", "kind"),
    [
        ("强化旅游是场管理，提升服务质量。", "是场", "市场", "homophone"),
        ("各项工程基本完红，按期交付使用。", "完红", "完工", "homophone"),
        ("加强基层党组织建没，夯实执政根基。", "建没", "建设", "look-alike"),
        ("推动经经济持续健康发展，稳住基本盘。", "经经济", "经济", "doubled"),
        ("坚持以高质量发展展为主题，扎实推进各项工作。", "发展展", "发展", "doubled"),
    ],
)
def test_finds_the_typo_and_its_correction(text, wrong, right, kind):
    assert (wrong, right, kind) in found(text)


def test_candidate_offsets_point_at_the_wrong_string():
    text = "今年，各项工程基本完红。"
    (c,) = find_typos(text)
    assert isinstance(c, Candidate)
    assert text[c.start : c.end] == c.wrong == "完红"
    assert c.score > 0 and "完工" in c.reason_zh


@pytest.mark.parametrize(
    "text",
    [
        "紧紧围绕发展全过程人民民主，更好发挥代表作用。",
        "对枣庄市市中区财政预算执行情况开展监督。",
        "广大干部兢兢业业、勤勤恳恳，认真履职尽责。",
        "李婷婷同志带头推进进口贸易便利化改革。",
        "着力提高高质量发展水平，一项一项抓落实。",
        "整治城区环境卫生，完成车站站台改造。",
        "让群众评评理、议议事，把矛盾化解在基层。",
        "从周至至西安的道路全线贯通。",
        "二〇二二年，政府工作取得新进展。",
        "近3年年均增长百分之六。",
        "深入纠治形式主义官僚主义，坚持因城施策。",
        "认真贯彻落实党的二十大精神，加快建设现代化经济体系，切实保障和改善民生。",
        "坚持稳中求进工作总基调，深化供给侧结构性改革，推动经济实现质的有效提升和量的合理增长。",
    ],
)
def test_correct_prose_stays_silent(text):
    assert find_typos(text) == []


def test_a_string_used_twice_in_the_document_is_meant():
    once = "强化旅游是场管理。"
    assert find_typos(once)
    assert find_typos(once + "规范旅游是场秩序。") == []


def test_quoted_slogans_and_book_titles_are_left_alone():
    assert find_typos("打造“旅游是场”品牌。") == []
    assert find_typos("出台《旅游是场管理办法》。") == []


def test_accepted_words_are_never_typos_and_repair_segmentation():
    text = "强化旅游是场管理。"
    assert find_typos(text, extra_words=["是场"]) == []


def test_every_guard_can_be_switched_off_for_measurement():
    strict = Detector()
    loose = Detector(guards=())
    text = "打造“旅游是场”品牌。"
    assert strict.find(text) == []
    assert loose.find(text)
