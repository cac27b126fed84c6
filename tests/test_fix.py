"""reportlint fix: safe/unsafe fixes, passes, overlaps, diffs and byte-exact atomic writes.

The rules come from a pack written here (FIX_PACK), so these tests do not depend on the
builtin packs; ``test_builtin_rules_fix`` runs once builtin fixable rules exist.
"""

from __future__ import annotations

import codecs
import os
import random
import stat
from pathlib import Path

import pytest

from reportlint import writer
from reportlint.config import Config
from reportlint.engine import Linter
from reportlint.fix import (
    Edit,
    apply_edits,
    fix_document,
    fix_path,
    plan,
    prepare,
    unified_diff,
)
from reportlint.formats.fixes import describe
from reportlint.model import Applicability, Finding, Fix, ReportlintError, Severity
from reportlint.readers import read_path
from reportlint.readers.md import markdown_document
from reportlint.readers.txt import text_document

FIX_PACK = r"""
pack: fixtest
version: 1
description: rules with fixes, for the fix tests
rules:
  - id: comma
    kind: pattern
    category: punctuation-width
    severity: warning
    message: "中文之间用了半角逗号"
    doc: {summary: half-width comma between Chinese characters}
    fix: safe
    patterns: ['(?<=\p{Han}),(?=\p{Han})']
    replacement: "，"
  - id: colon
    kind: pattern
    category: punctuation-width
    severity: warning
    message: "中文后用了半角冒号"
    doc: {summary: half-width colon after a Chinese character}
    fix: safe
    patterns: ['(?<=\p{Han}):']
    replacement: "："
  - id: space
    kind: pattern
    category: cjk-space
    severity: info
    message: "中文之间多余的空格"
    doc: {summary: spaces between Chinese characters}
    fix: safe
    patterns: ['(?<=\p{Han})[ \u3000]+(?=\p{Han})']
    replacement: ""
  - id: words
    kind: substitution
    category: traditional-char
    severity: warning
    message: "“{match}”应为“{replacement}”"
    doc: {summary: traditional characters and doubled particles}
    table:
      - {wrong: 條, right: 条}
      - {wrong: 會議, right: 会议}
      - {wrong: 的的, right: 的}
  - id: choice
    kind: substitution
    category: misused-word
    severity: warning
    message: "“{match}”可能应为“{replacement}”"
    doc: {summary: a word with several possible corrections}
    table:
      - {wrong: 必需, right: [必须, 必要]}
"""

# A rule that joins lines of a Markdown paragraph; it claims to be safe, but a fix that
# removes a line break changes paragraphs, so fix must treat it as unsafe.
JOIN_RULE = r"""
  - id: join
    kind: pattern
    category: broken-paragraph
    severity: warning
    message: "段落被拆断"
    doc: {summary: a paragraph broken after a Chinese character}
    fix: safe
    patterns: ['(?<=[\p{Han}，])\r?\n(?=\p{Han})']
    replacement: ""
"""

SAFE_CATEGORIES = {"punctuation-width", "cjk-space", "traditional-char"}

REPORT = (
    "一、过去一年的工作\n"
    "今年以来,我们坚持问题导向 狠抓落实,完成了三條重点任务。\n"
    "二、主要做法:一是加强會議统筹,二是压实责任的的落实。\n"
    "三、下一步打算\n"
    "必需坚持稳中求进工作总基调。\n"
)
REPORT_FIXED = (
    "一、过去一年的工作\n"
    "今年以来，我们坚持问题导向狠抓落实，完成了三条重点任务。\n"
    "二、主要做法：一是加强会议统筹，二是压实责任的落实。\n"
    "三、下一步打算\n"
    "必需坚持稳中求进工作总基调。\n"
)


def write_pack(folder: Path, *, join: bool = False, extra: str = "") -> Path:
    path = folder / "fixtest.yaml"
    path.write_text(FIX_PACK + (JOIN_RULE if join else "") + extra, encoding="utf-8")
    return path


def make_linter(folder: Path, *, join: bool = False) -> Linter:
    return Linter(Config(builtin=False), extra_packs=[write_pack(folder, join=join)])


