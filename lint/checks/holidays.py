"""Holidays on the wrong day: "Boxing Day, December 27", "Good Friday, April 8, 2023".

holiday
    A holiday named right beside a date ("Halloween, October 30", "Memorial Day,
    Monday, May 22, 2023", "on Dec. 27, Boxing Day,", "Thanksgiving (Nov. 30)") is
    compared with the days the **holidays** package gives it that year, movable
    feasts included (Easter, Good Friday, Thanksgiving, Memorial Day). The country is
    the draft's language variant (en-US → United States, en-GB → United Kingdom,
    en-AU, en-CA, en-NZ, en-ZA, en-IE, en-IN) and any country the paragraph names;
    "Thanksgiving in Canada" and "Canada's Thanksgiving" mean Canada alone. A date
    without a year is read in the year nearest the publication date (lint.timex);
    without a publication date, a note says so and nothing is judged.

    Quiet when unsure: a day the holiday is observed on counts ("Christmas Day
    (observed)"), a holiday kept on different days in different states or provinces
    (Australia's King's Birthday) is not judged, nor one a country the paragraph
    names may keep on its own day (Greece's Orthodox Easter), nor "the day after Thanksgiving", "Easter
    weekend", or anything inside a quotation. The replacement is the right date in
    the style written ("Oct. 31", "31 October", "Tuesday, October 31, 2023").
    Options: none.

    Bad: "Boxing Day, December 27, is a public holiday." (published 2023-12-01)
    Good: "Boxing Day, December 26, is a public holiday."

Message placeholders: ``{match}``, ``{holiday}``, ``{right}``, ``{country}``,
``{year}``, ``{source}``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterator

import regex

from lint import timex
from lint.checks.base import Check, Context
from lint.document import quotes
from lint.findings import Finding
from lint.timex.model import Timex
from lint.timex.shared import need_pubdate, sentence_of

GAP_AFTER = regex.compile(
    r"(?:\s+in\s+(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)?\s*[,(:–—]?\s*(?:(?:which\s+|that\s+|this\s+year\s+)?(?:falls|fell|is|was|will\s+be|"
    r"lands|landed|comes|came)\s+(?:on\s+)?|on\s+|this\s+year,?\s+(?:on\s+)?)?"
)
"""Between a holiday and the date after it: "Halloween, October 30", "Easter falls on",
"Thanksgiving in Canada, Oct. 9"."""
GAP_BEFORE = regex.compile(r"\s*[,(–—:]\s*(?:the\s+)?|\s+(?:is|was|will\s+be|marks|marked)\s+")
"""Between a date and the holiday after it: "Dec. 27, Boxing Day", "Dec. 27 is Boxing Day"."""
AFTER_NAME = regex.compile(
    r"(?=\s*[,.;:!?)—–]|\s*$|\s+(?:is|was|falls|fell|in|this|last|next|and|or|will|has|had|"
    r"when|itself)\b)"
)
"""What may follow a holiday that comes after its date ("Dec. 23, Christmas shoppers" is
no claim)."""
RELATIVE = regex.compile(
    r"(?i)\b(?:after|before|following|ahead\s+of|eve\s+of|around|until|till|since|near|"
    r"leading\s+up\s+to|week\s+of|run-up\s+to|day\s+of|observed|observance)\s+(?:the\s+)?"
    r"(?:\w+\s+)?$"
)
"""A date told relative to the holiday ("the day after Thanksgiving, Nov. 24")."""
NOT_THE_DAY = regex.compile(
    r"\s+(?:weekend|week|break|holidays?|season|period|recess|vacation|sales?|shopping|"
    r"parade|dinner|lunch|eve|market|rush|travel|getaway|sitting|term|cards?|service|"
    r"message|address|special|episode|tree|decorations?|party|parties|concert|game|games|"
    r"match|fixtures?|observed|\(observed\)|bank\s+holiday)\b",
    regex.I,
)

NOT_JUDGED = frozenset({"election day", "primary election day"})
"""Every election has its own day (primaries, specials): not a holiday to date."""

ONE_DAY = frozenset(
    {
        "halloween",
        "valentine's day",
        "saint patrick's day",
        "groundhog day",
        "boxing day",
        "christmas eve",
        "new year's eve",
    }
)
"""Observances kept on one day wherever they are kept: judged by the draft's country
even when the paragraph names a country whose calendar lacks them. Any other holiday
("Independence Day", "Easter Sunday", which the Orthodox keep on another Sunday) may
be that country's own, so the check stays quiet."""

