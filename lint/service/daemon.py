"""The service process: a warm engine behind a Unix socket (``python -m lint.service.daemon``).

The service loads spaCy and the packs once, then forks *workers* from itself
(copy-on-write: a fork is milliseconds, and the warm engine comes with it). Each
check runs in a worker, exactly as the CLI would run it in the client's
directory, environment and standard streams; a worker serves one request at a
time and keeps its per-paragraph cache for the next. So requests are served
independently:

- the main process only accepts, answers ``status`` and ``stop`` itself, and
  hands checks to idle workers (up to ``FACTLINT_SERVICE_WORKERS``, default the
  usable cores, at least 2); a check that finds none busy waits in a queue, and a
  client that waits longer than it wants falls back in-process (``client``);
- each request is bounded: ``FACTLINT_SERVICE_TIMEOUT`` seconds of checking
  (default 600; the worker says so in one line, and the main process kills a
  worker that does not stop; a report being printed to a slow reader is not
  bounded, as in-process) and ``FACTLINT_SERVICE_MEMORY_MB`` of address space
  beyond the warm engine (default 2048);
- a client that goes away (Ctrl-C, a closed pipe) cancels its request: the main
  process sees the connection close and stops that worker, so nothing is written
  afterwards (an interrupted ``--fix`` is never applied later).

The warm-up reads no client's directory or configuration: it runs in the
service directory with the shipped defaults. The service exits when idle for
``FACTLINT_SERVICE_IDLE`` seconds (default 900), on ``factlint service stop``, on
SIGTERM, or after telling a client with newer factlint code to start a fresh
service; a worker that is still busy then finishes its request first.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import datetime as dt
import fcntl
import gc
import io
import logging
import os
import select
import selectors
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lint.service import paths, protocol

IDLE_TIMEOUT = 900.0
REQUEST_TIMEOUT = 600.0
MEMORY_MB = 2048
RECEIVE_TIMEOUT = 10.0  # seconds a client may take to send its request
SEND_TIMEOUT = 5.0  # seconds the main process waits for a client to take a short answer
STOP_GRACE = 3.0  # seconds a cancelled worker has before SIGKILL
WARM_UP = (
    "On Christmas Day, Wednesday 25 December 2024, Prime Minister Anthony Albanese, 61, "
    "visited Canberra, the capital of Australia, a year after the floods of 2023.\n\n"
    'Mr Albanese said the council would "toe the line" on Boxing Day.\n'
)
"""A draft of our own that makes the first real check find loaded what its rules load on
first use: the dates and holidays data, the people and places indexes, spaCy's pipes."""
WARM_UP_DATE = dt.date(2025, 1, 10)
log = logging.getLogger("factlint.service")


class Stop(BaseException):
    """SIGTERM to the main process: leave whatever is running."""


class Cancel(BaseException):
    """SIGTERM to a worker: its client went away; stop now and write nothing more."""


class Deadline(BaseException):
    """SIGALRM in a worker: the request ran past FACTLINT_SERVICE_TIMEOUT."""


def _raise(kind: type[BaseException]):
    def handler(*_: object) -> None:
        raise kind

    return handler


def _setting(name: str, default: float, least: float = 1.0) -> float:
    try:
        return max(least, float(os.environ.get(name, default)))
    except ValueError:
        return default


def idle_timeout() -> float:
    return _setting("FACTLINT_SERVICE_IDLE", IDLE_TIMEOUT)


def request_timeout() -> float:
    return _setting("FACTLINT_SERVICE_TIMEOUT", REQUEST_TIMEOUT)


def max_workers() -> int:
    from lint.parallel import default_jobs

    return int(_setting("FACTLINT_SERVICE_WORKERS", max(2, default_jobs())))


# -- a worker's side ---------------------------------------------------------------------------

_BLOCKED = {signal.SIGALRM}


class Stream(io.TextIOBase):
    """A client's stdout or stderr: writes go to it as messages; isatty() is the client's."""

    def __init__(
        self, sock: socket.socket, key: str, tty: bool, first: Callable[[], None] | None = None
    ) -> None:
        self.sock, self.key, self.tty = sock, key, tty
        self.closed_by_peer = False
        self.first = first  # called before the first write

    def write(self, text: str | bytes) -> int:
        if isinstance(text, bytes | bytearray):  # click writes bytes to streams it must
            text = bytes(text).decode("utf-8", "replace")
        if text and self.first is not None:
            first, self.first = self.first, None
            first()
        if text and not self.closed_by_peer:
            # a deadline must not cut a message in half: the client could not read on
            old = signal.pthread_sigmask(signal.SIG_BLOCK, _BLOCKED)
            try:
                protocol.send(self.sock, {self.key: text})
            except OSError:
                self.closed_by_peer = True  # the client went away; the main process cancels
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)
        return len(text)

    def isatty(self) -> bool:
        return self.tty

    @property
    def encoding(self) -> str:
        return "utf-8"


