"""Spelling suggestions made in Python (the server skips them)."""

from __future__ import annotations

import pytest

from lint.languagetool import server, suggest
from lint.languagetool.backend import LanguageToolBackend
from lint.languagetool.settings import LanguageToolSettings

from .support import lt_match

PLACEHOLDER = suggest.PLACEHOLDER


def test_the_placeholder_is_told_apart_from_suggestions():
    assert suggest.is_placeholder(["(suggestion limit reached)"])
    assert suggest.is_placeholder(["(Suggestion limit reached)"])  # at a sentence start
    assert not suggest.is_placeholder(["received"])
    assert not suggest.is_placeholder(["(suggestion limit reached)", "received"])
    assert not suggest.is_placeholder([])


def test_english_variants_have_their_own_dictionary():
    assert suggest.dictionary_name("en-US") == "en_US"
    assert suggest.dictionary_name("en") == "en_US"
    assert suggest.dictionary_name("en-GB") == "en_GB"
    assert suggest.dictionary_name("en-AU") == "en_AU"
    assert suggest.dictionary_name("de-DE") is None


def test_nearer_then_more_frequent_first_in_the_words_capitals():
    words = "government 20 governor 18 WhatsApp 5 relieved 9 received 16 guarantee 14 the 25 ten 15"
    pairs = words.split()
    speller = suggest.Speller.from_entries(zip(pairs[::2], map(int, pairs[1::2]), strict=True))
    assert speller.suggest("recieved") == ("received", "relieved")
    assert speller.suggest("Goverment") == ("Government",)
    assert speller.suggest("GOVERMENT") == ("GOVERNMENT",)
    assert speller.suggest("Whatsapp") == ("WhatsApp",)  # case alone: nothing further
    assert speller.suggest("Teh") == ("The", "Ten")
    assert speller.suggest("garentee") == ("guarantee",)  # two edits, when one finds nothing
    assert speller.suggest("Sonatrach") == ()


@pytest.fixture(scope="module")
def speller(real_jars):
    found = suggest.speller_for(real_jars, "en-US")
    assert found is not None
    return found


def test_languagetools_own_dictionary_is_read_from_its_jar(speller, real_jars):
    assert ("government" in speller.forms) and ("goverment" not in speller.forms)
    assert speller.suggest("goverment")[0] == "government"
    assert speller.suggest("Whatsapp")[0] == "WhatsApp"
    assert speller.suggest("Teh")[0] == "The"
    assert speller.suggest("negelected")[0] == "neglected"
    assert speller.suggest("prizemoney") == ("prize money",)  # two words run together
    assert speller.suggest("reprioritised") == ("reprioritized",)  # no "re prioritised"
    assert "pre orders" not in speller.suggest("preorders")  # as LanguageTool drops them
    assert speller.suggest("Shuang")[:2] == ("Huang", "Shang")  # no "S huang": "huang" is no word
    assert suggest._cache_path(real_jars, "en_US").exists()  # later processes load it


def test_a_placeholder_from_the_server_becomes_suggestions(fake_lt, real_jars):
    def respond(text):
        matches = [lt_match(text, "goverment", replacements=(PLACEHOLDER,))]
        matches += [lt_match(text, "colour", replacements=("color",))]
        return 200, {"matches": matches}

    fake = fake_lt(respond)
    settings = LanguageToolSettings(url=fake.url, jar_dir=real_jars)
    findings = LanguageToolBackend(settings).check("The goverment chose the colour.")
    assert [f.replacements[0] for f in findings] == ["government", "color"]


def test_without_a_dictionary_the_placeholder_is_never_shown(fake_lt, tmp_path):
    def respond(text):
        return 200, {"matches": [lt_match(text, "goverment", replacements=(PLACEHOLDER,))]}

    fake = fake_lt(respond)
    settings = LanguageToolSettings(url=fake.url, jar_dir=tmp_path)  # no jars there
    [finding] = LanguageToolBackend(settings).check("The goverment chose.")
    assert finding.replacements == ()


def test_the_managed_server_skips_suggestions_only_when_factlint_makes_them():
    ours = server.server_properties(LanguageToolSettings(url=None))
    assert ours["maxSpellingSuggestions"] == "-1"
    stock = LanguageToolSettings(url=None, spelling_suggestions="languagetool")
    assert "maxSpellingSuggestions" not in server.server_properties(stock)
    german = LanguageToolSettings(url=None, language="de-DE")
    assert "maxSpellingSuggestions" not in server.server_properties(german)
    with pytest.raises(ValueError, match="spelling_suggestions"):
        LanguageToolSettings.from_mapping({"spelling_suggestions": "hunspell"})
