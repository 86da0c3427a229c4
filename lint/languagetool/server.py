"""One LanguageTool server per user: start, reuse, recover, stop; state under a file lock.

The server is a Java process (``org.languagetool.server.HTTPServer``) bound to
127.0.0.1 on a free port. Its pid, port, version and start time live in
``<state_dir>/state.json``; every change to that file happens under
``<state_dir>/server.lock`` (``filelock``), so many factlint processes at once
(pre-commit runs hooks in parallel) start one server between them: the first
takes the lock and starts it, the others wait on the lock and then find it.

The state file is written only once the server answers, so a state file names
a server that was ready; one whose pid is gone (a reboot, a kill) is stale and
replaced. A process that is not a LanguageTool server (the pid was reused) is
never signalled. A server whose state file vanished (its directory was
deleted) is stopped by its watchdog: nothing could find it any more.

Idle stop: every check touches ``<state_dir>/last-used``; a small watchdog
process (``lint.languagetool.watchdog``), started beside the server, stops it
once nothing touched that file for ``idle_timeout`` seconds. A dead watchdog is
replaced by the next process that uses the server.

Needs Java 17+ for the pinned LanguageTool 6.8 (found by ``java.find_java``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from lint.languagetool.errors import LanguageToolError
from lint.languagetool.install import INSTALL_LOCK_TIMEOUT, install, is_installed
from lint.languagetool.java import find_java, java_version, uncapped
from lint.languagetool.settings import LanguageToolSettings

MAIN_CLASS = "org.languagetool.server.HTTPServer"
HOST = "127.0.0.1"
STATE_FILE = "state.json"
LOCK_FILE = "server.lock"
LOG_FILE = "server.log"
USED_FILE = "last-used"
CONFIG_FILE = "server.properties"
LOGBACK_FILE = "logback.xml"
PORT_ATTEMPTS = 3
WARM_UP_TEXT = "This sentence warms up the English rules before the first real check."

# Tuned for many small requests from a few clients: a cached pipeline per
# (language, rule selection) saves building the rule set for every request,
# which is most of the cost of a short text. cacheSize is needed whenever
# cacheTTLSeconds is set (the server fails to start otherwise).
SERVER_PROPERTIES = {
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "32",
    "pipelineExpireTimeInSeconds": "3600",
    "cacheSize": "10000",
    "cacheTTLSeconds": "900",
    "maxCheckThreads": "8",
    "maxWorkQueueSize": "200",
}
NO_SUGGESTIONS = {"maxSpellingSuggestions": "-1"}
"""The speller still flags unknown words but skips its search for replacements (a
placeholder instead): 0.70-0.73x the time per 1,000 words, most of it spent on names.
factlint makes the suggestions itself (``lint.languagetool.suggest``)."""
WARMUP_LOG = "warmup.log"

LOGBACK = """<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
"""

Say = Callable[[str], None]


def _stderr(line: str) -> None:
    print(f"factlint: {line}", file=sys.stderr, flush=True)


@dataclass
class ServerState:
    """What ``state.json`` records about the running server."""

    pid: int
    port: int
    version: str
    started: float
    java: str = ""
    java_version: int | None = None
    max_memory: str = ""
    idle_timeout: int = 0
    watchdog_pid: int | None = None
    startup_seconds: float | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


# -- processes ----------------------------------------------------------------------------

_children: dict[int, subprocess.Popen] = {}
"""Processes this process started, so their exit is noticed (and reaped) at once."""


def pid_alive(pid: int | None) -> bool:
    """True for a running process; zombies and reaped children count as dead."""
    if not pid or pid <= 0:
        return False
    child = _children.get(pid)
    if child is not None and child.poll() is not None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True  # no /proc (macOS): signal 0 is all we know


def _cmdline(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return raw.decode(errors="replace").split("\0")


def is_our_server(state: ServerState) -> bool:
    """The state's pid is alive and is a LanguageTool server on the state's port."""
    if not pid_alive(state.pid):
        return False
    args = _cmdline(state.pid)
    if args is None:
        return True  # cannot tell without /proc; signal 0 said it runs
    return MAIN_CLASS in args and str(state.port) in args


def _is_our_watchdog(pid: int | None) -> bool:
    if not pid_alive(pid):
        return False
    args = _cmdline(pid or 0)
    return args is None or any("lint.languagetool.watchdog" in a for a in args)


def terminate(pid: int, grace: float = 10.0) -> None:
    """SIGTERM, wait up to ``grace`` seconds, then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if pid_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
    child = _children.pop(pid, None)
    if child is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=1)


