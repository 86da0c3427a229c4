"""pairs: quotation marks and brackets that open without closing, or close without opening.

A quotation with no opening mark, or a parenthesis never closed, is one of the
commonest slips of a rushed edit. Checked paragraph by paragraph.

Quotation marks are read as lint.document.quotes reads them: locally, mark by
mark, never by counting, so a quotation that runs over several paragraphs and
reopens each one without closing the last (newsroom convention, also when the
paragraphs were joined into one line) is fine, and a quotation that lost its
opening mark is reported at its closing mark, once, without a cascade.

Options:

* ``quotes`` — pairs of distinct opening/closing marks (default curly double
  quotes ``“ ”`` and guillemets ``« »``).
* ``straight`` — also check straight double quotes ``"`` by counting them
  (default ``true``).
* ``brackets`` — bracket pairs (default ``( )`` and ``[ ]``).

Bad: "He said “we will win." Good: "He said “we will win.”"
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.checks.base import Check, Context
from lint.document import quotes
from lint.findings import Finding
from lint.packs.options import Option

ENUMERATOR = regex.compile(r"\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\)")
EMOTICON = regex.compile(r"(?<!\S)(?:[:;8][-']?[()\[\]]|[()]:)(?![^\s.,;!?])")
"""A smiley standing alone (":)", ";-(" , "):"); "(one in 68)" and "(1990):" are brackets."""


class Pairs(Check):
    kind = "pairs"
    category = "typography"
    message = "{what}"
    options = {
        "quotes": Option("list[list]", [["“", "”"], ["«", "»"]], "opening/closing quote pairs"),
        "straight": Option("bool", True, "check straight double quotes"),
        "brackets": Option("list[list]", [["(", ")"], ["[", "]"]], "bracket pairs"),
    }

    def prepare(self) -> None:
        self.quotes = [tuple(p) for p in self.opts["quotes"]]
        self.brackets = [tuple(p) for p in self.opts["brackets"]]

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        paragraphs = ctx.doc.paragraphs or [(0, len(text))]
        families = [
            *self.quotes,
            *([(quotes.STRAIGHT, quotes.STRAIGHT)] if self.opts["straight"] else []),
        ]
        for family in families:
            if family[0] not in text and family[1] not in text:
                continue
            for found in quotes.quotations(text, paragraphs, family):
                for pos in found.unopened:
                    yield self._unopened(pos, *family)
                for pos in found.unclosed:
                    yield self._unclosed(pos, *family)
                for pos in found.cut:
                    yield self.finding(
                        pos - 1,
                        pos,
                        text[pos - 1],
                        what=f"A closing '{family[1]}' is missing before the attribution.",
                    )
        for start, end in paragraphs:
            for opener, closer in self.brackets:
                yield from self._brackets(text, start, end, opener, closer)

    def _brackets(self, text, start, end, opener, closer) -> Iterator[Finding]:
        stack: list[int] = []
        m = ENUMERATOR.match(text, start, end)
        skip = {m.end() - 1} if m else set()
        skip |= {
            e.start() + e.group().index(c)
            for e in EMOTICON.finditer(text, start, end)
            for c in (opener, closer)
            if c in e.group()
        }
        marks = regex.compile("[" + regex.escape(opener + closer) + "]")
        for m in marks.finditer(text, start, end):
            pos, ch = m.start(), m.group()
            if pos in skip:
                continue
            if ch == opener:
                stack.append(pos)
            elif ch == closer:
                if stack:
                    stack.pop()
                else:
                    yield self._unopened(pos, opener, closer)
        for pos in stack:
            yield self._unclosed(pos, opener, closer)

    def _unclosed(self, pos: int, opener: str, closer: str) -> Finding:
        return self.finding(
            pos,
            pos + 1,
            opener,
            what=f"'{opener}' is opened here but never closed with '{closer}'.",
        )

    def _unopened(self, pos: int, opener: str, closer: str) -> Finding:
        return self.finding(
            pos, pos + 1, closer, what=f"'{closer}' closes a '{opener}' that was never opened."
        )
