"""A real published article (read in place from ../shared/corpus, never copied): factlint
finds the mistakes it is known to contain and raises no other warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lint.config import Config, ConfigFinder
from lint.runner import Overrides, run

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kursk-2025.txt"

pytestmark = pytest.mark.skipif(
    not ARTICLE.exists(), reason=f"the shared corpus is not beside this checkout ({ARTICLE})"
)

PUBDATE = dt.date(2025, 4, 28)  # as the corpus README gives it

EXPECTED = {
    ("dates.relative-conflict", 7),  # "since October 2023" but "last October" (2024) later
    ("events.misdated", 25),  # the treaty signed in June 2024, dated June 2023 (no fact sheet)
    ("typography.unpaired-quotes", 67),  # a quotation with no opening mark
    ("idioms.off-the-cuff", 69),  # "off-cuff"
    ("names.misspelled", 71),  # "Nahedra Modi" for Narendra Modi
    ("boilerplate.source-link", 77),
    ("boilerplate.related-links", 79),
    ("boilerplate.image-counter", 81),  # "1 of 229"
}


@pytest.fixture(scope="module")
def issues(engine):
    class Fixed(ConfigFinder):
        def for_path(self, path):
            return Config(languagetool={"enabled": False}, pubdate=PUBDATE)

    result = run([str(ARTICLE)], Fixed(), Overrides(), engine)
    assert not result.errors
    return result.issues


def test_known_mistakes_are_found(issues):
    found = {(i.rule, i.line) for i in issues}
    assert found >= EXPECTED


def test_no_other_warnings(issues):
    unexpected = [
        f"{i.line}:{i.column} {i.rule} {i.message}"
        for i in issues
        if i.severity != "info" and (i.rule, i.line) not in EXPECTED
    ]
    assert unexpected == []