def run_cli(
    conn: socket.socket, request: dict, timeout: float, printing: Callable[[], None] | None = None
) -> tuple[int, bool]:
    """Run ``factlint ARGV`` as the client would have, with its cwd, env and streams:
    the exit code, and whether this worker should retire (a deadline or memory ran out,
    so threads or caches may be in any state).

    The deadline bounds the check, not its reader: the report is written once the check
    is done, so at its first line the alarm is off and ``printing`` tells the main
    process, and a client that reads slowly (a pager, for as long as its user reads)
    gets all of it, as from a check in its own process."""
    from lint import cli

    def first_line() -> None:
        signal.alarm(0)
        if printing is not None:
            printing()

    tty = request.get("tty") or {}
    out = Stream(conn, "out", bool(tty.get("out")), first_line)
    err = Stream(conn, "err", bool(tty.get("err")))
    data = base64.b64decode(request.get("stdin") or "")
    if request.get("stdin_capped"):
        err.write(
            f"factlint: error: -: standard input is larger than {len(data) >> 20} MB, more "
            "than the service takes; use --no-service to lint it\n"
        )
        return 2, False
    stdin = io.TextIOWrapper(io.BytesIO(data))
    saved = (os.getcwd(), dict(os.environ), sys.stdin, sys.stdout, sys.stderr)
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request.get("env") or {})
        sys.stdin, sys.stdout, sys.stderr = stdin, out, err
        signal.alarm(max(1, round(timeout)))
        try:
            cli.main(list(request["argv"]), prog_name="factlint")
        except SystemExit as exit_:
            code = exit_.code
            return (code if isinstance(code, int) else (0 if code is None else 2)), False
        except Deadline:
            err.write(
                f"factlint: error: the check took longer than {timeout:.0f} s, the service's "
                "limit (FACTLINT_SERVICE_TIMEOUT); stopped\n"
            )
            return 2, True
        except MemoryError:
            err.write(
                "factlint: error: the check needed more memory than the service allows "
                "(FACTLINT_SERVICE_MEMORY_MB); stopped\n"
            )
            return 2, True
        except Exception as exc:
            log.error("check failed:\n%s", traceback.format_exc())
            err.write(f"factlint: error: internal error: {type(exc).__name__}: {exc}\n")
            return 2, False
        finally:
            signal.alarm(0)
        return 0, False
    finally:
        cwd, env, sys.stdin, sys.stdout, sys.stderr = saved
        os.environ.clear()
        os.environ.update(env)
        with contextlib.suppress(OSError):
            os.chdir(cwd)


