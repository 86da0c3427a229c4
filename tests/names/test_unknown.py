"""A speller's match on a name is set apart (real spaCy; LanguageTool's matches made up here,
the real server's are in tests/languagetool/test_real_server.py)."""

from __future__ import annotations

import pytest

from lint import nlp
from lint.findings import Finding
from lint.names.unknown import NEEDS, drop_unknown_names

SPELLER = "languagetool.MORFOLOGIK_RULE_EN_US"


@pytest.fixture(scope="module")
def parse():
    return nlp.load(None, NEEDS)


def speller(text: str, word: str, *suggestions: str, rule: str = SPELLER) -> Finding:
    return Finding(text.index(word), len(word), "Possible spelling mistake found.",
                   replacements=suggestions, rule=rule, category="spelling")  # fmt: skip


def kept_words(parse, text: str, findings: list[Finding]) -> list[str]:
    paragraphs, at = [], 0
    for para in text.split("\n\n"):
        paragraphs.append((at, parse(para)))
        at += len(para) + 2
    left = drop_unknown_names(findings, text, paragraphs)
    return [text[f.offset : f.offset + f.length] for f in left]


def test_names_are_set_apart_and_misspelt_words_kept(parse):
    text = (
        "Foreign ministry spokesman Geng Shuang told reporters the talks were recieved well. "
        "The council in Tantong will meet again on Monday to discuss the budjet."
    )
    findings = [
        speller(text, "Geng", "Gang"),
        speller(text, "Shuang", "Huang"),
        speller(text, "recieved", "received"),
        speller(text, "Tantong", "Tan tong"),
        speller(text, "budjet", "budget"),
    ]
    assert kept_words(parse, text, findings) == ["recieved", "budjet"]


def test_a_case_change_a_title_and_a_sentence_opening_function_word_are_kept(parse):
    text = (
        "Teh count was delayed. Officials shared the news on Whatsapp and thanked "
        "Presdient Moise for his patience."
    )
    findings = [
        speller(text, "Teh", "The", "Ten"),
        speller(text, "Whatsapp", "WhatsApp"),
        speller(text, "Presdient", "President"),
        speller(text, "Moise", "Moist", "Noise"),
    ]
    assert kept_words(parse, text, findings) == ["Teh", "Whatsapp", "Presdient"]


def test_only_the_speller_is_silenced_and_only_on_names(parse):
    text = "Wang Xiaofeng said the Wang Xiaofeng plan would cost more."
    grammar = Finding(0, 4, "repeated name?", rule="languagetool.SOME_GRAMMAR", category="grammar")
    findings = [grammar, speller(text, "Xiaofeng", "Xianfeng"), speller(text, "plan", "plane")]
    assert kept_words(parse, text, findings) == ["Wang", "plan"]


def test_each_paragraph_is_read_in_its_own_parse(parse):
    # "Wednesdy" stands where the first paragraph has a name: read against that
    # paragraph's parse, it would be dropped
    text = "Geng Shuang spoke on Monday.\n\nWednesdy was busy, and Geng Shuang said so."
    second = text.index("\n\n") + 2
    findings = [
        speller(text, "Wednesdy", "Wednesday"),
        Finding(text.rindex("Shuang"), 6, "?", ("Huang",), rule=SPELLER, category="spelling"),
    ]
    assert findings[0].offset == second
    assert kept_words(parse, text, findings) == ["Wednesdy"]


def test_a_match_outside_the_parsed_paragraphs_is_kept(parse):
    text = "Geng Shuang spoke."
    finding = speller(text, "Geng", "Gang")
    assert drop_unknown_names([finding], text, []) == [finding]
    assert drop_unknown_names([finding], text, [(0, None)]) == [finding]


