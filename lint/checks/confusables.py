"""confusables: a real word written for another real word, decided by its context.

"principle reason" is "principal reason", but "the principal said" and "the
principle of free speech" are both right: no speller can tell, and a word list
alone cannot either. A rule names the wrong forms with their right ones and the
contexts, in spaCy's reading of the sentence, where the wrong form cannot be
right: its part of speech, the words or lemmas around it, a fixed collocation.
A rule that cannot tell stays quiet, so contexts are narrow on purpose.

Options:

* ``swap`` — mapping of wrong form → right form (lower case; the replacement takes
  the case of the match). Only these forms are looked at.
* ``contexts`` — where a form is wrong: each a line of token tests, one of them
  ``_`` (the form itself). The form is flagged when any context matches around it.
* ``unless`` — contexts (same syntax) where it is left alone even so.

Token tests, separated by spaces; each may end in ``:POS`` (a part of speech or
a fine tag, ``|`` for alternatives) and in ``?`` (optional) or ``*`` (any number):

* ``_`` — the form; ``_:ADJ`` the form tagged as an adjective;
* ``word|other`` — the token's text, lower-cased;
* ``<lemma|other>`` — the token's lemma (or its text: spaCy reads "bases" as "basis");
* ``NOUN|PROPN``, ``VBN`` — upper case: the token's part of speech or fine tag;
* alternatives mix: ``PUNCT|and|<say>``;
* ``ANY`` — any token; ``!test`` — a token that does not pass ``test``;
* ``^`` first, ``$`` last — the edge of a sentence ("^ in _ ," is "In principal, ...").

Bad::

    kind: confusables
    swap: {principle: principal}
    contexts: ["_ reason|cause|aim"]

flags "The principle reason was cost."; leaves "The principle of free speech" alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from lint.checks.base import Check, Context, match_case
from lint.findings import Finding
from lint.packs.options import Option, OptionError
from lint.packs.yamlpos import mark_of

UNIVERSAL_POS = frozenset(
    ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
     "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE"]
)  # fmt: skip
Test = Callable[[object], bool]
ALTERNATIVE = regex.compile(r"<[^>]*>|[^|<]+")
TEST = regex.compile(r"(.+?)(?::([A-Z$]+(?:\|[A-Z$]+)*))?")
"""A token test and its optional ``:POS|TAG``."""


@dataclass(frozen=True)
class Step:
    test: Test
    repeat: str  # "" once, "?" optional, "*" any number
    edge: bool = False  # ^ or $: no token, or a sentence's end, next on this side


SENTENCE_END = frozenset({".", "!", "?", ";", ":", '"', "“", "”", "\n"})


@dataclass(frozen=True)
class Pattern:
    left: tuple[Step, ...]  # nearest first, read leftwards from the form
    form: Test
    right: tuple[Step, ...]


def _base_test(base: str, forms: frozenset[str]) -> Test:
    if base == "_":
        return lambda t: t.lower_ in forms
    if base == "ANY":
        return lambda t: True
    if base.startswith("!") and len(base) > 1:
        inner = _base_test(base[1:], forms)
        return lambda t: not inner(t)
    words, lemmas, tags = set(), set(), set()
    for alt in ALTERNATIVE.findall(base):
        if alt.startswith("<"):
            lemmas.update(w.lower() for w in alt[1:-1].split("|"))
        elif alt.isupper():
            tags.add(alt)
        else:
            words.add(alt.lower())
    pos = _pos_test("|".join(tags)) if tags else None
    return lambda t: (
        t.lower_ in words
        or (bool(lemmas) and (t.lemma_.lower() in lemmas or t.lower_ in lemmas))
        or (pos is not None and pos(t))
    )


def _pos_test(spec: str) -> Test:
    names = frozenset(spec.split("|"))
    pos, tags = names & UNIVERSAL_POS, names - UNIVERSAL_POS
    return lambda t: t.pos_ in pos or t.tag_ in tags


def _step(item: str, forms: frozenset[str]) -> tuple[Step, bool]:
    """One token test (and whether it is the form itself)."""
    if item in ("^", "$"):
        return Step(lambda t: True, "", edge=True), False
    repeat = item[-1] if item[-1:] in ("?", "*") and len(item) > 1 else ""
    body = item[:-1] if repeat else item
    m = TEST.fullmatch(body)
    if m is None:
        raise ValueError(f"bad token test {item!r}")
    base, pos = m.group(1), m.group(2)
    test = _base_test(base, forms)
    if pos:
        inner, pos_ok = test, _pos_test(pos)
        test = lambda t: inner(t) and pos_ok(t)  # noqa: E731
    return Step(test, repeat), base == "_"


def compile_context(line: str, forms: frozenset[str]) -> Pattern:
    """A context line as a pattern around its ``_``; ValueError if it is malformed."""
    steps = [_step(item, forms) for item in line.split()]
    at = [i for i, (_, is_form) in enumerate(steps) if is_form]
    if len(at) != 1:
        raise ValueError("a context needs exactly one '_' (the word)")
    i = at[0]
    if steps[i][0].repeat:
        raise ValueError("the word '_' cannot be optional or repeated")
    if any(s.edge for s, _ in steps[1:i]) or any(s.edge for s, _ in steps[i + 1 : -1]):
        raise ValueError("'^' comes first and '$' last")
    left = tuple(s for s, _ in reversed(steps[:i]))
    return Pattern(left, steps[i][0].test, tuple(s for s, _ in steps[i + 1 :]))


def _match(steps: tuple[Step, ...], tokens, at: int, step: int = 0) -> bool:
    """Do ``steps`` match ``tokens`` from ``at`` on (step by step, backtracking)?"""
    if step == len(steps):
        return True
    s = steps[step]
    if s.edge:
        end = at >= len(tokens) or tokens[at].is_space or tokens[at].text in SENTENCE_END
        return end and _match(steps, tokens, at, step + 1)
    ok = 0 <= at < len(tokens) and s.test(tokens[at])
    if s.repeat == "*":
        return (ok and _match(steps, tokens, at + 1, step)) or _match(steps, tokens, at, step + 1)
    if s.repeat == "?" and _match(steps, tokens, at, step + 1):
        return True
    return ok and _match(steps, tokens, at + 1, step + 1)


class _Reversed:
    """The tokens before ``at``, nearest first."""

    def __init__(self, doc, at: int) -> None:
        self.doc, self.at = doc, at

    def __len__(self) -> int:
        return self.at

    def __getitem__(self, i: int):
        return self.doc[self.at - 1 - i]


def matches(pattern: Pattern, doc, i: int) -> bool:
    """Does ``pattern`` match with its ``_`` at token ``i`` of ``doc``?"""
    if not pattern.form(doc[i]):
        return False
    after = doc[i + 1 :]
    return _match(pattern.right, after, 0) and _match(pattern.left, _Reversed(doc, i), 0)


class Confusables(Check):
    kind = "confusables"
    scope = "paragraph"
    category = "grammar"
    message = "'{match}' is probably '{suggestion}' here."
    needs = frozenset({"tags", "lemmas"})
    options = {
        "swap": Option("map[str]", required=True, doc="wrong form → right form"),
        "contexts": Option("list[str]", required=True, doc="where a form is wrong"),
        "unless": Option("list[str]", [], "where it is left alone even so"),
    }

    def prepare(self) -> None:
        swap = self.opts["swap"]
        self.swap = {k.lower(): v for k, v in swap.items()}
        forms = frozenset(self.swap)
        self.gate = (tuple(sorted(forms)),)  # the engine skips a paragraph with none

        def compiled(option: str) -> list[Pattern]:
            out = []
            for n, line in enumerate(self.opts[option]):
                try:
                    out.append(compile_context(line, forms))
                except ValueError as exc:
                    raise OptionError(
                        f"invalid context in {option!r}: {exc}", mark_of(self.opts[option], n)
                    ) from None
            return out

        self.contexts = compiled("contexts")
        self.unless = compiled("unless")

    def run(self, ctx: Context) -> Iterator[Finding]:
        if ctx.nlp is None:
            return
        doc = ctx.nlp
        for i, token in enumerate(doc):
            right = self.swap.get(token.lower_)
            if right is None:
                continue
            if not any(matches(p, doc, i) for p in self.contexts):
                continue
            if any(matches(p, doc, i) for p in self.unless):
                continue
            end = token.idx + len(token.text)
            yield self.finding(token.idx, end, token.text, [match_case(right, token.text)])
