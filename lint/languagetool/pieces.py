"""What LanguageTool is sent: paragraphs cut to a size it checks quickly, minus what stalls it.

LanguageTool's time per request grows faster than the length of a sentence as it
sees one (measured on 6.8: 2,000 characters without a full stop took 7 s, 4,000
took 18 s, 40,000 outlasted a minute), and some ordinary pastes stall it outright:
a run of 20,000 dots, a 40 KB ``data:`` URI, text threaded with zero-width joiners.
So a paragraph longer than ``PIECE_CHARS`` is cut at sentence ends (then line
breaks, commas, spaces) into pieces of at most that size, no "sentence" in them
longer than ``SENTENCE_CHARS``; and each piece is *masked* before it is sent:

- format characters (zero-width joiners and spaces, soft hyphens, BOMs) are left out;
- a run of ten or more of one character ("......", "-----"), a word said six or
  more times in a row, a table of twenty or more numbers, a stack of combining marks
  and a "word" of 120 or more characters (a ``data:`` URI, base64, a hash) are sent
  as a short stand-in, and LanguageTool's findings on them are dropped: there is no
  grammar in them to check.

Offsets come back through ``Masked.original``; the same mapping drops a finding
on a masked stretch or on the word at a cut that is not a sentence end (a piece
that starts mid-sentence does not start with a capital, and that is not the
writer's mistake).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

import regex

PIECE_CHARS = 2000
"""A paragraph longer than this is cut into pieces (the size of one request)."""
SENTENCE_CHARS = 600
"""...and a sentence in it longer than this is cut at commas or spaces."""

PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*\n")
SENTENCE_END = regex.compile(r"[.!?…][\"'”’)\]]*\s+|\n")
SOFT_CUTS = (regex.compile(r"\n"), regex.compile(r"[,;:]\s+"), regex.compile(r"\s+"))
MASK = regex.compile(
    r"(?P<format>\p{Cf}+)"
    r"|(?P<run>(\S)\3{9,})"
    r"|(?P<repeat>\b(\w+)(?:[\s,;:]+\5\b){5,})"
    r"|(?P<numbers>(?:[-+(]?\d[\d.,:/%)]*[\s,;]+){19,}[-+(]?\d[\d.,:/%)]*)"
    r"|(?P<marks>\p{Mn}{3,})"
    r"|(?P<long>[^\s\p{Cf}]{120,})",
    regex.V0,
)
WORD = regex.compile(r"\w+")


@dataclass(frozen=True)
class Part:
    """``text[start:end]`` of one text, and whether its ends are cuts made here
    (mid-sentence) rather than paragraph or sentence ends."""

    start: int
    end: int
    cut_before: bool = False
    cut_after: bool = False


def parts(text: str) -> list[Part]:
    """Paragraphs of ``text`` (each with the blank line after it); long ones cut."""
    cuts = [0, *(m.end() for m in PARAGRAPH_BREAK.finditer(text)), len(text)]
    found: list[Part] = []
    for a, b in itertools.pairwise(cuts):
        if b > a and text[a:b].strip():
            found.extend(_cut(text, a, b) if b - a > PIECE_CHARS else [Part(a, b)])
    return found


def _cut(text: str, start: int, end: int) -> list[Part]:
    """A long paragraph as pieces of at most PIECE_CHARS, cut at sentence ends."""
    sentences: list[Part] = []
    at = start
    for m in SENTENCE_END.finditer(text, start, end):
        if m.end() > at:
            sentences.extend(_split_sentence(text, at, m.end()))
            at = m.end()
    if at < end:
        sentences.extend(_split_sentence(text, at, end))
    pieces: list[Part] = []
    for s in sentences:
        last = pieces[-1] if pieces else None
        if last is not None and s.end - last.start <= PIECE_CHARS and not last.cut_after:
            pieces[-1] = Part(last.start, s.end, last.cut_before, s.cut_after)
        else:
            pieces.append(s)
    return pieces


def _split_sentence(text: str, start: int, end: int) -> list[Part]:
    """One sentence, or pieces of at most SENTENCE_CHARS cut at the softest place."""
    if end - start <= SENTENCE_CHARS:
        return [Part(start, end)]
    out: list[Part] = []
    at = start
    while end - at > SENTENCE_CHARS:
        limit = at + SENTENCE_CHARS
        cut = None
        for pattern in SOFT_CUTS:
            ends = [m.end() for m in pattern.finditer(text, at + SENTENCE_CHARS // 3, limit)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit  # no space at all: a hard cut
        out.append(Part(at, cut, cut_before=at != start, cut_after=True))
        at = cut
    out.append(Part(at, end, cut_before=at != start))
    return out


@dataclass(frozen=True)
class Masked:
    """A piece as sent: ``text``, and how to find each of its offsets in the original."""

    text: str
    segments: tuple[tuple[int, int, int, int], ...]
    """(sent start, sent length, original start, original length), in order, covering both."""
    quiet: tuple[tuple[int, int], ...]
    """Original spans whose findings are dropped (masked stretches, words at a cut)."""

    def original(self, offset: int) -> int:
        """The original offset of a sent offset (an end maps to an end)."""
        if not self.segments:
            return offset
        starts = [s[0] for s in self.segments]
        k = max(0, bisect.bisect_right(starts, offset) - 1)
        sent, sent_len, orig, orig_len = self.segments[k]
        inside = offset - sent
        if sent_len == orig_len:
            return orig + inside
        return orig + (orig_len if inside >= sent_len else min(inside, orig_len))

    def is_quiet(self, start: int, end: int) -> bool:
        return any(start < b and end > a for a, b in self.quiet)

    def changed(self, start: int, end: int) -> bool:
        """Does the original differ from what was sent between these original offsets?"""
        return any(sl != ol and start < o + ol and end > o for _, sl, o, ol in self.segments)


def mask(body: str, cut_before: bool = False, cut_after: bool = False) -> Masked:
    """``body`` with what stalls LanguageTool masked (see the module docstring)."""
    quiet: list[tuple[int, int]] = []
    if cut_before:
        first = WORD.search(body)
        quiet.append((0, first.end() if first else 0))
    if cut_after:
        words = list(WORD.finditer(body, max(0, len(body) - 200)))
        quiet.append((words[-1].start() if words else len(body), len(body)))
    out: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    sent = at = 0
    for m in MASK.finditer(body):
        if m.start() > at:
            segments.append((sent, m.start() - at, at, m.start() - at))
            out.append(body[at : m.start()])
            sent += m.start() - at
        kind = m.lastgroup
        stand_in = _stand_in(kind, m)
        segments.append((sent, len(stand_in), m.start(), m.end() - m.start()))
        out.append(stand_in)
        sent += len(stand_in)
        if kind != "format":
            quiet.append((m.start(), m.end()))
        at = m.end()
    if not segments:
        return Masked(body, (), tuple(quiet))
    if at < len(body):
        segments.append((sent, len(body) - at, at, len(body) - at))
        out.append(body[at:])
    return Masked("".join(out), tuple(segments), tuple(quiet))


def _stand_in(kind: str | None, m: regex.Match) -> str:
    if kind == "run":
        return m.group()[:3]
    if kind == "repeat":
        return m.group(5)
    if kind == "numbers":
        return m.group().split()[0].rstrip(",;")
    return ""  # format characters, combining marks, long "words"
