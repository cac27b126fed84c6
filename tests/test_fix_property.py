"""Property tests for fix over generated Chinese/Latin/punctuation text with mixed line endings.

For any text: fixing never raises, reaches a fixed point that a second run leaves alone,
changes the text only at spans that were reported (pass by pass), never edits a
protected span, never changes a line break with safe fixes, and writes the file as
exactly the BOM plus the encoded fixed text.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.config import Config
from reportlint.document import Document
from reportlint.engine import Linter
from reportlint.fix import fix_document, fix_path, prepare, rebuild
from reportlint.readers.md import markdown_document
from reportlint.readers.txt import text_document

PACK = r"""
pack: prop
version: 1
description: fixable rules for property tests; some overlap on purpose
rules:
  - id: comma
    kind: pattern
    category: punctuation-width
    severity: warning
    message: "半角逗号"
    doc: {summary: half-width comma between Chinese characters}
    fix: safe
    patterns: ['(?<=\p{Han}),(?=\p{Han})']
    replacement: "，"
  - id: doubled
    kind: pattern
    category: punctuation-width
    severity: warning
    message: "重复的逗号"
    doc: {summary: "doubled commas; overlaps the comma rule"}
    fix: safe
    patterns: ['[，,]{2,}']
    replacement: "，"
  - id: colon
    kind: pattern
    category: punctuation-width
    severity: warning
    message: "半角冒号"
    doc: {summary: half-width colon after a Chinese character}
    fix: safe
    patterns: ['(?<=\p{Han}):']
    replacement: "："
  - id: space
    kind: pattern
    category: cjk-space
    severity: info
    message: "多余空格"
    doc: {summary: spaces between Chinese characters}
    fix: safe
    patterns: ['(?<=\p{Han})[ \u3000]+(?=\p{Han})']
    replacement: ""
  - id: words
    kind: substitution
    category: traditional-char
    severity: warning
    message: "“{match}”应为“{replacement}”"
    doc: {summary: "traditional characters and doubled particles"}
    table:
      - {wrong: 條, right: 条}
      - {wrong: 會議, right: 会议}
      - {wrong: 的的, right: 的}
      - {wrong: 必需, right: [必须, 必要]}
  - id: join
    kind: pattern
    category: broken-paragraph
    severity: warning
    message: "断段"
    doc: {summary: "a line break inside a paragraph; declared safe to test the downgrade"}
    fix: safe
    patterns: ['(?<=\p{Han})\r?\n(?=\p{Han})']
    replacement: ""
"""

_BREAK = regex.compile(r"\r\n|\n|\r")

HAN = [*"甲乙丙丁条條的必需会議工作报告", "會議", "的的", "的的的", "必需", "工作\n报告", "工作\r\n报告"]
OTHER = [
    *"abcXY019",
    *",.:;!?()\"'",
    ",,",
    *"，。：；！？（）“”、",
    " ",
    "  ",
    "\u3000",
    "\t",
    "\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "https://例子.中国/甲,乙",
    "`甲,乙`",
    "```\n甲,乙 條\n```\n",
    "---\n",
    "# ",
    "- ",
    "    ",
]
# Mostly Chinese, so that the rules (which look at Chinese context) find something.
piece = st.one_of(st.sampled_from(HAN), st.sampled_from(HAN), st.sampled_from(OTHER))
texts = st.lists(piece, max_size=60).map("".join)

_linter: Linter | None = None


def linter() -> Linter:
    global _linter
    if _linter is None:
        folder = Path(tempfile.mkdtemp(prefix="reportlint-prop-"))
        pack = folder / "prop.yaml"
        pack.write_text(PACK, encoding="utf-8")
        _linter = Linter(Config(builtin=False), extra_packs=[pack])
    return _linter


def document(text: str, markdown: bool) -> Document:
    return markdown_document(text, "p.md") if markdown else text_document(text, "p.txt")


def check_result(doc: Document, unsafe: bool):
    lint = linter()
    result = fix_document(lint, doc, unsafe=unsafe)
    assert result.converged
    # Each pass edits only spans reported on that pass's text, none in a protected span,
    # and the next text is the previous one with exactly those spans replaced.
    steps = [*result.texts, result.fixed]
    for i, edits in enumerate(result.passes):
        before = rebuild(doc, steps[i])
        reported = {}
        for f in lint.lint_document(before):
            fix = prepare(before.text, f)
            if fix is not None:
                reported[(f.start, f.end)] = fix
        expected = steps[i]
        for e in reversed(edits):
            fix = reported[(e.start, e.end)]
            assert (fix.replacement, fix.safe) == (e.replacement, e.safe)
            assert unsafe or e.safe
            assert not any(e.start < pe and e.end > ps for ps, pe in before.protected)
            expected = expected[: e.start] + e.replacement + expected[e.end :]
        assert expected == steps[i + 1]
    # Idempotent: fixing the result changes nothing.
    again = fix_document(lint, rebuild(doc, result.fixed), unsafe=unsafe)
    assert again.fixed == result.fixed and again.passes == []
    # Nothing fixable is left.
    assert not [f for f in result.remaining if f.fix and (f.fix.safe or unsafe)]
    return result


@settings(max_examples=300, deadline=None)
@given(text=texts, markdown=st.booleans())
def test_safe_fixes(text: str, markdown: bool):
    result = check_result(document(text, markdown), unsafe=False)
    # Safe fixes never add, remove or change a line break.
    assert _BREAK.findall(result.fixed) == _BREAK.findall(text)


@settings(max_examples=200, deadline=None)
@given(text=texts, markdown=st.booleans())
def test_unsafe_fixes(text: str, markdown: bool):
    result = check_result(document(text, markdown), unsafe=True)
    # Joins remove line breaks but never leave half of a CRLF behind.
    assert result.fixed.count("\r\n") <= text.count("\r\n")
    assert result.fixed.count("\r") - result.fixed.count("\r\n") <= text.count("\r") - text.count("\r\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, markdown=st.booleans(), bom=st.booleans())
def test_written_file_is_bom_plus_fixed_text(text: str, markdown: bool, bom: bool):
    mark = codecs.BOM_UTF8 if bom else b""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("p.md" if markdown else "p.txt")
        raw = mark + text.encode("utf-8")
        path.write_bytes(raw)
        outcome = fix_path(linter(), path)
        if outcome.error:  # only undecodable input may fail, and then nothing is written
            assert path.read_bytes() == raw
            return
        expected = fix_document(linter(), document(text, markdown)).fixed
        assert path.read_bytes() == mark + expected.encode("utf-8")
        assert outcome.written == (expected != text)
        assert sorted(p.name for p in Path(folder).iterdir()) == [path.name]
