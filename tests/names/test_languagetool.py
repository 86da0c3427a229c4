"""The names pack with the real LanguageTool server: a speller match on a slip of a name the
draft uses is reported once, by names.inconsistent, with the draft's form; one on a name the
draft uses consistently stays set apart (the server runs in its own state directory)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lint import document
from lint.config import Config
from lint.engine import Engine
from lint.languagetool import LanguageToolSettings, server
from lint.languagetool.backend import LanguageToolBackend
from lint.languagetool.install import install, is_installed

pytestmark = [pytest.mark.languagetool, pytest.mark.xdist_group("languagetool")]


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    jars = LanguageToolSettings(url=None).jars
    if not is_installed(jars):
        install(LanguageToolSettings(url=None))
    base = tmp_path_factory.mktemp("lt-names")
    found = LanguageToolSettings(url=None, cache_dir=base, jar_dir=jars, idle_timeout=120)
    yield found
    server.stop_server(found)


@pytest.fixture(scope="module")
def lint_lt(settings):
    backends: dict[str, LanguageToolBackend] = {}

    def backend(config):  # one per language variety, on the module's server
        if config.language not in backends:
            backends[config.language] = LanguageToolBackend(
                dataclasses.replace(settings, language=config.language)
            )
        return backends[config.language]

    engine = Engine(languagetool=backend)

    def run(text: str, language: str = "en-US") -> list[tuple[str, str, tuple[str, ...]]]:
        doc = document.parse(text, "text")
        doc.pubdate = dt.date(2025, 4, 28)
        (result,) = engine.lint([("draft", doc)], Config(packs=["names"], language=language))
        assert not result.errors, result.errors
        return [
            (i.rule, doc.text[i.extra["plain_offset"] :][: i.extra["plain_length"]],
             i.replacements)
            for i in result.issues
            if i.category in ("names", "spelling")
        ]  # fmt: skip

    return run


def test_a_slip_only_the_speller_can_confirm_is_reported_by_the_names_pack(lint_lt):
    # each form once, both inside a whole name: the counts cannot tell which is right,
    # the speller flags the odd word, and the usual form comes first
    text = (
        "The Wirrabee Shire approved the depot on Monday.\n\n"
        "Councillors of the Wirabee Shire will vote on the budget in June.\n"
    )
    assert lint_lt(text) == [("names.inconsistent", "Wirabee", ("Wirrabee",))]


def test_a_short_slip_is_reported_once(lint_lt):
    text = (
        "Detective Inspector Sue Kerr led the search. Kerr said the boat was found at dawn. "
        "Inspector Keer thanked the volunteers.\n"
    )
    assert lint_lt(text) == [("names.inconsistent", "Keer", ("Kerr",))]


def test_names_used_consistently_stay_set_apart(lint_lt):
    text = (
        "Mayor Joan Tierney opened the Wodonga depot. Tierney said Wodonga had waited years. "
        "Her deputy, Sam Okafor, agreed, and Okafor said the depot would employ 40 people.\n"
    )
    assert lint_lt(text) == []


def test_two_letters_apart_a_person_is_no_slip_of_a_university(lint_lt):
    # the speller flags "Harford", and two slips from "Harvard" wait for it; but a person
    # named in full is not a slip of a name never used for a person
    text = "The Harvard study was cited. Tim Harford wrote about the Harvard data.\n"
    assert [f for f in lint_lt(text) if f[0].startswith("names.")] == []


def test_a_dropped_final_letter_confirmed_by_the_speller_is_reported(lint_lt):
    # "Amankw" for "Amankwa": an ending ("-a") that makes feminine forms of some names, so
    # only the speller can say it is a slip
    text = (
        "Councillor Ruth Amankwa opened the hall on Monday. Amankwa said it cost less than "
        "planned. Later Amankw thanked the builders.\n"
    )
    assert lint_lt(text) == [("names.inconsistent", "Amankw", ("Amankwa",))]


def speller_words(found) -> list[str]:
    return [word for rule, word, _ in found if rule.startswith("languagetool.MORFOLOGIK")]


def test_a_misspelt_place_of_the_drafts_country_is_reported(lint_lt):
    # spaCy takes "Pitwater" for a place and the speller does not know "Pittwater" (it
    # suggests "Pit water"), but GeoNames has the city in Australia one letter away
    text = (
        '"Branches came down all over the street," Ms Hale said. Pitwater, Bankstown and '
        "Hurstville were the worst hit.\n"
    )
    assert speller_words(lint_lt(text, language="en-AU")) == ["Pitwater"]


def test_a_misspelt_people_and_a_headline_word_are_reported(lint_lt):
    text = (
        "How Much Suger Is Too Much for Children?\n\n"
        "Doctors told the partisan Australain crowd at the forum that less is better.\n"
    )
    assert speller_words(lint_lt(text, language="en-AU")) == ["Suger", "Australain"]


def test_a_slip_of_a_dictionary_name_is_reported_when_the_speller_suggests_it(lint_lt):
    # two slips of "Tasmania", a word of the dictionary: the draft alone cannot tell it
    # from another name ("Gerzean" is no slip of "German"), but the speller flags
    # "Tasmnai" and suggests "Tasmania", which the draft uses three times
    text = (
        "Flooding closed roads across Tasmania on Monday. Tasmania's premier said the "
        "damage in Tasmania was the worst since 2016. Crews from Tasmnai will help.\n"
    )
    assert lint_lt(text) == [("names.inconsistent", "Tasmnai", ("Tasmania",))]


def test_a_name_made_from_another_with_an_ending_is_not_a_slip(lint_lt):
    # the speller knows neither "Khasic" nor "Palaungic"; an ending is no slip of the keys
    text = (
        "The Khasi language is spoken in Meghalaya. Khasi has several dialects. Some "
        "linguists group Khasic with Palaungic.\n"
    )
    assert [f for f in lint_lt(text) if f[0].startswith("names.")] == []


def test_two_slips_of_the_keys_in_a_dictionary_name_are_reported(lint_lt):
    # "Hobart" is a word of the dictionary, and "Hpbrat" two slips of the keys from it
    # (a key beside, a swap): the speller flags it, the usual form comes first
    text = (
        "The festival opened in Hobart on Friday. Crowds filled Hobart's waterfront, and "
        "Hobart's mayor spoke. Visitors to Hpbrat were told to book early.\n"
    )
    assert lint_lt(text) == [("names.inconsistent", "Hpbrat", ("Hobart",))]
