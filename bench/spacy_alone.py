"""spaCy alone, in a process of its own: ``python -m bench.spacy_alone MANIFEST`` → JSON.

The peer that says what factlint's parsing would cost with spaCy as it comes:
the pipes factlint loads (every pipe its shipped packs need), loaded with
``spacy.load`` as a library user loads them (without factlint's faster
lemmatizer, ``lint.lemmatizer``), and run as a user runs them: ``nlp(text)``
for one draft, ``nlp.pipe`` (in batches of factlint's size) for a batch, in one
process. A process of its own so that its peak memory is spaCy's, not the
bench's. The cold figure is measured separately, as a fresh
``python -c`` (see ``COLD``).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

NEEDS = ("tags", "lemmas", "entities", "sentences")
BATCH_SIZE = 64
"""As ``lint.nlp.parse_all``: the pipeline's own default (256 texts) would hold most of
the batch's Docs at once and measure gigabytes that have nothing to do with parsing."""

COLD = (
    "import sys; from pathlib import Path; from bench.spacy_alone import stock; "
    "nlp = stock(); nlp(Path(sys.argv[1]).read_text('utf-8'))"
)
"""The cold run: start Python, import spaCy, load the pipeline, parse the single draft."""


def _read(paths: list[str]) -> list[str]:
    return [Path(p).read_text("utf-8") for p in paths]


def stock():
    """spaCy's own pipeline with the pipes factlint's shipped packs use."""
    import spacy

    from lint.nlp import default_model, excluded

    return spacy.load(default_model(), exclude=excluded(frozenset(NEEDS)))


def main(manifest_path: str) -> None:
    manifest = json.loads(Path(manifest_path).read_text("utf-8"))
    nlp = stock()
    nlp(Path(manifest["single"]).read_text("utf-8"))  # first call: lazy set-up, untimed

    def timed(text: str) -> float:
        began = time.perf_counter()
        nlp(text)
        return time.perf_counter() - began

    warm = [timed(t) for t in _read(manifest["warm"])]
    batch = _read(manifest["batch"])
    nlp.max_length = max(nlp.max_length, max(len(t) for t in batch) + 1)
    began = time.perf_counter()
    for _ in nlp.pipe(batch, batch_size=BATCH_SIZE):
        pass
    batch_seconds = time.perf_counter() - began
    first, *edited = _read(manifest["versions"])
    nlp(first)
    incremental = [timed(t) for t in edited]  # spaCy has no cache: the whole draft again
    print(
        json.dumps(
            {
                "pipes": nlp.pipe_names,
                "warm": statistics.median(warm),
                "batch_seconds": batch_seconds,
                "batch_words": sum(len(t.split()) for t in batch),
                "incremental": statistics.median(incremental),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
