"""spaCy's attribute ruler, made fast without changing one attribute.

The attribute ruler of ``en_core_web_sm`` maps each fine-grained tag to a part
of speech and morphology, with exceptions for some words ("gonna", "y'all"):
180 Matcher patterns, all but eight of one token. Profiled on real news, running
that Matcher over every token cost about 40 ms for 1,000 words, more than the
tagger. A one-token pattern can only look at the token itself, so its answer is
remembered by what it may read (the word, its tag and its dependency label),
asking the stock Matcher once, on a Doc of a text's new tokens alone, each with
just those. The patterns of two tokens still go through a Matcher of their own,
over the whole Doc. The matches are sorted as the stock ruler sorts them and
applied by its own code, so the result is the stock one, token for token
(``tests/test_nlp.py`` compares them on real news).
"""

from __future__ import annotations

from spacy.attrs import DEP, ORTH, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

MAX_REMEMBERED = 200_000
"""Answers kept (a few MB); past that the memo starts again rather than grow without end."""

READS = frozenset({"ORTH", "TEXT", "LOWER", "TAG", "DEP", "IS_SPACE", "IS_ALPHA", "IS_PUNCT",
                   "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "SHAPE", "PREFIX", "SUFFIX",
                   "LENGTH"})  # fmt: skip
"""Token attributes decided by the word, its tag and its dependency label: a one-token
pattern reading only these can be answered from the memo (not NORM: the tokenizer's
exceptions set it per token)."""


def speed_up(ruler: AttributeRuler) -> AttributeRuler:
    """Make ``ruler`` remember its one-token answers, in place; a ruler with patterns
    that read anything else (or use operators) is left as it is."""
    if not isinstance(ruler, AttributeRuler):
        return ruler
    single, multi = Matcher(ruler.vocab), Matcher(ruler.vocab)
    for key, patterns in _patterns(ruler):
        ones = [p for p in patterns if len(p) == 1]
        longer = [p for p in patterns if len(p) > 1]
        if not all(set(p[0]) <= READS for p in ones):
            return ruler
        if ones:
            single.add(key, ones)
        if longer:
            multi.add(key, longer)
    ruler.__class__ = _remembering(type(ruler))
    ruler._single, ruler._multi, ruler._memo = single, multi, {}
    return ruler


def _patterns(ruler: AttributeRuler):
    """(match key, its patterns) as the ruler added them to its Matcher."""
    for i in range(len(ruler.attrs)):
        key = str(i)
        yield key, ruler.matcher.get(key)[1]


def _remembering(base: type) -> type:
    class Remembering(base):
        _memo: dict[tuple[int, int, int], list[int]]

        def match(self, doc: Doc):
            strings = self.vocab.strings
            memo = self._memo
            if len(memo) > MAX_REMEMBERED:
                memo.clear()
            keys = [tuple(row) for row in doc.to_array([ORTH, TAG, DEP]).tolist()]
            new = {key: i for i, key in enumerate(keys) if key not in memo}
            if new:
                memo.update(self._answers(doc, new))
            matches = [
                (int(strings[m]), m, i, i + 1) for i, key in enumerate(keys) for m in memo[key]
            ]
            matches.extend(
                (int(strings[m]), m, s, e) for m, s, e in self._multi(doc, allow_missing=True)
            )
            matches.sort()
            return matches

        def _answers(self, doc: Doc, new: dict[tuple, int]) -> dict[tuple, list[int]]:
            """The one-token patterns each new token matches, asked of the stock Matcher
            once, on a Doc of those tokens alone, each with its tag and dependency."""
            tokens = [doc[i] for i in new.values()]
            probe = Doc(self.vocab, words=[t.text for t in tokens])
            for ours, theirs in zip(probe, tokens, strict=True):
                ours.tag, ours.dep = theirs.tag, theirs.dep
            answers: dict[tuple, list[int]] = {key: [] for key in new}
            keys = list(new)
            for m, start, _ in self._single(probe, allow_missing=True):
                answers[keys[start]].append(m)
            return answers

    Remembering.__name__ = Remembering.__qualname__ = base.__name__
    return Remembering
