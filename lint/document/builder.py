"""Assemble plain prose from pieces of a source file, keeping the offset map.

Parsers (plain text, Markdown, HTML) call the builder with the source span each
piece of prose came from; the builder decides how characters map back and keeps
URLs, which are not prose, out of the text.
"""

from __future__ import annotations

import regex

from lint.document.mapping import OffsetMap

URL = regex.compile(r"""(?:\bhttps?://|\bwww\.)[^\s<>"'“”‘’()\[\]]+(?<![.,;:!?])""")
WHITESPACE = regex.compile(r"\s+")
PUNCTUATION = set(",.;:!?)]")

PARAGRAPH_BREAK = "\n\n"


class TextBuilder:
    """Accumulates plain text paragraph by paragraph."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.paragraphs: list[tuple[int, int]] = []
        self._para_start: int | None = None
        self._last_src = 0
        self._gap = False

    # -- paragraphs ---------------------------------------------------
    def end_paragraph(self) -> None:
        """Close the current paragraph (no-op if nothing was added)."""
        if self._para_start is None:
            return
        stripped_end = self._rstripped_length()
        if stripped_end > self._para_start:
            self.paragraphs.append((self._para_start, stripped_end))
        self._para_start = None

    def _rstripped_length(self) -> int:
        """Length of the text so far without trailing whitespace, looking back no further
        than the open paragraph (joining everything for each paragraph was quadratic)."""
        assert self._para_start is not None
        total = self.map.length
        for part in reversed(self.parts):
            if total <= self._para_start:
                break
            stripped = part.rstrip()
            total -= len(part) - len(stripped)
            if stripped:
                break
        return total

    def _begin(self) -> None:
        if self._para_start is not None:
            return
        if self.map.length:
            self._emit_synthetic(PARAGRAPH_BREAK, self._last_src, self._last_src)
        self._para_start = self.map.length

    # -- adding text --------------------------------------------------
    def add(self, text: str, src_start: int, *, collapse: bool = False) -> None:
        """Add prose copied verbatim from ``source[src_start:src_start+len(text)]``.

        With ``collapse`` (HTML), each whitespace run becomes one space.
        URLs are dropped, with one of the spaces around them.
        """
        if self._gap and self._ends_with_space():
            lead = len(text) - len(text.lstrip())
            text, src_start = text[lead:], src_start + lead
        self._gap = False
        pos = 0
        for url in URL.finditer(text):
            before = text[pos : url.start()]
            if text[url.end() : url.end() + 1] in PUNCTUATION:  # "at <url>, or" → "at, or"
                before = before.rstrip()
            self._add_words(before, src_start + pos, collapse)
            pos = url.end()
            if self._ends_with_space() and text[pos : pos + 1].isspace():
                pos += 1
        self._add_words(text[pos:], src_start + pos, collapse)

    def add_decoded(self, text: str, src_start: int, src_end: int) -> None:
        """Add prose that stands for a whole source span (a character reference)."""
        if not text:
            return
        if text.isspace():
            if self._para_start is not None and not self._ends_with_space():
                self._emit_synthetic(" ", src_start, src_end)
            return
        self._gap = False
        self._begin()
        self._emit_synthetic(text, src_start, src_end)

    def gap(self) -> None:
        """Something that is not prose (inline code, a URL) was left out here.

        The next piece drops its leading space so no double space appears.
        """
        self._gap = True

    def add_break(self, src_pos: int, text: str = " ") -> None:
        """A soft line break inside a paragraph: one space for the newline."""
        if self._para_start is None or self._ends_with_space():
            return
        self._emit_synthetic(text, src_pos, src_pos + 1)

    # -- internals ----------------------------------------------------
    def _add_words(self, text: str, src_start: int, collapse: bool) -> None:
        if not text:
            return
        if not collapse:
            self._begin()
            self.parts.append(text)
            self.map.add_verbatim(len(text), src_start)
            self._last_src = src_start + len(text)
            return
        pos = 0
        for ws in WHITESPACE.finditer(text):
            if ws.start() > pos:
                self._add_words(text[pos : ws.start()], src_start + pos, False)
            if self._para_start is not None and not self._ends_with_space():
                self._emit_synthetic(" ", src_start + ws.start(), src_start + ws.end())
            pos = ws.end()
        if pos < len(text):
            self._add_words(text[pos:], src_start + pos, False)

    def _emit_synthetic(self, text: str, src_start: int, src_end: int) -> None:
        self.parts.append(text)
        self.map.add_synthetic(len(text), src_start, src_end)
        self._last_src = max(src_end, src_start)

    def _ends_with_space(self) -> bool:
        return bool(self.parts) and self.parts[-1][-1:].isspace()

    def text(self) -> str:
        self.end_paragraph()
        return "".join(self.parts)
