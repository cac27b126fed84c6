"""Precision on real reports: lint a corpus and compare with what was judged by reading.

    python benchmarks/precision/run.py [CORPUS_DIR] [--judged FILE ...] [--show CATEGORY] [--json]

For each category: findings and findings per 10,000 characters (all, and warning or
above), and — against the judged lists kept beside this script — how many findings
judged false alarms are back and how many judged true are still found. A judged row
is "back" when a finding of the same category starts on the same line and overlaps
its column. CORPUS_DIR defaults to ../shared/corpus/reports beside the repository.

The judged lists (tab-separated, one finding a row, excerpts of at most 20 characters):
- judged.tsv — every finding outside punctuation-width on the 18 reports of the corpus
  reading list, and a random sample of 100 elsewhere (random.Random(10)), read one by one;
- survey.tsv — every finding of the first corpus run (2026-11-28, before the precision
  work), each put into a pattern and judged; small categories were read in full, the
  large mechanical groups by form and samples (see the pattern column).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from reportlint import Config, Linter, Severity

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "reports"
EXCLUDED = ("punctuation-width", "cjk-space")  # the headline metric leaves these two out
# The corpus README's reading list: every finding on these is read.
READING_LIST = [
    "0033",
    "0036",
    "0012",
    "0024",
    "0053",
    "0178",
    "0068",
    "0090",
    "0128",
    "0140",
    "0143",
    "0150",
    "0159",
    "0162",
    "0164",
    "0175",
    "0190",
    "0208",
]


def load_judged(paths: list[Path]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                row["source"] = path.name
                rows.append(row)
    return rows


def lint_corpus(folder: Path, year: int | None) -> tuple[dict[str, list], int, float]:
    linter = Linter(Config(year=year))
    findings: dict[str, list] = {}
    chars = 0
    started = time.perf_counter()
    for path in sorted(folder.glob("*.txt")):
        result = linter.lint_path(path)
        if result.error:
            print(f"{path.name}: {result.error}", file=sys.stderr)
            continue
        chars += len(path.read_text(encoding="utf-8"))
        findings[path.name] = result.findings
    return findings, chars, time.perf_counter() - started


def matching(row: dict[str, str], found: list) -> list:
    """The findings that :func:`matches` the row."""
    return [f for f in found if matches(row, [f])]


def matches(row: dict[str, str], found: list) -> bool:
    """A finding of the row's category that starts on its line and overlaps its span, or spans its line."""
    line, col = int(row["line"]), int(row["column"])
    end = (int(row.get("end_line") or line), int(row.get("end_column") or col + 1))
    end = max(end, (line, col + 1))
    for f in found:
        if (
            f.category == row["category"]
            and f.line == line
            and (f.line, f.column) < end
            and (f.end_line, f.end_column) > (line, col)
        ):
            return True
    return False


def unique(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per judged finding: a finding judged in several lists counts once (the first list wins)."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for row in rows:
        key = (row["file"], row["line"], row["column"], row["category"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--judged", type=Path, nargs="*", default=[HERE / "judged.tsv", HERE / "survey.tsv"])
    ap.add_argument("--show", help="print the findings of this category (file:line, message)")
    ap.add_argument("--year", type=int, help="lint every report as of this year (default: each report's own)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus}: not a folder")

    findings, chars, seconds = lint_corpus(args.corpus, args.year)
    per10k = 1e4 / max(chars, 1)
    total: Counter[str] = Counter()
    warn: Counter[str] = Counter()
    for found in findings.values():
        for f in found:
            total[f.category] += 1
            if f.severity >= Severity.WARNING:
                warn[f.category] += 1

    judged = [r for r in unique(load_judged(args.judged)) if r["file"] in findings]
    back: dict[str, Counter[str]] = defaultdict(Counter)  # category -> verdict -> still reported
    judged_n: dict[str, Counter[str]] = defaultdict(Counter)
    for row in judged:
        judged_n[row["category"]][row["verdict"]] += 1
        if matches(row, findings[row["file"]]):
            back[row["category"]][row["verdict"]] += 1

    headline = sum(n for c, n in warn.items() if c not in EXCLUDED) * per10k
    # The reading list: judged false alarms that are back, per 10,000 of its characters, and at error.
    reading = {f"{n}.txt" for n in READING_LIST} & set(findings)
    reading_chars = sum(len((args.corpus / name).read_text(encoding="utf-8")) for name in reading)
    false_back = [
        f
        for row in judged
        if row["file"] in reading and row["verdict"] == "false"
        for f in matching(row, findings[row["file"]])
    ]
    reading_false = len(false_back) * 1e4 / max(reading_chars, 1)
    reading_false_error = sum(f.severity == Severity.ERROR for f in false_back)
    cats = sorted(set(total) | set(judged_n))
    figures = {
        "files": len(findings),
        "chars": chars,
        "seconds": round(seconds, 1),
        "warning_plus_outside_width_and_space_per_10k": round(headline, 2),
        "reading_list_judged_false_back_per_10k": round(reading_false, 2),
        "reading_list_judged_false_back_at_error": reading_false_error,
        "categories": {
            c: {
                "findings": total[c],
                "per_10k": round(total[c] * per10k, 2),
                "warning_plus_per_10k": round(warn[c] * per10k, 2),
                "judged_false": judged_n[c]["false"],
                "false_back": back[c]["false"],
                "judged_true": judged_n[c]["true"],
                "true_kept": back[c]["true"],
            }
            for c in cats
        },
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        print(f"{len(findings)} reports, {chars:,} characters, linted in {seconds:.1f} s")
        print(f"warning-and-above outside {' and '.join(EXCLUDED)}: {headline:.2f} per 10,000 characters")
        print(
            f"reading list ({len(reading)} reports, {reading_chars:,} characters): judged false alarms back "
            f"{len(false_back)} = {reading_false:.2f} per 10,000 characters, {reading_false_error} at error\n"
        )
        print(
            f"{'category':<26}{'findings':>9}{'/10k':>7}{'warn+/10k':>10}   {'judged false: back':>19}   {'judged true: kept':>18}"
        )
        for c, v in figures["categories"].items():
            fb = f"{v['false_back']}/{v['judged_false']}" if v["judged_false"] else "-"
            tk = f"{v['true_kept']}/{v['judged_true']}" if v["judged_true"] else "-"
            print(
                f"{c:<26}{v['findings']:>9}{v['per_10k']:>7}{v['warning_plus_per_10k']:>10}   {fb:>19}   {tk:>18}"
            )
    if args.show:
        for name, found in findings.items():
            for f in found:
                if f.category == args.show:
                    print(f"{name}:{f.line}:{f.column}: {f.severity.label} {f.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