# -- names spaCy does not tag: the draft's own evidence -------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        # at a sentence's start, and used again in the draft
        ("Vanterpool scored twice. The coach said Vanterpool had trained hard.", "Vanterpool",
         "Vantepool"),
        # in a list beside names
        ("The squad named Tom Ryder, Okonkwo-Baines and Sam Healy for the Test.", "Okonkwo",
         "Okinawa"),
        # split at an apostrophe by the tokenizer
        ("The film starred Francisco d'Anconia's creator, as the critics noted.", "Anconia",
         "Anaconda"),
        # capitalised inside a sentence, and no English word
        ("Rain flooded the road near Wirrabara on Sunday morning.", "Wirrabara", "Wirral"),
    ],
)  # fmt: skip
def test_names_by_the_drafts_own_evidence_are_set_apart(parse, text, word, suggestion):
    assert kept_words(parse, text, [speller(text, word, suggestion)]) == []


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        # a slip of an English word, capitalised at a sentence's start
        ("Goverment figures were released on Friday.", "Goverment", "Government"),
        # a slip of a name the speller knows, once, at the start of a list
        ("Pitwater, Bankstown and Hurstville were hit by the storm.", "Pitwater", "Pittwater"),
        # a slip of a function word, used twice
        ("Teh count was late. Teh result came on Monday.", "Teh", "The"),
    ],
)
def test_misspellings_are_kept(parse, text, word, suggestion):
    assert kept_words(parse, text, [speller(text, word, suggestion)]) == [word]


def test_a_speller_match_on_a_slip_of_a_draft_name_becomes_the_names_finding(parse):
    from lint.names.unknown import SLIPS, Slips, Tentative

    text = "Mayor Ann Gorey opened the hall. Later Gory thanked the builders."
    odd = text.index("Gory")
    names = Finding(odd, 4, "'Gory' is written 'Gorey'…", ("Gorey",), rule="names.inconsistent",
                    category="names")  # fmt: skip
    extra = {SLIPS: Slips("names.inconsistent", [], [Tentative(names, ((text.index("Gorey"),
             text.index("Gorey") + 5),), first=True)])}  # fmt: skip
    match = speller(text, "Gory", "Gory")
    assert drop_unknown_names([match], text, [(0, parse(text))], extra) == [names]
    # without the speller's match, the less certain slip is not reported
    assert drop_unknown_names([], text, [(0, parse(text))], extra) == []


# -- capitalised, but a misspelling all the same (issue 14's judged errors) -----------------


AU = "languagetool.MORFOLOGIK_RULE_EN_AU"


@pytest.mark.parametrize(
    ("text", "word", "suggestion", "rule"),
    [
        # a slip of a city of the speller's country, which the speller itself does not know
        ("The storm hit Pitwater, Bankstown and Liverpool in Sydney overnight.", "Pitwater",
         "Pit water", AU),
        # a slip of a country's people
        ("Players love the noise of a partisan Australain crowd in January.", "Australain",
         "Australian", SPELLER),
        # in a headline in title case, where a capital says nothing
        ("How Much Suger Is Too Much for Children?\n\nDoctors say less is better.", "Suger",
         "Sugar", SPELLER),
    ],
)  # fmt: skip
def test_a_slip_of_a_city_a_people_or_a_headline_word_is_kept(parse, text, word, suggestion, rule):
    assert kept_words(parse, text, [speller(text, word, suggestion, rule=rule)]) == [word]


@pytest.mark.parametrize(
    ("text", "word", "suggestion", "rule"),
    [
        # a name one slip from an English word, in running prose
        ("Spokesman Geng Shuang spoke on Monday, and Geng said little.", "Geng", "Gang", SPELLER),
        # a name used again, whatever the speller's guess
        ("Visiting Pitwater Road? Pitwater Road is closed.", "Pitwater", "Pit water", AU),
        # a headline in title case that names someone the story names again
        ("Geng Defends Tariffs on Steel\n\nGeng said the duties were fair.", "Geng", "Gang",
         SPELLER),
        # a town one slip from a city of another country ("Corona", California)
        ("Delegates met in Corowa at the weekend.", "Corowa", "Corona", AU),
        # a given name one letter from a city at its end ("Augusta")
        ("The films of Auguste and Louis Lumiere drew crowds.", "Auguste", "August", SPELLER),
        # a surname after a given name, one slip from a word ("Pointing")
        ("The catch was taken by Ricky Ponting at third slip.", "Ponting", "Pointing", AU),
    ],
)  # fmt: skip
def test_names_near_words_or_places_stay_set_apart(parse, text, word, suggestion, rule):
    findings = [speller(text, word, suggestion, rule=rule)]
    assert kept_words(parse, text, findings) == []


def test_a_misspelt_portfolio_inside_a_title_is_kept(parse):
    # "Finance" between two words of a title is an ordinary word misspelt, not a name;
    # a name after an honorific and before a title-like surname stays set apart
    text = "Deputy Financce Minister Yu Weiping spoke. Later Dr Aamer Sultan replied."
    findings = [speller(text, "Financce", "Finance"), speller(text, "Aamer", "Gamer")]
    assert kept_words(parse, text, findings) == ["Financce"]
