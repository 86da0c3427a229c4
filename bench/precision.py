"""How often factlint's warnings are right, on real published text: ``python -m bench.precision``.

factlint runs as it ships (the default packs and LanguageTool, in each text's
language variety) over real edited prose read in place from packages
(``bench/corpus.py``): the Lee corpus of ABC news (en-AU), the 2017 news
articles (en-GB and en-US by outlet), English Wikipedia (en-US) and Reuters'
1987 wire copy. It prints warnings per 1,000 words per rule (``info`` findings,
style suggestions, are counted apart), and reads the judged samples in
``bench/judged/<corpus>.jsonl`` (one JSON line per warning, judged as
``../shared/JUDGING.md`` says: TRUE, STYLE or FALSE, with a one-line reason) to
estimate the false and true warnings per 1,000 words, stratum by stratum (a
rule's judged share times its count), and to check that every judged TRUE is
still raised.

A warning is identified by corpus, text, line, column and rule. ``--todo``
writes the warnings nobody has judged yet to ``bench/judged/<corpus>.todo.jsonl``
(verdict empty), for the judges. Targets (issue 14): false warnings at most 1 per
1,000 words of edited news and 2 of encyclopedic prose; all warnings at most 4
per 1,000 words of edited news; no judged TRUE lost.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import Article, corpus_info, news_articles
from lint import document
from lint.config import Config
from lint.engine import Engine

JUDGED = Path(__file__).resolve().parent / "judged"
WORDS = {"lee": 60_000, "wikipedia": 60_000, "newsarticles": 60_000, "reuters": 60_000}
"""Words read per corpus by default: about 60,000 each (all of Lee)."""
KINDS = {"lee": "news", "newsarticles": "news", "reuters": "news", "wikipedia": "encyclopedic"}
TARGET_FALSE = {"news": 1.0, "encyclopedic": 2.0}
TARGET_ALL = {"news": 4.0}
WARNING = ("error", "warning")


@dataclass
class Warning:
    corpus: str
    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    excerpt: str  # the flagged span in [[ ]], with some context

    @property
    def key(self) -> tuple:
        return (self.corpus, self.path, self.line, self.column, self.rule)

    def record(self) -> dict:
        return {
            "corpus": self.corpus,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
            "verdict": "",
            "why": "",
        }


@dataclass
class Run:
    corpus: str
    words: int = 0
    texts: int = 0
    warnings: list[Warning] = field(default_factory=list)
    info: Counter = field(default_factory=Counter)
    info_keys: set = field(
        default_factory=set
    )  # where info findings are (a judged TRUE there is demoted, not lost)
    errors: list[str] = field(default_factory=list)


PER_TEXT = {"wikipedia": 1_200}
"""At most this many words of one text (whole paragraphs from its start), so a corpus of
long articles is sampled across many of them."""


def articles(corpus: str, words: int) -> list[tuple[str, Article]]:
    """The corpus's first texts, up to ``words`` words, each with a stable path."""
    out, total = [], 0
    for i, article in enumerate(news_articles(source=corpus)):
        if total >= words:
            break
        if corpus in PER_TEXT:
            article = article._replace(body=_first_words(article.body, PER_TEXT[corpus]))
        name = article.title if corpus == "wikipedia" else f"{i:04d}"
        out.append((f"{corpus}/{name}", article))
        total += len(article.text.split())
    return out


def _first_words(body: str, limit: int) -> str:
    kept, count = [], 0
    for paragraph in body.split("\n\n"):
        if count and count + len(paragraph.split()) > limit:
            break
        kept.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(kept)


def excerpt(line: str, column: int, length: int, width: int = 70) -> str:
    at = column - 1
    before = line[max(0, at - width) : at]
    flagged = line[at : at + length]
    after = line[at + length : at + length + width]
    return f"{before}[[{flagged}]]{after}".strip()


