"""Dates against the calendar: weekdays that do not match, days that do not exist, and
ranges that end before they start. They need no publication date, except to give a
yearless date ("Tuesday, March 4") its year: the one nearest the publication date.

weekday-date
    A weekday written with a date must be that date's weekday. A wrong one sends
    readers to the wrong day; usually the date is right and the weekday was copied
    from an earlier draft. The replacement is the right weekday, in the same style
    ("Sat." → "Wed."); whether the weekday or the date is wrong is the editor's call,
    so the shipped rule does not apply it with ``--fix``. A yearless date takes the
    year its range writes ("Tuesday, Nov. 3 to Friday, Nov. 6, 2020"), else the one
    nearest publication; read after publication but told in the past, with a weekday
    right for the year before, it is last year's. Options: none.

    Bad: "The vote is on Saturday, 13 August 2025." (a Wednesday)
    Good: "Allied troops landed on Tuesday, June 6, 1944."

impossible-date
    February 30, April 31, February 29 in a common year. Options: none.

    Bad: "The contract was signed on Feb. 29, 2023."
    Good: "The contract was signed on Feb. 29, 2024."

date-range
    A range whose end comes before its start: "from March 9 to March 3",
    "2021–2019", "between Nov. 20 and Nov. 3, 2019" (a year written once is shared
    by both ends), "from 2500 to 3000 BC" (years BC count backwards). A range may
    cross a year end ("from Dec. 28 to Jan. 3, 2020"), months alone make a season
    that wraps ("from November to April"); a "from … to …" after "moved" or
    "postponed" is a change of date, not a range. Options: none.

    Bad: "The festival runs from March 9 to March 3."
    Good: "The festival runs from Dec. 28 to Jan. 3."

Message placeholders: ``{match}``; weekday-date adds ``{date}`` (the date as
written), ``{resolved}`` (with its year) and ``{actual}`` (its weekday);
impossible-date adds ``{reason}``; date-range adds ``{begin}`` and ``{finish}``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from lint import timex
from lint.checks.base import Check, Context
from lint.checks.relative_dates import past_verb
from lint.findings import Finding
from lint.timex import resolve
from lint.timex.shared import need_pubdate
from lint.timex.vocab import MONTH_NAMES, days_in_month


class WeekdayDate(Check):
    kind = "weekday-date"
    scope = "paragraph"
    category = "dates"
    needs = frozenset({"tags", "lemmas", "sentences"})
    message = "'{match}' contradicts '{date}': {resolved} is a {actual}."

    def run(self, ctx: Context) -> Iterator[Finding]:
        for t in timex.of(ctx):
            if t.weekday is None or t.kind != "date" or t.calendar_error:
                continue
            if t.first is None:
                need_pubdate(ctx)
                continue
            actual = t.first.weekday()
            if actual == t.weekday or _told_last_year(ctx, t):
                continue
            word = t.text.split(",")[0].split()[0]
            date = t.text[len(word) :].lstrip(" ,")
            yield self.finding(
                t.start,
                t.start + len(word),
                word,
                [_weekday_like(actual, word)],
                date=date,
                resolved=timex.describe(t.first),
                actual=calendar.day_name[actual],
            )


def _told_last_year(ctx: Context, t: timex.Timex) -> bool:
    """A yearless date read after publication ("On Thursday, 14 April, … requested" in a
    March 2017 story) whose weekday is right in the year before, told in the past tense:
    the writer is telling last year's events, not getting this year's weekday wrong."""
    if t.year is not None or t.first is None or ctx.pubdate is None or t.first <= ctx.pubdate:
        return False
    if ctx.nlp is None or t.month is None or t.day is None:
        return False
    year = t.first.year - 1
    if not (resolve.exists(year, t.month, t.day) and dt.date(year, t.month, t.day) <= ctx.pubdate):
        return False
    if dt.date(year, t.month, t.day).weekday() != t.weekday:
        return False
    if past_verb(ctx.nlp, t, plans=True) is not None:
        return True
    # the small parser often misplaces a date that opens a sentence: then the sentence's
    # verbs decide: past ones (it tags some simple pasts as participles), none present or
    # future
    s0, s1 = timex.sentence_of(ctx, t.start)
    span = ctx.nlp.char_span(s0, s1, alignment_mode="expand")
    tags = {w.tag_ for w in span or ()}
    return bool(tags & {"VBD", "VBN"}) and not tags & {"VBZ", "VBP", "MD"}


def _weekday_like(weekday: int, written: str) -> str:
    """The weekday in the style of the one written: "Wednesday", "Wed.", "WEDNESDAY"."""
    name = calendar.day_name[weekday]
    bare = written.rstrip(".")
    if len(bare) < 6:  # an abbreviation ("Sat.", "Tues.")
        name = {1: "Tues", 3: "Thurs"}.get(weekday, name[:3])
        name += "." if written.endswith(".") else ""
    return name.upper() if bare.isupper() else name


class ImpossibleDate(Check):
    kind = "impossible-date"
    scope = "paragraph"
    category = "dates"
    message = "'{match}' does not exist: {reason}."

    def run(self, ctx: Context) -> Iterator[Finding]:
        for t in timex.of(ctx):
            if not t.calendar_error or t.month is None or t.day is None:
                continue
            month = MONTH_NAMES[t.month - 1]
            if t.year is None and t.month == 2 and t.day == 29:
                near = timex.describe(ctx.pubdate) if ctx.pubdate else "the publication date"
                reason = f"no February 29 lies within six months of {near}"
            elif t.month == 2 and t.day == 29:
                reason = f"{t.year} is not a leap year, so February has 28 days"
            elif t.month == 2:
                reason = "February has 28 days, 29 in a leap year"
            else:
                reason = f"{month} has {days_in_month(t.year, t.month)} days"
            start = t.start
            if t.weekday is not None:  # point at the date, not the weekday before it
                start += len(t.text.split(",")[0]) + 1
                start += len(t.text[start - t.start :]) - len(t.text[start - t.start :].lstrip())
            yield self.finding(start, t.end, ctx.text[start : t.end], reason=reason)


class DateRange(Check):
    kind = "date-range"
    scope = "paragraph"
    category = "dates"
    message = "The range '{match}' ends ({finish}) before it starts ({begin})."

    def run(self, ctx: Context) -> Iterator[Finding]:
        for r in timex.ranges(ctx.text, timex.of(ctx)):
            if r.backwards():
                yield self.finding(r.start, r.end, r.text, begin=r.begin_text, finish=r.finish_text)
