#!/usr/bin/env python3
"""Error-injection benchmark: recall per category on real reports, false alarms on the originals.

    python benchmarks/inject.py                      # corpus ../shared/corpus/reports, seed 1
    python benchmarks/inject.py --seed 7 --per-doc 2 --docs 60 --keep /tmp/inj

The reports are copied to a temporary folder and linted untouched (every finding of the
``--new`` pack there is a false alarm or a real error in a published report: the list is
written to ``--findings`` for reading). Then each report gets injected errors with a fixed
seed, one per line, and is linted again with ``reportlint check --format json``; an injected
error counts as found when a finding of its category overlaps its span (the lines around it
for breaks). Injections that a report offers no place for are counted as skipped, with why.

Not part of the test suite (it lints the whole corpus twice: minutes).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import regex
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlint.analysis import Analysis  # noqa: E402
from reportlint.kinds.names import SURNAMES  # noqa: E402
from reportlint.lang import confusion  # noqa: E402
from reportlint.lang.typos import FUNCTION_CHARS, Detector  # noqa: E402
from reportlint.lang.vote import proper_nouns  # noqa: E402
from reportlint.readers import reader_named  # noqa: E402

HAN = regex.compile(r"\p{Han}")
_PLACE = regex.compile(r"(?<=[^\p{Han}]|^|[省市区县州])(\p{Han}{2,3})(省|市|区|县|镇|街道|乡)")
_ORG = regex.compile(
    r"(?<=[^\p{Han}]|^|[省市区县])(\p{Han}{2,4})(集团|公司|大学|学院|医院|公园|机场|水库|大桥|景区|园区)"
)
_TITLE = r"(?:主任|书记|市长|区长|县长|省长|院长|检察长|局长|镇长|主席|总理)"
_PERSON = regex.compile(
    rf"{_TITLE}[ \u3000]?(\p{{Han}}{{2,3}}?)(?=同志|在|的|、|，|。|\s|$|主持|讲话|指出|强调)"
)
_PERSON_NAMES = regex.compile("(?!)")
_NOISE = regex.compile(r"来源|责任编辑|编辑|作者|时间|发布|浏览|字号|分享|打印|相关|版权|链接|首页|当前位置")


@dataclass
class Injection:
    file: str
    category: str  # benchmark category (row of the table)
    expect: str  # finding category that must overlap
    line: int  # 0-based index into the original lines
    block: list[str]  # replacement lines
    sub: int  # which line of the block holds the error
    col: int  # 0-based start column in that line
    end: int  # 0-based end column (exclusive)
    span_lines: int = 0  # extra lines the error covers (breaks)
    detail: str = ""
    final_line: int = 0  # 1-based line in the injected file


class Doc:
    def __init__(self, name: str, text: str, year: int | None, det: Detector, rng: random.Random):
        self.name, self.text, self.year, self.det, self.rng = name, text, year, det, rng
        self.lines = text.split("\n")
        self.used: set[int] = set()
        # Web-page furniture (link lists, toolbars) is never checked: no injection goes there.
        analysis = Analysis(reader_named("txt").parse(text, name))
        starts = [0]
        for line in self.lines:
            starts.append(starts[-1] + len(line) + 1)
        self.furniture = {
            i
            for i in range(len(self.lines))
            if any(a < starts[i + 1] and starts[i] < b for a, b in analysis.noise)
        }

    def prose(self, min_han: int = 20) -> list[int]:
        """Indices of body lines: long, punctuated, no web-page words, not used yet."""
        out = []
        for i, line in enumerate(self.lines):
            if (
                i in self.used
                or i in self.furniture
                or len(HAN.findall(line)) < min_han
                or "。" not in line
                and "，" not in line
            ):
                continue
            if _NOISE.search(line):
                continue
            out.append(i)
        self.rng.shuffle(out)
        return out

    def words(
        self, line: str, sizes: tuple[int, ...] = (2, 3, 4), min_freq: int = 100
    ) -> list[tuple[int, str]]:
        out = []
        for m in regex.finditer(r"\p{Han}+", line):
            for a, b in self.det.segment(m.group())[0]:
                w = m.group()[a:b]
                if len(w) in sizes and self.det.count(w) >= min_freq:
                    out.append((m.start() + a, w))
        self.rng.shuffle(out)
        return out


Result = Injection | str  # an injection, or why it was skipped


def _replace(
    doc: Doc, cat: str, expect: str, i: int, col: int, old: str, new: str, detail: str = ""
) -> Injection:
    line = doc.lines[i]
    assert line[col : col + len(old)] == old
    doc.used.add(i)
    return Injection(
        doc.name,
        cat,
        expect,
        i,
        [line[:col] + new + line[col + len(old) :]],
        0,
        col,
        col + max(len(new), 1),
        detail=detail or f"{old}->{new}",
    )


def _typo(doc: Doc, cat: str, how: str) -> Result:
    for i in doc.prose():
        for col, w in doc.words(doc.lines[i], (3, 4) if how == "missing" else (2, 3, 4)):
            k = doc.rng.randrange(len(w))
            if how == "missing":
                new = w[:k] + w[k + 1 :]
            elif how == "doubled":
                new = w[: k + 1] + w[k] + w[k + 1 :]
            else:
                pool = _substitutes(doc, w[k], how)
                if not pool:
                    continue
                new = w[:k] + doc.rng.choice(pool) + w[k + 1 :]
            if doc.det.freq.get(new) or new in doc.text:
                continue  # must make a non-word
            expect = "repeated-char" if how == "doubled" else "misused-word"
            return _replace(doc, cat, expect, i, col, w, new)
    return "no frequent word to change"


ANY_SUBSTITUTE = False


def _substitutes(doc: Doc, ch: str, how: str) -> list[str]:
    """What a drafter types for ``ch``: a homophone from the input method's first page (the ten most
    frequent characters of its reading), or a common look-alike; with --any-substitute, any of them."""
    freq = doc.det.freq
    if how == "homophone":
        pool = set()
        for r in confusion.readings(ch):
            chars = sorted(confusion._homophone_table()[1].get(r, ""), key=lambda c: -(freq.get(c) or 0))
            pool.update(chars if ANY_SUBSTITUTE else chars[:10])
        pool.discard(ch)
    else:
        pool = {c for c in confusion.look_alikes(ch) if ANY_SUBSTITUTE or (freq.get(c) or 0) >= 500}
    return sorted(c for c in pool if freq.get(c))


def _is_name(doc: Doc, core: str, whole: str) -> bool:
    """A real name, not a phrase ending in 市/区 (优化城市, 全省城乡): the whole or its core is one
    of jieba's proper nouns, or the core is no word at all (垛石)."""
    nouns = proper_nouns()
    if whole in nouns:
        return True
    if (
        regex.search(r"[一二三四五六七八九十百千万两]", core)
        or doc.det.count(whole[len(core) - 1 : len(core) + 1]) >= 100
    ):
        return False  # 三城一区, 个社区, 占全市, 成渝地区: a count or a common word ending in the suffix
    if core in nouns:
        return True
    tokens = [core[a:b] for a, b in doc.det.segment(core)[0]]
    if all(len(t) == 1 for t in tokens):
        return not doc.det.freq.get(core) and not any(t in FUNCTION_CHARS for t in tokens)  # 垛石
    return len(core) >= 3 and tokens[0] in nouns  # 香港中文(大学)


