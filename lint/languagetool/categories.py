"""LanguageTool's categories and issue types → factlint's categories, severities, safe fixes.

factlint reports a small fixed set of categories (part of the JSON contract).
LanguageTool has its own, finer ones; this module is the one place that maps
them. Date rules (``DATE_WEEKDAY``: "Monday, 4 March 2025" when that was a
Tuesday) land in ``dates`` beside factlint's own date checks.

Severity: a warning means "probably wrong". Spelling, grammar, typography and
dates are ``warning`` (they fail a commit with the default ``fail-on:
warning``); LanguageTool's style advice is ``info``, and so are the rules it
files under grammar or punctuation that are house-style choices, not errors
(ADVISORY_RULES: a comma before a conjunction joining two clauses, "Al Qaeda"
or "al-Qaeda", closing up or opening a compound; judged on real news in
bench/judged/). Config ``severity:`` overrides either, by rule id or glob.

Ownership: where a factlint rule and a LanguageTool rule say the same thing
("it it", a missing space after a full stop, a weekday that is not the
date's), factlint's rule owns the meaning and LanguageTool's is switched off
while factlint's is on (OWNED_BY), so one spot is reported once, by the rule
that knows the draft's publication date and its names.

Safe fixes (``fixable``): only rules whose single replacement changes
whitespace or doubled punctuation, where applying it blind cannot change
meaning. Spelling suggestions are never applied blind, even when there is
one: LanguageTool does not know the names in a news draft.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lint.findings import Finding

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

CALENDAR_RULES = frozenset(
    {
        "DATE_WEEKDAY",  # "Monday, 3 March 2025" when that was not a Monday
        "EN_DATE_WEEKDAY",
        "EN_DATE_WEEKDAY_CURRENTYEAR",  # a yearless date read in *today's* year
        "INVALID_DATE",  # "February 30"
        "DATE_NEW_YEAR",  # "January 3, 2024" written in a draft of January 2025
        "DATE_FUTURE_VERB_PAST",  # a past verb with a date after *today*
        "YEAR_20001",
    }
)
"""LanguageTool's rules about the calendar (category ``dates``). They judge against the
day they run, not the draft's publication date; factlint's dates pack owns them."""

OWNED_BY = {
    **dict.fromkeys(CALENDAR_RULES, "dates.weekday-mismatch"),
    "ENGLISH_WORD_REPEAT_RULE": "typography.repeated-word",
    "SENTENCE_WHITESPACE": "typography.missing-space-after-period",
    "COMMA_PARENTHESIS_WHITESPACE": "typography.space-before-punctuation",
    "CONSECUTIVE_SPACES": "typography.double-space",
    "WHITESPACE_RULE": "typography.double-space",
    "DOUBLE_PUNCTUATION": "typography.double-period",
    # Issue 21: LanguageTool rules for the same broken idiom or confused pair as a rule of the
    # idioms or confusables pack (found by running LanguageTool 6.8 on the packs' bad
    # examples): off while that rule is on, so the slip is reported once, with factlint's
    # message, which names both words. Broader LanguageTool rules (AFFECT_EFFECT, ROLE_ROLL,
    # ...) stay on; the engine merges them with the confusables pack on one span (grammar).
    "AD_NAUSEUM": "idioms.ad-nauseam",
    "ALL_FOR_NOT": "idioms.all-for-naught",
    "ALL_OF_THE_SUDDEN": "idioms.all-of-a-sudden",
    "AM_LOATHE_TO": "idioms.loath-to",
    "BACK_ABACK": "idioms.taken-aback",
    "BAITED_BREATH": "idioms.bated-breath",
    "BARE_IN_MIND": "idioms.bear-with",
    "BECKON_CALL": "idioms.beck-and-call",
    "BESIDES_THE_POINT": "idioms.beside-the-point",
    "BEYOND_THE_PAIL": "idioms.beyond-the-pale",
    "BOLD_FACED": "idioms.bald-faced-lie",
    "CASE_AND_POINT": "idioms.case-in-point",
    "CHALK_FULL": "idioms.chock-full",
    "CONFUSION_OF_MARSHAL_MARTIAL": "idioms.martial-law",
    "COULD_CARE_LESS": "idioms.couldnt-care-less",
    "DAMP_SQUID": "idioms.damp-squib",
    "DARING-DO": "idioms.derring-do",
    "DEEP_SEEDED": "idioms.deep-seated",
    "DIED_IN_THE_WOOL": "idioms.dyed-in-the-wool",
    "DIFFERENT_TACT": "idioms.change-tack",
    "DOG-EAT-DOG": "idioms.dog-eat-dog",
    "EKE_EEK": "idioms.eke-out",
    "EN_MASS": "idioms.en-masse",
    "FLEE_MARKET": "idioms.flea-market",
    "FOR_ALL_INTENSIVE_PURPOSES": "idioms.intents-and-purposes",
    "FREE_REIGN": "idioms.free-rein",
    "FURTHER_ADIEU": "idioms.without-further-ado",
    "GRANITE": "idioms.taken-for-granted",
    "HAY_DAY": "idioms.heyday",
    "HEW_AND_CRY": "idioms.hue-and-cry",
    "IMMINENT_DOMAIN": "idioms.eminent-domain",
    "IN_TACT": "idioms.intact",
    "IN_THE_PASSED": "idioms.in-the-past",
    "IN_THE_SKIES": "idioms.blessing-in-disguise",
    "IN_VEIN": "idioms.same-vein",
    "IRREGARDLESS": "idioms.irregardless",
    "JIVE_WITH": "idioms.jibe-with",
    "LOSE_LOOSE": "idioms.on-the-loose",
    "MUTE_POINT": "idioms.moot-point",
    "NIP_IT_IN_THE_BUTT": "idioms.nip-in-the-bud",
    "OLD_WISE_TAILTALE": "idioms.old-wives-tale",
    "ONE_FELL_SWOOP": "idioms.one-fell-swoop",
    "ONE_IN_THE_SAME": "idioms.one-and-the-same",
    "ON_THE_LAMB": "idioms.on-the-lam",
    "ON_THE_SAME_TOKEN": "idioms.by-the-same-token",
    "OUT_OF_SINK": "idioms.out-of-sync",
    "PAWN_OFF": "idioms.palm-off",
    "PEDAL_TO_THE_MEDAL": "idioms.pedal-to-the-metal",
    "PEDAL_TO_THE_METAL": "idioms.pedal-to-the-metal",
    "PER_SE": "idioms.per-se",
    "RIGHT_OF_PASSAGE": "idioms.rite-of-passage",
    "RODROT_IRON": "idioms.wrought-iron",
    "SHOE_IN": "idioms.shoo-in",
    "SLIGHT_OF_HAND": "idioms.sleight-of-hand",
    "SNEAK_PEAK": "idioms.sneak-peek",
    "STATUE_OF_LIMITATIONS": "idioms.statute-of-limitations",
    "THROWS_THROES": "idioms.throes",
    "TONGUE_AND_CHEEK": "idioms.tongue-in-cheek",
    "TOW_THE_LINE": "idioms.tow-the-line",
    "TO_THE_MANOR_BORN": "idioms.manner-born",
    "WET_YOUR_APPETITE": "idioms.whet-appetite",
    "WORSE-CASE_SCENARIO": "idioms.worst-case-scenario",
    "WRECK_HAVOC": "idioms.wreak-havoc",
    "ALLUDE_ELUDE": "confusables.elude",
    "CONSTRUCTION_SIGHT": "confusables.site",
    "DIFFUSE_TENSIONS": "confusables.defuse",
    "ELUDED_TO": "confusables.allude-to",
    "EN_SIMPLE_REPLACE_CAPITAL_HILL": "confusables.capitol",
    "FULL_COMPLIMENT_OF": "confusables.full-complement",
    "IN_PRINCIPAL": "confusables.principle-noun",
    "LEAD_ROLL": "confusables.role",
    "MOST_POPULACE": "confusables.populous",
    "OPINION_POLE": "confusables.poll",
    "PLAYOFF_BIRTH": "confusables.berth",
    "PROSTRATE_PROSTATE": "confusables.prostate",
    "RATIONAL_RATIONALE": "confusables.rationale",
    "REIGNS_OF_POWER": "confusables.reins",
    "ROLE_CALL": "confusables.roll",
    "ROLL_PLAYER": "confusables.role",
    "SPINAL_CHORD": "confusables.cord",
    "STATIONARY_STATIONERY": "confusables.stationery",
    "TAKE_THE_REIGNS": "confusables.reins",
    "TELEPHONE_POLL": "confusables.pole",
}
"""LanguageTool rule → the factlint rule that reports the same thing (see the module
docstring): while that rule is enabled, LanguageTool's is disabled in the request."""

