"""Finding and resolving time expressions: the shapes news copy uses, read against the
publication date the way a copy editor reads them."""

from __future__ import annotations

import datetime as dt

import pytest

from lint.timex import find, ranges

PUB = dt.date(2025, 4, 28)  # a Monday


def one(text: str, pubdate: dt.date | None = PUB):
    found = find(text, pubdate)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("on March 4, 2025,", "2025-03-04", "2025-03-04"),
        ("on 4 March 2025.", "2025-03-04", "2025-03-04"),
        ("Tuesday, March 4, the", "2025-03-04", "2025-03-04"),
        ("Tue., March 4 at", "2025-03-04", "2025-03-04"),
        ("Sept. 3", "2025-09-03", "2025-09-03"),
        ("Nov. 3", "2024-11-03", "2024-11-03"),  # nearer to April 2025 than Nov. 2025
        ("since October 2023.", "2023-10-01", "2023-10-31"),
        ("last October,", "2024-10-01", "2024-10-31"),
        ("next October,", "2025-10-01", "2025-10-31"),
        ("this year", "2025-01-01", "2025-12-31"),
        ("next month", "2025-05-01", "2025-05-31"),
        ("last week", "2025-04-21", "2025-04-27"),
        ("three years ago", "2022-01-01", "2022-12-31"),
        ("yesterday", "2025-04-27", "2025-04-27"),
        ("in the 1990s", "1990-01-01", "1999-12-31"),
        ("in the ’90s", "1990-01-01", "1999-12-31"),
        ("since 1945,", "1945-01-01", "1945-12-31"),
        ("2024-06-19", "2024-06-19", "2024-06-19"),
        ("last Monday", "2025-04-21", "2025-04-21"),
        ("next Friday", "2025-05-02", "2025-05-02"),
    ],
)
def test_resolved_against_the_publication_date(text, first, last):
    t = one(text)
    assert (str(t.first), str(t.last)) == (first, last)


def test_the_written_parts_are_kept():
    t = one("Saturday, 13 August 2025")
    assert (t.weekday, t.day, t.month, t.year) == (5, 13, 8, 2025)


def test_a_yearless_date_near_a_year_end_is_read_in_the_nearer_year():
    assert one("Dec. 28", dt.date(2025, 1, 3)).first == dt.date(2024, 12, 28)
    assert one("Jan. 3", dt.date(2024, 12, 28)).first == dt.date(2025, 1, 3)


def test_impossible_days_are_marked_not_repaired():
    assert one("Feb. 30, 2025").calendar_error
    assert one("April 31").calendar_error
    assert one("Feb. 29, 2023").calendar_error
    assert not one("Feb. 29, 2024").calendar_error
    assert one("Feb. 29", dt.date(2025, 4, 28)).calendar_error
    assert not one("Feb. 29", None).calendar_error  # an unknown year may be a leap year


def test_without_a_publication_date_relative_expressions_stay_unresolved():
    assert one("last October", None).first is None
    assert one("March 4", None).first is None
    assert one("March 4, 2025", None).first == dt.date(2025, 3, 4)


@pytest.mark.parametrize(
    "text", ["He may 4 times", "They march 3 miles", "The 2,000 troops", "at 9:30", "2024 people"]
)
def test_things_that_are_not_dates(text):
    assert find(text, PUB) == []


def test_quotations_are_marked():
    t = one("“Last May was hard,” he said.")
    assert t.quoted


@pytest.mark.parametrize(
    ("text", "backwards"),
    [
        ("from March 9 to March 3", True),
        ("from March 3 to March 9", False),
        ("March 19–12", True),
        ("March 12–19, 2025", False),
        ("2021–2019", True),
        ("1939–45", False),
        ("1999–00", False),
        ("from Dec. 28 to Jan. 3", False),
        ("from Dec. 30, 2024, to Jan. 2, 2025", False),
        ("from Jan. 5, 2025, to Dec. 20, 2024", True),
        ("between 2019 and 2017", True),
        ("moved from March 9 to March 3", None),  # a change of date, not a range
    ],
)
def test_ranges(text, backwards):
    found = ranges(text, find(text, PUB))
    if backwards is None:
        assert found == []
    else:
        assert [r.backwards() for r in found] == [backwards]