def lint_corpus(corpus: str, words: int, engine: Engine, languagetool: bool) -> Run:
    run = Run(corpus)
    items = articles(corpus, words)
    by_language: dict[str, list[tuple[str, Article]]] = defaultdict(list)
    for item in items:
        by_language[item[1].language].append(item)
    for language, group in by_language.items():
        lt = {} if languagetool else {"enabled": False}
        config = Config(language=language, languagetool=lt)
        for i in range(0, len(group), 16):
            docs = []
            for path, article in group[i : i + 16]:
                doc = document.parse(article.text, "text")
                doc.pubdate = article.published
                docs.append((path, doc))
            for (path, doc), result in zip(docs, engine.lint(docs, config), strict=True):
                run.texts += 1
                run.words += len(doc.text.split())
                run.errors.extend(result.errors)
                lines = doc.source.splitlines()
                for issue in result.issues:
                    if issue.severity not in WARNING:
                        run.info[issue.rule] += 1
                        run.info_keys.add((corpus, path, issue.line, issue.column, issue.rule))
                        continue
                    text = lines[issue.line - 1] if issue.line <= len(lines) else ""
                    length = issue.length if issue.end_line == issue.line else len(text)
                    run.warnings.append(
                        Warning(
                            corpus,
                            path,
                            issue.line,
                            issue.column,
                            issue.rule,
                            issue.severity,
                            issue.message,
                            excerpt(text, issue.column, length),
                        )
                    )
    return run


def load_judged(corpus: str) -> dict[tuple, dict]:
    """The judgements of ``bench/judged/<corpus>.jsonl`` and ``<corpus>-*.jsonl`` (a sample
    may be judged in parts); ``*.todo.jsonl`` files are not judged yet."""
    judged: dict[tuple, dict] = {}
    paths = [JUDGED / f"{corpus}.jsonl", *sorted(JUDGED.glob(f"{corpus}-*.jsonl"))]
    for path in paths:
        if path.is_file() and not path.name.endswith(".todo.jsonl"):
            judged.update(_judgements(path))
    return judged


def _judgements(path: Path) -> dict[tuple, dict]:
    judged: dict[tuple, dict] = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            key = (row["corpus"], row["path"], row["line"], row["column"], row["rule"])
        except (ValueError, KeyError) as exc:
            sys.exit(f"{path}:{n}: not a judgement: {exc}")
        if row.get("verdict") not in ("TRUE", "STYLE", "FALSE"):
            sys.exit(f"{path}:{n}: verdict must be TRUE, STYLE or FALSE")
        judged[key] = row
    return judged


def estimate(run: Run, judged: dict[tuple, dict]) -> dict:
    """Per verdict, the estimated warnings per 1,000 words: each rule's judged shares times
    its count; rules with no judged warning are counted as unjudged."""
    by_rule: dict[str, list[Warning]] = defaultdict(list)
    for w in run.warnings:
        by_rule[w.rule].append(w)
    totals = Counter()
    for found in by_rule.values():
        verdicts = Counter(judged[w.key]["verdict"] for w in found if w.key in judged)
        seen = sum(verdicts.values())
        if not seen:
            totals["unjudged"] += len(found)
            continue
        for verdict, n in verdicts.items():
            totals[verdict] += len(found) * n / seen
    per_k = 1000 / max(run.words, 1)
    return {k: v * per_k for k, v in totals.items()}


