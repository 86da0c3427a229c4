"""The Document: a draft as checks see it (plain prose) and as users see it (source)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from lint.document.mapping import LineIndex, OffsetMap


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

    def source_span(self, offset: int, length: int) -> tuple[int, int]:
        """Source ``(start, end)`` of a plain-text span."""
        return self.map.span_to_source(offset, length)
