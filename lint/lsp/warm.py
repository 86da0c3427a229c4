"""The first diagnostics from the warm factlint service, while the server loads spaCy.

A new language server needs seconds to import spaCy and load its pipeline; the
per-user factlint service (lint.service) may already hold both. Until the
server's own engine is warm, the first check of a draft is also handed to a
running service, exactly as ``factlint check - --stdin-filename PATH --format
json`` would hand it (the service is never started for this), and whichever
answer comes first is shown. The server's own result follows and replaces it.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from lint.findings import Issue
from lint.service import client, paths, protocol  # standard library only: light

TIMEOUT = 20.0
"""Seconds to wait for a busy service; by then the server's own engine is warm."""


def check(path: Path, source: str, kind: str) -> list[Issue] | None:
    """The issues the running service finds in ``source``, or None (no service, it
    failed, it is another factlint version, or the buffer is not a file kind it reads)."""
    if os.environ.get("FACTLINT_SERVICE", "1").strip().lower() in {"0", "off", "no", "false"}:
        return None
    name = (
        path
        if path.suffix
        else path.with_suffix({"markdown": ".md", "html": ".html"}.get(kind, ".txt"))
    )
    request = {
        "argv": [
            "check",
            "-",
            "--stdin-filename",
            str(name),
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
        "cwd": str(path.parent if path.parent.is_dir() else Path.cwd()),
        "env": {**os.environ, "FACTLINT_PROGRESS": "0"},
        "tty": {"out": False, "err": False},
        "fingerprint": paths.fingerprint(),
        "stdin": base64.b64encode(source.encode("utf-8")).decode("ascii"),
    }
    try:
        sock = client.connect()
        if sock is None:
            return None
        with sock:
            sock.settimeout(TIMEOUT)
            protocol.send(sock, request)
            out, code = [], None
            while code is None:
                message = protocol.receive(sock)
                if message is None or message.get("restart"):
                    return None
                out.append(message.get("out", ""))
                code = message.get("exit")
    except (OSError, ValueError, TimeoutError):
        return None
    if code not in (0, 1):
        return None
    try:
        return [_issue(item) for item in json.loads("".join(out))]
    except (ValueError, KeyError, TypeError):
        return None


def _issue(item: dict) -> Issue:
    return Issue(
        path=item["path"],
        line=item["line"],
        column=item["column"],
        end_line=item["end_line"],
        end_column=item["end_column"],
        offset=item["offset"],
        length=item["length"],
        rule=item["rule"],
        category=item["category"],
        severity=item["severity"],
        message=item["message"],
        replacements=tuple(item.get("replacements") or ()),
        source=item.get("source", "factlint"),
        link=item.get("link"),
        extra={"via": "service"},
    )
