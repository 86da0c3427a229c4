"""What every check kind shares: its declaration, its inputs, and how it reports.

A check is compiled once per rule (``__init__`` validates and compiles the
rule's options) and then run on any number of documents. ``run`` is a pure
function of the Context: no files, no config discovery, no output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from lint import regex_budget
from lint.checks.anchors import Anchor
from lint.findings import Finding
from lint.packs.options import Option, OptionError
from lint.packs.yamlpos import mark_of

if TYPE_CHECKING:
    from lint.document import Document
    from lint.packs.model import Rule

REGEX_TIMEOUT = 2.0
"""Seconds one rule's regular expression may spend on a short document; longer ones get
a second more per 100,000 characters, so only a pattern that backtracks is stopped."""


def regex_timeout(text: str) -> float:
    return REGEX_TIMEOUT + len(text) / 100_000


WORD_BEFORE = r"(?<![\w'’-])"
WORD_AFTER = r"(?![\w'’-]|[.,]\w)"


@dataclass
class Context:
    """Everything a check may look at for one document."""

    doc: Document
    nlp: Any = None  # a spaCy Doc over doc.text, when a check asked for one
    accepted: frozenset[str] = frozenset()  # accepted vocabulary, lower-cased
    pubdate: dt.date | None = None  # the publication date that anchors "last October"
    language: str = "en-US"
    extra: dict = field(default_factory=dict)  # whole-run data checks share (name index, …)
    notes: list[str] = field(default_factory=list)
    """Run-level remarks ("no publication date: relative dates not checked"); the CLI
    prints each distinct note once per run, not once per file."""
    parts: list[tuple[int, Context]] = field(default_factory=list)
    """The document's paragraphs (with their offsets), each a Context of its own."""
    cache: Any = None  # an LRU shared across runs, or None
    cache_key: tuple = ()  # what besides the text a cached result depends on

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def folded(self) -> str:
        """The text lower-cased, once, for ``contains``."""
        return self.doc.text.translate(ASCII_LOOKALIKES).lower()

    def contains(self, anchor: Anchor | None, ignorecase: bool) -> bool:
        """Might a pattern with this anchor (``lint.checks.anchors``) match the text?
        (None: can't tell.)"""
        if anchor is None:
            return True
        text = self.folded if ignorecase else self.doc.text
        for alternatives in anchor:
            for piece in alternatives:
                if piece in text:
                    break
            else:
                return False
        return True

    def per_paragraph(self, name: str, extract: Callable[[Context], list]) -> list:
        """``extract`` run on each paragraph, results shifted to document offsets.

        Whole-document checks (name consistency, date contradictions) read what
        they compare through this, so an edit re-extracts one paragraph only:
        results are cached by paragraph text. Items need ``shifted(delta)``.
        """
        key = ("per-paragraph", name)
        if key in self.extra:
            return self.extra[key]
        found: list = []
        for start, part in self.parts or [(0, self)]:
            cache_key = (name, part.text, *self.cache_key)
            items = self.cache.get(cache_key, None) if self.cache is not None else None
            if items is None:
                items = list(extract(part))
                self.notes.extend(n for n in part.notes if n not in self.notes)
                if self.cache is not None:
                    self.cache.put(cache_key, items)
            found.extend(item.shifted(start) if start else item for item in items)
        self.extra[key] = found
        return found


class RegexTimeout(Exception):
    """A rule's regular expression ran too long on a document (see REGEX_TIMEOUT)."""


