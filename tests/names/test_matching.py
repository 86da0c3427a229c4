"""The pieces under the checks: folding, the index's narrow fuzzy match, mention extraction."""

from __future__ import annotations

import pytest

from lint.names.entities import Entity
from lint.names.fold import close, fold, tight
from lint.names.index import NameIndex, derived
from lint.names.mentions import names


def test_fold_makes_one_key_of_diacritics_hyphens_and_apostrophes():
    assert fold("Recep Tayyip Erdoğan") == fold("recep tayyip erdogan")
    assert fold("Kim Jong-un") == fold("Kim Jong Un") == "kim jong un"
    assert fold("O’Neill") == fold("O'Neill")
    assert fold("Støre") == "store" and fold("Łukasz") == "lukasz"
    assert tight("Kim Jongun") == tight("Kim Jong-un")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("gerasimov", "gerasimow", True), ("zelensky", "zelenskyy", True), ("un", "il", False),
     ("jiang", "xiang", False), ("merkel", "merkle", True), ("netanyahu", "netayahu", True)],
)  # fmt: skip
def test_close_words(a, b, same):
    assert close(a, b) is same


def test_derived_words_are_not_slips():
    assert derived("americans", "america", "place")
    assert derived("argentine", "argentina", "place")
    assert not derived("phillipines", "philippines", "place")
    assert derived("obamas", "obama", "person")
    assert not derived("zelenskyi", "zelenskyy", "person")


INDEX = NameIndex(
    [
        Entity("Kim Jong Un", "person", variants=("Kim Jong-un",), surname="Kim"),
        Entity("Kim Jong Il", "person", surname="Kim"),
        Entity("Narendra Modi", "person"),
        Entity("Donald Trump", "person"),
        Entity("Donald Tusk", "person"),
        Entity("Anna Berger", "person"),
        Entity("Anna Burger", "person"),
    ]
)


def test_the_index_knows_whole_names_variants_and_surnames():
    assert INDEX.known("Kim Jong-un")[0].name == "Kim Jong Un"
    assert INDEX.known("KIM JONG UN")[0].name == "Kim Jong Un"
    assert {e.name for e in INDEX.known("Kim")} == {"Kim Jong Un", "Kim Jong Il"}
    assert INDEX.known("Modi")[0].name == "Narendra Modi"


def test_a_near_miss_shares_a_word_and_a_first_letter():
    near = INDEX.near("Nahedra Modi", lambda w: False)
    assert near is not None and near.form == "Narendra Modi"
    assert INDEX.near("Kim Jong Um", lambda w: False) is None  # short words never slip
    assert INDEX.near("Donald Trusk", lambda w: False).form == "Donald Tusk"  # not Trump
    assert INDEX.near("Anna Barger", lambda w: False) is None  # Berger or Burger: say nothing
    assert INDEX.near("Nahedra Modi", lambda w: w == "nahedra") is None  # accepted word
    assert INDEX.near("Kim Jong Il", lambda w: False) is None  # known


def test_mentions_cut_titles_and_stop_at_possessives_and_sentence_ends():
    text = "Indian Prime Minister Nahedra Modi met Russia's Putin. Zelenskyy. Erdogan left."
    found = [(n.text, n.title) for n in names(text)]
    assert found == [
        ("Nahedra Modi", "prime minister"),
        ("Russia", ""),
        ("Putin", ""),
        ("Zelenskyy", ""),
        ("Erdogan", ""),
    ]
    assert [n.text for n in names("Gen. Valery\nGerasimov and George W. Bush spoke.")] == [
        "Valery Gerasimov",
        "George W. Bush",
    ]
