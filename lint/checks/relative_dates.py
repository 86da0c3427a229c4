"""Dates against the publication date: a month said both ways with different years,
and an event told in the past tense but dated after publication. Both need the
publication date; without one they add a single note and check nothing.

relative-conflict
    "October 2023" in a 2025 draft that also says "last October" (October 2024):
    one of them is wrong. The explicit one is flagged, quoting the relative one and
    what it resolves to; the replacement is the explicit date in the relative one's
    year, not applied by ``--fix`` (which one is wrong is the editor's call). A draft
    that names both years outright ("October 2023" and "October 2024") is telling two
    Octobers apart and is left alone, as are expressions inside quotations (the
    speaker's "last October" is anchored to when they spoke).

    Options:

    * ``max_years`` — only years this far apart conflict (default 2): "October 1962"
      in a story that also says "last October" is history, not a slip.
    * ``days`` — also compare full dates ("Oct. 7, 2023"), default ``false``: a full
      date usually names a distinct event.

    Bad (published 2025-04-28): "Troops have been tracked since October 2023. They
    were deployed last October."
    Good: "The missile crisis of October 1962 still shapes policy. Talks resumed last
    October."

past-future
    "The summit took place on May 12" in a story published on April 28: the past
    tense says it happened, the date says it has not. Only a verb in the simple past
    that the date attaches to (through "on", "in", "at", "during" or directly) counts;
    "planned", "scheduled", "postponed", "set" and other verbs that look ahead, dates
    after "until", "by" or "for", and quotations are left alone. Options: none.

    Bad (published 2025-04-28): "The two leaders met in Moscow on May 12, 2025."
    Good: "The two leaders agreed to meet in Moscow on May 12."

Message placeholders: ``{match}``; relative-conflict adds ``{other}``, ``{value}``
and ``{where}`` ("earlier"/"later"); past-future adds ``{value}``, ``{verb}`` and
``{pubdate}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint import timex
from lint.checks.base import Check, Context
from lint.findings import Finding
from lint.packs.options import Option
from lint.timex.model import Timex
from lint.timex.shared import need_pubdate


class RelativeConflict(Check):
    kind = "relative-conflict"
    category = "dates"
    message = "'{match}' contradicts '{other}' ({value}) {where} in the draft."
    options = {
        "max_years": Option("int", 2, "only years this far apart conflict"),
        "days": Option("bool", False, "also compare full dates, not only month and year"),
    }

    def run(self, ctx: Context) -> Iterator[Finding]:
        found = timex.of(ctx)
        relatives = [
            t for t in found
            if t.kind == "relative" and t.grain == "month" and t.month and not t.quoted
        ]  # fmt: skip
        if not relatives or not need_pubdate(ctx):
            return
        explicit = [
            t for t in found
            if t.year is not None and t.month is not None and not t.calendar_error
            and (t.day is None or self.opts["days"])
        ]  # fmt: skip
        said = {(t.year, t.month) for t in found if t.year is not None and t.month is not None}
        for e in explicit:
            for r in relatives:
                assert r.first is not None
                year = r.first.year
                if (
                    r.month != e.month
                    or e.year == year
                    or abs(e.year - year) > self.opts["max_years"]
                ):
                    continue
                if (year, e.month) in said:  # both Octobers are named: two events
                    continue
                fixed = e.text.replace(str(e.year), str(year))
                where = "earlier" if r.start < e.start else "later"
                yield self.finding(
                    e.start, e.end, e.text, [fixed], other=r.text, value=r.describe(), where=where
                )
                break


PROSPECTIVE = frozenset(
    [
        "plan",
        "schedule",
        "set",
        "slate",
        "expect",
        "announce",
        "call",
        "postpone",
        "delay",
        "move",
        "reschedule",
        "push",
        "book",
        "agree",
        "decide",
        "vote",
        "promise",
        "pledge",
        "vow",
        "aim",
        "target",
        "order",
        "invite",
        "declare",
        "propose",
        "intend",
        "hope",
        "want",
        "seek",
        "ask",
        "urge",
        "give",
        "extend",
        "advance",
        "bring",
        "shift",
        "change",
        "predict",
        "forecast",
        "warn",
        "threaten",
        "say",
        "tell",
        "pencil",
        "earmark",
        "fix",
        "designate",
        "choose",
        "pick",
        "nominate",
        "approve",
        "sign",
    ]
)
PAST_PREPOSITIONS = frozenset({"on", "in", "at", "during"})
HOPS = frozenset({"prep", "pobj", "npadvmod", "nmod", "compound", "appos", "nummod", "tmod"})


class PastFuture(Check):
    kind = "past-future"
    scope = "paragraph"
    category = "dates"
    needs = frozenset({"tags", "lemmas", "sentences"})
    message = "'{match}' ({value}) is after the publication date ({pubdate}), but '{verb}' says it has happened."

    def run(self, ctx: Context) -> Iterator[Finding]:
        later = [t for t in timex.of(ctx) if t.first is not None and not t.quoted]
        if ctx.pubdate is None:
            if any(t.relative for t in timex.of(ctx)):
                need_pubdate(ctx)
            return
        pubdate = ctx.pubdate
        for t in later:
            assert t.first is not None
            if t.first <= pubdate or ctx.nlp is None:
                continue
            if t.year is None and t.kind in ("date", "month"):  # "seen on 11 April": last April
                continue
            if ctx.text[max(0, t.start - 4) : t.start].lower() == "the ":  # "died the next year"
                continue
            verb = past_verb(ctx.nlp, t)
            if verb is not None:
                yield self.finding(
                    t.start, t.end, t.text, value=t.describe(), verb=verb,
                    pubdate=timex.describe(pubdate),
                )  # fmt: skip


def _prospective(verb) -> bool:
    """A verb that looks ahead, by its lemma or, where the lemmatizer slips ("hoped" →
    "hop"), by its form."""
    word = verb.lower_
    stems = {verb.lemma_.lower(), word, word[:-1], word[:-2], word[:-3]}  # hoped, planned
    return bool(stems & PROSPECTIVE)


def past_verb(doc, t: Timex, plans: bool = False) -> str | None:
    """The simple-past verb the date attaches to, if it attaches to one directly; with
    ``plans``, also a verb that looks ahead ("asked on May 12")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token, preposition = span.root, None
    for _ in range(4):
        if token.dep_ not in HOPS or token.head is token:
            break
        token = token.head
        if token.pos_ == "ADP":
            preposition = token.lower_
            if preposition not in PAST_PREPOSITIONS:
                return None
        elif token.pos_ in ("VERB", "AUX"):
            break
        elif token.pos_ in ("NOUN", "PROPN", "PRON") and not (span.start <= token.i < span.end):
            return None  # "the run-up to an election next week": the noun's time, not the verb's
    if token.pos_ not in ("VERB", "AUX") or (not plans and _prospective(token)):
        return None
    if token.tag_ == "VBD":
        return token.text
    passive = [c for c in token.children if c.dep_ == "auxpass" and c.tag_ == "VBD"]
    if token.tag_ == "VBN" and passive:  # "was released"
        return f"{passive[0].text} {token.text}"
    return None
