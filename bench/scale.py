"""Issue 20's figures: the on-disk cache and Dask audits, measured on real news.

    python -m bench.scale cache [--articles 40] [--no-languagetool]
    python -m bench.scale audit [--articles 300] [--no-languagetool]

``cache``: three cold in-process runs (``--no-service``, each a new process) over the
same articles: with ``--no-cache``, then with an empty cache, then with that cache
filled; the target is the filled run at most 0.3x the ``--no-cache`` one.
``audit``: ``factlint audit`` on a LocalCluster of 1 and of 2 workers beside
``factlint check --jobs 2 --no-service`` on the same files (words per second).
Articles are written to a temporary directory with their publication dates (front
matter), read in place from bench/corpus.py's packages.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import news_articles

FACTLINT = [sys.executable, "-m", "lint"]


def write_articles(root: Path, count: int) -> int:
    """Markdown files with front matter; the number of words."""
    words = 0
    for n, article in enumerate(news_articles(count)):
        date = f"date: {article.published.isoformat()}\n" if article.published else ""
        (root / f"article-{n:04d}.md").write_text(f"---\n{date}---\n\n{article.text}\n")
        words += len(article.text.split())
    return words


def timed(args: list[str], env: dict) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    issues = len(json.loads(done.stdout)) if done.stdout.strip().startswith("[") else -1
    return time.perf_counter() - started, issues


def cache(count: int, languagetool: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "articles"
        root.mkdir()
        words = write_articles(root, count)
        config = Path(tmp) / "factlint.yaml"
        config.write_text(f"cache-dir: {Path(tmp) / 'cache'}\n")
        env = {k: v for k, v in os.environ.items() if k != "FACTLINT_NO_CACHE"}
        base = [*FACTLINT, "check", "--no-service", "--format", "json", "--config", str(config)]
        if not languagetool:
            base.append("--no-languagetool")
        uncached, n0 = timed([*base, "--no-cache", str(root)], env)
        first, n1 = timed([*base, str(root)], env)
        second, n2 = timed([*base, str(root)], env)
        assert n0 == n1 == n2, (n0, n1, n2)
        what = "with LanguageTool" if languagetool else "no LanguageTool"
        print(f"{count} articles, {words:,} words, {what}, {n0} issues each run:")
        print(f"  --no-cache          {uncached:6.2f} s")
        print(f"  empty cache         {first:6.2f} s  ({first / uncached:.2f}x)")
        print(f"  filled cache        {second:6.2f} s  ({second / uncached:.2f}x; target <= 0.3x)")


def audit(count: int, languagetool: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "articles"
        root.mkdir()
        words = write_articles(root, count)
        env = {**os.environ, "FACTLINT_NO_CACHE": "1"}  # every run does the work
        extra = [] if languagetool else ["--no-languagetool"]
        check, n = timed([*FACTLINT, "check", "--no-service", "--jobs", "2", "--format", "json",
                          *extra, str(root)], env)  # fmt: skip
        print(
            f"{count} articles, {words:,} words ({'with' if languagetool else 'no'} LanguageTool)"
        )
        print(f"  check --jobs 2      {check:6.1f} s  {words / check:7,.0f} words/s  {n} issues")
        for workers in (1, 2):
            out = Path(tmp) / f"audit-{workers}.jsonl"
            seconds, _ = timed([*FACTLINT, "audit", "--workers", str(workers), "-q", "-o", str(out),
                                *extra, str(root)], env)  # fmt: skip
            found = len(out.read_text().splitlines())
            print(f"  audit, {workers} worker{'s' if workers > 1 else ' '}    {seconds:6.1f} s  "
                  f"{words / seconds:7,.0f} words/s  {found} issues")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["cache", "audit"])
    parser.add_argument("--articles", type=int)
    parser.add_argument("--no-languagetool", action="store_true")
    args = parser.parse_args()
    if args.what == "cache":
        cache(args.articles or 40, not args.no_languagetool)
    else:
        audit(args.articles or 300, not args.no_languagetool)


if __name__ == "__main__":
    main()
