"""office: a title beside a known person's name that they did not hold on the publication date.

"Turkish Prime Minister Recep Tayyip Erdoğan" in a story of 2025 is wrong twice
over: he has been President of Turkey since 2014. "UK Prime Minister Boris
Johnson" in 2025 is out of date: he left office in 2022 ("former"). This kind
reads a title written before a known person's name ("French President Emmanuel
Macron", "former U.S. Secretary of State John Kerry", "President-elect Joe
Biden") or beside it ("Mark Rutte, the Dutch prime minister,", "Angela Merkel,
Germany's chancellor,", "X, the president of Turkey,") and compares it with the
person's dated ``roles`` in the names data at the draft's publication date.

The title is an office (president, prime minister or premier, chancellor, vice
president, king, queen, emperor, foreign minister, secretary of state,
secretary-general, supreme leader, crown prince, emir, sultan, taoiseach) with,
optionally, the country it is of (a name or demonym: "Turkish", "UK",
"Germany's", "of Turkey", read by ``lint.world.countries``) and a qualifier:

* none: the person must hold that office (of that country, when one is named)
  on the publication date; one they have left is reported with "former …" as
  the fix, one not yet taken as such. "Prime Minister" alone is right for anyone
  holding any prime ministership then;
* "former", "ex-": they must have left it; "then-": they must have held it;
* "-elect", "incoming": they must take it after the publication date;
* "outgoing": they must hold it, or have left it in the month before;
* "acting", "interim", "caretaker", "late": not checked (the data has no acting
  spells, and deaths are the ages rule's).

A title the person never held at all is reported only for the offices the names
data lists whole (heads of state and government: president, prime minister,
chancellor, king, queen, emperor); for others the data may lack a spell.

It prefers silence to a false alarm:

* the name must be one known person: a whole name, or a surname alone that only
  one known person with such an office could bear ("Prime Minister Johnson"; not
  "President Bush", two of them);
* a title qualified by anything but a country ("European Commission President",
  "Putin's prime minister") is not judged, nor one whose office the data cannot
  place in a country; "Chancellor" for someone with a British office may be the
  Chancellor of the Exchequer, so it is left alone;
* a sentence set at another time ("In 2010, …", "when …", "at the time") and
  direct quotations are left alone; a day's leeway either side of a change of
  office is allowed;
* history keeps the title of its time: an office since left is not reported in a
  sentence told in the past tense ("Israeli Prime Minister Ehud Barak met Arafat",
  "appointed by President Obama") unless a date near the publication date ("on
  Tuesday") or a verb of saying ("said") ties it to now, nor after words that look
  back ("under", "appointed by", "former adviser to", "before leaving office");
  "ousted", "deposed", "jailed" and the like count as "then-";
* without a publication date nothing is checked, and a note says so once.

Messages name the source: the names data and the date it was checked.

Options: ``data`` — names data files, relative to the pack.

Message placeholders: ``{match}`` (the title written), ``{name}``, ``{explanation}``
and ``{source}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint import timex
from lint.checks.ages import (
    NO_PUBDATE,
    note_as_of,
    note_once,
    other_time,
    people_named,
    quoted,
    sentence_tokens,
)
from lint.checks.base import Check, Context
from lint.findings import Finding
from lint.names.entities import Entity, Role
from lint.names.fold import fold
from lint.names.index import NameIndex
from lint.names.mentions import Name
from lint.names.sources import index_for
from lint.packs.options import Option
from lint.timex.shared import sentence_of

LEEWAY = dt.timedelta(days=1)
OUTGOING = dt.timedelta(days=31)
ELECT = dt.timedelta(days=400)
HEADS = frozenset({"president", "prime minister", "chancellor", "king", "queen", "emperor"})
"""Offices the names data lists whole for the people it has."""

_OFFICE = (
    r"vice[-\s]president|president|prime\s+minister|premier|chancellor|king|queen|emperor"
    r"|empress|foreign\s+minister|secretary\s+of\s+state|secretary[-\s]general"
    r"|supreme\s+leader|crown\s+prince|taoiseach|emir|sultan"
)
_QUAL = (
    r"(?P<qual>former|ex|then|late|outgoing|acting|interim|incoming|caretaker|ousted|deposed"
    r"|toppled|overthrown|exiled|jailed|disgraced|impeached|assassinated|slain)(?:-|\s+)"
)
_THEN = "then ousted deposed toppled overthrown exiled jailed disgraced impeached"
THEN = frozenset(_THEN.split())
"""Qualifiers that say the title is one the person held (like "then-")."""
_PLACE = r"[A-Z][\w.’'-]*"
_S = r"[^\S\n]+"  # spaces within a line: a title does not run across paragraphs
BEFORE = regex.compile(
    rf"(?<![\w-])(?i:(?:the{_S})?{_QUAL})?(?P<where>(?:{_PLACE}{_S}){{0,3}}?)"
    rf"(?P<office>(?i:{_OFFICE}))(?P<elect>-elect)?{_S}$"
)
AFTER = regex.compile(
    rf",{_S}(?:(?:the|a|an){_S})?(?i:{_QUAL})?(?:(?P<poss>{_PLACE}(?:{_S}{_PLACE}){{0,2}})['’]s?{_S})?"
    rf"(?i:{_QUAL.replace('qual', 'qual2')})?(?P<where>(?:{_PLACE}{_S}){{0,2}}?)"
    rf"(?P<office>(?i:{_OFFICE}))(?P<elect>-elect)?"
    rf"(?:{_S}of{_S}(?P<of>(?:the{_S})?{_PLACE}(?:{_S}{_PLACE}){{0,3}}))?"
    r"(?=\s*[,.;:)]|\s+(?:and|who|said|says|told|has|had|is|was|will|would)\b)"
)
OFFICE = regex.compile(rf"(?i:{_OFFICE})")
_SAYING = """said told added asked warned urged announced wrote insisted claimed noted argued
    declared stated replied explained vowed pledged promised called accused tweeted confirmed
    denied suggested described stressed reported acknowledged admitted praised criticised
    criticized welcomed condemned rejected dismissed signalled signaled hinted"""
SAYING = frozenset(_SAYING.split())
"""Verbs of saying: "Prime Minister X said" tells of now, though its verb is past."""
LOOKING_BACK = regex.compile(
    r"(?i)\b(?:former|ex-|under|appointed\s+by|appointee\s+of|nominated\s+by|era\s+of"
    r"|administration\s+of|during|predecessor|successor|legacy\s+of|leaving\s+office"
    r"|left\s+office)\b[^.;!?]{0,60}$"
)
POSSESSIVE = regex.compile(r"['’]s?\b")
BACK_AFTER = regex.compile(r"[^.;!?]{0,60}\b(?:during|while\s+in\s+office|at\s+the\s+time)\b")
GENERIC_OWNERS = frozenset({"country", "nation", "state", "republic", "kingdom"})
"""Possessives that name no country of their own ("the country's president")."""


@dataclass(frozen=True)
class Title:
    start: int
    end: int
    text: str
    office: str  # normalised: "prime minister"
    country: str | None  # ISO code, or None when none is named
    qualifier: str  # "", "former", "elect", ...
    name_end: int = 0  # where the name it is beside ends


def office_key(text: str) -> str:
    """ "Prime  Minister" → "prime minister"; premier and taoiseach are prime ministers."""
    key = " ".join(text.lower().replace("-", " ").split())
    key = key.removeprefix("acting ")
    return {"premier": "prime minister", "taoiseach": "prime minister", "empress": "emperor"}.get(
        key, key
    )


_ORG_WORDS = """commission council parliament bank union organization organisation fund agency
    programme program reserve league party committee court assembly forum alliance nato imf
    opec asean oecd unicef commonwealth"""
ORG_WORDS = frozenset(_ORG_WORDS.split())
"""Words that make a place in a role's title a body, not a country ("of the European
Commission"): the title then belongs to no country."""