def _bound_memory(extra_mb: float) -> None:
    """Address space: what the warm engine has now plus ``extra_mb``."""
    import resource

    try:
        with open("/proc/self/status") as status:
            vm = next(int(line.split()[1]) << 10 for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = vm + (int(extra_mb) << 20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def worker_main(ctrl: socket.socket, timeout: float, memory_mb: float) -> None:
    """A forked worker: take a connection and its request from the main process, run it,
    say so; until the main process closes ``ctrl`` or this worker must retire."""
    signal.signal(signal.SIGTERM, _raise(Cancel))
    signal.signal(signal.SIGALRM, _raise(Deadline))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _bound_memory(memory_mb)
    while True:
        try:
            msg, fds, _, _ = socket.recv_fds(ctrl, 16, 1)
            if not msg or not fds:
                return
            request = protocol.receive(ctrl)
            if request is None:
                return
        except Cancel:
            return
        conn = _connection(fds[0])
        retire = False
        try:
            code, retire = run_cli(conn, request, timeout, lambda: _say(ctrl, printing=True))
            _say(ctrl, finishing=True)  # before the client can hang up
            with contextlib.suppress(OSError):
                protocol.send(conn, {"exit": code})
        except Cancel:
            _abandon()
            os._exit(0)  # nothing more is written: not output, not a fix
        finally:
            with contextlib.suppress(OSError):
                conn.close()
        try:
            protocol.send(ctrl, {"done": True, "retire": retire})
        except (OSError, Cancel):
            return
        if retire:
            return


def _say(ctrl: socket.socket, **message: object) -> None:
    with contextlib.suppress(OSError):  # the main process may have stopped
        protocol.send(ctrl, message)


def _connection(fd: int) -> socket.socket:
    """The client's connection, handed over by the main process, made blocking. The main
    process gave it a send timeout, which in Python makes the file description (shared
    with this process) non-blocking, and a socket made from a descriptor does not know
    that: a client slower to read than the check writes (a loaded machine, a pager) got
    EAGAIN, and the rest of its report was lost."""
    conn = socket.socket(fileno=fd)
    conn.setblocking(True)
    return conn


def _abandon() -> None:
    """A LanguageTool server this process was starting is stopped with it."""
    backend = sys.modules.get("lint.languagetool.backend")
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.abandon_starting_servers()


# -- the main process ----------------------------------------------------------------------


@dataclass
class Worker:
    pid: int
    ctrl: socket.socket
    conn: socket.socket | None = None
    began: float = 0.0
    finishing: bool = False
    printing: bool = False  # its check is done: the deadline no longer applies
    cancelled_at: float | None = None
    served: int = 0
    last_used: float = field(default_factory=time.monotonic)


class Service:
    def __init__(self, idle_timeout: float) -> None:
        self.idle_timeout = idle_timeout
        self.timeout = request_timeout()
        self.memory_mb = _setting("FACTLINT_SERVICE_MEMORY_MB", MEMORY_MB, least=64)
        self.max_workers = max_workers()
        self.fingerprint = paths.fingerprint()
        self.started = time.time()
        self.served = 0
        self.cancelled = 0
        self.stopping = False
        self.workers: dict[int, Worker] = {}
        self.queue: collections.deque[tuple[socket.socket, dict]] = collections.deque()
        self.selector = selectors.DefaultSelector()
        self.closing: list[int] = []  # fds to close with the listener in a child
        self.dying: dict[int, float] = {}  # signalled, not yet reaped: pid -> since
        self.listener: socket.socket | None = None
        self.socket_path = paths.socket_path()
        self.lock: io.IOBase | None = None

    def warm(self) -> None:
        """Load what every check needs: the CLI, spaCy and the default packs. Nothing of
        any client's: the shipped defaults, rooted in the service's own directory."""
        from lint import cli
        from lint.config import Config
        from lint.engine import Engine
        from lint.languagetool import backend_for
        from lint.runner import lint_source

        cli.SHARED_ENGINE = Engine(languagetool=backend_for, disk=True)
        config = Config(root=Path(os.getcwd()), languagetool={"enabled": False}, cache=False)
        lint_source("warm-up.txt", WARM_UP, "text", config, cli.SHARED_ENGINE, WARM_UP_DATE)
        with contextlib.suppress(ImportError):  # the speller filter's word frequencies
            import wordfreq

            wordfreq.zipf_frequency("warm", "en")

    # -- the loop ------------------------------------------------------------------------

    def serve(self, listener: socket.socket) -> None:
        self.listener = listener
        listener.setblocking(False)
        self.selector.register(listener, selectors.EVENT_READ, ("listener", None))
        last = time.monotonic()
        while True:
            if self.stopping:
                self.make_way()
            busy = self.queue or any(w.conn for w in self.workers.values())
            if self.stopping and not busy:
                return
            if busy:
                last = time.monotonic()
            elif time.monotonic() - last >= self.idle_timeout:
                log.info("idle for %.0f s: stopping", self.idle_timeout)
                return
            for key, _ in self.selector.select(timeout=0.5):
                kind, worker = key.data
                if kind == "listener":
                    self.accept()
                elif kind == "ctrl":
                    self.from_worker(worker)
                elif kind == "client":
                    self.client_moved(worker)
                elif kind == "queued":
                    self.queued_client_moved(key.fileobj)
            self.reap()
            self.enforce_deadlines()
            self.dispatch()

    def accept(self) -> None:
        try:
            conn, _ = self.listener.accept()  # type: ignore[union-attr]
        except (BlockingIOError, InterruptedError):
            return
        uid = protocol.peer_uid(conn)
        if uid != os.getuid():
            log.warning("refused a connection from uid %s", uid)
            conn.close()
            return
        conn.setblocking(True)
        conn.settimeout(RECEIVE_TIMEOUT)
        try:
            request = protocol.receive(conn)
        except (OSError, ValueError) as exc:
            log.warning("a client's request could not be read: %s", exc)
            conn.close()
            return
        if request is None:
            conn.close()
            return
        command = request.get("command", "check")
        if command == "status":
            self.answer(conn, self.status())
        elif command == "stop":
            self.stopping = True
            self.answer(conn, {"stopped": os.getpid()})
        elif request.get("fingerprint") != self.fingerprint:
            self.stopping = True  # factlint changed under us: make way for a fresh service
            self.answer(conn, {"restart": True})
        elif self.stopping:
            self.answer(conn, {"restart": True})
        else:
            self.queue.append((conn, request))
            self.selector.register(conn, selectors.EVENT_READ, ("queued", None))

    def make_way(self) -> None:
        """Stopping: stop listening, remove the socket and let go of the lock at once, so a
        new service can start while busy workers finish their requests; queued clients
        are told to go to it."""
        if self.listener is None:
            return
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(self.listener)
        self.listener.close()
        self.listener = None
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.socket_path)  # before the lock goes: no new service bound it yet
        if self.lock is not None:
            self.lock.close()  # flock released: the next client may start a service
            self.lock = None
        self.closing = []
        while self.queue:
            conn, _ = self.queue.popleft()
            with contextlib.suppress(KeyError, ValueError):
                self.selector.unregister(conn)
            self.answer(conn, {"restart": True})

    def answer(self, conn: socket.socket, message: dict) -> None:
        conn.settimeout(SEND_TIMEOUT)
        with contextlib.suppress(OSError), conn:
            protocol.send(conn, message)

    def dispatch(self) -> None:
        while self.queue and not self.stopping:
            worker = self.idle_worker()
            if worker is None:
                return
            conn, request = self.queue.popleft()
            self.selector.unregister(conn)
            conn.settimeout(SEND_TIMEOUT)
            try:
                protocol.send(conn, {"started": worker.pid})
                socket.send_fds(worker.ctrl, [b"r"], [conn.fileno()])
                worker.ctrl.settimeout(None)
                protocol.send(worker.ctrl, request)
            except OSError as exc:
                log.warning("a request could not be handed over: %s", exc)
                conn.close()
                continue
            worker.conn, worker.began = conn, time.monotonic()
            worker.finishing = worker.printing = False
            worker.served += 1
            self.served += 1
            self.selector.register(conn, selectors.EVENT_READ, ("client", worker))

    def idle_worker(self) -> Worker | None:
        idle = [w for w in self.workers.values() if w.conn is None and w.cancelled_at is None]
        if idle:
            return max(idle, key=lambda w: w.last_used)  # the warmest cache
        if len(self.workers) >= self.max_workers:
            return None
        return self.fork_worker()

    def fork_worker(self) -> Worker | None:
        if threading.active_count() > 1:
            log.warning("%d threads in the main process at fork", threading.active_count())
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                ours.close()
                self.selector.close()
                for fd in self.closing:
                    with contextlib.suppress(OSError):
                        os.close(fd)
                if self.listener is not None:
                    self.listener.close()
                for other in self.workers.values():
                    other.ctrl.close()
                    if other.conn is not None:
                        other.conn.close()
                for conn, _ in self.queue:
                    conn.close()
                worker_main(theirs, self.timeout, self.memory_mb)
            except BaseException:
                log.error("worker failed:\n%s", traceback.format_exc())
                code = 1
            finally:
                os._exit(code)
        theirs.close()
        worker = Worker(pid, ours)
        self.workers[pid] = worker
        self.selector.register(ours, selectors.EVENT_READ, ("ctrl", worker))
        log.info("worker %d started", pid)
        return worker

    def from_worker(self, worker: Worker) -> None:
        worker.ctrl.settimeout(SEND_TIMEOUT)
        try:
            message = protocol.receive(worker.ctrl)
        except (OSError, ValueError):
            message = None
        if message is None:  # the worker exited (or was killed)
            self.drop(worker)
            return
        if message.get("printing"):
            worker.printing = True
        if message.get("finishing"):
            worker.finishing = True
        if message.get("done"):
            self.release(worker)
            worker.last_used = time.monotonic()
            if message.get("retire"):
                self.drop(worker)

    def release(self, worker: Worker) -> None:
        if worker.conn is not None:
            with contextlib.suppress(KeyError, ValueError):
                self.selector.unregister(worker.conn)
            worker.conn.close()
            worker.conn = None

    def drop(self, worker: Worker) -> None:
        """Forget a worker; its client, if any, sees the connection close (and falls back)."""
        self.release(worker)
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(worker.ctrl)
        worker.ctrl.close()
        self.workers.pop(worker.pid, None)
        if worker.cancelled_at is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker.pid, signal.SIGTERM)
            worker.cancelled_at = time.monotonic()
        self.dying[worker.pid] = worker.cancelled_at

    def client_moved(self, worker: Worker) -> None:
        """The client of a running request closed its connection (or sent something,
        which only a client that is leaving does): cancel the request, unless the worker
        has already said it is finishing (then the client simply read its exit code)."""
        while worker.pid in self.workers and not worker.finishing:
            ready, _, _ = select.select([worker.ctrl], [], [], 0)
            if not ready:
                break
            self.from_worker(worker)  # a message the worker sent before the client left
        if worker.conn is None:
            return
        if worker.finishing:
            self.release(worker)
            return
        log.info("client of worker %d went away: cancelling its request", worker.pid)
        self.cancelled += 1
        self.release(worker)
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGTERM)
        worker.cancelled_at = time.monotonic()

    def queued_client_moved(self, conn: socket.socket) -> None:
        for k, (queued, _) in enumerate(self.queue):
            if queued is conn:
                del self.queue[k]
                break
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(conn)
        conn.close()

    def enforce_deadlines(self) -> None:
        now = time.monotonic()
        for worker in list(self.workers.values()):
            cancelled = worker.cancelled_at is not None and now - worker.cancelled_at > STOP_GRACE
            overdue = (
                worker.conn is not None
                and not worker.printing
                and now - worker.began > self.timeout + 15
            )
            if cancelled or overdue:
                log.warning("worker %d does not stop: killing it", worker.pid)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.pid, signal.SIGKILL)
                worker.cancelled_at = worker.cancelled_at or now
                self.drop(worker)
        for pid, since in list(self.dying.items()):
            if now - since > STOP_GRACE:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def reap(self) -> None:
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.dying.pop(pid, None)
            worker = self.workers.get(pid)
            if worker is not None:
                log.warning("worker %d exited", pid)
                worker.cancelled_at = worker.cancelled_at or time.monotonic()
                self.drop(worker)
                self.dying.pop(pid, None)

    def shutdown(self) -> None:
        """Idle workers exit now; a busy one finishes its request first (its ctrl closes)."""
        for worker in list(self.workers.values()):
            if worker.conn is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.pid, signal.SIGTERM)
            worker.ctrl.close()
            if worker.conn is not None:
                worker.conn.close()
        for conn, _ in self.queue:
            conn.close()
        self.reap()

    def status(self) -> dict:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
        workers = []
        for worker in self.workers.values():
            rss = _peak_mb(worker.pid)
            peak = max(peak, rss)
            workers.append({"pid": worker.pid, "busy": worker.conn is not None,
                            "served": worker.served, "peak_mb": rss})  # fmt: skip
        return {
            "pid": os.getpid(),
            "started": self.started,
            "served": self.served,
            "cancelled": self.cancelled,
            "queued": len(self.queue),
            "workers": workers,
            "max_workers": self.max_workers,
            "request_timeout": self.timeout,
            "idle_timeout": self.idle_timeout,
            "fingerprint": self.fingerprint,
            "max_rss_mb": peak,
            "socket": str(paths.socket_path()),
        }


