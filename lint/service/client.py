"""The ``factlint`` command as a thin client of the warm service.

``factlint check`` is handed to the service (started on first use) and its
output relayed; every other command, ``--no-service``, ``FACTLINT_SERVICE=0``,
or a service that cannot be reached or dies mid-run means the full CLI runs in
this process instead. Standard library only, and only what every check needs
at the top (``subprocess`` and ``base64`` are imported where they are used), so
this path starts in milliseconds.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time

from lint.service import paths, protocol

START_TIMEOUT = 120.0  # seconds a new service may take to load spaCy and the packs
OFF = {"0", "off", "no", "false"}
STDIN_LIMIT = 64 << 20  # bytes of standard input the service takes (max-file-size: 5 MB)


def main() -> None:
    argv = sys.argv[1:]
    if wanted(argv):
        code = run(argv)
        if code is not None:
            sys.exit(code)
    from lint.cli import main as cli

    cli(prog_name="factlint")


def wanted(argv: list[str]) -> bool:
    """Is this a ``check`` the service may run?"""
    return (
        bool(argv)
        and argv[0] == "check"
        and "--no-service" not in argv
        and not {"-h", "--help"} & set(argv)
        and os.environ.get("FACTLINT_SERVICE", "1").strip().lower() not in OFF
        and hasattr(socket, "AF_UNIX")
    )


def run(argv: list[str]) -> int | None:
    """The exit code of ``argv`` run by the service, or None to run it here instead."""
    try:
        request = _request(argv)
        for _ in range(2):  # a stale service is replaced once
            sock = connect() or start()
            if sock is None:
                return None
            with sock:
                protocol.send(sock, request)
                outcome = relay(sock)
            if outcome != "restart":
                return outcome
            wait_gone()
    except (OSError, ValueError):
        return None
    return None


def _request(argv: list[str]) -> dict:
    request = {
        "argv": argv,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "tty": {"out": sys.stdout.isatty(), "err": sys.stderr.isatty()},
        "fingerprint": paths.fingerprint(),
    }
    if "-" in argv[1:]:
        import base64

        data = sys.stdin.buffer.read(STDIN_LIMIT + 1)  # an endless stream stops here
        request["stdin"] = base64.b64encode(data[:STDIN_LIMIT]).decode("ascii")
        request["stdin_capped"] = len(data) > STDIN_LIMIT
    if sys.stdout.isatty():
        size = os.get_terminal_size(sys.stdout.fileno())
        request["env"].setdefault("COLUMNS", str(size.columns))
    return request


def relay(sock: socket.socket) -> int | str | None:
    """Copy the service's output to ours; its exit code, "restart", or None when it
    stopped before finishing (the caller then checks in-process)."""
    while True:
        message = protocol.receive(sock)
        if message is None:
            print(
                "factlint: note: the factlint service stopped mid-run; checking in-process",
                file=sys.stderr,
            )
            return None
        if "out" in message:
            sys.stdout.write(message["out"])
            sys.stdout.flush()
        if "err" in message:
            sys.stderr.write(message["err"])
            sys.stderr.flush()
        if message.get("restart"):
            return "restart"
        if "exit" in message:
            return int(message["exit"])


def connect(path: str | None = None) -> socket.socket | None:
    """A connection to the running service, or None when none answers."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path or paths.socket_path()))
    except OSError:
        sock.close()
        return None
    return sock


def start() -> socket.socket | None:
    """Start the service and connect once it listens; None if it exits first."""
    import subprocess

    log = open(paths.log_path(), "ab")  # noqa: SIM115 - handed to the child
    with log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lint.service.daemon"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,  # outlives this command; not killed by its Ctrl-C
            close_fds=True,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        sock = connect()
        if sock is not None:
            return sock
        if proc.poll() is not None and not serving():  # it failed
            return connect()
        time.sleep(0.02)
    with contextlib.suppress(OSError):
        proc.terminate()
    return None


def serving() -> bool:
    """Does a service hold the lock (running, or starting: another client won the race)?"""
    import fcntl

    with open(paths.lock_path(), "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(lock, fcntl.LOCK_UN)
        return False


def wait_gone(seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (os.path.exists(paths.socket_path()) or serving()):
        time.sleep(0.05)
