"""reportlint.lang.confusion: homophones (toneless, real readings only) and look-alikes."""

from __future__ import annotations

from reportlint.lang import confusion


def test_homophones_are_toneless():
    assert "挤" in confusion.homophones("济")  # jǐ / jì
    assert "侯" in confusion.homophones("候")  # hóu / hòu
    assert "济" not in confusion.homophones("济")


def test_a_character_takes_the_readings_its_words_use():
    # 行 is read háng in 银行 and xíng in 行动: both make homophones.
    assert {"hang", "xing"} <= set(confusion.readings("行"))
    assert "杭" in confusion.homophones("行") and "型" in confusion.homophones("行")


def test_look_alikes_come_from_the_vendored_groups_and_the_name_pairs():
    assert "挤" in confusion.look_alikes("济")  # same_stroke.txt
    assert "侯" in confusion.look_alikes("候")  # the project's own pairs
    assert "已" in confusion.look_alikes("己")


def test_confusable_names_the_reason():
    assert confusion.confusable("经", "京") == "homophone"
    assert confusion.confusable("没", "设") == "look-alike"
    assert confusion.confusable("经", "纬") == ""
    assert confusion.confusable("经", "经") == ""


def test_the_shipped_table_matches_a_fresh_build():
    from importlib import resources

    shipped = resources.files("reportlint.data").joinpath("homophones.tsv").read_text(encoding="utf-8")
    assert shipped == confusion.build_homophones()
