"""The ``factlint`` command as a thin client of the warm service.

``factlint check`` is handed to the service (started on first use) and its
output relayed; every other command, ``--no-service``, ``FACTLINT_SERVICE=0``,
or a service that cannot be reached, does not start the check within
``FACTLINT_SERVICE_WAIT`` seconds (default 10), or dies mid-run before printing
means the full CLI runs in this process instead, on the same standard input (one
that dies while printing is an error: what is printed cannot be taken back).
Standard library only, and only what every check needs at the top
(``subprocess`` and ``base64`` are imported where they are used), so this path
starts in milliseconds.

What the service is told is what a check needs: the arguments, the directory,
the environment variables factlint and its libraries read (``ENV_NAMES``,
``ENV_PREFIXES``; never the rest, where tokens and secrets live), whether the
streams are terminals, and standard input. The client talks only to a socket
whose peer runs as this user (SO_PEERCRED), as the service checks its clients.

Ctrl-C ends the run at once with one line and exit 130 (the service cancels
the request; in-process, a LanguageTool server still starting is stopped);
closed standard output (``| head -1``) stops quietly, exit 1, as click does
in-process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import time

from lint.service import paths, protocol

START_TIMEOUT = 120.0  # seconds a new service may take to load spaCy and the packs
WAIT = 10.0  # seconds the service may take to start a check (FACTLINT_SERVICE_WAIT)
OFF = {"0", "off", "no", "false"}
STDIN_LIMIT = 64 << 20  # bytes of standard input the service takes (max-file-size: 5 MB)
EXIT_INTERRUPTED = 130
EXIT_ERROR = 2
ENV_PREFIXES = ("FACTLINT_", "XDG_", "LC_")
ENV_NAMES = frozenset(
    {
        "HOME", "PATH", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TERM", "COLORTERM", "COLUMNS",
        "LINES", "NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "JAVA_HOME",
        "MAVEN_HOME", "USER", "LOGNAME", "CI", "GITHUB_ACTIONS", "GITHUB_WORKSPACE",
        "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
        "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR",
    }
)  # fmt: skip
"""What a check reads from the environment: factlint's own settings, the cache and
config directories, locale, colour and terminal size, where Java and Maven are, and
the proxy settings an external LanguageTool URL may need."""


class Interrupted(BaseException):
    """Ctrl-C (SIGINT): not KeyboardInterrupt, which click turns into "Aborted!"."""


def _interrupt(*_: object) -> None:
    raise Interrupted


def main() -> None:
    argv = sys.argv[1:]
    signal.signal(signal.SIGINT, _interrupt)
    try:
        sys.exit(_main(argv))
    except Interrupted:
        _interrupted()


def _main(argv: list[str]) -> int:
    if argv == ["lsp"]:  # straight to the language server: not the CLI's imports (~5 s)
        from lint.lsp.server import main as serve

        serve()
        return 0
    if _reads_stdin(argv):
        problem = stdin_problem()
        if problem:
            print(f"factlint: error: -: {problem}", file=sys.stderr)
            return 2
    if wanted(argv):
        code, data = run(argv)
        if code is not None:
            return code
        if data is not None:  # the same bytes for the check in this process
            import io

            sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    from lint.cli import main as cli

    cli(prog_name="factlint")
    return 0


def _interrupted() -> None:
    """One line, exit 130, now: no traceback, no wait for a LanguageTool start."""
    backend = sys.modules.get("lint.languagetool.backend")
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.abandon_starting_servers()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    with contextlib.suppress(Exception):
        sys.stderr.write("\nfactlint: interrupted\n")
        sys.stderr.flush()
    os._exit(EXIT_INTERRUPTED)  # threads (a server start, LanguageTool requests) are not joined


def _reads_stdin(argv: list[str]) -> bool:
    return (
        bool(argv) and argv[0] == "check" and "-" in argv[1:] and not {"-h", "--help"} & set(argv)
    )


def stdin_problem() -> str | None:
    """Why standard input cannot be read (closed, or open for writing only), or None."""
    import fcntl

    if sys.stdin is None:
        return "standard input is closed; give a file, or pipe the draft in"
    try:
        flags = fcntl.fcntl(sys.stdin.fileno(), fcntl.F_GETFL)
    except (OSError, ValueError, AttributeError):
        return "standard input is closed; give a file, or pipe the draft in"
    if flags & os.O_ACCMODE == os.O_WRONLY:
        return "standard input is open for writing only; give a file, or pipe the draft in"
    return None


ANSWERED = ("rules", "explain", "test-packs")
"""Commands a running service answers too (it has the packs compiled); they never start
one: a lone ``factlint explain`` should not leave a daemon behind."""


def wanted(argv: list[str]) -> bool:
    """Is this a command the service may run (a ``check``, or one of ANSWERED)?"""
    return (
        bool(argv)
        and argv[0] in ("check", *ANSWERED)
        and "--no-service" not in argv
        and not {"-h", "--help"} & set(argv)
        and os.environ.get("FACTLINT_SERVICE", "1").strip().lower() not in OFF
        and hasattr(socket, "AF_UNIX")
    )


def run(argv: list[str]) -> tuple[int | None, bytes | None]:
    """The exit code of ``argv`` run by the service, or None to run it here instead; and
    the standard input read (so a check here reads the same bytes)."""
    data: bytes | None = None
    try:
        request, data = _request(argv)
        for _ in range(2):  # a stale service is replaced once
            sock = connect() or (start() if argv[0] == "check" else None)
            if sock is None:
                return None, data
            with sock:
                protocol.send(sock, request)
                outcome = relay(sock)
            if outcome != "restart":
                return outcome, data  # type: ignore[return-value]
            wait_gone()
    except PermissionError as exc:  # the service directory is not private
        _note(f"not using the factlint service: {exc}; checking in-process")
    except (OSError, ValueError):
        pass
    return None, data


def environment() -> dict[str, str]:
    """The variables a check reads (ENV_NAMES, ENV_PREFIXES), nothing else."""
    return {k: v for k, v in os.environ.items() if k in ENV_NAMES or k.startswith(ENV_PREFIXES)}


def _request(argv: list[str]) -> tuple[dict, bytes | None]:
    request = {
        "argv": argv,
        "cwd": os.getcwd(),
        "env": environment(),
        "tty": {"out": sys.stdout.isatty(), "err": sys.stderr.isatty()},
        "fingerprint": paths.fingerprint(),
    }
    data = None
    if "-" in argv[1:]:
        import base64

        data = sys.stdin.buffer.read(STDIN_LIMIT + 1)  # an endless stream stops here
        request["stdin"] = base64.b64encode(data[:STDIN_LIMIT]).decode("ascii")
        request["stdin_capped"] = len(data) > STDIN_LIMIT
    if sys.stdout.isatty():
        size = os.get_terminal_size(sys.stdout.fileno())
        request["env"].setdefault("COLUMNS", str(size.columns))
    return request, data


def _wait() -> float:
    try:
        return max(0.1, float(os.environ.get("FACTLINT_SERVICE_WAIT", WAIT)))
    except ValueError:
        return WAIT


def relay(sock: socket.socket) -> int | str | None:
    """Copy the service's output to ours; its exit code, "restart", or None when it
    stopped before finishing or did not start the check in time (the caller then
    checks in-process)."""
    waited = _wait()
    sock.settimeout(waited)
    try:
        first = protocol.receive(sock)
    except TimeoutError:
        _note(
            f"the factlint service did not start this check within {waited:g} s "
            "(FACTLINT_SERVICE_WAIT); checking in-process"
        )
        return None
    sock.settimeout(None)  # from here on the service bounds the request
    message = first
    printed = False
    while True:
        if message is None:
            return _stopped_mid_run(printed)
        try:
            if "out" in message:
                printed = True
                sys.stdout.write(message["out"])
                sys.stdout.flush()
            if "err" in message:
                sys.stderr.write(message["err"])
                sys.stderr.flush()
        except BrokenPipeError:
            return _pipe_closed(sock)
        if message.get("restart"):
            return "restart"
        if "exit" in message:
            return int(message["exit"])
        message = protocol.receive(sock)


def _stopped_mid_run(printed: bool) -> int | None:
    """None (check in-process) while nothing of the output is out; after part of it, the
    run cannot be done again without printing that part twice (a JSON reader would get
    two documents): one line and exit 2 instead."""
    if not printed:
        _note("the factlint service stopped mid-run; checking in-process")
        return None
    with contextlib.suppress(OSError):
        sys.stdout.flush()
        print(
            "factlint: error: the factlint service stopped while printing; the output above "
            "is incomplete: run the check again",
            file=sys.stderr,
        )
    return EXIT_ERROR


def _pipe_closed(sock: socket.socket) -> int:
    """Our reader went away (``| head -1``): the service is told by the closed socket,
    and nothing more is printed (exit 1, as click does in-process)."""
    sock.close()
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush goes nowhere
    return 1


def _note(text: str) -> None:
    with contextlib.suppress(OSError):
        print(f"factlint: note: {text}", file=sys.stderr)


def connect(path: str | None = None) -> socket.socket | None:
    """A connection to the running service, or None when none answers, or when the
    process at the other end is not this user's (then it is not our service)."""
    where = str(path or paths.socket_path())  # PermissionError: the directory is not private
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(where)
    except OSError:
        sock.close()
        return None
    uid = protocol.peer_uid(sock)
    if uid != os.getuid():
        sock.close()
        _note(f"the factlint service socket is held by uid {uid}, not by you; not using it")
        return None
    return sock


def start() -> socket.socket | None:
    """Start the service and connect once it listens; None if it exits first.

    It starts in its own directory, with the environment a check needs (and what
    Python needs to find factlint), not this shell's: it outlives this command."""
    import subprocess

    env = environment()
    for name in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"):
        if name in os.environ:
            env[name] = os.environ[name]
    log = open(paths.log_path(), "ab")  # noqa: SIM115 - handed to the child
    with log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lint.service.daemon"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd=paths.directory(),
            env=env,
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