def _country(text: str) -> str | bool | None:
    """The ISO code a place names; False when it is a body, not a country; None when
    it cannot be told ("the Belgians")."""
    from lint.world.countries import country

    found = country(text.strip())
    if found:
        return found.code
    words = {w.lower() for w in regex.findall(r"\w+", text)}
    return False if words & ORG_WORDS else None


def _written_country(where: str) -> str | bool | None:
    """The country words before an office name ("Turkish", "South Korean", "U.S."), or
    False when they name something else ("European Commission", "Putin's")."""
    words = where.split()
    for i in range(len(words)):
        found = _country(" ".join(words[i:]))
        if isinstance(found, str):
            return found
    return False


def role_parts(role: Role) -> tuple[str, str | bool | None]:
    """A role's office and country: "Prime Minister of Turkey" → ("prime minister", "TR");
    "President of the European Commission" → ("president", False)."""
    if fold(role.title) == "taoiseach":
        return "prime minister", "IE"
    parts = role.title.split(" of ")
    for i in range(1, len(parts)):  # "Secretary of State | of the United States"
        office = " of ".join(parts[:i])
        if OFFICE.fullmatch(office):
            return office_key(office), _country(" of ".join(parts[i:]))
    if len(parts) == 1:
        return office_key(role.title), None
    return office_key(" of ".join(parts[:-1])), _country(parts[-1])


