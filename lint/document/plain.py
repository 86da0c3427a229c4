"""Plain text: paragraphs are separated by blank lines; line breaks inside one are spaces.

A line that starts with a list marker ("- ", "• ", "1. ") is an item of its own.
"""

from __future__ import annotations

import regex

from lint.document.builder import TextBuilder
from lint.document.directives import find_directives
from lint.document.mapping import LINE_BREAK, OffsetMap
from lint.document.model import Document

BULLET = regex.compile(r"(?:[-*•‣▪◦]|\d{1,3}[.)])[ \t]+(?=\S)")
"""A list item's marker at the start of a line: "- ", "• ", "1. ", "2) "."""


def parse_plain(source: str) -> Document:
    directives = find_directives(source, hash_lines=True)
    directive_spans = [(d.offset, d.end) for d in directives]
    builder = TextBuilder()
    pos = 0
    newline_at = -1
    for line in _lines(source):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        bullet = BULLET.match(stripped)
        if not stripped:
            builder.end_paragraph()
        elif not _is_directive_line(start + lead, start + lead + len(stripped), directive_spans):
            if bullet:  # a list item is a paragraph of its own, without its marker
                builder.end_paragraph()
                stripped, lead = stripped[bullet.end() :], lead + bullet.end()
            elif newline_at >= 0:
                builder.add_break(newline_at)
            builder.add(stripped, start + lead)
        newline_at = start + len(body) if line.endswith("\n") or line.endswith("\r") else -1
    text = builder.text()
    return _document(source, text, "text", builder.map, builder.paragraphs, directives)


def _lines(source: str) -> list[str]:
    """Lines with their breaks, ending only at ``\r\n``, ``\n`` or ``\r`` as LineIndex counts
    them (``str.splitlines`` also breaks at form feeds, U+2028 and others, which glued the
    words either side together)."""
    lines, start = [], 0
    for m in LINE_BREAK.finditer(source):
        lines.append(source[start : m.end()])
        start = m.end()
    if start < len(source):
        lines.append(source[start:])
    return lines


def _is_directive_line(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _document(source, text, kind, omap: OffsetMap, paragraphs, directives) -> Document:
    return Document(source, text, kind, omap, paragraphs, directives=directives)
