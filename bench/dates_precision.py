"""False alarms of the date rules on real news prose: ``python -m bench.dates_precision``.

Real news text is full of dates that are right, so every finding on it is an alarm
a person must look at; the figure is alarms per 1,000 words, with each alarm
printed for review. The texts come from a package (``bench/corpus.py``,
``news_articles(limit)``) with the date each was published, which anchors the
relative checks; an article without one is measured by the other checks and
the report says so. Without the
corpus module it falls back to the shared real article (read in place, with its
publication date) and says that too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from lint import document
from lint.config import Config
from lint.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "corpus" / "kursk-2025.txt"


def texts(limit: int) -> tuple[str, list[tuple[str, dt.date | None]]]:
    try:
        from bench.corpus import corpus_info, news_articles
    except ImportError as exc:
        if not ARTICLE.exists():
            sys.exit(f"no news corpus ({exc}) and no shared article at {ARTICLE}")
        text = ARTICLE.read_text("utf-8")
        return f"shared article kursk-2025.txt only ({exc})", [(text, dt.date(2025, 4, 28))]
    return corpus_info(), [(a.text, a.published) for a in news_articles(limit)]


def measure(items: list[tuple[str, dt.date | None]], packs: list[str]) -> dict:
    engine = Engine()
    config = Config(packs=packs, languagetool={"enabled": False})
    words = alarms = 0
    notes: set[str] = set()
    shown = []
    for i in range(0, len(items), 32):
        batch = items[i : i + 32]
        docs = []
        for text, pubdate in batch:
            doc = document.parse(text, "text")
            doc.pubdate = pubdate
            docs.append((f"text{i + len(docs)}", doc))
        for (name, doc), result in zip(docs, engine.lint(docs, config), strict=True):
            words += len(doc.text.split())
            alarms += len(result.issues)
            notes.update(n for n in result.notes if "LanguageTool" not in n)
            for issue in result.issues:
                shown.append(f"{name}:{issue.line}: {issue.rule}: {issue.message}\n    | "
                             + _context(doc.source, issue.offset, issue.length))  # fmt: skip
    return {"words": words, "alarms": alarms, "notes": sorted(notes), "shown": shown}


def _context(source: str, offset: int, length: int, width: int = 150) -> str:
    """The text around an alarm on one line, the alarm in [brackets]: enough to judge it."""
    a, b = max(0, offset - width), offset + length
    text = f"{source[a:offset]}[{source[offset:b]}]{source[b : b + width]}"
    return " ".join(text.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500, help="how many texts to read")
    parser.add_argument("--pack", action="append", help="packs to measure (default: dates)")
    args = parser.parse_args()
    info, items = texts(args.limit)
    result = measure(items, args.pack or ["dates"])
    per_k = 1000 * result["alarms"] / max(result["words"], 1)
    print(f"corpus: {info}")
    print(f"texts: {len(items)}, words: {result['words']:,}, alarms: {result['alarms']}")
    print(f"alarms per 1,000 words: {per_k:.3f}")
    for note in result["notes"]:
        print(f"note: {note}")
    for line in result["shown"]:
        print(line)


if __name__ == "__main__":
    main()
