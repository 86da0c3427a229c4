"""The shipped events pack: well-known events dated wrong are flagged with the right date
and the source, years that date something else are not, the real article's treaty date
is found without a fact sheet, dates are compared only as far as they are known, and
`factlint explain` traces every fact to its source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lint import document
from lint.checks.base import Context
from lint.config import Config
from lint.examples import run_pack
from lint.explain import explain
from lint.packs import PackError, load_pack, resolve

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT.parent / "shared" / "corpus" / "kursk-2025.txt"


def lint(engine, text: str, pubdate=dt.date(2025, 4, 28), packs=("events",)):
    config = Config(packs=list(packs), languagetool={"enabled": False})
    doc = document.parse(text, "text")
    doc.pubdate = pubdate
    return engine.lint([("draft", doc)], config)[0]


def test_the_events_pack_passes_its_examples(engine):
    results = run_pack(load_pack(resolve("events")), engine=engine)
    failures = [r.describe() for r in results if not r.ok]
    assert not failures, "\n".join(failures)


def test_a_year_before_the_name_is_corrected_with_the_source(engine):
    (issue,) = lint(
        engine, "Japan shut its reactors after the 2012 Fukushima nuclear disaster."
    ).issues
    assert issue.rule == "events.misdated" and issue.replacements == ("2011",)
    assert "the Fukushima Daiichi nuclear disaster was on March 11, 2011" in issue.message
    assert (
        "(events pack, checked 2026-12-02: Wikipedia 'Fukushima nuclear accident')" in issue.message
    )


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("Veterans of the 2001 Iraq invasion marched in London.", "2003"),
        (
            "The Comprehensive Strategic Partnership treaty that Kim and Putin signed in "
            "June 2023 took effect in December.",
            "June 2024",
        ),
        ("The Chernobyl disaster of 1987 emptied the town of Pripyat.", "1986"),
        ("The Berlin Wall fell in November 1988.", "November 1989"),
    ],
)
def test_wrong_dates_get_the_right_one(engine, text, right):
    (issue,) = lint(engine, text).issues
    assert issue.replacements == (right,)


@pytest.mark.parametrize(
    "text",
    [
        "Ten years after the 2011 Fukushima disaster, in 2021, the first residents returned.",
        "The 2014 report on the 2011 disaster blamed the plant's operator.",
        "The 2021 Fukushima disaster memorial drew thousands.",
        "Officials marked the 10th anniversary of the Fukushima disaster in 2021.",
        "The Iran-Iraq War began in 1980, long before the 2003 Iraq War.",
        "Vietnam and Australia signed a Comprehensive Strategic Partnership in March 2024.",
        "Hamas, which was founded in 1987, founded a charity in 1990.",
        "The 2006 Lebanon War lasted 34 days; the 1982 Lebanon War lasted far longer.",
        "The Brexit referendum of 2016 was followed by the UK's departure in 2020.",
        "Veterans of the 2007 Iraq War gathered in Washington.",
        "“The 2012 Fukushima disaster changed everything,” the mayor said.",
    ],
)
def test_years_that_date_something_else_are_left_alone(engine, text):
    assert lint(engine, text).issues == []


@pytest.mark.skipif(not ARTICLE.exists(), reason=f"the shared corpus is absent ({ARTICLE})")
def test_the_real_article_misdates_the_treaty_without_a_fact_sheet(engine):
    result = lint(engine, ARTICLE.read_text("utf-8"))
    found = [(i.line, i.rule, i.replacements) for i in result.issues]
    assert found == [(25, "events.misdated", ("June 2024",))]


def sheet(write, facts: str, checked: str = "") -> str:
    return write(
        "story.facts.yaml",
        f"name: story\ndescription: x\n{checked}facts:\n{facts}"
        "rules:\n  - id: sheet\n    kind: facts\n",
    )


def test_a_date_is_compared_only_as_far_as_it_is_known(engine, write):
    path = sheet(
        write,
        "  - {subject: the summit, date: 2011-03, event: [held]}\n"
        "  - {subject: the accord, date: 2011-03-11, precision: year, event: [signed]}\n",
    )
    flagged = lambda text: lint(engine, text, packs=[str(path)]).issues  # noqa: E731
    assert flagged("The summit was held on March 12, 2011.") == []
    assert [i.replacements for i in flagged("The summit was held in April 2011.")] == [
        ("March 2011",)
    ]
    assert flagged("The accord was signed in June 2011.") == []
    assert [i.replacements for i in flagged("The accord was signed in 2012.")] == [("2011",)]


def test_an_event_that_lasted_accepts_any_year_within_it(engine, write):
    path = sheet(
        write,
        "  - {subject: the long war, date: 2003-03, end: 2011-12-18, event: [began, ended]}\n",
    )
    issues = lambda text: lint(engine, text, packs=[str(path)]).issues  # noqa: E731
    assert issues("Veterans of the 2007 long war marched.") == []
    assert issues("The long war ended in December 2011.") == []
    assert len(issues("Veterans of the 2013 long war marched.")) == 1
    assert len(issues("The long war began in 2004.")) == 1


def test_a_note_says_when_the_draft_is_newer_than_the_pack(engine, write):
    path = sheet(
        write, "  - {subject: the summit, date: 2011-03, event: [held]}\n", "checked: 2024-01-01\n"
    )
    late = lint(engine, "The summit was held in March 2011.", dt.date(2025, 1, 1), [str(path)])
    early = lint(engine, "The summit was held in March 2011.", dt.date(2023, 1, 1), [str(path)])
    assert [n for n in late.notes if "checked on 2024-01-01" in n]
    assert not [n for n in early.notes if "checked on" in n]


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        ("  - {subject: t, date: 2011-13}\n", "`date` must be a date"),
        (
            "  - {subject: t, date: 2011-03, precision: week}\n",
            "`precision` must be day, month or year",
        ),
        ("  - {subject: t, date: 2011, precision: day}\n", "needs a date written to the day"),
        ("  - {subject: t, date: 2011-03-01, end: 2010}\n", "`end` needs a `date` on or before it"),
    ],
)
def test_mistakes_in_dates_are_reported(write, facts, reason):
    with pytest.raises(PackError, match=reason):
        load_pack(sheet(write, facts))


def test_names_are_compiled_only_for_drafts_that_mention_them():
    rule = load_pack(resolve("events")).rules[0]
    check = type(rule.check)(rule)
    assert all(f._pattern is None for f in check.facts)
    ctx = Context(doc=document.parse("The Chernobyl disaster of 1987 emptied Pripyat.", "text"))
    subjects = {f.subject for f in check.candidates(ctx)}
    assert "the Chernobyl disaster" in subjects
    assert len(subjects) < 5


def test_explain_traces_every_fact_to_its_source():
    text = explain("events.misdated", Config())
    assert "facts in the events pack, checked 2026-12-02" in text
    assert "the Fukushima Daiichi nuclear disaster: on March 11, 2011 — Wikipedia" in text
    assert "no source" not in text
    names = explain("names.misspelled", Config())
    assert "data file names-data/public-figures.yaml: checked 20" in names


def test_every_event_has_a_source():
    check = load_pack(resolve("events")).rules[0].check
    assert len(check.facts) >= 300
    assert all(f.reference for f in check.facts)