def _name(doc: Doc, cat: str, pattern: regex.Pattern[str]) -> Result:
    counts = collections.Counter(m.group() for m in pattern.finditer(doc.text))
    names = sorted(n for n, c in counts.items() if c >= 4)  # still used 3 times after the change
    if pattern is not _PERSON_NAMES:
        names = [
            n
            for m in [pattern.fullmatch(n) for n in names]
            if m and _is_name(doc, m.group(1), n := m.group())
        ]
    doc.rng.shuffle(names)
    for name in names:
        core = len(name) - (
            2
            if name.endswith(
                (
                    "街道",
                    "集团",
                    "公司",
                    "大学",
                    "学院",
                    "医院",
                    "公园",
                    "机场",
                    "水库",
                    "大桥",
                    "景区",
                    "园区",
                )
            )
            else 1
        )
        if pattern is _PERSON_NAMES:
            core = len(name)
        for k in doc.rng.sample(range(core), core):
            pool = sorted(
                set(_substitutes(doc, name[k], "homophone")) | set(_substitutes(doc, name[k], "look-alike"))
            )
            if not pool:
                continue
            new = name[:k] + doc.rng.choice(pool) + name[k + 1 :]
            if doc.det.freq.get(new) or new in doc.text:
                continue
            spots = [
                (i, m.start())
                for i, line in enumerate(doc.lines)
                if i not in doc.used and i not in doc.furniture
                for m in regex.finditer(regex.escape(name), line)
            ]
            if not spots:
                continue
            i, col = doc.rng.choice(spots)
            return _replace(doc, cat, "name-variant", i, col, name, new)
    return "no name used 4 times"


