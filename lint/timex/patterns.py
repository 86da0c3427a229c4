"""The shapes time expressions take in news copy, as regular expressions.

spaCy's DATE entities find most dates but do not split them into parts, and
parsers (dateutil, dateparser) quietly repair what a checker must see: they drop
a weekday that contradicts its date, refuse February 30 without saying which part
is wrong, and read "on Monday" in a Monday story as a week ago. So the written
parts are captured here, python-dateutil does the calendar arithmetic
(``resolve.py``), and spaCy admits bare years ("the 2022 invasion") it tags as dates.
Names are matched in Title Case or CAPITALS only: "march" and "may" are verbs.
"""

from __future__ import annotations

import calendar

import regex

from lint.timex.vocab import NUMBER_WORD_PATTERN


def _names(full: list[str], short: list[str]) -> str:
    words = sorted({*full, *short}, key=len, reverse=True)
    return "|".join(w for word in words for w in (word, word.upper()))


_MONTH_FULL = list(calendar.month_name[1:])
_MONTH_SHORT = [m[:3] for m in _MONTH_FULL if len(m) > 3] + ["Sept"]
_DAY_FULL = list(calendar.day_name)
_DAY_SHORT = [d[:3] for d in _DAY_FULL] + ["Tues", "Weds", "Thur", "Thurs"]

B = r"(?<![\w'’.-])"  # not inside a word, a number or a URL
E = r"(?![\w'’]|[.,:/-]\d)"
MONTH = rf"(?P<month>(?:{_names(_MONTH_FULL, [])})|(?:{_names([], _MONTH_SHORT)})\.?)"
MONTH_FULL = rf"(?P<month>{_names(_MONTH_FULL, [])})"
WEEKDAY = rf"(?P<weekday>(?:{_names(_DAY_FULL, [])})|(?:{_names([], _DAY_SHORT)})\.?)"
WEEKDAY_FULL = rf"(?P<weekday>{_names(_DAY_FULL, [])})"
DAY = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})(?![\d])"
YEAR_TAIL = rf"(?:,?\s+{YEAR})?"
PREFIX = rf"(?:{WEEKDAY},?\s+)?"

SHAPES: dict[str, regex.Pattern] = {
    # "Tuesday, March 4, 2025", "Tue., March 4", "March 4th", "Sept. 3, 2024"
    "month-day": regex.compile(rf"{B}{PREFIX}{MONTH}\s+{DAY}{YEAR_TAIL}{E}"),
    # "Saturday, 13 August 2025", "4 March", "the 4th of March"
    "day-month": regex.compile(rf"{B}{PREFIX}(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}{YEAR_TAIL}{E}"),
    # "October 2023", "Oct. 2023"
    "month-year": regex.compile(rf"{B}{MONTH},?\s+{YEAR}{E}"),
    # "2024-06-19"
    "iso": regex.compile(
        rf"{B}{YEAR}-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])(?![\d-])"
    ),
    # "the 1990s", "the ’90s"
    "decade": regex.compile(rf"{B}(?:(?P<decade>1[0-9]{{2}}0|20[0-9]0)s|['’](?P<short>[0-9]0)s)\b"),
    # "last October", "this May", "in August"
    "month": regex.compile(
        rf"{B}(?:(?P<rel>last|next|this|Last|Next|This|LAST|NEXT|THIS)\s+)?{MONTH_FULL}{E}"
    ),
    # "last year", "this month", "next week"
    "unit": regex.compile(
        r"(?i)" + B + r"(?P<rel>last|next|this)\s+(?P<unit>year|month|week)(?![\w])"
    ),
    # "yesterday", "tomorrow"
    "deictic": regex.compile(r"(?i)" + B + r"(?P<word>yesterday|tomorrow)\b"),
    # "on Monday", "early Monday", "last Monday"
    "weekday": regex.compile(
        rf"{B}(?:(?P<rel>last|next|this|Last|Next|This)\s+)?{WEEKDAY_FULL}(?!['’]s\s+\w+day)\b"
    ),
    # "three years ago", "a decade ago"
    "ago": regex.compile(
        rf"(?i){B}(?P<n>\d+|{NUMBER_WORD_PATTERN})\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"
    ),
    # "in 1945", "since 2022", "the 2022 invasion": a bare year, where it reads as one (not
    # the financial year "2018/19")
    "year": regex.compile(
        r"(?i)(?<=\b(?:in|since|by|from|until|till|through|of|during|before|after|early|late|"
        r"mid|between|and|to|the|year|summer|winter|spring|autumn|fall|around|circa|c\.)[\s-])"
        + YEAR
        + r"(?![\d%]|[.,/]\d|\s*(?:percent|per cent|people|troops|men|women|km|miles|meters))"
    ),
}

SIGNED_NUMBER = regex.compile(r"(?P<n>\d[\d,]*(?:\.\d+)?)")
