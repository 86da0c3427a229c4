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


# -- only pairs that can be alike are compared; the result is that of comparing all ----------

FORMS = [
    "Valery Gerasimov", "Gerasimov", "Gerasimow", "Valery Gerasimow", "V. Gerasimov",
    "Kim Jong Un", "Kim Jong-un", "Kim Jong Il", "Kim", "Barack Obama", "Obama", "Obamas",
    "Michelle Obama", "Ivan Petrov", "Anna Petrova", "Petrova", "Petrov", "Erdoğan", "Erdogan",
    "Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Zelensky", "Zelenskyy", "Zelenskiy",
    "Volodymyr Zelenskyy", "Volodymyr Zelensky", "Doo Jin-ho", "Doo Jin Ho", "Doojinho",
    "Narendra Modi", "Nahedra Modi", "Modi", "O'Neill", "O’Neill", "Oneill", "Schwarzenegger",
    "Schwarzeneger", "Arnold Schwarzenegger", "Al-Shabab", "al-Shabab", "Israeli", "Russia",
    "Xi Jinping", "Xi", "Jiang", "Xiang", "Kowalski", "Kowalska", "Jan Kowalski", "Kovalski",
]  # fmt: skip


def _names(picks: list[tuple[int, int]]):
    from lint.names.mentions import Name

    names, at = [], 0
    for form, how in picks:
        text = FORMS[form]
        words, start = [], at
        for word in text.split():
            words.append((at, at + len(word)))
            at += len(word) + 1
        label = ("PERSON", None, "ORG")[how % 3]
        names.append(Name(start, at - 1, text, tuple(words), label, "mr" if how == 3 else ""))
        at += 10
    return names


def test_comparing_only_possible_pairs_finds_what_comparing_all_pairs_does(monkeypatch):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from lint.names import consistency
    from lint.packs import load_pack, resolve

    index = load_pack(resolve("names", None)).rules[0].check.index
    quick_whole, quick_single = consistency._whole_candidates, consistency._single_candidates

    def every_whole(full, index):
        return {(i, j) for i in range(len(full)) for j in range(i + 1, len(full))}

    def every_single(loose, keys, index):
        return {(a, b) for a in loose for b in keys if a != b}

    found_any = []

    @settings(max_examples=300)
    @given(st.lists(st.tuples(st.integers(0, len(FORMS) - 1), st.integers(0, 3)), max_size=14))
    def same(picks):
        names = _names(picks)
        with monkeypatch.context() as m:
            m.setattr(consistency, "_whole_candidates", every_whole)
            m.setattr(consistency, "_single_candidates", every_single)
            expected = consistency.odd_forms(names, index)
        assert consistency.odd_forms(names, index) == expected
        found_any.append(bool(expected))

    same()
    assert any(found_any)
    # and the candidates really are fewer than all pairs on a long draft's names
    names = _names([(k % len(FORMS), 0) for k in range(len(FORMS))])
    forms = [consistency.Form(n.text, [n]) for n in names if len(n.text.split()) > 1]
    assert len(quick_whole(forms, index)) < len(every_whole(forms, index)) / 4
    keys = [n.text for n in names if " " not in n.text]
    assert len(quick_single(keys, keys, index)) < len(every_single(keys, keys, index)) / 2
