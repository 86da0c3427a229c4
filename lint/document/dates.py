"""Publication dates from metadata (front matter ``date:``, HTML meta tags)."""

from __future__ import annotations

import datetime as dt

from dateutil import parser as dateparser

EARLIEST = dt.date(1000, 1, 1)
LATEST = dt.date(8999, 12, 31)
"""The publication dates factlint judges by. The checks count years back and forward
from the publication date (ages, "next year", events), so a date at the calendar's very
edge (9999-12-31, a common CMS placeholder, or 0001-01-01) is not one a draft can have."""


def out_of_range(date: dt.date | None) -> str | None:
    """Why ``date`` cannot be a publication date, or None."""
    if date is None or EARLIEST <= date <= LATEST:
        return None
    hint = " (a placeholder for no date?)" if date in (dt.date.max, dt.date.min) else ""
    return (
        f"publication date {date.isoformat()}{hint} is outside the dates factlint judges by "
        f"({EARLIEST.isoformat()} to {LATEST.isoformat()})"
    )


def parse_pubdate(value: object) -> dt.date | None:
    """A date from a metadata value (date, datetime or string), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    try:
        return dateparser.parse(value, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError):
        return None
