"""zh-typos rules: typo (misused-word), doubled-in-word (repeated-char), name-vote (name-variant).

True positives: a homophone typo with its suggestion in the message and no fix; a doubled
character at the start of a word (经经济); a street spelt once against three uses.
True negatives: the same text with the typo corrected; a word of the misused-word table gives
one finding (the table's), not two; a name the names rule already reports is not reported twice.
"""

from __future__ import annotations

from rulekit import linter

from reportlint import Config, lint_text

typo = linter("misused-word")
doubled = linter("repeated-char")
names = linter("name-variant")


def test_typo_is_a_warning_with_the_suggestion_and_no_fix():
    (f,) = [f for f in typo("强化旅游是场管理，提升服务质量。") if f.rule == "zh-typos.typo"]
    assert f.severity.name.lower() == "warning"
    assert "市场" in f.message and f.fix is None
    assert typo("强化旅游市场管理，提升服务质量。") == []


def test_doubled_character_at_the_start_of_a_word():
    # The list-free rule alone finds it; with zh-chars.doubled also on, only that rule's finding shows.
    (f,) = doubled("推动经经济持续健康发展。", ignore=["zh-chars"], enable=["zh-typos.doubled-in-word"])
    assert f.rule == "zh-typos.doubled-in-word" and f.fix is None
    assert [f.rule for f in doubled("推动经经济持续健康发展。")] == ["zh-chars.doubled"]
    assert doubled("推动经济持续健康发展，人民民主不断扩大。", enable=["zh-typos.doubled-in-word"]) == []
    # Off by default: selecting the category alone does not run it.
    assert doubled("推动经经济持续健康发展。", ignore=["zh-chars"]) == []


def test_one_problem_one_finding():
    found = typo("常委会将再接再励，做好各项工作。")
    assert [f.rule for f in found] == ["zh-misused.misused-word"]


def test_name_vote_reports_the_minority_street():
    text = "垛石街道完成改造。\n垛石街道新建学校。\n垛石街道道路硬化。\n朵石街道环境改善。\n"
    found = names(text)
    assert len(found) == 1 and text[found[0].start : found[0].end] == "朵石街道"


def test_the_pack_can_be_switched_off():
    text = "强化旅游是场管理，提升服务质量。"
    assert lint_text(text, config=Config(select=["misused-word"], ignore=["zh-typos"])) == []


def test_names_in_a_list_closed_by_deng_are_not_typos():
    # Project and firm names are in no dictionary; a list that ends with 等N个项目 names them.
    assert typo("推动金天琅大厦、德方纳米新型储能等6个项目开工建设。") == []
    assert len(typo("推动金天琅大厦、德方纳米新型储能开工建设。")) == 2  # no list: no guard
    # The same clause with a real slip outside the list is still reported.
    found = typo("推动金天琅大厦等6个项目开工建设，强化旅游是场管理。")
    assert [f.rule for f in found] == ["zh-typos.typo"] and "市场" in found[0].message