PUNCTUATION_RULES = frozenset({"MISSING_COMMA_AFTER_YEAR"})
"""Rules LanguageTool files as style that a copy desk marks as errors: "on July 16, 1969
at 13:32" wants its comma after the year (AP and Chicago alike)."""

ADVISORY_RULES = re.compile(
    r"^(?:COMMA_COMPOUND_SENTENCE(?:_\d+)?"
    r"|MISSING_COMMA_AFTER_INTRODUCTORY_PHRASE|EN_COMPOUNDS_AL_QAEDA|EN_DIACRITICS_REPLACE_\w+"
    r"|CHRISTMAS_TIME|SECOND_LARGEST_HYPHEN|ERDOGAN|APARTMENT-FLAT|PEOPLE_VBZ)$"
)
"""Rules LanguageTool files as grammar or punctuation whose matches are house-style
choices (judged STYLE on real news): a comma before a conjunction, an introductory
comma, "Al Qaeda" spelling, diacritics on names English copy writes without them
("Erdogan"), British words for American ones ("flat" for "apartment"). PEOPLE_VBZ
matches "people" with the verb of another subject ("the division between the President
and the people makes"): judged wrong each time, so only a suggestion. (The
comma after a sentence-opening "However" stays a warning: judged an error as often as
a matter of style.)"""

