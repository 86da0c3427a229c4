"""Documents: drafts in plain text, Markdown or HTML, as prose with a way back to the source."""

from __future__ import annotations

from pathlib import PurePath

from lint.document.html import parse_html
from lint.document.markdown import parse_markdown
from lint.document.model import Directive, Document
from lint.document.plain import parse_plain
from lint.document.reader import DocumentError, decode, read_source

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

_PARSERS = {"text": parse_plain, "markdown": parse_markdown, "html": parse_html}


def kind_for_path(path: str | PurePath) -> str | None:
    """The document kind for a file name, or None if factlint does not lint it."""
    return EXTENSIONS.get(PurePath(path).suffix.lower())


def parse(source: str, kind: str) -> Document:
    """Parse decoded source text of the given kind into a Document."""
    return _PARSERS[kind](source)


__all__ = [
    "EXTENSIONS",
    "Directive",
    "Document",
    "DocumentError",
    "decode",
    "kind_for_path",
    "parse",
    "read_source",
]
