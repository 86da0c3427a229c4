"""The warm factlint service, through the real ``factlint`` command and a real daemon.

Each test gets its own service directory (so its own socket and daemon) and
stops the daemon afterwards. What a user relies on: a check through the
service prints and exits exactly as an in-process check; a dead, stale or
missing service never changes a result; nobody else can talk to it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint.service import protocol

FACTLINT = str(Path(sys.executable).with_name("factlint"))
DRAFT = (
    "# Summit\n\nThe minister refused to tow the line on Tuesday.\n\nIt was a very unique day.\n"
)
CONFIG = "packs: [idioms, style]\nlanguagetool: {enabled: false}\n"

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / ".factlint.yaml").write_text(CONFIG)
    (root / "draft.md").write_text(DRAFT)
    return root


@pytest.fixture
def env(tmp_path_factory):
    """Service on, in a directory of this test's own; the daemon is stopped afterwards."""
    home = Path(f"/tmp/fl-svc-{os.getpid()}-{time.monotonic_ns()}")  # short: AF_UNIX limit
    env = dict(os.environ, FACTLINT_SERVICE="1", FACTLINT_SERVICE_DIR=str(home))
    yield env
    for sock in home.glob("*.sock"):
        pid = _status(sock).get("pid")
        if pid:
            os.kill(pid, signal.SIGTERM)
            _wait(lambda pid=pid: not _alive(pid))


