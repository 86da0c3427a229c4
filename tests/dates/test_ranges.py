"""Ranges as news copy writes them: a year written once for both ends, years BC,
full dates joined by a dash, seasons that wrap, and numbers that only look like days."""

from __future__ import annotations

import datetime as dt

import pytest

from lint.timex import find, ranges

PUB = dt.date(2025, 6, 1)


def backwards(text: str, pubdate: dt.date | None = PUB) -> list[tuple[str, bool]]:
    return [(r.text, r.backwards()) for r in ranges(text, find(text, pubdate))]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The strike ran between Nov. 20 and Nov. 3, 2019.", [("Nov. 20 and Nov. 3, 2019", True)]),
        ("The strike ran between Nov. 3 and Nov. 20, 2019.", [("Nov. 3 and Nov. 20, 2019", False)]),
        ("Polls opened from Dec. 28 to Jan. 3, 2020.", [("Dec. 28 to Jan. 3, 2020", False)]),
        ("Polls opened from Dec. 28, 2019, to Jan. 3.", [("Dec. 28, 2019, to Jan. 3", False)]),
        ("The count ran from March 9 to Feb. 2, 2021.", [("March 9 to Feb. 2, 2021", True)]),
    ],
)
def test_a_year_written_once_is_shared_by_both_ends(text, found):
    assert backwards(text) == found
    assert backwards(text, None) == found  # the year comes from the text, not the pubdate


def test_a_yearless_end_is_resolved_in_its_partners_year():
    first, _ = find("between Nov. 3 and Nov. 20, 2019", PUB)
    assert first.first == dt.date(2019, 11, 3)  # not November 2025, nearest the pubdate
    assert first.year is None  # as written
    start, _ = find("from Dec. 28 to Jan. 3, 2020", PUB)
    assert start.first == dt.date(2019, 12, 28)
    _, end = find("from Dec. 28, 2019, to Jan. 3", PUB)
    assert end.first == dt.date(2020, 1, 3)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Farming spread from 3000 to 2500 BC.", [("3000 to 2500 BC", False)]),
        ("Farming spread from 2500 to 3000 BC.", [("2500 to 3000 BC", True)]),
        ("The site was used between 1500 and 1200 B.C.", [("1500 and 1200 B.C.", False)]),
        ("The site was used between 1200 and 1500 B.C.", [("1200 and 1500 B.C.", True)]),
        ("Pottery dates from 1500–1200 BCE at the site.", [("1500–1200 BCE", False)]),
        ("Pottery dates from 1200–1500 BCE at the site.", [("1200–1500 BCE", True)]),
        ("The town stood from 3000 BC to AD 200.", [("3000 BC to AD 200", False)]),
        ("The town stood from 200 BC to 100 BC.", [("200 BC to 100 BC", False)]),
        ("The town stood from 100 to 200 CE.", [("100 to 200 CE", False)]),
        ("The town stood from 200 to 100 CE.", [("200 to 100 CE", True)]),
        ("The town stood from AD 200 to 100.", []),  # only the second year has no era: unsure
        ("The town stood from 500 BC to 200.", []),  # 200 BC or AD 200? not said
    ],
)
def test_years_bc_count_backwards(text, found):
    assert backwards(text) == found


def test_a_year_bc_is_not_a_year_of_the_calendar():
    assert find("Rome was founded in 753 BC, and Troy fell in 1184 BC.", PUB) == []
    assert [t.text for t in find("From 1500 to 1200 BC the city grew; in 1950 it was dug.")] == [
        "1950"
    ]
    # British Columbia, not an era: a year of the calendar
    assert [t.year for t in find("The 2017 BC election was close.", PUB)] == [2017]
    assert [t.year for t in find("In 2017 BC Liberals lost.", PUB)] == [2017]


@pytest.mark.parametrize(
    "text",
    [
        "The composer (4 March 1931 – 17 June 2010) wrote nine operas.",
        "The composer (March 4, 1931 – June 17, 2010) wrote nine operas.",
        "The composer lived from 4 March 1931 to 17 June 2010.",
    ],
)
def test_full_dates_joined_by_a_dash_are_read_whole(text):
    found = ranges(text, find(text, PUB))
    assert len(found) == 1
    assert "1931" in found[0].text and "2010" in found[0].text
    assert not found[0].backwards()


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Ski resorts open from November to April.", False),
        ("Classes run from September to June.", False),
        ("The season runs from October to May each year.", False),
        ("Prices were tracked between July and January 2017.", False),
        ("Prices were tracked between July 2016 and January.", False),
        ("The festival runs from March 9 to March 3.", True),  # days do not wrap that far
    ],
)
def test_months_alone_make_a_season_that_wraps(text, flagged):
    assert [b for _, b in backwards(text)] == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Treasury balances rose on Feb 27 to 3.482 billion dlrs.",
        "Oil demand in the four weeks ended February 27 to 16.39 mln barrels rose.",
        "Balances fell on March 5 to 3 billion dlrs from 3.9 billion.",
        "Exports for the period July 1/February 13 to 2.99 mln tonnes were firm.",
        "Output rose on March 9 to 3 percent.",
        "Shares rose on March 9 to 3 others' surprise.",
    ],
)
def test_a_date_followed_by_a_quantity_is_not_a_range(text):
    assert backwards(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The festival runs March 9 to 3.", True),
        ("The festival runs from March 9 to 3 in Geneva.", True),
        ("The festival runs March 9–3 in Geneva.", True),
        ("The festival runs March 3 to 9, 2026.", False),
    ],
)
def test_compact_day_ranges_still_read(text, flagged):
    assert [b for _, b in backwards(text)] == [flagged]
