"""repetition: the same word twice in a row ("the the"), across a line break too.

Doubled words survive proofreading because the eye skips the second one. Some
doublings are grammatical ("had had", "that that") and are listed in ``ignore``.

Options:

* ``ignore`` — words whose doubling is fine (default: had, that, is, do,
  bye, no, yes, very, ha, knock, so, tut, chop, well).
* ``ignorecase`` — "The the" counts (default ``true``).

The fix removes the second word.

Bad: "We met the the minister." Good: "What he had had was enough."
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.checks.base import Check, Context
from lint.findings import Finding
from lint.packs.options import Option

DEFAULT_IGNORE = [
    "had", "that", "is", "do", "bye", "no", "yes", "very", "ha", "knock",
    "so", "tut", "chop", "well", "blah", "bang", "buzz", "la", "ta",
]  # fmt: skip


class Repetition(Check):
    kind = "repetition"
    scope = "paragraph"
    message = "'{match}' is repeated."
    options = {
        "ignore": Option("list[str]", DEFAULT_IGNORE, "words whose doubling is fine"),
        "ignorecase": Option("bool", True, "'The the' counts"),
    }

    def prepare(self) -> None:
        flags = regex.IGNORECASE if self.opts["ignorecase"] else 0
        self.pattern = regex.compile(
            r"(?<![\w'’-])(?P<word>[^\W\d_][\w'’]*)(?P<gap>[ \t\u00a0]*\n?[ \t\u00a0]*[ \t\u00a0\n])"
            r"(?P=word)(?![\w'’-])",
            flags,
        )
        self.ignore = {w.lower() for w in self.opts["ignore"]}

    def run(self, ctx: Context) -> Iterator[Finding]:
        for m in self.finditer(self.pattern, ctx.text):
            word = m.group("word")
            if word.lower() in self.ignore:
                continue
            start = m.start("gap")
            yield self.finding(start, m.end(), word, [""])
