"""A lower-case word LanguageTool takes for a sentence's start is often none
(lint.languagetool.categories.in_draft)."""

from __future__ import annotations

import re

import pytest

from lint.findings import Finding
from lint.languagetool import categories

RULE = "languagetool.UPPERCASE_SENTENCE_START"


def severity(text: str, word: str) -> str:
    at = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text).start()
    finding = Finding(at, len(word), "This sentence does not start with an uppercase letter.",
                      (word.capitalize(),), rule=RULE, category="grammar",
                      severity="warning")  # fmt: skip
    return categories.in_draft(finding, text).severity


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('He likes the phrase. "fake news": he uses it daily.', "fake"),  # a quoted term
        ("Why do cats purr? first appeared on a science blog.", "first"),  # a title's verb
        ("The name means kēme (lit. ‘black earth’).", "black"),  # after an abbreviation
        ("This matches the reconstruction except for . is kept in Khmer.", "is"),  # a gap
    ],
)
def test_no_sentence_starts_here(text, word):
    assert severity(text, word) == "info"


def test_a_sentence_really_left_lower_case_is_a_warning():
    assert severity("The vote was held. and the result was close.", "and") == "warning"
    assert severity("Police came (ICE)). alone they left.", "alone") == "warning"
