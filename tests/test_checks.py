"""Check kinds: the details pack writers rely on, beyond what the shipped examples show."""

from __future__ import annotations

import pytest

from lint import document
from lint.checks import Context
from lint.checks.base import match_case
from lint.packs.loader import parse_pack


def findings(rule_yaml: str, text: str, kind: str = "text"):
    """What the rule finds in ``text``, as the engine runs it: not at all past its gate."""
    pack = parse_pack("name: p\nrules:\n  - id: r\n" + rule_yaml, "p.yaml")
    doc = document.parse(text, kind)
    check, ctx = pack.rules[0].check, Context(doc)
    if not ctx.contains(check.gate, check.gate_folded):
        return []
    return [(doc.text[f.offset : f.offset + f.length], f.replacements) for f in check.run(ctx)]


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


# -- the literal-word test before a regex scan never skips a match -----------------------------

WORDS = ["kask", "Straße", "ıSIS", "σας", "ak sk", "KISS"]
FRAGMENTS = [
    *WORDS, "KASK", "ka\u017fk", "\u212aask", "STRA\u1e9eE", "STRASSE", "straße", "isis",
    "\u0130SIS", "ISIS", "\u212a\u0131\u017fS", "k\u0130ss", "kiss", "ΣΑΣ", "σαΣ", "AK\nSK", "ak  sk", " ", "-", "x", "é",
]  # fmt: skip


def _rule(kind: str, ignorecase: bool) -> str:
    words = ", ".join(WORDS)
    body = (
        f"    swap: {{{words.replace(',', ': X,')}: X}}\n"
        if kind == "substitution"
        else (f"    tokens: [{words}]\n")
    )
    return f"    kind: {kind}\n    ignorecase: {str(ignorecase).lower()}\n" + body


def _same_without_anchors(monkeypatch, rule: str, fragments: list[str], example: str = ""):
    """Texts of ``fragments`` (and ``example``) checked with and without the anchor test,
    which must agree; whether each text had a finding."""
    from hypothesis import example as also
    from hypothesis import given
    from hypothesis import strategies as st

    matched = []

    @given(st.lists(st.sampled_from(fragments), max_size=8).map("".join))
    @also(example)
    def same(text):
        quick = findings(rule, text)
        with monkeypatch.context() as m:
            m.setattr(Context, "contains", lambda self, anchor, ignorecase: True)
            assert findings(rule, text) == quick
        matched.append(bool(quick))

    same()
    return matched


@pytest.mark.parametrize("ignorecase", [True, False])
@pytest.mark.parametrize("kind", ["substitution", "existence"])
def test_skipping_texts_without_the_word_changes_no_finding(monkeypatch, kind, ignorecase):
    """A rule first asks whether its literal words (case-folded) are in the text; the
    answer must never hide a match the regular expression would make."""
    rule = _rule(kind, ignorecase)
    assert any(_same_without_anchors(monkeypatch, rule, FRAGMENTS))  # texts with matches
    found = [text for text, _ in findings(rule, "a KASK, a \u212aask and a STRASSE")]
    assert found == (["KASK", "\u212aask"] if ignorecase else [])


def test_the_ascii_lookalikes_are_all_of_them():
    """Every character beyond ASCII that ``(?i)`` matches with an ASCII letter is mapped
    to that letter before a case-insensitive rule looks for its word."""
    import string

    import regex

    from lint.checks.base import ASCII_LOOKALIKES

    flags = regex.IGNORECASE | regex.VERSION0
    letter = regex.compile("[A-Za-z]", flags)
    found = {}
    for cp in range(128, 0x110000):
        if letter.fullmatch(chr(cp)):  # then which letter, of either case in the pattern
            found[cp] = next(a for a in string.ascii_lowercase
                             if regex.fullmatch(f"[{a}{a.upper()}]", chr(cp), flags))  # fmt: skip
    assert found == ASCII_LOOKALIKES


