"""Fixtures for the LanguageTool tests: the real jars, one shared server, isolated servers.

The jars come from the real per-user cache (installed here if missing, which
``make test`` has done already), so nothing is downloaded twice. Server state
never touches the user's own server: the shared server and every isolated
one live under temporary ``cache_dir``s. Real-server tests carry
``pytest.mark.languagetool`` (``support.REAL``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lint.languagetool import server
from lint.languagetool.install import install, is_installed
from lint.languagetool.settings import LanguageToolSettings

from .support import FakeLT, isolated


@pytest.fixture(autouse=True)
def _no_env_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's FACTLINT_LANGUAGETOOL_URL must not steer these tests."""
    monkeypatch.delenv("FACTLINT_LANGUAGETOOL_URL", raising=False)


@pytest.fixture(scope="session")
def real_jars() -> Path:
    """The pinned jars in the real cache, installed if missing."""
    settings = LanguageToolSettings(url=None)
    if not is_installed(settings.jars):
        install(settings)
    return settings.jars


@pytest.fixture(scope="session")
def shared_settings(real_jars: Path, tmp_path_factory: pytest.TempPathFactory):
    """One state directory for every pytest-xdist worker, so they share one server.

    Workers find the server through the state file as any factlint processes
    do. A run without xdist stops it at the end; with xdist no worker knows it
    is the last, so the server stops itself once idle for ``idle_timeout``.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by the workers of this run
    return isolated(base / "lt-shared", real_jars, idle_timeout=60)


@pytest.fixture(scope="session")
def _shared_server_session(shared_settings: LanguageToolSettings) -> Iterator[None]:
    yield
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        server.stop_server(shared_settings)


@pytest.fixture
def shared_server(
    _shared_server_session: None, shared_settings: LanguageToolSettings
) -> server.ServerState:
    """The shared real server, started (or restarted after an idle stop) if need be, and
    its idle clock reset: a test may take longer to reach it than the idle time left."""
    state = server.ensure_server(shared_settings)
    server.touch(shared_settings)
    return state


@pytest.fixture
def isolated_settings(real_jars: Path, tmp_path: Path) -> Iterator[LanguageToolSettings]:
    """Settings for a test that starts, kills or stops its own server; stopped afterwards."""
    settings = isolated(tmp_path / "cache", real_jars)
    yield settings
    server.stop_server(settings)


@pytest.fixture
def fake_lt():
    servers: list[FakeLT] = []

    def make(respond: Callable[[str], tuple[int, object]]) -> FakeLT:
        servers.append(FakeLT(respond))
        return servers[-1]

    yield make
    for s in servers:
        s.close()
