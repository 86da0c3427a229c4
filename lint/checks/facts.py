"""facts: claims that contradict a fact sheet, the story's own or the shipped events pack.

A newsroom writes down, for one story, what it has confirmed — when the treaty
was signed and where, how many troops were sent, who held which title when —
and keeps that sheet beside the draft. factlint flags a sentence that mentions a
subject of the sheet and states a different value for it. The shipped ``events``
pack is a sheet of the same kind for well-known world events, each with its source.

The fact sheet is a pack with a top-level ``facts:`` list and one rule of kind
``facts``; the configuration lists it by path (``packs: [typography, ./kursk.facts.yaml]``)::

    name: kursk-facts
    description: Confirmed facts for the Kursk deployment story (desk, April 2025).
    checked: 2025-04-25         # as of when the sheet is true (optional)
    facts:
      - subject: the Comprehensive Strategic Partnership treaty
        aliases: [Comprehensive Strategic Partnership, partnership treaty]
        date: 2024-06-19          # when it happened: 2024-06-19, 2024-06 or 2024
        event: [signed, signing]  # the words a date or place is told with
        place: Pyongyang          # where (a name, or a list of accepted names)
        context: [Kim, Pyongyang] # a mention counts only beside one of these (optional)
        source: KCNA, 19 June 2024 # where it can be checked (optional)
      - subject: the Iraq War
        date: 2003-03-20
        end: 2011-12-18           # the last day of an event that lasted (optional)
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
leading "the"), ``mentions`` (names of what the event happened to, "the Berlin
Wall", dated only through an event word: "the 1961 Berlin Wall" is not its fall),
then any of: ``date`` (with ``precision``: day, month or year,
when a full date is only known that far) with ``event`` and ``end``, ``place``
(with ``event``), ``number`` with ``unit`` and ``tolerance``, ``title`` with
``from`` and ``to``; ``context``, ``source`` and ``checked`` (when the fact was
last checked; the pack's ``checked:`` otherwise). ``note`` is for the desk.

What is flagged, always in a sentence that mentions the subject (and one of its
``context`` words, if it has any):

* a year written before the name ("the 2012 Fukushima disaster", "2012's
  Fukushima disaster") or just after it with "of" ("the Fukushima disaster of
  2012") that is not the event's (for one with an ``end``, not within it); not
  when the name modifies a noun that follows ("the 2021 Fukushima disaster
  memorial"), since the year then dates that;
* a date told with an event word that also governs the name ("Kim and Putin signed
  their Comprehensive Strategic Partnership … in June 2023"; "the treaty, signed
  on June 12, 2024"), and that does not contain the fact's date ("ended" is
  compared with ``end``), with the right date as the replacement ("June 2024");
* a place told with an event word ("signed in Moscow") that is not the fact's;
* a number told with a unit ("12,000 troops") off by more than the tolerance;
* the title before the name ("President Moon") on a date outside its period,
  unless "former", "then-", "ex-" or "late" says so; the replacement is
  "former President Moon".

A date is compared only as far as the fact knows it: a fact dated ``2011-03``
agrees with "March 12, 2011". Messages name the fact's source and the date it was
checked; when the draft is published after the pack's ``checked:`` date, a note
says once that later facts are not known to it. Names are matched only in
documents that contain their rarest word, and compiled on first use, so a pack of
hundreds of facts costs little to load and to run.

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

import regex

from lint import timex
from lint.checks.base import Check, Context, phrase_pattern
from lint.checks.fact_sheet import (
    DEFAULT_EVENT,
    NON_WORD,
    Fact,
    When,
    anchor_of,
    parse_fact,
    words_of,
)
from lint.document import quotes
from lint.findings import Finding
from lint.packs.options import OptionError
from lint.packs.yamlpos import mark_of
from lint.timex.model import Timex, describe, period
from lint.timex.vocab import MONTH_NAMES, MONTHS

END_WORDS = frozenset({"ended", "end", "ending", "ends"})
"""Event words (when a fact lists them) that date the end of an event with an ``end``."""
START_WORDS = frozenset({"began", "begin", "begun", "started", "start", "launched", "launch",
                         "broke out", "erupted", "invaded", "outbreak"})  # fmt: skip
"""Event words that date the start of an event with an ``end``; other words (held, took
place) may name any day within it."""
PASSIVE = frozenset({"signed", "founded", "established", "launched", "held", "elected",
                     "opened", "created", "formed", "adopted", "ratified", "dissolved",
                     "inaugurated", "agreed", "announced", "declared", "unveiled", "built"})  # fmt: skip
"""Event words that read as "the treaty was signed on …" in a message."""
MAKING = frozenset({"found", "establish", "create", "form", "set", "launch", "release",
                    "introduce", "start", "unveil", "build", "sign", "declare", "adopt",
                    "open", "issue", "announce"})  # fmt: skip
"""Lemmas of event words whose subject makes something: "Hamas founded a charity"."""
QUALIFIED = regex.compile(r"(?i)\b(?:former|then|ex|late|onetime|one-time|future)[\s-]+$")
NUMBER = regex.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<scale>thousand|million|billion))?(?![\w%])"
)
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (
    rf"(?:(?P<month>{_MONTH})\.?\s+(?:(?P<day>[1-9]|[12][0-9]|3[01]),?\s+)?)?"
    r"(?P<year>1[5-9][0-9]{2}|20[0-9]{2})"
)
BEFORE_NAME = regex.compile(rf"(?i)(?<![\w.,'’–—-]){_DATE}(?P<poss>['’]s)?\s+$")
"""A date written as a modifier just before an event's name: "the 2012 ", "2012's "."""
DETERMINER = regex.compile(r"(?i)(?:\b(?:the|this|that|its|their|his|her|our|whose)|\w['’]s)\s+$")
AFTER_NAME = regex.compile(rf"(?i)\s+of\s+{_DATE}(?![\w'’–—-]|[.,]\d)")
"""A date just after an event's name with "of": "the Fukushima disaster of 2012"."""
NOUNISH = frozenset({"NOUN", "PROPN", "NUM"})


