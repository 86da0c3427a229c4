"""Ranges of dates ("from March 3 to March 9", "March 3–9", "1939–45") and their order.

A range that is written without years may cross a year end ("from Dec. 28 to
Jan. 3"): the end is then read in the next year, provided the range stays under
half a year. A "from … to …" after "moved", "postponed" and the like is a
change of date, not a range, and is left alone.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import regex

from lint.timex.model import Timex, period
from lint.timex.patterns import MONTH, YEAR
from lint.timex.resolve import exists
from lint.timex.vocab import MONTHS

Parts = tuple[int | None, int | None, int | None]  # year, month, day as written

MAX_WRAP = dt.timedelta(days=183)


@dataclass(frozen=True)
class Range:
    start: int
    end: int
    text: str
    begin: Parts
    finish: Parts
    begin_text: str
    finish_text: str

    def backwards(self) -> bool:
        """Does the range end before it starts (read as news convention reads it)?"""
        (ya, ma, da), (yb, mb, db) = self.begin, self.finish
        if ma is None or mb is None:
            return ya is not None and yb is not None and yb < ya
        base = ya or yb or 2000  # a leap year: a yearless February 29 exists
        start = _first(ya or base, ma, da)
        end = _last(yb or base, mb, db)
        if start is None or end is None or end >= start:
            return False
        if ya is not None and yb is not None:
            return True
        if yb is None:  # the end may be in the next year
            wrapped = _last(base + 1, mb, db)
        else:  # the start may be in the previous year
            wrapped = end
            start = _first(base - 1, ma, da)
            if start is None:
                return False
        # with one year written ("between July 2016 and January") the other side is read
        # in the neighbouring year whatever the length; with none, only a short range wraps
        limit = dt.timedelta(days=366) if (ya is None) != (yb is None) else MAX_WRAP
        return wrapped is None or wrapped - start > limit


def _first(year: int, month: int, day: int | None) -> dt.date | None:
    return period(year, month, day)[0] if day is None or exists(year, month, day) else None


def _last(year: int, month: int, day: int | None) -> dt.date | None:
    return period(year, month, day)[1] if day is None or exists(year, month, day) else None


_DASH = r"\s*(?:[-–—]|to|through|thru|until|till)\s*"
_D1 = r"(?P<d1>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_D2 = r"(?P<d2>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|\s*(?:[ap]\.?m\b|percent|%))"
_B = r"(?<![\w'’.-])"
DAY_RANGES = (
    regex.compile(rf"{_B}{MONTH}\s+{_D1}{_DASH}{_D2}(?:,?\s+{YEAR})?(?![\w–—-])"),
    regex.compile(rf"{_B}{_D1}{_DASH}{_D2}\s+{MONTH}(?:,?\s+{YEAR})?(?![\w–—-])"),
)
YEAR_RANGE = regex.compile(
    r"(?<![\w.,/-])(?P<y1>1[0-9]{3}|20[0-9]{2})\s?[-–—]\s?(?P<y2>\d{4}|\d{2})(?![\w%/-]|\.\d)"
)
_JOIN = regex.compile(r",?\s*(?:[-–—]|to|until|till|through|thru|and)\s*")
_BEFORE = regex.compile(r"(?i)\b(?:from|between)\s+$")
_MOVED = regex.compile(
    r"(?i)\b(?:mov|shift|brought|bring|resched|chang|push|advanc|postpon|delay|switch|revis|"
    r"put\s+off|pull|set\s+back|slipp?)\w*\b[^.!?]{0,80}$"
)


def ranges(text: str, timexes: list[Timex]) -> list[Range]:
    """The ranges of a draft, from adjacent time expressions and from compact forms."""
    found = [_day_range(m) for pattern in DAY_RANGES for m in pattern.finditer(text)]
    found += [r for m in YEAR_RANGE.finditer(text) if (r := _year_range(m))]
    for a, b in itertools.pairwise(timexes):
        if a.kind not in ("date", "month", "year") or b.kind not in ("date", "month", "year"):
            continue
        if (a.month is None and a.year is None) or (b.month is None and b.year is None):
            continue
        join = _JOIN.fullmatch(text, a.end, b.start)
        if not join:
            continue
        lead = text[max(0, a.start - 120) : a.start]
        word = join.group().strip()
        if word == "and" and not _BEFORE.search(lead):
            continue
        if _MOVED.search(lead.split("\n")[-1]):
            continue
        found.append(Range(a.start, b.end, text[a.start : b.end], (a.year, a.month, a.day),
                           (b.year, b.month, b.day), a.text, b.text))  # fmt: skip
    return sorted(found, key=lambda r: r.start)


def _day_range(m: regex.Match) -> Range:
    month = MONTHS[m.group("month").rstrip(".").lower()]
    year = int(m.group("year")) if m.group("year") else None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    name = m.group("month")
    return Range(m.start(), m.end(), m.group(), (year, month, d1), (year, month, d2),
                 f"{name} {d1}", f"{name} {d2}")  # fmt: skip


def _year_range(m: regex.Match) -> Range | None:
    y1, tail = int(m.group("y1")), m.group("y2")
    if len(tail) == 2:
        y2 = y1 // 100 * 100 + int(tail)
        if y2 < y1 and y1 - y2 > 50:  # "1999–00"
            y2 += 100
    else:
        y2 = int(tail)
    return Range(m.start(), m.end(), m.group(), (y1, None, None), (y2, None, None),
                 str(y1), str(y2))  # fmt: skip