def _peak_mb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(ln.split()[1]) >> 10 for ln in status if ln.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return 0


def main() -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s factlint-service[%(process)d] %(message)s"
    )
    lock = open(paths.lock_path(), "a")  # noqa: SIM115 - held for the life of the process
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 0  # another service runs (or is starting): nothing to do
    signal.signal(signal.SIGTERM, _raise(Stop))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is its client's
    os.chdir(paths.directory())  # never a client's directory
    path = Path(paths.socket_path())
    service = Service(idle_timeout())
    service.lock, service.closing = lock, [lock.fileno()]  # workers must not keep the lock
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        # warm before listening: a client connects once a check can start at once (the
        # lock tells other clients a service is starting meanwhile)
        service.warm()
        gc.freeze()  # what is loaded now lives as long as we do: no collection rescans it
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # left by a service that crashed: we hold the lock, so it is stale
        old_umask = os.umask(0o177)
        try:
            listener.bind(str(path))
        finally:
            os.umask(old_umask)
        listener.listen(64)
        log.info("warm; listening on %s", path)
        service.serve(listener)
    except Stop:
        log.info("terminated")
    finally:
        if service.listener is not None:  # (after make_way the path may be a new service's)
            service.make_way()
        listener.close()
        service.shutdown()
        log.info("stopped after %d requests", service.served)
    return 0


if __name__ == "__main__":
    sys.exit(main())
