"""A time expression found in a draft, as written and as resolved.

Checks quote what the writer wrote (``text``) next to what it means (``describe``):
"'last October' (October 2024)". The parts the writer spelled out (``year``,
``month``, ``day``, ``weekday``) are kept apart from the resolved period
(``first`` … ``last``) because a contradiction is between what was *said*.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from lint.timex.vocab import MONTH_NAMES, WEEKDAY_NAMES

GRAINS = ("day", "week", "month", "year", "decade")


@dataclass(frozen=True)
class Timex:
    start: int  # plain-text offsets of the expression
    end: int
    text: str
    kind: str  # "date", "month", "year", "decade", "weekday", "relative", "ago"
    grain: str  # one of GRAINS: how precise the expression is
    year: int | None = None  # as written (a relative expression writes none)
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, as written ("Tuesday, March 4")
    relative: bool = False  # its meaning depends on the publication date
    first: dt.date | None = None  # the period it names, resolved (None: unknown)
    last: dt.date | None = None
    quoted: bool = False  # inside a quotation: anchored to the speaker's time, not ours
    calendar_error: bool = False  # names a day the calendar lacks (February 30)

    def shifted(self, delta: int) -> Timex:
        return dataclasses.replace(self, start=self.start + delta, end=self.end + delta)

    def contains(self, date: dt.date) -> bool:
        return self.first is not None and self.last is not None and self.first <= date <= self.last

    def describe(self) -> str:
        """What it resolves to, in words: "October 2024", "Tuesday, March 4, 2025"."""
        if self.first is None:
            return self.text
        return describe(self.first, self.grain)


def describe(date: dt.date, grain: str = "day", weekday: bool = False) -> str:
    """A date in news style at the given precision: "March 4, 2025", "October 2024", "2024"."""
    if grain == "decade":
        return f"the {date.year // 10 * 10}s"
    if grain == "year":
        return str(date.year)
    if grain == "month":
        return f"{MONTH_NAMES[date.month - 1]} {date.year}"
    text = f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"
    return f"{WEEKDAY_NAMES[date.weekday()]}, {text}" if weekday else text


def period(year: int, month: int | None = None, day: int | None = None) -> tuple[dt.date, dt.date]:
    """First and last day of a year, a month or a day."""
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
    d = dt.date(year, month, day)
    return d, d
