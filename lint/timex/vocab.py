"""Words of time in news English: month and weekday names with their AP abbreviations,
and number words, so "Tue., Sept. 3" and "three-year" read as well as "Tuesday, September 3".
"""

from __future__ import annotations

import calendar

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(calendar.day_name):
    WEEKDAYS[_name.lower()] = _i
    WEEKDAYS[_name[:3].lower()] = _i
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

MONTH_NAMES = tuple(calendar.month_name[1:])
WEEKDAY_NAMES = tuple(calendar.day_name)

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "a dozen": 12, "a hundred": 100, "one hundred": 100})
for _t, _tv in zip(_TENS, range(20, 100, 10), strict=True):
    for _o in range(1, 10):
        NUMBER_WORDS[f"{_t}-{_ONES[_o]}"] = _tv + _o

_FIRST = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
ORDINAL_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_FIRST)}
_ORD_TENS = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]
for _t, _ot, _tv in zip(_TENS, _ORD_TENS, range(20, 100, 10), strict=True):
    ORDINAL_WORDS[_ot] = _tv
    for _o in range(1, 10):
        ORDINAL_WORDS[f"{_t}-{_FIRST[_o - 1]}"] = _tv + _o
ORDINAL_WORDS["hundredth"] = 100

NUMBER_WORD_PATTERN = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
ORDINAL_WORD_PATTERN = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))

UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade"}


def number(word: str) -> int | None:
    """The value of "12", "twelve", "Twenty-one", "a"; None when it is not a number."""
    word = word.lower().replace("\u2011", "-").replace("\u2010", "-").strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def ordinal(word: str) -> int | None:
    """The value of "85th", "third", "Eightieth"; None when it is not an ordinal."""
    word = word.lower().strip()
    if word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
        return int(word[:-2])
    return ORDINAL_WORDS.get(word)


def days_in_month(year: int | None, month: int) -> int:
    """Days in ``month``; February of an unknown year has 29 (it may be a leap year)."""
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    return calendar.monthrange(year, month)[1]
