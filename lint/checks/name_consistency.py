"""name-consistency: one person written two ways in one draft.

"Gerasimov" in the second paragraph and "Gerasimow" in the ninth, "Kim Jong Un"
and later "Kim Jong-un", "Zelensky" beside "Zelenskyy": whichever is right, a
reader sees two spellings and the desk must choose one. This kind groups the
draft's mentions of people (names the pack knows as people, names after a
title, and names spaCy takes for a person more often than for anything else;
never a country or body the pack knows, nor a word made from one, "Israeli"),
whole names and surnames alone, and reports every occurrence of a minority
form, naming the form the rest of the draft uses, how often, and the
paragraph where it first appears.

Two forms are one name when they differ only by case, hyphens, spaces or
diacritics, when the pack lists both for one entity and they look alike
("Sergei Lavrov", "Sergey Lavrov"; not "Leo XIV", "Robert Prevost"), or when
one word of six letters or more differs by one slip (two in words of nine or
more). A capital that only begins a sentence ("Al-Shabab") is no difference.
The reference form is a known accepted form when there is one ("Netanyahu"
over an earlier "Netayahu"), else the form used most, else the first.

A word of any name (a short surname, a place, a firm) written once differently
is reported too ("Mr Kerr … Mr Keer", "the Geelnog plant"), on the evidence
``lint/names/slips.py`` asks for: the odd form is no English word, no known place
and no known name; the other is close, a name here, and used more often or
inside the whole name. Where only the speller can tell (used as often, neither
inside a whole name), the finding waits for LanguageTool's speller to flag the
odd word (``lint.names.unknown``), and replaces that speller match.
Different people are kept apart: names the pack knows as different entities
("Kim Jong Un", "Kim Jong Il"), surnames that follow different first names in
the draft ("Ivan Petrov", "Anna Petrova"), a family's plural ("the Obamas") and
shouted headline capitals are never merged. See ``lint/names/consistency.py``.

Options:

* ``data`` — entity data files, relative to the pack (optional: the check works
  without any, and uses the pack's ``entities:`` too when it has them).

The message may use ``{match}``, ``{other}`` (the reference form), ``{times}``
("3 times", "once"), ``{paragraph}`` (1-based number of the paragraph where
the reference form first appears) and ``{where}`` ("first in paragraph 2", or
"in paragraph 2" for a form used once).

Bad::

    Gen. Valery Gerasimov spoke first. Gerasimov said the area was cleared.
    Gerasimow praised the troops.

flags "Gerasimow" (written "Gerasimov" twice elsewhere, first in paragraph 1);
leaves the same text with "Gerasimov" throughout alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from lint.checks.base import Check, Context
from lint.checks.names import names_of
from lint.findings import Finding
from lint.names import unknown
from lint.names.consistency import odd_forms
from lint.names.mentions import before_titles, paragraph_of
from lint.names.slips import Tier, word_slips
from lint.names.sources import accepted_words, index_for
from lint.names.variants import deliberate
from lint.packs.options import Option


class NameConsistency(Check):
    kind = "name-consistency"
    category = "names"
    needs = frozenset({"entities", "tags"})  # proper nouns and sentence openers ("Later")
    message = (
        "'{match}' is written '{other}' elsewhere in this draft "
        "({times}, {where}); use one spelling."
    )
    options = {
        "data": Option("list[str]", [], "entity data files, relative to the pack"),
    }

    def prepare(self) -> None:
        self.index, self.checked = index_for(self.rule, self.opts["data"], required=False)

    def accepted_words(self) -> frozenset[str]:
        return accepted_words(self.index)

    def run(self, ctx: Context) -> Iterator[Finding]:
        names = names_of(ctx)
        taken: list[tuple[int, int]] = []
        for odd in odd_forms(names, self.index):
            taken.append((odd.name.start, odd.name.end))
            if _listed_on_purpose(ctx.text, odd.name, odd.reference):
                continue
            yield self._finding(ctx, odd.name.start, odd.name.end, odd.name.text,
                                odd.replacement, odd.reference, odd.count, odd.first)  # fmt: skip
        likely, speller = [], []
        heads = ctx.per_paragraph("names-before-titles", lambda p: before_titles(p.text, p.nlp))
        words = sorted([*names, *heads], key=lambda n: n.start)  # "Arkansas Gov. Asa Hutchinson"
        for slip in word_slips(words, ctx.text, self.index, lambda w: w in ctx.accepted):
            w = slip.word
            if any(s < w.end and w.start < e for s, e in taken):
                continue  # already reported with its whole name
            if deliberate(ctx.text, w.start, w.end, slip.reference):
                continue  # "Other spellings include Alibamu, Alabamo"
            finding = self._finding(
                ctx, w.start, w.end, w.text, slip.reference, slip.reference, slip.count, slip.first
            )
            if slip.tier is Tier.LIKELY:
                likely.append(finding)
                yield finding
            else:
                first = slip.first < w.start
                suggested = slip.tier is Tier.SUGGESTED  # two slips: the speller must agree
                tentative = _with_rule(finding, self.rule)
                speller.append(
                    unknown.Tentative(tentative, slip.uses, first, slip.reference, suggested)
                )
        ctx.extra[unknown.SLIPS] = unknown.Slips(self.rule.id, likely, speller)

    def _finding(
        self, ctx: Context, start: int, end: int, written: str, replacement: str,
        reference: str, count: int, first: int,
    ) -> Finding:  # fmt: skip
        paragraph = str(paragraph_of(ctx.doc.paragraphs, first) or 1)
        return self.finding(
            start,
            end,
            written,
            [replacement],
            other=reference,
            times=_times(count),
            paragraph=paragraph,
            where=("first in" if count > 1 else "in") + f" paragraph {paragraph}",
        )


def _listed_on_purpose(text: str, name, reference: str) -> bool:
    """Is any word of this occurrence a form the writer lists on purpose (``variants``)?"""
    return any(deliberate(text, s, e, reference) for s, e in name.words)


def _with_rule(f: Finding, rule) -> Finding:
    """A finding reported later by the engine's names filter, not through the engine's
    own rule loop, so it carries its rule, category and severity itself."""
    return replace(f, rule=rule.id, category=rule.category or "names", severity=rule.severity)


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")
