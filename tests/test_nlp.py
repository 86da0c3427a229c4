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
            assert [(t.text, t.pos_, t.lemma_) for t in a] == [
                (t.text, t.pos_, t.lemma_) for t in b
            ]
            tokens += len(a)
    assert tokens > 40_000


def test_attributes_are_the_stock_attributes_on_real_news(news):
    needs = NEEDS | {"entities"}
    ours, theirs = nlp_mod.load(None, needs), stock(needs)
    assert type(ours.get_pipe("attribute_ruler")) is not type(theirs.get_pipe("attribute_ruler"))

    def attributes(doc):
        return [(t.text, t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_) for t in doc]

    for _ in range(2):  # the second pass answers from the memo
        for a, b in zip(ours.pipe(news), theirs.pipe(news), strict=True):
            assert attributes(a) == attributes(b)


def test_the_two_token_exceptions_still_apply():
    text = "There is a dog, y'all said. Let's see: you ain't gonna win."
    ours, theirs = nlp_mod.load(None, NEEDS)(text), stock(NEEDS)(text)
    assert [(t.pos_, t.lemma_) for t in ours] == [(t.pos_, t.lemma_) for t in theirs]
    assert [t.lemma_ for t in ours if t.lower_ in ("y'", "ai", "gon")] == ["you", "be", "go"]


def test_a_ruler_with_patterns_the_memo_cannot_answer_is_left_stock():
    from spacy.pipeline import AttributeRuler

    from lint import attribute_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "tea", "OP": "+"}]], {"LEMMA": "drink"})
    assert type(attribute_ruler.speed_up(ruler)) is AttributeRuler


def test_lemmas_set_by_the_attribute_ruler_are_kept():
    ours = nlp_mod.load(None, NEEDS)
    doc = ours("We're gonna win, y'all said, and let's see.")
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock(NEEDS)(doc.text)]
    assert "go" in [t.lemma_ for t in doc]  # "gon" of "gonna": the attribute ruler's lemma


def test_an_empty_text_has_no_lemmas():
    assert len(nlp_mod.load(None, NEEDS)("")) == 0


def test_the_memo_is_bounded(monkeypatch):
    from lint import attribute_ruler, lemmatizer

    monkeypatch.setattr(lemmatizer, "MAX_REMEMBERED", 5)
    monkeypatch.setattr(attribute_ruler, "MAX_REMEMBERED", 5)
    ours = nlp_mod.load(None, NEEDS)
    memos = ours.get_pipe("lemmatizer")._memo, ours.get_pipe("attribute_ruler")._memo
    for text in ("Cats were running home.", "Dogs had barked loudly.", "Birds sang all day."):
        doc = ours(text)
        assert all(len(memo) <= 5 + len(doc) for memo in memos)
        theirs = stock(NEEDS)(text)
        assert [(t.pos_, t.lemma_) for t in doc] == [(t.pos_, t.lemma_) for t in theirs]
