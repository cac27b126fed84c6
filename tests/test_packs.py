"""Rule packs: validation errors, a user's own pack, and every pack's own wrong/right examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import CLEAN_REPORT, assert_one_line_error, pattern_rule, substitution_rule

from reportlint import Config, Linter, ReportlintError, load_config

# --- validation -------------------------------------------------------------------------------


def _without(rule: dict, key: str) -> dict:
    return {k: v for k, v in rule.items() if k != key}


INVALID_RULES = {
    "unknown-key": ([pattern_rule(colour="red")], "colour"),
    "missing-message": ([_without(pattern_rule(), "message")], "message"),
    "missing-kind": ([_without(pattern_rule(), "kind")], "kind"),
    "missing-doc": ([_without(pattern_rule(), "doc")], "doc"),
    "missing-patterns": ([_without(pattern_rule(), "patterns")], "patterns"),
    "missing-table": ([_without(substitution_rule(), "table")], "table"),
    "unknown-kind": ([pattern_rule(kind="fuzzy-match")], "fuzzy-match"),
    "bad-regex": ([pattern_rule(patterns=["一竿子(插到底"])], "一竿子(插到底"),
    "bad-regex-second": ([pattern_rule(patterns=["一竿子插到底", "[空话"])], "[空话"),
    "report-group-missing": ([pattern_rule(report="word")], "word"),
    "duplicate-id": ([pattern_rule(), pattern_rule(patterns=["层层加码"])], "banned-phrase"),
    "unknown-category": ([pattern_rule(category="style")], "style"),
    "bad-severity": ([pattern_rule(severity="fatal")], "fatal"),
    "bad-fix": ([pattern_rule(fix="maybe")], "fix"),
    "wrong-equals-right": ([substitution_rule(table=[{"wrong": "倍受", "right": "倍受"}])], "倍受"),
    "wrong-in-right-list": (
        [substitution_rule(table=[{"wrong": "必需", "right": ["必须", "必需"]}])],
        "必需",
    ),
    "table-entry-unknown-key": (
        [substitution_rule(table=[{"wrong": "倍受", "right": "备受", "note": "x"}])],
        "note",
    ),
    "table-entry-without-right": ([substitution_rule(table=[{"wrong": "倍受"}])], "right"),
    "table-duplicate-wrong": (
        [substitution_rule(table=[{"wrong": "倍受", "right": "备受"}, {"wrong": "倍受", "right": "备受"}])],
        "倍受",
    ),
    "except-without-wrong": (
        [substitution_rule(table=[{"wrong": "倍受", "right": "备受", "except": ["加倍"]}])],
        "加倍",
    ),
    "unknown-doc-key": ([pattern_rule(doc={"summary": "说明", "example": "例"})], "example"),
}


@pytest.mark.parametrize("rules, needle", INVALID_RULES.values(), ids=INVALID_RULES.keys())
def test_invalid_rule_is_one_line_error_naming_pack_and_rule(cli, write, make_pack, rules, needle):
    pack = make_pack(rules)
    err = assert_one_line_error(
        cli("check", "--pack", pack, write("clean.txt", CLEAN_REPORT)), "office.yaml", needle
    )
    assert rules[0]["id"] in err, err


@pytest.mark.parametrize("rules, needle", INVALID_RULES.values(), ids=INVALID_RULES.keys())
def test_invalid_rule_raises_reportlint_error_in_the_api(make_pack, rules, needle):
    pack = make_pack(rules)
    with pytest.raises(ReportlintError) as info:
        Linter(Config(builtin=False), extra_packs=[pack])
    assert str(pack) in str(info.value) and needle in str(info.value)
    assert "\n" not in str(info.value)


def test_duplicate_id_across_two_packs_with_the_same_name(cli, write, make_pack):
    first = make_pack([pattern_rule()], file="a/office.yaml")
    second = make_pack([pattern_rule(patterns=["层层加码"])], file="b/office.yaml")
    err = assert_one_line_error(
        cli("check", "--pack", first, "--pack", second, write("clean.txt", CLEAN_REPORT)), "banned-phrase"
    )
    assert str(second) in err and str(first) in err


def test_same_rule_id_in_two_differently_named_packs_is_fine(cli, write, make_pack):
    first = make_pack([pattern_rule()], name="office", file="a.yaml")
    second = make_pack([pattern_rule(patterns=["层层加码"])], name="bureau", file="b.yaml")
    text = "各部门不能层层加码，也不能一竿子插到底。\n"
    result = cli(
        "check", "--pack", first, "--pack", second, "--select", "office,bureau", write("r.txt", text)
    )
    assert result.exit_code == 1
    assert "[office.banned-phrase]" in result.stdout and "[bureau.banned-phrase]" in result.stdout


def test_yaml_syntax_error(cli, write, tmp_path):
    pack = tmp_path / "broken.yaml"
    pack.write_text(
        "pack: office\nversion: 1\ndescription: 坏的规则包\nrules:\n  - id: banned\n    kind: [pattern\n"
        "    category: misused-word\n",
        encoding="utf-8",
    )
    err = assert_one_line_error(cli("check", "--pack", pack, write("clean.txt", CLEAN_REPORT)), "broken.yaml")
    assert "YAML" in err


def test_pack_that_is_not_a_mapping(cli, write, tmp_path):
    pack = tmp_path / "list.yaml"
    pack.write_text("- id: banned\n", encoding="utf-8")
    assert_one_line_error(cli("check", "--pack", pack, write("clean.txt", CLEAN_REPORT)), "list.yaml")


@pytest.mark.parametrize("missing", ["pack", "version", "description", "rules"])
def test_pack_missing_top_level_field(cli, write, make_pack, missing):
    pack = make_pack([pattern_rule()])
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    del data[missing]
    pack.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert_one_line_error(
        cli("check", "--pack", pack, write("clean.txt", CLEAN_REPORT)), "office.yaml", missing
    )


def test_pack_unknown_top_level_key(cli, write, make_pack):
    pack = make_pack([pattern_rule()], author="办公室")
    assert_one_line_error(
        cli("check", "--pack", pack, write("clean.txt", CLEAN_REPORT)), "office.yaml", "author"
    )


def test_pack_not_utf8(cli, write, tmp_path):
    pack = tmp_path / "gbk.yaml"
    pack.write_bytes("pack: office\nversion: 1\ndescription: 本单位规则\nrules: []\n".encode("gbk"))
    assert_one_line_error(cli("check", "--pack", pack, write("clean.txt", CLEAN_REPORT)), "gbk.yaml")


def test_pack_may_declare_its_own_category(cli_json, write, make_pack):
    pack = make_pack([pattern_rule(category="office-style")], categories=["office-style"])
    code, data = cli_json("--pack", pack, write("r.txt", "各部门要一竿子插到底。\n"))
    assert code == 1
    assert [f["category"] for f in data["files"][0]["findings"]] == ["office-style"]


# --- a user's own pack ------------------------------------------------------------------------

USER_TEXT = "各部门要一竿子插到底，确保这项惠民工程倍受群众欢迎。\n"


def _rules_found(data: dict) -> list[tuple[str, str, dict | None]]:
    """The user pack's findings (shipped packs may flag the same words too)."""
    return [
        (f["rule"], f["message"], f["fix"])
        for f in data["files"][0]["findings"]
        if f["rule"].startswith("office.")
    ]