# -- anchors read from a regular expression ------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "ignorecase", "expected"),
    [
        (r"reign (in (?:spending|costs))", True, [("reign in ",), ("costs", "spending")]),
        (r"sew(s|ed)? wild oats", True, [(" wild oats",), ("sew",)]),  # optional: apart
        (r"(could|would|might) of (been|had)", True,
         [("could", "might", "would"), (" of ",), ("been", "had")]),  # one of each choice
        (r"(his|a) wild oats", True, [(" wild oats",)]),  # a branch without two characters
        (r"Tow\s+the\s+Line", True, [("line",), ("tow",), ("the",)]),  # lower-cased
        (r"Tow\s+the\s+Line", False, [("Line",), ("Tow",), ("the",)]),
        (r"(?:ab)+ cdefg", True, [(" cdefg",), ("ab",)]),  # repeated at least once
        (r"(?-i:Foos) bar", True, [(" bar",)]),  # a group that changes flags is not read
        (r"hair’s\s+breadth", True, [("breadth",)]),  # beyond ASCII: not when case is ignored
        (r"Größe ist", False, [("Größe ist",)]),
        (r"(?i)Tow the line", False, None),  # the inline flag ignores case after all
        (r"[[:alpha:]]+ xyz", True, None),  # the regex module's own syntax: no anchor
        (r"(?:xyz){e<=1}", True, None),
        (r"\d+ ?%", True, None),  # nothing of two characters
        (r"(unclosed", True, None),
    ],
)  # fmt: skip
def test_a_regex_anchor_is_text_every_match_contains(pattern, ignorecase, expected):
    from lint.checks import anchors

    found = anchors.of_regex(pattern, ignorecase)
    assert (sorted(found) if found else None) == (sorted(expected) if expected else None)


REGEXES = [
    r"sew(s|ed)? (his|her) wild oats", r"(?:peak|peek)s? (my|his) interest",
    r"(\d+) ?per ?cent", r"Stra(ß|ss)e ist", r"k\u0130ss(es)? ok", r"(?-i:KISS) me",
    r"(?i)kiss ME",
]  # fmt: skip
REGEX_FRAGMENTS = [
    "sew", "sews", "Sewed ", "SEW", " his", " her", " wild oats", " WILD OATS", " wild  oats",
    "peak", "peeks", " my", " interest", " Interest", "12", " per", "cent", " percent",
    "Straße", "STRASSE", " ist", " IST", "k\u0130ss", "kiss", "KISS", "es", " ok", " OK",
    " me", " ME", "\u212aISS", " ", "x", "Sews her wild oats", "peak his interest",
    "12 percent", "STRASSE ist", "KISS me", "kiss me", "k\u0130sses OK",
]  # fmt: skip


@pytest.mark.parametrize("ignorecase", [True, False])
@pytest.mark.parametrize("kind", ["substitution", "existence"])
def test_skipping_texts_without_a_regex_anchor_changes_no_finding(monkeypatch, kind, ignorecase):
    """As for literal words: a text without a pattern's anchor is skipped only when the
    pattern could not have matched it."""
    import json

    body = (
        f"    regex: true\n    swap: {json.dumps(dict.fromkeys(REGEXES, 'X'))}\n"
        if kind == "substitution"
        else f"    patterns: {json.dumps(REGEXES)}\n"
    )
    rule = f"    kind: {kind}\n    ignorecase: {str(ignorecase).lower()}\n" + body
    matching = "Sews her wild oats, KISS me and peak his interest at 12 percent"
    assert any(_same_without_anchors(monkeypatch, rule, REGEX_FRAGMENTS, matching))


def test_shipped_rules_find_the_same_with_their_anchors(monkeypatch):
    """Every example of every shipped substitution and existence rule, run through each
    such rule with regular expressions: the same findings with anchors as without (a
    wrong anchor would silently hide a match in real copy); and no rule finds anything
    in an example its gate shuts it out of (the engine would not have run it)."""
    from lint.checks.existence import Existence
    from lint.checks.substitution import Substitution
    from lint.packs import load_pack
    from lint.packs.loader import shipped_dir

    rules = [
        rule
        for path in sorted(shipped_dir().glob("*.yaml"))
        for rule in load_pack(path).rules
        if isinstance(rule.check, Substitution | Existence)
    ]
    with_regexes = [r for r in rules if r.check.opts.get("regex") or r.check.opts.get("patterns")]
    docs = [document.parse(ex.text, "text") for r in rules for ex in (*r.bad, *r.good)]
    assert len(with_regexes) > 20 and len(docs) > 500

    def run_all():  # as the engine runs them: past the gate, not at all
        return [[(f.offset, f.length) for f in r.check.run(ctx)]
                if ctx.contains(r.check.gate, r.check.gate_folded) else []
                for r in with_regexes for d in docs for ctx in [Context(d)]]  # fmt: skip

    quick = run_all()
    shut = {(r.id, d.text) for r in rules for d in docs
            if not Context(d).contains(r.check.gate, r.check.gate_folded)}  # fmt: skip
    assert len(shut) > len(rules) * len(docs) // 2  # the engine skips most rules on most texts
    monkeypatch.setattr(Context, "contains", lambda self, anchor, ignorecase: True)
    assert run_all() == quick
    assert sum(map(bool, quick)) > len(with_regexes)
    found = {(r.id, d.text) for r in rules for d in docs if next(r.check.run(Context(d)), None)}
    assert not found & shut  # the engine's gate never keeps a rule from what it finds
