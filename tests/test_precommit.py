"""The pre-commit hooks, as an office uses them: a real ``pre-commit run --all-files`` in a new git repository.

This checkout's hook files and package are committed into a temporary repository (with fixed
dates, so the same sources give the same commit and pre-commit reuses its environment between
runs, kept under the user's cache folder); pre-commit then installs reportlint from it as it would
from the project's own repository. Skipped only when pre-commit cannot install the environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import CLEAN_REPORT, WARNING_ONLY_REPORT

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "reportlint", "rules"]
FIXED_DATE = {"GIT_AUTHOR_DATE": "2000-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2000-01-01T00:00:00Z"}


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **FIXED_DATE, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    done = subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def hook_repo(dest: Path) -> str:
    """This checkout's installable files as a git repository; its commit."""
    dest.mkdir()
    for name in SHIPPED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "_packs"))
        else:
            shutil.copy2(src, dest / name)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "hooks")
    return git(dest, "rev-parse", "HEAD")


@pytest.fixture
def pre_commit() -> Path:
    exe = Path(sys.executable).parent / "pre-commit"
    if not exe.exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    return exe


def test_pre_commit_run_all_files(pre_commit, tmp_path):
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportlint-tests"
    sha = hook_repo(tmp_path / "hooks")
    # pre-commit keys its environments by repository path and commit: the same sources at the same
    # path reuse the environment installed by an earlier run
    hooks = cache / f"hooks-{sha[:12]}"
    if not hooks.exists():
        hooks.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(tmp_path / "hooks"), str(hooks))
    work = tmp_path / "reports"
    work.mkdir()
    for i in range(12):  # enough files for pre-commit to split them across processes if it may
        (work / f"clean{i:02}.txt").write_text(CLEAN_REPORT, encoding="utf-8")
    (work / "a.txt").write_text("全年共召开常委会会议x次。\n", encoding="utf-8")
    d = docx.Document()
    d.add_paragraph("全年共召开常委会会议xx次。")
    d.save(str(work / "报告.docx"))
    (work / "drafts").mkdir()
    (work / "drafts" / "old.txt").write_text("全年共召开会议x次。\n", encoding="utf-8")
    (work / "warn").mkdir()
    (work / "warn" / "only-warnings.txt").write_text(WARNING_ONLY_REPORT, encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(
        f"""repos:
  - repo: {hooks}
    rev: {sha}
    hooks:
      - id: reportlint
        exclude: ^(drafts|warn)/
      - id: reportlint
        alias: errors-only
        name: reportlint errors only
        args: [--min-severity, error]
        files: ^warn/
""",
        encoding="utf-8",
    )
    git(work, "init", "-q")
    git(work, "add", "-A")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(cache / "pre-commit"),
        "PRE_COMMIT_COLOR": "never",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [str(pre_commit), "run", "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
    )
    out = done.stdout + done.stderr
    if done.returncode == 3 or "An unexpected error has occurred" in out:
        pytest.skip(f"pre-commit could not install the hook environment: {out[-600:]}")
    assert done.returncode == 1, out
    lines = out.splitlines()
    check = next(i for i, line in enumerate(lines) if line.startswith("reportlint (工作报告检查)"))
    assert lines[check].endswith("Failed"), out
    assert any(line.startswith("reportlint errors only") and line.endswith("Passed") for line in lines), out
    assert "a.txt:1:11: error placeholder [zh-placeholder.x-mark]" in out
    assert "报告.docx:段1:" in out, "the .docx is linted"
    assert "drafts/old.txt" not in out, "exclude: is honoured"
    assert sum(line.startswith("共 ") for line in lines) == 1, "one process, one summary"
    assert "共 14 个文件" in out
