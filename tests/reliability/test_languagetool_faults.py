"""LanguageTool misbehaving, seen from the command a user runs.

``tests/languagetool`` covers the backend and the server's life (a killed server
restarted once, a stale state file, a taken port, an idle stop, no Java). Here
the same faults go through a real ``factlint check`` process: a server that
answers HTTP 500, garbage, too slowly, hangs up, or dies mid-run. Each ends in
one ``factlint: error:`` line and exit 2 within a deadline — never a traceback,
a hang, or "No issues" for a draft whose grammar was not checked. Then the
server state a crash leaves behind: a pid now used by another program, a
half-written state file, a lock held by a process that hangs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from conftest import TINY_PACK
from languagetool.support import isolated

from lint.languagetool import LanguageToolError, LanguageToolSettings, server

from .conftest import error_lines, factlint, factlint_env
from .fakes import FakeServer

LONG_DRAFT = "\n\n".join(f"Paragraph {i}: the council met again. " * 40 for i in range(12))
"""Several requests' worth of text (requests carry about 4,000 characters)."""


@pytest.fixture
def drafts(tmp_path):
    """A project with the tiny pack, LanguageTool on, and two drafts."""
    (tmp_path / "house.yaml").write_text(TINY_PACK)
    (tmp_path / "short.txt").write_text("They tow the line.\n")
    (tmp_path / "long.md").write_text(LONG_DRAFT)
    return tmp_path


@pytest.fixture
def fake():
    servers: list[FakeServer] = []

    def make(on_post, on_get=None) -> FakeServer:
        servers.append(FakeServer(on_post, on_get))
        return servers[-1]

    yield make
    for s in servers:
        s.close()


def check_against(url: str, root, timeout_s: float = 2, via_env: bool = False, wait: float = 90):
    """`factlint check` of both drafts against ``url`` (in the config, or the env)."""
    section = f"{{request_timeout: {timeout_s}}}" if via_env else (
        f'{{url: "{url}", request_timeout: {timeout_s}}}'
    )  # fmt: skip
    (root / ".factlint.yaml").write_text(f"packs: [./house.yaml]\nlanguagetool: {section}\n")
    env = factlint_env(FACTLINT_LANGUAGETOOL_URL=url) if via_env else None
    return factlint("check", "--config", ".factlint.yaml", "short.txt", "long.md", cwd=root,
                    env=env, timeout=wait)  # fmt: skip


