"""Fact sheets: the shipped example sheet, its examples, mistakes reported with their
position, and the real article's misdated treaty."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lint import document
from lint.config import Config
from lint.examples import run_pack
from lint.packs import PackError, load_pack

ROOT = Path(__file__).resolve().parents[2]
SHEET = ROOT / "examples" / "facts" / "kursk.facts.yaml"
ARTICLE = ROOT.parent / "shared" / "corpus" / "kursk-2025.txt"


def test_the_example_sheet_passes_its_examples(engine):
    failures = [r.describe() for r in run_pack(load_pack(SHEET), engine=engine) if not r.ok]
    assert not failures, "\n".join(failures)


def lint(engine, text: str, sheet: Path = SHEET, pubdate=dt.date(2025, 4, 28)):
    config = Config(packs=[str(sheet)], languagetool={"enabled": False})
    doc = document.parse(text, "text")
    doc.pubdate = pubdate
    return engine.lint([("draft", doc)], config)[0]


def test_the_issue_sentence_is_flagged_with_the_right_date(engine):
    text = (
        "Kim and Putin signed their Comprehensive Strategic Partnership in Pyongyang in June 2023."
    )
    (issue,) = lint(engine, text).issues
    assert issue.category == "facts"
    assert issue.replacements == ("June 2024",)
    assert "signed on June 19, 2024" in issue.message


@pytest.mark.parametrize(
    ("sheet", "where", "reason"),
    [
        ("facts:\n  - subject: t\n    date: June 2024\n", ":5:11:", "`date` must be a date"),
        ("facts:\n  - subject: t\n    dates: 2024-01-01\n", ":5:5:", "unknown key 'dates'"),
        ("facts:\n  - aliases: [t]\n    date: 2024-01-01\n", ":4:5:", "needs a `subject`"),
        ("facts:\n  - subject: t\n    number: 5\n", ":5:13:", "needs a `unit`"),
        ("facts: []\n", ":3:8:", "non-empty `facts:`"),
    ],
)
def test_mistakes_in_a_sheet_say_where(write, sheet, where, reason):
    path = write(
        "story.facts.yaml",
        f"name: story\ndescription: x\n{sheet}rules:\n  - id: sheet\n    kind: facts\n",
    )
    with pytest.raises(PackError) as err:
        load_pack(path)
    assert f"{path}{where}" in str(err.value) and reason in str(err.value)


@pytest.mark.skipif(not ARTICLE.exists(), reason=f"the shared corpus is absent ({ARTICLE})")
def test_the_real_article_misdates_the_treaty(engine):
    result = lint(engine, ARTICLE.read_text("utf-8"))
    assert [(i.line, i.replacements) for i in result.issues] == [(25, ("June 2024",))]
