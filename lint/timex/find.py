"""Finding the time expressions of a draft and resolving them against its publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import regex

from lint.timex import resolve
from lint.timex.eras import era_ranges, era_years
from lint.timex.model import Timex, period
from lint.timex.patterns import SHAPES
from lint.timex.ranges import share_years
from lint.timex.vocab import MONTHS, WEEKDAYS, number

# Earlier shapes win a tie: "Tuesday, March 4, 2025" is one date, not a weekday and a date.
ORDER = ("iso", "month-day", "day-month", "month-year", "decade", "ago", "unit", "month",
         "deictic", "weekday", "year")  # fmt: skip


def find(text: str, pubdate: dt.date | None = None, nlp=None) -> list[Timex]:
    """Every time expression in ``text``, in order, resolved where ``pubdate`` allows.

    ``nlp`` (a spaCy Doc of ``text``, optional) admits bare years that spaCy tags
    DATE ("the 2022 invasion") besides those after a preposition ("in 1945").
    """
    candidates: list[tuple[int, int, int, regex.Match]] = []
    for rank, name in enumerate(ORDER):
        for m in SHAPES[name].finditer(text):
            candidates.append((m.start(), -(m.end() - m.start()), rank, m))
    if nlp is not None:
        for ent in nlp.ents:
            if ent.label_ == "DATE":
                for m in _BARE_YEAR.finditer(text, ent.start_char, ent.end_char):
                    candidates.append((m.start(), -4, len(ORDER), m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    quotes = quoted_spans(text)
    before_christ = _before_christ(text)
    found: list[Timex] = []
    taken_to = -1
    for start, _, rank, m in candidates:
        if start < taken_to:
            continue
        if any(a < m.end() and start < b for a, b in before_christ):
            continue
        name = ORDER[rank] if rank < len(ORDER) else "year"
        timex = _BUILD[name](m, pubdate)
        if timex is None:
            continue
        quoted = any(a <= timex.start < b for a, b in quotes)
        found.append(_replace(timex, quoted=quoted) if quoted else timex)
        taken_to = timex.end
    return share_years(text, found)


def _before_christ(text: str) -> list[tuple[int, int]]:
    """Spans of years BC ("2500 BC", and "3000" in "from 3000 to 2500 BC"): not years of
    the calendar the checks reckon in."""
    spans = [(y.start, y.end) for y in era_years(text) if y.year < 0]
    spans += [(a.start, a.end) for a, _ in era_ranges(text) if a.year < 0]
    return spans


_BARE_YEAR = regex.compile(r"(?<![\w.,'’-])(?P<year>1[5-9][0-9]{2}|20[0-9]{2})(?![\w%]|[.,/]\d)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside direct quotations, as lint.document.quotes reads them."""
    from lint.document.quotes import quoted_spans as read

    return read(text)


def _replace(timex: Timex, **changes) -> Timex:
    from dataclasses import replace

    return replace(timex, **changes)


# -- building a Timex from each shape ------------------------------------------------------


def _parts(m: regex.Match) -> tuple[int | None, int | None, int | None, int | None]:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    month = g.get("month")
    month_no = (
        (int(month) if month.isdigit() else MONTHS[month.rstrip(".").lower()]) if month else None
    )
    day = int(g["day"]) if g.get("day") else None
    weekday = WEEKDAYS[g["weekday"].rstrip(".").lower()] if g.get("weekday") else None
    return year, month_no, day, weekday


def _date(m: regex.Match, pubdate: dt.date | None) -> Timex | None:
    year, month, day, weekday = _parts(m)
    assert month is not None and day is not None
    base = dict(start=m.start(), end=m.end(), text=m.group(), kind="date", grain="day",
                year=year, month=month, day=day, weekday=weekday)  # fmt: skip
    if not resolve.exists(year, month, day):
        return Timex(**base, calendar_error=True)
    if year is None:
        if pubdate is None:
            return Timex(**base, relative=True)
        year = resolve.nearest_year(month, day, pubdate)
        if year is None:  # February 29 with no leap year near the publication date
            return Timex(**base, relative=True, calendar_error=True)
        first, last = period(year, month, day)
        return Timex(**base, relative=True, first=first, last=last)
    first, last = period(year, month, day)
    return Timex(**base, first=first, last=last)