def _person(doc: Doc, cat: str) -> Result:
    counts = collections.Counter(m.group(1) for m in _PERSON.finditer(doc.text) if m.group(1)[0] in SURNAMES)
    names = [n for n, c in counts.items() if c >= 4 and doc.text.count(n) >= 4]
    if not names:
        return "no person named 4 times beside a title"
    global _PERSON_NAMES
    _PERSON_NAMES = regex.compile("|".join(regex.escape(n) for n in names))
    return _name(doc, cat, _PERSON_NAMES)


def _sub_first(
    doc: Doc,
    cat: str,
    expect: str,
    pattern: str,
    new: str | Callable[[str], str],
    why: str,
    lines: list[int] | None = None,
) -> Result:
    pat = regex.compile(pattern)
    for i in lines if lines is not None else doc.prose(10):
        m = pat.search(doc.lines[i])
        if m:
            repl = new(m.group()) if callable(new) else new
            return _replace(doc, cat, expect, i, m.start(), m.group(), repl)
    return why


def _duplicate(doc: Doc, cat: str) -> Result:
    """The paragraph pasted again right after itself (a blank line between if the text has them)."""
    for i in doc.prose(60):
        if i + 1 >= len(doc.lines) or i + 1 in doc.used:
            continue
        doc.used.update({i, i + 1})
        line = doc.lines[i]
        block = [line, "", line] if not doc.lines[i + 1].strip() else [line, line]
        return Injection(doc.name, cat, "duplicate-paragraph", i, block, len(block) - 1, 0, len(line))
    return "no long paragraph"


def _broken(doc: Doc, cat: str) -> Result:
    for i in doc.prose(60):
        line = doc.lines[i]
        for col, w in doc.words(line, (2, 3, 4)):
            if col < len(line) // 3 or col > len(line) * 2 // 3:
                continue
            cut = col + 1
            indent = regex.match(r"[ \u3000\t]*", line).group()
            doc.used.add(i)
            return Injection(
                doc.name,
                cat,
                "broken-paragraph",
                i,
                [line[:cut], "", indent + line[cut:]],
                0,
                0,
                cut,
                span_lines=2,
                detail=w,
            )
    return "no long paragraph"


def _end_punct(doc: Doc, cat: str) -> Result:
    for i in doc.prose(40):
        line = doc.lines[i].rstrip()
        if line.endswith("。") and HAN.match(line[-2:-1] or "x"):
            inj = _replace(doc, cat, "missing-end-punctuation", i, len(line) - 1, "。", "")
            inj.col, inj.end = len(line) - 2, len(line) - 1  # the paragraph's new last character
            return inj
    return "no paragraph ending in 。"


def _unpaired(doc: Doc, cat: str) -> Result:
    for i in doc.prose(10):
        m = regex.search(r"“[^“”]{2,12}”", doc.lines[i])
        if m and doc.lines[i].count("“") == 1:
            inj = _replace(doc, cat, "unpaired-punctuation", i, m.end() - 1, "”", "")
            inj.col, inj.end = m.start(), m.end() - 1
            return inj
    return "no quoted phrase"


def _headings(doc: Doc, cat: str) -> Result:
    marks = [
        (i, m.group(1))
        for i, line in enumerate(doc.lines)
        if (m := regex.match(r"[ \u3000]*（([一二三四五六七八九])）", line))
    ]
    nums = "一二三四五六七八九"
    for (_i, a), (j, b) in zip(marks, marks[1:], strict=False):
        if nums.index(b) == nums.index(a) + 1 and nums.index(b) + 1 < len(nums) and j not in doc.used:
            col = doc.lines[j].index("（")
            return _replace(
                doc, cat, "heading-sequence", j, col, f"（{b}）", f"（{nums[nums.index(b) + 1]}）"
            )
    return "no （一）（二） sequence"


