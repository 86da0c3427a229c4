"""The Document: a draft as checks see it (plain prose) and as users see it (source)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass, field
from functools import cached_property

from lint.document.mapping import LineIndex, OffsetMap

MAX_CHUNK = 20_000
"""Characters parsed and checked as one piece at most: a paragraph longer than that (a
paste of megabytes with no blank line) is cut at sentence ends, so spaCy's memory and
the checks' time stay bounded by the piece, not the paste."""


def _cut(text: str, start: int, end: int):
    """``text[start:end]`` in pieces of at most MAX_CHUNK characters, each ending after a
    sentence's full stop, a line break or, failing both, a space where it can."""
    while end - start > MAX_CHUNK:
        limit, half = start + MAX_CHUNK, start + MAX_CHUNK // 2
        cut = max(text.rfind(". ", half, limit - 1) + 2, text.rfind("\n", half, limit) + 1)
        if cut <= 1:
            cut = text.rfind(" ", half, limit) + 1 or limit
        yield start, cut
        start = cut
    yield start, end


@dataclass(frozen=True)
class Directive:
    """An inline ``factlint-…`` comment found in the source."""

    action: str  # "disable", "enable", "disable-next-line" or "disable-line"
    rules: tuple[str, ...]  # ids or globs; empty means every rule
    offset: int  # source offset of the comment
    end: int  # source offset just past the comment


@dataclass
class Document:
    """Plain prose extracted from one source, with the way back to it."""

    source: str
    text: str
    kind: str  # "text", "markdown" or "html"
    map: OffsetMap
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    pubdate: dt.date | None = None
    directives: list[Directive] = field(default_factory=list)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    @cached_property
    def quotations(self) -> list[tuple[int, int]]:
        """Spans of ``text`` inside direct quotations (lint.document.quotes)."""
        from lint.document.quotes import quoted_spans

        return quoted_spans(self.text, self.paragraphs or [(0, len(self.text))])

    @cached_property
    def gapped(self) -> bool:
        """Has the text lost removed values, leaving " , " behind (lint.document.gaps)?"""
        from lint.document.gaps import damaged

        return damaged(self.text)

    def chunks(self) -> list[tuple[int, int]]:
        """Spans of ``text`` that cover it exactly, one per paragraph with the blank
        line after it: the unit the engine parses, checks and caches by content."""
        starts = [start for start, _ in self.paragraphs[1:]]
        bounds = [0, *starts, len(self.text)]
        spans = [(a, b) for a, b in itertools.pairwise(bounds) if b > a]
        if any(b - a > MAX_CHUNK for a, b in spans):
            spans = [piece for a, b in spans for piece in _cut(self.text, a, b)]
        return spans or [(0, len(self.text))]

    def part(self, start: int, end: int) -> Document:
        """The prose ``text[start:end]`` as a document of its own (offsets from 0), for
        checks that look at one paragraph at a time. It has no way back to the source."""
        text = self.text[start:end]
        paragraphs = []
        first = bisect.bisect_right(self.paragraphs, start, key=lambda p: p[1])
        for a, b in itertools.islice(self.paragraphs, first, None):  # sorted, disjoint
            if a >= end:
                break
            paragraphs.append((max(a, start) - start, min(b, end) - start))
        return Document(
            source=text,
            text=text,
            kind=self.kind,
            map=OffsetMap(),
            paragraphs=paragraphs or [(0, len(text))],
            pubdate=self.pubdate,
        )

    def source_span(self, offset: int, length: int) -> tuple[int, int]:
        """Source ``(start, end)`` of a plain-text span."""
        return self.map.span_to_source(offset, length)
