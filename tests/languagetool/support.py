"""Helpers for the LanguageTool tests: a fake LanguageTool HTTP server, isolated settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from reliability.fakes import FakeServer  # the one fake server (tests/ is on sys.path)

from lint.languagetool.settings import LanguageToolSettings

REAL = [pytest.mark.languagetool, pytest.mark.xdist_group("languagetool")]
"""Marks of a test that needs the real server. The group keeps them in one worker
where ``--dist loadgroup`` works; where it does not, workers still share one
server (see ``conftest.shared_settings``)."""


def isolated(base: Path, jars: Path, **changes) -> LanguageToolSettings:
    """Settings with their own server state under ``base`` and the shared jars; no
    background warm-up (it would compete with the suite for the cores)."""
    defaults = {"url": None, "cache_dir": base, "jar_dir": jars, "idle_timeout": 600}
    return LanguageToolSettings(**defaults | {"warm_up_checks": 0} | changes)


# -- a fake LanguageTool HTTP server for unit tests ------------------------------------------


class FakeLT(FakeServer):
    """Answers /v2/languages and /v2/check; ``respond(text) -> (status, body)`` decides.
    ``texts`` are the texts it was sent, in order."""

    def __init__(self, respond: Callable[[str], tuple[int, object]]) -> None:
        self.texts: list[str] = []

        def answer(handler) -> None:
            text = parse_qs(handler.body.decode()).get("text", [""])[0]
            self.texts.append(text)
            handler.reply(*respond(text))

        super().__init__(answer)


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
