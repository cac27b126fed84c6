#!/usr/bin/env python
"""Start-up and warm re-lint times: what an editor or a pre-commit hook pays per call.

Not part of the test run. See benchmarks/README.md.

    python benchmarks/bench_startup.py                # median of 10 runs of each
    python benchmarks/bench_startup.py --runs 20 --report path/to/report.txt

Each figure is the median (and the spread) of ``--runs`` runs, measured as wall time and as
the CPU time (user + system) of the process, which varies less on a busy machine:

- ``--version``: ``reportlint --version`` in a new process;
- ``import``: ``python -c "import reportlint.cli"`` in a new process;
- ``check``: ``reportlint check REPORT`` of one report of about 30 KB in a new process;
- ``re-lint``: ``Linter.lint_text`` on the same text again in a warm process (what the
  language server does on each change);
- ``lsp open`` / ``lsp change``: with ``reportlint server`` running (started and initialized
  once, debounce 0), the time from sending ``didOpen`` (a new document) or ``didChange`` (the
  whole text again, one character changed) to receiving its ``publishDiagnostics``.

The report is ``../shared/corpus/reports/0076.txt`` (36 KB, a real report) when that folder is
beside the checkout, else a generated report of about 30 KB from ``bench_check.py``. The user
cache folder (jieba's dictionary, pinyin, packs) is filled by one untimed run first.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
# As installed for a user: byte code is written once and then read (some shells here set
# PYTHONDONTWRITEBYTECODE, which would compile every module again in every process).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CORPUS_REPORT = HERE.parent.parent / "shared" / "corpus" / "reports" / "0076.txt"


def script() -> str:
    exe = Path(sys.executable).parent / "reportlint"
    return str(exe) if exe.exists() else "reportlint"


def timed_process(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def timed_call(func: Callable[[], object]) -> tuple[float, float]:
    started, cpu0 = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - started, time.process_time() - cpu0


def summary(name: str, samples: list[tuple[float, float]]) -> str:
    walls = sorted(w for w, _ in samples)
    cpus = sorted(c for _, c in samples)
    return (
        f"{name:<10} wall median {statistics.median(walls) * 1000:7.0f} ms "
        f"(min {walls[0] * 1000:.0f}, max {walls[-1] * 1000:.0f})   "
        f"CPU median {statistics.median(cpus) * 1000:7.0f} ms   n={len(samples)}"
    )


def report_text(path: Path | None) -> tuple[Path, str]:
    if path is None and CORPUS_REPORT.is_file():
        path = CORPUS_REPORT
    if path is not None:
        return path, path.read_text(encoding="utf-8")
    sys.path.insert(0, str(HERE))
    from bench_check import report  # type: ignore[import-not-found]

    text = report(random.Random(1), 10_000, markdown=False)  # about 30 KB in UTF-8
    path = Path(tempfile.mkdtemp(prefix="reportlint-startup-")) / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path, text


def bench_lsp(text: str, runs: int) -> dict[str, list[tuple[float, float]]]:
    """didOpen → publishDiagnostics and didChange → publishDiagnostics round trips, over stdio."""
    import asyncio

    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient

    async def session() -> dict[str, list[tuple[float, float]]]:
        client = LanguageClient("bench", "1")
        queue: asyncio.Queue[lsp.PublishDiagnosticsParams] = asyncio.Queue()

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            queue.put_nowait(params)

        folder = Path(tempfile.mkdtemp(prefix="reportlint-lsp-"))
        await client.start_io(sys.executable, "-m", "reportlint", "server", cwd=str(folder), env=ENV)
        await client.initialize_async(
            lsp.InitializeParams(
                capabilities=lsp.ClientCapabilities(),
                root_uri=folder.as_uri(),
                initialization_options={"debounce": 0},
            )
        )
        client.initialized(lsp.InitializedParams())

        async def round_trip(send: Callable[[], None], uri: str) -> tuple[float, float]:
            started = time.perf_counter()
            send()
            while (await queue.get()).uri != uri:
                pass
            wall = time.perf_counter() - started
            return wall, wall  # the server's CPU is not visible from here

        out: dict[str, list[tuple[float, float]]] = {"lsp open": [], "lsp change": []}
        for i in range(runs + 1):
            uri = (folder / f"r{i}.txt").as_uri()
            item = lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
            sample = await round_trip(
                lambda item=item: client.text_document_did_open(
                    lsp.DidOpenTextDocumentParams(text_document=item)
                ),
                uri,
            )
            if i:  # the first open also waits for the server's warm-up
                out["lsp open"].append(sample)
        uri = (folder / "r0.txt").as_uri()
        for version in range(2, runs + 2):
            changed = text.replace("。", "，", version % 3 + 1)  # a different text each time
            params = lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=changed)],
            )
            out["lsp change"].append(
                await round_trip(lambda params=params: client.text_document_did_change(params), uri)
            )
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return out

    return asyncio.run(session())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--report", type=Path, default=None, help="the report to check (default: see above)")
    args = ap.parse_args()

    path, text = report_text(args.report)
    print(f"report: {path} ({path.stat().st_size / 1024:.0f} KB)   load average {os.getloadavg()[0]:.1f}")
    exe = script()
    timed_process([exe, "check", str(path)])  # fill the user cache folder

    results = {
        "--version": [timed_process([exe, "--version"]) for _ in range(args.runs)],
        "import": [timed_process([sys.executable, "-c", "import reportlint.cli"]) for _ in range(args.runs)],
        "check": [timed_process([exe, "check", str(path)]) for _ in range(args.runs)],
    }
    from reportlint import Linter

    linter = Linter()
    linter.lint_text(text)  # the first call loads the dictionaries the rules use
    results["re-lint"] = [timed_call(lambda: linter.lint_text(text)) for _ in range(args.runs)]
    results.update(bench_lsp(text, args.runs))
    for name, samples in results.items():
        if name.startswith("lsp"):
            walls = sorted(w for w, _ in samples)
            print(
                f"{name:<10} wall median {statistics.median(walls) * 1000:7.0f} ms "
                f"(min {walls[0] * 1000:.0f}, max {walls[-1] * 1000:.0f})   n={len(samples)}"
            )
        else:
            print(summary(name, samples))
    print(f"load average after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
