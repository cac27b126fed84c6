#!/usr/bin/env python
"""Recall of name-variant on place names miswritten in real reports, and its false alarms.

    python benchmarks/inject_names.py [CORPUS_DIR] [--seed 7] [--show-missed 20] [--show-found]

Not part of the test run. In every report of the corpus (default ../shared/corpus/reports beside
the repository) it takes each place name the rule recognises (two characters and 区, 县, 镇, 乡
or 街道) that the report writes at least three times, and rewrites one of its uses in report
text (not in web-page furniture, which no rule reports on) with one of
the two characters changed to another character of the same reading (南山区 → 难山区), or with
``--near`` one that fuzzy-pinyin input types alike (南山区 → 南三区), as a drafter's slip of the input
method would. The character is drawn from the characters of the
corpus with that reading; a change that makes a form the report already contains is skipped.
Each changed report is linted with only name-variant selected; the slip is found when a finding
covers it. It prints the findings on the untouched corpus (each one to be read), the recall, and
with ``--show-missed`` the slips not found.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

from reportlint import Config, Linter
from reportlint.analysis import Analysis
from reportlint.kinds.names import NamesKind, NamesParams, _fuzzy
from reportlint.lang.pinyin import readings
from reportlint.readers import reader_named
from reportlint.textutil import is_han

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "reports"
CATEGORY = "name-variant"


def sound(reading: str, near: bool) -> str:
    return _fuzzy(reading) if near else reading


def homophones(texts: list[str], near: bool) -> dict[str, list[str]]:
    """For each reading (fuzzy-pinyin reading with ``near``), the characters of ``texts`` that have it."""
    by_reading: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for ch in set(text):
            if is_han(ch):
                for r in readings(ch):
                    by_reading[sound(r, near)].add(ch)
    return {r: sorted(chars) for r, chars in by_reading.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-uses", type=int, default=3, help="only places the report writes this often")
    ap.add_argument(
        "--near", action="store_true", help="also readings alike by fuzzy pinyin (南山区 → 南三区)"
    )
    ap.add_argument("--show-missed", type=int, default=0, metavar="N")
    ap.add_argument("--show-found", action="store_true", help="print the findings on the untouched corpus")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus}: not a folder")

    paths = sorted(args.corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    sounds = homophones(texts, args.near)
    kind = NamesKind(NamesParams(reasons={"homophone": "读音相同", "lookalike": "字形相近"}))
    linter = Linter(Config(select=[CATEGORY]))
    rng = random.Random(args.seed)
    untouched: list[str] = []
    total = found = 0
    missed: list[str] = []
    for path, text in zip(paths, texts, strict=True):
        for f in linter.lint_text(text, str(path)):
            untouched.append(f"{path.name}:{f.line}:{f.column}: {f.message}")
        places = sorted(kind.places(text, min_uses=args.min_uses))
        noise = Analysis(reader_named("txt").parse(text, str(path))).noise  # type: ignore[attr-defined]
        for place in places:
            uses = [i for i in range(len(text)) if text.startswith(place, i)]
            if len(uses) < args.min_uses:
                continue
            uses = [i for i in uses if not any(s <= i < e for s, e in noise)]  # not web-page furniture
            if not uses:
                continue
            at = rng.choice(uses)
            k = rng.randrange(2)
            choices = sorted(
                {c for r in readings(place[k]) for c in sounds.get(sound(r, args.near), ()) if c != place[k]}
            )
            rng.shuffle(choices)
            for ch in choices:
                variant = place[:k] + ch + place[k + 1 :]
                if variant not in text:
                    break
            else:
                continue
            new = text[: at + k] + ch + text[at + k + 1 :]
            total += 1
            if any(f.start <= at + k < f.end for f in linter.lint_text(new, str(path))):
                found += 1
            else:
                missed.append(
                    f"{path.name}: {place} → {variant}: {new[max(0, at - 8) : at + len(place) + 8]!r}"
                )

    print(f"untouched corpus: {len(untouched)} findings (read them: a real variant or a false alarm)")
    if args.show_found:
        for line in untouched:
            print("  " + line)
    print(f"places miswritten: {total}, found {found}, recall {found / max(total, 1):.3f}")
    for line in missed[: args.show_missed]:
        print("  missed " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
