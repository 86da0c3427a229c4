"""Check kinds: the details pack writers rely on, beyond what the shipped examples show."""

from __future__ import annotations

import pytest

from lint import document
from lint.checks import Context
from lint.checks.base import match_case
from lint.packs.loader import parse_pack


def findings(rule_yaml: str, text: str, kind: str = "text"):
    pack = parse_pack("name: p\nrules:\n  - id: r\n" + rule_yaml, "p.yaml")
    doc = document.parse(text, kind)
    return [
        (doc.text[f.offset : f.offset + f.length], f.replacements)
        for f in pack.rules[0].check.run(Context(doc))
    ]


@pytest.mark.parametrize(
    ("replacement", "original", "expected"),
    [
        ("toe the line", "Tow the line", "Toe the line"),
        ("toe the line", "TOW THE LINE", "TOE THE LINE"),
        ("anchors aweigh", "Anchors Away", "Anchors Aweigh"),
        ("9 a.m.", "9AM", "9 a.m."),
        ("use", "UX", "Use"),  # two capitals are an acronym, not shouting
        ("toe the line", "tow the line", "toe the line"),
    ],
)
def test_match_case(replacement, original, expected):
    assert match_case(replacement, original) == expected


def test_substitution_keys_with_punctuation_edges():
    rule = "    kind: substitution\n    regex: true\n    swap: {' +([,;])': '\\1'}\n"
    assert findings(rule, "He left , then; went") == [(" ,", (",",))]


def test_substitution_case_rule_is_exact():
    rule = "    kind: substitution\n    ignorecase: false\n    swap: {Internet: internet}\n"
    assert findings(rule, "The Internet is down; the internet is fine.") == [
        ("Internet", ("internet",))
    ]


def test_existence_empty_suggestion_is_a_delete_fix():
    rule = "    kind: existence\n    patterns: ['(?<=\\d) +(?=%)']\n    suggestion: ''\n"
    assert findings(rule, "Turnout was 48 % this year.") == [(" ", ("",))]


def test_existence_phrase_across_line_break_and_not_inside_words():
    rule = "    kind: existence\n    tokens: [very unique, -ish]\n"
    found = findings(rule, "A very\nunique day. Not veryunique. Greenish-ish.")
    assert found == [("very unique", ()), ("-ish", ())]


def test_url_leaves_no_space_before_punctuation():
    doc = document.parse("Details at https://example.com/report, or by mail.\n", "text")
    assert doc.text == "Details at, or by mail."


def test_plain_text_list_items_are_paragraphs():
    doc = document.parse("Agenda:\n- budget\n- roads and\n  bridges\n", "text")
    assert doc.text == "Agenda:\n\nbudget\n\nroads and bridges"