class Facts(Check):
    kind = "facts"
    whole_parse = True
    category = "facts"
    needs = frozenset({"tags", "lemmas", "sentences", "entities"})
    message = "'{match}' contradicts the fact sheet: {subject}, {fact}{cite}."

    def prepare(self) -> None:
        pack = self.rule.owner
        data = pack.data.get("_raw", {}) if pack is not None else {}
        raw = pack.data.get("facts") if pack is not None else None
        if not isinstance(raw, list) or not raw:
            where = mark_of(data, "facts") if "facts" in data else self.rule.mark
            raise OptionError("a facts rule needs a non-empty `facts:` list in its pack", where)
        self.pack_name = pack.name
        self.checked = pack.data.get("checked")
        self.facts = [
            parse_fact(entry, mark_of(raw, i, self.rule.mark), pack.name, self.checked)
            for i, entry in enumerate(raw)
        ]
        self.anchors: dict[str | None, list[tuple[frozenset[str], Fact]]] = {}
        for fact in self.facts:
            for name in {*fact.names, *fact.mentions}:
                words = words_of(name)
                self.anchors.setdefault(anchor_of(words), []).append((words, fact))

    def candidates(self, ctx: Context) -> list[Fact]:
        """The facts a draft may mention: those with a name all of whose words it has
        (a set lookup per name, so hundreds of facts cost a millisecond)."""
        key = ("facts", "words")
        if key not in ctx.extra:
            ctx.extra[key] = frozenset(NON_WORD.split(ctx.folded))
        have = ctx.extra[key]
        found: dict[int, tuple[Fact, set[str | None]]] = {}
        for word, group in self.anchors.items():
            if word is None or word in have:
                for words, fact in group:
                    if words <= have:
                        found.setdefault(id(fact), (fact, set()))[1].add(word)
        ctx.extra[("facts", "anchors")] = {k: v[1] for k, v in found.items()}
        return [fact for fact, _ in found.values()]

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        facts = self.candidates(ctx)
        if not facts:
            return
        self._note_as_of(ctx)
        done: set[tuple[int, int]] = set()
        anchors = ctx.extra[("facts", "anchors")]
        for fact in facts:
            for m in fact.mentions_in(text, ctx.folded, anchors[id(fact)]):
                if _DASHED.match(text, m.end()) or _DASHED_BEFORE.search(
                    text, max(0, m.start() - 2), m.start()
                ):
                    continue  # part of a longer name: "the Iran–Iraq war"
                s0, s1 = timex.sentence_of(ctx, m.start())
                if not fact.in_context(text, s0, s1):
                    continue
                for f in self._sentence(ctx, fact, m, s0, s1):
                    if (f.offset, f.length) not in done:
                        done.add((f.offset, f.length))
                        yield f

    def provenance(self) -> list[str]:
        """Where every fact comes from, for ``factlint explain``: the pack's as-of date,
        then each fact with what it asserts and its source."""
        lines = [
            f"{len(self.facts)} facts in the {self.pack_name} pack"
            + (f", checked {self.checked}" if self.checked else " (no `checked:` date)")
        ]
        for fact in self.facts:
            said = [fact.span().words()] if fact.date else []
            said += [f"in {fact.places[0]}"] if fact.places else []
            said += [f"number {fact.number:g}"] if fact.number is not None else []
            said += [f"{fact.title} {_period(fact)}"] if fact.title else []
            lines.append(f"{fact.subject}: {', '.join(said)} — {fact.reference or 'no source'}")
        return lines

    def _note_as_of(self, ctx: Context) -> None:
        """Say once that the pack may not know what happened after it was checked."""
        if self.checked is None or ctx.pubdate is None or ctx.pubdate <= self.checked:
            return
        note = (
            f"the {self.pack_name} pack was checked on {self.checked}, before the publication "
            "date: facts may have changed since"
        )
        if note not in ctx.notes:
            ctx.notes.append(note)

    def _sentence(
        self, ctx: Context, fact: Fact, m: regex.Match, s0: int, s1: int
    ) -> Iterator[Finding]:
        if fact.date is not None:
            if not (fact.mentions and m.group("mention")):
                yield from self._modifier(ctx, fact, m, s0, s1)
            if fact.events:
                yield from self._dates(ctx, fact, m, s0, s1)
        if fact.places and ctx.nlp is not None:
            yield from self._places(ctx, fact, s0, s1)
        if fact.number is not None:
            yield from self._numbers(ctx, fact, s0, s1)
        if fact.title:
            yield from self._title(ctx, fact, m, s0, s1)

    def _report(
        self,
        start: int,
        end: int,
        text: str,
        fact: Fact,
        right: When,
        fixes: list[str],
        word: str = "",
    ) -> Finding:
        """The finding, with ``claim`` the fact in a sentence ("the treaty was signed on …")."""
        first = fact.events[0] if fact.events and fact.events is not DEFAULT_EVENT else ""
        if fact.end is not None and word in START_WORDS:
            verb = "began"
        elif fact.end is not None and word in END_WORDS:
            verb = "ended"
        else:
            verb = f"was {first}" if first in PASSIVE else "was"
        return self.finding(
            start, end, text, fixes, subject=fact.subject,
            fact=f"{first or 'dated'} {right.words()}", when=right.words(),
            claim=f"{fact.subject} {verb} {right.words()}",
            source=fact.source or f"{self.pack_name} pack",
            cite=f" ({fact.source})" if fact.source else "",
        )  # fmt: skip

    def _modifier(
        self, ctx: Context, fact: Fact, m: regex.Match, s0: int, s1: int
    ) -> Iterator[Finding]:
        """A year written as part of the name: "the 2012 Fukushima disaster", "… of 2012"."""
        assert fact.date is not None
        text = ctx.text
        claims = []
        before = BEFORE_NAME.search(text, max(s0, m.start() - 24), m.start())
        if before and (before.group("poss") or DETERMINER.search(text, s0, before.start())):
            claims.append(before)
        after = AFTER_NAME.match(text, m.end(), s1)
        if after:
            claims.append(after)
        if not claims or _modifies_next(ctx, m):
            return
        span = fact.span()
        for c in claims:
            if _quoted(ctx, c.start("year")):
                continue
            said = _said(c)
            if span.overlaps(*said):
                continue
            start = c.start("month") if c.group("month") else c.start("year")
            right = fact.date if fact.end is None else span
            fixes = _like_said(c, right)
            yield self._report(start, c.end("year"), text[start : c.end("year")], fact, right,
                               fixes)  # fmt: skip

    def _dates(
        self, ctx: Context, fact: Fact, m: regex.Match, s0: int, s1: int
    ) -> Iterator[Finding]:
        assert fact.date is not None
        for t in timex.of(ctx):
            if not (s0 <= t.start and t.end <= s1) or t.calendar_error or t.quoted:
                continue
            if m.start() <= t.start < m.end():
                continue  # a year inside the name itself ("the 2016 Brexit referendum")
            word = self._tied(ctx, fact, m, t.start, t.end)
            if word is None:
                continue
            right = fact.date
            if fact.end is not None and word in END_WORDS:
                right = fact.end
            elif word not in START_WORDS:
                right = fact.span()
            if _agrees(t, right):
                continue
            if t.first is None and t.month is None and t.year is None:
                continue  # "on Monday" with no publication date: nothing to compare
            yield self._report(t.start, t.end, t.text, fact, right, _like(t, right), word)

    def _tied(self, ctx: Context, fact: Fact, m: regex.Match, start: int, end: int) -> str | None:
        """The event word the expression at [start, end) is told with, when that word also
        governs the fact's name (or the name governs it): "signed the treaty in June"."""
        words = set(fact.events)
        doc = ctx.nlp
        if doc is None:
            lo = max(0, min(start, m.start()) - 80)
            between = ctx.text[lo : max(start, m.end())].lower()
            found = [w for w in words if regex.search(rf"\b{regex.escape(w)}\b", between)]
            return found[0] if found else None
        span = doc.char_span(start, end, alignment_mode="expand")
        name = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or name is None:
            return None
        event = _event_word(span.root, words, (span.start, span.end))
        if event is None or _modifies_next(ctx, m):
            return None
        if _does_it(name.root, event) or _aside(name.root, event):
            return None
        if name.start <= event.i < name.end or _reaches(name.root, event, 3):
            return _said_word(event, words)
        if _reaches(event, name.root, 2) and event.dep_ in ("acl", "relcl", "amod", "appos"):
            return _said_word(event, words)
        return None

    def _places(self, ctx: Context, fact: Fact, s0: int, s1: int) -> Iterator[Finding]:
        accepted = {p.lower() for p in fact.places}
        words = set(fact.events)
        for ent in ctx.nlp.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC") or not (s0 <= ent.start_char < s1):
                continue
            head = ent.root.head
            if ent.root.dep_ != "pobj" or head.lower_ not in ("in", "at"):
                continue
            if ent.text.lower() in accepted or _event_word(head, words) is None:
                continue
            yield self.finding(ent.start_char, ent.end_char, ent.text, fact.places[:1],
                               subject=fact.subject, fact=f"{_event(fact)} in {fact.places[0]}",
                               cite=f" ({fact.source})" if fact.source else "",
                               source=fact.source)  # fmt: skip

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
                               subject=fact.subject, fact=f"the number is {right}",
                               cite=f" ({fact.source})" if fact.source else "",
                               source=fact.source)  # fmt: skip

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
        if (fact.begin is None or fact.begin <= on) and (fact.until is None or on <= fact.until):
            return
        held = _period(fact)
        fixes = (
            ["former " + text[found.start() : m.end()]] if fact.until and on > fact.until else []
        )
        yield self.finding(found.start(), m.end(), text[found.start() : m.end()], fixes,
                           subject=fact.subject, fact=f"{fact.title} {held}, not on {describe(on)}",
                           cite=f" ({fact.source})" if fact.source else "",
                           source=fact.source)  # fmt: skip


