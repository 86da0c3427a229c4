"""factlint's spaCy pipeline annotates exactly as the stock one does, only faster."""

from __future__ import annotations

import pytest
import spacy

from lint import nlp as nlp_mod

NEEDS = frozenset({"tags", "lemmas", "sentences"})


@pytest.fixture(scope="module")
def news() -> list[str]:
    corpus = pytest.importorskip("bench.corpus")
    try:
        return corpus.news_texts(40)
    except LookupError as exc:
        pytest.skip(str(exc))


def stock(needs: frozenset[str]):
    """The same pipes, loaded as a spaCy user loads them."""
    return spacy.load(nlp_mod.default_model(), exclude=nlp_mod.excluded(needs))


def test_lemmas_are_the_stock_lemmas_on_real_news(news):
    ours = nlp_mod.load(None, NEEDS)
    theirs = stock(NEEDS)
    assert type(ours.get_pipe("lemmatizer")) is not type(theirs.get_pipe("lemmatizer"))
    tokens = 0
    for _ in range(2):  # the second pass answers from the memo
        for a, b in zip(ours.pipe(news), theirs.pipe(news), strict=True):
            assert [(t.text, t.pos_, t.lemma_) for t in a] == [(t.text, t.pos_, t.lemma_) for t in b]
            tokens += len(a)
    assert tokens > 40_000


def test_lemmas_set_by_the_attribute_ruler_are_kept():
    ours = nlp_mod.load(None, NEEDS)
    doc = ours("We're gonna win, y'all said, and let's see.")
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock(NEEDS)(doc.text)]
    assert "go" in [t.lemma_ for t in doc]  # "gon" of "gonna": the attribute ruler's lemma


def test_an_empty_text_has_no_lemmas():
    assert len(nlp_mod.load(None, NEEDS)("")) == 0


def test_the_memo_is_bounded(monkeypatch):
    from lint import lemmatizer

    monkeypatch.setattr(lemmatizer, "MAX_REMEMBERED", 5)
    ours = nlp_mod.load(None, NEEDS)
    memo = ours.get_pipe("lemmatizer")._memo
    for text in ("Cats were running home.", "Dogs had barked loudly.", "Birds sang all day."):
        doc = ours(text)
        assert len(memo) <= 5 + len(doc)
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock(NEEDS)(text)]
