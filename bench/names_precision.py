"""False alarms of the names rules on real news prose: ``python -m bench.names_precision``.

Published news names people correctly almost always, so every finding of the names
pack on it is an alarm a person must look at; the figure is alarms per 1,000 words,
each alarm printed for review (a few may be real slips of the original). The texts
come from a package (``bench/corpus.py``, ``news_texts(limit)``); without it the
script falls back to the shared real article (read in place) and says so.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from lint import document
from lint.config import Config
from lint.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "corpus" / "kursk-2025.txt"


def texts(limit: int, source: str | None = None) -> tuple[str, list[str]]:
    try:
        from bench.corpus import corpus_info, news_texts

        return corpus_info(source), news_texts(limit, source=source)
    except (ImportError, LookupError) as exc:
        if not ARTICLE.exists():
            sys.exit(f"no news corpus ({exc}) and no shared article at {ARTICLE}")
        return f"shared article kursk-2025.txt only ({exc})", [ARTICLE.read_text("utf-8")]


def measure(items: list[str], packs: list[str]) -> dict:
    engine = Engine()
    config = Config(packs=packs, languagetool={"enabled": False})
    words = 0
    by_rule: Counter[str] = Counter()
    shown = []
    for i in range(0, len(items), 32):
        docs = [
            (f"text{i + j}", document.parse(t, "text")) for j, t in enumerate(items[i : i + 32])
        ]
        for (name, doc), result in zip(docs, engine.lint(docs, config), strict=True):
            words += len(doc.text.split())
            for issue in result.issues:
                by_rule[issue.rule] += 1
                line = doc.source.splitlines()[issue.line - 1]
                at = issue.column - 1
                context = line[max(0, at - 60) : at + issue.length + 60].strip()
                shown.append(f"{name}:{issue.line}: {issue.rule}: {issue.message}\n    | {context}")
            shown.extend(f"{name}: error: {e}" for e in result.errors)
    return {"words": words, "by_rule": by_rule, "shown": shown}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="how many texts to read")
    parser.add_argument("--pack", action="append", help="packs to measure (default: names)")
    parser.add_argument("--source", default=None, help="bench/corpus.py source (lee, ...)")
    parser.add_argument("--quiet", action="store_true", help="print the figures only")
    args = parser.parse_args()
    info, items = texts(args.limit, args.source)
    result = measure(items, args.pack or ["names"])
    alarms = sum(result["by_rule"].values())
    print(f"corpus: {info}")
    print(f"texts: {len(items)}, words: {result['words']:,}, alarms: {alarms}")
    print(f"alarms per 1,000 words: {1000 * alarms / max(result['words'], 1):.3f}")
    for rule, count in sorted(result["by_rule"].items()):
        print(f"  {rule}: {count} ({1000 * count / max(result['words'], 1):.3f} per 1,000 words)")
    if not args.quiet:
        for line in result["shown"]:
            print(line)


if __name__ == "__main__":
    main()