def _event_word(token, words: set[str], within: tuple[int, int] | None = None):
    """The event word the token hangs on (itself or a head, up to its clause's verb), when
    no other noun owns it first ("long before the 2003 Iraq War" dates that war, not the
    verb); ``within`` are the token indices of the expression itself (None: any noun
    may pass it on, as a place does: "signed the treaty in Moscow")."""
    for _ in range(6):
        if _said_word(token, words):
            return token
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return None
        if within and token.pos_ in ("NOUN", "PROPN") and not within[0] <= token.i < within[1]:
            return None
        token = token.head
    return None


def _does_it(name, event) -> bool:
    """Does the name make or start something else ("Hamas founded a charity in 1990",
    "the government the Taliban formed", "a fund created by the UN in 1965"), or frame it
    ("established under the United Nations")? (A storm that hit a city still hit it.)"""
    if event.lemma_.lower() not in MAKING:
        return False
    if name.dep_ == "nsubj" and name.head.i == event.i:
        return event.dep_ == "relcl" or any(c.dep_ == "dobj" for c in event.children)
    return name.dep_ == "pobj" and name.head.lower_ != "of" and name.head.head.i == event.i


def _aside(name, event) -> bool:
    """Is the name only a circumstance of the event ("began in 1980, long before the Iraq
    War"), in a phrase other than "of"?"""
    return (
        name.dep_ == "pobj"
        and name.head.lower_ != "of"
        and event.i not in range(name.left_edge.i, name.right_edge.i + 1)
    )


