"""existence: flag words, phrases or patterns that should not appear at all.

Use it for banned words, clichés, wordy phrases without a single fix, and
anything a regular expression can describe.

Options:

* ``tokens`` — words or phrases, matched as whole words; a space in a phrase
  matches any whitespace, line breaks included.
* ``patterns`` — regular expressions (Python ``regex`` syntax), matched as written.
* ``ignorecase`` — match without regard to case (default ``true``). Set it to
  ``false`` for case rules such as "internet" vs. "Internet".
* ``exceptions`` — regular expressions; a match inside an exception's match is
  not reported ("the Hill" the newspaper, not the cliché).
* ``suggestion`` — text offered as the replacement (optional).

Bad::

    kind: existence
    tokens: [very unique, at this point in time]

flags "This is a very unique chance."; leaves "This is a unique chance." alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.checks import anchors
from lint.checks.base import (
    Check,
    Context,
    match_case,
    phrase_pattern,
    whole_word,
    word_edges,
)
from lint.findings import Finding
from lint.packs.options import Option, OptionError


class Existence(Check):
    kind = "existence"
    scope = "paragraph"
    message = "Avoid '{match}'."
    options = {
        "tokens": Option("list[str]", [], "words or phrases, whole-word"),
        "patterns": Option("list[str]", [], "regular expressions"),
        "ignorecase": Option("bool", True, "case-insensitive matching"),
        "exceptions": Option("list[str]", [], "regexes whose matches are never flagged"),
        "suggestion": Option("str", None, "replacement to offer"),
    }

    def prepare(self) -> None:
        flags = regex.IGNORECASE if self.opts["ignorecase"] else 0
        tokens = [t for t in self.opts["tokens"] if t.strip()]
        words = [t for t in tokens if all(word_edges(t, False))]  # one boundary check for all
        alternatives = [whole_word("|".join(map(phrase_pattern, words)), words[0])] if words else []
        alternatives += [whole_word(phrase_pattern(t), t) for t in tokens if t not in words]
        for i, p in enumerate(self.opts["patterns"]):
            self.compile(p, "patterns", i)
            alternatives.append("(?:" + p + ")")
        if not alternatives:
            raise OptionError("existence rule needs `tokens` or `patterns`", self.rule.mark)
        self.pattern = self.compile("|".join(alternatives), "patterns", None, flags)
        ignorecase = self.opts["ignorecase"]
        self.gate = anchors.any_of(  # a paragraph with none of these cannot match
            [
                *(anchors.of_phrase(t, ignorecase) for t in tokens),
                *(anchors.of_regex(p, ignorecase) for p in self.opts["patterns"]),
            ]
        )
        self.gate_folded = ignorecase
        self.exceptions = [
            self.compile(p, "exceptions", i, flags) for i, p in enumerate(self.opts["exceptions"])
        ]

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        suggestion = self.opts["suggestion"]
        ignorecase = self.opts["ignorecase"]
        for m in self.finditer(self.pattern, text):
            if m.end() == m.start() or self.excepted(text, m.start(), m.end()):
                continue
            found = m.group()
            fixes = [] if suggestion is None else [suggestion]
            if ignorecase:  # as in substitution: a case rule's fix is exact
                fixes = [match_case(f, found) for f in fixes]
            yield self.finding(m.start(), m.end(), found, fixes)
