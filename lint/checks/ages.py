"""person-age: the age of a known person that is not their age on the publication date.

"Keir Starmer, 58, said" in a story of April 2025 is wrong: he was born on
2 September 1962 and was 62. Copy desks check every age they print against a
date of birth; this kind does it for the people of the names data (their
``born:`` key, a full date or a year alone) at the draft's publication date
(never today's). Ages are read where news copy writes them beside a name:

* "Keir Starmer, 62," / "Starmer, aged 62," / "Starmer, now 62," (AP style);
* "the 62-year-old Keir Starmer", with titles between ("62-year-old British
  Prime Minister Keir Starmer");
* "Keir Starmer (62)".

It prefers silence to a false alarm:

* an age is wrong only when no possible birthday makes it right (a birth known
  to the year only allows two ages), and it is taken as right anywhere in the two
  weeks before publication, since copy is often written days ahead;
* the age must be that of one known person: a whole name, or a surname alone that
  the draft has already given whole for that person and for no one else;
* the sentence must speak of the publication date: one that dates itself
  otherwise ("In 2010, Obama, 48, …", "when …", "at the time") is about another day;
* someone who has died by the publication date (``died:``) is not checked, nor is
  an age inside a direct quotation;
* without a publication date nothing is checked, and a note says so once.

The message names the source: the names data and the date it was checked. The
replacement is the right age when the birth date is known to the day.

Options: ``data`` — names data files, relative to the pack (the pack's own
``entities:`` are used too).

Message placeholders: ``{match}`` (the age written), ``{name}``, ``{computed}``
(the right age or ages), ``{born}``, ``{reference}`` (the publication date) and
``{source}``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import regex
from dateutil.relativedelta import relativedelta

from lint import timex
from lint.checks.base import Check, Context
from lint.checks.names import names_of
from lint.document import quotes
from lint.findings import Finding
from lint.names.entities import Entity
from lint.names.fold import fold
from lint.names.index import NameIndex
from lint.names.mentions import TITLES, Name
from lint.names.sources import index_for
from lint.packs.options import Option
from lint.timex.shared import sentence_of

LEEWAY = dt.timedelta(days=14)
"""An age right on any day this long before publication is right: copy is written ahead."""

NO_PUBDATE = (
    "no publication date (set `date:` in front matter, --pubdate or `pubdate:` in config): "
    "offices and ages of known people were not checked"
)

AFTER = regex.compile(r",\s+(?:aged\s+|now\s+)?(?P<age>\d{1,3})(?=,|\s*[.;:]|\s+and\b)")
PAREN = regex.compile(r"\s*\((?:aged?\s+)?(?P<age>\d{1,3})\)")
YEAR_OLD = regex.compile(
    r"(?i)\b(?P<age>\d{1,3})[-\s]year[-\s]old\s+(?P<between>(?:[\w’'.-]+\s+){0,5})$"
)
_BETWEEN = """the former ex then outgoing incumbent veteran longtime long-serving embattled new
    interim acting of state foreign defence defense finance interior party opposition deputy
    ousted exiled jailed populist conservative socialist leftist rightist liberal centrist
    nationalist"""
BETWEEN_WORDS = TITLES | frozenset(_BETWEEN.split())
"""Lower-case words that may stand between "62-year-old" and the name it describes."""
OTHER_TIME = regex.compile(
    r"(?i)\b(?:when|while|then|at\s+the\s+time|ago|back\s+in|years?\s+earlier|once)\b"
)


def note_once(ctx: Context, note: str) -> None:
    if note not in ctx.notes:
        ctx.notes.append(note)


def source_of(checked: dt.date | None) -> str:
    return "names data" + (f", checked {checked}" if checked else "")


def note_as_of(ctx: Context, checked: dt.date | None) -> None:
    """Say once that the names data may not know what happened after it was checked."""
    if checked is not None and ctx.pubdate is not None and ctx.pubdate > checked:
        note_once(
            ctx,
            f"the names data was checked on {checked}, before the publication date: "
            "offices and ages may have changed since",
        )


def people_named(ctx: Context, index: NameIndex) -> list[tuple[Name, Entity]]:
    """Each name in the draft that is one known person, with that person.

    A whole name must belong to one person. A surname alone counts only when the
    draft has already given that person's whole name, and no other person's whole
    name (known or not) ends in it: "Johnson" after "Boris Johnson", not after
    "Mary Johnson"."""
    key = ("people", "named", id(index))
    if key in ctx.extra:
        return ctx.extra[key]
    found: list[tuple[Name, Entity]] = []
    introduced: dict[str, set[int]] = {}  # surname → ids of people introduced by it
    owners: dict[int, Entity] = {}
    for name in names_of(ctx):
        name = _known_tail(name, index, ctx.text)
        people = _people(index.known(name.text))
        last = fold(name.text).split()[-1]
        if name.size > 1:
            whole = len(people) == 1 and fold(name.text) in index.full
            ids = {id(people[0])} if whole else {0}
            introduced.setdefault(last, set()).update(ids)
            if whole:
                owners[id(people[0])] = people[0]
                found.append((name, people[0]))
            continue
        seen = introduced.get(last, set())
        if len(seen) == 1 and 0 not in seen and len(people) == 1 and id(people[0]) in seen:
            found.append((name, owners[id(people[0])]))
    ctx.extra[key] = found
    return found


def _known_tail(name: Name, index: NameIndex, text: str) -> Name:
    """The known whole name a run of capitalised words ends in: "State Rex Tillerson"
    (from "Secretary of State Rex Tillerson") is Rex Tillerson."""
    if name.size < 3 or fold(name.text) in index.full:
        return name
    for i in range(1, len(name.words) - 1):
        start = name.words[i][0]
        tail = " ".join(text[start : name.end].split())
        if fold(tail) in index.full:
            return dataclasses.replace(name, start=start, text=tail, words=name.words[i:])
    return name


def _people(entities: list[Entity]) -> list[Entity]:
    return list({id(e): e for e in entities if e.type == "person"}.values())


def quoted(ctx: Context, offset: int) -> bool:
    """Is ``offset`` inside a direct quotation (the document's own reading, kept with it)?"""
    return quotes.inside(ctx.doc.quotations, offset, offset + 1)


def other_time(ctx: Context, offset: int, pubdate: dt.date) -> bool:
    """Does the sentence around ``offset`` speak of another time than the publication
    date ("In 2010, …", "when he took office", "at the time")?"""
    s0, s1 = sentence_of(ctx, offset)
    if OTHER_TIME.search(ctx.text, s0, s1):
        return True
    year = dt.timedelta(days=366)
    return any(
        s0 <= t.start and t.end <= s1 and t.first is not None and t.last is not None
        and (t.last < pubdate - year or t.first > pubdate + year)
        for t in timex.of(ctx)
    )  # fmt: skip


def sentence_tokens(ctx: Context, offset: int) -> tuple[list, int]:
    """The spaCy tokens of the sentence around ``offset`` (from its paragraph's parse) and
    the offset their ``idx`` counts from; ([], 0) when there is no parse."""
    for start, part in ctx.parts or [(0, ctx)]:
        if not start <= offset < start + len(part.text) or part.nlp is None:
            continue
        if not part.nlp.has_annotation("SENT_START"):
            break
        span = part.nlp.char_span(offset - start, offset - start + 1, alignment_mode="expand")
        return (list(span[0].sent), start) if span is not None and len(span) else ([], 0)
    return [], 0


def ages_between(born, first: dt.date, last: dt.date) -> tuple[int, int]:
    """The fewest and most years someone born on a day in ``born`` can be on a day in
    [first, last]."""
    return relativedelta(first, born.last).years, relativedelta(last, born.first).years


class PersonAge(Check):
    kind = "person-age"
    category = "facts"
    needs = frozenset({"entities", "tags", "sentences"})
    message = "{name} was {computed} on {reference}, not {match} (born {born}; {source})."
    options = {
        "data": Option("list[str]", [], "names data files, relative to the pack"),
    }

    def prepare(self) -> None:
        self.index, self.checked = index_for(self.rule, self.opts["data"], required=True)

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if not any(c.isdigit() for c in text):
            return
        mentions = [(n, e) for n, e in people_named(ctx, self.index) if e.born is not None]
        if not mentions:
            return
        if ctx.pubdate is None:
            note_once(ctx, NO_PUBDATE)
            return
        pubdate = ctx.pubdate
        note_as_of(ctx, self.checked)
        for name, person in mentions:
            if person.died is not None and person.died.first <= pubdate:
                continue
            for start, end in _ages(text, name):
                if quoted(ctx, start) or other_time(ctx, start, pubdate):
                    continue
                age = int(text[start:end])
                assert person.born is not None
                low, high = ages_between(person.born, pubdate - LEEWAY, pubdate)
                if low <= age <= high or high < 0:
                    continue
                right = ages_between(person.born, pubdate, pubdate)
                computed = str(right[0]) if right[0] == right[1] else f"{right[0]} or {right[1]}"
                yield self.finding(
                    start, end, text[start:end], [str(right[0])] if right[0] == right[1] else [],
                    name=person.display, computed=computed, born=person.born.text,
                    reference=timex.describe(pubdate), source=source_of(self.checked),
                )  # fmt: skip


def _ages(text: str, name: Name) -> Iterator[tuple[int, int]]:
    """Offsets of the ages written beside ``name``."""
    for pattern in (AFTER, PAREN):
        m = pattern.match(text, name.end)
        if m and not _more_numbers(text, m.end()):
            yield m.span("age")
    m = YEAR_OLD.search(text, max(0, name.start - 120), name.start)
    if m and _title_words(m.group("between").split()):
        yield m.span("age")


def _more_numbers(text: str, end: int) -> bool:
    """A list of numbers ("Macron, 24, 26, Le Pen, 21") is not an age."""
    return bool(regex.match(r",\s*\d", text[end : end + 4]))


def _title_words(words: list[str]) -> bool:
    """Do the words between "62-year-old" and a name describe that person: titles,
    demonyms, "former" ("former British prime minister"), or any words of a title that
    ends in one ("former economy minister")?"""
    if all(_between(w) for w in words):
        return True
    return (
        len(words) <= 4 and words[-1].strip(".,").lower() in TITLES
        and all(w.isalpha() for w in words)
    )  # fmt: skip


def _between(word: str) -> bool:
    """May ``word`` stand between an age and a name (a title, a demonym, "former")?"""
    word = word.strip(".,")
    return word[:1].isupper() or word.lower().rstrip("-") in BETWEEN_WORDS
