"""The pack schema: nested values checked at load, message templates checked against what kinds provide,
and the kinds' documentation (``reportlint kinds``, the README table) generated from one declaration."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CLEAN_REPORT, assert_one_line_error, pattern_rule, substitution_rule

from reportlint import Config, Linter, ReportlintError
from reportlint.kinds import KINDS
from reportlint.schema import describe, kinds_markdown


def _pairs_rule(**over):
    rule = {
        "id": "brackets",
        "kind": "pairs",
        "category": "unpaired-punctuation",
        "severity": "error",
        "messages": {"unclosed": "{mark}未闭合", "unopened": "{mark}多余", "nested": "{mark}嵌套错误"},
        "doc": {"summary": "成对标点。"},
    }
    rule.update(over)
    return rule


def _duplicate_rule(**over):
    rule = {
        "id": "dup",
        "kind": "duplicate",
        "category": "duplicate-paragraph",
        "severity": "error",
        "message": "与{where}重复",
        "doc": {"summary": "重复段落。"},
    }
    rule.update(over)
    return rule


# Values that fit YAML but not the declaration: each is one line naming the pack, the rule and the key.
BAD_VALUES = {
    "pair-of-one-mark": (_pairs_rule(pairs=["“"]), "pairs"),
    "allow-not-strings": (pattern_rule(kind="stray-latin", allow=[1, 2], patterns=None), "allow"),
    "unclosed-template": (pattern_rule(message="本单位不使用“{match”"), "提示语"),
    "unknown-variable": (pattern_rule(message="“{word}”不用"), "{word}"),
    "enabled-as-a-string": (pattern_rule(enabled="no"), "enabled"),
    "shingle-zero": (_duplicate_rule(shingle=0), "shingle"),
    "similarity-above-one": (_duplicate_rule(similarity=1.5), "similarity"),
    "integer-for-a-boolean": (pattern_rule(ignorecase=1), "ignorecase"),
    "missing-case-message": (_pairs_rule(messages={"unclosed": "{mark}未闭合"}), "unopened"),
    "unknown-case": (_duplicate_rule(messages={"copied": "抄"}), "copied"),
    "bad-group-in-replacement": (pattern_rule(replacement=r"\g<nope>"), "nope"),
    "table-entry-since-text": (
        substitution_rule(table=[{"wrong": "倍受", "right": "备受", "since": "去年"}]),
        "since",
    ),
    "scope-on-a-document-kind": (_duplicate_rule(scope="body"), "scope"),
    "unknown-scope": (pattern_rule(scope="headings"), "scope"),
    "fix-value": (pattern_rule(fix="always"), "fix"),
}


def _clean(rule: dict) -> dict:
    return {k: v for k, v in rule.items() if v is not None}


@pytest.mark.parametrize("rule, needle", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_bad_value_is_one_line_naming_pack_rule_and_key(cli, write, make_pack, rule, needle):
    pack = make_pack([_clean(rule)])
    err = assert_one_line_error(
        cli("check", "--pack", pack, write("r.txt", CLEAN_REPORT)), "office.yaml", needle
    )
    assert rule["id"] in err


def test_good_nested_values_load(make_pack):
    pack = make_pack([_pairs_rule(pairs=["“”", "《》"], names={"“": "左引号"}), _duplicate_rule(shingle=4)])
    linter = Linter(Config(builtin=False), extra_packs=[pack])
    (f,) = linter.lint_text("他说：“要抓落实。")
    assert f.message == "左引号未闭合"


def test_config_override_errors_name_the_config_file(cli, write, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(
        "rules:\n  zh-structure.duplicate-paragraph:\n    shingle: 0\n", encoding="utf-8"
    )
    err = assert_one_line_error(cli("check", write("r.txt", CLEAN_REPORT)), ".reportlint.yaml", "shingle")
    assert "structure.yaml" not in err


def test_config_override_of_unknown_parameter(cli, write, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(
        "rules:\n  zh-punct.cjk-space:\n    colour: red\n", encoding="utf-8"
    )
    assert_one_line_error(cli("check", write("r.txt", CLEAN_REPORT)), ".reportlint.yaml", "colour")


@pytest.mark.parametrize(
    "config, needle",
    [('builtin: "false"\n', "builtin"), ("year: 0\n", "year"), ("select: [no-such]\n", "no-such")],
)
def test_config_values_are_checked(cli, write, tmp_path, config, needle):
    (tmp_path / ".reportlint.yaml").write_text(config, encoding="utf-8")
    assert_one_line_error(cli("check", write("r.txt", CLEAN_REPORT)), needle)


def test_year_zero_on_the_command_line(cli, write):
    assert_one_line_error(cli("check", "--year", "0", write("r.txt", CLEAN_REPORT)), "--year")


# --- what the kinds declare --------------------------------------------------------------------


def test_every_kind_declares_params_with_documentation():
    for name, kind in KINDS.items():
        assert kind.title, f"{name} has no title"
        for p in describe(kind.Params):
            assert p.doc, f"{name}.{p.name} has no documentation"


def test_kinds_command_lists_every_kind(cli):
    result = cli("kinds")
    assert result.exit_code == 0
    for name in KINDS:
        assert re.search(rf"^{re.escape(name)}\s", result.stdout, re.M), name


def test_kinds_explain_prints_parameters_from_the_schema(cli):
    result = cli("kinds", "explain", "duplicate")
    assert result.exit_code == 0
    for p in describe(KINDS["duplicate"].Params):
        assert p.name in result.stdout and p.doc in result.stdout
    assert "messages.near" in result.stdout and "{score}" in result.stdout


def test_kinds_explain_unknown(cli):
    assert_one_line_error(cli("kinds", "explain", "fuzzy"), "fuzzy")


def test_readme_kinds_table_is_generated_from_the_schema():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = kinds_markdown(KINDS[k] for k in sorted(KINDS))
    assert table in readme, "README's kinds table is stale: regenerate it with `reportlint kinds --markdown`"


def test_rules_explain_a_user_rule_with_pack_after_the_id(cli, make_pack):
    pack = make_pack([pattern_rule()])
    result = cli("rules", "explain", "banned-phrase", "--pack", pack)
    assert result.exit_code == 0, result.output
    assert "一竿子插到底" in result.stdout


def test_rules_explain_shows_table_sources(cli):
    result = cli("rules", "explain", "zh-misused.misused-word")
    assert result.exit_code == 0
    assert "咬文嚼字" in result.stdout


def test_unknown_message_case_in_api_raises(make_pack):
    pack = make_pack([_duplicate_rule(messages={"copied": "抄"})])
    with pytest.raises(ReportlintError, match="copied"):
        Linter(Config(builtin=False), extra_packs=[pack])
