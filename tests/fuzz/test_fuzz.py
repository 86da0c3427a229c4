"""Property tests over the document layer and --fix, with a budget set by the hypothesis
profile: small in the suite, large with ``make fuzz`` (``--hypothesis-profile=fuzz``)."""

from __future__ import annotations

import itertools

from conftest import TINY_PACK
from hypothesis import given
from hypothesis import strategies as st

from lint import document
from lint.autofix import edits_for
from lint.config import Config
from lint.fixes import Edit, apply, choose
from lint.runner import FileResult, Target

WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=6)
MARKUP = ["*", "**", "_", "`", "[", "](http://a.b/c)", "<b>", "</b>", "<!-- x -->", "&amp;", "\\", "\n",
          "\n\n", "\r\n", "# ", "- ", "> ", "1. ", "    ", "|", "<p>", "</p>", "<script>", "</script>"]  # fmt: skip
PIECES = st.one_of(
    WORDS, st.sampled_from(MARKUP), st.just("tow the line"), st.just("They tow\nthe line")
)
SOURCES = st.lists(PIECES, max_size=40).map("".join)


@given(SOURCES, st.sampled_from(["text", "markdown", "html"]))
def test_every_prose_character_maps_into_the_source(source, kind):
    doc = document.parse(source, kind)
    for i, ch in enumerate(doc.text):
        start, end = doc.source_span(i, 1)
        assert 0 <= start <= end <= len(source)
        if not ch.isspace():
            piece = source[start:end]
            assert ch in piece or piece.startswith(("&", "\\")), (i, ch, piece)
        line, column = doc.lines.position(start)
        assert 1 <= line <= len(doc.lines.starts) and column >= 1


def _fix_once(engine, config, source, kind):
    doc = document.parse(source, kind)
    [result] = engine.lint([("d", doc)], config)
    file = FileResult(Target("d", None, kind), source, doc, result.issues)
    edits = edits_for(file)
    return apply(source, edits), edits


def _markup(text: str) -> list[str]:
    return [c for c in text if c in "*_`[]()<>&#!|\\"]


@given(SOURCES, st.sampled_from(["text", "markdown", "html"]))
def test_fix_keeps_markup_and_is_idempotent(tmp_path_factory, engine, source, kind):
    pack = tmp_path_factory.getbasetemp() / "fuzz-house.yaml"
    if not pack.exists():
        pack.write_text(TINY_PACK)
    config = Config(packs=[str(pack)], languagetool={"enabled": False})
    fixed, _ = _fix_once(engine, config, source, kind)
    assert _markup(fixed) == _markup(source)
    again, more = _fix_once(engine, config, fixed, kind)
    assert more == [] and again == fixed


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5), st.text(max_size=3)), max_size=8))
def test_overlapping_edits_are_never_both_applied(raw):
    text = "abcdefghijklmnopqrstuvwxyz0123456789"
    edits = [Edit(s, min(s + n, len(text)), t) for s, n, t in raw]
    chosen = choose(edits)
    for a, b in itertools.pairwise(chosen):
        assert a.end <= b.start
    apply(text, edits)  # never raises
