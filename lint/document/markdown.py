"""Markdown: the prose of headings, paragraphs, list items, quotes and table cells.

markdown-it-py parses the structure; each inline run is located in the source
with a moving cursor, so escapes, entities, emphasis markers and link targets
map back to the exact source character. Code, URLs, HTML and front matter are
not prose; YAML front matter is metadata.
"""

from __future__ import annotations

import html

import regex
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from lint.document.builder import TextBuilder
from lint.document.dates import parse_pubdate
from lint.document.directives import HTML_COMMENT, find_directives
from lint.document.html import CHARREF
from lint.document.mapping import LineIndex
from lint.document.model import Document
from lint.document.reader import DocumentError

MARKUP = set("*_~`[]()!<>#|\\")
"""Characters of inline markup a text token leaves out."""
BLOCK_PREFIX = regex.compile(r"(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)")
"""A list item's marker, which the item's text token leaves out."""


def _common_prefix(content: str, i: int, source: str, cur: int, end: int) -> int:
    """How many characters from ``content[i:]`` stand verbatim at ``source[cur:]``; a run
    stops before an ``&`` (which may start a character reference) unless it starts there."""
    n = 0
    amp = source.find("&", cur + 1, end)
    limit = min(len(content) - i, (amp if amp != -1 else end) - cur)
    if limit > 0 and source.startswith(content[i : i + limit], cur):  # the usual case
        return limit
    while n < limit and content[i + n] == source[cur + n]:
        n += 1
    return n


MAX_NESTING = 20
"""markdown-it's nesting limit (its CommonMark preset's; a higher one makes long runs of
brackets much slower to parse). Past it the parser drops the rest of the block silently,
so a draft nested that deep is refused with the line where it happens."""
_PARSER = (
    MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    .use(front_matter_plugin)
    .enable(["table", "strikethrough"])
)
_CONTAINERS = ("blockquote_open", "list_item_open")
"""Blocks whose content markdown-it parses as blocks again, one level deeper."""
PUBDATE_KEYS = ("date", "published", "pubdate", "publish_date", "published_at")


