"""The edits behind the code actions: the directive the format reads, put where it keeps
the draft as it was (one paragraph stays one paragraph), and titles that say what a fix does."""

from __future__ import annotations

import pytest

from lint import document
from lint.findings import Issue
from lint.lsp.actions import disable_file, disable_line, fix_title, word_to_accept
from lint.suppress import Suppressions


def issue_at(source: str, text: str, rule="idioms.tow-the-line", category="style") -> Issue:
    offset = source.index(text)
    doc = document.parse(source, "text")
    line, column = doc.lines.position(offset)
    end_line, end_column = doc.lines.position(offset + len(text))
    return Issue("d", line, column, end_line, end_column, offset, len(text), rule, category,
                 "warning", "m")  # fmt: skip


def apply(source: str, edit) -> str:
    return source[: edit.start] + edit.text + source[edit.end :]


def silenced(source: str, kind: str, text: str) -> bool:
    doc = document.parse(source, kind)
    i = issue_at(source, text)
    return Suppressions(doc).silenced(i.rule, i.offset, i.line)


@pytest.mark.parametrize(
    ("kind", "source", "expected"),
    [
        (
            "markdown",
            "The crew will\ntow the line and\nrest.\n",
            "The crew will\ntow the line and <!-- factlint-disable-line idioms.tow-the-line -->\nrest.\n",
        ),
        (
            "markdown",
            "- They tow the line.\n- Others do not.\n",
            "- They tow the line. <!-- factlint-disable-line idioms.tow-the-line -->\n- Others do not.\n",
        ),
        (
            "html",
            "<p>The crew will\ntow the line.</p>\n",
            "<p>The crew will\ntow the line.</p> <!-- factlint-disable-line idioms.tow-the-line -->\n",
        ),
        (
            "text",
            "The crew will\n  tow the line.\n",
            "The crew will\n  # factlint-disable-next-line idioms.tow-the-line\n  tow the line.\n",
        ),
    ],
)
def test_disable_on_this_line(kind, source, expected):
    doc = document.parse(source, kind)
    edited = apply(source, disable_line(doc, issue_at(source, "tow the line")))
    assert edited == expected
    assert silenced(edited, kind, "tow the line")
    # the prose is the same prose: no paragraph split, no directive text in it
    assert document.parse(edited, kind).text.split() == doc.text.split()


@pytest.mark.parametrize(
    ("kind", "source", "top"),
    [
        (
            "markdown",
            "---\ndate: 2025-01-02\n---\nThey tow the line.\n",
            "---\ndate: 2025-01-02\n---\n",
        ),
        ("markdown", "# They tow the line\n", ""),
        ("html", "<!doctype html>\n<html><p>They tow the line.</p></html>\n", "<!doctype html>\n"),
        ("text", "They tow the line.\n", ""),
    ],
)
def test_disable_in_this_file(kind, source, top):
    doc = document.parse(source, kind)
    edited = apply(source, disable_file(doc, "idioms.tow-the-line"))
    assert edited.startswith(top)  # front matter and doctype stay first
    assert silenced(edited, kind, "tow the line")
    assert document.parse(edited, kind).metadata == doc.metadata


def test_titles_say_what_the_fix_does():
    assert fix_title("tow the line", "toe the line") == "Replace 'tow the line' with 'toe the line'"
    assert fix_title("Advertisement", "") == "Delete 'Advertisement'"
    assert fix_title("a\nvery long phrase that goes on and on and on", "x") == (
        "Replace 'a very long phrase that goes on and on …' with 'x'"
    )


def test_the_word_to_accept():
    source = "We met Sudzha's mayor. The clerks recieve it.\n"
    assert word_to_accept(source, issue_at(source, "Sudzha", category="names")) == "Sudzha"
    assert word_to_accept(source, issue_at(source, "recieve", category="spelling")) == "recieve"
    assert word_to_accept(source, issue_at(source, "clerks", category="style")) is None
