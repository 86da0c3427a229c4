"""pairs: quotation marks and brackets that open without closing, or close without opening.

A quotation with no opening mark, or a parenthesis never closed, is one of the
commonest slips of a rushed edit. Checked paragraph by paragraph.

Newsroom convention: a quotation that runs over several paragraphs reopens
each new paragraph with an opening mark and closes only at its end, so an
unclosed quote is fine when the next paragraph starts with an opening mark.

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
from lint.findings import Finding
from lint.packs.options import Option

NON_SPACE = regex.compile(r"\S")
STRAIGHT = regex.compile('"')
ENUMERATOR = regex.compile(r"\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\)")
EMOTICON = regex.compile(r"[:;8][-']?[()\[\]]|[()]:")


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
        for i, (start, end) in enumerate(paragraphs):
            following = (
                NON_SPACE.search(text, paragraphs[i + 1][0]) if i + 1 < len(paragraphs) else None
            )
            nxt = following.group() if following else ""
            for opener, closer in self.quotes:
                yield from self._balance(text, start, end, opener, closer, continued=nxt == opener)
            if self.opts["straight"]:
                yield from self._straight(text, start, end, continued=nxt == '"')
            for opener, closer in self.brackets:
                yield from self._brackets(text, start, end, opener, closer)

    def _balance(self, text, start, end, opener, closer, continued) -> Iterator[Finding]:
        open_at: int | None = None
        marks = regex.compile("[" + regex.escape(opener + closer) + "]")
        for m in marks.finditer(text, start, end):
            pos, ch = m.start(), m.group()
            if ch == opener:
                if open_at is not None:
                    yield self._unclosed(open_at, opener, closer)
                open_at = pos
            elif ch == closer:
                if open_at is None:
                    yield self._unopened(pos, opener, closer)
                open_at = None
        if open_at is not None and not continued:
            yield self._unclosed(open_at, opener, closer)

    def _straight(self, text, start, end, continued) -> Iterator[Finding]:
        positions = [m.start() for m in STRAIGHT.finditer(text, start, end)]
        if len(positions) % 2 and not continued:
            last = positions[-1]
            opening = (
                last + 1 < end
                and not text[last + 1].isspace()
                and (last == start or text[last - 1].isspace())
            )
            if opening:
                yield self._unclosed(last, '"', '"')
            else:
                yield self._unopened(last, '"', '"')

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