# -- state --------------------------------------------------------------------------------


def read_state(state_dir: Path) -> ServerState | None:
    """The recorded server, or None (no file, or a file we cannot read)."""
    try:
        data = json.loads((state_dir / STATE_FILE).read_text("utf-8"))
        return ServerState(**data)
    except (OSError, ValueError, TypeError):
        return None


def write_state(state_dir: Path, state: ServerState) -> None:
    """Replace the state file atomically (readers never see half a file)."""
    tmp = state_dir / f".{STATE_FILE}.{os.getpid()}"
    try:
        tmp.write_text(json.dumps(asdict(state), indent=1), "utf-8")
        os.replace(tmp, state_dir / STATE_FILE)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def clear_state(state_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (state_dir / STATE_FILE).unlink()


def touch(settings: LanguageToolSettings) -> None:
    """Record a use now: the idle clock restarts."""
    path = settings.state / USED_FILE
    try:
        os.utime(path)
    except FileNotFoundError:
        with contextlib.suppress(OSError):
            path.touch()
    except OSError:
        pass


def idle_seconds(state_dir: Path) -> float:
    """Seconds since the last use (since the epoch if never used)."""
    try:
        return time.time() - (state_dir / USED_FILE).stat().st_mtime
    except OSError:
        return time.time()


@contextlib.contextmanager
def locked(settings: LanguageToolSettings, timeout: float | None = None) -> Iterator[None]:
    """Hold the per-user server lock; waiting covers another process's server start."""
    try:
        settings.state.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LanguageToolError(_state_error(settings, "create", exc)) from None
    if timeout is None:  # the holder may be installing (first use) before it starts
        installing = 0 if is_installed(settings.jars) else INSTALL_LOCK_TIMEOUT
        wait = settings.start_timeout + 30 + installing
    else:
        wait = timeout
    lock = FileLock(str(settings.state / LOCK_FILE))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise LanguageToolError(
            f"waited {wait:.0f} s for another factlint process to start LanguageTool "
            f"(lock {settings.state / LOCK_FILE}); see {settings.state / LOG_FILE}"
        ) from None
    except OSError as exc:
        raise LanguageToolError(_state_error(settings, "lock", exc)) from None
    try:
        yield
    finally:
        lock.release()


def _state_error(settings: LanguageToolSettings, doing: str, exc: OSError) -> str:
    return (
        f"cannot {doing} the LanguageTool server's state in {settings.state}: "
        f"{exc.strerror or exc} (languagetool.cache_dir or state_dir)"
    )


# -- HTTP probes (stdlib, never through a proxy: the server is on 127.0.0.1) ----------------

_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def answers(url: str, timeout: float = 5.0) -> bool:
    """True when ``url`` is a LanguageTool server listing its languages."""
    try:
        with _direct.open(f"{url.rstrip('/')}/v2/languages", timeout=timeout) as response:
            return response.status == 200 and isinstance(json.load(response), list)
    except (OSError, ValueError):
        return False


def _warm_up(url: str, language: str, timeout: float) -> None:
    data = urllib.parse.urlencode({"language": language, "text": WARM_UP_TEXT}).encode()
    with _direct.open(f"{url}/v2/check", data=data, timeout=timeout) as response:
        json.load(response)


# -- starting -----------------------------------------------------------------------------


def free_port(preferred: int | None = None) -> int:
    """``preferred`` if nothing listens on it on 127.0.0.1, else a port the OS picks."""
    if preferred:
        with socket.socket() as probe:
            try:
                probe.bind((HOST, preferred))
                return preferred
            except OSError:
                pass
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class _PortTaken(Exception):
    pass


def server_properties(settings: LanguageToolSettings) -> dict[str, str]:
    """SERVER_PROPERTIES, and NO_SUGGESTIONS when factlint can make the suggestions itself
    (``spelling_suggestions: factlint`` and a language whose dictionary it reads)."""
    from lint.languagetool.suggest import dictionary_name

    props = dict(SERVER_PROPERTIES)
    props["maxCheckTimeMillis"] = str(int(settings.check_time_limit * 1000))  # abandoned: freed
    if settings.spelling_suggestions == "factlint" and dictionary_name(settings.language):
        props |= NO_SUGGESTIONS
    return props


def _write_config(state_dir: Path, settings: LanguageToolSettings) -> Path:
    props = state_dir / CONFIG_FILE
    text = "".join(f"{k}={v}\n" for k, v in server_properties(settings).items())
    props.write_text(text, "utf-8")
    (state_dir / LOGBACK_FILE).write_text(LOGBACK, "utf-8")
    return props


NO_DELAY = "-Dsun.net.httpserver.nodelay=true"
"""TCP_NODELAY on the server's connections. Without it the JDK's HTTP server writes an
answer's headers and body as two segments, Nagle holds the body until the headers are
acknowledged, and a client that keeps its connection open (factlint's backend does)
acknowledges 40 ms later (delayed ACK): every request took 40 ms longer than its check
(measured: 68 ms against 25 ms over a new connection, 22 ms with this setting)."""


def server_command(java: str, settings: LanguageToolSettings, port: int) -> list[str]:
    """The java command line: IPv4 loopback only, capped heap, our config and logging."""
    props = settings.state / CONFIG_FILE
    return [
        java, f"-Xmx{settings.max_memory}", "-XX:+ExitOnOutOfMemoryError",
        "-Djava.net.preferIPv4Stack=true", "-Dfile.encoding=UTF-8", NO_DELAY,
        f"-Dlogback.configurationFile={settings.state / LOGBACK_FILE}",
        "-cp", str(settings.jars / "*"), MAIN_CLASS,
        "--port", str(port), "--config", str(props),
    ]  # fmt: skip


def _log_reason(log: Path) -> str:
    """The most telling line of a failed start's log."""
    try:
        lines = [ln.strip() for ln in log.read_text("utf-8", "replace").splitlines()]
    except OSError:
        return "no log"
    for needle in ("Exception", "Error", "error"):
        for line in lines:
            if needle in line and "WARNING: this process is running as root" not in line:
                return line[:300]
    return (lines[-1] if lines else "no output")[:300]


NICENESS = 5
"""The server runs this much below normal priority. During a check factlint's own
parsing and LanguageTool's checking run at once, and LanguageTool alone would take
both cores (its checker, and its JIT compiler long after warm-up); this way the
factlint side goes first (measured: the warm check of a new 1,000-word draft took
0.85 s instead of 0.95 s on a busy 2-core machine). An idle machine runs it at full
speed all the same."""


def niced(command: list[str]) -> list[str]:
    """``command`` under ``nice`` (which execs it: the pid stays the server's), when there is one."""
    nice = shutil.which("nice") if NICENESS else None
    return [nice, "-n", str(NICENESS), *command] if nice else command


def _launch(java: str, settings: LanguageToolSettings, port: int, log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            niced(server_command(java, settings, port)), stdin=subprocess.DEVNULL, stdout=out,
            stderr=subprocess.STDOUT, cwd=settings.state, start_new_session=True,
            preexec_fn=uncapped,
        )  # fmt: skip
    _children[proc.pid] = proc
    return proc


def _wait_ready(proc: subprocess.Popen, url: str, deadline: float, log: Path) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            reason = _log_reason(log)
            if "BindException" in reason or "already in use" in reason:
                raise _PortTaken(reason)
            raise LanguageToolError(
                f"the LanguageTool server exited while starting (code {proc.returncode}): "
                f"{reason} (log: {log})"
            )
        if answers(url, timeout=2) and proc.poll() is None:  # ours answered, not a squatter
            return
        time.sleep(0.2)
    terminate(proc.pid)
    raise LanguageToolError(f"the LanguageTool server did not answer in time; see {log}")


def start_locked(
    settings: LanguageToolSettings, say: Say = _stderr, warm_up: bool = True
) -> ServerState:
    """Start a server and record it; the caller holds the lock and checked there is none."""
    if not is_installed(settings.jars):
        install(settings, progress=say)
    java = find_java(settings.java)
    version = java_version(java)
    state_dir = settings.state
    try:
        _write_config(state_dir, settings)
    except OSError as exc:
        raise LanguageToolError(_state_error(settings, "write", exc)) from None
    log = state_dir / LOG_FILE
    with contextlib.suppress(OSError):
        if log.exists() and log.stat().st_size > 0:
            os.replace(log, state_dir / f"{LOG_FILE}.1")
    say(
        f"starting LanguageTool {settings.version} server (Java {version}, "
        f"-Xmx{settings.max_memory}) ..."
    )
    began = time.monotonic()
    deadline = began + settings.start_timeout
    port = free_port(settings.port)
    for attempt in range(PORT_ATTEMPTS):
        try:
            proc = _launch(java, settings, port, log)
        except OSError as exc:
            raise LanguageToolError(
                f"cannot start the LanguageTool server ({java}): {exc.strerror or exc}"
            ) from None
        url = f"http://{HOST}:{port}"
        try:
            _wait_ready(proc, url, deadline, log)
            break
        except _PortTaken:
            if attempt + 1 == PORT_ATTEMPTS:
                raise LanguageToolError(
                    f"no free port for the LanguageTool server after {PORT_ATTEMPTS} tries"
                ) from None
            port = free_port(None)
    try:
        if warm_up:
            _warm_up(url, settings.language, max(5.0, deadline - time.monotonic()))
    except (OSError, ValueError) as exc:
        terminate(proc.pid)
        raise LanguageToolError(
            f"the LanguageTool server failed its first check: {exc}; see {log}"
        ) from None
    took = time.monotonic() - began
    state = ServerState(
        pid=proc.pid, port=port, version=settings.version, started=time.time(), java=java,
        java_version=version, max_memory=settings.max_memory,
        idle_timeout=settings.idle_timeout, startup_seconds=round(took, 2),
    )  # fmt: skip
    touch(settings)
    try:
        write_state(state_dir, state)  # before the watchdog, which stops servers with no state
        state.watchdog_pid = _spawn_watchdog(settings, state)
        if state.watchdog_pid:
            write_state(state_dir, state)
        if warm_up:
            _spawn_warm_up(settings, state)
    except OSError as exc:  # a server nobody can find must not outlive this process
        terminate(proc.pid)
        if state.watchdog_pid:
            terminate(state.watchdog_pid, grace=2)
        with contextlib.suppress(OSError):
            clear_state(state_dir)
        raise LanguageToolError(_state_error(settings, "record", exc)) from None
    say(f"LanguageTool server ready on {url} (pid {proc.pid}) in {took:.1f} s")
    return state


def _spawn_watchdog(settings: LanguageToolSettings, state: ServerState) -> int | None:
    if settings.idle_timeout <= 0:
        return None
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    command = [
        sys.executable, "-m", "lint.languagetool.watchdog", str(settings.state),
        str(state.pid), str(settings.idle_timeout),
    ]  # fmt: skip
    with open(settings.state / LOG_FILE, "ab") as out:
        proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            cwd=settings.state, env=env, start_new_session=True,
        )  # fmt: skip
    _children[proc.pid] = proc
    return proc.pid


