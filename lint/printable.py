"""Text from file names and drafts made safe to print, in every output format.

A file name is bytes: it may hold a newline (which would forge a second
``path:line:col`` record), an ESC (which would drive the terminal), a bidirectional
override (which reorders what a reviewer sees), or bytes that are not UTF-8 at all
(a Latin-1 name from a zip or a network share: Python keeps them as lone surrogates,
which cannot be written as UTF-8). These helpers give each format valid UTF-8 text.
"""

from __future__ import annotations

import os
import urllib.parse

import regex

UNSAFE = regex.compile(
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Control characters (not tab), line and paragraph separators, bidirectional
embeddings, overrides and isolates, and lone surrogates."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if ch in _NAMED:
        return _NAMED[ch]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escaped(text: str) -> str:
    """``text`` with each unsafe character written as a backslash escape (``\\n``,
    ``\\x1b``, ``\\xe9`` for a byte that was not UTF-8, ``\\u202e``): one line, valid
    UTF-8, nothing the terminal acts on. Safe text comes back unchanged."""
    return UNSAFE.sub(lambda m: _escape(m.group()), text) if UNSAFE.search(text) else text


SURROGATE = regex.compile(r"[\ud800-\udfff]")


def valid_utf8(text: str) -> str:
    """``text`` with only what cannot be written as UTF-8 escaped: a byte of a file
    name that was not UTF-8 as ``\\xNN`` (for formats such as JSON that encode
    control characters themselves)."""
    return SURROGATE.sub(lambda m: _escape(m.group()), text) if SURROGATE.search(text) else text


_JSON_RAW = regex.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_safe(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with the characters JSON
    lets through raw but a terminal or an editor may act on (DEL, C1 controls such as
    CSI, line separators, bidirectional overrides) written as ``\\uXXXX`` escapes. They
    can only occur inside strings, so the JSON means the same."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def pictured(text: str) -> str:
    """``text`` for a source excerpt: each unsafe character replaced by one visible
    character (the control pictures ␀…␟, ␡, or U+FFFD), so carets under the line still
    line up."""
    if not UNSAFE.search(text):
        return text

    def one(m: regex.Match) -> str:
        code = ord(m.group())
        if code < 0x20:
            return chr(0x2400 + code)
        return "\u2421" if code == 0x7F else "\ufffd"

    return UNSAFE.sub(one, text)


def path_bytes(path: str) -> bytes:
    """The bytes of a file name as the file system has them."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that did not come from the file system
        return path.encode("utf-8", "surrogatepass")


def uri_reference(path: str) -> str:
    """A file name as an RFC 3986 URI reference: relative names stay relative, absolute
    ones become ``file://`` URIs; every byte but unreserved characters and ``/`` is
    percent-encoded (so ``:`` in a first segment cannot pass for a scheme)."""
    quoted = urllib.parse.quote(path_bytes(path), safe="/")
    return f"file://{quoted}" if path.startswith("/") else quoted
