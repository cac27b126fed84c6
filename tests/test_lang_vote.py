"""reportlint.lang.vote: a name used three times is the document's spelling; one-off variants are flagged.

True positives: a street (垛石街道 ×3 / 朵石街道), a district (济阳区 ×3 / 济杨区), a person beside a
title (侯宗伟 ×3 / 候宗伟). True negatives: a differing character inside a real word (整治城区
beside 老城区), a name used only twice, two names that differ by an unconfusable character, a
variant used as often as the majority.
"""

from __future__ import annotations

from reportlint.lang.vote import name_variants


def variants(text: str) -> list[tuple[str, str]]:
    return [(v.variant, v.majority) for v in name_variants(text)]


STREET = (
    "垛石街道完成老旧小区改造。\n垛石街道新建学校一所。\n垛石街道道路全部硬化。\n朵石街道环境明显改善。\n"
)


def test_a_one_off_spelling_of_a_street_is_reported_naming_the_majority():
    (v,) = name_variants(STREET)
    assert (v.variant, v.majority, v.majority_count) == ("朵石街道", "垛石街道", 3)
    assert STREET[v.start : v.end] == "朵石街道"
    assert v.majority_lines == (1, 2, 3)
    assert "垛石街道" in v.reason_zh and "第1、2、3行" in v.reason_zh


def test_district_and_person_variants():
    text = (
        "济阳区经济稳步增长，济阳区新增企业一百家，济阳区城乡面貌焕然一新。\n"
        "济杨区各项社会事业全面进步。\n"
        "区人大常委会主任侯宗伟出席会议，侯宗伟同志指出，侯宗伟强调。\n"
        "会议由候宗伟主持。\n"
    )
    found = variants(text)
    assert ("候宗伟", "侯宗伟") in found
    assert any(v.startswith("济杨") and m.startswith("济阳") for v, m in found)


def test_a_character_inside_a_real_word_is_no_variant():
    text = "老城区改造全面铺开，老城区更新稳步推进，老城区功能持续提升。开展整治城区环境行动。\n"
    assert variants(text) == []


def test_two_uses_are_no_majority():
    assert variants("垛石街道完成改造。垛石街道新建学校。朵石街道环境改善。") == []


def test_a_variant_used_as_often_as_the_majority_is_no_slip():
    text = "垛石街道、垛石街道、垛石街道，朵石街道、朵石街道、朵石街道。"
    assert variants(text) == []
