"""names.misspelled on drafts, through the real engine and spaCy: a misspelled leader is
flagged with the canonical form, anywhere in a sentence or across a line break; real
names, derived words and people the list does not know are left alone."""

from __future__ import annotations

import pytest


def test_a_misspelled_leader_is_flagged_with_the_canonical_form(lint):
    result = lint("Indian Prime Minister Nahedra Modi arrived in Moscow on Friday.")
    (issue,) = result.issues
    assert result.flagged == [("misspelled", "Nahedra Modi")]
    assert issue.replacements == ("Narendra Modi",)
    assert issue.category == "names"
    assert "Prime Minister of India" in issue.message
    assert not issue.fixable  # a person missing from the list may really be called that


def test_at_the_start_of_a_sentence(lint):
    text = "The summit opened on Monday. Emanuel Macron spoke first."
    assert lint(text).flagged == [("misspelled", "Emanuel Macron")]
    assert lint("Emanuel Macron spoke first.").flagged == [("misspelled", "Emanuel Macron")]


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_across_a_line_break(lint, kind):
    text = "The guests include Indian Prime Minister Nahedra\nModi and others.\n"
    result = lint(text, kind)
    (issue,) = result.issues
    assert result.flagged == [("misspelled", "Nahedra Modi")]
    assert (issue.line, issue.column, issue.end_line, issue.end_column) == (1, 42, 2, 5)


def test_a_lone_surname_after_a_title_the_person_holds(lint):
    assert lint("Officials said President Macorn would travel.").flagged == [
        ("misspelled", "Macorn")
    ]
    # "Mr." says a name follows, not whose: a Mr. Macorn may exist
    assert lint("Officials said Mr. Macorn would travel.").flagged == []


def test_a_lone_surname_when_the_person_is_named_elsewhere(lint):
    text = "Emmanuel Macron arrived on Monday.\n\nMacorn left on Tuesday."
    (issue,) = lint(text).of("misspelled")
    assert issue.replacements == ("Macron",)


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Il and Kim Jong Un both ruled North Korea.",  # two real people
        "Donald Tusk and Donald Trump spoke by phone.",
        "Kim Jong-un and Erdogan attended.",  # accepted forms: no hyphen, no diacritics
        "Luiz Inacio Lula da Silva and Recep Tayyip Erdogan met.",
        "Many Americans, Germans and Israelis disagree; the Moldovan envoy did not.",
        "His Holiness spoke to the Herald at the School of Law.",  # near "Holness", "Harald"
        "Priest Angel Garcia Rodriguez founded the charity.",  # near "Angel Gurría"
        "Officials said Alan Johnston, a reporter, was freed. Johnston thanked them.",
        "Modi said the talks went well.",
    ],
)
def test_correct_and_unknown_names_are_left_alone(lint, text):
    assert lint(text).flagged == []


def test_a_listed_misspelling_is_always_flagged(lint):
    result = lint("The envoy from the Phillipines did not attend.")
    assert result.flagged == [("misspelled", "Phillipines")]
    assert result.issues[0].replacements == ("Philippines",)


def test_accepted_vocabulary_silences_a_near_miss(lint):
    text = "Indian Prime Minister Nahedra Modi arrived."
    assert lint(text, accept=["Nahedra"]).flagged == []


def test_canonical_names_feed_the_accepted_vocabulary(engine):
    from lint.config import Config

    ruleset = engine.ruleset(Config(packs=["names"], languagetool={"enabled": False}))
    assert {"narendra", "modi", "zelenskyy", "erdoğan", "gerasimov", "jong", "un"} <= set(
        ruleset.accepted
    )
    assert "phillipines" not in ruleset.accepted


def test_a_newsroom_pack_with_inline_entities(lint, write):
    pack = write(
        "city.yaml",
        """\
        name: city
        description: Local names.
        entities:
          - name: Margarethe Vestergaard-Holm
            type: person
            roles: [{title: Mayor of Aarhus, from: 2022-01-01}]
        rules:
          - id: misspelled
            kind: names
            ignore: [Margarethe Vestergard]
            examples:
              bad: [Mayor Margarethe Vestergaard-Hlom spoke.]
              good: [Mayor Margarethe Vestergaard-Holm spoke.]
        """,
    )
    result = lint("Mayor Margarethe Vestergaard-Hlom opened the bridge.", packs=[str(pack)])
    assert result.flagged == [("misspelled", "Margarethe Vestergaard-Hlom")]
    assert "(Mayor of Aarhus)" in result.issues[0].message
    assert lint("Margarethe Vestergard opened it.", packs=[str(pack)]).flagged == []
