"""boilerplate: page furniture left in a draft by a scraper or a CMS.

"Source link", "Related Posts", "1 of 229", "Share this article", cookie
banners, bylines glued to the first sentence: text that is not part of the
story and must not be published with it.

Options:

* ``paragraphs`` — regular expressions matched against a whole paragraph
  (ignoring case and surrounding whitespace); the fix deletes the paragraph.
* ``patterns`` — regular expressions matched anywhere in the text (for
  furniture glued to real text); no automatic fix unless ``suggestion`` is set.
* ``suggestion`` — replacement for ``patterns`` matches (e.g. ``""``).

Bad: a paragraph reading "Share this article". Good: "She declined to share
this article's sources."
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.checks.base import Check, Context
from lint.findings import Finding
from lint.packs.options import Option, OptionError


class Boilerplate(Check):
    kind = "boilerplate"
    scope = "paragraph"
    category = "boilerplate"
    message = "Leftover page furniture: '{match}'."
    options = {
        "paragraphs": Option("list[str]", [], "regexes matched against a whole paragraph"),
        "patterns": Option("list[str]", [], "regexes matched anywhere"),
        "suggestion": Option("str", None, "replacement for `patterns` matches"),
    }

    def prepare(self) -> None:
        flags = regex.IGNORECASE
        paras = [
            "(?:" + self.compile(p, "paragraphs", i).pattern + ")"
            for i, p in enumerate(self.opts["paragraphs"])
        ]
        if not paras and not self.opts["patterns"]:
            raise OptionError("boilerplate rule needs `paragraphs` or `patterns`", self.rule.mark)
        self.paragraph = (
            self.compile(r"\s*(?:" + "|".join(paras) + r")\s*", "paragraphs", None, flags)
            if paras
            else None
        )
        self.patterns = [
            self.compile(p, "patterns", i, flags) for i, p in enumerate(self.opts["patterns"])
        ]

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if self.paragraph is not None:
            for start, end in ctx.doc.paragraphs:
                if end - start > 300:
                    continue
                if self.fullmatch(self.paragraph, text, start, end):
                    yield self.finding(start, end, text[start:end], [""])
        suggestion = self.opts["suggestion"]
        for pattern in self.patterns:
            for m in self.finditer(pattern, text):
                if m.end() > m.start():
                    yield self.finding(
                        m.start(),
                        m.end(),
                        m.group(),
                        [suggestion] if suggestion is not None else [],
                    )
