"""Helpers for the LanguageTool tests: a fake LanguageTool HTTP server, isolated settings."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from lint.languagetool.settings import LanguageToolSettings

REAL = [pytest.mark.languagetool, pytest.mark.xdist_group("languagetool")]
"""Marks of a test that needs the real server. The group keeps them in one worker
where ``--dist loadgroup`` works; where it does not, workers still share one
server (see ``conftest.shared_settings``)."""


def isolated(base: Path, jars: Path, **changes) -> LanguageToolSettings:
    """Settings with their own server state under ``base`` and the shared jars."""
    return LanguageToolSettings(
        **{"url": None, "cache_dir": base, "jar_dir": jars, "idle_timeout": 600} | changes
    )


# -- a fake LanguageTool HTTP server for unit tests ------------------------------------------


class FakeLT:
    """Answers /v2/languages and /v2/check; ``respond(text) -> (status, body)`` decides."""

    def __init__(self, respond: Callable[[str], tuple[int, object]]) -> None:
        self.respond = respond
        self.texts: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _send(self, status: int, body: object) -> None:
                data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                langs = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
                         {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]  # fmt: skip
                self._send(200, langs)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = parse_qs(self.rfile.read(length).decode())
                text = form.get("text", [""])[0]
                fake.texts.append(text)
                self._send(*fake.respond(text))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def lt_matches(text: str, word: str) -> list[dict]:
    """Matches on every ``word`` in ``text``, as a speller reports them."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(lt_match(text, word, at=at))
        at = text.find(word, at + 1)
    return found


def lt_match(text: str, word: str, rule="MORFOLOGIK_RULE_EN_US", category="TYPOS",
             issue="misspelling", replacements=("x",), at: int | None = None) -> dict:  # fmt: skip
    """A /v2/check match on ``word`` in ``text`` (the first, or the one at ``at``;
    offsets in UTF-16 units)."""
    at = text.index(word) if at is None else at
    utf16 = len(text[:at].encode("utf-16-le")) // 2
    return {
        "message": f"Possible problem: {word}",
        "offset": utf16,
        "length": len(word.encode("utf-16-le")) // 2,
        "replacements": [{"value": r} for r in replacements],
        "rule": {"id": rule, "issueType": issue, "category": {"id": category}},
    }
