"""reportlint.lang.lexicon: noise stripping, the Bloom filter, the shipped data, learn_words."""

from __future__ import annotations

from pathlib import Path

from reportlint.lang import lexicon
from reportlint.lang.lexicon import Bloom, clean_lines, learn_words


def test_web_page_lines_are_stripped():
    text = "来源：某某网  责任编辑：张三\n分享到：微信 微博\n今年，我们全面推进乡村振兴，城乡面貌焕然一新。\n首页 > 政务公开\n"
    assert list(clean_lines(text)) == ["今年，我们全面推进乡村振兴，城乡面貌焕然一新。"]


def test_bloom_filter_round_trip():
    bloom = Bloom.for_items(100, 0.001)
    for w in ("纠治", "因城施策", "宜商宜业"):
        bloom.add(w)
    again = Bloom.from_bytes(bloom.to_bytes())
    assert "纠治" in again and "因城施策" in again
    assert "经挤" not in again


def test_the_shipped_lexicon_knows_corpus_coinages_but_not_typos():
    assert lexicon.attested("纠治")
    assert not lexicon.attested("经挤")
    assert lexicon.domain_share("经济") > 0.9
    assert lexicon.domain_share("语调") == 0


def test_learn_words_finds_an_office_coinage_used_across_reports(tmp_path: Path):
    body = "今年，我们持续推进垛石棚改，垛石棚改惠及群众三千户，区内环境明显改善。"
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(
            f"第{i}年工作回顾。\n{body}\n其他工作稳步推进，成效明显。\n", encoding="utf-8"
        )
    # three tiny reports: chance co-occurrence is high, so the cohesion bar is lowered
    words = {w: (c, d) for w, c, d in learn_words(sorted(tmp_path.glob("*.txt")), min_cohesion=1)}
    assert "垛石棚改" in words and "持续推进" not in words
    assert all(d >= 2 for _, d in words.values())
