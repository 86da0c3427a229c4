"""The server's life: killed mid-run, stale state, a taken port, stop, idle stop, no Java.

Each test has its own state directory (and so its own server); the jars are
shared. No test asserts how long anything took: waits are generous deadlines.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint.languagetool import LanguageToolError, server
from lint.languagetool.backend import LanguageToolBackend

from .support import REAL

pytestmark = REAL


def _wait_until(condition, seconds: float = 120.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_killed_server_is_restarted_once_then_reported(isolated_settings):
    messages: list[str] = []
    backend = LanguageToolBackend(isolated_settings, say=messages.append)
    assert backend.check("I recieve it.")
    first = server.read_state(isolated_settings.state)
    assert first is not None
    os.kill(first.pid, signal.SIGKILL)
    assert _wait_until(lambda: not server.pid_alive(first.pid), 30)

    [finding] = backend.check("I recieve it now.")  # restarted and retried (a new text:
    # one checked before would be answered from the cache)
    second = server.read_state(isolated_settings.state)
    assert second is not None and second.pid != first.pid
    assert finding.rule == "languagetool.MORFOLOGIK_RULE_EN_US"
    # the server itself (nice execs java: the recorded pid is the JVM), below our priority
    assert "java" in Path(f"/proc/{second.pid}/cmdline").read_bytes().split(b"\0")[0].decode()
    assert os.getpriority(os.PRIO_PROCESS, second.pid) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + server.NICENESS)
    assert any("stopped answering; restarting" in m for m in messages)

    os.kill(second.pid, signal.SIGKILL)  # and now the restart cannot work
    assert _wait_until(lambda: not server.pid_alive(second.pid), 30)
    backend.settings = isolated_settings.with_(java=str(Path("/nonexistent/java")))
    with pytest.raises(LanguageToolError) as err:
        backend.check("I recieve it later.")
    assert "Java not found at '/nonexistent/java'" in str(err.value)
    assert "\n" not in str(err.value)


def test_stale_state_and_taken_port_then_stop_command(isolated_settings, tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = isolated_settings.with_(port=port)
        settings.state.mkdir(parents=True)
        stale = server.ServerState(pid=gone.pid, port=port, version=settings.version,
                                   started=time.time() - 3600)  # fmt: skip
        server.write_state(settings.state, stale)
        messages: list[str] = []
        state = server.ensure_server(settings, say=messages.append, warm_up=False)
    assert state.pid != gone.pid and state.port != port
    assert server.answers(state.url)
    assert any("is gone; starting a new one" in m for m in messages)

    config = tmp_path / "factlint.yaml"
    config.write_text(
        f"languagetool: {{cache_dir: {settings.cache_dir}, jar_dir: {settings.jars}}}\n"
    )
    run = [sys.executable, "-m", "lint", "server"]
    status = subprocess.run([*run, "status", "--config", str(config)], capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert status.returncode == 0 and f"pid {state.pid}" in status.stdout
    stop = subprocess.run([*run, "stop", "--config", str(config)], capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert stop.returncode == 0 and f"pid {state.pid}" in stop.stdout
    assert _wait_until(lambda: not server.pid_alive(state.pid), 30)
    assert server.read_state(settings.state) is None
    status = subprocess.run([*run, "status", "--config", str(config)], capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert status.returncode == 1 and "not running" in status.stdout


def test_idle_server_stops_itself(isolated_settings):
    settings = isolated_settings.with_(idle_timeout=2)
    state = server.ensure_server(settings, say=lambda _: None, warm_up=False)
    assert state.watchdog_pid and server.pid_alive(state.watchdog_pid)
    assert _wait_until(lambda: not server.pid_alive(state.pid), 120)
    assert _wait_until(lambda: server.read_state(settings.state) is None, 30)
    assert _wait_until(lambda: not server.pid_alive(state.watchdog_pid), 30)


def test_missing_java_is_one_clear_line(real_jars, tmp_path):
    config = tmp_path / "factlint.yaml"
    config.write_text(f"languagetool: {{cache_dir: {tmp_path / 'c'}, jar_dir: {real_jars}}}\n")
    env = {
        k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "FACTLINT_LANGUAGETOOL_URL")
    }
    env |= {"PATH": str(Path(sys.executable).parent), "FACTLINT_JVM_DIRS": ""}
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "server", "start", "--config", str(config)],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    [line] = [ln for ln in proc.stderr.splitlines() if ln.startswith("factlint:")]
    assert "Java 17+ not found" in line


TEMURIN_25 = Path("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")


@pytest.mark.skipif(not TEMURIN_25.exists(), reason="no Temurin 25 on this machine")
def test_runs_on_java_25_too(isolated_settings):
    settings = isolated_settings.with_(java=str(TEMURIN_25))
    [finding] = LanguageToolBackend(settings, say=lambda _: None).check("I recieve it.")
    assert finding.rule == "languagetool.MORFOLOGIK_RULE_EN_US"
    state = server.read_state(settings.state)
    assert state is not None and state.java_version == 25
