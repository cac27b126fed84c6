#!/usr/bin/env python
"""Recall of repeated-char on doubled characters injected into real reports, and its false alarms.

    python benchmarks/inject_doubled.py [CORPUS_DIR] [--seed 7] [--per-doc 12] [--show-missed 30] [--show-found]

Not part of the test run. For every report of the corpus (default ../shared/corpus/reports
beside the repository) it picks up to ``--per-doc`` body paragraphs (running text, as the
analysis classifies them, of ≥ 30 Han characters), one dictionary word of 2–4 Han characters in each (jieba's segmentation), and
types one of the word's characters twice (经济 → 经经济 / 经济济), as a drafter's slip would.
Injections that would make three copies in a row are skipped. The document is linted once
with only repeated-char selected; an injection is found when a finding covers one of its two
copies. It prints:

- the findings on the untouched corpus (every one is read by hand: true slip or false alarm);
- recall over all injections, and by the position of the doubled character in its word;
- with ``--show-missed``, missed injections with their context.

The same seed gives the same injections. Compare figures from one machine and one corpus.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import regex

from reportlint import Config, Linter
from reportlint.analysis import Analysis
from reportlint.readers import reader_named
from reportlint.textutil import is_han, is_word, segment

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "reports"
CATEGORY = "repeated-char"
_HAN = regex.compile(r"\p{Han}")


def candidates(line: str) -> list[tuple[int, str]]:
    """(offset, word) of the dictionary words of 2-4 Han characters in ``line``."""
    out = []
    offset = 0
    for tok in segment(line):
        if 2 <= len(tok) <= 4 and all(is_han(c) for c in tok) and is_word(tok):
            out.append((offset, tok))
        offset += len(tok)
    return out


def inject(text: str, rng: random.Random, per_doc: int) -> tuple[str, list[tuple[int, str, int]]]:
    """The text with slips typed in, and (offset of the first copy, word, index in word) of each."""
    doc = reader_named("txt").parse(text, "<corpus>")  # type: ignore[attr-defined]
    prose = [p for p in Analysis(doc).body if len(_HAN.findall(p.text)) >= 30]
    chosen = sorted(rng.sample(range(len(prose)), min(per_doc, len(prose))))
    picks: list[tuple[int, str, int]] = []  # (offset in the original text, word, index)
    for k in chosen:
        line = prose[k].text
        words = candidates(line)
        rng.shuffle(words)
        for at, word in words:
            index = rng.randrange(len(word))
            p = at + index
            if (p > 0 and line[p - 1] == line[p]) or (p + 1 < len(line) and line[p + 1] == line[p]):
                continue  # would make three in a row, or touches a doubling already there
            picks.append((prose[k].start + p, word, index))
            break
    out = []
    last = 0
    injected = []
    for shift, (p, word, index) in enumerate(picks):
        out.append(text[last : p + 1])
        out.append(text[p])
        last = p + 1
        injected.append((p + shift, word, index))
    out.append(text[last:])
    return "".join(out), injected


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-doc", type=int, default=12, help="injections per report (one per paragraph)")
    ap.add_argument("--show-missed", type=int, default=0, metavar="N", help="print N missed injections")
    ap.add_argument("--show-found", action="store_true", help="print the findings on the untouched corpus")
    ap.add_argument("--ignore", action="append", default=[], metavar="RULE", help="leave a rule or pack out")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus}: not a folder")

    linter = Linter(Config(select=[CATEGORY], ignore=args.ignore))
    rng = random.Random(args.seed)
    untouched: list[str] = []
    total = found = 0
    by_place: Counter[str] = Counter()
    found_by_place: Counter[str] = Counter()
    missed: list[str] = []
    for path in sorted(args.corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for f in linter.lint_text(text, str(path)):
            untouched.append(f"{path.name}:{f.line}:{f.column}: {text[max(0, f.start - 8) : f.end + 8]!r}")
        new, injected = inject(text, rng, args.per_doc)
        spans = [(f.start, f.end) for f in linter.lint_text(new, str(path))]
        for p, word, index in injected:
            place = "first" if index == 0 else "last" if index == len(word) - 1 else "middle"
            total += 1
            by_place[place] += 1
            if any(s < p + 2 and e > p for s, e in spans):
                found += 1
                found_by_place[place] += 1
            else:
                missed.append(f"{path.name}: {word} → {new[max(0, p - 8) : p + 10]!r}")

    print(f"untouched corpus: {len(untouched)} findings (read them: a true slip or a false alarm)")
    if args.show_found:
        for line in untouched:
            print("  " + line)
    print(f"injections: {total}, found {found}, recall {found / max(total, 1):.3f}")
    for place in ("first", "middle", "last"):
        n = by_place[place]
        print(
            f"  {place:<7} character doubled: {found_by_place[place]}/{n} = {found_by_place[place] / max(n, 1):.3f}"
        )
    for line in missed[: args.show_missed]:
        print("  missed " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
