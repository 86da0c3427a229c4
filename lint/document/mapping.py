"""Offsets between the plain text checks see and the source file they came from.

Markup is stripped before checks run, so every plain-text offset must find its
way back to a source position. The map is a sorted list of segments: a
*verbatim* segment copies source characters one to one, a *synthetic* segment
(a paragraph separator, a decoded entity, a soft line break turned into a
space) stands for a whole source span. Lookups bisect; a 2 MB file with no
markup is a single segment.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class OffsetMap:
    """Plain offset → source offset, built by appending segments in order."""

    _plain: list[int] = field(default_factory=list)
    _src: list[int] = field(default_factory=list)
    _src_end: list[int] = field(default_factory=list)  # -1 for verbatim segments
    length: int = 0

    def add_verbatim(self, length: int, src_start: int) -> None:
        """``length`` plain characters copied from ``source[src_start:]``."""
        if length <= 0:
            return
        if self._plain and self._src_end[-1] == -1:
            run = self.length - self._plain[-1]
            if self._src[-1] + run == src_start:
                self.length += length
                return
        self._append(src_start, -1, length)

    def add_synthetic(self, length: int, src_start: int, src_end: int) -> None:
        """``length`` plain characters that stand for ``source[src_start:src_end]``."""
        if length <= 0:
            return
        self._append(src_start, max(src_end, src_start), length)

    def _append(self, src_start: int, src_end: int, length: int) -> None:
        self._plain.append(self.length)
        self._src.append(src_start)
        self._src_end.append(src_end)
        self.length += length

    def _segment(self, offset: int) -> int:
        return max(bisect.bisect_right(self._plain, offset) - 1, 0)

    def to_source(self, offset: int) -> int:
        """Source offset of the plain character at ``offset`` (its start)."""
        if not self._plain:
            return 0
        offset = min(max(offset, 0), max(self.length - 1, 0))
        i = self._segment(offset)
        if self._src_end[i] == -1:
            return self._src[i] + offset - self._plain[i]
        return self._src[i]

    def span_to_source(self, offset: int, length: int) -> tuple[int, int]:
        """Source ``(start, end)`` covering the plain span, end exclusive."""
        start = self.to_source(offset)
        if length <= 0 or not self._plain:
            return start, start
        last = min(offset + length - 1, self.length - 1)
        i = self._segment(last)
        if self._src_end[i] == -1:
            end = self._src[i] + last - self._plain[i] + 1
        else:
            end = self._src_end[i]
        return start, max(end, start)


class LineIndex:
    """Source offset → 1-based (line, column), columns in code points.

    Lines end at ``\r\n``, ``\n`` or a lone ``\r``, as the Language Server
    Protocol and editors count them.
    """

    def __init__(self, source: str, breaks: re.Pattern = LINE_BREAK) -> None:
        self.source = source
        self.starts = [0] + [m.end() for m in breaks.finditer(source)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, line: int) -> int:
        """Source offset where 1-based ``line`` starts."""
        return self.starts[min(max(line, 1), len(self.starts)) - 1]

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break."""
        start = self.line_start(line)
        end = self.starts[line] if line < len(self.starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")
