"""Unpaired quotation marks on real news: found where they are lost, quiet where none is:
``python -m bench.quotes_recall``.

Real published stories (``bench/corpus.py``: the Lee corpus of ABC news, whose
paragraphs were joined into one line, and the 2017 articles) are linted with
``typography.unpaired-quotes`` alone, twice: as published (every warning is an
alarm a person must read) and with one quotation's opening or closing mark
deleted, chosen by a seeded draw among the story's paired straight or curly
double quotes. A deletion is found when a warning lands inside the damaged
quotation (from its surviving mark to the end of the quotation it no longer
opens or closes), so a warning far from the cause does not count.
"""

from __future__ import annotations

import argparse
import random

from bench.corpus import news_articles
from lint import document
from lint.config import Config
from lint.document import quotes
from lint.engine import Engine

RULE = "typography.unpaired-quotes"


def pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotations read as closed, all families."""
    found = []
    for family in quotes.FAMILIES:
        for q in quotes.quotations(text, [(0, len(text))], family):
            found.extend(
                (a, b - 1) for a, b in q.spans if b - 1 < len(text) and text[b - 1] == family[1]
            )
    return found


def warnings(engine: Engine, config: Config, text: str) -> list[int]:
    doc = document.parse(text, "text")
    return [i.extra["plain_offset"] for i in engine.lint([("s", doc)], config)[0].issues]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", action="append", help="corpora (default: lee, newsarticles)")
    parser.add_argument("--limit", type=int, default=300, help="stories per corpus")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("-v", "--verbose", action="store_true", help="show the misses")
    args = parser.parse_args()
    engine = Engine()
    config = Config(packs=["typography"], select=[RULE], languagetool={"enabled": False})
    rng = random.Random(args.seed)
    for source in args.source or ["lee", "newsarticles"]:
        stories = [a.text for a in news_articles(args.limit, source=source)]
        words = sum(len(t.split()) for t in stories)
        alarms = sum(len(warnings(engine, config, t)) for t in stories)
        tried = found = 0
        misses = []
        for text in stories:
            quoted = pairs(text)
            if not quoted:
                continue
            opening, closing = rng.choice(quoted)
            drop = rng.choice((opening, closing))
            damaged = text[:drop] + text[drop + 1 :]
            keep = closing - 1 if drop == opening else opening
            lo, hi = min(keep, drop), max(keep, drop)
            hits = [w for w in warnings(engine, config, damaged) if lo <= w <= hi]
            tried += 1
            if hits:
                found += 1
            else:
                misses.append(damaged[max(0, lo - 60) : hi + 20])
        print(f"{source}: {len(stories)} stories, {words:,} words")
        print(
            f"  alarms on the published stories: {alarms} ({1000 * alarms / words:.2f} per 1,000 words)"
        )
        print(f"  one mark deleted: {found} of {tried} found at the damaged quotation "
              f"({found / max(tried, 1):.0%})")  # fmt: skip
        if args.verbose:
            for miss in misses:
                print(f"    missed: …{miss}…")


if __name__ == "__main__":
    main()
