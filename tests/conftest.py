"""Shared fixtures: report texts written for these tests, a CLI runner, file and pack writers.

Every test runs in its own empty temporary folder (``chdir`` below), so that no
``.reportlint.yaml`` or ``pyproject.toml`` of the checkout leaks into a test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from reportlint.cli import app

# A short report that every rule must leave alone: full-width punctuation, headings in order,
# every body paragraph closed, no placeholder, no repetition.
CLEAN_REPORT = """\
关于2024年区人大常委会工作情况的报告
各位代表：
现在，我代表区人大常委会向大会报告工作，请予审议。
一、过去一年的主要工作
一年来，常委会坚持围绕中心、服务大局，依法履行监督职责，共召开常委会会议12次，听取和审议专项工作报告18项。
（一）聚焦经济发展，加强财政预算监督。
常委会认真审查区级预算执行情况，督促有关部门规范资金使用，提高财政资金使用效益。
（二）聚焦民生改善，推动解决群众关切。
常委会组织代表围绕教育、医疗、养老等问题开展专题调研，形成调研报告5篇，提出意见建议36条。
二、今年的工作安排
新的一年，常委会将继续加强自身建设，不断提高履职能力和水平，为全区经济社会发展作出新的贡献。
"""

# The same kind of report with one template blank left in it (line 2, the ``x`` at column 18).
PLACEHOLDER_REPORT = """\
各位代表：
一年来，区人大常委会共召开主任会议x次，专题研究代表建议办理工作。
常委会坚持问题导向，推动解决了一批群众反映强烈的实际问题。
"""
PLACEHOLDER_LINE = 2
PLACEHOLDER_COLUMN = PLACEHOLDER_REPORT.splitlines()[1].index("x") + 1

# Only a warning: 某某 is a generic name the drafter should have written out.
WARNING_ONLY_REPORT = "某某同志带队赴街道开展执法检查，听取基层意见建议。\n"

# Top-level keys of one finding in the JSON contract (version 1).
FINDING_KEYS = {"rule", "category", "severity", "message", "line", "column", "end_line", "end_column", "fix"}


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def cli() -> Callable[..., Any]:
    """Invoke ``reportlint`` in-process: ``cli("check", "a.txt")``; stdout and stderr apart."""
    runner = CliRunner()

    def invoke(*args: str | Path) -> Any:
        result = runner.invoke(app, [str(a) for a in args])
        # A ReportlintError or anything else escaping the command would show up here.
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(
                f"reportlint raised {result.exception!r}\n{result.output}"
            ) from result.exception
        return result

    return invoke


@pytest.fixture
def cli_json(cli: Callable[..., Any]) -> Callable[..., tuple[int, dict]]:
    """``check --format json``; returns (exit code, parsed JSON)."""

    def invoke(*args: str | Path) -> tuple[int, dict]:
        result = cli("check", "--format", "json", *args)
        return result.exit_code, json.loads(result.stdout)

    return invoke


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a report: ``write("a.txt", text)``, or ``write("a.txt", text, "gb18030")``, or bytes."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8", bom: bytes = b"") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(bom + data)
        return path

    return _write


def pattern_rule(rid: str = "banned-phrase", **over: Any) -> dict[str, Any]:
    """A valid ``pattern`` rule: an office's own banned phrase."""
    rule: dict[str, Any] = {
        "id": rid,
        "kind": "pattern",
        "category": "misused-word",
        "severity": "warning",
        "message": "本单位不使用“{match}”的说法",
        "doc": {
            "summary": "本单位公文不使用的口号式说法。",
            "wrong": "各部门要一竿子插到底，狠抓工作落实。",
            "right": "各部门要层层压实责任，狠抓工作落实。",
        },
        "patterns": ["一竿子插到底"],
    }
    rule.update(over)
    return rule


def substitution_rule(rid: str = "office-words", **over: Any) -> dict[str, Any]:
    """A valid ``substitution`` rule: the office's preferred forms."""
    rule: dict[str, Any] = {
        "id": rid,
        "kind": "substitution",
        "category": "misused-word",
        "severity": "warning",
        "message": "“{match}”应写作“{replacement}”",
        "doc": {
            "summary": "本单位规范用语。",
            "wrong": "这项改革措施倍受群众欢迎。",
            "right": "这项改革措施备受群众欢迎。",
        },
        "table": [
            {"wrong": "倍受", "right": "备受"},
            {"wrong": "人大常委会办公厅室", "right": "人大常委会办公室"},
        ],
    }
    rule.update(over)
    return rule


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """Write a pack file from rule dicts: ``make_pack([pattern_rule()], name="office")``."""

    def _make(
        rules: list[dict[str, Any]], *, name: str = "office", file: str = "office.yaml", **top: Any
    ) -> Path:
        data: dict[str, Any] = {"pack": name, "version": 1, "description": "本单位自定义规则", "rules": rules}
        data.update(top)
        path = tmp_path / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return _make


@pytest.fixture
def exe() -> Path:
    """The installed ``reportlint`` console script beside this interpreter."""
    bindir = Path(sys.executable).parent
    for name in ("reportlint", "reportlint.exe"):
        if (bindir / name).is_file():
            return bindir / name
    pytest.skip("the reportlint console script is not installed next to sys.executable")


@pytest.fixture
def run(exe: Path, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    """Run the real console script in a subprocess, in the test's folder."""

    def _run(*args: str | Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(exe), *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            timeout=120,
        )

    return _run


def assert_one_line_error(result: Any, *needles: str) -> str:
    """Exit 2, one line on stderr naming everything in ``needles``, no traceback anywhere."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    err = result.stderr.strip()
    assert err, "no error message on stderr"
    assert "Traceback" not in result.stdout + result.stderr
    assert len(err.splitlines()) == 1, err
    for needle in needles:
        assert needle in err, (needle, err)
    return err


@pytest.fixture
def cli_stdin() -> Callable[..., Any]:
    """Invoke ``reportlint`` in-process with ``data`` (text or bytes) on standard input."""
    runner = CliRunner()

    def invoke(data: str | bytes, *args: str | Path) -> Any:
        result = runner.invoke(app, [str(a) for a in args], input=data)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(
                f"reportlint raised {result.exception!r}\n{result.output}"
            ) from result.exception
        return result

    return invoke
