"""Shared fixtures: small packs and configs written to a temporary directory, one engine."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from lint.engine import Engine

# `factlint` commands the suite runs check in-process unless a test asks for the warm
# service (tests/service): no daemon outlives the suite.
os.environ["FACTLINT_SERVICE"] = "0"
# Nor does a result outlive its test: the on-disk result cache is bypassed (a test that
# patches a check must see it run); tests/api exercise the cache in a directory of their own.
os.environ["FACTLINT_NO_CACHE"] = "1"
# A LanguageTool server a test starts is not warmed up in the background (minutes of CPU
# taken from the other tests); tests/languagetool/test_warmup.py runs the warm-up itself.
os.environ["FACTLINT_WARM_UP_CHECKS"] = "0"

settings.register_profile(
    "fuzz", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("default", max_examples=100, deadline=None)
settings.load_profile("default")

TINY_PACK = """\
name: house
description: A tiny pack for tests.
rules:
  - id: tow
    kind: substitution
    summary: Broken idiom.
    swap: {tow the line: toe the line}
    examples:
      bad: [They tow the line.]
      good: [The tug will tow the barge.]
  - id: very-unique
    kind: existence
    severity: error
    summary: Absolute adjective.
    fix: false
    tokens: [very unique]
    examples:
      bad: [A very unique chance.]
      good: [A unique chance.]
"""


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture
def write(tmp_path: Path):
    """write("name", "text") → Path, dedented, parents created."""

    def _write(name: str, text: str, dedent: bool = True) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def project(tmp_path: Path, write):
    """A directory with the tiny pack and a config that uses only it, LanguageTool off."""
    write("house.yaml", TINY_PACK)
    write(".factlint.yaml", "packs: [./house.yaml]\nlanguagetool: {enabled: false}\n")
    return tmp_path
