"""The pre-commit hook, run by the real ``pre-commit`` tool in a throwaway repository of drafts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("pre-commit"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs factlint's own git checkout"),
]


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    """One pre-commit cache for the module, so the hook environment is built once."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(home),
        PRE_COMMIT_COLOR="never",  # else hooks run on a terminal and print colour codes
        GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
        GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org",
    )  # fmt: skip
    env.pop("VIRTUAL_ENV", None)
    return env


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    repo = tmp_path / "drafts"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / ".factlint.yaml").write_text("packs: [idioms, typography]\n")
    (repo / "bad.md").write_text("# Draft\n\nThe minister refused to tow the line.\n")
    (repo / "good.md").write_text("# Draft\n\nThe minister refused to toe the line.\n")
    return repo


def run(cmd: list[str], repo: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=1200)


def test_try_repo_reports_the_bad_draft(drafts, env):
    git(drafts, "add", ".")
    proc = run([str(PRE_COMMIT), "try-repo", str(ROOT), "factlint-fast", "--files", "bad.md", "good.md"],
               drafts, env)  # fmt: skip
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "bad.md:3:25: warning idioms.tow-the-line" in proc.stdout
    assert "good.md" not in proc.stdout.split("Failed", 1)[1]


def test_commit_refused_then_accepted(drafts, env):
    head = git(ROOT, "rev-parse", "HEAD").stdout.strip()
    (drafts / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: factlint-fast\n"
    )
    assert run([str(PRE_COMMIT), "install"], drafts, env).returncode == 0
    git(drafts, "add", ".factlint.yaml", ".pre-commit-config.yaml", "bad.md")
    refused = run(["git", "commit", "-m", "bad draft"], drafts, env)
    assert refused.returncode != 0
    assert "idioms.tow-the-line" in refused.stdout + refused.stderr
    assert git(drafts, "rev-parse", "--verify", "HEAD").returncode != 0  # nothing was committed

    shutil.move(drafts / "good.md", drafts / "bad.md")
    git(drafts, "add", "bad.md")
    accepted = run(["git", "commit", "-m", "clean draft"], drafts, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    hook_output = accepted.stdout + accepted.stderr  # git shows hook output on stderr
    assert "factlint (rule packs only)" in hook_output and "Passed" in hook_output


@pytest.mark.languagetool
def test_full_hook_uses_the_warm_languagetool_server(drafts, env):
    """The `factlint` hook checks grammar through the per-user server already running."""
    from lint import languagetool

    before = languagetool.start()  # warm, as after an earlier run
    (drafts / "weekday.md").write_text("# Draft\n\nThe talks ended on Monday, April 27, 2025.\n")
    git(drafts, "add", ".")
    proc = run([str(PRE_COMMIT), "try-repo", str(ROOT), "factlint", "--files", "weekday.md"],
               drafts, env)  # fmt: skip
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "weekday.md:3:38: warning languagetool.EN_DATE_WEEKDAY" in proc.stdout
    assert "starting" not in proc.stdout + proc.stderr  # no second server was started
    assert languagetool.status()["pid"] == before.pid


def test_hook_is_served_by_the_warm_factlint_service(drafts, env, tmp_path):
    """A second commit's hook is answered by the service the first one started."""
    service_dir = Path(f"/tmp/fl-hook-{os.getpid()}")  # short: AF_UNIX path limit
    env = dict(env, FACTLINT_SERVICE="1", FACTLINT_SERVICE_DIR=str(service_dir),
               FACTLINT_SERVICE_IDLE="120")  # fmt: skip
    head = git(ROOT, "rev-parse", "HEAD").stdout.strip()
    (drafts / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: factlint-fast\n"
    )
    git(drafts, "add", ".")
    args = [str(PRE_COMMIT), "run", "factlint-fast", "--files", "bad.md"]
    try:
        first = run(args, drafts, env)
        [sock] = service_dir.glob("*.sock")  # the hook's own environment started one
        pid = _service(sock, "status")["pid"]
        second = run(args, drafts, env)
        assert first.returncode == second.returncode == 1
        assert "bad.md:3:25: warning idioms.tow-the-line" in second.stdout
        state = _service(sock, "status")
        assert state["pid"] == pid and state["served"] == 2
    finally:
        for sock in service_dir.glob("*.sock"):
            _service(sock, "stop")


def _service(sock_path: Path, command: str) -> dict:
    import socket

    from lint.service import protocol

    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(sock_path))
        protocol.send(sock, {"command": command})
        return protocol.receive(sock) or {}
