"""world.holiday: a holiday beside a date that is not its date that year and country."""

from __future__ import annotations

import datetime as dt

import pytest

from lint.checks.holidays import restyle
from lint.timex import find


@pytest.mark.parametrize(
    ("text", "pubdate", "date", "right"),
    [
        ("Halloween, October 30, falls on a Monday.", dt.date(2023, 10, 1), "October 30", "October 31"),
        ("Memorial Day, Monday, May 22, 2023, opens summer.", dt.date(2023, 5, 1),
         "Monday, May 22, 2023", "Monday, May 29, 2023"),
        ("Good Friday, April 8, 2023, closed the markets.", dt.date(2023, 3, 1), "April 8, 2023", "April 7, 2023"),
        ("Thanksgiving, Nov. 27, is the busiest travel day.", dt.date(2015, 11, 2), "Nov. 27", "Nov. 26"),
        ("Families gathered for Thanksgiving in Canada, Oct. 16.", dt.date(2023, 10, 1), "Oct. 16", "Oct. 9"),
        ("Easter Sunday falls on April 2 this year.", dt.date(2024, 2, 1), "April 2", "March 31"),
    ],
)  # fmt: skip
def test_a_holiday_on_the_wrong_day(lint_world, text, pubdate, date, right):
    (issue,) = lint_world(text, pubdate)[0]
    assert text[issue.offset : issue.offset + issue.length] == date
    assert list(issue.replacements) == [right]
    assert "holidays " in issue.message  # the package and its version


def test_the_draft_language_chooses_the_country(lint_world):
    text = "Shops reopen on Boxing Day, Dec. 27."
    assert lint_world(text, dt.date(2022, 12, 1), language="en-GB")[0]
    assert (
        lint_world("Shops reopen on Boxing Day, Dec. 26.", dt.date(2022, 12, 1), "en-GB")[0] == []
    )


@pytest.mark.parametrize(
    ("text", "pubdate"),
    [
        ("Federal offices close for Christmas Day (observed), Monday, Dec. 26.", dt.date(2022, 12, 1)),
        ("New Year's Day falls on a Sunday, so offices close on New Year's Day, Jan. 2.", dt.date(2016, 12, 20)),
        ("Shoppers lined up on the day after Thanksgiving, Nov. 24.", dt.date(2023, 11, 1)),
        ("Offices in Western Australia close for the King's Birthday, Sept. 25.", dt.date(2023, 9, 1)),
        ("“Christmas, December 20, was when we met,” she said.", dt.date(2023, 12, 1)),
        ("Kenyans marked Independence Day, Dec. 12, with parades.", dt.date(2023, 12, 1)),
        ("Easter weekend, April 1 to 4, saw record traffic.", dt.date(2021, 3, 20)),
        ("In Greece, Easter Sunday, April 16, follows the Orthodox calendar.", dt.date(2023, 4, 1)),
        ("Russians marked Christmas, Jan. 7, with services.", dt.date(2023, 1, 3)),
        ("Election Day, June 5, decides the primary.", dt.date(2018, 5, 1)),
        ("Victory Day, May 9, brought a parade to Moscow.", dt.date(2023, 5, 1)),
    ],
)  # fmt: skip
def test_observed_days_varying_states_and_relative_dates_are_left_alone(lint_world, text, pubdate):
    assert lint_world(text, pubdate)[0] == []


def test_a_yearless_date_without_a_publication_date_is_a_note_not_a_guess(lint_world):
    issues, notes = lint_world("Halloween, October 30, falls on a Monday.", None)
    assert issues == []
    assert any("publication date" in n for n in notes)


@pytest.mark.parametrize(
    ("written", "right", "expected"),
    [
        ("Oct. 30", dt.date(2023, 10, 31), "Oct. 31"),
        ("30 October", dt.date(2023, 10, 31), "31 October"),
        ("Monday, Oct. 30, 2023", dt.date(2023, 10, 31), "Tuesday, Oct. 31, 2023"),
        ("Sept. 30", dt.date(2023, 10, 1), "Oct. 1"),
        ("Aug. 30", dt.date(2023, 7, 1), "July 1"),
        ("July 3rd", dt.date(2023, 7, 4), "July 4th"),
    ],
)
def test_the_replacement_keeps_the_style_written(written, right, expected):
    (t,) = [t for t in find(written, dt.date(2023, 6, 1)) if t.kind == "date"]
    assert restyle(written, t, right) == expected