def _term(doc: Doc, cat: str) -> Result:
    for std, var in (("作出", "做出"), ("当家作主", "当家做主"), ("民主法治", "民主法制")):
        hits = [i for i in doc.prose(10) if std in doc.lines[i]]
        if doc.text.count(std) >= 2 and var not in doc.text and hits:
            i = hits[0]
            return _replace(doc, cat, "term-variant", i, doc.lines[i].index(std), std, var)
    return "no term used twice in its standard form"


def _outdated(doc: Doc, cat: str) -> Result:
    if not doc.year or doc.year < 2019:
        return "report before 2019"
    for i in doc.prose(20):
        line = doc.lines[i]
        if "一府一委两院" in line:
            return _replace(
                doc, cat, "outdated-term", i, line.index("一府一委两院"), "一府一委两院", "一府两院"
            )
        col = line.find("。")
        if col > 0:
            inj = _replace(doc, cat, "outdated-term", i, col + 1, "", "自觉接受“一府两院”监督。")
            inj.col, inj.end = col + 6, col + 10
            return inj
    return "no sentence"


@dataclass
class _Table:
    pairs: list[tuple[str, str]]


def _misused_table() -> _Table:
    data = yaml.safe_load((ROOT / "rules" / "misused-words.yaml").read_text(encoding="utf-8"))
    pairs = []
    for rule in data["rules"]:
        for e in rule.get("table", []):
            rights = e["right"] if isinstance(e["right"], list) else [e["right"]]
            pairs += [(r, e["wrong"]) for r in rights if len(r) >= 2]
    return _Table(pairs)


def _misused(doc: Doc, cat: str, table: _Table) -> Result:
    pairs = list(table.pairs)
    doc.rng.shuffle(pairs)
    lines = doc.prose(10)
    for right, wrong in pairs:
        for i in lines:
            if right in doc.lines[i]:
                return _replace(doc, cat, "misused-word", i, doc.lines[i].index(right), right, wrong)
    return "no word of the table"


def _list_punct(doc: Doc, cat: str) -> Result:
    for i in doc.prose(10):
        m = regex.search(r"“[^“”]{2,10}”、“[^“”]{2,10}”、“[^“”]{2,10}”", doc.lines[i])
        if m:
            k = m.group().rindex("、")
            inj = _replace(doc, cat, "list-punctuation", i, m.start() + k, "、", "")
            inj.col, inj.end = m.start(), m.end() - 1
            return inj
    return "no list of three quoted items"


def injectors(table: _Table) -> dict[str, Callable[[Doc, str], Result]]:
    han2 = r"(?<=\p{Han})"
    return {
        "typo-homophone": lambda d, c: _typo(d, c, "homophone"),
        "typo-look-alike": lambda d, c: _typo(d, c, "look-alike"),
        "doubled-in-word": lambda d, c: _typo(d, c, "doubled"),
        "missing-char": lambda d, c: _typo(d, c, "missing"),
        "place-name": lambda d, c: _name(d, c, _PLACE),
        "org-name": lambda d, c: _name(d, c, _ORG),
        "person-name": _person,
        "placeholder": lambda d, c: _sub_first(
            d, c, "placeholder", r"(?<![\d.])\d{1,2}(?=次)", "x", "no N次"
        ),
        "punctuation-width": lambda d, c: _sub_first(
            d, c, "punctuation-width", rf"{han2}，(?=\p{{Han}})", ",", "no ，"
        ),
        "stray-latin": lambda d, c: _sub_first(
            d, c, "stray-latin", rf"{han2}和(?=\p{{Han}})", " and ", "no 和"
        ),
        "duplicate-paragraph": _duplicate,
        "traditional-char": lambda d, c: _sub_first(
            d, c, "traditional-char", r"发展|经济|会议|实现|项目", _t2s, "no common word"
        ),
        "broken-paragraph": _broken,
        "repeated-char": lambda d, c: _sub_first(
            d, c, "repeated-char", rf"{han2}的(?=\p{{Han}})", "的的", "no 的"
        ),
        "heading-sequence": _headings,
        "cjk-space": lambda d, c: _sub_first(
            d, c, "cjk-space", r"(?<=\p{Han}{4})(?=\p{Han}{4})", " ", "no text"
        ),
        "unpaired-punctuation": _unpaired,
        "missing-end-punctuation": _end_punct,
        "term-variant": _term,
        "outdated-term": _outdated,
        "misused-word": lambda d, c: _misused(d, c, table),
        "list-punctuation": _list_punct,
    }


def _t2s(word: str) -> str:
    return {"发展": "發展", "经济": "經濟", "会议": "會議", "实现": "實現", "项目": "項目"}[word]


