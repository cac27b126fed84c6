#!/usr/bin/env python
"""Time reportlint on a large generated corpus of synthetic work reports.

Not part of the test run. See benchmarks/README.md.

    python benchmarks/bench_check.py                  # ~20 MB corpus, library API
    python benchmarks/bench_check.py --mb 50 --cli    # 50 MB, library and the reportlint command
    python benchmarks/bench_check.py --per-rule 10    # and the time of each rule over 10 files
    python benchmarks/bench_check.py --paragraphs     # duplicate-paragraph scaling, N = 1000 … 10000
    python benchmarks/bench_check.py --paragraphs 500 1000 2000

The corpus is written in a temporary folder (or ``--keep DIR``): report files of
about ``--file-kb`` each, mostly UTF-8 .txt, some .md and some GB18030 .txt, made
of report sentences whose numbers, bodies and topics vary at random, with
numbered headings, and a few problems mixed in (template blanks such as ``x次``,
half-width punctuation, stray spaces, 某某, a repeated paragraph).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from reportlint import Config, Linter, ReportlintError
from reportlint.readers.txt import text_document

# --- synthetic report text ----------------------------------------------------------------------

BODIES = [
    "区人大常委会",
    "常委会",
    "主任会议",
    "各专门委员会",
    "代表工作委员会",
    "法制工作委员会",
    "财政经济工作委员会",
    "教育科学文化卫生工作委员会",
    "城乡建设环境保护工作委员会",
    "社会建设工作委员会",
]
TOPICS = [
    "优化营商环境",
    "生态环境保护",
    "义务教育均衡发展",
    "养老服务体系建设",
    "城市更新",
    "乡村振兴",
    "食品药品安全",
    "安全生产",
    "公共文化服务",
    "国有资产管理",
    "预算执行",
    "基层医疗卫生服务",
    "老旧小区改造",
    "河湖长制落实",
    "垃圾分类",
    "退役军人服务保障",
    "就业创业",
    "社区治理",
]
LAWS = [
    "《安全生产法》",
    "《食品安全法》",
    "《消防法》",
    "《未成年人保护法》",
    "《大气污染防治法》",
    "《传染病防治法》",
]
PLACES = ["东城", "西湖", "南山", "北塘", "新华", "长安", "青石", "临江", "白沙", "金桥", "望海", "凤鸣"]
SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗"
GIVEN = "建国平安海燕志强丽华文博晓东春梅永红国庆玉兰德明秀英"

SENTENCES = [
    "{year}年，{body}共召开会议{n}次，听取和审议专项工作报告{m}项，作出决议决定{k}件。",
    "{body}围绕{topic}开展专题调研{n}次，形成调研报告{m}篇，提出意见建议{k}条。",
    "组织各级人大代表{n}人次视察{topic}工作，督促有关部门整改问题{m}个。",
    "听取和审议区人民政府关于{topic}情况的报告，推动解决群众反映强烈的突出问题。",
    "全年共受理群众来信来访{n}件次，按期办结率达到{p}%。",
    "坚持把{topic}作为监督工作的重点，连续{n}年开展跟踪监督，推动相关工作持续改进。",
    "督促区人民政府落实审议意见，{topic}工作取得明显成效，群众满意度提高{p}个百分点。",
    "{body}认真贯彻落实上级关于{topic}的决策部署，依法行使监督权，推动各项工作落地见效。",
    "{place}街道人大工委建立代表联络站{n}个，全年接待群众{m}人次，收集意见建议{k}条。",
    "开展{law}执法检查，检查组深入{n}个镇街、{m}家单位实地察看，提出整改建议{k}条。",
    "{name}等{n}名代表联名提出的关于{topic}的建议，经督办已全部办结。",
    "审查批准{year}年区级财政决算，区级一般公共预算收入{n}亿元，同比增长{p}%。",
    "坚持问题导向，对{topic}中的薄弱环节开展“回头看”，确保审议意见件件有回音。",
    "依法任免国家机关工作人员{n}人次，组织新任命人员进行宪法宣誓。",
    "完善代表履职档案，组织代表参加集中学习培训{n}期，参训代表{m}人次。",
]
CLOSING = "我们将更加紧密地团结在以习近平同志为核心的党中央周围，为全区经济社会高质量发展作出新的更大贡献！"

HAN_DIGITS = "一二三四五六七八九十"


def han_number(i: int) -> str:
    if i <= 10:
        return HAN_DIGITS[i - 1]
    if i < 20:
        return "十" + HAN_DIGITS[i - 11]
    tens, ones = divmod(i, 10)
    return HAN_DIGITS[tens - 1] + "十" + (HAN_DIGITS[ones - 1] if ones else "")


def sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        year=rng.randint(2016, 2024),
        body=rng.choice(BODIES),
        topic=rng.choice(TOPICS),
        law=rng.choice(LAWS),
        place=rng.choice(PLACES),
        name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)),
        n=rng.randint(2, 60),
        m=rng.randint(3, 400),
        k=rng.randint(1, 90),
        p=rng.randint(3, 99),
    )


def body_paragraph(rng: random.Random) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def inject_problem(text: str, rng: random.Random) -> str:
    """Now and then put one typical drafting problem into a paragraph."""
    roll = rng.random()
    if roll < 0.03:  # a template blank
        for unit in ("次", "项", "件", "人次", "个"):
            i = text.find(unit)
            if i > 0 and text[i - 1].isdigit():
                j = i
                while j > 0 and text[j - 1].isdigit():
                    j -= 1
                return text[:j] + rng.choice(["x", "xx", "××"]) + text[i:]
    elif roll < 0.06:  # half-width comma or colon
        return text.replace("，", ",", 1) if rng.random() < 0.8 else text.replace("：", ":", 1)
    elif roll < 0.08:  # a stray space between Chinese characters
        i = rng.randrange(1, max(2, len(text) - 1))
        if "\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i] <= "\u9fff":
            return text[:i] + " " + text[i:]
    elif roll < 0.09:
        return "某某" + text
    return text


def report(rng: random.Random, target_chars: int, markdown: bool) -> str:
    """One report of about ``target_chars`` characters with numbered sections."""
    year = rng.randint(2017, 2024)
    place = rng.choice(PLACES)
    h1 = "# " if markdown else ""
    h2 = "## " if markdown else ""
    sep = "\n\n" if markdown else "\n"
    out = [
        f"{h1}{place}区人民代表大会常务委员会工作报告",
        f"{year + 1}年1月{rng.randint(5, 25)}日",
        "各位代表：",
        f"现在，我代表{place}区人大常委会向大会报告工作，请予审议。",
    ]
    size = sum(map(len, out))
    section = 0
    previous: list[str] = []
    while size < target_chars:
        section += 1
        out.append(f"{h1}{han_number(section)}、{rng.choice(TOPICS)}工作")
        for sub in range(1, rng.randint(2, 5)):
            out.append(
                f"{h2}（{han_number(sub)}）聚焦{rng.choice(TOPICS)}，{rng.choice(['强化', '深化', '加强', '推进'])}依法监督。"
            )
            for _ in range(rng.randint(2, 6)):
                if previous and rng.random() < 0.01:  # a paragraph pasted twice
                    para = rng.choice(previous)
                else:
                    para = inject_problem(body_paragraph(rng), rng)
                    previous.append(para)
                out.append(para)
                size += len(para)
    out.append(CLOSING)
    return sep.join(out) + "\n"


def write_corpus(folder: Path, total_mb: float, file_kb: int, seed: int) -> tuple[int, int]:
    """Write report files until ``total_mb`` is reached; returns (files, bytes)."""
    rng = random.Random(seed)
    target = int(total_mb * 1024 * 1024)
    written = files = 0
    while written < target:
        kind = rng.random()
        markdown = kind < 0.1
        encoding = "gb18030" if 0.1 <= kind < 0.2 else "utf-8"
        text = report(rng, target_chars=file_kb * 1024 // 3, markdown=markdown)
        sub = folder / f"{2017 + files % 8}年" / f"第{files // 50 + 1}批"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"报告{files:05d}.{'md' if markdown else 'txt'}"
        data = text.encode(encoding)
        path.write_bytes(data)
        written += len(data)
        files += 1
    return files, written


# --- timing -------------------------------------------------------------------------------------


def mb(n: int) -> float:
    return n / (1024 * 1024)


def bench_library(folder: Path, total_bytes: int) -> None:
    t0 = time.perf_counter()
    linter = Linter()
    t_build = time.perf_counter() - t0
    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    by_category: Counter[str] = Counter()
    errors = 0
    t0 = time.perf_counter()
    for path in paths:
        result = linter.lint_path(path)
        errors += bool(result.error)
        by_category.update(f.category for f in result.findings)
    elapsed = time.perf_counter() - t0
    print(f"library: Linter() built in {t_build:.2f} s ({len(linter.rules)} active rules)")
    print(
        f"library: {len(paths)} files, {mb(total_bytes):.1f} MB in {elapsed:.2f} s = {mb(total_bytes) / elapsed:.2f} MB/s"
    )
    print(f"library: {sum(by_category.values())} findings, {errors} file errors")
    for category, n in by_category.most_common():
        print(f"    {category:<26} {n}")


def bench_rules(folder: Path, sample: int) -> None:
    """Time each active rule alone over the first ``sample`` files (where does the time go?)."""
    from reportlint.kinds import Context
    from reportlint.readers import read_path

    linter = Linter()
    docs = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file())[:sample]:
        try:
            docs.append(read_path(path))
        except ReportlintError:
            continue
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    times: Counter[str] = Counter()
    for doc in docs:
        ctx = Context(year=doc.effective_year)
        for rule in linter.rules:
            t0 = time.perf_counter()
            for _ in rule.kind.check(doc, ctx):
                pass
            times[rule.full_id] += time.perf_counter() - t0
    total = sum(times.values()) or 1.0
    print(f"per rule: {len(docs)} files, {mb(size):.2f} MB (UTF-8); share of the rules' time:")
    for rule_id, seconds in times.most_common():
        print(f"    {rule_id:<40} {seconds:8.3f} s {100 * seconds / total:6.1f}%")


def bench_cli(folder: Path, total_bytes: int) -> None:
    exe = Path(sys.executable).parent / ("reportlint.exe" if os.name == "nt" else "reportlint")
    command = (
        [str(exe)] if exe.is_file() else [sys.executable, "-c", "from reportlint.cli import main; main()"]
    )
    t0 = time.perf_counter()
    proc = subprocess.run(
        [*command, "check", "--format", "json", str(folder)], capture_output=True, text=True, encoding="utf-8"
    )
    elapsed = time.perf_counter() - t0
    try:
        summary = json.loads(proc.stdout)["summary"]
    except (json.JSONDecodeError, KeyError):
        print(f"cli: exit {proc.returncode}, output is not the JSON contract:\n{proc.stderr[-2000:]}")
        return
    print(
        f"cli: exit {proc.returncode}, {summary['files']} files, {mb(total_bytes):.1f} MB in {elapsed:.2f} s "
        f"= {mb(total_bytes) / elapsed:.2f} MB/s (start-up included), {summary['findings']} findings"
    )


def paragraphs_document(n: int, seed: int) -> str:
    """``n`` distinct body paragraphs, about 1% exact and 1% near copies of earlier ones."""
    rng = random.Random(seed)
    paras: list[str] = []
    while len(paras) < n:
        roll = rng.random()
        if paras and roll < 0.01:
            paras.append(rng.choice(paras))
        elif paras and roll < 0.02:
            base = rng.choice(paras)
            i = rng.randrange(len(base))
            paras.append(base[:i] + rng.choice("的和在对") + base[i + 1 :])
        else:
            paras.append(body_paragraph(rng))
    return "\n".join(paras) + "\n"


def bench_paragraphs(sizes: list[int], seed: int, repeat: int) -> None:
    try:
        linter = Linter(Config(select=["duplicate-paragraph"]))
    except ReportlintError as exc:
        print(f"paragraphs: skipped, no duplicate-paragraph rule is loaded ({exc})")
        return
    if not linter.rules:
        print("paragraphs: skipped, the duplicate-paragraph rules are loaded but none is active")
        return
    print(f"paragraphs: rules {', '.join(r.full_id for r in linter.rules)}; best of {repeat} runs per N")
    print(
        f"    {'N':>7} {'chars':>10} {'seconds':>9} {'ms/para':>8} {'findings':>9} {'time ratio':>11} {'N ratio':>8} {'exponent':>9}"
    )
    prev: tuple[int, float] | None = None
    for n in sizes:
        text = paragraphs_document(n, seed)
        best = math.inf
        found = 0
        for _ in range(repeat):
            doc = text_document(text, f"<{n} paragraphs>")
            t0 = time.perf_counter()
            found = len(linter.lint_document(doc))
            best = min(best, time.perf_counter() - t0)
        row = f"    {n:>7} {len(text):>10} {best:>9.3f} {1000 * best / n:>8.3f} {found:>9}"
        if prev:
            t_ratio = best / prev[1] if prev[1] else math.inf
            n_ratio = n / prev[0]
            exponent = math.log(t_ratio) / math.log(n_ratio) if t_ratio > 0 and n_ratio > 1 else float("nan")
            row += f" {t_ratio:>10.2f}x {n_ratio:>7.2f}x {exponent:>9.2f}"
        print(row)
        prev = (n, best)
    print("    (exponent = log(time ratio) / log(N ratio): 1 is linear, 2 quadratic)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--file-kb", type=int, default=100, help="approximate size of one report file in KB")
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument(
        "--per-rule",
        type=int,
        metavar="FILES",
        default=0,
        help="also time each rule alone over the first FILES files of the corpus",
    )
    parser.add_argument(
        "--cli", action="store_true", help="also time `reportlint check --format json` on the corpus"
    )
    parser.add_argument(
        "--keep", type=Path, help="write the corpus here and keep it (default: a temporary folder)"
    )
    parser.add_argument(
        "--paragraphs",
        type=int,
        nargs="*",
        metavar="N",
        help="instead: time the duplicate-paragraph rule on one document of N paragraphs "
        "(default N = 1000 2000 5000 10000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per N in --paragraphs mode (best is kept)"
    )
    args = parser.parse_args()

    if args.paragraphs is not None:
        bench_paragraphs(args.paragraphs or [1000, 2000, 5000, 10000], args.seed, max(1, args.repeat))
        return

    folder = args.keep or Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        files, total = write_corpus(folder, args.mb, args.file_kb, args.seed)
        print(
            f"corpus: {files} files, {mb(total):.1f} MB in {folder} (generated in {time.perf_counter() - t0:.1f} s)"
        )
        bench_library(folder, total)
        if args.per_rule:
            bench_rules(folder, args.per_rule)
        if args.cli:
            bench_cli(folder, total)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