def _month_year(m: regex.Match, _pubdate: dt.date | None) -> Timex:
    year, month, _, _ = _parts(m)
    assert year is not None and month is not None
    first, last = period(year, month)
    return Timex(m.start(), m.end(), m.group(), "month", "month", year, month,
                 first=first, last=last)  # fmt: skip


def _decade(m: regex.Match, pubdate: dt.date | None) -> Timex | None:
    if m.group("decade"):
        start = int(m.group("decade"))
    else:  # "the ’90s": the latest such decade not after the publication date
        now = (pubdate or dt.date.today()).year
        start = now // 100 * 100 + int(m.group("short"))
        start -= 100 if start > now else 0
    return Timex(m.start(), m.end(), m.group(), "decade", "decade", first=dt.date(start, 1, 1),
                 last=dt.date(start + 9, 12, 31))  # fmt: skip


def _month(m: regex.Match, pubdate: dt.date | None) -> Timex:
    _, month, _, _ = _parts(m)
    assert month is not None
    rel = (m.group("rel") or "").lower()
    if not rel or pubdate is None:
        return Timex(m.start(), m.end(), m.group(), "month", "month", month=month,
                     relative=bool(rel))  # fmt: skip
    year = resolve.relative_month(rel, month, pubdate)
    first, last = period(year, month)
    return Timex(m.start(), m.end(), m.group(), "relative", "month", month=month, relative=True,
                 first=first, last=last)  # fmt: skip


def _unit(m: regex.Match, pubdate: dt.date | None) -> Timex:
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    grain = unit
    if pubdate is None:
        return Timex(m.start(), m.end(), m.group(), "relative", grain, relative=True)
    first, last = resolve.relative_unit(rel, unit, pubdate)
    return Timex(m.start(), m.end(), m.group(), "relative", grain, relative=True,
                 first=first, last=last)  # fmt: skip


def _deictic(m: regex.Match, pubdate: dt.date | None) -> Timex:
    day = None
    if pubdate is not None:
        day = pubdate + dt.timedelta(days=1 if m.group("word").lower() == "tomorrow" else -1)
    return Timex(m.start(), m.end(), m.group(), "relative", "day", relative=True, first=day,
                 last=day)  # fmt: skip


def _weekday(m: regex.Match, pubdate: dt.date | None) -> Timex:
    weekday = WEEKDAYS[m.group("weekday").lower()]
    rel = (m.group("rel") or "").lower()
    day = resolve.relative_weekday(rel, weekday, pubdate) if pubdate else None
    return Timex(m.start(), m.end(), m.group(), "weekday", "day", weekday=weekday,
                 relative=True, first=day, last=day)  # fmt: skip


def _ago(m: regex.Match, pubdate: dt.date | None) -> Timex | None:
    count, unit = number(m.group("n")), m.group("unit").lower()
    if count is None:
        return None
    grain = "year" if unit == "decade" else unit
    if pubdate is None:
        return Timex(m.start(), m.end(), m.group(), "ago", grain, relative=True)
    day = resolve.ago(count, unit, pubdate)
    first, last = (
        (day, day)
        if grain in ("day", "week")
        else period(day.year, day.month if grain == "month" else None)
    )
    return Timex(m.start(), m.end(), m.group(), "ago", grain, relative=True, first=first,
                 last=last)  # fmt: skip


def _year(m: regex.Match, _pubdate: dt.date | None) -> Timex:
    year = int(m.group("year"))
    first, last = period(year)
    return Timex(m.start("year"), m.end("year"), m.group("year"), "year", "year", year,
                 first=first, last=last)  # fmt: skip


_BUILD: dict[str, Callable[[regex.Match, dt.date | None], Timex | None]] = {
    "iso": _date,
    "month-day": _date,
    "day-month": _date,
    "month-year": _month_year,
    "decade": _decade,
    "ago": _ago,
    "unit": _unit,
    "month": _month,
    "deictic": _deictic,
    "weekday": _weekday,
    "year": _year,
}