def test_user_pack_with_pack_option(cli_json, write, make_pack):
    pack = make_pack([pattern_rule(), substitution_rule()])
    code, data = cli_json("--pack", pack, write("r.txt", USER_TEXT))
    assert code == 1
    assert _rules_found(data) == [
        ("office.banned-phrase", "本单位不使用“一竿子插到底”的说法", None),
        ("office.office-words", "“倍受”应写作“备受”", {"replacement": "备受"}),
    ]


def test_user_pack_from_config_file(cli_json, write, make_pack, tmp_path):
    make_pack([pattern_rule(), substitution_rule()], file="rules/office.yaml")
    (tmp_path / ".reportlint.yaml").write_text("packs:\n  - rules/office.yaml\n", encoding="utf-8")
    code, data = cli_json(write("reports/r.txt", USER_TEXT))
    assert code == 1
    assert [r for r, _, _ in _rules_found(data)] == ["office.banned-phrase", "office.office-words"]


def test_user_pack_path_is_relative_to_the_config_file(cli_json, write, make_pack, tmp_path, monkeypatch):
    make_pack([pattern_rule()], file="rules/office.yaml")
    (tmp_path / ".reportlint.yaml").write_text("packs: [rules/office.yaml]\n", encoding="utf-8")
    report = write("reports/2024/r.txt", USER_TEXT)
    monkeypatch.chdir(tmp_path / "reports" / "2024")
    code, data = cli_json(report.name)
    assert code == 1
    assert [r for r, _, _ in _rules_found(data)] == ["office.banned-phrase"]


def test_user_rule_selected_by_pack_name(cli_json, write, make_pack):
    pack = make_pack([pattern_rule(), substitution_rule()])
    _, data = cli_json("--pack", pack, "--select", "office", write("r.txt", USER_TEXT + "召开会议x次。\n"))
    assert {r for r, _, _ in _rules_found(data)} == {"office.banned-phrase", "office.office-words"}