MONTH_ABBR = {1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June", 7: "July",
              8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}  # fmt: skip
"""AP's month abbreviations (March to July are never shortened)."""
MONTH_WORD = regex.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?",
    regex.I,
)
WEEKDAY_WORD = regex.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|"
    r"Thu|Fri|Sat|Sun)\b\.?",
    regex.I,
)


class Holiday(Check):
    kind = "holiday"
    scope = "paragraph"
    category = "facts"
    message = "'{match}' is not {holiday} in {year}: it falls on {right} in {country} ({source})."

    def provenance(self) -> list[str]:
        """For ``factlint explain``: where the holidays' dates come from."""
        from lint.world import holidays as data

        return [f"public holidays by country and year: {data.source()} (installed)"]

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        dates = [
            t
            for t in timex.of(ctx)
            if t.kind == "date" and t.day is not None and t.month is not None
            and not t.quoted and not t.calendar_error
        ]  # fmt: skip
        if not dates:
            return
        from lint.world import holidays as data

        home = data.LANGUAGE_COUNTRY.get(ctx.language, "US")
        supported = data.supported()
        named = {c for c in _countries_named(text) if c in supported}
        codes = tuple(sorted({home, *named}))
        present = [n for anchor, ns in _by_anchor(codes).items() if anchor in text for n in ns]
        if not present:
            return
        names = _names_regex(tuple(sorted(present)))
        spans = ctx.doc.quotations
        for h in names.finditer(text):
            if quotes.inside(spans, h.start(), h.start() + 1):
                continue
            found = self._paired(ctx, h, dates)
            if found is None:
                continue
            t, span = found
            if RELATIVE.search(text, max(0, h.start() - 40), h.start()):
                continue
            if NOT_THE_DAY.match(text, h.end()):
                continue
            s0, s1 = sentence_of(ctx, h.start())
            if regex.search(r"(?i)\bobserv", text[s0:s1]):
                continue
            if data.key(h.group("h")) in NOT_JUDGED:
                continue
            if t.first is None:
                need_pubdate(ctx)
                continue
            explicit = tuple(c for c in _explicit(text, h) if c in supported)
            finding = self._judge(
                ctx, h.group("h"), t, span, explicit or codes, home, bool(explicit)
            )
            if finding is not None:
                yield finding

    def _paired(self, ctx: Context, h: regex.Match, dates: list[Timex]):
        """The date written right beside the holiday, and the span of it to replace."""
        text = ctx.text
        for t in dates:
            if t.start < h.end() <= t.end and t.start >= h.start():  # "Good Friday, April 8"
                rest = regex.match(r"[\s,]*", text[h.end() : t.end])
                start = h.end() + (rest.end() if rest else 0)
                if start < t.end:
                    return t, (start, t.end)
            after = t.start >= h.end() and t.start - h.end() <= 45
            if after and GAP_AFTER.fullmatch(text, h.end(), t.start):
                return t, (t.start, t.end)
            before = t.end <= h.start() and h.start() - t.end <= 12
            if (
                before
                and GAP_BEFORE.fullmatch(text, t.end, h.start())
                and AFTER_NAME.match(text, h.end())
            ):
                return t, (t.start, t.end)
        return None

    def _judge(self, ctx, holiday, t, span, codes, home, explicit) -> Finding | None:
        from lint.world import holidays as data
        from lint.world.countries import by_code

        day, year = t.first, t.first.year
        known: list[tuple[str, frozenset[dt.date]]] = []
        for code in codes:
            if day in data.national_dates(holiday, code, year):
                return None
            days = data.dates_of(holiday, code, year)
            if days is None:
                return None  # its states keep it on different days
            if not days:
                if explicit:
                    return None  # the country meant lacks it
                if code != home and data.key(holiday) not in ONE_DAY:
                    return None  # "Independence Day" may be the named country's own
                continue
            if day in days:
                return None
            known.append((code, days))
        if not known:
            return None
        code, days = next(((c, d) for c, d in known if c == home), known[0])
        right = min(days, key=lambda d: abs((d - day).days))
        written = ctx.text[span[0] : span[1]]
        country = by_code(code)
        from lint.checks.capitals import display

        return self.finding(
            span[0],
            span[1],
            written,
            [restyle(written, t, right)],
            holiday=holiday,
            right=timex.describe(right, weekday=True),
            country=display(country.name) if country else code,
            year=str(year),
            source=data.source(),
        )


