"""Time expressions in news copy, found and resolved against the publication date.

``find(text, pubdate, nlp)`` returns every :class:`Timex` of a draft: full dates
("March 4, 2025", "4 March 2025", "Tue., March 4"), months with and without
years, years, decades, weekdays, and relative expressions ("last October",
"this year", "next month", "on Monday", "three years ago"). ``ranges`` pairs
them into ranges ("from March 3 to March 9", "1939–45"). Checks share one
reading per document through :func:`of`.
"""

from __future__ import annotations

from lint.timex.find import find, quoted_spans
from lint.timex.model import Timex, describe, period
from lint.timex.ranges import Range, ranges
from lint.timex.shared import NO_PUBDATE, of, sentence_of

__all__ = [
    "NO_PUBDATE",
    "Range",
    "Timex",
    "describe",
    "find",
    "of",
    "period",
    "quoted_spans",
    "ranges",
    "sentence_of",
]
