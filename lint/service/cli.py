"""``factlint service start|stop|status``: the warm service by hand (it also starts itself)."""

from __future__ import annotations

import datetime as dt
import json

import click

from lint.service import client, paths, protocol

ANSWER_TIMEOUT = 10.0  # the main process answers these itself, even when every worker is busy


class Failure(click.ClickException):
    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"factlint: error: {self.format_message()}", err=True)


def ask(command: str) -> dict | None:
    """The running service's answer to ``command``; None when none runs."""
    try:
        sock = client.connect()
        if sock is None:
            return None
        with sock:
            sock.settimeout(ANSWER_TIMEOUT)
            protocol.send(sock, {"command": command})
            return protocol.receive(sock)
    except PermissionError as exc:  # the service directory is not private
        raise Failure(str(exc)) from None
    except (OSError, ValueError) as exc:
        raise Failure(f"the factlint service did not answer: {exc}") from None


@click.group()
def service() -> None:
    """The warm factlint service that `factlint check` uses (spaCy and packs kept loaded)."""


@service.command()
def start() -> None:
    """Start the service unless it runs; print its pid."""
    state = ask("status")
    if state is None:
        sock = client.start()
        if sock is None:
            raise click.ClickException(f"the service did not start (log: {paths.log_path()})")
        sock.close()
        state = ask("status") or {}
    click.echo(f"factlint service running: pid {state.get('pid')}, socket {paths.socket_path()}")


@service.command()
def stop() -> None:
    """Stop the service if it runs."""
    answer = ask("stop")
    if answer is None:
        click.echo("factlint service not running")
        return
    client.wait_gone()
    click.echo(f"factlint service stopped (pid {answer.get('stopped')})")


@service.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(as_json: bool) -> None:
    """Whether the service runs, since when, how much it has done."""
    state = ask("status")
    if as_json:
        click.echo(json.dumps(state or {"running": False}, indent=2))
        return
    if state is None:
        click.echo(f"factlint service not running (socket {paths.socket_path()})")
        return
    since = dt.datetime.fromtimestamp(state["started"]).isoformat(timespec="seconds")
    click.echo(
        f"factlint service running: pid {state['pid']} since {since}, "
        f"{state['served']} checks served, peak memory {state['max_rss_mb']} MB, "
        f"stops after {state['idle_timeout']:.0f} s idle; socket {state['socket']}; "
        f"log {paths.log_path()}"
    )
