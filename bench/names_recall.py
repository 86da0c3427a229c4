"""Recall of one misspelt mention of a name the draft already uses: ``python -m bench.names_recall``.

The commonest name error a desk catches is one later mention of the story's own
subject spelt differently ("Mr Hallam … Mr Halam said"). Real published news
(``bench/corpus.py``) is taken as written; in each article up to ``--per``
names used at least twice (people, places, organisations, by spaCy's majority
label) each get one later mention altered by a seeded keyboard slip: a letter
dropped, doubled, swapped with its neighbour or replaced by a key next to it
(two slips in one name of six letters or more, one time in five), never the
first letter, and never a slip that makes an English word or a word already
in the article. Each altered copy is linted on its own.

Reported, by name length (4, 5, 6+ letters), by shape of the altered mention
(after a title, "Mr Halam"; inside the full name, "Mark Halam"; a possessive,
"Halam's"; a lone surname; a place; an organisation) and by kind:

* factlint, names pack alone (LanguageTool off): a names-category finding on the
  altered word;
* factlint with LanguageTool (``--languagetool``; its speller's matches on names
  set apart, as by default): a names-category finding, and any finding at all;
* LanguageTool alone (its speller, every match kept: ``spell_names: true``);

and the noise on the untouched originals: names-category warnings per 1,000
words (each printed for review), and LanguageTool's speller matches on
capitalised words per 1,000 words. Misses are listed.
"""

from __future__ import annotations

import argparse
import pickle
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import regex

from bench.corpus import corpus_info, news_texts
from lint import document
from lint import nlp as nlp_mod
from lint.config import Config
from lint.engine import Engine
from lint.names.mentions import TITLES
from lint.names.unknown import SPELLERS
from lint.names.words import is_word

WORD = regex.compile(r"(?<![\p{L}\p{M}\d'’-])\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*")
KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation"}
ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NEIGHBOURS = {
    c: "".join(
        ROWS[r2][c2]
        for r2 in range(max(r - 1, 0), min(r + 2, 3))
        for c2 in range(max(i - 1, 0), min(i + 2, len(ROWS[r2])))
        if ROWS[r2][c2] != c
    )
    for r, row in enumerate(ROWS)
    for i, c in enumerate(row)
}


@dataclass(frozen=True)
class Case:
    article: int
    text: str  # the altered article
    start: int
    end: int  # the altered word's span in ``text``
    original: str
    altered: str
    kind: str  # person, place, organisation
    shape: str  # title, full, possessive, lone, place, organisation

    @property
    def length(self) -> str:
        n = sum(c.isalpha() for c in self.original)
        return "4" if n <= 4 else "5" if n == 5 else "6+"


def slip(word: str, rng: random.Random) -> str:
    """One keyboard slip in ``word``, never in its first letter."""
    letters = [i for i, c in enumerate(word) if c.isalpha() and i > 0]
    i = rng.choice(letters)
    how = rng.choice(("drop", "double", "swap", "mistype"))
    if how == "drop":
        return word[:i] + word[i + 1 :]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    if how == "swap" and i + 1 < len(word) and word[i + 1].isalpha() and word[i + 1] != word[i]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    near = NEIGHBOURS.get(word[i].lower())
    if not near:
        return word[:i] + word[i + 1 :]
    return word[:i] + rng.choice(near) + word[i + 1 :]


def altered_form(word: str, article: str, rng: random.Random) -> str | None:
    """A slip of ``word`` that is no English word and not already in the article."""
    present = set(WORD.findall(article))
    for _ in range(20):
        new = slip(word, rng)
        if sum(c.isalpha() for c in word) >= 6 and rng.random() < 0.2:
            new = slip(new, rng)
        if new != word and new not in present and not is_word(new) and new[0] == word[0]:
            return new
    return None


def cases(texts: list[str], per: int, seed: int) -> list[Case]:
    """Up to ``per`` altered copies of each article, one slipped mention each."""
    parse = nlp_mod.load(None, frozenset({"entities", "tags"}))
    out = []
    for n, (text, doc) in enumerate(zip(texts, parse.pipe(texts, batch_size=16), strict=True)):
        rng = random.Random(f"{seed}:{n}")
        labels = _labels(doc)
        where: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in WORD.finditer(text):
            word = regex.sub(r"['’]s$", "", m.group())
            where[word].append((m.start(), m.start() + len(word)))
        eligible = []
        for word, spans in where.items():
            letters = sum(c.isalpha() for c in word)
            if len(spans) < 2 or letters < 4 or word.isupper() or word.lower() in TITLES:
                continue
            if regex.search(rf"(?<!\p{{L}}){regex.escape(word.lower())}(?!\p{{L}})", text):
                continue  # also an ordinary lower-case word here ("White", "white")
            votes = Counter(labels.get(s) for s, _ in spans)
            label, count = votes.most_common(1)[0]
            if label not in KINDS or count * 2 <= len(spans):
                continue
            eligible.append((word, spans, KINDS[label]))
        rng.shuffle(eligible)
        for word, spans, kind in eligible[:per]:
            start, end = rng.choice(spans[1:])
            new = altered_form(word, text, rng)
            if new is None:
                continue
            altered = text[:start] + new + text[end:]
            shape = _shape(text, start, end, doc, kind)
            out.append(Case(n, altered, start, start + len(new), word, new, kind, shape))
    return out


