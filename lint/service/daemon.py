"""The service process: a warm engine behind a Unix socket (``python -m lint.service.daemon``).

One request at a time, each run exactly as the CLI would run it in the
client's directory, environment and standard streams; spaCy, the compiled
packs and the per-paragraph cache stay loaded between requests. It exits when
idle for ``FACTLINT_SERVICE_IDLE`` seconds (default 900), on ``factlint service
stop``, on SIGTERM, or after telling a client with newer factlint code to start
a fresh service.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import gc
import io
import logging
import os
import signal
import socket
import struct
import sys
import time
import traceback
from pathlib import Path

from lint.service import paths, protocol

IDLE_TIMEOUT = 900.0
log = logging.getLogger("factlint.service")


class Stop(BaseException):
    """SIGTERM: leave whatever is running (not an exit code a check could catch)."""


def _stop(*_: object) -> None:
    raise Stop


class Stream(io.TextIOBase):
    """A client's stdout or stderr: writes go to it as messages; isatty() is the client's."""

    def __init__(self, sock: socket.socket, key: str, tty: bool) -> None:
        self.sock, self.key, self.tty = sock, key, tty
        self.closed_by_peer = False

    def write(self, text: str | bytes) -> int:
        if isinstance(text, bytes | bytearray):  # click writes bytes to streams it must
            text = bytes(text).decode("utf-8", "replace")
        if text and not self.closed_by_peer:
            try:
                protocol.send(self.sock, {self.key: text})
            except OSError:
                self.closed_by_peer = True  # the client went away; finish quietly
        return len(text)

    def isatty(self) -> bool:
        return self.tty

    @property
    def encoding(self) -> str:
        return "utf-8"


class Service:
    def __init__(self, idle_timeout: float) -> None:
        self.idle_timeout = idle_timeout
        self.fingerprint = paths.fingerprint()
        self.started = time.time()
        self.served = 0
        self.stopping = False

    def warm(self) -> None:
        """Load what every check needs: the CLI, spaCy and the default packs."""
        from lint import cli
        from lint.config import ConfigFinder
        from lint.engine import Engine
        from lint.languagetool import backend_for
        from lint.runner import lint_source

        cli.SHARED_ENGINE = Engine(languagetool=backend_for, disk=True)
        config = ConfigFinder(None).for_path(None)
        config = config.replace(languagetool={**config.languagetool, "enabled": False})
        lint_source("warm-up.txt", "The service is warm.", "text", config, cli.SHARED_ENGINE)

    def serve(self, listener: socket.socket) -> None:
        last = time.monotonic()
        while not self.stopping:
            listener.settimeout(max(0.1, self.idle_timeout - (time.monotonic() - last)))
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                log.info("idle for %.0f s: stopping", self.idle_timeout)
                return
            with conn:
                conn.settimeout(None)
                uid = peer_uid(conn)
                if uid != os.getuid():
                    log.warning("refused a connection from uid %s", uid)
                    continue
                try:
                    self.handle(conn)
                except Exception:  # one bad request must not stop the service
                    log.error("request failed:\n%s", traceback.format_exc())
            last = time.monotonic()

    def handle(self, conn: socket.socket) -> None:
        request = protocol.receive(conn)
        if request is None:
            return
        command = request.get("command", "check")
        if command == "status":
            protocol.send(conn, self.status())
        elif command == "stop":
            self.stopping = True
            protocol.send(conn, {"stopped": os.getpid()})
        elif request.get("fingerprint") != self.fingerprint:
            self.stopping = True  # factlint changed under us: make way for a fresh service
            protocol.send(conn, {"restart": True})
        else:
            self.served += 1
            protocol.send(conn, {"exit": self.run_cli(conn, request)})

    def run_cli(self, conn: socket.socket, request: dict) -> int:
        """Run ``factlint ARGV`` as the client would have, with its cwd, env and streams."""
        from lint import cli

        tty = request.get("tty") or {}
        out = Stream(conn, "out", bool(tty.get("out")))
        err = Stream(conn, "err", bool(tty.get("err")))
        if request.get("stdin_capped"):
            limit = len(base64.b64decode(request.get("stdin") or "")) >> 20
            err.write(
                f"factlint: error: -: standard input is larger than {limit} MB, more than the "
                "service takes; use --no-service to lint it\n"
            )
            return 2
        stdin = io.TextIOWrapper(io.BytesIO(base64.b64decode(request.get("stdin") or "")))
        saved = (os.getcwd(), dict(os.environ), sys.stdin, sys.stdout, sys.stderr)
        try:
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(request.get("env") or {})
            sys.stdin, sys.stdout, sys.stderr = stdin, out, err
            try:
                cli.main(list(request["argv"]), prog_name="factlint")
            except SystemExit as exit_:
                return (
                    exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
                )
            except Exception as exc:
                log.error("check failed:\n%s", traceback.format_exc())
                err.write(f"factlint: error: internal error: {type(exc).__name__}: {exc}\n")
                return 2
            return 0
        finally:
            cwd, env, sys.stdin, sys.stdout, sys.stderr = saved
            os.environ.clear()
            os.environ.update(env)
            with contextlib.suppress(OSError):
                os.chdir(cwd)

    def status(self) -> dict:
        import resource

        return {
            "pid": os.getpid(),
            "started": self.started,
            "served": self.served,
            "idle_timeout": self.idle_timeout,
            "fingerprint": self.fingerprint,
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "socket": str(paths.socket_path()),
        }


def peer_uid(conn: socket.socket) -> int | None:
    """The uid of the process at the other end (Linux SO_PEERCRED)."""
    try:
        creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except (OSError, AttributeError):
        return None
    return struct.unpack("3i", creds)[1]


def idle_timeout() -> float:
    try:
        return max(1.0, float(os.environ.get("FACTLINT_SERVICE_IDLE", IDLE_TIMEOUT)))
    except ValueError:
        return IDLE_TIMEOUT


def main() -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s factlint-service[%(process)d] %(message)s"
    )
    lock = open(paths.lock_path(), "a")  # noqa: SIM115 - held for the life of the process
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 0  # another service runs (or is starting): nothing to do
    path = Path(paths.socket_path())
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # left by a service that crashed: we hold the lock, so it is stale
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_umask = os.umask(0o177)
    try:
        listener.bind(str(path))
    finally:
        os.umask(old_umask)
    listener.listen(64)
    signal.signal(signal.SIGTERM, _stop)
    service = Service(idle_timeout())
    log.info("listening on %s", path)
    try:
        service.warm()
        gc.freeze()  # what is loaded now lives as long as we do: no collection rescans it
        log.info("warm")
        service.serve(listener)
    except Stop:
        log.info("terminated")
    finally:
        listener.close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        log.info("stopped after %d requests", service.served)
    return 0


if __name__ == "__main__":
    sys.exit(main())