NEW_CATEGORIES = (
    "typo-homophone",
    "typo-look-alike",
    "doubled-in-word",
    "missing-char",
    "place-name",
    "org-name",
    "person-name",
)


def inject(doc: Doc, per_doc: int, table: _Table) -> tuple[str, list[Injection], list[tuple[str, str]]]:
    """The injected text, the injections (with final lines) and the skipped (category, why)."""
    done: list[Injection] = []
    skipped: list[tuple[str, str]] = []
    for cat, fn in injectors(table).items():
        for _ in range(per_doc):
            r = fn(doc, cat)
            if isinstance(r, str):
                skipped.append((cat, r))
                break
            done.append(r)
    by_line = {inj.line: inj for inj in done}
    out: list[str] = []
    for i, line in enumerate(doc.lines):
        inj = by_line.get(i)
        if inj is None:
            out.append(line)
            continue
        inj.final_line = len(out) + inj.sub + 1
        out.extend(inj.block)
    return "\n".join(out), done, skipped


def lint(files: list[Path], exe: list[str]) -> tuple[dict[str, list[dict]], list[str]]:
    """Findings per file name, and files that made the linter fail (linted alone, then dropped)."""
    chunks = [files[i : i + 20] for i in range(0, len(files), 20)]
    failed: list[str] = []

    def run(chunk: list[Path]) -> dict[str, list[dict]]:
        proc = subprocess.run(
            [*exe, "check", "--format", "json", *map(str, chunk)], capture_output=True, text=True
        )
        if proc.stdout.strip():
            return {Path(f["path"]).name: f["findings"] for f in json.loads(proc.stdout)["files"]}
        if len(chunk) == 1:
            failed.append(f"{chunk[0].name}: {proc.stderr.strip()[-200:]}")
            return {}
        half = len(chunk) // 2  # one bad report stops the command: halve until it stands alone
        return {**run(chunk[:half]), **run(chunk[half:])}

    result: dict[str, list[dict]] = {}
    with ThreadPoolExecutor(2) as pool:
        for part in pool.map(run, chunks):
            result.update(part)
    return result, failed


