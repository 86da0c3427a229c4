"""names.inconsistent on one word of a name spelt differently once: short surnames, places,
organisations and names with apostrophes or hyphens (real spaCy, LanguageTool off; the
speller's part is in test_unknown.py and tests/languagetool)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "odd", "usual"),
    [
        (  # four letters, after a title
            "Detective Inspector Sue Kerr led the search. Kerr said the boat was found at dawn. "
            "Inspector Keer thanked the volunteers.",
            "Keer",
            "Kerr",
        ),
        (  # five letters, a possessive
            "Rohan Patel opened the clinic in 2019. Patel said demand had doubled. "
            "Patle's partners want a second site.",
            "Patle",
            "Patel",
        ),
        (  # a lone surname after the full name
            "The club appointed Dean Lowrie as coach. Lowrie played 200 games. "
            "The board backed Lowire on Tuesday.",
            "Lowire",
            "Lowrie",
        ),
        (  # a place
            "The Geelong plant will close in May. Workers at the Geelong site were told on "
            "Monday, and the Geelnog plant's owners gave no reason.",
            "Geelnog",
            "Geelong",
        ),
        (  # an organisation
            "Tarrawin Holdings bought the mine. Tarrawin said the deal was final. Later "
            "Tarrawn shares fell.",
            "Tarrawn",
            "Tarrawin",
        ),
        (  # split at an apostrophe by the tokenizer
            "Grainne O'Sullivan chaired the inquiry. O'Sullivan said the report was late. "
            "O'Sulivan will publish it next week.",
            "O'Sulivan",
            "O'Sullivan",
        ),
        (  # a particle joined by a hyphen
            "Salah al-Dinawi spoke for the council. The mayor praised al-Dinawi, and al-Dinnawi "
            "thanked him.",
            "al-Dinnawi",
            "al-Dinawi",
        ),
    ],
)
def test_one_slipped_mention_is_reported_with_the_usual_form(lint, text, odd, usual):
    result = lint(text, select=["names.inconsistent"])
    assert result.flagged == [("inconsistent", odd)]
    (issue,) = result.issues
    assert issue.replacements == (usual,)
    assert f"'{usual}'" in issue.message


@pytest.mark.parametrize(
    "text",
    [
        # a place and the adjective or people made from it
        "Tuvalu signed the pact. Tuvaluan officials said Tuvalu would ratify it.",
        "Qatar hosted the talks. Qatari envoys said Qatar would host more.",
        # two ordinary words that differ by a prefix, or a word and a slip-like word
        "The Unification Council met. The Reunification Council met later. Unification won.",
        "The Independent Schools Council met the Dependent Schools Council twice.",
        # two people named in full whose surnames differ by one letter
        "Tom Harlan and Jo Harlen both spoke. Harlan said no; Harlen said yes. Harlan left.",
        "Ahmed Hassan met Omar Hasan in Cairo. Hassan later praised Hasan.",
        # given names of two different people
        "Sarah Whitlock and Sara Dunmore ran the stall. Sarah Whitlock sold out first.",
        # a slip of the adjective, not of the place (the speller's to fix)
        "Australia won twice. Australia will host. A partisan Australain crowd cheered.",
        # a family's plural and a feminine form
        "The Kowalczyks moved in 2010. Piotr Kowalczyk said the Kowalczyks were happy.",
        "Ivan Sorokin and Olga Sorokina spoke. Sorokina left early; Sorokin stayed.",
        # a word of its own beside a name
        "Ellen Shaw met the Shah of Persia's heir. Shaw said the Shah was gracious.",
        # used as often as each other, neither inside a whole name: which is right?
        "Marlow won the first heat. Marlowe won the second.",
    ],
)
def test_different_words_and_people_are_kept_apart(lint, text):
    assert lint(text, select=["names.inconsistent"]).flagged == []


def test_a_consistent_draft_is_left_alone(lint):
    text = (
        "Mayor Joan Tierney opened the Wodonga depot. Tierney said Wodonga had waited years.\n\n"
        "Tierney's deputy, Sam Okafor, agreed. Okafor said the depot would employ 40 people."
    )
    assert lint(text).flagged == []


def test_the_same_odd_word_is_reported_wherever_it_occurs(lint):
    text = (
        "Nerida Coombe won the seat. Coombe thanked voters. Coombe spoke again on Sunday. "
        "Coome said the count was fair, and Coome left."
    )
    result = lint(text, select=["names.inconsistent"])
    assert result.flagged == [("inconsistent", "Coome"), ("inconsistent", "Coome")]
    assert "3 times" in result.issues[0].message


@pytest.mark.parametrize(
    ("text", "odd", "usual"),
    [
        (  # a doubled last letter is no ending of a place's people
            "China and Japan met in March. China said the talks went well, and Chinaa "
            "agreed to meet again.",
            "Chinaa",
            "China",
        ),
        (  # a name before a title
            "Tasmania will fund the ward. Tasmania Premier Jeremy Rockliff opened it, and "
            "Tasmnia Premier Rockliff said more would follow.",
            "Tasmnia",
            "Tasmania",
        ),
    ],
)
def test_a_last_letter_doubled_or_a_word_before_a_title_is_reported(lint, text, odd, usual):
    result = lint(text, select=["names.inconsistent"])
    assert result.flagged == [("inconsistent", odd)]
    assert result.issues[0].replacements == (usual,)


def test_the_nearest_form_is_the_reference_when_two_are_used_as_often(lint):
    # "Russa" is one letter from "Russia" and two from "Russian", each used twice: the
    # nearer one is meant (before, the tie left the slip unreported)
    text = (
        "Russia and Japan signed the accord. Russian officials praised it, and Russian "
        "diplomats said Russia would sign more. Russa will host the next round."
    )
    result = lint(text, select=["names.inconsistent"])
    assert result.flagged == [("inconsistent", "Russa")]
    assert result.issues[0].replacements == ("Russia",)


def test_a_form_among_many_listed_spellings_is_no_slip(lint):
    # three or more forms one letter away: the draft lists the name's spellings
    text = (
        "Spellings of the river vary. Surveyors wrote Tallawu in 1830, Tallawo in 1835, "
        "Tallawa in 1840 and Tallawi in 1841. Tallawu is the form on the 1850 map, and "
        "Tallawu is the form the council uses."
    )
    assert lint(text, select=["names.inconsistent"]).flagged == []


@pytest.mark.parametrize(
    ("odd", "usual", "slip"),
    [
        ("syrai", "syria", True),  # swapped
        ("thomposm", "thompson", True),  # swapped, then a key beside
        ("schffenr", "schaffner", True),  # dropped, then swapped
        ("germnyy", "germany", True),  # dropped, then doubled
        ("lepizg", "leipzig", True),  # swapped and dropped
        ("gerzean", "german", False),  # two names
        ("apella", "apollo", False),  # a vowel for a vowel, twice
        ("achilleid", "achilles", False),  # an ending
        ("pelagon", "pelion", False),
    ],
)
def test_slips_of_the_keys_are_told_from_other_differences(odd, usual, slip):
    from lint.names.slips import _keyboard_slips

    assert _keyboard_slips(odd, usual) is slip


@pytest.mark.parametrize(
    ("odd", "usual", "ending"),
    [
        ("khasic", "khasi", True),  # a language family's "-ic"
        ("wrangellia", "wrangell", True),
        ("louisiane", "louisiana", True),  # a last letter for one not beside it
        ("russiz", "russia", False),  # "z" is beside "a": a slip
        ("armeniaaa", "armenia", False),  # the last letter doubled
    ],
)
def test_endings_are_told_from_slips_at_the_end(odd, usual, ending):
    from lint.names.slips import _an_ending

    assert _an_ending(odd, usual) is ending


@pytest.mark.parametrize(
    ("text", "odd", "usual"),
    [
        (  # each form once, but beside the same surname: one person, written two ways
            "The Senate voted to confirm Bryce Okonkwo as minister. Critics of Brcye "
            "Okonkwo said the vote was rushed.",
            "Brcye",
            "Bryce",
        ),
        (  # a short form of the given name is the same person
            "Ben Kowalczyk founded the press in 1990. Decades later Benjamin Kowalcyzk's "
            "printers still use his type.",
            "Kowalcyzk",
            "Kowalczyk",
        ),
        (  # "words" is a cue for a cited form, but not before a title
            "Dale Pirrone was charged after using threatening words towards Mr Pirrone and "
            "another man. Police said Mr Pirone was not hurt.",
            "Pirone",
            "Pirrone",
        ),
    ],
)
def test_evidence_of_one_person_reports_a_slip_used_as_often(lint, text, odd, usual):
    result = lint(text, select=["names.inconsistent"])
    assert result.flagged == [("inconsistent", odd)]
    assert result.issues[0].replacements == (usual,)
