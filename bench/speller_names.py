"""LanguageTool's speller on real news, with and without names set apart:
``python -m bench.speller_names``.

Published news is spelt right almost always, so each speller match factlint
reports is an alarm a person must look at. The figure is alarms per 1,000
words with ``spell_names: false`` (the default: a capitalised word spaCy takes
for a name is left to the names pack, ``lint.names.unknown``) and ``true``, and
the matches the default drops, for review: a few may be real slips. Needs
LanguageTool (factlint's managed server, started if need be) and the news
corpus of ``bench/corpus.py``.
"""

from __future__ import annotations

import argparse
from collections import Counter

from bench.corpus import corpus_info, news_texts
from lint import document
from lint.config import Config
from lint.engine import Engine
from lint.languagetool import backend_for
from lint.names.unknown import SPELLERS


def speller_issues(items: list[str], spell_names: bool) -> tuple[int, list[tuple]]:
    """Words read, and each speller issue as (text number, line, column, word, suggestion)."""
    engine = Engine(languagetool=backend_for)
    config = Config(languagetool={"spell_names": spell_names})
    words, found = 0, []
    for i in range(0, len(items), 32):
        docs = [(str(i + j), document.parse(t, "text")) for j, t in enumerate(items[i : i + 32])]
        for (name, doc), result in zip(docs, engine.lint(docs, config), strict=True):
            words += len(doc.text.split())
            lines = doc.source.splitlines()
            for issue in result.issues:
                if issue.rule.startswith(SPELLERS):
                    line = lines[issue.line - 1]
                    word = line[issue.column - 1 : issue.column - 1 + issue.length]
                    first = issue.replacements[0] if issue.replacements else ""
                    found.append((int(name), issue.line, issue.column, word, first, line))
    return words, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="how many texts to read")
    parser.add_argument("--source", default=None, help="bench/corpus.py source (lee, ...)")
    parser.add_argument("--quiet", action="store_true", help="print the figures only")
    args = parser.parse_args()
    items = news_texts(args.limit, source=args.source)
    words, default = speller_issues(items, spell_names=False)
    _, every = speller_issues(items, spell_names=True)
    print(f"corpus: {corpus_info(args.source)}")
    print(f"texts: {len(items)}, words: {words:,}")
    for label, found in (("spell_names: false (default)", default), ("spell_names: true", every)):
        print(
            f"{label}: {len(found)} speller alarms, {1000 * len(found) / words:.2f} per 1,000 words"
        )
    capitalised = [f for f in default if f[3][:1].isupper()]
    print(
        f"kept on capitalised words: {len(capitalised)}, "
        f"{1000 * len(capitalised) / words:.2f} per 1,000 words"
    )
    kept = {f[:3] for f in default}
    dropped = [f for f in every if f[:3] not in kept]
    print(f"set apart as names: {len(dropped)}")
    if not args.quiet:
        for word, count in Counter((f[3], f[4]) for f in dropped).most_common():
            print(f"  {count:3} {word[0]} (LanguageTool: {word[1] or '-'})")
        print("kept on capitalised words (each to review: a name the filter missed, or a slip):")
        for n, line, column, word, first, text in capitalised:
            at = column - 1
            context = " ".join(text[max(0, at - 50) : at + len(word) + 30].split())
            print(f"  [{n}:{line}] {word} (LanguageTool: {first or '-'}) | {context}")


if __name__ == "__main__":
    main()
