"""Durations, past events and weekdays as real news writes them: what a copy editor
would mark, and the look-alikes measured on real news that are right."""

from __future__ import annotations

import datetime as dt

import pytest

from lint import document
from lint.config import Config


def rules(engine, text: str, pubdate: str) -> list[str]:
    config = Config(packs=["dates"], languagetool={"enabled": False})
    doc = document.parse(text, "text")
    doc.pubdate = dt.date.fromisoformat(pubdate)
    return [i.rule for i in engine.lint([("draft", doc)], config)[0].issues]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # four years have passed: "three" is within the rounding news copy does
        ("Three years after it was founded in 2021, the firm employs 300 people.", False),
        ("Four years after it was founded in 2021, the firm employs 300 people.", False),
        ("Six years after it was founded in 2021, the firm employs 300 people.", True),
        ("One year after it was founded in 2021, the firm employs 300 people.", True),
        ("It is now six years since the war began in 2022.", True),
        ("It is now three years since the war began in 2022.", False),
        # told in the past, it names a moment on the way: only a count too long is wrong
        ("Two years after it was founded in 2021, the firm went public.", False),
        ("Six years after it was founded in 2021, the firm went public.", True),
        # will: not a count to the publication date
        ("Ten years after it was founded in 2021, the firm will list its shares.", False),
    ],
)
def test_a_count_after_a_founding_runs_to_the_publication_date(engine, text, flagged):
    assert (rules(engine, text, "2025-06-01") == ["dates.duration"]) is flagged


@pytest.mark.parametrize(
    "text",
    [
        # the length of something that has ended or is planned
        "A 10-day holiday began on May 19, the palace said.",
        "The two-day debate began last week but was suspended.",
        "The inquiry looked into the 51-day war, which began in July 2014.",
        "The council has drawn up a five-year plan, beginning in 2025, for the river.",
        # the start belongs to something else in the sentence
        "The satellite has completed four months of tests since it was launched on Jan. 16.",
        "The currency rose 2.6 percent in two days, its biggest gain since 2010.",
        "Records have been kept since 1861, so 26 days above 30C is notable.",
        "Most staff hired since 2012 get 30 days of leave a year.",
        "The index hit its highest level since December 2015, with stocks at a nine-year high.",
        "It was the first such inspection in the past 20 years, said Li, who started there in 1993.",
        # a part of the time, not all of it
        "Thousands died in the first 10 years since the war began in 2001.",
        "At the beginning of 1973, after nearly three decades outside, Britain joined.",
        # a frequency
        "The cup is held every four years after it was founded in 1950.",
    ],
)
def test_durations_that_do_not_count_from_the_start_are_left_alone(engine, text):
    assert rules(engine, text, "2025-06-01") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The three-year war that began in February 2022 has displaced millions.", True),
        ("Since March 2015, the 18-month blockade has emptied the port.", True),
        ("The five-year war that began in February 2022 has displaced millions.", False),
    ],
)
def test_durations_tied_to_their_start_are_still_checked(engine, text, flagged):
    assert (rules(engine, text, "2027-04-28") == ["dates.duration"]) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Universal suffrage is now hoped for in 2020.", False),  # "hoped": not "hop"
        ("In the run-up to an election next week, the government cited security.", False),
        ("The operator's model showed shortfalls in 2018/19.", False),  # a financial year
        ("The two leaders met in Moscow on May 12, 2017.", True),
        ("The report was released next month.", True),
    ],
)
def test_past_events_dated_after_publication(engine, text, flagged):
    assert (rules(engine, text, "2017-03-09") == ["dates.past-event-in-future"]) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # April 14 was a Thursday in 2016: a March 2017 story telling last spring
        ("On Thursday, 14 April, a surgeon asked for the list to be cancelled.", False),
        ("On Wednesday, 14 April, a surgeon asked for the list to be cancelled.", True),
        ("The hearing is on Thursday, 14 April.", True),  # ahead: April 14, 2017 is a Friday
        ("On Thursday, 14 April, the surgeon will operate.", True),
    ],
)
def test_a_yearless_weekday_told_in_the_past_may_be_last_years(engine, text, flagged):
    assert (rules(engine, text, "2017-03-30") == ["dates.weekday-mismatch"]) is flagged


def test_a_range_with_one_year_keeps_its_weekdays_in_that_year(engine):
    # Nov. 3, 2020 was a Tuesday; in 2025 (nearest the pubdate) it is a Monday
    text = "Polls were open from Tuesday, Nov. 3 to Friday, Nov. 6, 2020."
    assert rules(engine, text, "2025-06-01") == []
    text = "Polls were open from Monday, Nov. 3 to Friday, Nov. 6, 2020."
    assert rules(engine, text, "2025-06-01") == ["dates.weekday-mismatch"]