class _InlineWalker:
    """Adds one inline token's prose to the builder, tracking a source cursor."""

    def __init__(self, source: str, builder: TextBuilder, cursor: int, end: int) -> None:
        self.source = source
        self.builder = builder
        self.cursor = cursor
        self.end = end

    def walk(self, children: list[Token]) -> None:
        skip_until: str | None = None
        for tok in children:
            if skip_until:
                if tok.type == skip_until:
                    skip_until = None
                    self._after_link()
                continue
            kind = tok.type
            if kind == "text":
                self._text(tok.content)
            elif kind in ("softbreak", "hardbreak"):
                nl = self.source.find("\n", self.cursor, self.end)
                pos = nl if nl != -1 else self.cursor
                self.builder.add_break(pos)
                self.cursor = pos + 1
            elif kind == "code_inline":
                self._skip_code_span(tok.markup)
                self.builder.gap()
            elif kind in ("html_inline",):
                self._skip(tok.content)
            elif kind == "link_open" and tok.markup in ("autolink", "linkify"):
                skip_until = "link_close"
                self.builder.gap()
            elif kind == "link_open":
                self._skip("[")
            elif kind == "link_close":
                self._after_link()
            elif kind == "image":
                self._skip("![")
                self._skip_alt_text()
                self._after_link()
                self.builder.gap()

    def _text(self, content: str) -> None:
        """Align a text token with the source: verbatim runs, backslash escapes, entities,
        and emphasis or link markers (which the token does not contain) skipped over."""
        src, cur, end, i = self.source, self.cursor, self.end, 0
        while i < len(content):
            ref = CHARREF.match(src, cur, end) if src.startswith("&", cur) else None
            decoded = html.unescape(ref.group()) if ref else ""
            if ref and decoded != ref.group() and content.startswith(decoded, i):
                self.builder.add_decoded(decoded, cur, ref.end())
                i, cur = i + len(decoded), ref.end()
                continue
            run = _common_prefix(content, i, src, cur, end)
            if run:
                self.builder.add(content[i : i + run], cur)
                i, cur = i + run, cur + run
                continue
            ch = content[i]
            if cur >= end:
                self.builder.add_decoded(content[i:], max(end - 1, 0), end)
                break
            if src[cur] == "\\" and cur + 1 < end and src[cur + 1] == ch:
                cur += 1
                continue
            if src[cur] in MARKUP or src[cur].isspace():
                cur += 1
                continue
            prefix = BLOCK_PREFIX.match(src, cur, end)
            if prefix and prefix.end() > cur:
                cur = prefix.end()
                continue
            self.builder.add_decoded(ch, cur, cur + 1)
            i, cur = i + 1, cur + 1
        self.cursor = cur

    def _skip_code_span(self, ticks: str) -> None:
        """Past a code span: its opening run of backticks and the next run of the same length."""
        run = regex.compile(r"(?<!`)" + ticks + r"(?!`)")
        if self.source.startswith(ticks, self.cursor):  # may follow an escaped backtick
            start = self.cursor + len(ticks)
        elif opening := run.search(self.source, self.cursor, self.end):
            start = opening.end()
        else:
            return
        closing = run.search(self.source, start, self.end)
        self.cursor = closing.end() if closing else start

    def _skip_alt_text(self) -> None:
        """To the ``]`` that closes an image's alt text (brackets nest, escapes count)."""
        depth, i = 0, self.cursor
        while i < self.end:
            ch = self.source[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                if depth == 0:
                    self.cursor = i
                    return
                depth -= 1
            i += 1

    def _skip(self, literal: str) -> None:
        found = self.source.find(literal, self.cursor, self.end)
        if found != -1:
            self.cursor = found + len(literal)

    def _after_link(self) -> None:
        """Move past a link's target: ``](url "title")``, ``][ref]`` or ``>``."""
        src, cur = self.source, self.cursor
        while cur < self.end and src[cur] in "*_~":  # emphasis closing inside the link text
            cur += 1
        if src.startswith("](", cur):
            depth, i = 0, cur + 2
            while i < self.end:
                ch = src[i]
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    if depth == 0:
                        break
                    depth -= 1
                i += 1
            self.cursor = min(i + 1, self.end)
        elif src.startswith("][", cur):
            close = src.find("]", cur + 2, self.end)
            self.cursor = close + 1 if close != -1 else cur
        elif src.startswith("]", cur) or src.startswith(">", cur):
            self.cursor = cur + 1


def parse_markdown(source: str) -> Document:
    lines = LineIndex(source)
    builder = TextBuilder()
    metadata: dict = {}
    code_lines: list[tuple[int, int]] = []
    last_map: list[int] | None = None
    cursor = 0
    tokens = _PARSER.parse(source)
    _check_nesting(tokens, lines)
    for tok in tokens:
        if tok.type == "front_matter":
            metadata = _front_matter(tok.content)
        elif tok.type in ("fence", "code_block") and tok.map:
            code_lines.append((lines.line_start(tok.map[0] + 1), lines.line_start(tok.map[1] + 1)))
        elif tok.type == "inline" and tok.map:
            start = lines.line_start(tok.map[0] + 1)
            end = (
                lines.line_start(tok.map[1] + 1) if tok.map[1] < len(lines.starts) else len(source)
            )
            if end <= start:
                end = len(source)
            if tok.map != last_map:
                cursor = start
            builder.end_paragraph()
            walker = _InlineWalker(source, builder, cursor, end)
            walker.walk(tok.children or [])
            cursor, last_map = walker.cursor, tok.map
    text = builder.text()
    directives = [
        d for d in find_directives(source) if not any(s <= d.offset < e for s, e in code_lines)
    ]
    pubdate = next((d for k in PUBDATE_KEYS if (d := parse_pubdate(metadata.get(k)))), None)
    return Document(
        source,
        text,
        "markdown",
        builder.map,
        builder.paragraphs,
        metadata=metadata,
        pubdate=pubdate,
        directives=directives,
    )


def _check_nesting(tokens: list[Token], lines: LineIndex) -> None:
    """DocumentError if markdown-it reached its nesting limit and so dropped text."""
    for tok in tokens:
        if tok.type in _CONTAINERS and tok.level >= MAX_NESTING - 1 and tok.map:
            line = tok.map[0] + 1
            column = _column(lines.line_text(line), tok)
            where = f"line {line}" + (f", column {column}" if column else "")
            raise DocumentError(
                f"Markdown nested too deep at {where}: the parser stops at {MAX_NESTING} "
                "levels of quotes and lists and would drop the rest unchecked, so the file "
                "is not linted"
            )


def _column(text: str, tok: Token) -> int | None:
    """Where on its line the block ``tok`` opens, when that can be told from the line alone:
    the ``>`` of a blockquote on a line of nothing but quote markers before it, or the marker
    of the only list item on its line."""
    if tok.type == "blockquote_open":
        depth = 0
        for i, ch in enumerate(text):
            if ch == ">":
                depth += 1
                if depth > tok.level:
                    return i + 1
            elif not ch.isspace():
                return None
        return None
    body = text.lstrip()
    rest = body[len(tok.markup) :].lstrip()
    if (
        tok.markup
        and body.startswith(tok.markup)
        and not BLOCK_PREFIX.match(rest)
        and ">" not in rest[:1]
    ):
        return len(text) - len(body) + 1
    return None


def _front_matter(content: str) -> dict:
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


__all__ = ["HTML_COMMENT", "parse_markdown"]
