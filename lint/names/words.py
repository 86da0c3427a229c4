"""Is it an English word? The dictionary the names rules ask before calling a form a slip.

A short name is only safe to call a slip of another when the odd form is no
word of its own: "Shah" beside "Shaw", "Love" beside "Lowe" may be meant. The
word list is the one spaCy's English pipeline already ships for its
lemmatizer (WordNet's nouns, verbs, adjectives and adverbs, 83,000 forms, and
the irregular inflections), with spaCy's function words ("would", "these"), read from the installed model package on first use
(about 50 ms), not typed in here. WordNet lists some famous names too
("london", "shaw", "trump"): for this question that errs on the quiet side.
Without the model's tables every word counts as known, so nothing is reported
on this evidence.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from lint import nlp

_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "'s")


@functools.lru_cache(maxsize=1)
def vocabulary() -> frozenset[str] | None:
    """Lower-case English words from the spaCy model's lemmatizer tables (None if absent)."""
    path = _lookups(nlp.default_model())
    if path is None:
        return None
    import srsly

    tables = srsly.read_msgpack(path)
    words: set[str] = set()
    for forms in tables.get("lemma_index", {}).values():
        words.update(forms)
    for table in tables.get("lemma_exc", {}).values():
        for form, lemmas in table.items():
            words.add(form)
            words.update(lemmas)
    return frozenset(w for w in words if w.isalpha())


def _lookups(model: str) -> Path | None:
    spec = importlib.util.find_spec(model)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for path in Path(folder).glob("*/lemmatizer/lookups/lookups.bin"):
            return path
    return None


@functools.lru_cache(maxsize=1 << 14)
def is_word(word: str) -> bool:
    """Is ``word`` (any case) an English word or a regular inflection of one?"""
    known = vocabulary()
    if known is None:
        return True
    lower = word.lower().replace("’", "'")
    if lower in known or lower in STOP_WORDS:
        return True
    for ending in _ENDINGS:
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 3:
            if stem in known or (ending in ("ed", "er", "est", "ing") and stem + "e" in known):
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known:
                return True  # "planned", "bigger"
    return bool(lower.endswith("ies") and lower[:-3] + "y" in known)
