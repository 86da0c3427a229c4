"""spaCy's rule lemmatizer, made fast without changing one lemma.

Profiled on real news, the stock lemmatizer of ``en_core_web_sm`` took as long
as the parser (about 40 ms for 1,000 words): its lookup of each candidate form
is a membership test on a Python list of up to 57,528 words, and only some of
its answers are remembered. Here the lists become frozensets (the same
membership, in constant time) and every answer is remembered by what decides it
(the word, its part of speech and its morphology: the stock cache's own key),
then written back in one array. The lemmas are the stock ones, token for token
(``tests/test_nlp.py`` compares them on real news).
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.pipeline import Lemmatizer

MAX_REMEMBERED = 200_000
"""Answers kept (a few MB); past that the memo starts again rather than grow without end."""


def speed_up(lemmatizer: Lemmatizer) -> Lemmatizer:
    """Make ``lemmatizer`` (a rule or lookup Lemmatizer) remember its answers, in place."""
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode not in ("rule", "lookup"):
        return lemmatizer
    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos in list(index):
            index[pos] = frozenset(index[pos])
    lemmatizer.__class__ = _remembering(type(lemmatizer))
    lemmatizer._memo = {}
    return lemmatizer


def _remembering(base: type) -> type:
    class Remembering(base):
        _memo: dict[tuple[int, int, int], int]

        def __call__(self, doc):
            if not self._validated:
                return super().__call__(doc)  # the stock path validates the tables once
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            if not len(rows):
                return doc
            memo = self._memo
            if len(memo) > MAX_REMEMBERED:
                memo.clear()
            add = doc.vocab.strings.add
            lemmas = rows[:, 3].copy()
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:  # set by the attribute ruler ("gonna")
                    continue
                key = (orth, pos, morph)
                found = memo.get(key)
                if found is None:
                    found = memo[key] = add(self.lemmatize(doc[i])[0])
                lemmas[i] = found
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc

    Remembering.__name__ = Remembering.__qualname__ = base.__name__
    return Remembering
