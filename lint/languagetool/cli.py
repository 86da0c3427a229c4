"""``factlint languagetool install|status|path`` and ``factlint server start|stop|status``.

Two click groups the main ``factlint`` group mounts. Both read the
``languagetool:`` section of the configuration found from the current
directory (or ``--config``), so ``max_memory``, ``idle_timeout``, ``cache_dir``
and ``url`` apply to them as to a check. Failures print one line to stderr
and exit 2. ``server status`` exits 1 when no server runs.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from lint.languagetool.errors import LanguageToolError
from lint.languagetool.settings import LanguageToolSettings

_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (default: found from the current directory).",
)


def _settings(config_path: Path | None) -> LanguageToolSettings:
    from lint.config import ConfigError, ConfigFinder

    try:
        config = ConfigFinder(config_path).for_path(None)
        return LanguageToolSettings.from_config(config)
    except (ConfigError, ValueError) as exc:
        raise LanguageToolError(str(exc)) from None


def _fail(line: str) -> None:
    click.echo(f"factlint: {line}", err=True)
    sys.exit(2)


def _one_line_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LanguageToolError as exc:
            _fail(str(exc))

    return wrapper


def _say(line: str) -> None:
    click.echo(line, err=True)


@click.group("languagetool")
def languagetool() -> None:
    """Install and inspect LanguageTool (grammar, spelling, typography).

    factlint runs LanguageTool 6.8 as a local server; it needs Java 17 or newer
    and, to install, Maven with access to Maven Central.
    """


@languagetool.command("install")
@_config_option
@click.option("--force", is_flag=True, help="Resolve again even when the cache is complete.")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@_one_line_errors
def install_command(config_path: Path | None, force: bool, quiet: bool) -> None:
    """Resolve the pinned LanguageTool from Maven Central into the cache (no-op when cached)."""
    from lint.languagetool.install import install

    settings = _settings(config_path)
    if settings.external and not force:
        if not quiet:
            _say(f"languagetool.url is {settings.url}: nothing to install")
        return
    install(settings, force=force, progress=None if quiet else _say)


@languagetool.command("path")
@_config_option
@_one_line_errors
def path_command(config_path: Path | None) -> None:
    """Print the directory of the LanguageTool jars."""
    click.echo(str(_settings(config_path).jars))


@languagetool.command("status")
@_config_option
@_one_line_errors
def languagetool_status(config_path: Path | None) -> None:
    """Show the pinned version, the install, the Java found and the server."""
    from lint.languagetool.install import installed_version, is_installed
    from lint.languagetool.java import find_java, java_version

    settings = _settings(config_path)
    click.echo(f"version:   {settings.version} (pinned)")
    if settings.external:
        click.echo(f"url:       {settings.url} (external: nothing installed or started)")
    else:
        installed = is_installed(settings.jars)
        state = f"installed ({installed_version(settings.jars)})" if installed else "not installed"
        click.echo(f"jars:      {settings.jars} [{state}]")
        try:
            java = find_java(settings.java)
            click.echo(f"java:      {java} (Java {java_version(java)})")
        except LanguageToolError as exc:
            click.echo(f"java:      {exc}")
    _print_status(settings)


@click.group("server")
def server() -> None:
    """Manage the per-user LanguageTool server (127.0.0.1, stopped when idle)."""


@server.command("start")
@_config_option
@_one_line_errors
def server_start(config_path: Path | None) -> None:
    """Start the server unless it runs (installing LanguageTool first if needed)."""
    from lint.languagetool import server as srv

    settings = _settings(config_path)
    if settings.external:
        _fail(f"languagetool.url is {settings.url}: that server is not factlint's to start")
    before = srv.read_state(settings.state)
    state = srv.ensure_server(settings, say=_say)
    verb = "already running" if before and before.pid == state.pid else "running"
    click.echo(f"LanguageTool {state.version} {verb} on {state.url} (pid {state.pid})")


@server.command("stop")
@_config_option
@_one_line_errors
def server_stop(config_path: Path | None) -> None:
    """Stop the server if it runs."""
    from lint.languagetool import server as srv

    settings = _settings(config_path)
    if settings.external:
        _fail(f"languagetool.url is {settings.url}: that server is not factlint's to stop")
    state = srv.stop_server(settings)
    if state is None:
        click.echo("no LanguageTool server was running")
    else:
        click.echo(f"stopped LanguageTool {state.version} (pid {state.pid}, {state.url})")


@server.command("status")
@_config_option
@_one_line_errors
def server_status(config_path: Path | None) -> None:
    """Show the server; exit 1 when none runs."""
    if not _print_status(_settings(config_path)):
        sys.exit(1)


def _print_status(settings: LanguageToolSettings) -> bool:
    from lint.languagetool.server import server_status as status

    info = status(settings)
    if info["mode"] == "external":
        word = "answers" if info["answers"] else "does NOT answer"
        click.echo(f"server:    external {info['url']} ({word})")
        return bool(info["answers"])
    if not info.get("running"):
        note = f" ({info['note']})" if info.get("note") else ""
        click.echo(f"server:    not running{note}")
        return False
    click.echo(f"server:    running on {info['url']} (pid {info['pid']}, {info['version']})")
    click.echo(f"java:      {info['java']}, -Xmx{info['max_memory']}")
    click.echo(f"started:   {info['started']} (ready in {info['startup_seconds']} s)")
    timeout = info["idle_timeout"]
    stops = f"stops after {timeout} s idle" if timeout else "never stopped for idleness"
    click.echo(f"idle:      {info['idle_seconds']} s ({stops})")
    click.echo(f"state:     {info['state_dir']}")
    return True


def main() -> None:
    """``python -m lint.languagetool``: the ``languagetool`` commands plus ``server``."""
    group = click.Group(
        "lint.languagetool",
        commands={**languagetool.commands, "server": server},
        help=languagetool.help,
    )
    group(prog_name="python -m lint.languagetool")
