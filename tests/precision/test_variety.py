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


def test_a_draft_spelt_mostly_the_other_way_is_one_warning():
    text = ("The colour of the theatre changed its behaviour and its colour again; the "
            "colour faded, the behaviour stayed, and the color guard left.")  # fmt: skip
    found = [british(text, w, us) for w, us in
             [("colour", "color"), ("theatre", "theater"), ("behaviour", "behavior")]]  # fmt: skip
    out = collapse(found, text)
    assert [f.severity for f in out] == ["warning", "info", "info"]
    assert "almost throughout" in out[0].message


def test_oxford_spelling_is_british_ize_is_no_mixing():
    text = "They organized the theatre; its colour and behaviour were characterized."
    found = [british(text, w, us) for w, us in
             [("theatre", "theater"), ("colour", "color"), ("behaviour", "behavior")]]  # fmt: skip
    assert [f.severity for f in collapse(found, text)] == ["warning", "info", "info"]


def test_another_variety_in_a_written_quotation_is_the_writers_own():
    text = 'The colour is new. "We ran 50 metres and on," Branson wrote on his blog.'
    found = [british(text, "colour", "color"), british(text, "metres", "meters")]
    out = collapse(found, text)
    assert [f.severity for f in out] == ["warning", "info"]
    spoken = 'The colour is new. "We ran 50 metres and on," Branson said.'
    found = [british(spoken, "colour", "color"), british(spoken, "metres", "meters")]
    assert [f.severity for f in collapse(found, spoken)] == ["warning", "warning"]
    tweet = 'She tweeted: "I am honoured to serve as @usedgov Secretary."'
    assert collapse([british(tweet, "honoured", "honored")], tweet)[0].severity == "info"
