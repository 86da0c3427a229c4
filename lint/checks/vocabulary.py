"""vocabulary: the house's rejected words, from the ``vocabulary`` section of the config.

A newsroom keeps a list of words it does not print ("Kiev" → "Kyiv",
"utilize" → "use"). The engine builds this rule from the configuration; its
accepted words are handed to LanguageTool and the typos check instead.

Options:

* ``reject`` — mapping of rejected word → preferred word (``""`` for none).
* ``ignorecase`` — default ``true``.

Bad (with ``reject: {utilize: use}``): "We utilize it." Good: "We use it."
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.checks.base import Check, Context, match_case, phrase_pattern, whole_word
from lint.findings import Finding
from lint.packs.options import Option


class Vocabulary(Check):
    kind = "vocabulary"
    scope = "paragraph"
    message = "'{match}' is on the house list of rejected words."
    options = {
        "reject": Option("map[str]", {}, "rejected word → preferred word"),
        "ignorecase": Option("bool", True, "case-insensitive matching"),
    }

    def prepare(self) -> None:
        flags = regex.IGNORECASE if self.opts["ignorecase"] else 0
        reject = self.opts["reject"]
        self.lookup = {" ".join(k.lower().split()): v for k, v in reject.items()}
        alternatives = sorted((phrase_pattern(k) for k in reject), key=len, reverse=True)
        self.pattern = (
            self.compile(whole_word("|".join(alternatives)), "reject", None, flags)
            if alternatives
            else None
        )

    def run(self, ctx: Context) -> Iterator[Finding]:
        if self.pattern is None:
            return
        for m in self.finditer(self.pattern, ctx.text):
            found = m.group()
            preferred = self.lookup.get(" ".join(found.lower().split()), "")
            yield self.finding(
                m.start(), m.end(), found, [match_case(preferred, found)] if preferred else []
            )
