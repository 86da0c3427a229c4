"""Forms of a name listed on purpose are not one name spelt two ways; a name written before
a title is compared like any other (real spaCy, LanguageTool off)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # a run of forms in one sentence
        "The Tallowa people gave the river its name. Tallowa elders still fish there. "
        "Early maps wrote Tallowa, Talowa and Tallova for it.",
        # in brackets just after the name
        "Tallowa (Talowa in older records) lies on the river. Tallowa has 900 people. "
        "Tallowa voted on Monday.",
        # after a cue
        "Tallowa lies on the river. Tallowa has 900 people, and the town was also spelled "
        "Talowa until 1920.",
        "Mayor Ruth Tallowa opened the hall. Tallowa said it cost less than planned. Her "
        "grandmother spelt it Talowa.",
    ],
)
def test_forms_listed_on_purpose_are_not_reported(lint, text):
    assert lint(text, select=["names.inconsistent"]).flagged == []


def test_a_slip_beside_a_bracket_or_list_that_holds_no_variant_is_still_reported(lint):
    text = (
        "Councillor Dana Okafor (Labor) moved the motion. Okafor said the depot, the pool "
        "and the library would stay open. Councillor Okafro, Mayor Reid and two staff voted."
    )
    result = lint(text, select=["names.inconsistent"])
    assert result.flagged == [("inconsistent", "Okafro")]


def test_a_place_before_a_title_is_compared_too(lint):
    text = (
        "Tasmania will fund the ward. Tasmania Premier Jeremy Rockliff opened it on Monday, "
        "and Tasmania's health minister spoke. Tasmnia Premier Rockliff said more would follow."
    )
    result = lint(text, select=["names.inconsistent"])
    assert result.flagged == [("inconsistent", "Tasmnia")]
    assert result.issues[0].replacements == ("Tasmania",)


def test_a_known_name_cited_as_an_old_form_is_no_misspelling(lint):
    text = "Early travellers wrote the name as Afganistan, and later maps as Afghanistan."
    assert lint(text, select=["names.misspelled"]).flagged == []


def test_a_misspelt_known_name_in_running_prose_is_still_flagged(lint):
    text = "Officials said the envoy from Afganistan left on Monday."
    assert lint(text, select=["names.misspelled"]).flagged == [("misspelled", "Afganistan")]


def test_a_surname_of_someone_named_in_full_is_no_slip_of_another_persons(lint):
    text = (
        "The explorer James Hunt founded the society. Hunt wrote its first paper. Much "
        "earlier, Magnus Hundt and Otto Casmann had used the word."
    )
    assert lint(text, select=["names.inconsistent"]).flagged == []


@pytest.mark.parametrize(
    ("text", "odd"),
    [
        # brackets spelling out an abbreviation are no list of forms
        ("The WBF ruled on Friday. The World Boxing Federation met in May, and the WBF "
         "(World Boxong Federation) will meet again.", "Boxong"),
        # "called" before a name is everyday news prose
        ("Thailand hosted the summit. Thailand's envoy spoke, and campaigners called for "
         "Thaliand to act.", "Thaliand"),
    ],
)  # fmt: skip
def test_brackets_and_verbs_of_everyday_prose_are_no_cue(lint, text, odd):
    assert lint(text, select=["names.inconsistent"]).flagged == [("inconsistent", odd)]


@pytest.mark.parametrize(
    ("text", "odd"),
    [
        (  # an apostrophe after the form is a possessive, not a closing quotation mark
            "Premier Dana Okafor spoke first. Okafor said the budget was fair. \"Okafro's "
            "critics are wrong,\" an adviser said.",
            "Okafro",
        ),
        (  # a page's link label in capitals is no "Word:" cue
            "Skier Lindsey Vonn won again. Vonn said the course was fast. READ: Lidnsey Vonn "
            "on her comeback.",
            "Lidnsey",
        ),
        (  # "the name" cites a form, but not the first word of a longer name
            "Composer Lachlan Okoro scored the film. Okoro wrote it in a month, and Okoro "
            "conducted. The name Lachlna Okoro is on the poster.",
            "Lachlna",
        ),
        (  # the name written again inside brackets, after a sentence that ended
            "The views are those of the Tarrawin Herald. (Tarrawin Heradl Weekly edition, "
            "page 12)",
            "Heradl",
        ),
    ],
)
def test_quotation_marks_labels_and_brackets_that_cite_nothing(lint, text, odd):
    assert lint(text, select=["names.inconsistent"]).flagged == [("inconsistent", odd)]