class Office(Check):
    kind = "office"
    category = "facts"
    needs = frozenset({"entities", "tags", "sentences"})
    message = "{explanation} ({source})."
    options = {
        "data": Option("list[str]", [], "names data files, relative to the pack"),
    }

    def prepare(self) -> None:
        self.index, self.checked = index_for(self.rule, self.opts["data"], required=True)

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if not regex.search(rf"(?i)\b(?:{_OFFICE})\b", text):
            return
        mentions = _titled(ctx, self.index)
        if not mentions:
            return
        if ctx.pubdate is None:
            note_once(ctx, NO_PUBDATE)
            return
        note_as_of(ctx, self.checked)
        source = "names data" + (f", checked {self.checked}" if self.checked else "")
        done: set[int] = set()
        for title, person, whole in mentions:
            if title.start in done or quoted(ctx, title.start):
                continue
            if title.qualifier in ("", "outgoing", "elect", "incoming") and other_time(
                ctx, title.start, ctx.pubdate
            ):
                continue
            then = _told_of_then(ctx, title, ctx.pubdate)
            why = judge(title, person, ctx.pubdate, whole, then, _times(ctx, title.start))
            if why is None:
                continue
            explanation, fixes = why
            done.add(title.start)
            yield self.finding(
                title.start, title.end, title.text, fixes, name=person.display,
                explanation=explanation, source=source,
            )  # fmt: skip


def _titled(ctx: Context, index: NameIndex) -> list[tuple[Title, Entity, bool]]:
    """Each title written beside a known person: (title, person, named in full)."""
    text = ctx.text
    found = []
    for name, person in people_named(ctx, index):
        for title in _titles(text, name):
            found.append((title, person, name.size > 1))
    for name in _surnames(ctx, index):
        for title in _titles(text, name):
            person = _bearer(index, name, title)
            if person is not None:
                found.append((title, person, False))
    return found


def _surnames(ctx: Context, index: NameIndex) -> list[Name]:
    """One-word names known as someone's surname and not already resolved to a person."""
    from lint.checks.names import names_of

    resolved = {(n.start, n.end) for n, _ in people_named(ctx, index)}
    return [
        n for n in names_of(ctx)
        if n.size == 1 and (n.start, n.end) not in resolved and fold(n.text) in index.single
    ]  # fmt: skip


