"""LanguageTool's speller matches on words the draft means are dropped; typos are kept
(lint.languagetool.speller)."""

from __future__ import annotations

import pytest

from lint.findings import Finding
from lint.languagetool.speller import drop_doubtful

RULE = "languagetool.MORFOLOGIK_RULE_EN_US"


def flagged(text: str, word: str, message: str = "Possible spelling mistake found.") -> bool:
    """Does a speller match on ``word`` (its last occurrence) survive?"""
    at = text.rindex(word)
    finding = Finding(at, len(word), message, rule=RULE, category="spelling")
    return bool(drop_doubtful([finding], text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The cycloalkanes are rings. Larger cycloalkanes are rarer.", "cycloalkanes"),
        ("The name comes from the Greek anarchos.", "anarchos"),
        ("Its root (Greek: arkhē) means rule.", "arkhē"),
        ("The word kleos means glory.", "kleos"),
        ("They crossed the Tassili n'Ajjer plateau.", "Ajjer"),
        ("Alkanes end in -ane as a rule.", "ane"),
        ("The plateau of al-Jazāʾir", "Jazāʾir"),
    ],
)
def test_words_the_draft_means(text, word):
    assert not flagged(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The champiom won again.", "champiom"),
        ("It was a rapsodic ballet, he said.", "rapsodic"),
        ("The Greek word ἄβακoς has a Latin o.", "ἄβακoς"),  # two scripts: a slip
        ("in the Greek language, and the syllabical script", "syllabical"),
    ],
)
def test_typos_are_kept(text, word):
    assert flagged(text, word)


def test_another_variety_is_kept_even_when_repeated():
    text = "The behaviour of ants. Their behaviour is social."
    assert flagged(text, "behaviour", "Possible spelling mistake. ‘behaviour’ is British English.")


def test_other_rules_are_untouched():
    text = "The cycloalkanes and cycloalkanes."
    other = Finding(4, 12, "x", rule="languagetool.SOMETHING", category="grammar")
    assert drop_doubtful([other], text) == [other]


def severity(text: str, word: str, suggestion: str) -> str:
    at = text.index(word)
    finding = Finding(at, len(word), "Possible spelling mistake found.", (suggestion,),
                      rule=RULE, category="spelling", severity="warning")  # fmt: skip
    return drop_doubtful([finding], text)[0].severity


def test_rare_but_real_words_are_info_and_typos_stay_warnings():
    assert severity("The tailender was bowled.", "tailender", "tai lender") == "info"
    assert severity("A stele marks the grave.", "stele", "style") == "info"
    assert severity("The champiom won.", "champiom", "champion") == "warning"
    assert severity("The Greek word ἄβακoς has a Latin o.", "ἄβακoς", "") == "warning"
    assert severity("He was ath the door.", "ath", "at") == "warning"  # "at" is far more common
    assert severity("after the reconquista", "reconquista", "Reconquista") == "warning"


def test_a_word_no_suggestion_is_a_slip_away_from_is_info():
    assert severity("The haptophytes bloom.", "haptophytes", "hypotheses") == "info"
    assert severity("The champiom won.", "champiom", "champion") == "warning"


def test_a_repeated_typo_and_a_common_misspelling_stay_warnings():
    text = "I negelected it. You negelected it."
    at = text.rindex("negelected")
    finding = Finding(at, 10, "Possible spelling mistake found.", ("neglected",),
                      rule=RULE, category="spelling", severity="warning")  # fmt: skip
    assert drop_doubtful([finding], text)[0].severity == "warning"
    assert severity("We recieve letters.", "recieve", "receive") == "warning"


def test_a_rare_term_written_again_is_dropped_a_repeated_typo_is_not():
    text = "The cycloalkanes are rings; most cycloalkanes are stable."
    at = text.rindex("cycloalkanes")
    finding = Finding(at, 12, "Possible spelling mistake found.", ("cycloalkane",),
                      rule=RULE, category="spelling", severity="warning")  # fmt: skip
    assert drop_doubtful([finding], text) == []
    assert (
        severity("He was accused of embezzlling funds.", "embezzlling", "embezzling") == "warning"
    )


def speller(text: str, word: str, suggestions=(), also=()) -> str:
    """The severity a speller match on ``word`` (first occurrence) ends with, or
    "dropped"; ``also`` are other words the speller flags in the same draft."""
    found = []
    for w in (word, *also):
        at = text.index(w)
        found.append(Finding(at, len(w), "Possible spelling mistake found.",
                             tuple(suggestions) if w == word else (), rule=RULE,
                             category="spelling", severity="warning"))  # fmt: skip
    at = text.index(word)
    kept = [f for f in drop_doubtful(found, text) if f.offset == at]
    return kept[0].severity if kept else "dropped"


def test_a_wire_desks_units_are_abbreviations():
    assert speller("Exports rose to 600 mln tonnes.", "mln", ["man", "men"]) == "dropped"
    assert speller("Profit was 1.5 bln dlrs.", "dlrs", ["dolls"]) == "dropped"
    assert speller("His father, Bob Smith Snr, spoke.", "Snr", ["Sir"]) == "dropped"
    assert speller("He was ath the door.", "ath", ["at"]) == "warning"  # a vowel: a word


