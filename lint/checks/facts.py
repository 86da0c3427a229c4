"""facts: claims that contradict the story's fact sheet.

A newsroom writes down, for one story, what it has confirmed — when the treaty
was signed and where, how many troops were sent, who held which title when —
and keeps that sheet beside the draft. factlint flags a sentence that mentions a
subject of the sheet and states a different value for it.

The fact sheet is a pack with a top-level ``facts:`` list and one rule of kind
``facts``; the configuration lists it by path (``packs: [typography, ./kursk.facts.yaml]``)::

    name: kursk-facts
    description: Confirmed facts for the Kursk deployment story (desk, April 2025).
    facts:
      - subject: the Comprehensive Strategic Partnership treaty
        aliases: [Comprehensive Strategic Partnership, partnership treaty]
        date: 2024-06-19          # when the event happened (YYYY-MM-DD)
        event: [signed, signing]  # the words a date or place is told with
        place: Pyongyang          # where (a name, or a list of accepted names)
      - subject: the North Korean deployment
        aliases: [North Korean troops, North Korean soldiers]
        number: 12000             # a count, told with one of `unit`
        unit: [troops, soldiers, men]
        tolerance: 0.1            # how far off a number may be (a fraction; default 0)
      - subject: Moon Jae-in
        aliases: [Moon]
        title: President          # a title written before the name
        from: 2017-05-10          # the period it was held (either end optional)
        to: 2022-05-09
    rules:
      - id: sheet
        kind: facts
        summary: Claims that contradict the fact sheet.
        examples: {bad: [...], good: [...]}

Keys of a fact: ``subject`` (required; how messages name it) and ``aliases``
(other ways the draft names it; the subject itself is matched too, without a
leading "the"), then any of: ``date`` with ``event``, ``place`` (with
``event``), ``number`` with ``unit`` and ``tolerance``, ``title`` with ``from``
and ``to``. ``note`` is free text for the desk and is not read.

What is flagged, always in a sentence that mentions the subject:

* a date told with an event word ("signed … in June 2023") that does not contain
  the fact's date, with the right date as the replacement ("June 2024");
* a place told with an event word ("signed in Moscow") that is not the fact's;
* a number told with a unit ("12,000 troops") off by more than the tolerance;
* the title before the name ("President Moon") on a date outside its period,
  unless "former", "then-", "ex-" or "late" says so; the replacement is
  "former President Moon".

A mistake in the sheet is reported as ``file:line:col: what is wrong``. Options:
none (the sheet is the pack's ``facts:``).

Bad::

    facts: [{subject: the partnership treaty, aliases: [Comprehensive Strategic
             Partnership], date: 2024-06-19, event: [signed]}]

flags "Kim and Putin signed their Comprehensive Strategic Partnership in
Pyongyang in June 2023."; leaves "… in June 2024." alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from lint import timex
from lint.checks.base import Check, Context, phrase_pattern, whole_word
from lint.findings import Finding
from lint.packs.options import OptionError, reject_unknown_keys
from lint.packs.yamlpos import mark_of
from lint.timex.model import Timex, describe
from lint.timex.vocab import MONTH_NAMES

FACT_KEYS = {"subject", "aliases", "date", "event", "place", "number", "unit", "tolerance",
             "title", "from", "to", "note"}  # fmt: skip
DEFAULT_EVENT = ["signed", "signing", "held", "happened", "took place", "began", "launched",
                 "opened", "founded", "died", "born", "elected", "ended"]  # fmt: skip
QUALIFIED = regex.compile(r"(?i)\b(?:former|then|ex|late|onetime|one-time|future)[\s-]+$")
NUMBER = regex.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<scale>thousand|million|billion))?(?![\w%])"
)
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


@dataclass
class Fact:
    subject: str
    names: regex.Pattern
    date: dt.date | None = None
    events: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    number: float | None = None
    units: list[str] = field(default_factory=list)
    tolerance: float = 0.0
    title: str | None = None
    begin: dt.date | None = None
    end: dt.date | None = None


class Facts(Check):
    kind = "facts"
    whole_parse = True
    category = "facts"
    needs = frozenset({"tags", "lemmas", "sentences", "entities"})
    message = "'{match}' contradicts the fact sheet: {subject}, {fact}."

    def prepare(self) -> None:
        pack = self.rule.owner
        data = pack.data.get("_raw", {}) if pack is not None else {}
        raw = pack.data.get("facts") if pack is not None else None
        if not isinstance(raw, list) or not raw:
            where = mark_of(data, "facts") if "facts" in data else self.rule.mark
            raise OptionError("a facts rule needs a non-empty `facts:` list in its pack", where)
        self.facts = [self._fact(entry, raw, i) for i, entry in enumerate(raw)]

    def _fact(self, entry: object, raw: list, index: int) -> Fact:
        where = mark_of(raw, index, self.rule.mark)
        if not isinstance(entry, dict):
            raise OptionError("a fact is a mapping with at least `subject`", where)
        reject_unknown_keys(entry, FACT_KEYS, "a fact", where)

        def strings(key: str) -> list[str]:
            value = entry.get(key, [])
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
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

        def num(key: str) -> float | None:
            value = entry.get(key)
            if value is not None and (
                not isinstance(value, (int, float)) or isinstance(value, bool)
            ):
                raise OptionError(f"`{key}` must be a number", mark_of(entry, key, where))
            return value

        subject = entry.get("subject")
        if not isinstance(subject, str) or not subject.strip():
            raise OptionError(
                "a fact needs a `subject` (a string)", mark_of(entry, "subject", where)
            )
        names = [regex.sub(r"(?i)^the\s+", "", subject.strip()), *strings("aliases")]
        pattern = "|".join(
            whole_word(phrase_pattern(n), n) for n in sorted(names, key=len, reverse=True)
        )
        fact = Fact(
            subject=subject.strip(),
            names=regex.compile(pattern, regex.IGNORECASE),
            date=date("date"),
            events=[e.lower() for e in strings("event")] or DEFAULT_EVENT,
            places=strings("place"),
            number=num("number"),
            units=[u.lower() for u in strings("unit")],
            tolerance=num("tolerance") or 0.0,
            title=entry.get("title"),
            begin=date("from"),
            end=date("to"),
        )
        if fact.title is not None and not isinstance(fact.title, str):
            raise OptionError("`title` must be a string", mark_of(entry, "title", where))
        if fact.number is not None and not fact.units:
            raise OptionError(
                "a `number` needs a `unit` (the words it is told with)",
                mark_of(entry, "number", where),
            )
        checks = (fact.date, fact.places, fact.number, fact.title)
        if all(c is None or c == [] for c in checks):
            raise OptionError(
                "a fact needs at least one of `date`, `place`, `number`, `title`", where
            )
        return fact

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        done: set[tuple[int, int]] = set()
        for fact in self.facts:
            for m in fact.names.finditer(text):
                s0, s1 = timex.sentence_of(ctx, m.start())
                for f in self._sentence(ctx, fact, m, s0, s1):
                    if (f.offset, f.length) not in done:
                        done.add((f.offset, f.length))
                        yield f

    def _sentence(
        self, ctx: Context, fact: Fact, m: regex.Match, s0: int, s1: int
    ) -> Iterator[Finding]:
        if fact.date is not None:
            yield from self._dates(ctx, fact, s0, s1)
        if fact.places and ctx.nlp is not None:
            yield from self._places(ctx, fact, s0, s1)
        if fact.number is not None:
            yield from self._numbers(ctx, fact, s0, s1)
        if fact.title:
            yield from self._title(ctx, fact, m, s0, s1)

    def _dates(self, ctx: Context, fact: Fact, s0: int, s1: int) -> Iterator[Finding]:
        assert fact.date is not None
        for t in timex.of(ctx):
            if not (s0 <= t.start and t.end <= s1) or t.calendar_error or t.quoted:
                continue
            if not self._tied(ctx, fact, t.start, t.end) or _agrees(t, fact.date):
                continue
            if t.first is None and t.month is None and t.year is None:
                continue  # "on Monday" with no publication date: nothing to compare
            right = _like(t, fact.date)
            yield self.finding(t.start, t.end, t.text, [right], subject=fact.subject,
                               fact=f"{_event(fact)} on {describe(fact.date)}")  # fmt: skip

    def _tied(self, ctx: Context, fact: Fact, start: int, end: int) -> bool:
        """Is the expression at [start, end) told with one of the fact's event words?"""
        doc = ctx.nlp
        if doc is None:
            before = ctx.text[max(0, start - 80) : start].lower()
            return any(regex.search(rf"\b{regex.escape(e)}\b", before) for e in fact.events)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        for _ in range(6):
            if token.lower_ in fact.events or token.lemma_.lower() in fact.events:
                return True
            if token.pos_ in ("VERB", "AUX") or token.head is token:
                break
            token = token.head
        return token.lower_ in fact.events or token.lemma_.lower() in fact.events

    def _places(self, ctx: Context, fact: Fact, s0: int, s1: int) -> Iterator[Finding]:
        accepted = {p.lower() for p in fact.places}
        for ent in ctx.nlp.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC") or not (s0 <= ent.start_char < s1):
                continue
            head = ent.root.head
            if ent.root.dep_ != "pobj" or head.lower_ not in ("in", "at"):
                continue
            if ent.text.lower() in accepted or not self._tied(ctx, fact, head.idx, head.idx + 1):
                continue
            yield self.finding(ent.start_char, ent.end_char, ent.text, fact.places[:1],
                               subject=fact.subject, fact=f"{_event(fact)} in {fact.places[0]}")  # fmt: skip

    def _numbers(self, ctx: Context, fact: Fact, s0: int, s1: int) -> Iterator[Finding]:
        assert fact.number is not None
        text = ctx.text
        units = "|".join(regex.escape(u) for u in fact.units)
        after = regex.compile(rf"(?i)\s+(?:[\w-]+\s+){{0,2}}?(?:{units})\b")
        for m in NUMBER.finditer(text, s0, s1):
            if not after.match(text, m.end(), s1):
                continue
            value = float(m.group("n").replace(",", "")) * SCALES.get(
                (m.group("scale") or "").lower(), 1
            )
            if abs(value - fact.number) <= fact.tolerance * fact.number:
                continue
            right = f"{fact.number:,.0f}" if float(fact.number).is_integer() else f"{fact.number:,}"
            yield self.finding(m.start(), m.end(), m.group(), [right] if not m.group("scale") else [],
                               subject=fact.subject, fact=f"the number is {right}")  # fmt: skip

    def _title(
        self, ctx: Context, fact: Fact, m: regex.Match, s0: int, s1: int
    ) -> Iterator[Finding]:
        assert fact.title is not None
        text = ctx.text
        title = regex.compile(rf"(?i){phrase_pattern(fact.title)}\s+$")
        found = title.search(text, max(s0, m.start() - len(fact.title) - 5), m.start())
        if not found or QUALIFIED.search(text, max(s0, found.start() - 12), found.start()):
            return
        dated = [t for t in timex.of(ctx) if s0 <= t.start < s1 and t.first and not t.relative]
        on = dated[0].first if dated else ctx.pubdate
        if on is None:
            timex.shared.need_pubdate(ctx)
            return
        if (fact.begin is None or fact.begin <= on) and (fact.end is None or on <= fact.end):
            return
        held = _period(fact)
        fixes = ["former " + text[found.start() : m.end()]] if fact.end and on > fact.end else []
        yield self.finding(found.start(), m.end(), text[found.start() : m.end()], fixes,
                           subject=fact.subject, fact=f"{fact.title} {held}, not on {describe(on)}")  # fmt: skip


