"""A fact sheet as data: the facts a ``facts`` rule checks drafts against, parsed and validated.

The check (lint.checks.facts) reads claims in a draft; this module is what it
compares them with: each fact's names, its date as far as it is known (a day, a
month or a year, and when it lasted, its end), places, numbers, titles and the
source every finding cites. A mistake in a sheet is an OptionError with the
fact's position in the pack (``file:line:col: what is wrong``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from lint.checks.base import phrase_pattern, whole_word
from lint.packs.options import OptionError, reject_unknown_keys
from lint.packs.yamlpos import Mark, mark_of
from lint.timex.model import describe, period

FACT_KEYS = {"subject", "aliases", "mentions", "date", "precision", "end", "event", "place", "context",
             "number", "unit", "tolerance", "title", "from", "to", "source", "checked", "note"}  # fmt: skip
DEFAULT_EVENT = ["signed", "signing", "held", "happened", "took place", "began", "launched",
                 "opened", "founded", "died", "born", "elected", "ended"]  # fmt: skip
GRAINS = ("day", "month", "year")
_ISO = regex.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
NON_WORD = re.compile(r"\W+")
_THE = regex.compile(r"(?i)^the\s+")


@dataclass(frozen=True)
class When:
    """A date as far as it is known: its first and last day and its precision."""

    first: dt.date
    last: dt.date
    grain: str  # "day", "month" or "year"
    end_grain: str | None = None  # of ``last``, when it ends a longer span

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return first <= self.last and self.first <= last

    def words(self) -> str:
        """ "on June 19, 2024", "in March 2011", "in 2011", "from 2003 to 2011"."""
        said = describe(self.first, self.grain)
        if self.end_grain is not None:
            end = describe(self.last, self.end_grain)
            return f"from {said} to {end}" if end != said else f"in {said}"
        return ("on " if self.grain == "day" else "in ") + said


@dataclass
class Fact:
    subject: str
    names: list[str]
    mentions: list[str] = field(default_factory=list)
    date: When | None = None
    end: When | None = None
    events: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    number: float | None = None
    units: list[str] = field(default_factory=list)
    tolerance: float = 0.0
    title: str | None = None
    begin: dt.date | None = None
    until: dt.date | None = None
    source: str = ""  # "events pack, checked 2026-12-02: Wikipedia 'Fukushima nuclear accident'"
    reference: str = ""  # the fact's own `source:` ("Wikipedia 'Fukushima nuclear accident'")
    _pattern: re.Pattern | None = None

    def span(self) -> When:
        """From the first day of the event to the last (its ``end``, if it has one)."""
        assert self.date is not None
        if self.end is None:
            return self.date
        return When(self.date.first, self.end.last, self.date.grain, self.end.grain)

    _context: regex.Pattern | None = None

    @property
    def pattern(self) -> re.Pattern:
        """Every name of the fact, compiled on first use (most facts never meet their draft);
        the group ``mention`` marks a name dated only through an event word."""
        if self._pattern is None:

            def alternation(names: list[str]) -> str:
                ordered = sorted(names, key=len, reverse=True)
                return "|".join(whole_word(phrase_pattern(n), n) for n in ordered)

            pattern = alternation(self.names)
            if self.mentions:
                pattern = f"(?:{pattern})|(?P<mention>{alternation(self.mentions)})"
            self._pattern = re.compile(pattern, re.IGNORECASE)  # plain re compiles 50x faster
        return self._pattern

    def mentions_in(self, text: str, folded: str, anchors: set[str | None]) -> Iterator[re.Match]:
        """The fact's names in the text, searched only around its anchor words (a regex
        that starts with a lookbehind would otherwise be tried at every character)."""
        if None in anchors:
            yield from self.pattern.finditer(text)
            return
        starts: set[int] = set()
        for word in anchors:
            at = folded.find(word)
            while at >= 0:
                lo, hi = max(0, at - REACH), min(len(text), at + len(word) + REACH)
                for m in self.pattern.finditer(text, lo, hi):
                    if m.start() not in starts and (m.end() < hi or hi == len(text)):
                        starts.add(m.start())
                        yield m
                at = folded.find(word, at + len(word))

    def in_context(self, text: str, s0: int, s1: int) -> bool:
        if not self.context:
            return True
        if self._context is None:
            words = "|".join(phrase_pattern(c) for c in self.context)
            self._context = regex.compile(rf"\b(?:{words})\b")
        return self._context.search(text, s0, s1) is not None


def parse_fact(entry: object, where: Mark | None, pack: str, checked: dt.date | None) -> Fact:
    """One fact of a sheet, each mistake raised with its position (``where`` is the fact's)."""
    if not isinstance(entry, dict):
        raise OptionError("a fact is a mapping with at least `subject`", where)
    reject_unknown_keys(entry, FACT_KEYS, "a fact", where)

    def strings(key: str) -> list[str]:
        value = entry.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise OptionError(
                f"`{key}` must be a string or a list of strings", mark_of(entry, key, where)
            )
        return value

    def date(key: str) -> dt.date | None:
        value = entry.get(key)
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise OptionError(
                f"`{key}` must be a date, YYYY-MM-DD (not {value!r})",
                mark_of(entry, key, where),
            ) from None

    def when(key: str) -> When | None:
        value = entry.get(key)
        if value is None:
            return None
        precision = entry.get("precision") if key == "date" else None
        if precision is not None and precision not in GRAINS:
            raise OptionError(
                "`precision` must be day, month or year", mark_of(entry, "precision", where)
            )
        return _when(key, value, precision, mark_of(entry, key, where))

    def num(key: str) -> float | None:
        value = entry.get(key)
        if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)):
            raise OptionError(f"`{key}` must be a number", mark_of(entry, key, where))
        return value

    subject = entry.get("subject")
    if not isinstance(subject, str) or not subject.strip():
        raise OptionError("a fact needs a `subject` (a string)", mark_of(entry, "subject", where))
    checked = date("checked") or checked
    source = entry.get("source")
    if source is not None and not isinstance(source, str):
        raise OptionError("`source` must be a string", mark_of(entry, "source", where))
    cite = f"{pack} pack" + (f", checked {checked}" if checked else "")
    fact = Fact(
        subject=subject.strip(),
        names=[_THE.sub("", subject.strip()), *strings("aliases")],
        mentions=strings("mentions"),
        date=when("date"),
        end=when("end"),
        events=[e.lower() for e in strings("event")] if "event" in entry else DEFAULT_EVENT,
        places=strings("place"),
        context=strings("context"),
        number=num("number"),
        units=[u.lower() for u in strings("unit")],
        tolerance=num("tolerance") or 0.0,
        title=entry.get("title"),
        begin=date("from"),
        until=date("to"),
        source=f"{cite}: {source}" if source else "",
        reference=source or "",
    )
    if fact.title is not None and not isinstance(fact.title, str):
        raise OptionError("`title` must be a string", mark_of(entry, "title", where))
    if fact.number is not None and not fact.units:
        raise OptionError(
            "a `number` needs a `unit` (the words it is told with)",
            mark_of(entry, "number", where),
        )
    if fact.end is not None and (fact.date is None or fact.end.last < fact.date.first):
        raise OptionError("`end` needs a `date` on or before it", mark_of(entry, "end", where))
    checks = (fact.date, fact.places, fact.number, fact.title)
    if all(c is None or c == [] for c in checks):
        raise OptionError("a fact needs at least one of `date`, `place`, `number`, `title`", where)
    return fact