PHRASE = regex.compile(
    r"(?>\p{Lu}(?:[\p{L}-]|['’](?!s\b)\p{L})*(?:(?:\.\p{Lu}[\p{L}-]*)+\.?)?|d['’]\p{Lu}\p{L}*)"
    r"(?:\s+(?:(?:and|of|the)\s+){0,2}(?>\p{Lu}(?:[\p{L}-]|['’](?!s\b)\p{L})*(?:(?:\.\p{Lu}[\p{L}-]*)+\.?)?|d['’]\p{Lu}\p{L}*)){0,4}"
)
"""A run of capitalised words: where a country's name or demonym may be."""
BOUND_BEFORE = regex.compile(rf"(?P<c>{PHRASE.pattern})(?:['’]s)?\s+$")
BOUND_AFTER = regex.compile(rf"\s+in\s+(?:the\s+)?(?P<c>{PHRASE.pattern})")


def _codes(phrase: str) -> set[str]:
    """The countries a run of capitalised words names, whole or in part ("Canadian
    officials", "Kenyans", "the Bank of England")."""
    from lint.world.countries import countries

    words = phrase.split()
    found: set[str] = set()
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            hits = countries(part) or (countries(part[:-1]) if part.endswith("s") else ())
            found.update(c.code for c in hits)
    return found


def _countries_named(text: str) -> set[str]:
    return {code for m in PHRASE.finditer(text) for code in _codes(m.group())}


def _explicit(text: str, h: regex.Match) -> set[str]:
    """A country bound to the holiday: "Canada's Thanksgiving", "Thanksgiving in Canada"."""
    before = BOUND_BEFORE.search(text[max(0, h.start() - 40) : h.start()])
    after = BOUND_AFTER.match(text[h.end() : h.end() + 50])
    m = before or after
    return _codes(m.group("c")) if m else set()


@functools.lru_cache(maxsize=64)
def _by_anchor(codes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The holiday names of these countries by their longest word ("Halloween",
    "Thanksgiving", "Boxing"): a paragraph names only those whose word it holds, so the
    pattern built for it is a few names long (one of every name took 0.2 s to compile,
    paid again for each new set of countries a draft names)."""
    from lint.world import holidays as data

    by: dict[str, set[str]] = {}
    for name in data.spellings(codes):
        if name.split():
            by.setdefault(regex.split(r"['’]", max(name.split(), key=len))[0], set()).add(name)
    return {anchor: tuple(sorted(names)) for anchor, names in by.items()}


@functools.lru_cache(maxsize=256)
def _names_regex(names: tuple[str, ...]) -> regex.Pattern:
    from lint.world import holidays as data

    return regex.compile(rf"(?<![\w'’-])(?P<h>{data.names_pattern(names)})(?![\w'’-])")


def restyle(written: str, t: Timex, right: dt.date) -> str:
    """``written`` with its weekday, month and day changed to ``right``'s, in the same
    style: "Oct. 30" → "Oct. 31", "Monday, May 22, 2023" → "Monday, May 29, 2023"."""

    def month(m: regex.Match) -> str:
        word = m.group()
        full = calendar.month_name[right.month]
        if word.endswith(".") or (len(word.rstrip(".")) <= 4 and word.rstrip(".") != full):
            new = MONTH_ABBR[right.month] if word.endswith(".") else full[:3]
        else:
            new = full
        return new.upper() if word.isupper() and len(word) > 3 else new

    def weekday(m: regex.Match) -> str:
        word = m.group()
        full = calendar.day_name[right.weekday()]
        bare = word.rstrip(".")
        new = full if len(bare) >= 6 else {1: "Tues", 3: "Thurs"}.get(right.weekday(), full[:3])
        new += "." if word.endswith(".") and len(bare) < 6 else ""
        return new.upper() if bare.isupper() and len(bare) > 3 else new

    out = MONTH_WORD.sub(month, written, count=1)
    if t.weekday is not None:
        out = WEEKDAY_WORD.sub(weekday, out, count=1)
    day = regex.compile(rf"(?<!\d){t.day}(?P<s>st|nd|rd|th)?(?!\d)")

    def number(m: regex.Match) -> str:
        if not m.group("s"):
            return str(right.day)
        n = right.day
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    return day.sub(number, out, count=1)
