"""A fake LanguageTool HTTP server on 127.0.0.1 that misbehaves on demand."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
             {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]  # fmt: skip

Answer = Callable[["Handler"], None]
"""Given the request handler, answer (``handler.reply(...)``), stall, or hang up."""


class Handler(BaseHTTPRequestHandler):
    fake: FakeServer

    def log_message(self, *args) -> None:
        pass

    def reply(self, status: int, body: object) -> None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def hang_up(self) -> None:
        """Close the connection without a word, as a process that died would."""
        self.close_connection = True
        self.connection.close()

    def stall(self) -> None:
        """Answer nothing until the test ends."""
        self.fake.closing.wait(300)
        self.hang_up()

    def do_GET(self) -> None:
        self.fake.gets += 1
        (self.fake.on_get or (lambda h: h.reply(200, LANGUAGES)))(self)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.body = self.rfile.read(length)
        self.fake.posts += 1
        self.fake.on_post(self)


class FakeServer:
    """``on_post`` (and optionally ``on_get``) decide each answer; ``url`` is where it is."""

    def __init__(self, on_post: Answer, on_get: Answer | None = None) -> None:
        self.on_post, self.on_get = on_post, on_get
        self.gets = self.posts = 0
        self.closing = threading.Event()
        handler = type("BoundHandler", (Handler,), {"fake": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop listening (the port refuses connections from now on)."""
        self.closing.set()
        if self.thread.is_alive():
            self.httpd.shutdown()
        self.httpd.server_close()
