"""Quotation marks read locally (lint.document.quotes): the convention of a quotation
reopened in each paragraph is fine, a lost mark is reported once, where it is."""

from __future__ import annotations

import pytest

from lint.document import quotes


def unpaired(text: str) -> tuple[list[str], list[str]]:
    """(the text after each unopened mark, the text after each unclosed mark)."""
    found = [quotes.read(text, family=family) for family in quotes.FAMILIES]
    unopened = [text[p : p + 12] for q in found for p in q.unopened]
    unclosed = [text[p : p + 12] for q in found for p in q.unclosed]
    return unopened, unclosed


@pytest.mark.parametrize(
    "text",
    [
        '"We will appeal," he said. "The ruling is wrong.',  # unclosed at the end: see below
    ],
)
def test_a_quotation_left_open_at_the_end_of_its_paragraph_is_unclosed(text):
    assert unpaired(text) == ([], ['"The ruling '])


@pytest.mark.parametrize(
    "text",
    [
        # paragraphs joined into one line: each reopens without closing the last
        '"The bridge will reopen in May. "It will take two years," the mayor said.',
        '"We will appeal," he said. "The ruling is wrong. "And we will win," he added.',
        "“The bridge will reopen in May. “It will take two years,” the mayor said.",
        # another family's marks inside a quotation
        '“He said "no" to me,” she recalled.',
        '"No," she said.',
        "The ’90s were different, she said.",
        'He called it a "reform" and left.',
    ],
)
def test_paired_and_conventional_quotations_are_fine(text):
    assert unpaired(text) == ([], [])


def test_a_lost_opening_mark_is_reported_once_at_its_closing_mark():
    text = '"The bridge will reopen," the mayor said. It will take two years," she added. "Then we rest."'
    unopened, unclosed = unpaired(text)
    assert unopened == ['" she added.']
    assert unclosed == []


def test_the_next_paragraph_reopening_continues_the_quotation():
    text = '"We will rebuild the bridge.\n\n"And it will cost less," she said.'
    paragraphs = [(0, 28), (30, len(text))]
    found = quotes.quotations(text, paragraphs, quotes.FAMILIES[2])
    assert [q.unclosed for q in found] == [[], []]
    spans = quotes.quoted_spans(text, paragraphs)
    assert spans[0] == (0, 28)


def test_inside_a_quotation():
    text = 'The mayor said "we did it in order to win" on Monday.'
    spans = quotes.quoted_spans(text)
    start = text.index("in order")
    assert quotes.inside(spans, start, start + 11)
    assert not quotes.inside(spans, text.index("Monday"), text.index("Monday") + 6)


def test_a_lost_closing_mark_is_reported_before_the_attribution():
    text = '"We will rebuild the bridge, the mayor said. "It will take two years."'
    found = quotes.read(text, family=quotes.FAMILIES[2])
    assert [text[p - 7 : p] for p in found.cut] == ["bridge,"]  # the mark goes after the comma
    assert found.unopened == found.unclosed == []


def test_an_attribution_in_mid_sentence_or_inside_a_quotation_says_nothing():
    for text in (
        '"There is a saying, every child knows it, it says: eat well," she said.',
        '"In violation of the accords, Petrenko said, the authorities shelled the town."',
    ):
        assert quotes.read(text, family=quotes.FAMILIES[2]).cut == []
