"""What the date and fact checks share for one document: one reading of its time
expressions, its sentences, and the note that says a publication date was missing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from lint.timex.find import find
from lint.timex.model import Timex

if TYPE_CHECKING:
    from lint.checks.base import Context

NO_PUBDATE = (
    "no publication date (set `date:` in front matter, --pubdate or `pubdate:` in config): "
    "dates relative to it were not checked"
)


def of(ctx: Context) -> list[Timex]:
    """The time expressions of the document, found once and shared by every check."""
    return ctx.per_paragraph("timex", lambda part: find(part.text, part.pubdate, part.nlp))


def need_pubdate(ctx: Context) -> bool:
    """True when there is a publication date; otherwise note (once) that there is none."""
    if ctx.pubdate is None:
        if NO_PUBDATE not in ctx.notes:
            ctx.notes.append(NO_PUBDATE)
        return False
    return True


_SENTENCE_END = regex.compile(r"(?<=[.!?][”\"’)]?)\s+(?=[“\"‘(]?[A-Z0-9])|\n\s*\n")


def sentence_of(ctx: Context, offset: int) -> tuple[int, int]:
    """The sentence around ``offset``: spaCy's when the document was parsed, else a split
    at sentence punctuation and blank lines."""
    if ctx.nlp is not None and ctx.nlp.has_annotation("SENT_START"):
        token = ctx.nlp.char_span(offset, offset + 1, alignment_mode="expand")
        if token is not None and len(token):
            sent = token[0].sent
            return sent.start_char, sent.end_char
    text = ctx.text
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, offset):
        start = m.end()
    m = _SENTENCE_END.search(text, offset)
    return start, m.start() if m else len(text)
