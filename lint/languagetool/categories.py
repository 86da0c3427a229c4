"""LanguageTool's categories and issue types → factlint's categories, severities, safe fixes.

factlint reports a small fixed set of categories (part of the JSON contract).
LanguageTool has its own, finer ones; this module is the one place that maps
them. Date rules (``DATE_WEEKDAY``: "Monday, 4 March 2025" when that was a
Tuesday) land in ``dates`` beside factlint's own date checks.

Severity: spelling, grammar, typography and dates are ``warning`` (they fail
a commit with the default ``fail-on: warning``); LanguageTool's style advice is
``info``. Config ``severity:`` overrides either, by rule id or glob.

Safe fixes (``fixable``): only rules whose single replacement changes
whitespace or doubled punctuation, where applying it blind cannot change
meaning. Spelling suggestions are never applied blind, even when there is
one: LanguageTool does not know the names in a news draft.
"""

from __future__ import annotations

import re

CATEGORIES = {
    "TYPOS": "spelling",
    "COMPOUNDING": "spelling",
    "GRAMMAR": "grammar",
    "CONFUSED_WORDS": "grammar",
    "COLLOCATIONS": "grammar",
    "CASING": "grammar",
    "MISC": "grammar",
    "SEMANTICS": "grammar",
    "NONSTANDARD_PHRASES": "grammar",
    "PUNCTUATION": "typography",
    "TYPOGRAPHY": "typography",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "PLAIN_ENGLISH": "style",
    "WIKIPEDIA": "style",
    "REPETITIONS": "style",
    "REPETITIONS_STYLE": "style",
    "CREATIVE_WRITING": "style",
    "TEXT_ANALYSIS": "style",
    "GENDER_NEUTRALITY": "style",
    "AMERICAN_ENGLISH_STYLE": "style",
    "BRITISH_ENGLISH": "style",
    "FALSE_FRIENDS": "grammar",
}
"""LanguageTool category id → factlint category."""

ISSUE_TYPES = {
    "misspelling": "spelling",
    "typographical": "typography",
    "whitespace": "typography",
    "style": "style",
    "register": "style",
    "locale-violation": "spelling",
    "grammar": "grammar",
    "inconsistency": "grammar",
    "duplication": "style",
}
"""Fallback for categories not listed above: LanguageTool's issueType → factlint category."""

DATE_RULE = re.compile(r"(^|_)(DATE|WEEKDAY|YEAR|MONTH)(_|$)")
"""Rule ids about dates (DATE_WEEKDAY, EN_DATE_WEEKDAY, DATE_NEW_YEAR, INVALID_DATE ...)."""

SEVERITIES = {
    "spelling": "warning",
    "grammar": "warning",
    "typography": "warning",
    "dates": "warning",
    "style": "info",
}

SAFE_FIX_RULES = frozenset(
    {
        "WHITESPACE_RULE",  # "two  spaces" → one space (before 6.x)
        "CONSECUTIVE_SPACES",  # the same in 6.x
        "COMMA_PARENTHESIS_WHITESPACE",  # "word ," → "word,"
        "DOUBLE_PUNCTUATION",  # "end.." → "end."
    }
)
"""Rules whose single replacement factlint applies with ``--fix`` without a human look."""


def category_for(rule_id: str, category_id: str | None, issue_type: str | None) -> str:
    """factlint's category for one LanguageTool match."""
    if DATE_RULE.search(rule_id):
        return "dates"
    if category_id in CATEGORIES:
        return CATEGORIES[category_id]
    return ISSUE_TYPES.get(issue_type or "", "grammar")


def severity_for(category: str) -> str:
    return SEVERITIES.get(category, "warning")


RULE_PREFIX = "languagetool."
"""What factlint puts before a LanguageTool rule id (``languagetool.HE_VERB_AGR``)."""

SPELLERS = ("MORFOLOGIK_RULE", "HUNSPELL")
"""Rule id prefixes of LanguageTool's dictionary spellers (one word against a word list)."""


def is_misspelling(rule_id: str, category_id: str | None, issue_type: str | None) -> bool:
    """A speller's match (the ones accepted vocabulary silences)."""
    return issue_type == "misspelling" or rule_id.startswith(SPELLERS) or "SPELLING" in rule_id


def is_safe_fix(rule_id: str, replacements: tuple[str, ...]) -> bool:
    """True when the one replacement may be applied blind (see SAFE_FIX_RULES)."""
    return rule_id in SAFE_FIX_RULES and len(replacements) == 1