def _one_error(proc: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, proc.stderr
    assert "No issues" not in proc.stdout  # never "clean" when grammar was not checked
    [line] = error_lines(proc.stderr)
    return line


BAD_ANSWERS = [
    (
        "not-json",
        lambda h: h.reply(200, "{this is not json"),
        "factlint: error: LanguageTool at {url}/v2/ sent an answer that is not a check result",
    ),
    (
        "json-not-a-result",
        lambda h: h.reply(200, [1, 2, 3]),
        "factlint: error: LanguageTool at {url}/v2/ sent an answer that is not a check result",
    ),
    (
        "another-program",
        lambda h: h.reply(404, "<html><body><h1>Not Found</h1>\n</body></html>"),
        "factlint: error: LanguageTool at {url}/v2/ answered HTTP 404: <html><body><h1>Not Found</h1>",
    ),
    (
        "hangs-up-without-answer",
        lambda h: h.hang_up(),
        "factlint: error: {url} is not answering, also after a retry: ('Connection aborted.', "
        "RemoteDisconnected('Remote end closed connection without response'))",
    ),
]


@pytest.mark.parametrize(
    ("what", "answer", "expected"), BAD_ANSWERS, ids=[b[0] for b in BAD_ANSWERS]
)
def test_server_answering_badly_is_one_line(drafts, fake, what, answer, expected):
    """A LanguageTool server (`languagetool.url`) that answers garbage, another program's
    page, or hangs up: one line, exit 2. (HTTP 500 and a timeout lose only the documents
    they were about: see PER_DOCUMENT.)"""
    server_ = fake(answer)
    proc = check_against(server_.url, drafts, timeout_s=1)
    assert _one_error(proc) == expected.format(url=server_.url)


def test_env_url_answering_garbage_is_one_line(drafts, fake):
    """The same through `FACTLINT_LANGUAGETOOL_URL`, which wins over the configuration."""
    server_ = fake(lambda h: h.reply(200, "<<garbage>>"))
    proc = check_against(server_.url, drafts, via_env=True)
    assert _one_error(proc).endswith("sent an answer that is not a check result")
    assert server_.posts >= 1


def test_nothing_listening_is_one_line(drafts):
    """A `languagetool.url` where nothing listens (the container is down)."""
    probe = FakeServer(lambda h: None)
    url = probe.url
    probe.close()
    line = _one_error(check_against(url, drafts))
    assert line.startswith(f"factlint: error: {url} is not answering, also after a retry: ")
    assert "Connection refused" in line


def test_server_dying_mid_run_is_one_line(drafts, fake):
    """The server answers the first request and then goes away (its process was killed)
    while factlint still has requests to send: it retries once, then says so in one line."""

    def first_then_die(h):
        h.reply(200, {"matches": []})
        threading.Thread(target=server_.close, daemon=True).start()

    server_ = fake(first_then_die)
    line = _one_error(check_against(server_.url, drafts))
    assert line.startswith(f"factlint: error: {server_.url} is not answering, also after a retry")
    assert server_.posts >= 1


@pytest.mark.parametrize(
    "body",
    [
        {"matches": [{"message": "no offset"}]},
        {"matches": "nope"},
        {"matches": [{"offset": 0, "length": 3, "rule": "NOT_A_MAPPING"}]},
    ],
    ids=["match-without-offset", "matches-not-a-list", "rule-not-a-mapping"],
)
def test_answer_of_the_wrong_shape_is_one_line(drafts, fake, body):
    """JSON that parses but is not LanguageTool's: one line, exit 2, no traceback."""
    server_ = fake(lambda h: h.reply(200, body))
    line = _one_error(check_against(server_.url, drafts))
    assert "not a check result" in line


@pytest.mark.slow
def test_server_that_never_answers_the_language_list(drafts, fake):
    """A server that accepts connections and then says nothing at all, not even to the
    language list: factlint gives up after `request_timeout` instead of hanging."""
    server_ = fake(lambda h: h.stall(), on_get=lambda h: h.stall())
    try:
        proc = check_against(server_.url, drafts, timeout_s=1, wait=30)
    except subprocess.TimeoutExpired:
        pytest.fail("factlint hung on a server that never answers (30 s)")
    assert "did not answer" in _one_error(proc)


# -- what a crashed server leaves behind (no Java needed) ------------------------------------


@pytest.fixture
def state_settings(tmp_path):
    """Settings whose state lives in ``tmp_path`` and a config file naming them."""
    settings = LanguageToolSettings(url=None, cache_dir=tmp_path / "cache")
    settings.state.mkdir(parents=True)
    config = tmp_path / "factlint.yaml"
    config.write_text(f"languagetool: {{cache_dir: {settings.cache_dir}}}\n")
    return settings, config


def test_state_naming_a_pid_now_used_by_another_program(state_settings):
    """The state file of a crashed server names a pid the system has since given to some
    other program: `factlint server status` calls the state stale, `stop` does not signal
    that program, and neither prints a traceback."""
    settings, config = state_settings
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        stale = server.ServerState(pid=bystander.pid, port=65000, version=settings.version,
                                   started=time.time() - 86400)  # fmt: skip
        server.write_state(settings.state, stale)
        status = factlint("server", "status", "--config", str(config), cwd=config.parent)
        assert status.returncode == 1 and "Traceback" not in status.stderr
        assert "stale state: the recorded process is gone" in status.stdout
        stop = factlint("server", "stop", "--config", str(config), cwd=config.parent)
        assert stop.returncode == 0 and "Traceback" not in stop.stderr
        assert bystander.poll() is None, "factlint signalled a process that is not its server"
        assert server.read_state(settings.state) is None

        said: list[str] = []
        server.write_state(settings.state, stale)
        server._retire(server.read_state(settings.state), settings, said.append)
        assert bystander.poll() is None
        assert said == [f"the recorded LanguageTool server (pid {bystander.pid}) is gone; "
                        "starting a new one"]  # fmt: skip
    finally:
        bystander.kill()
        bystander.wait()


@pytest.mark.parametrize("content", ['{"pid": 12', "", "\x00\x00", "[]", '{"pid": "x"}'])
def test_half_written_state_file(state_settings, content):
    """A state file cut short by a crash (or garbage): read as no server, and `server
    status` says "not running" instead of failing."""
    settings, config = state_settings
    (settings.state / server.STATE_FILE).write_text(content)
    assert server.read_state(settings.state) is None
    status = factlint("server", "status", "--config", str(config), cwd=config.parent)
    assert "Traceback" not in status.stderr
    assert status.returncode == 1 and "not running" in status.stdout


def test_lock_held_by_a_hung_process_is_one_line(state_settings):
    """Another factlint process holds the server lock and hangs: waiting ends after the
    deadline with one line naming the lock, not never."""
    settings, _ = state_settings
    lock = settings.state / server.LOCK_FILE
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from filelock import FileLock; "
         f"held = FileLock({str(lock)!r}); held.acquire(); print('held', flush=True); "
         "time.sleep(120)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LanguageToolError) as err, server.locked(settings, timeout=1):
            pass
        message = str(err.value)
        assert "\n" not in message
        assert message.startswith("waited 1 s for another factlint process to start LanguageTool")
        assert str(lock) in message
    finally:
        holder.kill()
        holder.wait()


def test_json_output_is_not_printed_when_languagetool_failed(drafts):
    """With `--format json` a run whose LanguageTool could not be reached at all prints no
    JSON array, so a script cannot mistake it for a clean result."""
    probe = FakeServer(lambda h: None)
    probe.close()
    (drafts / ".factlint.yaml").write_text(
        f'packs: [./house.yaml]\nlanguagetool: {{url: "{probe.url}"}}\n'
    )
    proc = factlint("check", "--config", ".factlint.yaml", "-f", "json", "short.txt", cwd=drafts,
                    timeout=90)  # fmt: skip
    assert proc.returncode == 2
    assert proc.stdout.strip() == ""


# -- a real server killed while a check is using it -------------------------------------------


@pytest.mark.slow
@pytest.mark.languagetool
@pytest.mark.xdist_group("languagetool")
def test_managed_server_killed_mid_run_through_the_command(real_jars, tmp_path):
    """`factlint check` is sending a long draft to its own LanguageTool server when the
    server is killed (SIGKILL, as the OOM killer would): the command restarts it, retries,
    and reports every finding of the draft, exit 1 — no paragraph silently unchecked."""
    settings = isolated(tmp_path / "cache", real_jars)
    (tmp_path / ".factlint.yaml").write_text(
        f"packs: []\nlanguagetool: {{cache_dir: {settings.cache_dir}, jar_dir: {real_jars}}}\n"
    )
    # a slip in every other paragraph: 100 findings, the most one rule reports in a file
    paragraphs = [f"Paragraph {i}: I {'negelected' if i % 2 == 0 else 'neglected'} the {i} "
                  "letters. " + "The council met again. " * 15 for i in range(200)]  # fmt: skip
    (tmp_path / "long.txt").write_text("\n\n".join(paragraphs) + "\n")
    try:
        first = server.ensure_server(settings, say=lambda _: None, warm_up=True)
        proc = subprocess.Popen(
            [sys.executable, "-m", "lint", "check", "--no-service", "--config", ".factlint.yaml",
             "-f", "json", "long.txt"],
            cwd=tmp_path, env=factlint_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        client = psutil.Process(proc.pid)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                talking = [c for c in client.net_connections(kind="inet")
                           if c.raddr and c.raddr.port == first.port]  # fmt: skip
            except psutil.Error:
                talking = []
            if talking:
                os.kill(first.pid, signal.SIGKILL)
                break
            time.sleep(0.02)
        else:
            pytest.fail("the check never connected to the server")
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 1, err
        assert "Traceback" not in err
        assert f"the LanguageTool server (pid {first.pid}) stopped answering; restarting it" in err
        issues = json.loads(out)
        spelled = [i for i in issues if i["rule"] == "languagetool.MORFOLOGIK_RULE_EN_US"]
        assert sorted(i["line"] for i in spelled) == [4 * i + 1 for i in range(100)]
        assert "more" not in err  # every one shown: none of the draft went unchecked
        second = server.read_state(settings.state)
        assert second is not None and second.pid != first.pid and server.is_our_server(second)
    finally:
        server.stop_server(settings)


# -- the server's own files cannot be written ------------------------------------------------

FAKE_SERVER = """\
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        body = json.dumps([{"name": "English (US)", "code": "en", "longCode": "en-US"}]).encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body)))
        self.end_headers(); self.wfile.write(body)
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""


@pytest.fixture
def fake_launch(tmp_path, monkeypatch):
    """Settings whose "server" is a small Python HTTP server started in java's place (the jar
    directory carries an install marker, so nothing is installed), and the processes started."""
    from lint.languagetool.java import find_java

    try:
        find_java(None)
    except LanguageToolError:
        pytest.skip("no Java 17+ here (find_java runs before the launch)")
    jars = tmp_path / "jars"
    jars.mkdir()
    (jars / ".complete").write_text('{"version": "6.8", "jars": []}')
    started: list[subprocess.Popen] = []

    def launch(java, settings, port, log):
        proc = subprocess.Popen([sys.executable, "-c", FAKE_SERVER, str(port)])
        server._children[proc.pid] = proc
        started.append(proc)
        return proc

    monkeypatch.setattr(server, "_launch", launch)
    settings = LanguageToolSettings(url=None, cache_dir=tmp_path / "cache", jar_dir=jars,
                                    idle_timeout=0)  # fmt: skip
    yield settings, started
    for proc in started:
        proc.kill()
        proc.wait()


def test_state_cannot_be_recorded_stops_the_new_server(fake_launch, monkeypatch):
    """The disk fills just as the new server's state file is written: the server, which no
    other process could find, is stopped again, no half-written state file is left, and the
    error is one line."""
    settings, started = fake_launch
    real_write_text = Path.write_text

    def disk_full(self, *args, **kwargs):
        if self.name.startswith(f".{server.STATE_FILE}"):
            real_write_text(self, '{"pid": 1', "utf-8")  # half a file, then the disk is full
            raise OSError(28, "No space left on device")
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", disk_full)
    with pytest.raises(LanguageToolError) as err:
        server.ensure_server(settings, say=lambda _: None, warm_up=False)
    assert str(err.value) == (
        f"cannot record the LanguageTool server's state in {settings.state}: "
        "No space left on device (languagetool.cache_dir or state_dir)"
    )
    [proc] = started
    assert proc.wait(timeout=15) is not None  # stopped, not leaked
    assert sorted(p.name for p in settings.state.iterdir() if "state" in p.name) == []


def test_state_directory_that_cannot_exist_is_one_line(tmp_path, drafts):
    """`languagetool.cache_dir` under a regular file (or on a read-only mount): `factlint
    check` says so in one line, exit 2."""
    (tmp_path / "a-file").write_text("not a directory")
    (drafts / ".factlint.yaml").write_text(
        f"packs: [./house.yaml]\nlanguagetool: {{cache_dir: {tmp_path / 'a-file' / 'cache'}}}\n"
    )
    line = _one_error(
        factlint("check", "--config", ".factlint.yaml", "short.txt", cwd=drafts, timeout=90)
    )
    assert line == (
        "factlint: error: cannot create the LanguageTool server's state in "
        f"{tmp_path}/a-file/cache/languagetool/server: Not a directory "
        "(languagetool.cache_dir or state_dir)"
    )