def warm_up_params(settings: LanguageToolSettings) -> dict[str, str]:
    """The request parameters factlint's backend sends (so the same pipeline is warmed)."""
    params = {"language": settings.language}
    lists = {
        "disabledRules": settings.effective_disabled_rules,
        "enabledRules": settings.enabled_rules,
        "disabledCategories": settings.disabled_categories,
        "enabledCategories": settings.enabled_categories,
    }
    params |= {key: ",".join(sorted(values)) for key, values in lists.items() if values}
    if settings.picky:
        params["level"] = "picky"
    return params


def _spawn_warm_up(settings: LanguageToolSettings, state: ServerState) -> int | None:
    """Warm the new server up in a detached process (``lint.languagetool.warmup``), which
    yields to real checks; the check that started the server does not wait for it."""
    if settings.warm_up_checks <= 0:
        return None
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    command = [
        sys.executable, "-m", "lint.languagetool.warmup", str(settings.state), str(state.pid),
        str(settings.warm_up_checks), json.dumps(warm_up_params(settings)), str(settings.jars),
    ]  # fmt: skip
    with open(settings.state / WARMUP_LOG, "ab") as out:
        proc = subprocess.Popen(
            niced(command), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            cwd=settings.state, env=env, start_new_session=True,
        )  # fmt: skip
    _children[proc.pid] = proc
    return proc.pid


