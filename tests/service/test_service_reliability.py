"""The service serves requests independently, a client that goes away is gone, and the
fallback lints the same input (issue 17), through the real ``factlint`` command and a
real service. A check is held inside the service by a LanguageTool (``--config`` names
a fake one) that does not answer until the test lets it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from reliability.fakes import FakeServer

from lint.service import paths, protocol

from .test_service import DRAFT, FACTLINT, _alive, _status, _wait, factlint, status

pytestmark = pytest.mark.slow
HELD = "held.yaml"


@pytest.fixture
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / ".factlint.yaml").write_text("packs: [idioms, style]\nlanguagetool: {enabled: false}\n")
    (root / "draft.md").write_text(DRAFT)
    return root


@pytest.fixture
def env(tmp_path_factory):
    home = Path(f"/tmp/fl-rel-{os.getpid()}-{time.monotonic_ns()}")
    env = dict(os.environ, FACTLINT_SERVICE="1", FACTLINT_SERVICE_DIR=str(home))
    env.pop("FACTLINT_LANGUAGETOOL_URL", None)
    yield env
    for sock in home.rglob("*.sock"):
        pid = _status(sock).get("pid")
        if pid:
            os.kill(pid, signal.SIGTERM)
            _wait(lambda pid=pid: not _alive(pid))


class Gate:
    """A fake LanguageTool whose check requests wait until ``open()``; ``waiting`` is set
    once one arrived (so the check holding it is inside the service)."""

    def __init__(self) -> None:
        self.waiting = threading.Event()
        self.opened = threading.Event()

        def answer(handler) -> None:
            self.waiting.set()
            self.opened.wait(120)
            handler.reply(200, {"matches": []})

        self.server = FakeServer(answer)

    def open(self) -> None:
        self.opened.set()

    def close(self) -> None:
        self.opened.set()
        self.server.close()


@pytest.fixture
def gate(project):
    g = Gate()
    (project / HELD).write_text(
        f'packs: [idioms, style]\nlanguagetool: {{url: "{g.server.url}", request_timeout: 100}}\n'
    )
    yield g
    g.close()


def start_held(env, cwd, *args, stdin=None) -> subprocess.Popen:
    return subprocess.Popen(
        [FACTLINT, "check", "--config", HELD, *args], cwd=cwd, env=env, text=True,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def warm(env, cwd) -> dict:
    assert factlint("check", "draft.md", env=env, cwd=cwd).returncode == 1
    return status(env, cwd)


def test_a_held_check_blocks_no_other_and_ctrl_c_cancels_it(project, env, gate):
    """While one check waits inside the service: status answers at once and another check
    runs to the end. Ctrl-C on the held one: exit 130, one line, no traceback; the service
    stops that request (its worker goes), and an interrupted --fix is never applied."""
    warm(env, project)
    held = start_held(env, project, "--fix", "draft.md")
    assert gate.waiting.wait(240), "the held check never reached LanguageTool"
    began = time.monotonic()
    state = status(env, project)
    assert time.monotonic() - began < 10
    [busy] = [w for w in state["workers"] if w["busy"]]
    other = factlint("check", "draft.md", env=env, cwd=project)
    assert other.returncode == 1 and "idioms.tow-the-line" in other.stdout
    assert "in-process" not in other.stderr  # served, by another worker
    held.send_signal(signal.SIGINT)
    _, err = held.communicate(timeout=30)
    assert held.returncode == 130
    assert err.strip().splitlines()[-1] == "factlint: interrupted" and "Traceback" not in err
    assert _wait(lambda: not _alive(busy["pid"]), 15), "the cancelled request's worker runs on"
    gate.open()  # LanguageTool answers now: nobody is left to apply the fix
    time.sleep(3)
    assert (project / "draft.md").read_text() == DRAFT
    after = status(env, project)
    assert after["cancelled"] == 1 and after["pid"] == state["pid"]


def test_a_client_that_waits_too_long_checks_in_process(project, env, gate):
    """One worker, held: the next check waits FACTLINT_SERVICE_WAIT seconds, says so in one
    note, and checks in-process with the same result; status still answers."""
    env = dict(env, FACTLINT_SERVICE_WORKERS="1")
    expected = factlint("check", "--no-service", "draft.md", env=env, cwd=project)
    warm(env, project)
    held = start_held(env, project, "draft.md")
    try:
        assert gate.waiting.wait(240)
        waiting = dict(env, FACTLINT_SERVICE_WAIT="2")
        began = time.monotonic()
        result = factlint("check", "draft.md", env=waiting, cwd=project)
        assert (result.returncode, result.stdout) == (expected.returncode, expected.stdout)
        notes = [ln for ln in result.stderr.splitlines() if "FACTLINT_SERVICE_WAIT" in ln]
        assert notes == ["factlint: note: the factlint service did not start this check within "
                         "2 s (FACTLINT_SERVICE_WAIT); checking in-process"]  # fmt: skip
        assert time.monotonic() - began < 60
        assert status(env, project)["queued"] == 0  # the client that left is not queued on
    finally:
        gate.open()
        held.communicate(timeout=60)


def test_a_request_past_its_time_is_stopped_in_one_line(project, env, gate):
    env = dict(env, FACTLINT_SERVICE_TIMEOUT="5")
    warm(env, project)
    began = time.monotonic()
    held = start_held(env, project, "draft.md")
    _, err = held.communicate(timeout=120)
    assert held.returncode == 2 and "Traceback" not in err
    assert "factlint: error: the check took longer than 5 s, the service's limit " \
           "(FACTLINT_SERVICE_TIMEOUT); stopped" in err  # fmt: skip
    assert time.monotonic() - began < 60
    assert factlint("check", "draft.md", env=env, cwd=project).returncode == 1  # still serving


def test_a_dying_service_worker_is_retried_on_the_same_stdin(project, env, gate):
    """The worker running a stdin check is killed mid-run: the client says so once and
    lints the very bytes it had read, in-process (not an empty stdin, "No issues")."""
    warm(env, project)
    held = start_held(env, project, "-", stdin=DRAFT)
    held.stdin.write(DRAFT)
    held.stdin.close()
    held.stdin = None  # written: communicate() has nothing more to send
    assert gate.waiting.wait(240)
    [busy] = [w for w in status(env, project)["workers"] if w["busy"]]
    gate.open()  # the in-process retry's LanguageTool answers
    os.kill(busy["pid"], signal.SIGKILL)
    out, err = held.communicate(timeout=120)
    assert "the factlint service stopped mid-run; checking in-process" in err
    assert "-:3:25: warning idioms.tow-the-line" in out and held.returncode == 1
    assert out.count("Found ") == 1


def test_closed_pipe_stops_quietly(project, env):
    """`factlint check | head -1`: one line, no traceback, no second run, one request."""
    many = project / "many"
    many.mkdir()
    for i in range(40):
        (many / f"d{i}.md").write_text("They tow the line.\n\n" * 60)
    warm(env, project)
    for extra in ([], ["--no-service"]):
        shell = f"{FACTLINT} check {' '.join(extra)} many | head -1; exit ${{PIPESTATUS[0]}}"
        proc = subprocess.run(["bash", "-c", shell], cwd=project, env=env, capture_output=True,
                              text=True, timeout=300)  # fmt: skip
        assert proc.stdout.count("\n") == 1 and "idioms.tow-the-line" in proc.stdout
        assert proc.stderr.strip() == "" or "Traceback" not in proc.stderr, proc.stderr
        assert "in-process" not in proc.stderr and proc.returncode == 1, proc.stderr
    assert status(env, project)["served"] == 2  # warm-up check and the piped one, once


@pytest.mark.parametrize("how", ["closed", "write-only"])
@pytest.mark.parametrize("service", ["1", "0"])
def test_unreadable_stdin_is_one_usage_line(project, env, how, service, tmp_path):
    redirect = "<&-" if how == "closed" else f"0>{tmp_path / 'out'}"
    proc = subprocess.run(["bash", "-c", f"{FACTLINT} check - {redirect}"], cwd=project,
                          env=dict(env, FACTLINT_SERVICE=service), capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("factlint: error: -: ")
    assert ("closed" if how == "closed" else "writing only") in proc.stderr


def test_warm_up_reads_no_client_directory_and_env_stays_home(project, env):
    """The service is started from a directory whose configuration cannot load: its warm-up
    does not read it (it runs in the service directory, with the shipped defaults). A
    check names its config explicitly and is served."""
    (project / ".factlint.yaml").write_text("packs: [no-such-pack]\n")
    (project / "good.yaml").write_text("packs: [idioms]\nlanguagetool: {enabled: false}\n")
    secret = dict(env, FACTLINT_TEST_TOKEN="f", SECRET_API_TOKEN="do-not-send")
    result = factlint("check", "--config", "good.yaml", "draft.md", env=secret, cwd=project)
    assert result.returncode == 1 and "in-process" not in result.stderr
    state = status(env, project)
    assert state["served"] == 1
    daemon = Path(f"/proc/{state['pid']}")
    assert os.readlink(daemon / "cwd") == str(Path(state["socket"]).parent)
    environ = (daemon / "environ").read_bytes().split(b"\0")
    assert b"SECRET_API_TOKEN=do-not-send" not in environ
    assert b"FACTLINT_TEST_TOKEN=f" in environ


def test_the_client_sends_only_what_a_check_needs(project, env, tmp_path):
    """A stand-in service records what it is sent: no secret from the environment."""
    socket_path = _socket_path(env)
    got: list[dict] = []
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(socket_path)
    listener.listen(1)

    def serve():
        conn, _ = listener.accept()
        with conn:
            got.append(protocol.receive(conn))
            for message in ({"started": 1}, {"out": "served\n"}, {"exit": 0}):
                protocol.send(conn, message)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        leaky = dict(env, SECRET_API_TOKEN="do-not-send", AWS_SECRET_ACCESS_KEY="x")
        result = factlint("check", "draft.md", env=leaky, cwd=project)
        thread.join(30)
    finally:
        listener.close()
    assert result.stdout == "served\n" and result.returncode == 0
    [request] = got
    assert set(request) <= {"argv", "cwd", "env", "tty", "fingerprint", "stdin", "stdin_capped"}
    assert (
        "SECRET_API_TOKEN" not in request["env"] and "AWS_SECRET_ACCESS_KEY" not in request["env"]
    )
    assert request["env"]["FACTLINT_SERVICE_DIR"] == env["FACTLINT_SERVICE_DIR"]
    assert "PATH" in request["env"] and "HOME" in request["env"]


def test_the_client_talks_only_to_its_own_users_service(project, env):
    """A socket at the service's path held by another uid: the client sends it nothing,
    says so in one note and checks in-process."""
    if os.getuid() != 0:
        pytest.skip("a socket held by another user needs root to set up")
    socket_path = _socket_path(env)
    directory = os.path.dirname(socket_path)
    holder = subprocess.Popen(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
         "/usr/bin/python3", "-c",
         "import socket, sys, time\n"
         "s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(1)\n"
         "print('ready', flush=True)\n"
         "c, _ = s.accept(); c.settimeout(5)\n"
         "try:\n    data = c.recv(100)\nexcept OSError:\n    data = b''\n"
         "print('got', len(data), flush=True)\n",
         socket_path],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    os.chmod(directory, 0o733)  # so that uid 65534 may create its socket there
    try:
        assert holder.stdout.readline().strip() == "ready"
        os.chmod(directory, 0o700)
        expected = factlint("check", "--no-service", "draft.md", env=env, cwd=project)
        result = factlint("check", "draft.md", env=env, cwd=project)
        assert (result.returncode, result.stdout) == (expected.returncode, expected.stdout)
        assert "factlint: note: the factlint service socket is held by uid 65534, not by you; " \
               "not using it" in result.stderr  # fmt: skip
        assert holder.stdout.readline().strip() == "got 0"  # not even the request
    finally:
        holder.kill()
        holder.wait()


def _socket_path(env) -> str:
    old = os.environ.get("FACTLINT_SERVICE_DIR")
    os.environ["FACTLINT_SERVICE_DIR"] = env["FACTLINT_SERVICE_DIR"]
    try:
        return paths.socket_path()
    finally:
        if old is None:
            del os.environ["FACTLINT_SERVICE_DIR"]
        else:
            os.environ["FACTLINT_SERVICE_DIR"] = old


@pytest.fixture
def shared():
    """A short path (a socket path holds at most 100 bytes here; pytest's temporary
    directories under xdist are longer, and a longer FACTLINT_SERVICE_DIR is passed over)."""
    path = Path(tempfile.mkdtemp(prefix="fl-shared-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_service_directory_factlint_did_not_create_is_never_chmod_ed(project, env, shared):
    shared.chmod(0o1777)  # a /tmp-like directory someone pointed factlint at
    env = dict(env, FACTLINT_SERVICE_DIR=str(shared))
    result = factlint("check", "draft.md", env=env, cwd=project)
    assert result.returncode == 1
    assert shared.stat().st_mode & 0o7777 == 0o1777
    private = shared / f"factlint-{os.getuid()}"
    assert _wait(private.exists, 60)  # on a busy host the check may run before the service is up
    assert private.stat().st_mode & 0o777 == 0o700
    state = status(env, project)
    assert Path(state["socket"]).parent == private
    os.kill(state["pid"], signal.SIGTERM)
    assert _wait(lambda: not _alive(state["pid"]))
    if os.getuid() == 0:  # another user's "private" directory there: refused, in one line
        for p in private.iterdir():
            p.unlink()
        os.chown(private, 65534, 65534)
        result = factlint("check", "draft.md", env=env, cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"not using the factlint service: {private} is not private (another user's)" \
            in result.stderr  # fmt: skip
        refused = factlint("service", "status", env=env, cwd=project)
        assert refused.returncode == 2 and refused.stderr.count("\n") == 1


def test_ctrl_c_while_languagetool_starts_ends_the_run_at_once(project, tmp_path):
    """In-process, a fresh LanguageTool server is starting (seconds): Ctrl-C ends the run
    within a second or two, exit 130, one line; the half-started server is stopped."""
    from lint.languagetool.settings import LanguageToolSettings

    jars = LanguageToolSettings(url=None).jars
    if not (jars / ".complete").exists():
        pytest.skip("LanguageTool is not installed")
    (project / "lt.yaml").write_text(
        f"packs: [idioms]\nlanguagetool: {{cache_dir: {tmp_path / 'cache'}, jar_dir: {jars}}}\n"
    )
    env = dict(os.environ, FACTLINT_SERVICE="0")
    env.pop("FACTLINT_LANGUAGETOOL_URL", None)
    proc = subprocess.Popen([FACTLINT, "check", "--config", "lt.yaml", "draft.md"], cwd=project,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    import psutil

    me = psutil.Process(proc.pid)
    deadline = time.monotonic() + 120
    java = None
    while time.monotonic() < deadline and java is None:
        java = next((c for c in me.children(recursive=True) if "java" in c.name()), None)
        time.sleep(0.1)
    assert java is not None, "the server never started"
    proc.send_signal(signal.SIGINT)
    began = time.monotonic()
    _, err = proc.communicate(timeout=60)
    assert time.monotonic() - began < 5
    assert proc.returncode == 130 and "Traceback" not in err
    assert err.strip().splitlines()[-1] == "factlint: interrupted"
    assert not java.is_running() or java.status() == psutil.STATUS_ZOMBIE or _wait(
        lambda: not java.is_running(), 10)  # fmt: skip


def test_status_answers_while_every_worker_is_busy(project, env, gate):
    env = dict(env, FACTLINT_SERVICE_WORKERS="1")
    warm(env, project)
    held = start_held(env, project, "draft.md")
    try:
        assert gate.waiting.wait(240)
        queued = subprocess.Popen([FACTLINT, "check", "draft.md"], cwd=project,
                                  env=dict(env, FACTLINT_SERVICE_WAIT="60"),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert _wait(lambda: status(env, project)["queued"] == 1, 30)
        text = factlint("service", "status", env=env, cwd=project)
        assert text.returncode == 0 and "factlint service running" in text.stdout
        gate.open()
        out, _ = queued.communicate(timeout=120)
        assert queued.returncode == 1 and "idioms.tow-the-line" in out
    finally:
        gate.open()
        held.communicate(timeout=60)
    assert json.loads(factlint("service", "status", "--json", env=env, cwd=project).stdout)[
        "served"] == 3  # fmt: skip


def test_memory_per_request_is_bounded(project, env):
    """FACTLINT_SERVICE_MEMORY_MB (64 here) beyond the warm engine: a draft that needs more
    ends in one line, exit 2; that worker retires, the service serves the next check."""
    import random

    rng = random.Random(3)
    words = ["council", "met", "agreed", "budget", "mayor", "said", "plan", "city", "voters"]
    (project / "big.txt").write_text("\n\n".join(
        " ".join(rng.choice(words) for _ in range(60)).capitalize() + "." for _ in range(6000)
    ))  # fmt: skip
    env = dict(env, FACTLINT_SERVICE_MEMORY_MB="64")
    warm(env, project)
    big = factlint("check", "--no-languagetool", "big.txt", env=env, cwd=project)
    assert big.returncode == 2 and "Traceback" not in big.stderr
    assert [ln for ln in big.stderr.splitlines() if ln.startswith("factlint: error:")] == [
        "factlint: error: the check needed more memory than the service allows "
        "(FACTLINT_SERVICE_MEMORY_MB); stopped"
    ]
    after = factlint("check", "draft.md", env=env, cwd=project)
    assert after.returncode == 1 and "in-process" not in after.stderr
    assert status(env, project)["served"] == 3


def test_a_check_through_the_service_starts_languagetool_when_none_runs(project, env, tmp_path):
    """The service caps its workers' address space; a JVM reserves more than that at start.
    The worker that must start LanguageTool (none runs: it stopped when idle, or it died)
    starts it all the same, rather than saying "Java 17+ not found"."""
    from lint.languagetool.server import stop_server
    from lint.languagetool.settings import LanguageToolSettings

    jars = LanguageToolSettings(url=None).jars
    if not (jars / ".complete").exists():
        pytest.skip("LanguageTool is not installed")
    cache = Path(tempfile.mkdtemp(prefix="fl-lt-", dir="/tmp"))
    (project / "lt.yaml").write_text(
        f"packs: [idioms]\nlanguagetool: {{cache_dir: {cache}, jar_dir: {jars}}}\n"
    )
    try:
        warm(env, project)  # the service runs, its workers capped
        result = factlint("check", "--config", "lt.yaml", "draft.md", env=env, cwd=project)
        assert "Java 17+ not found" not in result.stderr
        assert result.returncode == 1, result.stderr
        assert "LanguageTool server ready" in result.stderr
        assert status(env, project)["served"] == 2  # both answered by the service
    finally:
        stop_server(LanguageToolSettings(url=None, cache_dir=cache, jar_dir=jars))
        shutil.rmtree(cache, ignore_errors=True)


def _long_report(project: Path) -> None:
    """Thirty-two drafts whose report (~400 KB) is several times what a pipe and a socket
    hold (~100 KB here); one paragraph pair, repeated, so checking them takes a moment."""
    body = "The minister refused to tow the line on Tuesday.\n\nIt was a very unique day.\n\n"
    for i in range(32):
        (project / f"long{i}.md").write_text(f"# Story {i}\n\n" + body * 60)


def test_a_client_slow_to_read_gets_every_line(project, env):
    """The reader of the output stops for a while (a pager, a loaded machine): the
    service waits for it and nothing is lost. Before, the worker's connection was
    non-blocking (the main process's send timeout), and the report was cut where the
    socket filled, or printed twice by the in-process retry."""
    _long_report(project)
    args = ["check", "--fail-on", "never", "."]
    alone = factlint(*args, "--no-service", env=env, cwd=project)
    warm(env, project)
    slow = subprocess.Popen(
        [FACTLINT, *args], cwd=project, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(4)  # the check is done and printing into full buffers
    out, err = slow.communicate(timeout=120)
    assert len(alone.stdout) > 150_000 and out.count("Found ") == 1
    assert (out, slow.returncode) == (alone.stdout, 0), err
    assert "stopped mid-run" not in err


def test_a_worker_dying_while_it_prints_is_one_error_not_a_second_report(project, env):
    """Part of the report is out when the service worker dies: the client cannot take it
    back, so it does not lint again in-process (a second report after half of the first,
    two JSON documents for an editor): one error line, exit 2."""
    _long_report(project)
    warm(env, project)
    held = subprocess.Popen(
        [FACTLINT, "check", "--fail-on", "never", "."], cwd=project, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    first = held.stdout.readline()  # printing has begun; the rest waits in full buffers
    [busy] = [w for w in status(env, project)["workers"] if w["busy"]]
    os.kill(busy["pid"], signal.SIGKILL)
    out, err = held.communicate(timeout=120)
    assert "tow-the-line" in first and "Found " not in out
    assert held.returncode == 2
    assert "the factlint service stopped while printing; the output above is incomplete" in err
    assert "checking in-process" not in err


def test_the_deadline_bounds_the_check_not_a_slow_reader(project, env):
    """A report read slowly for longer than the service's limit (a pager whose user takes
    their time) is not cut: the limit is for the check, which was done before the first
    line, neither the worker's alarm nor the main process's kill of an overdue worker
    applies once it prints."""
    _long_report(project)  # one paragraph, repeated: the check itself takes a moment
    env = dict(env, FACTLINT_SERVICE_TIMEOUT="4")
    args = ["check", "--fail-on", "never", "."]
    alone = factlint(*args, "--no-service", env=env, cwd=project)
    assert factlint(*args, env=env, cwd=project).stdout == alone.stdout  # in time, warm
    slow = subprocess.Popen(
        [FACTLINT, *args], cwd=project, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(4 + 15 + 3)  # past the alarm, and past the main process's grace
    out, err = slow.communicate(timeout=120)
    assert (out, slow.returncode) == (alone.stdout, 0), err
