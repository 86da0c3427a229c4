"""Gaps left where a value or a word was removed from a text ("With an area of , Algeria").

Text extracted from a web page or a wiki often loses what a template or a script
filled in: a measurement, a pronunciation, a foreign spelling. What is left reads
as a space before a comma, a doubled comma or empty brackets. In such a text
those marks are damage, not a writer's slip, and the typography rules that would
report them (``outside: [gaps]``) stand down, with one note saying why.
Edited copy almost never has one: in 2,400 paragraphs of published news, one.
"""

from __future__ import annotations

import regex

GAP = regex.compile(
    r"\(\s*[;,:]?\s*[,;:]?\s*\)"  # "( ; , )", "()"
    r"|[,;]\s+[,;.](?=\s|$)"  # ", ," ", ."
    r"|\(\s*[,;]"  # "(, "
    r"|\b(?:of|and|or|is|as|by|than|for|from|to|with|the|a|an|are|was|were|at|in|on|about)"
    r"\s+[,.;:](?=\s|$)",  # "an area of , Algeria"
    regex.IGNORECASE,
)
DAMAGED = 2
"""Gaps from which on a text is taken to have lost removed values."""


def gaps(text: str) -> list[tuple[int, int]]:
    """Where the text looks like something was removed."""
    return [(m.start(), m.end()) for m in GAP.finditer(text)]


def damaged(text: str) -> bool:
    return len(gaps(text)) >= DAMAGED
