"""Ranges of dates ("from March 3 to March 9", "March 3–9", "1939–45") and their order.

News copy writes a year once when both ends share it: "between Nov. 3 and Nov. 20,
2019" is all in 2019, so "between Nov. 20 and Nov. 3, 2019" ends before it starts.
A range may still cross a year end ("from Dec. 28 to Jan. 3, 2020"): the first end
is then read in the year before, provided the range stays under half a year. Months
alone make seasons, which wrap whatever their length ("from September to June").
Years BC count backwards ("from 3000 to 2500 BC", ``eras.py``). A "from … to …"
after "moved", "postponed" and the like is a change of date, not a range, and is
left alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from dataclasses import dataclass

import regex

from lint.timex.eras import EraYear, era_ranges
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
        if da is None or db is None:  # months alone: a season wraps ("from November to April")
            return False
        if yb is None:  # the end may be in the next year
            wrapped = _last(base + 1, mb, db)
            # "from July 4, 2016, to March 3": the end may be in the year of publication
            limit = dt.timedelta(days=366) if ya is not None else MAX_WRAP
        else:  # "from Dec. 28 to Jan. 3, 2020": the start is in the year before
            wrapped = end
            start = _first(base - 1, ma, da)
            if start is None:
                return False
            limit = MAX_WRAP
        return wrapped is None or wrapped - start > limit


def _first(year: int, month: int, day: int | None) -> dt.date | None:
    return period(year, month, day)[0] if day is None or exists(year, month, day) else None


def _last(year: int, month: int, day: int | None) -> dt.date | None:
    return period(year, month, day)[1] if day is None or exists(year, month, day) else None


_DASH = r"\s*(?:(?P<dash>[-–—])|to|through|thru|until|till)\s*"
_D1 = r"(?P<d1>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# not "rose on Feb 27 to 3.48 billion", "ended March 5 to 16 mln barrels": the second day
# of a compact range is not a quantity
_QUANTITY = (
    r"[.,]\d|\s*(?:[ap]\.?m\b|percent|per\s+cent|pct\b|%|mln\b|bln\b|million|billion|"
    r"trillion|dlrs\b|dollars|cents|cts\b|points|tonnes|tons|barrels|bpd\b)"
)
_D2 = rf"(?P<d2>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|{_QUANTITY})"
_B = r"(?<![\w'’.-])"
DAY_RANGES = (
    regex.compile(rf"{_B}{MONTH}\s+{_D1}{_DASH}{_D2}(?:,?\s+{YEAR})?(?![\w–—-])"),
    regex.compile(rf"{_B}{_D1}{_DASH}{_D2}\s+{MONTH}(?:,?\s+{YEAR})?(?![\w–—-])"),
)
# a compact range joined by a word ("March 3 to 9") ends its phrase: "on March 5 to 3
# others" is a date and a number
_PHRASE_END = regex.compile(r"\s*(?:[,.;:!?)\]–—]|$)")
YEAR_RANGE = regex.compile(
    r"(?<![\w.,/-])(?P<y1>1[0-9]{3}|20[0-9]{2})\s?[-–—]\s?(?P<y2>\d{4}|\d{2})(?![\w%/-]|\.\d)"
)
_JOIN = regex.compile(r",?\s*(?:[-–—]|to|until|till|through|thru|and)\s*")
_BEFORE = regex.compile(r"(?i)\b(?:from|between)\s+$")
_MOVED = regex.compile(
    r"(?i)\b(?:mov|shift|brought|bring|resched|chang|push|advanc|postpon|delay|switch|revis|"
    r"put\s+off|pull|set\s+back|slipp?)\w*\b[^.!?]{0,80}$"
)
_RANGED = ("date", "month", "year")


def joined(text: str, a: Timex, b: Timex) -> bool:
    """Are two adjacent time expressions the ends of one range ("from A to B", "A–B",
    "between A and B"), not a change of date ("moved from A to B")?"""
    if a.kind not in _RANGED or b.kind not in _RANGED:
        return False
    if (a.month is None and a.year is None) or (b.month is None and b.year is None):
        return False
    join = _JOIN.fullmatch(text, a.end, b.start)
    if not join:
        return False
    lead = text[max(0, a.start - 120) : a.start]
    if join.group().strip() == "and" and not _BEFORE.search(lead):
        return False
    return not _MOVED.search(lead.split("\n")[-1])


def ranges(text: str, timexes: list[Timex]) -> list[Range]:
    """The ranges of a draft, from adjacent time expressions and from compact forms."""
    found = [_era_range(a, b, text) for a, b in era_ranges(text)]
    eras = [(r.start, r.end) for r in found]
    finer = [(t.start, t.end) for t in timexes if t.kind in ("date", "month")]
    for pattern in DAY_RANGES:
        for m in pattern.finditer(text):
            if (
                m.group("dash")
                or _PHRASE_END.match(text, m.end())
                or _BEFORE.search(text, max(0, m.start() - 12), m.start())
            ):
                found.append(_day_range(m))
    for m in YEAR_RANGE.finditer(text):
        # "4 March 1931 – 17 June 2010" is two dates, not the years 1931–17; "1500–1200 BC"
        # counts backwards
        if _overlaps(m.start(), m.end(), finer + eras):
            continue
        if r := _year_range(m):
            found.append(r)
    for a, b in itertools.pairwise(timexes):
        if joined(text, a, b) and not _overlaps(a.start, b.end, eras):
            found.append(Range(a.start, b.end, text[a.start : b.end], (a.year, a.month, a.day),
                               (b.year, b.month, b.day), a.text, b.text))  # fmt: skip
    return sorted(found, key=lambda r: r.start)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def share_years(text: str, timexes: list[Timex]) -> list[Timex]:
    """Yearless days read in the year their range partner writes: "between Nov. 3 and
    Nov. 20, 2019" is in 2019 whatever the publication date, "from Dec. 28 to Jan. 3,
    2020" starts in 2019, "from Dec. 28, 2019, to Jan. 3" ends in 2020. The parts as
    written stay as they were; only the resolved period changes."""
    out = list(timexes)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not joined(text, a, b) or a.kind != "date" or b.kind != "date":
            continue
        if a.year is None and b.year is not None and b.first is not None and not a.calendar_error:
            day = _shared(b.year, a.month, a.day, before=b.first)
            if day is not None and (a.first is None or a.first > b.first
                                    or (b.first - a.first).days > 366):  # fmt: skip
                out[i] = dataclasses.replace(a, first=day, last=day)
        elif a.year is not None and b.year is None and a.first is not None and not b.calendar_error:
            day = _shared(a.year, b.month, b.day, after=a.first)
            if day is not None and (b.first is None or b.first < a.first
                                    or (b.first - a.first).days > 366):  # fmt: skip
                out[i + 1] = dataclasses.replace(b, first=day, last=day)
    return out


def _shared(year: int, month: int | None, day: int | None, before: dt.date | None = None,
            after: dt.date | None = None) -> dt.date | None:  # fmt: skip
    """The day in ``year``, or in the neighbouring year when the range crosses a year end
    within half a year; in ``year`` when it would not (the range is then backwards)."""
    if month is None or day is None or not exists(year, month, day):
        return None
    same = dt.date(year, month, day)
    if before is not None and same > before:
        other = year - 1
        if exists(other, month, day) and before - dt.date(other, month, day) <= MAX_WRAP:
            return dt.date(other, month, day)
    if after is not None and same < after:
        other = year + 1
        if exists(other, month, day) and dt.date(other, month, day) - after <= MAX_WRAP:
            return dt.date(other, month, day)
    return same


def _era_range(a: EraYear, b: EraYear, text: str) -> Range:
    """A range of years with an era; the first end takes the era the second writes
    ("3000 to 2500 BC" names "3000 BC")."""
    first = a.text if not a.text.isdigit() or b.year > 0 else f"{a.text} BC"
    return Range(a.start, b.end, text[a.start : b.end], (a.year, None, None),
                 (b.year, None, None), first, b.text)  # fmt: skip


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
