"""What the editor's code actions do to a draft, as edits in source offsets.

Pure functions of the source text and an Issue, so they are tested without a
server: the title of a fix says what it does ("Replace 'tow the line' with 'toe
the line'", "Delete 'Advertisement'"), and silencing a rule inserts the inline
directive the draft's format reads (lint.document.directives): an HTML comment
at the end of the line in Markdown and HTML (a comment line of its own would
split a Markdown paragraph in two), a ``#`` line above it in plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lint.document import Document
from lint.findings import Issue
from lint.vocabulary import SPELLING

WORD_CATEGORIES = (*SPELLING, "names")
"""Findings a word accepted into the vocabulary silences."""
MAX_WORD = 60
FRONT_MATTER = regex.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S | regex.M
)
DOCTYPE = regex.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?<!doctype[^>]*>[ \t]*(?:\r?\n)?", regex.I)
LINE_END = regex.compile(r"\r?\n|\r")


@dataclass(frozen=True)
class SourceEdit:
    """Replace ``source[start:end]`` with ``text`` (code-point offsets)."""

    start: int
    end: int
    text: str


def span(source: str, issue: Issue) -> str:
    return source[issue.offset : issue.offset + issue.length]


def shown(text: str, width: int = 40) -> str:
    """A span as a title shows it: one line, shortened."""
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


def fix_title(original: str, replacement: str) -> str:
    if not replacement:
        return f"Delete '{shown(original)}'"
    if not original:
        return f"Insert '{shown(replacement)}'"
    return f"Replace '{shown(original)}' with '{shown(replacement)}'"


def prose_only(doc: Document | None, issue: Issue) -> bool:
    """Does the issue's source span hold the very prose its check saw (no markup inside),
    so replacing it cannot break Markdown or HTML? Issues without the plain-text span
    (from the service) are trusted only when the draft is plain text."""
    if doc is None:
        return False
    plain = issue.extra.get("plain_offset")
    if plain is None:
        return doc.kind == "text"
    seen = doc.text[plain : plain + issue.extra.get("plain_length", issue.length)]
    return " ".join(seen.split()) == " ".join(span(doc.source, issue).split())


def replacements(doc: Document | None, issue: Issue, limit: int = 5) -> list[SourceEdit]:
    """One edit per suggested replacement, with the original's line breaks kept."""
    from lint.autofix import keep_layout

    if doc is None or not prose_only(doc, issue):
        return []
    original = span(doc.source, issue)
    end = issue.offset + issue.length
    return [
        SourceEdit(issue.offset, end, keep_layout(original, r) if r else r)
        for r in issue.replacements[:limit]
    ]


def word_to_accept(source: str, issue: Issue) -> str | None:
    """The word (or name) a spelling or names finding points at, if it is one."""
    if issue.category not in WORD_CATEGORIES or issue.end_line != issue.line:
        return None
    word = " ".join(span(source, issue).split()).strip(".,;:!?\"'()[]{}“”‘’")
    if not word or len(word) > MAX_WORD or not regex.search(r"\p{L}", word):
        return None
    return word


def disable_line(doc: Document, issue: Issue) -> SourceEdit:
    """Silence ``issue.rule`` on the issue's line."""
    lines = doc.lines
    if doc.kind == "text":
        start = lines.line_start(issue.line)
        text = lines.line_text(issue.line)
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        eol = _eol(doc.source)
        return SourceEdit(start, start, f"{indent}# factlint-disable-next-line {issue.rule}{eol}")
    end = lines.line_start(issue.line) + len(lines.line_text(issue.line))
    text = lines.line_text(issue.line)
    sep = "" if text.endswith((" ", "\t")) or not text else " "
    return SourceEdit(end, end, f"{sep}<!-- factlint-disable-line {issue.rule} -->")


def disable_file(doc: Document, rule: str) -> SourceEdit:
    """Silence ``rule`` from the top of the draft to its end (after front matter or the
    doctype, which must stay first)."""
    source = doc.source
    eol = _eol(source)
    at = 0
    if doc.kind == "markdown":
        m = FRONT_MATTER.match(source)
        at = m.end() if m else 0
    elif doc.kind == "html":
        m = DOCTYPE.match(source)
        at = m.end() if m else 0
    prefix = eol if at and not source[:at].endswith(("\n", "\r")) else ""
    if doc.kind == "text":
        return SourceEdit(at, at, f"{prefix}# factlint-disable {rule}{eol}")
    return SourceEdit(at, at, f"{prefix}<!-- factlint-disable {rule} -->{eol}")


def _eol(source: str) -> str:
    m = LINE_END.search(source)
    return m.group() if m else "\n"
