"""Arithmetic with dates: anniversaries, ages and durations that do not add up.

Each check looks inside one sentence (an anniversary also at the sentence before
it, where the founding is often told) and needs the numbers and the year to be
tied by the words between them, so a year that belongs to something else is not
taken for the start. The reference year is one written in the sentence ("in
2012", "this year") or else the publication date's; without either, a note says
that nothing was checked.

anniversary
    "Founded in 1947, the club marks its 85th anniversary this year" in 2027: it is
    the 80th. The start is a year after a founding word (``origin_words``) or in
    "the anniversary of the 1975 …". The replacement is the right ordinal, in the
    same style ("80th", "eightieth").

    Options: ``origin_words`` — words that introduce the year an anniversary counts
    from (default: founded, established, born, signed, began, opened, …).

    Bad (published 2027-03-01): "Founded in 1947, the club celebrates its 85th
    anniversary this year."
    Good: "Founded in 1947, the club celebrated its 50th anniversary in 1997."

age
    "Smith, 54, was born in 1965" in 2025: someone born in 1965 is 59 or 60. Ages are
    read from "54-year-old", "aged 54", "age 54" and ", 54,". The birth is a date
    after "born". With a full birth date the age is exact and offered as the
    replacement. The reference is the publication date, or the date of a death
    told in the sentence ("died in 2010, aged 80"). Options: none.

    Bad (published 2025-04-28): "Smith, 54, was born in 1965 in Ohio."
    Good: "Smith, 60, was born in 1965 in Ohio."

duration
    "The three-year war that began in February 2022" in 2027: five years have
    passed. A duration ("three-year", "three years", "for 18 months") and a start
    ("began", "started", "since", "launched", "founded" + date) in one sentence are
    compared with the time from the start to the publication date, allowing the
    rounding news copy does (within one unit) and honouring "more than", "nearly"
    and the like. The parse must tie the two: the start tells of the counted thing
    ("the war that began"), the count is of the time after or since it ("three years
    after it was founded in 2021"), or "since" opens the clause the counted thing is
    the subject of. The tense of that clause says what is counted: the present runs
    to publication; the past ("two years after the war began in 1939, the US
    joined") names a moment on the way, so only a count too long for it is wrong;
    "will" is not checked. A sentence that also tells an end ("ended", "until",
    "lasted") or a part of the time ("the first ten years since") is left alone.
    Options: none.

    Bad (published 2027-04-28): "The three-year war that began in February 2022
    has displaced millions."
    Good (published 2025-04-28): "The three-year war that began in February 2022 has
    displaced millions."

Message placeholders: ``{match}``, ``{other}`` (the expression it was compared
with), ``{computed}`` and ``{reference}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex
from dateutil.relativedelta import relativedelta

from lint import timex
from lint.checks.base import Check, Context
from lint.findings import Finding
from lint.packs.options import Option
from lint.timex.model import Timex
from lint.timex.shared import need_pubdate, sentence_of
from lint.timex.vocab import NUMBER_WORD_PATTERN, ORDINAL_WORD_PATTERN, ORDINAL_WORDS, number

ORIGIN_WORDS = [
    "founded", "established", "formed", "created", "born", "opened", "began", "begun",
    "started", "launched", "signed", "built", "incorporated", "married", "ended", "end",
    "founding", "independence", "liberation", "inaugurated", "elected", "introduced",
    "adopted", "fall", "death", "died", "since",
]  # fmt: skip


def _sentence_timexes(ctx: Context, start: int, end: int) -> list[Timex]:
    return [t for t in timex.of(ctx) if start <= t.start and t.end <= end]


def _reference(ctx: Context, candidates: list[Timex]) -> tuple[int, str] | None:
    """The year a sentence speaks of ("in 2012", "this year"), else the publication year."""
    dated = [t for t in candidates if t.first is not None and t.grain != "decade"]
    if dated:
        t = dated[0]
        assert t.first is not None
        return t.first.year, f"'{t.text}' ({t.first.year})"
    if ctx.pubdate is None:
        need_pubdate(ctx)
        return None
    return ctx.pubdate.year, f"the publication year ({ctx.pubdate.year})"


def _ordinal_text(value: int, like: str) -> str:
    if like[:1].isdigit():
        suffix = (
            "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        )
        return f"{value}{suffix}"
    words = {v: w for w, v in ORDINAL_WORDS.items()}
    word = words.get(value, f"{value}th")
    return word.capitalize() if like[:1].isupper() else word


class Anniversary(Check):
    kind = "anniversary"
    scope = "paragraph"
    category = "dates"
    needs = frozenset({"sentences", "entities"})
    message = "'{match}' does not match '{other}': in {reference} it is the {computed}."
    options = {
        "origin_words": Option("list[str]", ORIGIN_WORDS, "words that introduce the starting year"),
    }

    PATTERN = regex.compile(
        rf"(?i)\b(?P<n>\d{{1,3}}(?:st|nd|rd|th)|{ORDINAL_WORD_PATTERN})\s+anniversary\b"
    )

    def prepare(self) -> None:
        words = "|".join(regex.escape(w) for w in self.opts["origin_words"])
        self.origin = regex.compile(rf"(?i)\b(?:{words})\b(?:\W+\w+){{0,3}}?\W+$")
        self.of = regex.compile(
            rf"(?i)\s+of\s+(?:the\s+|a\s+|an\s+|[^,;.!?]{{0,50}}\b(?:{words})\b\W+(?:\w+\W+)?)?$"
        )

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in self.PATTERN.finditer(text):
            count = (
                int(m.group("n")[:-2])
                if m.group("n")[:1].isdigit()
                else ORDINAL_WORDS[m.group("n").lower()]
            )
            s0, s1 = sentence_of(ctx, m.start())
            p0 = sentence_of(ctx, s0 - 2)[0] if s0 > 1 and "\n\n" not in text[s0 - 2 : s0] else s0
            window = _sentence_timexes(ctx, p0, s1)
            before = [t for t in window if t.end <= m.start() and t.year is not None
                      and not t.relative
                      and self.origin.search(text, max(p0, t.start - 60), t.start)]  # fmt: skip
            later = [t for t in window if t.start >= m.end()]
            of = next((t for t in later if t.year is not None and not t.relative
                       and self.of.match(text, m.end(), t.start)), None)  # fmt: skip
            starts = before + ([of] if of else [])
            after = [t for t in later if t is not of] + [
                t for t in window if t.start >= s0 and t.end <= m.start() and t not in before
            ]
            ref = _reference(ctx, after)
            if not starts or ref is None:
                continue
            year, reference = ref
            if any(year - t.year == count for t in starts if t.year):
                continue
            if (
                len({t.year for t in starts}) != 1
                or starts[0].year is None
                or starts[0].year >= year
            ):
                continue
            right = year - starts[0].year
            computed = _ordinal_text(right, m.group("n"))
            fixed = computed + m.group()[len(m.group("n")) :]
            yield self.finding(
                m.start(), m.end(), m.group(), [fixed], other=starts[0].text,
                computed=f"{computed} ({year} − {starts[0].year})", reference=reference,
            )  # fmt: skip


AGE = regex.compile(
    r"(?i)\b(?P<age>\d{1,3})-year-old\b"
    r"|\baged?\s+(?P<age>\d{1,3})\b"
    r"|(?<=\b[A-Z][\w.'’-]+),\s(?P<age>\d{1,3}),"
)
BORN = regex.compile(r"(?i)\bborn\s+(?:in\s+|on\s+)?$")
DEATH = regex.compile(r"(?i)\b(?:died|death|killed|dead)\b")


class Age(Check):
    kind = "age"
    scope = "paragraph"
    category = "dates"
    needs = frozenset({"sentences"})
    message = "'{match}' does not match '{other}': {computed} on {reference}."

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in AGE.finditer(text):
            age = int(m.group("age"))
            s0, s1 = sentence_of(ctx, m.start())
            found = _sentence_timexes(ctx, s0, s1)
            births = [
                t for t in found if t.year and BORN.search(text, max(s0, t.start - 12), t.start)
            ]
            if len(births) != 1:
                continue
            birth = births[0]
            others = [t for t in found if t is not birth and t.first is not None]
            if others and not DEATH.search(text, s0, s1):
                continue  # a year told for something else: which day is the age on?
            if others:
                ref_day = others[0].first
                assert ref_day is not None
                reference = f"'{others[0].text}'"
            elif not need_pubdate(ctx):
                continue
            else:
                assert ctx.pubdate is not None
                ref_day, reference = ctx.pubdate, timex.describe(ctx.pubdate)
            assert birth.first is not None and birth.last is not None
            low = relativedelta(ref_day, birth.last).years
            high = relativedelta(ref_day, birth.first).years
            if low <= age <= high:
                continue
            computed = (
                f"someone born {birth.describe()} is {low}"
                if low == high
                else (f"someone born in {birth.year} is {low} or {high}")
            )
            fixes = [m.group().replace(str(age), str(low))] if low == high else []
            yield self.finding(
                m.start("age"), m.end("age"), m.group("age"), fixes[:1] and [str(low)],
                other=birth.text, computed=computed, reference=reference,
            )  # fmt: skip


DURATION = regex.compile(
    rf"(?i)(?P<q>\b(?:more than|over|at least|nearly|almost|about|some|roughly|around|"
    rf"less than|under|close to)\s+)?\b(?P<n>\d{{1,3}}|{NUMBER_WORD_PATTERN})[-\s]"
    rf"(?P<unit>day|week|month|year|decade)s?(?:-long)?\b(?!-old|\s+old|\s+ago)"
)
START = regex.compile(
    r"(?i)\b(?:began|begun|started|launched|erupted|broke\s+out|since|dating\s+back\s+to|"
    r"invaded|founded|established|created|formed|opened|set\s+up)\b(?:\W+\w+){0,3}?\W+$"
)
END = regex.compile(r"(?i)\b(?:ended|ending|lasted|until|till|finished|concluded|ago)\b")
PART = regex.compile(
    r"(?i)\b(?:first|last|past|next|previous|coming|final|initial|recent|every|each)\s+$"
)
"""A part of the time, not all of it: "in the first 10 years since", "in the past 20 years",
"held every four years after it was founded in 1950"."""
MAX_GAP = 80
"""Characters between a duration and the start it is measured from."""
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}


class Duration(Check):
    kind = "duration"
    scope = "paragraph"
    category = "dates"
    needs = frozenset({"sentences", "tags"})
    message = "'{match}' does not match '{other}': {computed} to {reference}."

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in DURATION.finditer(text):
            count, unit = number(m.group("n")), m.group("unit").lower()
            if count is None or ctx.nlp is None:
                continue
            s0, s1 = sentence_of(ctx, m.start())
            if END.search(text, s0, s1) or PART.search(text, max(s0, m.start() - 12), m.start()):
                continue
            counted = _token(ctx.nlp, m.start("unit"))
            # the start is close by and the words tie it to the duration: "the three-year war
            # that began in 2022", "Since 2015, the 18-month blockade", "three years after it
            # was founded in 2021"
            starts = []
            for t in _sentence_timexes(ctx, s0, s1):
                if t.first is None or t.last is None or t.kind == "ago":
                    continue
                if not (0 <= t.start - m.end() <= MAX_GAP or 0 <= m.start() - t.end <= MAX_GAP):
                    continue
                word = START.search(text, max(s0, t.start - 40), t.start)
                verb = word and counted and _tie(counted, _token(ctx.nlp, word.start()))
                if verb is not None:
                    starts.append((t, verb))
            if len(starts) != 1 or not need_pubdate(ctx):
                continue
            (start, verb), ref = starts[0], ctx.pubdate
            assert start.first is not None and start.last is not None and ref is not None
            if start.first > ref:  # "a 30-year lease starting in 2018": a plan, not a count
                continue
            low = (ref - start.last).days / _UNIT_DAYS[unit]
            high = (ref - start.first).days / _UNIT_DAYS[unit]
            tense = _tense(verb)
            if tense is None:  # "will", "would": not a count to the publication date
                continue
            qualifier = (m.group("q") or "").strip().lower()
            if tense == "present" and _fits(count, low, high, qualifier):
                continue
            # told in the past ("two years after the war began in 1939, the US joined"), it
            # names a moment between the start and publication: only too long is wrong
            if tense == "past" and (count <= high + 1 or qualifier in ("less than", "under")):
                continue
            elapsed = _elapsed(start.first, ref, unit)
            yield self.finding(
                m.start("n"), m.end(), m.group()[m.start("n") - m.start() :], other=start.text,
                computed=f"{elapsed} since {start.describe()}", reference=timex.describe(ref),
            )  # fmt: skip


def _token(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _tie(counted, start):
    """The verb whose tense says what the duration counts to, when the parse ties the
    duration (its unit token) to the start word; None when they are not tied."""
    if start is None:
        return None
    noun = counted
    if counted.dep_ in ("compound", "amod", "nmod", "npadvmod") and counted.head.i > counted.i:
        noun = counted.head  # "three-year war": the war is counted
    marks = {c.lower_ for c in start.children if c.dep_ == "mark"}
    # "five years after the pandemic began", "(it is) three years since it was founded"
    sibling = counted.head == start.head and counted.dep_ in ("attr", "npadvmod")
    if marks & {"after", "since"} and start.dep_ == "advcl" and (counted.head == start or sibling):
        return start.head
    # "the war that began in 2022", "a tradition dating back to 1517"
    if start.dep_ in ("relcl", "acl") and start.head == noun:
        return _clause_verb(noun)
    # "Since 2015, the 18-month blockade has emptied the port"
    if start.lower_ == "since" and noun.dep_ in ("nsubj", "nsubjpass") and noun.head == start.head:
        return start.head
    return None


def _clause_verb(token):
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _tense(verb) -> str | None:
    """ "present" (it runs on to publication: "has displaced", "employs"), "past" or None."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return None
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    return None


def _fits(count: int, low: float, high: float, qualifier: str) -> bool:
    if qualifier in ("more than", "over", "at least"):
        return count <= high
    if qualifier in ("less than", "under"):
        return count >= low
    return low - 1 < count < high + 1


def _elapsed(start: dt.date, ref: dt.date, unit: str) -> str:
    delta = relativedelta(ref, start)
    value = {
        "year": delta.years,
        "decade": delta.years // 10,
        "month": delta.years * 12 + delta.months,
        "week": (ref - start).days // 7,
        "day": (ref - start).days,
    }[unit]
    return f"{value} {unit}{'' if value == 1 else 's'}"
