"""HTML: text of the page's prose elements; scripts, styles and markup are not prose.

Uses the standard library's tokenizer, which reports where each piece starts,
so every character maps back to its source position. Block elements separate
paragraphs; ``article:published_time`` metadata is the publication date.
"""

from __future__ import annotations

import html
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
NEWLINE = regex.compile(r"\n")
CHARREF = regex.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
"""What ``html.unescape`` decodes (the same expression as the standard library's)."""
PUBDATE_META = {
    "article:published_time",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "og:published_time",
}


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.lines = LineIndex(source, NEWLINE)  # the tokenizer counts only \n
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
        if self.source.startswith(data, start):
            self.builder.add(data, start, collapse=True)
        else:  # character references were decoded
            self._add_decoded(data, start)

    def _add_decoded(self, data: str, start: int) -> None:
        """Re-decode the source reference by reference, as the parser did, so each
        decoded character maps to its whole ``&…;`` and the rest stays verbatim."""
        pos, produced = start, 0
        while produced < len(data) and pos < len(self.source):
            ref = CHARREF.match(self.source, pos)
            if ref:
                decoded = html.unescape(ref.group())
                self.builder.add_decoded(decoded, pos, ref.end())
                pos, produced = ref.end(), produced + len(decoded)
                continue
            nxt = CHARREF.search(self.source, pos)
            stop = min(nxt.start() if nxt else len(self.source), pos + len(data) - produced)
            self.builder.add(self.source[pos:stop], pos, collapse=True)
            produced += stop - pos
            pos = stop

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
    pubdate = next((d for k in PUBDATE_META if (d := parse_pubdate(parser.metadata.get(k)))), None)
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