COMPOUND_RULES = re.compile(r"^EN_COMPOUNDS_\w+|\w+_COMPOUNDS?$")
"""Rules about compounds: adding the hyphen a compound modifier needs ("high powered" →
"high-powered") corrects; closing up or opening a compound ("multi-national" →
"multinational", "car maker" → "carmaker") is house style."""

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
    if rule_id in CALENDAR_RULES:
        return "dates"
    if rule_id in PUNCTUATION_RULES:
        return "typography"
    if category_id in CATEGORIES:
        return CATEGORIES[category_id]
    return ISSUE_TYPES.get(issue_type or "", "grammar")


def severity_for(
    category: str, rule_id: str = "", covered: str = "", replacements: tuple[str, ...] = ()
) -> str:
    """``info`` for style advice (the category's, ADVISORY_RULES, a compound's spelling),
    else the category's severity."""
    if ADVISORY_RULES.match(rule_id):
        return "info"
    if COMPOUND_RULES.match(rule_id) and not adds_hyphen(covered, replacements):
        return "info"
    return SEVERITIES.get(category, "warning")


def adds_hyphen(covered: str, replacements: tuple[str, ...]) -> bool:
    """Does the first replacement put a hyphen where the text has a space ("high powered"
    → "high-powered"), rather than close up or open the compound?"""
    if not replacements:
        return False
    first = replacements[0]
    return " " in covered and first == covered.replace(" ", "-")


COLLOQUIAL_RULES = frozenset(
    {
        "THERE_S_MANY",  # "there's many"
        "THERE_IS_A_LOT_OF",  # "there's a lot of instances"
        "THERE_RE_MANY",  # "there are many great veg"
        "PHRASE_REPETITION",  # "and then the other the other guy": a speaker's restart
        "RB_RB_COMMA",  # "very very slim"
        "KIND_OF_A",  # "sort of a"
        "GOING_TO_GONNA",
        "ENGLISH_WORD_REPEAT_BEGINNING_RULE",
        "SENT_START_CONJUNCTIVE_LINKING_ADVERB_COMMA",
        "EN_SPLIT_WORDS_HYPHEN",
    }
)
"""Grammar rules about spoken, informal usage: a desk leaves them alone in a quotation."""