def _when(key: str, value: object, precision: str | None, where) -> When:
    """A fact's date: a YAML date, "2011-03", 2011 or "2011", cut to ``precision``."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = _ISO.fullmatch(text)
    if isinstance(value, (bool, float)) or not parts:
        raise OptionError(
            f"`{key}` must be a date, YYYY-MM-DD, YYYY-MM or YYYY (not {value!r})", where
        )
    numbers = [int(p) for p in parts.groups() if p is not None]
    written = GRAINS[3 - len(numbers)]
    if precision is not None and GRAINS.index(precision) < GRAINS.index(written):
        raise OptionError(
            f"`precision: {precision}` needs a date written to the {precision}", where
        )
    grain = precision or written
    try:
        first, last = period(*numbers[: 3 - GRAINS.index(grain)])
    except ValueError:
        raise OptionError(f"`{key}` must be a date: there is no {text}", where) from None
    return When(first, last, grain)


def words_of(name: str) -> frozenset[str]:
    """The ASCII words of a name, lower-cased: a draft without one of them cannot mention
    it (words with other letters are left out: case folding may not match them)."""
    return frozenset(w.lower() for w in NON_WORD.split(name) if w and w.isascii())


def anchor_of(words: frozenset[str]) -> str | None:
    """The word of a name to look up first: the longest that many names do not share
    (None when the name has no ASCII word: it is always tried)."""
    rare = [w for w in words if w not in COMMON] or list(words)
    return max(sorted(rare), key=len) if rare else None


COMMON = frozenset(
    [
        "hurricane",
        "typhoon",
        "cyclone",
        "earthquake",
        "tsunami",
        "disaster",
        "accident",
        "attack",
        "attacks",
        "bombing",
        "bombings",
        "shooting",
        "massacre",
        "election",
        "presidential",
        "general",
        "federal",
        "referendum",
        "treaty",
        "agreement",
        "accords",
        "invasion",
        "revolution",
        "olympics",
        "games",
        "summit",
        "conference",
        "climate",
        "founding",
        "creation",
        "independence",
        "assassination",
        "death",
        "killing",
        "launch",
        "landing",
        "collapse",
        "inauguration",
        "coronation",
        "flight",
        "crash",
        "united",
        "states",
        "first",
        "second",
        "the",
        "of",
        "and",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "s",
    ]
)
REACH = 160
"""How far around an anchor word a name may reach (its longest name is shorter)."""
