"""Linting drafts with the names pack (real spaCy, LanguageTool off)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from lint import document
from lint.config import Config
from lint.findings import Issue


@dataclass
class Linted:
    issues: list[Issue]
    plain: str  # the plain text the checks saw

    @property
    def flagged(self) -> list[tuple[str, str]]:
        """(rule name within the pack, flagged text) of each issue, in order."""
        return [
            (
                i.rule.split(".", 1)[1],
                self.plain[
                    i.extra["plain_offset"] : i.extra["plain_offset"] + i.extra["plain_length"]
                ],
            )
            for i in self.issues
        ]

    def of(self, rule: str) -> list[Issue]:
        return [i for i in self.issues if i.rule.endswith("." + rule)]


@pytest.fixture
def lint(engine):
    """lint(text, kind="text", packs=("names",)) → Linted (issues of one draft)."""

    def _lint(text: str, kind: str = "text", packs=("names",), **config) -> Linted:
        cfg = Config(packs=list(packs), languagetool={"enabled": False}, **config)
        doc = document.parse(text, kind)
        doc.pubdate = dt.date(2025, 4, 28)
        result = engine.lint([("draft", doc)], cfg)[0]
        assert not result.errors, result.errors
        return Linted(result.issues, doc.text)

    return _lint