def _bearer(index: NameIndex, name: Name, title: Title) -> Entity | None:
    """The one known person with this surname who ever held an office like ``title``."""
    people = {id(e): e for e in index.single.get(fold(name.text), []) if e.type == "person"}
    fits = [e for e in people.values() if any(_fits(title, r) is True for r in e.roles)]
    return fits[0] if len(fits) == 1 else None


def _titles(text: str, name: Name) -> Iterator[Title]:
    m = BEFORE.search(text, max(0, name.start - 90), name.start)
    if m:
        where = m.group("where").strip()
        code = _written_country(where) if where else None
        if code is not False:
            yield _title(m, code, ("qual", "where", "office"), name.end)
    m = AFTER.match(text, name.end)
    if m:
        owner, where, of = m.group("poss"), (m.group("where") or "").strip(), m.group("of")
        if owner and owner.split()[-1].lower() in GENERIC_OWNERS:
            owner = None
        codes = {_country(p) if p is of else _written_country(p) for p in (owner, where, of) if p}
        if len(codes) <= 1 and False not in codes and None not in codes:
            yield _title(
                m,
                codes.pop() if codes else None,
                ("qual", "poss", "qual2", "where", "office"),
                name.end,
            )


def _title(m: regex.Match, code: str | None, groups: tuple[str, ...], name_end: int) -> Title:
    found = {g: v for g, v in m.groupdict().items() if v}
    qual = (found.get("qual") or found.get("qual2") or "").lower()
    if "elect" in found:
        qual = "elect"
    start = min(m.start(g) for g in groups if g in found)
    end = max(m.end(g) for g in ("office", "elect", "of") if g in found)
    return Title(
        start, end, m.string[start:end], office_key(m.group("office")), code, qual, name_end
    )


def _fits(title: Title, role: Role) -> bool | None:
    """Is ``role`` the office ``title`` names? None when the data cannot tell."""
    office, country = role_parts(role)
    if office != title.office:
        return False
    if title.country is None:
        return True
    if country is None:
        return None
    return country == title.country


def judge(
    title: Title,
    person: Entity,
    pubdate: dt.date,
    whole: bool,
    then: bool = False,
    times: tuple[dt.date, ...] = (),
) -> tuple[str, list[str]] | None:
    """Why ``title`` is wrong for ``person`` on ``pubdate`` (an explanation and fixes).
    ``then``: the sentence may tell of a time when an office since left was held;
    ``times``: the first days of the dated periods the sentence names."""
    if title.qualifier in ("acting", "interim", "caretaker", "late", "assassinated", "slain"):
        return None
    if title.office == "chancellor" and (
        title.country == "GB" or any(role_parts(r)[1] == "GB" for r in person.roles)
    ):
        return None  # the Chancellor of the Exchequer
    fits = [_fits(title, r) for r in person.roles]
    if None in fits:
        return None
    spells = [r for r, ok in zip(person.roles, fits, strict=True) if ok]
    held = [r for r in spells if _covers(r, pubdate)]
    past = [r for r in spells if r.end is not None and r.end < pubdate]
    later = [r for r in spells if r.start is not None and r.start > pubdate]
    now = _current(person, pubdate)
    who = person.display
    if title.qualifier in ("former", "ex"):
        if held:
            return f"{who} has been {_named(held[0])} since {held[0].start}, not former", []
        if spells:
            return None
        return _never(title, person, pubdate, whole)
    if title.qualifier in THEN:
        if spells:
            return None
        return _never(title, person, pubdate, whole)
    if title.qualifier in ("elect", "incoming"):
        if any(r.start and pubdate - LEEWAY <= r.start <= pubdate + ELECT for r in spells):
            return None
        if held and not then:
            role = held[0]
            return f"{who} has been {_named(role)} since {role.start}, no longer elect", []
        return None
    if held:
        return None
    if title.qualifier == "outgoing" and any(
        r.end and pubdate - OUTGOING <= r.end <= pubdate for r in spells
    ):
        return None
    if later and not past:
        role = min(later, key=lambda r: r.start or pubdate)
        return (
            f"{who} became {_named(role)} on {role.start}, after the publication date ({pubdate})",
            [],
        )
    if past and not then and not any(r.end and day <= r.end for r in past for day in times):
        role = max(past, key=lambda r: r.end or pubdate)
        if now is not None:
            explanation = (
                f"{who} has been {_named(now)} since {now.start}; {_named(role)} until {role.end}"
            )
        else:
            explanation = f"{who} was {_named(role)} until {role.end}: a former {title.office}"
        return explanation, [_former(title)]
    if past:
        return None
    return _never(title, person, pubdate, whole)