@pytest.fixture
def cli(cli, tmp_path: Path):
    """conftest's in-process CLI, with only the test pack (builtin packs off through a config file)."""
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = write_pack(rules)
    config = rules / "config.yaml"
    config.write_text("builtin: false\n", encoding="utf-8")

    def run(*args: str):
        command, *rest = args
        return cli(command, "--config", config, "--pack", pack, *rest)

    return run


def finding(start: int, end: int, replacement: str, *, rule: str = "t.r", safe: bool = True) -> Finding:
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    return Finding(rule, "cat-" + rule, Severity.WARNING, "m", start, end, Fix(replacement, applicability))


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(writer.TEMP_SUFFIX))


# ---------------------------------------------------------------- planning


def test_overlaps_resolved_by_start_then_first_kept():
    doc = text_document("甲乙丙丁戊己庚")
    findings = [
        finding(0, 3, "A", rule="t.b"),
        finding(1, 2, "B", rule="t.a"),  # inside A: waits for the next pass
        finding(3, 4, "C"),
        finding(4, 4, "D", rule="t.d"),  # insertion touching C: waits
        finding(4, 5, "F"),  # adjacent to C, not overlapping: applied
        finding(5, 5, "G", rule="t.g"),  # insertion at F's end: waits
        finding(6, 6, "H", rule="t.h"),  # two insertions at one point: the first by rule wins
        finding(6, 6, "I", rule="t.i"),
    ]
    expected = [(0, 3, "A"), (3, 4, "C"), (4, 5, "F"), (6, 6, "H")]
    for seed in range(5):
        shuffled = findings[:]
        random.Random(seed).shuffle(shuffled)
        edits, _ = plan(doc, shuffled)
        assert [(e.start, e.end, e.replacement) for e in edits] == expected
    assert apply_edits(doc.text, edits) == "ACF己H庚"


def test_plan_keeps_unsafe_fixes_out_unless_asked():
    doc = text_document("必需坚持")
    findings = [finding(0, 2, "必须", safe=False)]
    assert plan(doc, findings)[0] == []
    assert [e.replacement for e in plan(doc, findings, unsafe=True)[0]] == ["必须"]


def test_plan_skips_no_op_and_out_of_range_fixes():
    doc = text_document("甲乙")
    edits, adjusted = plan(doc, [finding(0, 1, "甲"), finding(1, 5, "x")])
    assert edits == []
    assert all(f.fix is None for f in adjusted)


def test_apply_edits_refuses_overlap():
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(0, 2, "x", "r", "c", True), Edit(1, 3, "y", "r", "c", True)])


def test_fix_never_cuts_a_crlf_pair():
    text = "甲\r\n乙"
    assert prepare(text, finding(1, 2, "")) is None  # ends between \r and \n
    assert prepare(text, finding(2, 3, "")) is None  # starts between \r and \n


def test_fix_changing_line_breaks_is_unsafe_and_breaks_follow_the_document():
    crlf = "甲,乙\r\n丙\r\n"
    removed = prepare(crlf, finding(3, 5, ""))
    assert removed is not None and removed.safe is False
    added = prepare(crlf, finding(1, 2, "，\n"))
    assert added is not None and (added.replacement, added.safe) == ("，\r\n", False)
    assert prepare(crlf, finding(3, 5, "\n")) is None  # "\n" written as CRLF: no change at all
    lf = "甲,乙\n丙\n"
    assert prepare(lf, finding(3, 4, "\r\n")) is None
    kept = prepare(lf, finding(1, 2, "，"))
    assert kept is not None and (kept.replacement, kept.safe) == ("，", True)


def test_protected_spans_are_never_edited_even_if_reported():
    doc = markdown_document("正文,内容 `代码,块` 结束。\n")
    start = doc.text.index("码,块") + 1
    assert any(s <= start < e for s, e in doc.protected)
    edits, adjusted = plan(doc, [finding(start, start + 1, "，")])
    assert edits == [] and adjusted[0].fix is None


# ---------------------------------------------------------------- passes


