"""A draft spelt throughout in another variety is reported once; a mixed one word by word
(lint.languagetool.variety)."""

from __future__ import annotations

from lint.findings import Finding
from lint.languagetool.variety import collapse


def british(text: str, word: str, us: str) -> Finding:
    at = text.index(word)
    return Finding(at, len(word), f"Possible spelling mistake. ‘{word}’ is British English.",
                   (us,), rule="languagetool.MORFOLOGIK_RULE_EN_US", category="spelling",
                   severity="warning")  # fmt: skip


def test_british_throughout_is_one_warning():
    text = "The colour of the theatre changed its behaviour, the organiser said."
    found = [british(text, w, us) for w, us in
             [("colour", "color"), ("theatre", "theater"), ("behaviour", "behavior")]]  # fmt: skip
    out = collapse(found, text)
    assert [f.severity for f in out] == ["warning", "info", "info"]
    assert "British way throughout" in out[0].message


def test_a_mixed_draft_keeps_every_finding():
    text = "The colour of the theatre changed its behaviour; the color guard stayed."
    found = [british(text, w, us) for w, us in
             [("colour", "color"), ("theatre", "theater"), ("behaviour", "behavior")]]  # fmt: skip
    assert collapse(found, text) == found


def test_a_word_or_two_of_another_variety_is_reported_word_by_word():
    text = "The theatre reopened; its colour is new."
    found = [british(text, "theatre", "theater"), british(text, "colour", "color")]
    assert collapse(found, text) == found