def test_user_rule_disabled_by_default_and_enabled(cli_json, write, make_pack, tmp_path):
    pack = make_pack([pattern_rule(enabled=False)])
    report = write("r.txt", USER_TEXT)
    code, data = cli_json("--pack", pack, "--select", "office", report)
    assert code == 0, "selecting its pack runs only the pack's rules that are on"
    code, data = cli_json("--pack", pack, "--select", "office.banned-phrase", report)
    assert code == 1, "selecting the rule by id turns it on"
    _, data = cli_json("--pack", pack, report)
    assert _rules_found(data) == []
    (tmp_path / ".reportlint.yaml").write_text("enable: [banned-phrase]\n", encoding="utf-8")
    _, data = cli_json("--pack", pack, report)
    assert [r for r, _, _ in _rules_found(data)] == ["office.banned-phrase"]


def test_pattern_report_group_and_replacement(write, make_pack):
    rule = pattern_rule(
        patterns=[r"(?<lead>进一步)(?<word>加大力度)"],
        report="word",
        replacement="加强",
        fix="unsafe",
        message="“{word}”宜改为更具体的说法",
    )
    linter = Linter(Config(builtin=False), extra_packs=[make_pack([rule])])
    (f,) = linter.lint_text("全区要进一步加大力度。")
    assert (f.column, f.end_column) == (7, 11)
    assert f.message == "“加大力度”宜改为更具体的说法"
    assert f.fix is not None and f.fix.replacement == "加强" and f.fix.safe is False


def test_substitution_right_list_is_an_unsafe_fix(make_pack):
    rule = substitution_rule(table=[{"wrong": "其它", "right": ["其他", "其它的"]}])
    linter = Linter(Config(builtin=False), extra_packs=[make_pack([rule])])
    (f,) = linter.lint_text("加强其它方面的工作。")
    assert f.fix is not None and f.fix.replacement == "其他" and f.fix.safe is False


def test_substitution_except_and_since(make_pack):
    rule = substitution_rule(
        table=[
            {"wrong": "截止", "right": "截至", "except": ["截止日期"]},
            {"wrong": "一府两院", "right": "一府一委两院", "since": 2018},
        ]
    )
    linter = Linter(Config(builtin=False), extra_packs=[make_pack([rule])])
    assert linter.lint_text("申报截止日期为6月底。") == []
    assert [f.fix.replacement for f in linter.lint_text("截止6月底，共受理申请12件。")] == ["截至"]
    assert linter.lint_text("2016年工作报告\n听取一府两院专项工作报告。") == []
    assert len(linter.lint_text("2021年工作报告\n听取一府两院专项工作报告。")) == 1


def test_substitution_longest_entry_wins(make_pack):
    rule = substitution_rule(
        table=[{"wrong": "办公厅", "right": "办公室"}, {"wrong": "办公厅室", "right": "办公室"}]
    )
    linter = Linter(Config(builtin=False), extra_packs=[make_pack([rule])])
    (f,) = linter.lint_text("由办公厅室负责。")
    assert (f.column, f.end_column) == (2, 6)


def test_substitution_large_table(make_pack):
    table = [{"wrong": f"错词{i:04d}", "right": f"正词{i:04d}"} for i in range(1000)]
    linter = Linter(Config(builtin=False), extra_packs=[make_pack([substitution_rule(table=table)])])
    found = linter.lint_text("文中出现了错词0999和错词0001。")
    assert [f.fix.replacement for f in found] == ["正词0999", "正词0001"]


def test_config_rules_override_a_parameter(make_pack, tmp_path):
    pack = make_pack([pattern_rule()])
    (tmp_path / ".reportlint.yaml").write_text(
        "rules:\n  office.banned-phrase:\n    patterns: [层层加码]\n", encoding="utf-8"
    )
    config = load_config()
    config.builtin = False
    linter = Linter(config, extra_packs=[pack])
    assert linter.lint_text("各部门要一竿子插到底。") == []
    assert len(linter.lint_text("不得层层加码。")) == 1


def test_scope_body_skips_headings(make_pack):
    rule = pattern_rule(patterns=["狠抓"], scope="body")
    linter = Linter(Config(builtin=False), extra_packs=[make_pack([rule])])
    found = linter.lint_text("# 狠抓落实\n\n各部门要狠抓落实。\n", markdown=True)
    assert [f.line for f in found] == [3]


