"""LanguageTool as a managed component: install from Maven Central, one local server per user.

Modules, each named for its concern:

- ``settings``   the ``languagetool:`` config section (and env) as one dataclass
- ``install``    resolve the pinned release (6.8, Java 17+) from Maven Central into the cache
- ``java``       find a Java new enough (JAVA_HOME, PATH, /usr/lib/jvm)
- ``server``     start / reuse / recover / stop the per-user server; state file under a lock
- ``watchdog``   stop that server after ``idle_timeout`` seconds without a check
- ``backend``    texts → requests (via language-tool-python) → Findings
- ``categories`` LanguageTool categories → factlint categories, severities, safe fixes
- ``cli``        ``factlint languagetool ...`` and ``factlint server ...``

Names are imported lazily so that ``import lint.languagetool.cli`` (done by
every ``factlint`` run) and the watchdog do not load the HTTP client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lint.languagetool.errors import LanguageToolError
from lint.languagetool.settings import MIN_JAVA, PINNED_VERSION, LanguageToolSettings

if TYPE_CHECKING:
    from lint.languagetool.backend import LanguageToolBackend, backend_factory
    from lint.languagetool.install import install
    from lint.languagetool.server import ServerState

_LAZY = {
    "LanguageToolBackend": "lint.languagetool.backend",
    "backend_factory": "lint.languagetool.backend",
    "install": "lint.languagetool.install",
    "ServerState": "lint.languagetool.server",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lint.languagetool' has no attribute {name!r}")


def backend_for(config: object) -> LanguageToolBackend:
    """The engine's LanguageTool factory; the HTTP client is loaded only when a run needs it."""
    from lint.languagetool.backend import backend_factory

    return backend_factory(config)


def start(settings: LanguageToolSettings | None = None, warm_up: bool = True) -> ServerState:
    """Start the per-user server unless one runs; its state. Not for an external ``url``."""
    from lint.languagetool import server

    settings = settings or LanguageToolSettings.from_mapping({})
    if settings.external:
        raise LanguageToolError(
            f"languagetool.url is set ({settings.url}): that server is not factlint's to start"
        )
    return server.ensure_server(settings, warm_up=warm_up)


def stop(settings: LanguageToolSettings | None = None) -> ServerState | None:
    """Stop the per-user server; the state it had, or None when none was running."""
    from lint.languagetool import server

    return server.stop_server(settings or LanguageToolSettings.from_mapping({}))


def status(settings: LanguageToolSettings | None = None) -> dict:
    """What runs (or which external server is used), as a dict."""
    from lint.languagetool import server

    return server.server_status(settings or LanguageToolSettings.from_mapping({}))


__all__ = [
    "MIN_JAVA",
    "PINNED_VERSION",
    "LanguageToolBackend",
    "LanguageToolError",
    "LanguageToolSettings",
    "backend_factory",
    "backend_for",
    "install",
    "start",
    "status",
    "stop",
]
