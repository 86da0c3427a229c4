"""The bench's texts: real published news only (``bench/corpus.py``), never text we wrote.

Every tool gets the same files. The corpus is split so that no measurement is
flattered by a cache (factlint's per-paragraph cache, LanguageTool's sentence
cache) holding a text another measurement already sent:

- ``batch``: the first ``BATCH`` articles (``news_texts(300)``), checked once per tool
  (``--quick``: fewer of them);
- ``drafts``: the articles after those nearest 1,000 words; ``drafts[0]`` (the
  nearest) is "the single draft" of the cold runs, ``drafts[2:]`` are the
  warm single drafts, a new text for every timed run;
- ``versions``: the ~5,000-word draft (``versions[0]``), real articles
  concatenated, and then the same draft with one more paragraph replaced by a
  paragraph of another real article, one edit per version;
- ``warmup``: more articles, only to warm LanguageTool's JVM up;
- ``curve``: CURVE articles after those, for the warm-up curve of a fresh server
  (``bench_languagetool.warm_up_curve``; each curve has a server of its own).

The 2017 scrape kept few paragraph breaks (many bodies are one 500-word
"paragraph"), so the incremental draft is made of the articles whose breaks
survived (no paragraph over ``MAX_PARAGRAPH_WORDS`` words): an editor's draft
has paragraphs, and editing one is what the re-check figure is about.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

BATCH = 300
WARM = 5  # warm runs; two more drafts for the cold runs (service, in-process)
SINGLE_WORDS = 1000
INCREMENTAL_WORDS = 5000
EDITS = 5
WARMUP = 30
CURVE = 20  # checks in a warm-up curve
MAX_PARAGRAPH_WORDS = 200
EDIT_MIN_WORDS = 25  # a body paragraph, not a headline


def words(text: str) -> int:
    return len(text.split())


@dataclass
class Texts:
    """Where the bench's files are and what is in them."""

    source: str
    batch_dir: Path
    batch: list[Path]
    batch_words: int
    drafts: list[Path]
    draft_words: list[int]
    versions: list[Path]
    version_texts: list[str]
    edited_words: list[int]  # words of each replaced paragraph (before the edit)
    warmup: list[str]
    curve: list[str]

    @property
    def single(self) -> Path:
        return self.drafts[0]

    @property
    def incremental_words(self) -> int:
        return words(self.version_texts[0])

    @property
    def warm(self) -> list[Path]:
        return self.drafts[2:]

    def text(self, path: Path) -> str:
        return path.read_text("utf-8")


def load_corpus() -> tuple[str, list[str]]:
    """The corpus description and every article, in the corpus's fixed order."""
    try:
        from bench.corpus import corpus_info, news_texts

        return corpus_info(), news_texts()
    except LookupError as exc:  # the message says how to install it
        raise SystemExit(f"bench: {exc}") from None


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _has_paragraphs(text: str) -> bool:
    return words(text) >= 300 and max(words(p) for p in _paragraphs(text)) <= MAX_PARAGRAPH_WORDS


def _edits(base: list[str], pool: list[str], edits: int) -> list[tuple[int, str]]:
    """``edits`` (paragraph index, replacement) pairs spread through the draft; each
    replacement is the unused pool paragraph nearest in length to the one it replaces."""
    body = [i for i, p in enumerate(base) if words(p) >= EDIT_MIN_WORDS]
    picks = [body[(2 * k + 1) * len(body) // (2 * edits)] for k in range(edits)]
    free = list(pool)
    out = []
    for index in picks:
        best = min(free, key=lambda p: abs(words(p) - words(base[index])))
        free.remove(best)
        out.append((index, best))
    return out


def prepare(
    work: Path, batch_size: int = BATCH, warm: int = WARM, edits: int = EDITS, quick: bool = False
) -> Texts:
    """Choose the texts and write them under ``work`` (one file per text); the batch is
    always the first articles, so a smaller ``batch_size`` is a prefix of the full one.
    ``quick`` (a smoke test of the bench) takes 2 warm-up articles and 3 curve checks."""
    source, articles = load_corpus()
    if len(articles) < BATCH + warm + 2 + 40:
        raise SystemExit(f"bench: the corpus has only {len(articles)} articles")
    batch, spare = articles[:batch_size], articles[BATCH:]
    drafts = sorted(spare, key=lambda t: abs(words(t) - SINGLE_WORDS))[: warm + 2]
    rest = [t for t in spare if t not in drafts]
    paragraphed = [t for t in rest if _has_paragraphs(t)] or rest
    base: list[str] = []
    used = 0
    for article in paragraphed:
        if sum(words(p) for p in base) >= INCREMENTAL_WORDS:
            break
        base += _paragraphs(article)
        used += 1
    pool = [
        p
        for t in paragraphed[used:]
        for p in _paragraphs(t)[1:]
        if EDIT_MIN_WORDS <= words(p) <= MAX_PARAGRAPH_WORDS
    ]
    versions = [list(base)]
    edited = []
    for index, replacement in _edits(base, pool, edits):
        edited.append(words(versions[-1][index]))
        versions.append([*versions[-1][:index], replacement, *versions[-1][index + 1 :]])
    taken = set(paragraphed)  # the draft's and the replacements' articles
    unused = [t for t in rest if t not in taken]
    warmup = unused[: 2 if quick else WARMUP]
    curve = [t for t in unused[len(warmup) :] if words(t) >= 200][: 3 if quick else CURVE]

    def write(folder: str, texts: list[str], stem: str) -> list[Path]:
        (work / folder).mkdir(parents=True, exist_ok=True)
        paths = [work / folder / f"{stem}{i:03}.txt" for i in range(len(texts))]
        for path, text in zip(paths, texts, strict=True):
            path.write_text(text + "\n", "utf-8")
        return paths

    version_texts = ["\n\n".join(v) for v in versions]
    texts = Texts(
        source=source,
        batch_dir=work / "batch",
        batch=write("batch", batch, "a"),
        batch_words=sum(words(t) for t in batch),
        drafts=write("drafts", drafts, "d"),
        draft_words=[words(t) for t in drafts],
        versions=write("incremental", version_texts, "v"),
        version_texts=[t + "\n" for t in version_texts],
        edited_words=edited,
        warmup=warmup,
        curve=curve,
    )
    manifest = {
        "single": str(texts.single),
        "warm": [str(p) for p in texts.warm],
        "batch": [str(p) for p in texts.batch],
        "versions": [str(p) for p in texts.versions],
    }
    (work / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    return texts