def test_builtin_pack_not_found_when_builtin_false(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("builtin: false\n", encoding="utf-8")
    linter = Linter(load_config())
    assert linter.all_rules == []
    assert linter.lint_text("召开会议x次。") == []


# --- the placeholder pack on texts of our own ---------------------------------------------------

PLACEHOLDERS = [
    ("全年开展执法检查x项。", "x"),
    ("共办理群众来信x余件。", "x"),
    ("在xx区委的坚强领导下，常委会依法履职。", "xx"),
    ("区x届人大常委会第六次会议审议通过。", "x"),
    ("扎实推进法治xx建设。", "xx"),
    ("X区人大常委会召开主任会议。", "X"),
    ("全年共召开座谈会××次。", "××"),
    ("在XX街道开展专题调研。", "XX"),
    ("某某同志参加会议。", "某某"),
    ("[2024年X区人大常委会工作报告]", "[2024年X区人大常委会工作报告]"),
    ("今年是几中全会召开之年。", "是几中全会"),
    ("这是本届第几次会议。", "第几次"),
    ("全年受理申诉件数待定。", "待定"),
    ("全年共受理来访（待补充）人次。", "（待补充）"),
    ("TODO 补充代表履职数据。", "TODO"),
]
NOT_PLACEHOLDERS = [
    "2019年全年召开常委会会议9次。",
    "坐标图中的x轴表示年度。",
    "区医院新购置X光机两台。",
    "使用Excel表格汇总代表建议。",
    "完成5G基站建设120个。",
    "全区A类项目共12个。",
    "有关工作有待定期评估。",
    "常委会积极推动“3+N”工作模式落地。",
]


@pytest.mark.parametrize("text, flagged", PLACEHOLDERS, ids=[t for t, _ in PLACEHOLDERS])
def test_placeholder_pack_finds(text, flagged):
    found = Linter(Config(select=["placeholder"])).lint_text(text)
    assert flagged in [text[f.column - 1 : f.end_column - 1] for f in found]


@pytest.mark.parametrize("text", NOT_PLACEHOLDERS)
def test_placeholder_pack_stays_silent(text):
    assert Linter(Config(select=["placeholder"])).lint_text(text) == []


# --- every loaded rule's own examples -----------------------------------------------------------


def _rules_with_examples() -> list:
    try:
        rules = Linter().all_rules
    except ReportlintError as exc:  # a broken shipped pack must fail loudly, not vanish from the run
        return [
            pytest.param(None, id="builtin-packs", marks=pytest.mark.skip(reason=f"packs do not load: {exc}"))
        ]
    return [pytest.param(r, id=r.full_id) for r in rules if r.doc.get("wrong") and r.doc.get("right")]


def test_builtin_packs_load():
    assert Linter().all_rules, "no shipped rule pack was found"


def test_every_builtin_rule_documents_its_examples():
    missing = [r.full_id for r in Linter().all_rules if not (r.doc.get("wrong") and r.doc.get("right"))]
    assert missing == [], f"rules without a wrong and a right example: {missing}"


def _only(rule) -> Linter:
    """A linter running just this rule, loading just its own pack file."""
    return Linter(Config(builtin=False, select=[rule.full_id]), extra_packs=[rule.source])


@pytest.mark.parametrize("rule", _rules_with_examples())
def test_rule_example_wrong_is_flagged(rule):
    linter = _only(rule)
    found = [f for f in linter.lint_text(str(rule.doc["wrong"])) if f.rule == rule.full_id]
    assert found, f"{rule.full_id}: its own wrong example is not flagged: {rule.doc['wrong']!r}"


@pytest.mark.parametrize("rule", _rules_with_examples())
def test_rule_example_right_is_silent(rule):
    linter = _only(rule)
    found = [f for f in linter.lint_text(str(rule.doc["right"])) if f.rule == rule.full_id]
    assert found == [], f"{rule.full_id}: its own right example is flagged: {[f.message for f in found]}"


def _rules_with_fixed_examples() -> list:
    return [pytest.param(r, id=r.full_id) for r in Linter().all_rules if r.doc.get("fixed")]


@pytest.mark.parametrize("rule", _rules_with_fixed_examples())
def test_rule_example_fixed_is_what_fixing_wrong_gives(rule):
    from reportlint.fix import fix_document
    from reportlint.readers.txt import text_document

    result = fix_document(_only(rule), text_document(rule.doc["wrong"]), unsafe=True)
    assert result.fixed == rule.doc["fixed"]


def test_every_rule_with_a_fix_shows_what_the_fix_gives():
    """A rule that offers fixes documents the result, so the fix itself is tested."""
    exempt = {"zh-chars.he-deng", "zh-structure.duplicate-paragraph", "zh-structure.heading-sequence"}
    missing = [
        r.full_id
        for r in Linter().all_rules
        if r.fix != "none" and r.doc.get("wrong") and not r.doc.get("fixed") and r.full_id not in exempt
    ]
    assert missing == []


def test_rule_sources_are_the_shipped_pack_files():
    for rule in Linter().all_rules:
        assert Path(rule.source).suffix == ".yaml"
        assert Path(rule.source).is_file()