def _told_of_then(ctx: Context, title: Title, pubdate: dt.date) -> bool:
    """May the sentence tell of a past time, when the person held an office since left?

    "President Obama signed the law", "appointed by President Obama", "former adviser
    to President Karzai": a past-tense verb (other than one of saying) with no date
    near the publication date to anchor it, or words that look back."""
    text = ctx.text
    s0, s1 = sentence_of(ctx, title.start)
    if LOOKING_BACK.search(text, max(s0, title.start - 80), title.start):
        return True
    after = title.name_end
    if after and (
        POSSESSIVE.match(text, after) or BACK_AFTER.match(text, after, min(s1, after + 80))
    ):
        return True  # "President Obama's legacy", "… wiretapped him during the campaign"
    tokens, base = sentence_tokens(ctx, title.start)
    if not any(t.tag_ == "VBD" and t.lower_ not in SAYING for t in tokens):
        return False
    s0, s1 = base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1])
    return not any(s0 <= t.start and t.end <= s1 and _now(t, pubdate) for t in timex.of(ctx))


def _times(ctx: Context, offset: int) -> tuple[dt.date, ...]:
    """The first days of the dated periods the sentence around ``offset`` names."""
    s0, s1 = sentence_of(ctx, offset)
    return tuple(
        t.first for t in timex.of(ctx)
        if s0 <= t.start and t.end <= s1 and t.first is not None and not t.quoted
    )  # fmt: skip


def _now(t, pubdate: dt.date) -> bool:
    """Does a time expression tie its sentence to the days around the publication date
    ("on Tuesday", "this week", "March 3")?"""
    if t.kind == "weekday" or (t.relative and t.first is None):
        return True
    month = dt.timedelta(days=31)
    return (
        t.first is not None and t.last is not None
        and pubdate - month <= t.first and t.last <= pubdate + month
    )  # fmt: skip


def _never(
    title: Title, person: Entity, pubdate: dt.date, whole: bool
) -> tuple[str, list[str]] | None:
    """A title never held: reported for heads of state and government, named in full."""
    if title.office not in HEADS or not whole or not person.roles:
        return None
    now = _current(person, pubdate)
    who = person.display
    if now is not None:
        return f"{who} has been {_named(now)} since {now.start}, not “{title.text}”", []
    spells = "; ".join(f"{r.title} {_span(r)}" for r in person.roles[:3])
    return f"{who} has never been “{title.text}” (offices: {spells})", []


def _covers(role: Role, day: dt.date) -> bool:
    return (role.start is None or role.start - LEEWAY <= day) and (
        role.end is None or day <= role.end + LEEWAY
    )


def _current(person: Entity, day: dt.date) -> Role | None:
    held = [r for r in person.roles if _covers(r, day) and r.start is not None]
    return max(held, key=lambda r: r.start or day) if held else None


def _named(role: Role) -> str:
    return role.title


def _span(role: Role) -> str:
    return f"{role.start or '?'} to {role.end or 'now'}"


def _former(title: Title) -> str:
    """ "UK Prime Minister" → "former UK Prime Minister" (AP: "former" in lower case)."""
    return "former " + regex.sub(r"(?i)^outgoing\s+", "", title.text)