def _event(fact: Fact) -> str:
    return fact.events[0] if fact.events is not DEFAULT_EVENT else "dated"


def _period(fact: Fact) -> str:
    if fact.begin and fact.end:
        return f"from {describe(fact.begin)}, to {describe(fact.end)}"
    return f"from {describe(fact.begin)}" if fact.begin else f"until {describe(fact.end)}"  # type: ignore[arg-type]


def _agrees(t: Timex, date: dt.date) -> bool:
    """Can the expression name the fact's date, as far as it says?"""
    if t.first is not None and t.last is not None and t.year is not None:
        return t.first <= date <= t.last
    if (
        t.first is not None
        and t.last is not None
        and t.relative
        and t.month is None
        and t.day is None
    ):
        return t.first <= date <= t.last
    if t.month is not None:  # yearless: compare what was written
        return (
            t.month == date.month
            and (t.day is None or t.day == date.day)
            and (t.year is None or t.year == date.year)
            and (
                not t.relative or t.first is None or t.first.year == date.year or t.day is not None
            )
        )
    return t.first is None or t.first <= date <= (t.last or t.first)


def _like(t: Timex, date: dt.date) -> str:
    """The fact's date written as precisely as the expression it replaces."""
    if t.day is not None:
        text = f"{MONTH_NAMES[date.month - 1]} {date.day}"
        return f"{text}, {date.year}" if t.year is not None or t.relative is False else text
    if t.month is not None or t.grain == "month":
        return f"{MONTH_NAMES[date.month - 1]} {date.year}"
    return describe(date, t.grain if t.grain in ("year", "decade") else "day")