# -- the public operations ------------------------------------------------------------------


def _usable(state: ServerState | None, settings: LanguageToolSettings) -> bool:
    return state is not None and state.version == settings.version and is_our_server(state)


def ensure_server(
    settings: LanguageToolSettings, say: Say = _stderr, warm_up: bool = True
) -> ServerState:
    """The running server, started if there is none; safe to call from many processes.

    The fast path reads the state file and checks the pid without the lock or
    an HTTP round trip, so a busy server is never mistaken for a dead one.
    """
    state_dir = settings.state
    state = read_state(state_dir)
    if _usable(state, settings):
        assert state is not None
        touch(settings)
        if state.watchdog_pid and not _is_our_watchdog(state.watchdog_pid):
            _replace_watchdog(settings)
        return state
    with locked(settings):
        state = read_state(state_dir)
        if _usable(state, settings):  # another process started it while we waited
            assert state is not None
            touch(settings)
            return state
        _retire(state, settings, say)
        return start_locked(settings, say, warm_up=warm_up)


def recover(settings: LanguageToolSettings, failed: ServerState, say: Say = _stderr) -> ServerState:
    """After a request to ``failed`` could not connect: the server that works now.

    Under the lock: if another process already replaced it, use that one; if
    it still answers, the failure was transient; otherwise restart it.
    """
    with locked(settings):
        state = read_state(settings.state)
        if _usable(state, settings):
            assert state is not None
            if state.pid != failed.pid or answers(state.url, timeout=10):
                return state
        if state is not None:  # None: stopped meanwhile (idle, or by the user)
            say(f"the LanguageTool server (pid {failed.pid}) stopped answering; restarting it")
        _retire(state, settings, say=lambda _line: None)
        return start_locked(settings, say)


