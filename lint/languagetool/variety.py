"""A draft written throughout in another variety of English is one finding, not thirty.

LanguageTool's speller flags each spelling of another variety ("‘behaviour’ is
British English" in en-US copy). A word or two of another variety in a draft is
a slip a desk localises, and each is reported. But a draft that spells the
other way throughout (wire copy from another desk, an article of another
country) has one problem, its variety: it is reported once, at its first such
word, naming the configured variety, and the other words of that variety are
``info``. The draft is taken to spell the other way throughout when LanguageTool
flags at least THROUGHOUT different words of one variety and the draft never
writes a spelling of the configured one for the same words (the pairs are
codespell's en-GB → en-US list, and LanguageTool's own suggestions); a draft
that mixes the two keeps every finding (it must be made consistent).
"""

from __future__ import annotations

import functools
from dataclasses import replace

import regex

from lint.findings import Finding

THROUGHOUT = 3
VARIETY = regex.compile(
    r"is (?P<variety>British|American|Australian|Canadian|New Zealand|South African) English"
)
WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@functools.cache
def _pairs() -> tuple[frozenset[str], frozenset[str]]:
    """(British spellings, American spellings) of codespell's en-GB → en-US list."""
    from lint.checks.typos import load_dictionary

    pairs = load_dictionary("en-GB_to_en-US")
    return frozenset(pairs), frozenset(v.lower() for fixes in pairs.values() for v in fixes)


def collapse(findings: list[Finding], text: str) -> list[Finding]:
    """The findings with a draft-wide variety reported once (see the module docstring)."""
    flagged = [(f, m) for f in findings if (m := VARIETY.search(f.message or "")) is not None]
    if not flagged:
        return findings
    varieties = {m.group("variety") for _, m in flagged}
    words = {text[f.offset : f.offset + f.length].lower() for f, _ in flagged}
    if len(varieties) > 1 or len(words) < THROUGHOUT:
        return findings
    other = varieties.pop()
    own = _own_spellings(flagged, other)
    written = {w.lower() for w in WORD.findall(text)}
    if written & own:
        return findings  # the draft mixes the two: every finding stands
    first = min(flagged, key=lambda fm: fm[0].offset)[0]
    examples = ", ".join(sorted(words)[:4])
    changes = {
        id(first): replace(
            first,
            message=f"{first.message} The draft spells the {other} way throughout "
            f"({len(words)} words: {examples}, …): localise it, or set its language.",
        )
    }
    for f, _ in flagged:
        if f is not first:
            changes[id(f)] = replace(f, severity="info")
    return [changes.get(id(f), f) for f in findings]


def _own_spellings(flagged: list[tuple[Finding, regex.Match]], other: str) -> set[str]:
    """Spellings of the configured variety that would show the draft mixes the two."""
    british, american = _pairs()
    own = set(american if other == "British" else british)
    for f, _ in flagged:
        own.update(r.lower() for r in f.replacements)
    return own