def _labels(doc) -> dict[int, str]:
    """spaCy's entity label by the start offset of each word inside an entity."""
    labels = {}
    for ent in doc.ents:
        for token in ent:
            labels[token.idx] = ent.label_
    return labels


def _shape(text: str, start: int, end: int, doc, kind: str) -> str:
    if kind != "person":
        return kind
    if regex.match(r"['’]s\b", text[end : end + 2]):
        return "possessive"
    before = text[max(0, start - 30) : start].split()
    if before and before[-1].rstrip(".").lower() in TITLES:
        return "title"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and span[0].i > 0:
        prev = doc[span[0].i - 1]
        if prev.ent_type_ == "PERSON" and prev.text[:1].isupper() and prev.whitespace_:
            return "full"
    return "lone"


class Recorder:
    """LanguageTool's factory, keeping every match the server returned (LanguageTool alone).

    ``raw`` may start with the answers of an earlier run (``--lt-answers``): a text found
    there is not sent again, so a change to the names pack is measured in minutes, on
    exactly the matches LanguageTool gave before."""

    def __init__(self, raw: dict[str, list] | None = None) -> None:
        from lint.languagetool import backend_for

        self.factory = backend_for
        self.raw: dict[str, list] = {} if raw is None else raw
        self.asked = 0  # texts sent to the server in this run

    def __call__(self, config):
        backend = self.factory(config)
        recorder = self

        class Recording:
            settings = backend.settings

            def check_many(self, texts):
                new = [t for t in dict.fromkeys(texts) if t not in recorder.raw]
                if new:
                    recorder.asked += len(new)
                    recorder.raw.update(zip(new, backend.check_many(new), strict=True))
                return [recorder.raw[t] for t in texts]

        return Recording()


def _plain_span(plain: str, case: Case) -> tuple[int | None, int]:
    """The altered word's span in the plain text the checks saw (markup such as URLs left out)."""
    if plain == case.text:
        return case.start, case.end
    found = [m.start() for m in WORD.finditer(plain) if m.group().startswith(case.altered)]
    if not found:
        return None, 0
    return found[0], found[0] + len(case.altered)


def _hit(issue, start: int, end: int) -> bool:
    s = issue.extra["plain_offset"]
    return s < end and start < s + issue.extra["plain_length"]


def run(texts: list[str], items: list[Case], with_lt: bool, answers: dict | None = None):
    """Per case: (names finding?, any finding?, LT speller?) and the originals' noise.
    ``answers``: LanguageTool's recorded matches by text, used and added to."""
    recorder = Recorder(answers) if with_lt else None
    engine = Engine(languagetool=recorder)
    config = Config(packs=["names"], languagetool={} if with_lt else {"enabled": False})
    by_article = defaultdict(list)
    for case in items:
        by_article[case.article].append(case)
    results = {}
    noise, lt_noise, words = [], [], 0
    for n, text in enumerate(texts):
        batch = [("original", text)] + [(str(i), c.text) for i, c in enumerate(by_article[n])]
        docs = [(name, document.parse(t, "text")) for name, t in batch]
        linted = engine.lint(docs, config)
        original = linted[0]
        words += len(text.split())
        plain = docs[0][1].text
        for issue in original.issues:
            if issue.category == "names":
                s = issue.extra["plain_offset"]
                line = plain[max(0, s - 60) : s + issue.extra["plain_length"] + 60]
                noise.append((n, issue.rule, issue.message, " ".join(line.split())))
        if recorder is not None:
            for f in recorder.raw.get(plain, []):
                if (f.rule or "").startswith(SPELLERS) and plain[f.offset : f.offset + 1].isupper():
                    lt_noise.append((n, plain[f.offset : f.offset + f.length]))
        for case, (_, doc), result in zip(by_article[n], docs[1:], linted[1:], strict=True):
            start, end = _plain_span(doc.text, case)
            if start is None:
                continue  # the altered word is not prose (inside a URL)
            names = any(i.category == "names" and _hit(i, start, end) for i in result.issues)
            found = any(_hit(i, start, end) for i in result.issues)
            lt = None
            if recorder is not None:
                lt = any(
                    (f.rule or "").startswith(SPELLERS)
                    and f.offset < end
                    and start < f.offset + f.length
                    for f in recorder.raw.get(doc.text, [])
                )
            results[case] = (names, found, lt)
    return results, noise, lt_noise, words


