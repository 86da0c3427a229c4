"""Linting drafts with the people pack at a given publication date (real spaCy, no LanguageTool)."""

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
    notes: list[str]
    plain: str

    def of(self, rule: str) -> list[Issue]:
        return [i for i in self.issues if i.rule == f"people.{rule}"]

    def flagged(self, rule: str) -> list[str]:
        """The text each issue of ``rule`` covers."""
        return [
            self.plain[i.extra["plain_offset"] : i.extra["plain_offset"] + i.extra["plain_length"]]
            for i in self.of(rule)
        ]


@pytest.fixture
def lint(engine):
    """lint(text, pubdate="2025-04-28" | None) → Linted, with the people pack only."""

    def _lint(text: str, pubdate: str | None = "2025-04-28", packs=("people",)) -> Linted:
        cfg = Config(packs=list(packs), languagetool={"enabled": False})
        doc = document.parse(text, "text")
        doc.pubdate = dt.date.fromisoformat(pubdate) if pubdate else None
        result = engine.lint([("draft", doc)], cfg)[0]
        assert not result.errors, result.errors
        return Linted(result.issues, list(result.notes), doc.text)

    return _lint