def overlaps(f: dict, inj: Injection) -> bool:
    if f["category"] != inj.expect:
        return False
    a = (inj.final_line, inj.col + 1)
    b = (inj.final_line + inj.span_lines, (inj.end if not inj.span_lines else 10**9) + 1)
    fa = (f["line"], f["column"])
    fb = (f.get("end_line", f["line"]), f.get("end_column", f["column"] + 1))
    if inj.span_lines:
        return fa[0] <= b[0] and fb[0] >= a[0]
    return fa < b and fb > a or fa == a


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-doc", type=int, default=1, help="injections per category per report")
    ap.add_argument("--docs", type=int, default=0, help="only the first N reports (0: all)")
    ap.add_argument(
        "--new", default="zh-typos.", help="rule-id prefix of the checks whose false alarms count"
    )
    ap.add_argument(
        "--findings", type=Path, default=None, help="write the new checks' findings on the originals (TSV)"
    )
    ap.add_argument("--keep", type=Path, default=None, help="keep the copies and the injection list here")
    ap.add_argument(
        "--exe", default=None, help="the reportlint command (default: this Python's -m reportlint)"
    )
    ap.add_argument(
        "--any-substitute",
        action="store_true",
        help="draw typo substitutes from every homophone / look-alike, not the input method's first page",
    )
    ap.add_argument(
        "--inject-only", action="store_true", help="write the copies and injections.tsv, lint nothing"
    )
    args = ap.parse_args()
    global ANY_SUBSTITUTE
    ANY_SUBSTITUTE = args.any_substitute

    files = sorted(args.corpus.glob("*.txt"))
    if args.docs:
        files = files[: args.docs]
    years = {}
    sources = args.corpus.parent / "SOURCES.tsv"
    if sources.exists():
        for row in csv.DictReader(sources.open(encoding="utf-8"), delimiter="\t"):
            years[row["file"]] = int(row["year"]) if row.get("year", "").isdigit() else None
    work = Path(tempfile.mkdtemp(prefix="inject-")) if args.keep is None else args.keep
    (work / "orig").mkdir(parents=True, exist_ok=True)
    (work / "inj").mkdir(parents=True, exist_ok=True)
    det = Detector()
    table = _misused_table()
    all_inj: list[Injection] = []
    skipped: collections.Counter[tuple[str, str]] = collections.Counter()
    chars = 0
    for k, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        (work / "orig" / path.name).write_text(text, encoding="utf-8")
        doc = Doc(path.name, text, years.get(path.name), det, random.Random(f"{args.seed}-{k}-{path.name}"))
        new_text, injs, skips = inject(doc, args.per_doc, table)
        (work / "inj" / path.name).write_text(new_text, encoding="utf-8")
        all_inj += injs
        skipped.update(skips)
    if args.inject_only:
        with (work / "injections.tsv").open("w", encoding="utf-8") as fh:
            for inj in all_inj:
                fh.write(f"{inj.file}\t{inj.final_line}\t{inj.category}\t{inj.expect}\t{inj.detail}\n")
        print(f"{len(all_inj)} injections in {work}")
        return 0
    exe = [args.exe] if args.exe else [sys.executable, "-m", "reportlint"]
    orig, failed_o = lint(sorted((work / "orig").glob("*.txt")), exe)
    injd, failed_i = lint(sorted((work / "inj").glob("*.txt")), exe)
    bad = {s.split(":")[0] for s in failed_o + failed_i}

    # false alarms of the new checks on the untouched reports
    new_findings = [
        (name, f)
        for name, fs in orig.items()
        if name not in bad
        for f in fs
        if f["rule"].startswith(args.new)
    ]
    if args.findings:
        with args.findings.open("w", encoding="utf-8") as fh:
            fh.write("file\tline\texcerpt\trule\tmessage\n")
            for name, f in sorted(new_findings, key=lambda t: (t[0], t[1]["line"], t[1]["column"])):
                line = (args.corpus / name).read_text(encoding="utf-8").split("\n")[f["line"] - 1]
                c = f["column"] - 1
                excerpt = line[max(0, c - 6) : c + 14]
                fh.write(f"{name}\t{f['line']}\t{excerpt}\t{f['rule']}\t{f['message']}\n")
    # recall per category
    rows = collections.defaultdict(lambda: [0, 0, 0])  # found, injected, found without the new checks
    missed = collections.defaultdict(list)
    for inj in all_inj:
        if inj.file in bad:
            skipped[(inj.category, "linter failed on the report")] += 1
            continue
        hits = [f for f in injd.get(inj.file, []) if overlaps(f, inj)]
        hit = bool(hits)
        rows[inj.category][0] += hit
        rows[inj.category][1] += 1
        rows[inj.category][2] += any(not f["rule"].startswith(args.new) for f in hits)
        if not hit:
            missed[inj.category].append(f"{inj.file}:{inj.final_line} {inj.detail}")
    if args.keep:
        with (work / "injections.tsv").open("w", encoding="utf-8") as fh:
            for inj in all_inj:
                fh.write(f"{inj.file}\t{inj.final_line}\t{inj.category}\t{inj.expect}\t{inj.detail}\n")
        (work / "missed.json").write_text(json.dumps(missed, ensure_ascii=False, indent=1), encoding="utf-8")

    print(f"reports {len(files)}, characters {chars:,}, seed {args.seed}, per-doc {args.per_doc}")
    print(f"{'category':26} {'injected':>8} {'found':>6} {'recall':>7} {'without new':>12}")
    order = list(injectors(table))
    for cat in order:
        f, n, old = rows.get(cat, (0, 0, 0))
        mark = " *" if cat in NEW_CATEGORIES else ""
        print(f"{cat + mark:26} {n:8d} {f:6d} {f / n if n else 0:7.1%} {old / n if n else 0:12.1%}")
    by_rule = collections.Counter(f["rule"] for _, f in new_findings)
    print(
        f"\nnew checks ({args.new}*) on the untouched reports: {len(new_findings)} findings, "
        f"{len(new_findings) / chars * 10000:.3f} per 10,000 characters"
    )
    for rule, n in by_rule.most_common():
        print(f"  {rule:30} {n}")
    print("\nskipped injections (category: why × reports)")
    for (cat, why), n in sorted(skipped.items()):
        print(f"  {cat}: {why} × {n}")
    for s in sorted(set(failed_o + failed_i)):
        print(f"  linter failed: {s}")
    print(
        f"\n(* = the new checks' own categories; 'without new' = recall of the other rules alone; copies in {work})"
    )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