def _table(items: list[Case], results: dict, columns: list[tuple[str, int]]) -> list[str]:
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in items:
        groups["all"].append(case)
        groups[f"length {case.length}"].append(case)
        groups[f"shape {case.shape}"].append(case)
    order = ["all"] + [f"length {k}" for k in ("4", "5", "6+")]
    order += [
        f"shape {k}" for k in ("title", "full", "possessive", "lone", "place", "organisation")
    ]
    head = f"{'':22}{'cases':>6}" + "".join(f"{label:>22}" for label, _ in columns)
    lines = [head]
    for key in order:
        group = groups.get(key, [])
        if not group:
            continue
        cells = ""
        for _, col in columns:
            hits = sum(1 for c in group if results[c][col])
            cells += f"{hits:>12} ({hits / len(group):.3f})"
        lines.append(f"{key:22}{len(group):>6}{cells}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400, help="how many articles to read")
    parser.add_argument("--per", type=int, default=2, help="altered copies per article")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--source", default=None, help="bench/corpus.py source")
    parser.add_argument("--languagetool", action="store_true", help="also with LanguageTool")
    parser.add_argument("--quiet", action="store_true", help="print the figures only")
    parser.add_argument(
        "--lt-answers",
        type=Path,
        default=None,
        help="a file of LanguageTool's answers (pickle): texts found there are not sent "
        "again, new answers are added; for measuring a change to the names pack quickly "
        "(delete it after changing LanguageTool's settings)",
    )
    args = parser.parse_args()
    texts = news_texts(args.limit, source=args.source)
    items = cases(texts, args.per, args.seed)
    print(f"corpus: {corpus_info(args.source)}")
    print(f"articles: {len(texts)}, altered mentions: {len(items)}, seed {args.seed}")
    alone, noise, _, words = run(texts, items, with_lt=False)
    items = [c for c in items if c in alone]
    results = {c: (alone[c][0],) for c in items}
    columns = [("names pack alone", 0)]
    if args.languagetool:
        answers = _load(args.lt_answers)
        lt_results, lt_names_noise, lt_noise, _ = run(texts, items, True, answers)
        if args.lt_answers is not None:
            _save(args.lt_answers, answers)
        results = {c: (*results[c], *lt_results[c]) for c in items}
        columns += [("names with LT", 1), ("any finding with LT", 2), ("LT speller alone", 3)]
    print("\nrecall of altered mentions")
    print("\n".join(_table(items, results, columns)))
    print(f"\nnoise on the {len(texts)} originals ({words:,} words)")
    print(
        f"  names pack alone: {len(noise)} names warnings, {1000 * len(noise) / words:.3f} per 1,000"
    )
    if args.languagetool:
        print(
            f"  names with LT:    {len(lt_names_noise)} names warnings, "
            f"{1000 * len(lt_names_noise) / words:.3f} per 1,000"
        )
        print(
            f"  LT speller alone: {len(lt_noise)} matches on capitalised words, "
            f"{1000 * len(lt_noise) / words:.3f} per 1,000"
        )
    if args.quiet:
        return
    print("\nnames warnings on the originals (each to review):")
    for n, rule, message, line in noise + (lt_names_noise if args.languagetool else []):
        print(f"  [{n}] {rule}: {message}\n      | {line}")
    print("\nmissed (names pack alone" + (", and with LT" if args.languagetool else "") + "):")
    for case in items:
        if not results[case][0] or (args.languagetool and not results[case][1]):
            flags = "".join("x" if r else "." for r in results[case])
            line = case.text[max(0, case.start - 50) : case.end + 30]
            print(
                f"  [{case.article}] {flags} {case.original} -> {case.altered} "
                f"({case.kind}, {case.shape}) | {' '.join(line.split())}"
            )


def _load(path: Path | None) -> dict[str, list]:
    """Recorded answers: our own file, written by ``_save`` (pickle: never one from elsewhere)."""
    if path is None or not path.exists():
        return {}
    with path.open("rb") as f:
        return pickle.load(f)


def _save(path: Path, answers: dict[str, list]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        pickle.dump(answers, f)
    tmp.replace(path)


if __name__ == "__main__":
    main()
