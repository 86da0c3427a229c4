"""A draft written throughout in another variety of English is one finding, not thirty.

LanguageTool's speller flags each spelling of another variety ("‘behaviour’ is
British English" in en-US copy). A word or two of another variety in a draft is
a slip a desk localises, and each is reported. But a draft that spells the
other way throughout (wire copy from another desk, an article of another
country) has one problem, its variety: it is reported once, at its first such
word, naming the configured variety, and the other words of that variety are
``info``. The draft is taken to spell the other way when LanguageTool flags at
least THROUGHOUT different words of one variety and the draft writes those
spellings more than DOMINANT times as often as it writes spellings of the
configured variety (one more than it does) (the pairs are codespell's en-GB → en-US list, and
LanguageTool's own suggestions). Oxford spelling writes British words with
-ize ("colour", "organize"): an -ize form counts for American only in a draft
whose flagged words include an -ise one. A draft that mixes the two more evenly
keeps every finding (it must be made consistent). (Judged on the Wikipedia
sample: British articles with a stray American form, "ionization" once beside
"ionisation" three times and "colour", "caesium", "lustre" throughout, had
each British word reported.)

A spelling of another variety inside a written quotation (a tweet, a post, a
letter: "@handle", "#tag", or "…," she wrote) is the writer's own and is quoted
verbatim: it is ``info``. Spoken words are the desk's transcription, and stay
reported.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import regex

from lint.findings import Finding

THROUGHOUT = 3
DOMINANT = 2
"""More than how many times as often the draft must write the other variety's spellings
than its own (counted one more, so that three to one in a short draft is a mix) to be
spelt that way."""
IZE = regex.compile(r"(?i)iz(?:e|es|ed|ing|ation|ations|er|ers)$")
ISE = regex.compile(r"(?i)is(?:e|es|ed|ing|ation|ations|er|ers)$")
WRITTEN = regex.compile(
    r"^[\s,.]*[”\"’']?[\s,.]*(?:(?:he|she|they|we|I|it|the\s+\w+|\p{Lu}[\w'’.-]+(?:\s+\p{Lu}[\w'’.-]+)?)"
    r"\s+)?(?:wrote|writes|tweeted|tweets|posted|posts|blogged|texted|emailed)\b"
)
"""A writing verb right after a quotation: ``," Branson wrote.``"""
WRITTEN_BEFORE = regex.compile(
    r"(?:wrote|writes|tweeted|tweets|posted|posts|(?:in|on)\s+(?:a|his|her|their)\s+"
    r"(?:tweet|post|blog|letter|statement))[\s:,]*$"
)
"""A writing verb or medium just before one: ``tweeted: "…"``."""
BOTH = frozenset(
    ["practice", "practices", "story", "stories", "focuses", "focused", "focusing", "judgment",
     "judgments", "program", "programs", "meter", "meters", "gray", "draft", "drafts"]
)  # fmt: skip
"""American forms of codespell's pairs that British copy writes too, in some sense ("a
computer program", "a gas meter", "a short story"): no evidence of either variety."""
SOCIAL = regex.compile(r"(?<![\w.])[@#]\w")
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
    findings = _written_quotes(findings, [f for f, _ in flagged], text)
    flagged = [(f, m) for f in findings if (m := VARIETY.search(f.message or "")) is not None]
    flagged = [(f, m) for f, m in flagged if f.severity != "info"]
    if not flagged:
        return findings
    varieties = {m.group("variety") for _, m in flagged}
    words = {text[f.offset : f.offset + f.length].lower() for f, _ in flagged}
    if len(varieties) > 1 or len(words) < THROUGHOUT:
        return findings
    other = varieties.pop()
    own = _own_spellings(flagged, other)
    if other == "British" and not any(ISE.search(w) for w in words):
        own = {w for w in own if not IZE.search(w)}  # Oxford spelling: "organize" is British too
    written = [w.lower() for w in WORD.findall(text)]
    mine = sum(1 for w in written if w in own)
    theirs = sum(1 for w in written if w in words)
    if theirs <= DOMINANT * (mine + 1):
        return findings  # the draft mixes the two: every finding stands
    first = min(flagged, key=lambda fm: fm[0].offset)[0]
    examples = ", ".join(sorted(words)[:4])
    rest = f"; the other way only {mine} times" if mine else ""
    how = "almost throughout" if mine else "throughout"
    changes = {
        id(first): replace(
            first,
            message=f"{first.message} The draft spells the {other} way {how} "
            f"({len(words)} words: {examples}, …{rest}): localise it, or set its language.",
        )
    }
    for f, _ in flagged:
        if f is not first:
            changes[id(f)] = replace(f, severity="info")
    return [changes.get(id(f), f) for f in findings]


def _own_spellings(flagged: list[tuple[Finding, regex.Match]], other: str) -> set[str]:
    """Spellings of the configured variety that would show the draft mixes the two."""
    british, american = _pairs()
    own = set(american if other == "British" else british) - BOTH
    for f, _ in flagged:
        own.update(r.lower() for r in f.replacements)
    return own


def _written_quotes(findings: list[Finding], flagged: list[Finding], text: str) -> list[Finding]:
    """The findings with the other variety's spellings inside a written quotation as info."""
    from lint.document.quotes import quoted_spans

    spans = quoted_spans(text)
    if not spans:
        return findings
    changes = {}
    for f in flagged:
        span = next((s for s in spans if s[0] <= f.offset and f.offset + f.length <= s[1]), None)
        if span is None:
            continue
        quoted, after = text[span[0] : span[1]], text[span[1] : span[1] + 60]
        before = text[max(0, span[0] - 40) : span[0]]
        if SOCIAL.search(quoted) or WRITTEN.match(after) or WRITTEN_BEFORE.search(before):
            changes[id(f)] = replace(
                f, severity="info", message=f"{f.message} (In a written quotation, verbatim.)"
            )
    return [changes.get(id(f), f) for f in findings]