def _said_word(token, words: set[str]) -> str | None:
    """The event word the token is (as written or as its lemma, alone or with the word
    after it: "broke out", "took place", "sworn in")."""
    forms = [token.lower_, token.lemma_.lower()]
    if token.i + 1 < len(token.doc):
        nxt = token.doc[token.i + 1].lower_
        forms = [f"{forms[0]} {nxt}", f"{forms[1]} {nxt}", *forms]
    return next((f for f in forms if f in words), None)


def _reaches(token, target, steps: int) -> bool:
    """Is ``target`` among the first ``steps`` heads of ``token``?"""
    for _ in range(steps):
        if token.head is token:
            return False
        token = token.head
        if token is target or token.i == target.i:
            return True
    return False


def _modifies_next(ctx: Context, m: regex.Match) -> bool:
    """Does the name modify a noun after it ("the 2021 Fukushima disaster memorial")?"""
    doc = ctx.nlp
    if doc is None:
        nxt = regex.match(r"\s+([A-Za-z]+)", ctx.text[m.end() : m.end() + 30])
        return bool(nxt) and nxt.group(1).lower() not in _FUNCTION_WORDS
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod") and root.head.i >= span.end:
        return True
    nxt = doc[span.end]
    return nxt.pos_ in NOUNISH and nxt.idx < _sentence_end(nxt)


