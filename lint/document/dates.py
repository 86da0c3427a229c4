"""Publication dates from metadata (front matter ``date:``, HTML meta tags)."""

from __future__ import annotations

import datetime as dt

from dateutil import parser as dateparser


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
