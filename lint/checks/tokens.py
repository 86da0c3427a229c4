"""tokens: patterns over spaCy tokens — lemma, part of speech, entity type, shape.

For what a regular expression cannot say: "any form of *comprise* followed by
*of*", "a number written as a word before a unit", "a GPE entity followed by a
possessive". Patterns use spaCy's Matcher syntax
(https://spacy.io/usage/rule-based-matching): each is a list of token
descriptions with keys such as ``LOWER``, ``LEMMA``, ``POS``, ``TAG``,
``ENT_TYPE``, ``SHAPE``, ``IS_DIGIT``, ``OP``.

Options:

* ``patterns`` — a list of Matcher patterns (each a list of token mappings).
* ``suggestion`` — replacement text to offer (optional).
* ``span`` — ``[start, end]`` token indices within the match to report
  (default: the whole match).

Bad::

    kind: tokens
    patterns:
      - [{LEMMA: comprise}, {LOWER: of}]

flags "The team is comprised of five reporters."
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from lint.checks.base import Check, Context, match_case
from lint.findings import Finding
from lint.packs.options import Option, OptionError
from lint.packs.yamlpos import mark_of


@functools.cache
def _blank_vocab():
    """A vocabulary to validate patterns with, without loading a trained model."""
    import spacy

    return spacy.blank("en").vocab


_ENTITY_KEYS = {"ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID"}
_LEMMA_KEYS = {"LEMMA"}
_SENT_KEYS = {"IS_SENT_START", "SENT_START"}


class Tokens(Check):
    kind = "tokens"
    scope = "paragraph"
    message = "Check '{match}'."
    needs = frozenset({"tags"})
    options = {
        "patterns": Option("list[list]", required=True, doc="spaCy Matcher patterns"),
        "suggestion": Option("str", None, "replacement to offer"),
        "span": Option("any", None, "[start, end] token indices to report"),
    }

    def prepare(self) -> None:
        from spacy.matcher import Matcher

        keys = {k for pattern in self.opts["patterns"] for tok in pattern for k in tok}
        needs = {"tags"}
        if keys & _LEMMA_KEYS:
            needs.add("lemmas")
        if keys & _ENTITY_KEYS:
            needs.add("entities")
        if keys & _SENT_KEYS:
            needs.add("sentences")
        self.needs = frozenset(needs)
        matcher = Matcher(_blank_vocab(), validate=True)
        for i, pattern in enumerate(self.opts["patterns"]):
            try:
                matcher.add(self.rule.id, [pattern])
            except (ValueError, TypeError, KeyError) as exc:
                reason = (
                    str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
                )
                raise OptionError(
                    f"invalid token pattern: {reason}", mark_of(self.opts["patterns"], i)
                ) from None
        span = self.opts["span"]
        if span is not None and not (
            isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
        ):
            raise OptionError(
                "`span` must be [start, end] token indices", mark_of(self.opts, "span")
            )
        self._matchers: dict[int, Matcher] = {}

    def _matcher(self, vocab):
        from spacy.matcher import Matcher

        key = id(vocab)
        if key not in self._matchers:
            matcher = Matcher(vocab)
            matcher.add(self.rule.id, list(self.opts["patterns"]))
            self._matchers[key] = matcher
        return self._matchers[key]

    def run(self, ctx: Context) -> Iterator[Finding]:
        if ctx.nlp is None:
            return
        doc = ctx.nlp
        suggestion = self.opts["suggestion"]
        span_opt = self.opts["span"]
        spans = self._matcher(doc.vocab)(doc, as_spans=True)
        seen: set[tuple[int, int]] = set()
        for span in sorted(spans, key=lambda s: (s.start, -len(s))):
            if span_opt:
                span = doc[span.start + span_opt[0] : span.start + span_opt[1]]
            key = (span.start_char, span.end_char)
            if key in seen or any(s <= key[0] < e for s, e in seen):
                continue
            seen.add(key)
            yield self.finding(
                span.start_char,
                span.end_char,
                span.text,
                [match_case(suggestion, span.text)] if suggestion is not None else [],
            )