def _sentence_end(token) -> int:
    return token.sent.end_char if token.doc.has_annotation("SENT_START") else 1 << 30


_DASHED = regex.compile(r"[–—-]\w")
_DASHED_BEFORE = regex.compile(r"\w[–—-]$")

_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "then",
        "this",
        "to",
        "was",
        "were",
        "which",
        "while",
        "who",
        "with",
    ]
)


def _quoted(ctx: Context, offset: int) -> bool:
    return quotes.inside(ctx.doc.quotations, offset, offset + 1)


def _said(c: regex.Match) -> tuple[dt.date, dt.date]:
    """The period a written modifier date names (a day, a month or a year)."""
    year = int(c.group("year"))
    month = MONTHS[c.group("month").lower()] if c.group("month") else None
    day = int(c.group("day")) if c.group("day") and month else None
    try:
        return period(year, month, day)
    except ValueError:
        return period(year, month)


def _like_said(c: regex.Match, right: When) -> list[str]:
    """The right date written as the modifier was, when the fact knows it that far."""
    if right.first.year != right.last.year:
        return []
    if c.group("month"):
        if right.grain == "year":
            return []
        if c.group("day"):
            if right.grain != "day":
                return []
            return [f"{MONTH_NAMES[right.first.month - 1]} {right.first.day}, {right.first.year}"]
        return [f"{MONTH_NAMES[right.first.month - 1]} {right.first.year}"]
    return [str(right.first.year)]


def _event(fact: Fact) -> str:
    return fact.events[0] if fact.events is not DEFAULT_EVENT else "dated"


def _period(fact: Fact) -> str:
    if fact.begin and fact.until:
        return f"from {describe(fact.begin)}, to {describe(fact.until)}"
    return f"from {describe(fact.begin)}" if fact.begin else f"until {describe(fact.until)}"  # type: ignore[arg-type]


def _agrees(t: Timex, right: When) -> bool:
    """Can the expression name the fact's date, as far as both say?"""
    if t.first is not None and t.last is not None and t.year is not None:
        return right.overlaps(t.first, t.last)
    if (
        t.first is not None
        and t.last is not None
        and t.relative
        and t.month is None
        and t.day is None
    ):
        return right.overlaps(t.first, t.last)
    if t.month is not None:  # yearless: compare what was written
        if right.grain == "year":
            return True
        date = right.first
        return (
            t.month == date.month
            and (t.day is None or right.grain != "day" or t.day == date.day)
            and (t.year is None or t.year == date.year)
            and (
                not t.relative or t.first is None or t.first.year == date.year or t.day is not None
            )
        )
    return t.first is None or right.overlaps(t.first, t.last or t.first)


def _like(t: Timex, right: When) -> list[str]:
    """The fact's date written as precisely as the expression it replaces (none when the
    expression says more than the fact knows)."""
    date = right.first
    if t.day is not None:
        if right.grain != "day":
            return []
        text = f"{MONTH_NAMES[date.month - 1]} {date.day}"
        return [f"{text}, {date.year}" if t.year is not None or t.relative is False else text]
    if t.month is not None or t.grain == "month":
        if right.grain == "year":
            return []
        return [f"{MONTH_NAMES[date.month - 1]} {date.year}"]
    return [describe(date, t.grain if t.grain in ("year", "decade") else right.grain)]
