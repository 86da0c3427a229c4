"""Direct quotations: where they are, and which quotation marks are really unpaired.

Two checks need to know where someone is being quoted: the engine, which never
lets a style rule reword what someone said, and the unpaired-quotes rule. Both
read the marks the same way, here.

Marks are read locally, one at a time, never by counting: a curly mark says
whether it opens or closes; a straight ``"`` is read from its neighbours (after
a space or a bracket and before a word it opens; after a word or punctuation and
before a space or punctuation it closes; glued on both sides or spaced on both
it is unknown and only toggles). Then, walking the paragraph:

* an opening mark while a quotation is open, at the start of a sentence, is the
  newsroom convention of a quotation that runs on over paragraphs, reopening
  each one without closing the last (also seen when paragraphs were joined into
  one line): the quotation goes on, nothing is wrong;
* an opening mark while one is open elsewhere cannot be told from a nested
  quotation typed with the wrong marks: the quotation goes on, nothing is said;
* a closing mark with no open quotation closes one that was never opened: that
  mark is reported, and only that one, so a single slip never cascades;
* a quotation still open when its attribution comes (", he said", ", said
  Lin", ", the minister added") lost its closing mark just before it: that is
  reported there, and the quotation ends;
* a quotation still open at the end of a paragraph is unclosed, unless the next
  paragraph opens with a quotation mark (the convention again).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field

import regex

STRAIGHT = '"'
FAMILIES = (("“", "”"), ("«", "»"), (STRAIGHT, STRAIGHT))
"""Opening and closing marks read together. Each family is read apart from the others,
so a quotation typed with another family's marks inside ("“He said "no" to me”") is
not taken for a slip."""
SENTENCE_START = regex.compile(r'(?:^|[.!?…:;]["”’)]?\s+|[—–-]\s*)$')
"""What comes before a mark that opens a sentence (or a line of dialogue)."""
_OPEN_BEFORE = set(" \t\n\u00a0([{—–-/")
_CLOSE_AFTER = set(" \t\n\u00a0.,;:!?)]}—–-/…'’")


SPEECH = r"(?:said|says|added|adds|told|tells|asked|asks|noted|notes|wrote|writes|stated|states|explained|explains|insisted|insists|continued|continues|warned|warns|declared|declares)"
NAME = r"\p{Lu}[\p{L}'’.-]+"
ATTRIBUTION = regex.compile(
    rf"(?<=[,?!])\s+(?:(?:he|she|they|we|I)\s+{SPEECH}"
    rf"|{SPEECH}\s+(?:the\s+)?{NAME}"
    rf"|(?:the\s+)?{NAME}(?:\s+{NAME}){{0,2}}\s+{SPEECH}"
    rf"|the\s+\p{{Ll}}+(?:\s+\p{{Ll}}+)?\s+{SPEECH})\b"
    r"(?=(?:\s+[\w'’-]+){0,6}\s*[.;!?])"
)
"""A speaker told after the words quoted, ending the sentence (", he said.", ", said Lin
in a statement."): the quotation has closed before it. One told in mid-sentence (",
Petrenko said, the authorities …") may belong to reported speech and says nothing."""


@dataclass
class Quotations:
    """What one paragraph's quotation marks say."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    """Quoted stretches, marks included (a quotation left open runs to the paragraph end)."""
    unopened: list[int] = field(default_factory=list)
    """Closing marks that close a quotation never opened."""
    unclosed: list[int] = field(default_factory=list)
    """Opening marks whose quotation the paragraph never closes."""
    cut: list[int] = field(default_factory=list)
    """Where a closing mark is missing: just before the quotation's attribution."""


def role(text: str, pos: int, start: int, end: int, family: tuple[str, str]) -> str:
    """ "open", "close" or "unknown" for the quotation mark at ``pos``."""
    ch = text[pos]
    if family[0] != family[1]:
        return "open" if ch == family[0] else "close"
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    opens = before in _OPEN_BEFORE and not after.isspace()
    closes = not before.isspace() and (after in _CLOSE_AFTER or after == '"')
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "unknown"


def read(
    text: str,
    start: int = 0,
    end: int | None = None,
    continued: bool = False,
    family: tuple[str, str] = FAMILIES[0],
) -> Quotations:
    """The quotations of the paragraph ``text[start:end]`` marked with ``family``;
    ``continued`` when the next paragraph opens with this family's opening mark."""
    end = len(text) if end is None else end
    found = Quotations()
    open_at: int | None = None
    last = start
    for m in _marks(family).finditer(text, start, end):
        pos = m.start()
        if open_at is not None and (said := ATTRIBUTION.search(text, last, pos)):
            found.spans.append((open_at, said.start()))
            found.cut.append(said.start())
            open_at = None
        last = pos + 1
        kind = role(text, pos, start, end, family)
        if kind == "unknown":
            kind = "close" if open_at is not None else "open"
        if kind == "open":
            if open_at is None:
                open_at = pos
            elif SENTENCE_START.search(text, start, pos):
                found.spans.append((open_at, pos))  # reopened: the quotation runs on
                open_at = pos
        elif open_at is not None:
            found.spans.append((open_at, pos + 1))
            open_at = None
        else:
            found.unopened.append(pos)
    if open_at is not None and (said := ATTRIBUTION.search(text, last, end)):
        found.spans.append((open_at, said.start()))
        found.cut.append(said.start())
        open_at = None
    if open_at is not None:
        found.spans.append((open_at, end))
        if not continued:
            found.unclosed.append(open_at)
    return found


@functools.lru_cache(maxsize=16)
def _marks(family: tuple[str, str]) -> regex.Pattern:
    return regex.compile("[" + regex.escape("".join(sorted(set(family)))) + "]")


NON_SPACE = regex.compile(r"\S")
BLANK_LINE = regex.compile(r"\n[ \t]*\n")


def quotations(
    text: str, paragraphs: list[tuple[int, int]], family: tuple[str, str] = FAMILIES[0]
) -> list[Quotations]:
    """``read`` for each paragraph, knowing whether the next one opens with a mark."""
    out = []
    for i, (a, b) in enumerate(paragraphs):
        nxt = paragraphs[i + 1][0] if i + 1 < len(paragraphs) else None
        following = NON_SPACE.search(text, nxt) if nxt is not None else None
        continued = bool(following) and following.group() == family[0]
        out.append(read(text, a, b, continued, family))
    return out


def quoted_spans(
    text: str, paragraphs: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Every quoted stretch of ``text`` in any family of marks, overlaps joined, in order;
    without ``paragraphs``, a blank line parts them."""
    if paragraphs is None:
        cuts = [0, *(m.end() for m in BLANK_LINE.finditer(text)), len(text)]
        paragraphs = [(a, b) for a, b in itertools.pairwise(cuts) if b > a] or [(0, len(text))]
    spans = sorted(
        span
        for family in FAMILIES
        if family[0] in text
        for q in quotations(text, paragraphs, family)
        for span in q.spans
    )
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined and a <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(b, joined[-1][1]))
        else:
            joined.append((a, b))
    return joined


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is ``[start, end)`` within one of ``spans`` (sorted)?"""
    import bisect

    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