def factlint(*args: str, env: dict, cwd: Path, stdin: str | None = None):
    return subprocess.run(
        [FACTLINT, *args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip


def _status(sock_path: Path) -> dict:
    with socket.socket(socket.AF_UNIX) as sock:
        try:
            sock.connect(str(sock_path))
        except OSError:
            return {}
        protocol.send(sock, {"command": "status"})
        return protocol.receive(sock) or {}


def status(env: dict, cwd: Path) -> dict:
    return json.loads(factlint("service", "status", "--json", env=env, cwd=cwd).stdout)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def _wait(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_check_through_the_service_is_the_in_process_check(project, env):
    """Same output, same exit code; the second run is served by the same warm process."""
    local = factlint("check", "--no-service", "draft.md", env=env, cwd=project)
    assert status(env, project) == {"running": False}  # --no-service started nothing
    first = factlint("check", "draft.md", env=env, cwd=project)
    pid = status(env, project)["pid"]
    second = factlint("check", "draft.md", env=env, cwd=project)
    assert local.returncode == first.returncode == second.returncode == 1
    assert "draft.md:3:25: warning idioms.tow-the-line" in local.stdout
    assert local.stdout == first.stdout == second.stdout
    assert local.stderr == first.stderr == second.stderr
    state = status(env, project)
    assert (state["pid"], state["served"]) == (pid, 2)


def test_stdin_json_and_errors_through_the_service(project, env):
    """stdin and --stdin-filename reach the service; a bad config is the same one-line error."""
    args = ("check", "-", "--stdin-filename", "notes/new.md", "-f", "json")
    local = factlint(*args, "--no-service", env=env, cwd=project, stdin=DRAFT)
    served = factlint(*args, env=env, cwd=project, stdin=DRAFT)
    assert served.returncode == local.returncode == 1
    assert json.loads(served.stdout) == json.loads(local.stdout)
    assert {i["path"] for i in json.loads(served.stdout)} == {"notes/new.md"}
    (project / "bad.yaml").write_text("packs: [nonesuch]\n")
    local = factlint("check", "--no-service", "--config", "bad.yaml", "draft.md", env=env,
                     cwd=project)  # fmt: skip
    served = factlint("check", "--config", "bad.yaml", "draft.md", env=env, cwd=project)
    assert served.returncode == local.returncode == 2
    assert served.stderr == local.stderr and served.stderr.count("\n") == 1


def test_fix_through_the_service_writes_the_file(project, env):
    result = factlint("check", "--fix", "draft.md", env=env, cwd=project)
    assert "toe the line" in (project / "draft.md").read_text()
    assert "Applied 2 fixes in 1 file." in result.stderr
    assert status(env, project)["served"] == 1


def test_a_killed_service_is_replaced_and_no_result_is_lost(project, env):
    expected = factlint("check", "--no-service", "draft.md", env=env, cwd=project)
    factlint("check", "draft.md", env=env, cwd=project)
    pid = status(env, project)["pid"]
    os.kill(pid, signal.SIGKILL)
    assert _wait(lambda: not _alive(pid))
    after = factlint("check", "draft.md", env=env, cwd=project)  # a stale socket is left
    assert (after.returncode, after.stdout) == (expected.returncode, expected.stdout)
    assert status(env, project)["pid"] != pid


def test_a_service_of_older_code_makes_way(project, env):
    """A client whose factlint differs gets "restart"; the old service exits."""
    factlint("check", "draft.md", env=env, cwd=project)
    old = status(env, project)
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(old["socket"])
        protocol.send(sock, {"argv": ["check", "draft.md"], "cwd": str(project), "env": {},
                             "fingerprint": "some other version"})  # fmt: skip
        assert protocol.receive(sock) == {"restart": True}
    assert _wait(lambda: not _alive(old["pid"]))
    again = factlint("check", "draft.md", env=env, cwd=project)
    assert again.returncode == 1 and status(env, project)["pid"] != old["pid"]


def test_an_idle_service_stops_by_itself(project, env):
    env = dict(env, FACTLINT_SERVICE_IDLE="15")  # a loaded machine needs seconds to ask
    factlint("check", "draft.md", env=env, cwd=project)
    state = status(env, project)
    assert _wait(lambda: not _alive(state["pid"]), 60)
    assert not Path(state["socket"]).exists()


def test_only_its_user_can_reach_the_service(project, env):
    factlint("check", "draft.md", env=env, cwd=project)
    sock_path = Path(status(env, project)["socket"])
    assert sock_path.parent.stat().st_mode & 0o777 == 0o700
    assert sock_path.stat().st_mode & 0o777 == 0o600
    if os.getuid() != 0:
        pytest.skip("trying another user needs root")
    probe = (
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        "try:\n    s.connect(sys.argv[1])\nexcept PermissionError:\n    print('refused')\n"
    )
    python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
    result = subprocess.run([python, "-c", probe, str(sock_path)], user=65534,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.stdout.strip() == "refused", result.stderr


def test_endless_stdin_is_refused_through_the_service(project, env):
    """The client stops reading a stream past its limit and says so in one line."""
    feeder = subprocess.Popen(["yes", "word"], stdout=subprocess.PIPE)
    try:
        result = subprocess.run([FACTLINT, "check", "-"], cwd=project, env=env,
                                stdin=feeder.stdout, capture_output=True, text=True,
                                timeout=300)  # fmt: skip
    finally:
        feeder.kill()
        feeder.wait()
    assert result.returncode == 2
    assert result.stderr.startswith("factlint: error: -: standard input is larger than 64 MB")
    assert result.stderr.count("\n") == 1


def test_rules_and_explain_are_answered_by_a_running_service(project, env):
    """A warm service answers `rules`, `explain` and `test-packs` as this process would; a
    lone `explain` does not start one."""
    local = {
        args: factlint(*args, env={**env, "FACTLINT_SERVICE": "0"}, cwd=project)
        for args in [("rules",), ("explain", "idioms.tow-the-line"), ("test-packs", "idioms")]
    }
    factlint("explain", "idioms.tow-the-line", env=env, cwd=project)
    assert status(env, project) == {"running": False}
    factlint("check", "draft.md", env=env, cwd=project)  # starts it
    for args, here in local.items():
        served = factlint(*args, env=env, cwd=project)
        assert (served.returncode, served.stdout) == (here.returncode, here.stdout), args
        assert here.stdout.strip()
    assert status(env, project)["served"] == 1 + len(local)


def test_a_batch_through_the_service_forks_warm_workers_and_leaves_none(project, env):
    """--jobs 2 over a batch big enough to share: the service worker forks its pool (warm,
    no second spaCy load), the findings and output are the in-process run's, the client's
    connection ends with the run (no worker holds it), and stopping the service stops
    the pool's workers too."""
    import psutil

    for i in range(8):
        (project / f"batch{i}.md").write_text(f"# Story {i}\n\n" + DRAFT.split("\n", 2)[2] * 40)
    args = ["check", "--jobs", "2", "--fail-on", "never", "."]
    alone = factlint(*args, "--no-service", env=env, cwd=project)
    began = time.monotonic()
    through = factlint(*args, env=env, cwd=project)
    assert through.stdout == alone.stdout and through.returncode == alone.returncode == 0
    assert through.stdout.count("idioms.tow-the-line") == 8 * 40 + 1
    took = time.monotonic() - began
    daemon = psutil.Process(status(env, project)["pid"])
    pool = [p for w in daemon.children() for p in w.children()]
    assert len(pool) == 2, [p.cmdline() for p in pool]
    assert not any("spawn_main" in " ".join(p.cmdline()) for p in pool)  # forked
    again = factlint(*args, env=env, cwd=project)
    assert again.stdout == alone.stdout, f"first run {took:.1f} s"
    assert factlint("service", "stop", env=env, cwd=project).returncode == 0
    assert _wait(lambda: not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE
                                 for p in pool), 10)  # fmt: skip
