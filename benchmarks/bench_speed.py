"""Speed and memory against AutoCorrect, measured side by side in one run.

    python benchmarks/bench_speed.py [--runs 3] [--jobs 1 2] [--corpus DIR] [--skip-heavy]

Two corpora: the real reports (../shared/corpus/reports beside the repository: the realistic
case) and a findings-heavy one built from the five sample reports (../shared/seeds, each file the
five samples one after the other, 200 files: half-width punctuation everywhere). For each, the
whole `reportlint check --format json DIR` process (per --jobs value) and AutoCorrect's lint of
the same files (autocorrect-py, an optional dependency: `pip install autocorrect-py`; skipped with
a message when absent) run interleaved, --runs times each; printed: the median wall time, MB/s,
the reportlint/AutoCorrect ratio and the peak RSS (from /usr/bin/time when present, else the
children's rusage). Then, in-process: CPU time per rule over the real corpus, a single-file CLI
check of a 30 KB report (median of 10) and a warm `Linter.lint_text` of a 10,000-character report
(median of 50). Figures are ratios of one run on one machine: compare them, not absolutes.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
AUTOCORRECT = """
import sys
from pathlib import Path
import autocorrect_py
n = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    n += len(autocorrect_py.lint_for(path.read_text(encoding="utf-8"), str(path)).lines)
print(n)
"""


def reportlint_command() -> list[str]:
    exe = Path(sys.executable).parent / "reportlint"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reportlint"]


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS in MB of one command (its output discarded)."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    with tempfile.NamedTemporaryFile("r") as rss_file:
        full = [gnu_time, "-f", "%M", "-o", rss_file.name, *cmd] if gnu_time else cmd
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        proc = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - started
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-400:]}")
        if gnu_time:
            text = Path(rss_file.name).read_text().strip().splitlines()
            rss_kb = int(text[-1]) if text and text[-1].isdigit() else 0
        else:
            rss_kb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return wall, rss_kb // 1024


def heavy_corpus(folder: Path, files: int = 200) -> Path:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in seeds)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        (folder / f"heavy-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6


def compare(name: str, folder: Path, runs: int, jobs: list[int], have_autocorrect: bool) -> None:
    mb = megabytes(folder)
    print(f"\n== {name}: {len(list(folder.glob('*.txt')))} files, {mb:.1f} MB")
    times: dict[str, list[tuple[float, int]]] = {}
    for _ in range(runs):  # interleaved: each run measures every command once
        for j in jobs:
            cmd = [*reportlint_command(), "check", "--format", "json", "--jobs", str(j), str(folder)]
            times.setdefault(f"reportlint --jobs {j}", []).append(timed(cmd))
        if have_autocorrect:
            times.setdefault("autocorrect", []).append(
                timed([sys.executable, "-c", AUTOCORRECT, str(folder)])
            )
    base = statistics.median(w for w, _ in times["autocorrect"]) if "autocorrect" in times else None
    print(f"{'command':<22}{'median s':>10}{'MB/s':>8}{'ratio':>8}{'peak RSS MB':>13}")
    for label, samples in times.items():
        wall = statistics.median(w for w, _ in samples)
        rss = max(r for _, r in samples)
        ratio = f"{wall / base:.2f}" if base else "-"
        print(f"{label:<22}{wall:>10.2f}{mb / wall:>8.2f}{ratio:>8}{rss:>13}")


def per_rule(folder: Path) -> None:
    from reportlint import Linter

    linter = Linter(profile=True)
    started = time.process_time()
    for path in sorted(folder.glob("*.txt")):
        linter.lint_path(path)
    total = time.process_time() - started
    rules = linter.rule_times or {}
    spent = sum(rules.values())
    print(f"\n== CPU per rule over {folder} ({total:.1f} s in all, {spent:.1f} s in rules)")
    for rule, secs in sorted(rules.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {secs:7.2f} s {secs / spent:6.1%}  {rule}")


def single_file(path: Path, runs: int = 10) -> None:
    cmd = [*reportlint_command(), "check", "--format", "json", str(path)]
    walls = [timed(cmd)[0] for _ in range(runs)]
    version = [timed([*reportlint_command(), "--version"])[0] for _ in range(runs)]
    print(
        f"\n== single file {path.name} ({path.stat().st_size // 1024} KB): check median {statistics.median(walls):.2f} s, "
        f"--version median {statistics.median(version):.2f} s (of {runs})"
    )


def warm(text: str, runs: int = 50) -> None:
    from reportlint import Linter

    linter = Linter()
    linter.lint_text(text)  # first call loads dictionaries
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        linter.lint_text(text)
        walls.append(time.perf_counter() - started)
    print(
        f"== warm lint_text of {len(text):,} characters: median {statistics.median(walls) * 1000:.1f} ms (of {runs})"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "reports")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--skip-heavy", action="store_true", help="only the real corpus")
    ap.add_argument("--skip-rules", action="store_true", help="no per-rule CPU table")
    args = ap.parse_args()
    try:
        import autocorrect_py  # noqa: F401

        have = True
    except ImportError:
        have = False
        print("autocorrect-py is not installed (pip install autocorrect-py): AutoCorrect columns are skipped")
    compare("real reports", args.corpus, args.runs, args.jobs, have)
    if not args.skip_heavy:
        with tempfile.TemporaryDirectory() as tmp:
            compare("findings-heavy (samples)", heavy_corpus(Path(tmp) / "heavy"), args.runs, args.jobs, have)
    if not args.skip_rules:
        per_rule(args.corpus)
    reports = sorted(args.corpus.glob("*.txt"), key=lambda p: abs(p.stat().st_size - 30_000))
    if reports:
        single_file(reports[0])
        text = reports[0].read_text(encoding="utf-8")
        sized = sorted(
            args.corpus.glob("*.txt"), key=lambda p: abs(len(p.read_text(encoding="utf-8")) - 10_000)
        )
        warm(sized[0].read_text(encoding="utf-8") if sized else text)
    print(f"\n(python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