def test_acronym_plurals_and_arabic_articles_are_not_misspellings():
    assert speller("Two ANOVAs were run on the scores.", "ANOVAs", ["ANOVA"]) == "dropped"
    assert speller("A son of Anwar al-Awlaki spoke.", "al-Awlaki", ["al-Awake"]) == "dropped"


def test_a_word_with_its_gloss_is_cited():
    assert speller('The name is from albus "white", a Latin word.', "albus", ["album"]) == "dropped"
    assert speller('It meant kleos ("glory") to the poets.', "kleos", ["kudos"]) == "dropped"
    assert speller("The old form khmi, lit. 'black earth', survives.", "khmi", ["khi"]) == "dropped"
    assert speller("The champiom won again.", "champiom", ["champion"]) == "warning"


def test_words_of_a_foreign_phrase_stand_together():
    text = "Orwell proposed Union des républiques socialistes animales as its title."
    assert speller(text, "socialistes", ["socialists"]) == "dropped"  # beside "républiques"
    text = "The finds came from Bir el Ater, south of the town."
    assert speller(text, "Bir", ["Sir"], also=["Ater"]) == "dropped"
    text = "He met the champiom, and the staduim was full."
    assert speller(text, "champiom", ["champion"], also=["staduim"]) == "warning"  # a comma apart


def test_compounds_and_technical_terms_are_info_run_together_words_are_not():
    assert speller("A so-called aquaplanet would be warm.", "aquaplanet", ["aquaplane"]) == "info"
    assert speller("They learnt to foilboard that week.", "foilboard", ["floorboard"]) == "info"
    assert speller("They helped eachother through it.", "eachother", ["each other"]) == "warning"
    assert speller("The alkalide anions are stable.", "alkalide", ["alkaline"]) == "info"
    assert speller("It is similar to the electrides here.", "electrides", ["electrodes"]) == "info"
    assert speller("The libary was shut.", "libary", ["library"]) == "warning"


def test_a_typo_beside_a_piece_of_a_hyphenated_phrase_stays():
    text = "The in-vitro fertalisation technique was used."
    assert speller(text, "fertalisation", ["fertilisation"], also=["vitro"]) == "warning"


def test_a_species_epithet_after_its_genus_is_not_a_slip():
    text = "The smallest frog (Paedophryne amauensis) is from New Guinea."
    assert speller(text, "amauensis", ["amanuensis"]) == "dropped"
    assert speller("The smallest frog is amauensis.", "amauensis", ["amanuensis"]) == "warning"


def test_mixed_scripts_stay_a_slip_beside_a_transliteration():
    text = "It reflects the Greek word ἄβακoς abakos, they say."
    assert speller(text, "ἄβακoς", [], also=["abakos"]) == "warning"


def test_a_compound_the_speller_would_part_is_still_a_compound():
    text = "Kitesurfing is riding a board behind a kite."
    assert speller(text, "Kitesurfing", ["Kite surfing"]) == "info"
    assert speller("It happens everytime.", "everytime", ["every time"]) == "warning"


def test_a_typo_opening_the_draft_is_kept():
    assert speller("Goverment denies the report.", "Goverment", ["Government"]) == "warning"


def test_acronyms_written_as_words_and_names_in_compounds_are_info():
    assert speller("The Nasa logo was on it.", "Nasa", ["NASA"]) == "info"
    assert speller("Some have posted gifs of it.", "gifs", ["GIFs"]) == "info"
    assert speller("They are a Dari-speaking people.", "Dari-speaking", ["Dare-speaking"]) == "info"
    assert speller("after the reconquista", "reconquista", ["Reconquista"]) == "warning"


def test_a_typo_beside_a_foreign_term_and_words_run_together_stay_warnings():
    text = "The in vitro fertalisation technique was used."
    assert speller(text, "fertalisation", ["fertilisation"], also=["vitro"]) == "warning"
    assert speller("Mr Ruddock alsosaid it.", "alsosaid", ["also said"]) == "warning"
    text = "They were managers of the now defunctoperator, a tour firm."
    assert speller(text, "defunctoperator", ["defunct operator"]) == "warning"


def test_wire_units_after_number_words_and_in_capitals():
    assert speller("It will pay one dlr a barrel more.", "dlr", ["dr"]) == "dropped"
    assert speller("BORROWINGS 64 MLN DLRS", "DLRS", ["DLLS"]) == "dropped"
    assert speller("It sold Norton Co Pty Ltd to them.", "Pty", ["Pity"]) == "dropped"


def test_wire_company_names_in_brackets_and_headline_capitals_written_again():
    text = "It sold its unit to <Antibioticos SA> of Madrid."
    assert speller(text, "Antibioticos", ["Antibiotics"]) == "dropped"
    text = "ROSPATCH REJECTS BID\n\nRospatch Corp said it rejected the bid."
    assert speller(text, "ROSPATCH", ["DISPATCH"]) == "dropped"
    text = "UNIT TRANSERS SERVICE\n\nThe unit transfers its service."
    assert speller(text, "TRANSERS", ["TRANSFERS"]) == "warning"


def test_a_lower_case_acronym_or_a_slip_beside_one_stays_a_warning():
    assert speller("The session resumes at noon gmt today.", "gmt", ["GMT"]) == "warning"
    assert speller("He was ath the door.", "ath", ["ATH", "at"]) == "warning"