def _retire(state: ServerState | None, settings: LanguageToolSettings, say: Say) -> None:
    """Get rid of a recorded server that cannot be used (stale, other version, hung)."""
    if state is None:
        return
    if is_our_server(state):
        say(f"stopping LanguageTool {state.version} server (pid {state.pid})")
        terminate(state.pid)
    else:
        say(f"the recorded LanguageTool server (pid {state.pid}) is gone; starting a new one")
    if _is_our_watchdog(state.watchdog_pid):
        terminate(state.watchdog_pid or 0, grace=2)
    clear_state(settings.state)


def _replace_watchdog(settings: LanguageToolSettings) -> None:
    with locked(settings):
        state = read_state(settings.state)
        if state and is_our_server(state) and not _is_our_watchdog(state.watchdog_pid):
            state.watchdog_pid = _spawn_watchdog(settings, state)
            write_state(settings.state, state)


def stop_server(settings: LanguageToolSettings) -> ServerState | None:
    """Stop the recorded server (and its watchdog); the state it had, or None."""
    with locked(settings):
        state = read_state(settings.state)
        if state is None:
            return None
        running = is_our_server(state)
        if running:
            terminate(state.pid)
        if _is_our_watchdog(state.watchdog_pid) and state.watchdog_pid != os.getpid():
            terminate(state.watchdog_pid or 0, grace=2)
        clear_state(settings.state)
        return state if running else None


def server_status(settings: LanguageToolSettings) -> dict:
    """What is running, for ``factlint server status`` (a dict, printed as lines)."""
    if settings.external:
        url = settings.url or ""
        return {"mode": "external", "url": url, "answers": answers(url)}
    state = read_state(settings.state)
    info: dict = {"mode": "managed", "state_dir": str(settings.state)}
    if state is None:
        return info | {"running": False}
    running = is_our_server(state)
    info |= {
        "running": running,
        "url": state.url,
        "pid": state.pid,
        "version": state.version,
        "java": f"{state.java} (Java {state.java_version})",
        "max_memory": state.max_memory,
        "started": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(state.started)),
        "startup_seconds": state.startup_seconds,
        "idle_seconds": round(idle_seconds(settings.state)),
        "idle_timeout": state.idle_timeout,
    }
    if not running:
        info["note"] = "stale state: the recorded process is gone"
    return info