def outside(rule: str, category: str | None) -> tuple[str, ...]:
    """Where a LanguageTool finding is not reported (the engine's ``outside``): style
    advice and colloquial usage inside a quotation; the spacing rules in gapped text."""
    rule_id = rule.removeprefix(RULE_PREFIX)
    if category == "style" or rule_id in COLLOQUIAL_RULES or ADVISORY_RULES.match(rule_id):
        return ("quotations",)
    if rule_id in OWNED_BY and OWNED_BY[rule_id].startswith("typography."):
        return ("gaps",)
    return ()


NOT_A_NOUN = frozenset(
    ["a", "an", "the", "as", "to", "of", "in", "on", "at", "by", "for", "with", "from", "than",
     "that", "this", "and", "or", "but", "is", "are", "was", "were", "be", "been", "if", "so",
     "because", "when", "while"]
)  # fmt: skip
"""Words that cannot be the noun a compound modifier stands before."""


SENTENCE_START_RULE = "UPPERCASE_SENTENCE_START"
NOT_A_SENTENCE = re.compile(
    r"(?:(?:^|\s)[\"“‘'](?:\s*)"  # a quoted term opens it: '"fake news": I agree'
    r"|[?!][\"”’)]?\s+"  # after a question, a title: "What does sugar do? originally"
    r"|\b(?i:lit|cf|e\.g|i\.e|etc|approx|ca|vs|viz|fig|vol|pp|trans|ibid)\.\s*[\"“‘']?\s*"
    r"|\s\.\s+)$"  # a gap left by a removed value: "except for . is"
)
"""What comes before a lower-case word LanguageTool takes for a sentence's start when it
is none, or a desk would not capitalise it: a quoted term, a question's continuation,
an abbreviation's full stop, a removed value's orphaned one."""


def in_draft(finding: Finding, text: str) -> Finding:
    """One LanguageTool finding read against its draft: a compound's spelling
    (``_compound_in_draft``) and a lower-case sentence start that is none (info: judged
    on real copy, 7 of 10 such warnings were on a quoted term, a question's
    continuation, an abbreviation or a gap)."""
    rule_id = (finding.rule or "").removeprefix(RULE_PREFIX)
    if rule_id == SENTENCE_START_RULE and finding.severity != "info":
        if NOT_A_SENTENCE.search(text, max(0, finding.offset - 40), finding.offset):
            return replace(finding, severity="info")
        return finding
    return _compound_in_draft(finding, text)


def _compound_in_draft(finding: Finding, text: str) -> Finding:
    """A compound's spelling is house style, unless the draft itself writes it the other
    way elsewhere ("fire fighters" beside "firefighters"): then it is an inconsistency,
    reported as a warning. And a compound modifier takes its hyphen before a noun ("a
    well-placed source"), not after a verb ("she is well placed to win"): there it is
    not an error, and info."""
    rule_id = (finding.rule or "").removeprefix(RULE_PREFIX)
    if not finding.replacements or not COMPOUND_RULES.match(rule_id):
        return finding
    if finding.severity != "info":
        following = re.match(r"\s*([\w'’-]+|\S)?", text[finding.offset + finding.length :])
        word = (following.group(1) or "") if following else ""
        if not word or not word[0].isalpha() or word.lower() in NOT_A_NOUN:
            return replace(finding, severity="info")
        return finding
    other = finding.replacements[0]
    start = finding.offset
    elsewhere = text[:start] + " " * finding.length + text[start + finding.length :]
    if not re.search(r"(?<![\w-])" + re.escape(other) + r"(?![\w-])", elsewhere, re.I):
        return finding
    return replace(
        finding,
        severity="warning",
        message=f"{finding.message} The draft writes '{other}' elsewhere.",
    )


compound_in_draft = in_draft
"""The engine's name for ``in_draft`` (it first read compounds only)."""


def owned(enabled: object) -> list[str]:
    """LanguageTool rules to switch off because ``enabled(rule_id)`` says the factlint
    rule that owns their meaning is on (OWNED_BY)."""
    return sorted(lt for lt, ours in OWNED_BY.items() if enabled(ours))  # type: ignore[operator]


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