def test_fix_document_reaches_a_fixed_point(tmp_path: Path):
    linter = make_linter(tmp_path)
    doc = text_document(REPORT, "r.txt")
    result = fix_document(linter, doc)
    assert result.fixed == REPORT_FIXED
    assert result.converged
    assert len(result.passes) >= 1
    assert doc.text == REPORT  # the document itself is untouched
    left = linter.lint_document(text_document(result.fixed))
    assert not [f for f in left if f.fix and f.fix.safe]
    assert [f.rule for f in left] == ["fixtest.choice"]
    assert [f.rule for f in result.remaining] == ["fixtest.choice"]
    again = fix_document(linter, text_document(result.fixed))
    assert not again.changed and again.passes == []


def test_repeated_fixes_need_several_passes(tmp_path: Path):
    linter = make_linter(tmp_path)
    result = fix_document(linter, text_document("坚持" + "的" * 16 + "原则\n"))
    assert result.fixed == "坚持的原则\n"
    assert len(result.passes) == 4  # 16 → 8 → 4 → 2 → 1
    assert result.counts() == {"traditional-char": 15}


def test_passes_are_bounded(tmp_path: Path):
    linter = make_linter(tmp_path)
    result = fix_document(linter, text_document("坚持" + "的" * 16 + "原则\n"), max_passes=2)
    assert len(result.passes) == 2
    assert result.fixed == "坚持的的的的原则\n"
    assert not result.converged
    assert any(f.fix and f.fix.safe for f in result.remaining)


def test_fixes_that_undo_each_other_stop(tmp_path: Path):
    fight = r"""
  - id: there
    kind: substitution
    category: term-variant
    severity: info
    message: "甲→乙"
    doc: {summary: one way}
    table: [{wrong: 甲方, right: 乙方}]
  - id: back
    kind: substitution
    category: outdated-term
    severity: info
    message: "乙→甲"
    doc: {summary: the other way}
    table: [{wrong: 乙方, right: 甲方}]
"""
    linter = Linter(Config(builtin=False), extra_packs=[write_pack(tmp_path, extra=fight)])
    result = fix_document(linter, text_document("甲方负责。\n"))
    assert not result.converged
    assert len(result.passes) == 1
    assert result.fixed == "乙方负责。\n"


def test_unsafe_fixes_only_on_request(tmp_path: Path):
    linter = make_linter(tmp_path)
    doc = text_document("必需坚持的的原则。\n")
    assert fix_document(linter, doc).fixed == "必需坚持的原则。\n"
    assert fix_document(linter, doc, unsafe=True).fixed == "必须坚持的原则。\n"


def test_line_joins_are_unsafe_and_keep_crlf_elsewhere(tmp_path: Path):
    linter = make_linter(tmp_path, join=True)
    text = "# 标题\r\n\r\n今年以来,我们坚持\r\n问题导向。\r\n"
    doc = markdown_document(text, "r.md")
    safe = fix_document(linter, doc)
    assert safe.fixed == "# 标题\r\n\r\n今年以来，我们坚持\r\n问题导向。\r\n"
    joins = [f for f in safe.remaining if f.rule == "fixtest.join"]
    assert joins and joins[0].fix is not None and joins[0].fix.safe is False
    unsafe = fix_document(linter, doc, unsafe=True)
    assert unsafe.fixed == "# 标题\r\n\r\n今年以来，我们坚持问题导向。\r\n"


# ---------------------------------------------------------------- diff and summary


def test_unified_diff_applies_with_patch(tmp_path: Path):
    old = "甲,乙\r\n丙\r\n丁 戊"
    new = "甲，乙\r\n丙\r\n丁戊"
    text = unified_diff("r.txt", old, new)
    assert text.startswith("--- r.txt\n+++ r.txt\n")
    assert "-甲,乙\r\n" in text and "+甲，乙\r\n" in text
    assert "\\ No newline at end of file\n" in text
    if not any((Path(p) / "patch").exists() for p in os.environ.get("PATH", "").split(os.pathsep)):
        pytest.skip("patch not installed")
    target = tmp_path / "r.txt"
    target.write_bytes(old.encode())
    (tmp_path / "d.patch").write_bytes(text.encode())
    rc = os.system(f"cd '{tmp_path}' && patch -s --binary r.txt < d.patch")
    assert rc == 0
    assert target.read_bytes() == new.encode()


def test_unified_diff_splits_only_at_newlines():
    old = "甲\x0c乙\u2028丙,丁\n"
    assert unified_diff("x", old, old.replace(",", "，")).count("\n-") == 1


