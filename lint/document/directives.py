"""Inline suppression comments: ``<!-- factlint-disable RULE -->`` and friends.

The same directives are recognised in every format: as HTML comments in
Markdown and HTML, and in plain text either as HTML comments or as a line of
its own starting with ``#`` (``# factlint-disable-next-line idioms.*``).
"""

from __future__ import annotations

import regex

from lint.document.model import Directive

_BODY = r"factlint-(?P<action>disable-next-line|disable-line|disable|enable)\b(?P<rules>[^\n]*?)"
HTML_COMMENT = regex.compile(r"<!--\s*" + _BODY + r"\s*-->")
HASH_LINE = regex.compile(r"(?m)^[ \t]*#[ \t]*" + _BODY + r"[ \t]*\r?$")


def parse_directive(body: str, offset: int, end: int) -> Directive | None:
    """A Directive from a comment's inner text, or None if it is not one."""
    m = regex.fullmatch(r"\s*" + _BODY + r"\s*", body)
    return _from_match(m, offset, end) if m else None


def find_directives(source: str, *, hash_lines: bool = False) -> list[Directive]:
    """Every directive in ``source`` (used for plain text; parsers use parse_directive)."""
    found = [_from_match(m, m.start(), m.end()) for m in HTML_COMMENT.finditer(source)]
    if hash_lines:
        found += [_from_match(m, m.start(), m.end()) for m in HASH_LINE.finditer(source)]
    return sorted(found, key=lambda d: d.offset)


def _from_match(m: regex.Match, offset: int, end: int) -> Directive:
    rules = tuple(r for r in regex.split(r"[\s,]+", m.group("rules").strip()) if r)
    return Directive(m.group("action"), rules, offset, end)
