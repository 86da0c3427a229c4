"""Property tests over the document layer and --fix, with a budget set by the hypothesis
profile: small in the suite, large with ``make fuzz`` (``--hypothesis-profile=fuzz``)."""

from __future__ import annotations

import bisect
import html
import itertools
import re

from conftest import TINY_PACK
from hypothesis import given, reject
from hypothesis import strategies as st

from lint import document
from lint.autofix import edits_for
from lint.config import Config
from lint.document import DocumentError, decode
from lint.fixes import Edit, apply, choose
from lint.runner import FileResult, Target

WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=6)
MARKUP = ["*", "**", "_", "`", "[", "](http://a.b/c)", "<b>", "</b>", "<!-- x -->", "&amp;", "\\", "\n",
          "\n\n", "\r\n", "# ", "- ", "> ", "1. ", "    ", "|", "<p>", "</p>", "<script>", "</script>"]  # fmt: skip
PIECES = st.one_of(
    WORDS, st.sampled_from(MARKUP), st.just("tow the line"), st.just("They tow\nthe line")
)
SOURCES = st.lists(PIECES, max_size=40).map("".join)


def parse(source: str, kind: str) -> document.Document:
    """``document.parse``; a draft nested past markdown-it's limit is refused (that refusal
    is tested in test_bad_input) and the example is dropped."""
    try:
        return document.parse(source, kind)
    except DocumentError as exc:
        assert kind == "markdown" and "nested too deep" in str(exc), exc
        reject()


@given(SOURCES, st.sampled_from(["text", "markdown", "html"]))
def test_every_prose_character_maps_into_the_source(source, kind):
    doc = parse(source, kind)
    for i, ch in enumerate(doc.text):
        start, end = doc.source_span(i, 1)
        assert 0 <= start <= end <= len(source)
        if not ch.isspace():
            piece = source[start:end]
            assert ch in piece or piece.startswith(("&", "\\")), (i, ch, piece)
        line, column = doc.lines.position(start)
        assert 1 <= line <= len(doc.lines.starts) and column >= 1


def _fix_once(engine, config, source, kind):
    doc = parse(source, kind)
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


# -- issue positions, decoding (issue 8) ------------------------------------------------------

ISSUE_SOURCES = st.lists(st.one_of(PIECES, st.just("a very unique")), max_size=40).map("".join)
NAMED = {"house.tow": "towtheline", "house.very-unique": "veryunique"}


def _position(breaks: list[int], offset: int) -> tuple[int, int]:
    """1-based line and code-point column of ``offset``, counted afresh from line ends."""
    line = bisect.bisect_right(breaks, offset)
    return line + 1, offset - (breaks[line - 1] if line else 0) + 1


@given(ISSUE_SOURCES, st.sampled_from(["text", "markdown", "html"]))
def test_issue_positions_point_at_the_words_they_name(tmp_path_factory, engine, source, kind):
    """Every issue's offset, line:column and end line:column (end exclusive) agree with a
    fresh count over the source (lines end at CRLF, LF or a lone CR; columns are code
    points), and the source there holds the words the rule names, markup and entities aside."""
    pack = tmp_path_factory.getbasetemp() / "fuzz-house.yaml"
    if not pack.exists():
        pack.write_text(TINY_PACK)
    config = Config(packs=[str(pack)], languagetool={"enabled": False})
    [result] = engine.lint([("d", parse(source, kind))], config)
    breaks = [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    for issue in result.issues:
        start, end = issue.offset, issue.offset + issue.length
        assert 0 <= start < end <= len(source)
        assert (issue.line, issue.column) == _position(breaks, start)
        assert (issue.end_line, issue.end_column) == _position(breaks, end)
        span = html.unescape(source[start:end]) if kind != "text" else source[start:end]
        assert "".join(c for c in span if c.isalpha()).lower() == NAMED[issue.rule], (issue, span)


BYTES = st.one_of(
    st.binary(max_size=64),
    st.tuples(st.text(max_size=30), st.binary(max_size=4), st.text(max_size=30)).map(
        lambda t: t[0].encode() + t[1] + t[2].encode()
    ),
)


@given(BYTES)
def test_any_bytes_decode_or_are_refused_at_the_right_byte(data):
    """Any bytes are either text or refused in one line; "not valid UTF-8 at line L, byte
    column C (byte 0xXX)" names the byte that really is there, and all before it is UTF-8."""
    try:
        text = decode(data)
    except DocumentError as exc:
        message = str(exc)
        assert message and "\n" not in message
        m = re.match(r"not valid UTF-8 at line (\d+), byte column (\d+) \(byte 0x(..)\)", message)
        if m:
            line, column, byte = int(m.group(1)), int(m.group(2)), int(m.group(3), 16)
            at = sum(len(x) + 1 for x in data.split(b"\n")[: line - 1]) + column - 1
            assert data[at] == byte
            data[:at].decode("utf-8")
        return
    assert isinstance(text, str)
