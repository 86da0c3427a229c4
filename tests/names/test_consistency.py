"""names.inconsistent on drafts: one person written two ways is reported at the minority
form, naming the other form and where it first appears; different people are not merged."""

from __future__ import annotations

import pytest

GERASIMOV = """\
Gen. Valery Gerasimov, the chief of Russia's General Staff, briefed the president.

"The region has been cleared," Gerasimov said on Saturday.

Gerasimov praised the troops. Gerasimow also thanked the allies.
"""


def test_an_inconsistent_surname_is_reported_at_the_minority_form(lint):
    result = lint(GERASIMOV, select=["names.inconsistent"])
    (issue,) = result.of("inconsistent")
    assert result.flagged == [("inconsistent", "Gerasimow")]
    # with both rules on, the slip of a known name is reported once, as a misspelling
    assert lint(GERASIMOV).flagged == [("misspelled", "Gerasimow")]
    assert issue.replacements == ("Gerasimov",)
    assert "'Gerasimov'" in issue.message and "3 times" in issue.message
    assert "paragraph 1" in issue.message
    assert (issue.line, issue.column) == (5, 31)


@pytest.mark.parametrize(
    ("text", "odd", "other"),
    [
        (
            "Kim Jong Un watched the launch. Kim Jong Un later met Putin. Kim Jong-un flew home.",
            "Kim Jong-un",
            "Kim Jong Un",
        ),
        (  # a person the list does not know
            "Doo Jin-ho spoke first. Later Doo Jin-ho said more. Doo Jin Ho left.",
            "Doo Jin Ho",
            "Doo Jin-ho",
        ),
        (
            "Mr. Zelenskyy spoke first. Zelensky then left, and Zelenskyy returned.",
            "Zelensky",
            "Zelenskyy",
        ),
        (  # diacritics
            "President Recep Tayyip Erdoğan spoke. Erdoğan said little. Erdogan left early.",
            "Erdogan",
            "Erdoğan",
        ),
    ],
)
def test_hyphens_spaces_and_diacritics(lint, text, odd, other):
    result = lint(text)
    assert [t for rule, t in result.flagged if rule == "inconsistent"] == [odd]
    assert f"'{other}'" in result.of("inconsistent")[0].message


def test_the_known_form_wins_even_when_outnumbered(lint):
    text = "Benjamin Netayahu arrived.\n\nLater, Benjamin Netanyahu spoke."
    result = lint(text, select=["names.inconsistent"])
    assert ("inconsistent", "Benjamin Netayahu") in result.flagged
    assert ("inconsistent", "Benjamin Netanyahu") not in result.flagged


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov and Anna Petrova were both questioned. Petrova denied it.",
        "Boris Johnson met Lyndon Johnson's biographer. Johnson said nothing.",
        "The Obamas arrived. Barack Obama spoke first.",
        "Kim Jong Un succeeded Kim Jong Il in 2011.",
        "Al-Shabab claimed the attack. Officials blamed al-Shabab.",  # a sentence's capital
        "Israeli officials met in Israel. Russian officials met in Russia.",
        "Wan Xiang took the photo. Jiang Zemin was not there.",
        "Ivan Petrovsky arrived. Ivan Petrovski left.\n\nHe is the brother of Anna Petrovsky.",
    ],
)
def test_different_people_and_words_are_not_merged(lint, text):
    assert lint(text).of("inconsistent") == []


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_across_a_line_break(lint, kind):
    text = "Gen. Valery\nGerasimov spoke. Gerasimov left. Later Gen. Valery\nGerasimow returned.\n"
    result = lint(text, kind, select=["names.inconsistent"])
    (issue,) = result.of("inconsistent")
    assert ("inconsistent", "Valery Gerasimow") in result.flagged
    assert issue.replacements == ("Valery Gerasimov",)
    assert (issue.line, issue.end_line) == (2, 3)  # "Valery" ends line 2
