"""``make bench``: factlint against the tools a user would pick instead, on the same texts.

Every figure is measured in this run, on this machine, and printed next to its
peer as a ratio (below 1 means factlint is faster). The texts are real news
articles from a package (see ``bench/corpus.py``) when it is installed, else the
example drafts. Results are appended to ``bench/RESULTS.md`` with the date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def texts() -> tuple[str, list[str]]:
    try:
        from bench.corpus import corpus_info, news_texts

        return corpus_info(), news_texts(300)
    except (ImportError, LookupError) as exc:
        drafts = sorted((ROOT / "examples").rglob("*.txt")) + sorted(
            (ROOT / "examples").rglob("*.md")
        )
        found = [p.read_text("utf-8") for p in drafts]
        return f"example drafts ({exc})", found * 20


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time and peak resident memory (bytes) of one command."""
    start = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):  # the process may have just exited
            peak = max(peak, proc.memory_info().rss)
        time.sleep(0.01)
    return time.perf_counter() - start, peak


def best(cmd: list[str], cwd: Path, runs: int = 3) -> tuple[float, int]:
    results = [timed(cmd, cwd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    source, articles = texts()
    words = sum(len(t.split()) for t in articles)
    work = Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    (work / ".factlint.yaml").write_text("languagetool: {enabled: false}\n")
    for i, text in enumerate(articles):
        (work / f"a{i:04}.txt").write_text(text, "utf-8")
    single = work / "single"
    single.mkdir()
    one = min(articles, key=lambda t: abs(len(t.split()) - 1000))
    (single / "draft.txt").write_text(one, "utf-8")
    one_words = len(one.split())

    factlint = [str(BIN / "factlint"), "check", "--no-languagetool", "-q", "--fail-on", "never"]
    tools = {
        "factlint (rule packs)": factlint,
        "proselint": [str(BIN / "proselint"), "check"],
        "codespell": [str(BIN / "codespell")],
    }
    rows = []
    for name, cmd in tools.items():
        if not Path(cmd[0]).exists() and not shutil.which(cmd[0]):
            continue
        warm, warm_mem = best([*cmd, "draft.txt"], single)
        batch, batch_mem = best([*cmd, "."], work, runs=1)
        rows.append((name, warm, words / batch, max(warm_mem, batch_mem)))

    ours = rows[0]
    lines = [
        f"## {dt.date.today()} — {platform.node()}",
        "",
        f"Machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.1f} GiB; "
        f"Python {platform.python_version()}.",
        f"Texts: {source}; {len(articles)} files, {words} words; single draft {one_words} words.",
        "",
        "| tool | single draft (s) | ratio | batch (words/s) | ratio | peak RSS (MB) |",
        "|------|-----------------:|------:|----------------:|------:|--------------:|",
    ]
    for name, warm, rate, mem in rows:
        lines.append(
            f"| {name} | {warm:.2f} | {ours[1] / warm:.2f} | {rate:,.0f} | {ours[2] / rate:.2f} "
            f"| {mem / 2**20:.0f} |"
        )
    lines += [
        "",
        "Ratios are factlint's figure over the tool's: below 1 for time, above 1 for words/s, "
        "factlint is faster.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    results = ROOT / "bench" / "RESULTS.md"
    previous = results.read_text() if results.exists() else "# Benchmark results\n\n"
    results.write_text(previous + report + "\n")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
