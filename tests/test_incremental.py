"""Re-checking an edited draft: only what changed is parsed and checked again, and the
result is exactly what a fresh engine finds (whole-document checks included)."""

from __future__ import annotations

import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.runner import lint_source

PUBDATE = dt.date(2025, 4, 28)
CONFIG = Config(languagetool={"enabled": False}, pubdate=PUBDATE)

PARAGRAPHS = [
    "Keir Starmer met the regional council in Leeds on Tuesday to discuss the budget.",
    "The council has tracked flood damage since October 2023, its chair said.",
    "Residents queued for water outside the station for most of the morning.",
    "Engineers said the new bridge would open in the spring, a little later than planned.",
    "Aid groups warned that the winter could be the hardest in a decade.",
] * 8  # forty paragraphs


def key(issues) -> list[tuple]:
    return [(i.line, i.column, i.rule, i.message, i.replacements) for i in issues]


def check(engine: Engine, paragraphs: list[str]):
    file, errors, _ = lint_source("draft.txt", "\n\n".join(paragraphs), "text", CONFIG, engine)
    assert not errors
    return file.issues


@pytest.fixture(scope="module")
def warm():
    engine = Engine()
    check(engine, PARAGRAPHS)
    return engine


EDITS = {
    "a typo in one paragraph": (12, "Residents queued for water outside teh station all morning."),
    "a name spelled another way": (20, "Kier Starmer later toured the flooded streets."),
    "a date contradicting another paragraph": (33, "The troops were deployed last October."),
    "a paragraph emptied of issues": (1, "The council has kept records, its chair said."),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edit_is_rechecked_as_a_fresh_engine_would(warm, engine, edit):
    where, text = EDITS[edit]
    edited = [*PARAGRAPHS[:where], text, *PARAGRAPHS[where + 1 :]]
    parsed_before = warm.parses.misses
    incremental = check(warm, edited)
    assert warm.parses.misses - parsed_before <= 1  # the edited paragraph, at most
    assert key(incremental) == key(check(Engine(), edited))


def test_findings_land_where_the_edits_are(warm):
    """Cached paragraph findings are moved to where their paragraph now is."""
    edited = list(PARAGRAPHS)
    edited[12] = "Residents queued for water outside teh station all morning."
    edited[20] = "Kier Starmer later toured the flooded streets."
    edited[33] = "The troops were deployed last October."
    found = {(i.rule, i.line, i.column) for i in check(warm, edited)}
    assert ("typos.misspelling", 25, 36) in found  # paragraph 13 is line 25
    assert ("names.misspelled", 41, 1) in found  # a known name, in the edited paragraph
    assert ("dates.relative-conflict", 3, 44) in found  # 'since October 2023' vs the edit
