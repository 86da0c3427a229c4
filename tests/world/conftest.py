"""Linting sentences with the world pack alone, through the real engine."""

from __future__ import annotations

import datetime as dt

import pytest

from lint import document
from lint.config import Config


@pytest.fixture
def lint_world(engine):
    """lint_world(text, pubdate=None, language="en-US") → (issues of the world pack, notes)."""

    def _lint(text: str, pubdate: dt.date | None = None, language: str = "en-US"):
        doc = document.parse(text, "text")
        doc.pubdate = pubdate
        config = Config(packs=["world"], language=language, languagetool={"enabled": False})
        (result,) = engine.lint([("draft.txt", doc)], config)
        assert not result.errors, result.errors
        return [i for i in result.issues if i.rule.startswith("world.")], result.notes

    return _lint
