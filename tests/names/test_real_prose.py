"""Real prose: the shared Kursk article (read in place, never copied) has one misspelled
name, "Nahedra Modi", and no other name the pack may flag."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "kursk-2025.txt"


@pytest.mark.skipif(not ARTICLE.exists(), reason=f"the shared corpus is absent ({ARTICLE})")
def test_the_real_article_has_one_misspelled_name_and_no_false_alarm(lint):
    result = lint(ARTICLE.read_text("utf-8"))
    assert result.flagged == [("misspelled", "Nahedra Modi")]
    assert result.issues[0].replacements == ("Narendra Modi",)


def test_news_prose_from_a_package_raises_few_alarms(lint):
    """A sample of published news (bench/corpus.py): the few findings there are must be
    real slips of the original, which this list pins (see bench/names_precision.py)."""
    corpus = pytest.importorskip("bench.corpus")
    try:
        texts = corpus.news_texts(60)
    except LookupError as exc:
        pytest.skip(str(exc))
    words = found = 0
    for text in texts:
        result = lint(text)
        words += len(text.split())
        found += len(result.issues)
    assert words > 20_000
    assert 1000 * found / words < 0.1