def test_describe_counts_by_category():
    from collections import Counter

    assert (
        describe(Counter({"cjk-space": 2, "punctuation-width": 10}))
        == "12 处：punctuation-width 10，cjk-space 2"
    )


# ---------------------------------------------------------------- files and the command line


def test_fix_command_fixes_and_reports_by_category(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = cli("fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == REPORT_FIXED
    assert f"{path}：已修正 8 处：punctuation-width 4，traditional-char 3，cjk-space 1" in result.stdout
    assert "尚有 1 处问题未自动修正" in result.stdout
    assert "--unsafe-fixes" in result.stdout


def test_fix_then_check_leaves_no_safe_fix(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert cli("fix", str(path)).exit_code == 0
    check = cli("check", "--format", "json", str(path))
    assert check.exit_code == 1
    assert '"fixtest.choice"' in check.stdout
    for rule in ("comma", "colon", "space", "words"):
        assert f'"fixtest.{rule}"' not in check.stdout


def test_fix_twice_changes_nothing_the_second_time(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"))
    assert cli("fix", str(path)).exit_code == 0
    first = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    second = cli("fix", str(path))
    assert second.exit_code == 0
    assert "没有可自动修正的问题" in second.stdout
    assert path.read_bytes() == first
    assert path.stat().st_mtime_ns == mtime  # not even rewritten


def test_diff_changes_nothing(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    before = path.stat()
    result = cli("fix", "--diff", str(path))
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == REPORT
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert result.stdout.startswith(f"--- {path}\n+++ {path}\n")
    assert "+今年以来，我们坚持问题导向狠抓落实，完成了三条重点任务。\n" in result.stdout
    assert "可修正 8 处" in result.stderr and "已修正" not in result.output
    assert temp_files(tmp_path) == []


def test_check_diff_exits_1_when_something_would_change(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = cli("check", "--diff", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- {path}")
    assert path.read_text(encoding="utf-8") == REPORT
    path.write_text(REPORT_FIXED, encoding="utf-8")
    assert cli("check", "--diff", str(path)).exit_code == 0


def test_check_fix_reports_what_remains(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = cli("check", "--fix", str(path))
    assert result.exit_code == 1  # 必需 remains: its fix needs confirmation
    assert path.read_text(encoding="utf-8") == REPORT_FIXED
    assert "[fixtest.choice]" in result.stdout
    assert "[fixtest.comma]" not in result.stdout
    assert f"{path}:5:1:" in result.stdout  # positions in the fixed file
    assert "已修正 8 处" in result.stderr
    result = cli("check", "--fix", "--unsafe-fixes", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").endswith("必须坚持稳中求进工作总基调。\n")


def test_unsafe_fixes_need_the_flag(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text("必需坚持稳中求进。\n", encoding="utf-8")
    assert cli("fix", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == "必需坚持稳中求进。\n"
    result = cli("fix", "--unsafe-fixes", str(path))
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == "必须坚持稳中求进。\n"
    assert "misused-word 1" in result.stdout


def test_select_limits_what_is_fixed(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert cli("fix", "--select", "cjk-space", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == REPORT.replace("问题导向 狠抓", "问题导向狠抓")


# GB18030 and UTF-16 reports, with CRLF and BOMs: bytes outside the fixed spans stay as they were.
# Segments alternate kept text and a wrong form; the file is built from encoded segments, so
# the expected bytes are the same kept bytes with the right forms in between.
SEGMENTS = [
    ("一、本年度工作回顾\r\n全年召开常委会会议八次", None),
    (",", "，"),
    ("审议通过地方性法规草案五件", None),
    (",", "，"),
    ("听取和审议专项工作报告十二个。\r\n二、主要做法", None),
    (":", "："),
    ("坚持依法履职，加强调查研究", None),
    (" ", ""),
    ("推动各项工作落实落细，完成三", None),
    ("條", "条"),
    ("重点任务。\r\n三、存在的问题\r\n监督刚性不足，代表工作仍需加强。\r\n", None),
]


def _build(encoding: str, bom: bytes, fixed: bool) -> bytes:
    parts = [bom]
    for kept, right in SEGMENTS:
        parts.append((right if fixed and right is not None else kept).encode(encoding))
    return b"".join(parts)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("gb18030", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-8", b""),
    ],
)
def test_round_trip_is_byte_exact_outside_fixes(cli, tmp_path: Path, encoding: str, bom: bytes):
    path = tmp_path / "report.txt"
    path.write_bytes(_build(encoding, bom, fixed=False))
    doc = read_path(path)
    assert (doc.encoding.replace("_", "-"), doc.bom) == (encoding, bom)  # precondition: read as written
    result = cli("fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == _build(encoding, bom, fixed=True)
    text = read_path(path).text
    assert "\r\n" in text and text.count("\n") == text.count("\r\n")


def test_permissions_are_kept(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    os.chmod(path, 0o640)
    assert cli("fix", str(path)).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert temp_files(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_stays_a_link(cli, tmp_path: Path):
    real = tmp_path / "real.txt"
    real.write_text(REPORT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert cli("fix", str(link)).exit_code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == REPORT_FIXED


def test_read_only_file_is_an_error_and_untouched(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    os.chmod(path, 0o444)
    other = tmp_path / "other.txt"
    other.write_text(REPORT, encoding="utf-8")
    try:
        result = cli("fix", str(path), str(other))
        assert result.exit_code == 2
        assert "只读" in result.stderr
        assert path.read_text(encoding="utf-8") == REPORT
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
        assert other.read_text(encoding="utf-8") == REPORT_FIXED  # the other file is still fixed
        assert temp_files(tmp_path) == []
    finally:
        os.chmod(path, 0o644)


def test_undecodable_file_is_an_error_and_untouched(cli, tmp_path: Path):
    path = tmp_path / "report.txt"
    raw = codecs.BOM_UTF8 + "今年以来,我们".encode() + b"\xff\xfe\x80"
    path.write_bytes(raw)
    result = cli("fix", str(path))
    assert result.exit_code == 2
    assert "无法按该编码解码" in result.stderr
    assert path.read_bytes() == raw


def test_unencodable_fix_is_an_error_and_untouched(tmp_path: Path):
    # A Big5 report: the simplified 条 has no Big5 code, so the fix cannot be written back.
    text = "本條例規定，各級機關應當認真貫徹執行。會議討論通過了關於進一步加強監督工作的決定。\r\n" * 3
    path = tmp_path / "report.txt"
    raw = text.encode("big5")
    path.write_bytes(raw)
    if read_path(path).encoding.lower().replace("_", "") not in ("big5", "cp950", "big5hkscs"):
        pytest.skip("not detected as Big5")
    outcome = fix_path(make_linter(tmp_path), path)
    assert outcome.error and "big5" in outcome.error.lower() and "未修改" in outcome.error
    assert path.read_bytes() == raw
    assert temp_files(tmp_path) == []


def test_writer_creates_a_new_file_only_when_asked(tmp_path: Path):
    path = tmp_path / "new.docx"
    with pytest.raises(ReportlintError, match="不存在"):
        writer.write_bytes_atomic(path, b"abc")
    writer.write_bytes_atomic(path, b"abc", create=True)
    assert path.read_bytes() == b"abc"
    assert temp_files(tmp_path) == []
    with pytest.raises(ReportlintError, match="文件夹不存在"):
        writer.write_bytes_atomic(tmp_path / "nowhere" / "x.docx", b"abc", create=True)


def test_writer_refuses_a_file_changed_since_it_was_read(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"new content")
    with pytest.raises(ReportlintError, match="被其他程序修改"):
        writer.write_bytes_atomic(path, b"fixed", expected=b"old content")
    assert path.read_bytes() == b"new content"


def test_interrupted_rename_leaves_the_original(cli, tmp_path: Path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())

    def broken_replace(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(writer.os, "replace", broken_replace)
    result = cli("fix", str(path))
    assert result.exit_code == 2
    assert "写入失败" in result.stderr and "原文件未改动" in result.stderr
    assert path.read_text(encoding="utf-8") == REPORT
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_write_failing_half_way_leaves_the_original(tmp_path: Path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    real_write = os.write
    calls = []

    def half_then_full_disk(fd, data):
        if calls:
            raise OSError(28, "No space left on device")
        calls.append(fd)
        return real_write(fd, bytes(data[: len(data) // 2]))

    monkeypatch.setattr(writer.os, "write", half_then_full_disk)
    outcome = fix_path(make_linter(tmp_path), path)
    assert calls, "the write was not reached"
    assert outcome.error and "原文件未改动" in outcome.error
    assert path.read_text(encoding="utf-8") == REPORT
    assert temp_files(tmp_path) == []


def test_interrupt_during_fsync_leaves_the_original(tmp_path: Path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(writer.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix_path(make_linter(tmp_path), path)
    assert path.read_text(encoding="utf-8") == REPORT
    assert temp_files(tmp_path) == []


def test_markdown_code_urls_and_front_matter_are_not_touched(cli, tmp_path: Path):
    front = "---\ntitle: 工作报告,初稿\n作者: 办公室\n---\n"
    code = "```\n配置,项 條目\n```\n"
    body = "今年以来,我们完成了三條任务 详见 https://例子.中国/甲,b2 和 `甲,乙` 两处。\n"
    text = front + "\n# 一、工作回顾\n\n" + body + "\n" + code + "\n    缩进,代码 條\n"
    path = tmp_path / "report.md"
    path.write_text(text, encoding="utf-8")
    doc = read_path(path)
    findings = make_linter(tmp_path).lint_document(doc)
    assert findings
    for f in findings:  # the engine drops findings in protected spans
        assert not any(f.start < e and f.end > s for s, e in doc.protected), f
    assert cli("fix", str(path)).exit_code == 0
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith(front)
    assert code in fixed and "    缩进,代码 條\n" in fixed
    assert "https://例子.中国/甲,b2" in fixed and "`甲,乙`" in fixed
    assert "今年以来，我们完成了三条任务详见" in fixed
    assert "https://例子.中国/甲,b2 和" in fixed  # the space ending the URL is not removed


def test_docx_gets_a_note_and_is_not_touched(cli, tmp_path: Path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 not really a docx")
    result = cli("fix", str(path))
    assert result.exit_code == 0
    assert "只修改文本文件" in result.stdout and "annotate --fix" in result.stdout
    assert path.read_bytes() == b"PK\x03\x04 not really a docx"


def test_folder_and_missing_path(cli, tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.md").write_text("今年以来,我们 坚持。\n", encoding="utf-8")
    result = cli("fix", str(folder), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "文件或文件夹不存在" in result.stderr
    assert (folder / "a.txt").read_text(encoding="utf-8") == REPORT_FIXED
    assert (folder / "b.md").read_text(encoding="utf-8") == "今年以来，我们坚持。\n"
    assert "共 2 个文件，已修正 10 处：punctuation-width 5，traditional-char 3，cjk-space 2" in result.stdout


# ---------------------------------------------------------------- builtin rules, once they exist


def _builtin_fixable_categories() -> set[str]:
    try:
        linter = Linter(Config())
    except ReportlintError:
        return set()
    return {r.category for r in linter.rules if r.fix == "safe"} & SAFE_CATEGORIES


@pytest.mark.skipif(
    _builtin_fixable_categories() != SAFE_CATEGORIES,
    reason="builtin punctuation-width / cjk-space / traditional-char rules with safe fixes not there yet",
)
def test_builtin_rules_fix(tmp_path: Path):
    path = tmp_path / "report.txt"
    text = "一、工作回顾\r\n今年以来,全区上下凝心聚力:完成了 三條重点任务。\r\n"
    path.write_bytes(text.encode("utf-8"))
    linter = Linter(Config(select=sorted(SAFE_CATEGORIES)))
    before = linter.lint_path(path).findings
    assert {f.category for f in before} == SAFE_CATEGORIES
    outcome = fix_path(linter, path)
    assert outcome.error is None and outcome.written
    after = linter.lint_path(path).findings
    assert not [f for f in after if f.category in SAFE_CATEGORIES and f.fix and f.fix.safe], after
    fixed = path.read_bytes().decode("utf-8")
    assert "," not in fixed and ":" not in fixed and "條" not in fixed and " " not in fixed
    assert fixed.startswith("一、工作回顾\r\n") and fixed.count("\r\n") == 2
