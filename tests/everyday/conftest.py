"""The command line as a new user drives it, through click's runner (stdout and stderr apart)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import main


class Run:
    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        old = os.getcwd()
        os.chdir(self.cwd)
        try:
            return CliRunner().invoke(
                main, list(args), input=input, env=env, catch_exceptions=False
            )
        finally:
            os.chdir(old)


@pytest.fixture
def factlint(project) -> Run:
    """``factlint(...)`` in the tiny-pack project (tests/conftest.py), LanguageTool off."""
    return Run(project)
