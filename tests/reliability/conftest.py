"""Fixtures for the reliability tests: a real ``factlint`` process, and the LanguageTool
fixtures of ``tests/languagetool`` (the same shared server, so the suite starts one)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from languagetool.conftest import (  # noqa: F401  (fixtures, used by name)
    _no_env_url,
    _shared_server_session,
    fake_lt,
    real_jars,
    shared_server,
    shared_settings,
)


def factlint_env(**extra: str) -> dict[str, str]:
    """The environment of a factlint process: no warm service, no stray LanguageTool URL."""
    env = {k: v for k, v in os.environ.items() if k != "FACTLINT_LANGUAGETOOL_URL"}
    return env | {"FACTLINT_SERVICE": "0"} | extra


def factlint(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300, **kwargs
) -> subprocess.CompletedProcess:
    """Run ``factlint ARGS`` in a real process (``check`` runs with ``--no-service``)."""
    argv = list(args)
    if argv and argv[0] == "check":
        argv.insert(1, "--no-service")
    return subprocess.run(
        [sys.executable, "-m", "lint", *argv], cwd=cwd, env=env or factlint_env(),
        capture_output=True, text=True, timeout=timeout, **kwargs,
    )  # fmt: skip


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("factlint: error:")]


@pytest.fixture
def run_factlint():
    return factlint
