"""A name the speller has never seen is not a misspelling.

LanguageTool's speller knows common words and famous names. In news most of
what it flags is neither: the people, places and firms of the day ("Geng
Shuang" → "Gang", "Jammeh" → "Jammed"). On 300 real articles
(``python -m bench.speller_names``) it raised 13.7 alarms per 1,000 words, three
in four on a name, with suggestions no copy editor would take. factlint checks
names itself, against the names pack (a known name misspelled, one person
written two ways), so a speller match is dropped when the word is a name to
spaCy: capitalised, and either inside a named entity or a proper noun after its
sentence's first word. That leaves 3.5 alarms per 1,000 words, mostly British
spellings under en-US. Of the 1,700 dropped, about ten were slips of the
original, and the names and typos packs report most of those themselves
("Benjamin Netayahu", "United Kindom").

Three kinds of match are kept all the same: a suggestion that changes only
case ("Whatsapp" → "WhatsApp"), a title ("Presdient Trump" → "President": a
misspelt word in front of a name, not the name), and a function word for the
first word of a sentence ("Teh" → "The", "Becuase" → "Because", which spaCy may
take for a name because it is capitalised). ``languagetool: {spell_names:
true}`` keeps every speller match.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from lint.findings import Finding
from lint.languagetool import categories
from lint.names.mentions import TITLES

NEEDS = frozenset({"entities", "tags"})
"""The spaCy annotations telling a name: entities, and parts of speech for proper nouns."""

NAME_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
"""spaCy's entity labels for names (the others are dates, times, amounts and numbers)."""

SPELLERS = tuple(categories.RULE_PREFIX + prefix for prefix in categories.SPELLERS)
"""factlint's ids of LanguageTool's speller rules begin so."""


def is_name_token(token) -> bool:
    """A spaCy token that is (part of) a name: in a named entity, or a proper noun that
    does not open its sentence (where any word is capitalised and the tagger guesses)."""
    if token.ent_type_ in NAME_LABELS:
        return True
    return token.pos_ == "PROPN" and not token.is_sent_start


def names_a_name(doc, start: int, end: int, suggestion: str = "") -> bool:
    """True when the capitalised word at ``start:end`` of the parsed ``doc``, for which
    the speller suggests ``suggestion``, is a name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if span[0].is_sent_start and suggestion.lower() in STOP_WORDS:
        return False
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(is_name_token(t) for t in words)


def may_be_a_name(finding: Finding, covered: str) -> bool:
    """True when ``finding`` is a speller's match on a capitalised word whose first
    suggestion is neither the same word in other case nor a title."""
    if not (finding.rule or "").startswith(SPELLERS) or not covered[:1].isupper():
        return False
    first = first_suggestion(finding).lower()
    return first != covered.lower() and first not in TITLES


def first_suggestion(finding: Finding) -> str:
    return finding.replacements[0] if finding.replacements else ""


SLIPS = "names.slips"
"""Where ``names.inconsistent`` leaves, in its document Context's ``extra``, the slips it
reports only when the speller agrees (``Slips``)."""


@dataclass(frozen=True)
class Slips:
    """What the names consistency rule found of one draft's words spelt a second way."""

    rule: str
    reported: list[Finding]  # reported in any case
    if_flagged: list[Finding]  # reported only when the speller flags the odd word too


def drop_unknown_names(
    findings: list[Finding],
    text: str,
    paragraphs: Sequence[tuple[int, object]],
    extra: dict | None = None,
) -> list[Finding]:
    """``findings`` (offsets into ``text``) without the speller's matches on names.

    ``paragraphs`` are (offset, spaCy Doc of the paragraph) in text order; a match
    that does not fall inside one paragraph is kept. ``extra`` is the document
    Context's: a speller match on a word the names rule takes for a slip of a name
    the draft uses (``SLIPS``) becomes that rule's finding, with the draft's usual
    form as the fix, instead of the speller's guess.
    """
    findings = _as_slips(findings, text, (extra or {}).get(SLIPS))
    starts = [start for start, _ in paragraphs]
    result = []
    for f in findings:
        i = bisect.bisect_right(starts, f.offset) - 1
        if i >= 0 and may_be_a_name(f, text[f.offset : f.offset + f.length]):
            start, doc = paragraphs[i]
            end = f.offset - start + f.length
            if (
                doc is not None
                and end <= len(doc.text)
                and names_a_name(doc, f.offset - start, end, first_suggestion(f))
            ):
                continue
        result.append(f)
    return result


def _as_slips(findings: list[Finding], text: str, slips: Slips | None) -> list[Finding]:
    """The speller's matches, those on a slip the names rule found replaced by its finding."""
    if slips is None or not (slips.if_flagged or slips.reported):
        return findings
    spelled = [
        f
        for f in findings
        if (f.rule or "").startswith(SPELLERS) and text[f.offset : f.offset + 1].isupper()
    ]
    confirmed = [s for s in slips.if_flagged if any(_overlap(s, f) for f in spelled)]
    names = confirmed + slips.reported
    kept = [f for f in findings if f not in spelled or not any(_overlap(f, n) for n in names)]
    return kept + confirmed


def _overlap(a: Finding, b: Finding) -> bool:
    return a.offset < b.offset + b.length and b.offset < a.offset + a.length
