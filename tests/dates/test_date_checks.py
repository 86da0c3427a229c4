"""The date checks on whole drafts: messages quote both sides and the computed value,
a missing publication date is said once, and the real article's contradiction is found."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lint import document
from lint.config import Config

PUB = dt.date(2025, 4, 28)
ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "kursk-2025.txt"


def lint(engine, text: str, pubdate: dt.date | None = PUB, kind: str = "text", select=("dates.*",)):
    config = Config(packs=["dates"], select=list(select), languagetool={"enabled": False})
    doc = document.parse(text, kind)
    doc.pubdate = pubdate or doc.pubdate
    return engine.lint([("draft", doc)], config)[0]


def test_weekday_message_names_both_sides(engine):
    (issue,) = lint(engine, "The vote is on Saturday, 13 August 2025.").issues
    assert issue.rule == "dates.weekday-mismatch"
    assert issue.message == (
        "'Saturday' contradicts '13 August 2025': August 13, 2025 is a Wednesday."
    )
    assert issue.replacements == ("Wednesday",)
    assert not issue.fixable  # the date may be the wrong half


def test_relative_conflict_quotes_the_other_expression(engine):
    text = "Tracked since October 2023, the troops were deployed last October."
    (issue,) = lint(engine, text).issues
    assert issue.rule == "dates.relative-conflict"
    assert "'last October' (October 2024)" in issue.message
    assert issue.replacements == ("October 2024",)


def test_the_publication_date_comes_from_front_matter(engine):
    text = "---\ndate: 2025-04-28\n---\n\nTracked since October 2023, troops left last October.\n"
    result = lint(engine, text, pubdate=None, kind="markdown")
    assert [i.rule for i in result.issues] == ["dates.relative-conflict"]
    assert result.issues[0].line == 5


def test_no_publication_date_is_said_once(engine):
    text = "Tracked since October 2023, troops left last October. Tuesday, March 4, was calm."
    result = lint(engine, text, pubdate=None)
    assert result.issues == []
    notes = [n for n in result.notes if "publication date" in n]
    assert len(notes) == 1


def test_arithmetic_messages_carry_the_computed_value(engine):
    text = "The three-year war that began in February 2022 has displaced millions."
    (issue,) = lint(engine, text, dt.date(2027, 4, 28)).issues
    assert issue.rule == "dates.duration"
    assert "5 years since February 2022" in issue.message
    text = "Founded in 1947, the club celebrates its 85th anniversary this year."
    (issue,) = lint(engine, text, dt.date(2027, 3, 1)).issues
    assert "80th (2027 − 1947)" in issue.message
    assert issue.replacements == ("80th anniversary",)


TRICKY_GOOD = """\
Allied troops landed in Normandy on Tuesday, June 6, 1944, and the war in Europe ended in May 1945.
The festival runs from Dec. 28 to Jan. 3, with concerts Monday to Friday, 9 a.m. to 5 p.m.
Leap-day babies born on Feb. 29, 2000, celebrated on Feb. 29, 2024, at the town hall.
“Last October was the worst month,” she said of the 2019 floods.
The vote, first set for March 9, was moved to March 3.
SCHEDULE: Tuesday, March 4 – hearings; Friday, March 7 – verdict
The war that began in February 2022 is now in its fourth year, and talks resumed last October.
The summit will take place in Geneva on June 12, and leaders agreed on Monday to attend.
"""


def test_tricky_good_text_is_left_alone(engine):
    result = lint(engine, TRICKY_GOOD, dt.date(2025, 2, 20))
    assert [f"{i.rule}: {i.message}" for i in result.issues] == []


@pytest.mark.skipif(not ARTICLE.exists(), reason=f"the shared corpus is absent ({ARTICLE})")
def test_the_real_article_contradicts_itself_once(engine):
    """ "since October 2023" (line 7) vs "last October" (line 31): the troops went in
    October 2024. Its other dates — "last August", "February 2022" and a "three-year
    conflict", "the 80th anniversary" of 1945 in 2025, "May 9" ahead — are right."""
    text = ARTICLE.read_text("utf-8")
    result = lint(engine, text)
    found = [(i.rule, i.line, i.replacements) for i in result.issues]
    assert found == [("dates.relative-conflict", 7, ("October 2024",))]
