"""substitution: a wrong word or phrase with its right form, offered as a fix.

The workhorse of house style and of broken idioms: "tow the line" → "toe the
line". Matching is whole-word; the replacement takes the case of the match
("Tow the line" → "Toe the line").

Options:

* ``swap`` — mapping of wrong → right. A value may be a list of alternatives
  (then no automatic fix is applied). Keys are phrases (spaces match any
  whitespace) unless ``regex`` is true.
* ``regex`` — keys are regular expressions; values may use ``\\1`` group references.
* ``ignorecase`` — default ``true``; the replacement then takes the case of the
  match. With ``false`` the rule is about case ("Internet" → "internet") and the
  replacement is used exactly as written.
* ``exceptions`` — regexes whose matches are never flagged.

Message placeholders: ``{match}`` and ``{suggestion}``.

Bad::

    kind: substitution
    swap: {tow the line: toe the line}

flags "They tow the line."; leaves "The tug will tow the barge." alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.checks import anchors
from lint.checks.base import Check, Context, match_case, phrase_pattern, whole_word
from lint.findings import Finding
from lint.packs.options import Option


class Substitution(Check):
    kind = "substitution"
    scope = "paragraph"
    message = "Use '{suggestion}' instead of '{match}'."
    options = {
        "swap": Option("map[str|list]", required=True, doc="wrong → right"),
        "regex": Option("bool", False, "keys are regular expressions"),
        "ignorecase": Option("bool", True, "case-insensitive matching"),
        "exceptions": Option("list[str]", [], "regexes whose matches are never flagged"),
    }

    def prepare(self) -> None:
        ignorecase = self.opts["ignorecase"]
        flags = regex.IGNORECASE if ignorecase else 0
        swap = self.opts["swap"]
        self.pairs = []  # (pattern, replacements, what a match contains: lint.checks.anchors)
        for wrong, right in swap.items():
            body = wrong if self.opts["regex"] else phrase_pattern(wrong)
            self.compile(body, "swap", wrong, flags, at_key=True)  # a mistake shows as written
            literal = None if self.opts["regex"] else wrong
            pattern = self.compile(whole_word(body, literal), "swap", wrong, flags, at_key=True)
            rights = [right] if isinstance(right, str) else list(right)
            anchor = (
                anchors.of_regex(wrong, ignorecase)
                if literal is None
                else anchors.of_phrase(literal, ignorecase)
            )
            self.pairs.append((pattern, rights, anchor))
        self.exceptions = [
            self.compile(p, "exceptions", i, flags) for i, p in enumerate(self.opts["exceptions"])
        ]
        self.gate = anchors.any_of([anchor for _, _, anchor in self.pairs])
        self.gate_folded = ignorecase

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        ignorecase = self.opts["ignorecase"]
        for pattern, rights, anchor in self.pairs:
            if not ctx.contains(anchor, ignorecase):
                continue
            for m in self.finditer(pattern, text):
                if self.excepted(text, m.start(), m.end()):
                    continue
                found = m.group()
                replacements = [m.expand(r) if self.opts["regex"] else r for r in rights]
                if ignorecase:  # a case-sensitive rule's replacement is exact
                    replacements = [match_case(r, found) for r in replacements]
                if found in replacements:
                    continue
                yield self.finding(m.start(), m.end(), found, replacements)
