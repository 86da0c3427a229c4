"""Output formats, one module each. Formatters only format: they get issues, they print."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from lint.formatters import github, json_format, sarif, text
from lint.runner import RunResult

Formatter = Callable[[RunResult, TextIO, bool], None]

FORMATS: dict[str, Formatter] = {
    "text": text.write,
    "json": json_format.write,
    "sarif": sarif.write,
    "github": github.write,
}

__all__ = ["FORMATS", "Formatter"]
