"""Resolving what a time expression means against the publication date.

News convention decides the ambiguous cases: a date written without a year is
the one nearest the publication date (AP style drops the year within the
current year, and "Dec. 28" in a January story is last December); "last
October" is the most recent October before the publication month.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from lint.timex.model import period
from lint.timex.vocab import days_in_month

_UNIT_DELTA = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
}


def exists(year: int | None, month: int, day: int) -> bool:
    """Does the calendar have this day? (An unknown year may be a leap year.)"""
    return 1 <= day <= days_in_month(year, month)


def nearest_year(month: int, day: int | None, pubdate: dt.date) -> int | None:
    """The year that puts a yearless "March 4" nearest the publication date; None if no
    year near it has that day (February 29 far from a leap year)."""
    best: tuple[int, int] | None = None
    for year in (pubdate.year - 1, pubdate.year, pubdate.year + 1):
        if day is not None and not exists(year, month, day):
            continue
        first, last = period(year, month, day)
        distance = (
            0
            if first <= pubdate <= last
            else min(abs((first - pubdate).days), abs((last - pubdate).days))
        )
        if best is None or distance < best[0]:
            best = (distance, year)
    if best is None or (day is not None and month == 2 and day == 29 and best[0] > 183):
        return None
    return best[1]


def relative_month(rel: str, month: int, pubdate: dt.date) -> int:
    """The year of "last October", "this October", "next October"."""
    if rel == "last":
        return pubdate.year if month < pubdate.month else pubdate.year - 1
    if rel == "next":
        return pubdate.year if month > pubdate.month else pubdate.year + 1
    return pubdate.year


def relative_unit(rel: str, unit: str, pubdate: dt.date) -> tuple[dt.date, dt.date]:
    """The period of "last year", "this month", "next week"."""
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "year":
        return period(pubdate.year + step)
    if unit == "month":
        anchor = pubdate + relativedelta(months=step)
        return period(anchor.year, anchor.month)
    monday = pubdate - dt.timedelta(days=pubdate.weekday()) + dt.timedelta(weeks=step)
    return monday, monday + dt.timedelta(days=6)


def relative_weekday(rel: str, weekday: int, pubdate: dt.date) -> dt.date | None:
    """The day "last Monday" or "next Monday" names; None for a bare "Monday", whose
    direction only the tense tells."""
    if rel == "last":
        return pubdate - dt.timedelta(days=(pubdate.weekday() - weekday - 1) % 7 + 1)
    if rel == "next":
        return pubdate + dt.timedelta(days=(weekday - pubdate.weekday() - 1) % 7 + 1)
    return None


def ago(count: int, unit: str, pubdate: dt.date) -> dt.date:
    """The day "three years ago" names."""
    return pubdate - _UNIT_DELTA[unit] * count
