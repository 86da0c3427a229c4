"""HTML: text of the page's prose elements; scripts, styles and markup are not prose.

Uses the standard library's tokenizer, which reports where each piece starts,
so every character maps back to its source position. Block elements separate
paragraphs; ``article:published_time`` metadata is the publication date.
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex

from lint.document.builder import TextBuilder
from lint.document.dates import parse_pubdate
from lint.document.directives import parse_directive
from lint.document.mapping import LineIndex
from lint.document.model import Directive, Document

SKIP = {"script", "style", "noscript", "template", "code", "pre", "svg", "math", "head", "textarea"}
BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div",
    "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "title", "tr", "ul",
}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
WORDS = regex.compile(r"\s+|\S+")
PUBDATE_META = {"article:published_time", "date", "pubdate", "publish-date", "dc.date", "og:published_time"}


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.lines = LineIndex(source)
        self.builder = TextBuilder()
        self.skip_depth = 0
        self.metadata: dict[str, str] = {}
        self.directives: list[Directive] = []
        self._title = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines.line_start(line) + col

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            key = (dict(attrs).get("property") or dict(attrs).get("name") or "").lower()
            content = dict(attrs).get("content")
            if key and content is not None:
                self.metadata[key] = content
        if tag in BLOCK:
            self.builder.end_paragraph()
        if tag in SKIP and tag not in VOID:
            self.skip_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in SKIP and tag not in VOID:
            self.skip_depth -= 1

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in BLOCK:
            self.builder.end_paragraph()

    def handle_data(self, data):
        if self.skip_depth or not data:
            return
        start = self._offset()
        end = self.source.find("<", start)
        end = len(self.source) if end == -1 else end
        if self.source.startswith(data, start):
            self.builder.add(data, start, collapse=True)
        else:  # character references were decoded
            self._add_decoded(data, start, end)

    def _add_decoded(self, data: str, start: int, end: int) -> None:
        """Text whose character references were decoded: align it word by word."""
        cursor = start
        for piece in WORDS.findall(data):
            if piece.isspace():
                self.builder.add_break(cursor)
            else:
                self.builder.add_aligned(piece, cursor, end, self.source)
                cursor = self.builder.source_cursor

    def handle_comment(self, data):
        start = self._offset()
        end = self.source.find("-->", start)
        end = len(self.source) if end == -1 else end + 3
        directive = parse_directive(data, start, end)
        if directive:
            self.directives.append(directive)


def parse_html(source: str) -> Document:
    parser = _Extractor(source)
    parser.feed(source)
    parser.close()
    text = parser.builder.text()
    pubdate = next(
        (d for k in PUBDATE_META if (d := parse_pubdate(parser.metadata.get(k)))), None
    )
    return Document(
        source,
        text,
        "html",
        parser.builder.map,
        parser.builder.paragraphs,
        metadata=parser.metadata,
        pubdate=pubdate,
        directives=parser.directives,
    )