class Check:
    """Base class of the check kinds."""

    kind: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    needs: ClassVar[frozenset[str]] = frozenset()
    """spaCy annotations the kind needs: "tags", "lemmas", "entities", "sentences"."""
    category: ClassVar[str] = "style"
    message: ClassVar[str] = "{match}"
    whole_parse: ClassVar[bool] = False
    """A document-scoped check that reads ``ctx.nlp`` itself (not per paragraph): the
    engine then joins the paragraphs' parses into one Doc, which costs on every edit."""
    scope: ClassVar[str] = "document"
    """"paragraph": findings depend on one paragraph only, so the engine runs the check
    paragraph by paragraph and reuses the findings of unchanged ones; "document": the
    check compares across paragraphs and sees the whole document."""

    gate: Anchor | None = None
    """An anchor (``lint.checks.anchors``) every paragraph the check can find anything in
    meets, compared case-folded when ``gate_folded``: the engine does not run the check on
    a paragraph without it (None: on every paragraph). Hundreds of phrase rules each
    called on every paragraph cost more in calls than in matching."""
    gate_folded: bool = True

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.opts = rule.options
        self.prepare()

    def prepare(self) -> None:
        """Compile options; raise OptionError on a bad value."""

    def run(self, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def accepted_words(self) -> frozenset[str]:
        """Words this rule knows to be right (a names pack's canonical names): the
        engine adds them to the accepted vocabulary LanguageTool's speller honours."""
        return frozenset()

    # -- helpers for subclasses -----------------------------------------
    exceptions: list = []

    def excepted(self, text: str, start: int, end: int) -> bool:
        """Is [start, end) inside a match of one of the rule's ``exceptions``?"""
        lo, hi = max(0, start - 200), min(len(text), end + 200)
        return any(
            m.start() <= start and end <= m.end()
            for exc in self.exceptions
            for m in self.finditer(exc, text, lo, hi)
        )

    def compile(
        self, pattern: str, option: str, index: object = None, flags: int = 0, at_key: bool = False
    ):
        """Compile a pack regex, reporting a bad one at its position in the pack
        (``index`` is the list index or mapping key under ``option``)."""
        try:
            return regex.compile(pattern, flags | regex.VERSION0)
        except (regex.error, TypeError) as exc:
            container = self.opts.get(option)
            where = (
                mark_of(container, index, at_key=at_key)
                if index is not None
                else mark_of(self.opts, option)
            )
            raise OptionError(
                f"invalid regular expression in {option!r}: {exc} ({pattern!r})",
                where or self.rule.mark,
            ) from None

    def finditer(self, pattern, text: str, pos: int = 0, endpos: int | None = None):
        """Matches of a pack regex, bounded in time so a bad pattern cannot freeze a run:
        per call, and per rule and document (lint.regex_budget: a slow one stops there)."""
        end = len(text) if endpos is None else endpos
        matches = pattern.finditer(
            text, pos, end, timeout=regex_budget.timeout(regex_timeout(text))
        )
        try:
            while True:
                with regex_budget.timing():
                    match = next(matches, None)
                if match is None:
                    return
                yield match
        except TimeoutError:
            if regex_budget.exhausted():
                raise
            raise self._timed_out(pattern, text) from None

    def fullmatch(self, pattern, text: str, pos: int, endpos: int):
        """Does ``pattern`` match all of ``text[pos:endpos]``? Bounded in time like finditer."""
        try:
            with regex_budget.timing():
                limit = regex_budget.timeout(regex_timeout(text))
                return pattern.fullmatch(text, pos, endpos, timeout=limit)
        except TimeoutError:
            if regex_budget.exhausted():
                raise
            raise self._timed_out(pattern, text) from None

    def _timed_out(self, pattern, text: str) -> RegexTimeout:
        return RegexTimeout(
            f"rule {self.rule.id}: regular expression {pattern.pattern!r} took more than "
            f"{regex_timeout(text):g} s and was stopped (it may backtrack catastrophically)"
        )

    def finding(
        self,
        start: int,
        end: int,
        match: str,
        replacements: tuple[str, ...] | list[str] = (),
        **fields: str,
    ) -> Finding:
        """A Finding with the rule's message template filled in."""
        replacements = tuple(replacements)
        values = _Blank(match=match, suggestion=replacements[0] if replacements else "", **fields)
        message = (self.rule.message or self.message).format_map(values)
        return Finding(
            start,
            end - start,
            message,
            replacements,
            fixable=self.rule.fix and len(replacements) == 1,
        )


class _Blank(dict):
    """format_map mapping that leaves unknown placeholders visible."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a regex whose spaces match any whitespace run."""
    return r"\s+".join(regex.escape(part) for part in phrase.split())


ASCII_LOOKALIKES = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
"""The only characters beyond ASCII that a case-insensitive regular expression matches
with an ASCII letter ("İ", "ı", "ſ" and the Kelvin sign; a test scans all of Unicode)."""


def whole_word(pattern: str, literal: str | None = None) -> str:
    """``pattern`` matched only as whole words.

    A boundary is only added where the text matched there is a word character:
    "-ish" or " ," at an edge should match after or before anything. ``literal``
    is the phrase the pattern was built from; for a regular expression (None)
    the edge is judged from the pattern itself, and a boundary is kept unless
    the edge is plainly a literal non-word character.
    """
    first, last = word_edges(literal if literal is not None else pattern, literal is None)
    return (WORD_BEFORE if first else "") + "(?:" + pattern + ")" + (WORD_AFTER if last else "")


_REGEX_META = set("\\()[]{}.^$*+?|")


def word_edges(text: str, is_regex: bool) -> tuple[bool, bool]:
    """Does the match start / end with a word character (as far as can be told)?"""
    text = text.strip() if not is_regex else text
    if not text:
        return True, True

    def word_edge(ch: str) -> bool:
        return ch.isalnum() or ch == "_" or (is_regex and ch in _REGEX_META)

    return word_edge(text[0]), word_edge(text[-1])


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation of ``original``: ALL CAPS (a shouted word of
    three letters or more), Title Case (every word of several capitalised), or a capital
    first letter; otherwise the replacement as written."""
    letters = [c for c in original if c.isalpha()]
    words = original.split()
    if (
        len(letters) > 2
        and all(c.isupper() for c in letters)
        and not any(c.isdigit() for c in original)
    ):
        return replacement.upper()
    if len(words) > 1 and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split(" "))
    if letters and original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