def report(run: Run, judged: dict[tuple, dict], verbose: bool) -> list[str]:
    """Print the run; return the failures against the targets."""
    per_k = 1000 / max(run.words, 1)
    kind = KINDS.get(run.corpus, "news")
    print(f"\n## {corpus_info(run.corpus)}")
    print(f"read: {run.texts} texts, {run.words:,} words; kind: {kind}")
    counts = Counter(w.rule for w in run.warnings)
    current = {w.key for w in run.warnings}
    print("\n| rule | warnings | per 1,000 words | judged | TRUE | STYLE | FALSE |")
    print("|------|---------:|----------------:|-------:|-----:|------:|------:|")
    for rule, n in counts.most_common():
        verdicts = Counter(
            judged[w.key]["verdict"] for w in run.warnings if w.rule == rule and w.key in judged
        )
        print(
            f"| {rule} | {n} | {n * per_k:.2f} | {sum(verdicts.values())} | "
            f"{verdicts['TRUE']} | {verdicts['STYLE']} | {verdicts['FALSE']} |"
        )
    total = len(run.warnings) * per_k
    est = estimate(run, judged)
    print(f"\nall warnings: {len(run.warnings)}, {total:.2f} per 1,000 words")
    print(f"info (style suggestions, not counted): {sum(run.info.values())}")
    print(
        "estimated per 1,000 words: "
        + ", ".join(f"{k} {est.get(k, 0):.2f}" for k in ("TRUE", "STYLE", "FALSE", "unjudged"))
    )
    missing = [
        (key, row)
        for key, row in judged.items()
        if row["verdict"] == "TRUE" and key not in current and row["corpus"] == run.corpus
    ]
    near = {(w.path, w.line): [] for w in run.warnings}
    for w in run.warnings:
        near[(w.path, w.line)].append(w.column)

    def moved(key: tuple) -> bool:  # another rule now reports the same spot
        return any(abs(c - key[3]) <= 3 for c in near.get((key[1], key[2]), ()))

    lost = [row for key, row in missing if key not in run.info_keys and not moved(key)]
    demoted = [row for key, row in missing if key in run.info_keys and not moved(key)]
    for row in demoted:
        print(f"  demoted to info: {row['path']}:{row['line']}:{row['column']} {row['rule']}")
    print(
        f"judged TRUE still raised: {sum(1 for k, r in judged.items() if r['verdict'] == 'TRUE') - len(lost)}, lost: {len(lost)}"
    )
    for row in lost:
        print(
            f"  lost: {row['path']}:{row['line']}:{row['column']} {row['rule']}: {row['excerpt']}"
        )
    if run.errors:
        print(f"errors: {len(run.errors)}")
        for e in run.errors[:10]:
            print(f"  {e}")
    if verbose:
        for w in run.warnings:
            mark = judged.get(w.key, {}).get("verdict", "?")
            print(f"  [{mark:5}] {w.path}:{w.line}:{w.column} {w.rule}: {w.excerpt}")
    failures = []
    if est.get("FALSE", 0) + est.get("unjudged", 0) > TARGET_FALSE[kind]:
        failures.append(f"{run.corpus}: false warnings above {TARGET_FALSE[kind]} per 1,000 words")
    if kind in TARGET_ALL and total > TARGET_ALL[kind]:
        failures.append(f"{run.corpus}: all warnings above {TARGET_ALL[kind]} per 1,000 words")
    if lost:
        failures.append(f"{run.corpus}: {len(lost)} judged TRUE no longer raised")
    return failures


def write_todo(run: Run, judged: dict[tuple, dict]) -> Path:
    JUDGED.mkdir(exist_ok=True)
    path = JUDGED / f"{run.corpus}.todo.jsonl"
    rows = [w.record() for w in run.warnings if w.key not in judged]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpora",
        nargs="*",
        default=["lee", "wikipedia", "newsarticles", "reuters"],
        help="corpora (default: all four; one whose package is missing is skipped)",
    )
    parser.add_argument("--words", type=int, help="words to read per corpus (default: 60,000)")
    parser.add_argument("--no-languagetool", action="store_true", help="factlint's packs only")
    parser.add_argument("--todo", action="store_true", help="write the unjudged warnings out")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every warning")
    args = parser.parse_args()
    engine = Engine()
    if not args.no_languagetool:
        from lint.languagetool import backend_for

        engine = Engine(languagetool=backend_for)
    failures = []
    for corpus in args.corpora:
        try:
            run = lint_corpus(corpus, args.words or WORDS[corpus], engine, not args.no_languagetool)
        except LookupError as exc:
            print(f"\n## {corpus}: skipped ({exc})")
            continue
        judged = load_judged(corpus)
        failures += report(run, judged, args.verbose)
        if args.todo:
            print(f"unjudged warnings written to {write_todo(run, judged)}")
    print()
    for failure in failures:
        print(f"target missed: {failure}")
    if not failures:
        print("all targets met")


if __name__ == "__main__":
    main()
