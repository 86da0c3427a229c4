"""Whose configuration applies: discovery trusts only what the user could have written.

A ``.factlint.yaml`` (or ``pyproject.toml``) owned by another user than the one running
factlint or root, writable by anyone, or in a directory anyone may write to (``/tmp``)
is ignored with a one-line note, as git's ``safe.directory`` does; ``--config`` still
uses it. Real files, real owners and modes; the cases that need a user other than root
run as ``nobody`` through ``setpriv``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from test_cli import cli

NOBODY = 65534
OFF = "ignore: [idioms]\nlanguagetool: {enabled: false}\n"
"""A configuration that switches every check off: what a planted one would say."""
BAD = "They tow the line.\n"

needs_root = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root to give files to other users, and setpriv to run as one",
)


def notes(stderr: str) -> list[str]:
    return [
        ln for ln in stderr.splitlines() if ln.startswith("factlint: note:") and "ignored" in ln
    ]


def linted(result) -> int:
    return len(json.loads(result.stdout))


@pytest.fixture
def shared(tmp_path) -> Path:
    """A drafts directory with a planted configuration that switches checks off."""
    (tmp_path / "d.txt").write_text(BAD)
    (tmp_path / ".factlint.yaml").write_text(OFF)
    return tmp_path


def check(cwd: Path, *args: str):
    return cli("check", "--no-languagetool", "-f", "json", *args, cwd=cwd)


def test_ones_own_configuration_applies(shared):
    result = check(shared, "d.txt")
    assert linted(result) == 0 and not notes(result.stderr)


@needs_root
def test_a_configuration_owned_by_another_user_is_ignored_with_a_note(shared):
    os.chown(shared / ".factlint.yaml", NOBODY, NOBODY)
    result = check(shared, "d.txt")
    assert linted(result) == 1  # the defaults applied: the idiom is flagged
    assert notes(result.stderr) == [
        f"factlint: note: {shared / '.factlint.yaml'}: ignored: it is owned by user 'nobody', "
        "not by you; to use it, name it with --config"
    ]


@needs_root
def test_config_option_uses_it_all_the_same(shared):
    os.chown(shared / ".factlint.yaml", NOBODY, NOBODY)
    result = check(shared, "d.txt", "--config", ".factlint.yaml")
    assert linted(result) == 0 and not notes(result.stderr)


@needs_root
def test_a_pyproject_owned_by_another_user_is_ignored(tmp_path):
    (tmp_path / "d.txt").write_text(BAD)
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\nignore = ['idioms']\n")
    os.chown(tmp_path / "pyproject.toml", NOBODY, NOBODY)
    result = check(tmp_path, "d.txt")
    assert linted(result) == 1
    [note] = notes(result.stderr)
    assert "pyproject.toml: ignored: it is owned by user 'nobody'" in note


@needs_root
def test_a_link_owned_by_another_user_is_ignored(shared):
    (shared / "mine.yaml").write_text(OFF)
    (shared / ".factlint.yaml").unlink()
    os.symlink("mine.yaml", shared / ".factlint.yaml")
    os.chown(shared / ".factlint.yaml", NOBODY, NOBODY, follow_symlinks=False)
    result = check(shared, "d.txt")
    assert linted(result) == 1
    assert "owned by user 'nobody'" in notes(result.stderr)[0]


def test_a_configuration_anyone_may_write_to_is_ignored(shared):
    os.chmod(shared / ".factlint.yaml", 0o666)
    result = check(shared, "d.txt")
    assert linted(result) == 1
    assert notes(result.stderr)[0].endswith(
        "ignored: anyone may write to it; to use it, name it with --config"
    )


@pytest.mark.parametrize("mode", [0o777, 0o1777], ids=["world-writable", "sticky-like-tmp"])
def test_a_configuration_in_a_directory_anyone_may_write_to_is_ignored(shared, mode):
    os.chmod(shared, mode)
    try:
        result = check(shared, "d.txt")
    finally:
        os.chmod(shared, 0o755)
    assert linted(result) == 1
    assert f"ignored: it is in {shared}, a directory anyone may write to" in notes(result.stderr)[0]


def test_a_configuration_higher_up_still_applies_when_one_below_is_ignored(tmp_path):
    """Ignoring a planted file is as if it were not there: discovery goes on upward."""
    (tmp_path / ".factlint.yaml").write_text(OFF)
    below = tmp_path / "incoming"
    below.mkdir()
    (below / "d.txt").write_text(BAD)
    (below / ".factlint.yaml").write_text("languagetool: {enabled: false}\n")
    os.chmod(below, 0o1777)
    try:
        result = check(tmp_path, "incoming/d.txt")
    finally:
        os.chmod(below, 0o755)
    assert linted(result) == 0  # the user's own, above, switched the idiom off
    assert len(notes(result.stderr)) == 1


def test_the_note_is_given_once_for_many_files(shared):
    os.chmod(shared / ".factlint.yaml", 0o666)
    for i in range(5):
        (shared / f"d{i}.txt").write_text(BAD)
    result = check(shared, ".")
    assert len(notes(result.stderr)) == 1


# -- as another user ------------------------------------------------------------------


def _as_nobody(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    home = Path(tempfile.mkdtemp(prefix="factlint-nobody-home-", dir="/tmp"))
    os.chown(home, NOBODY, NOBODY)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "FACTLINT_CACHE_DIR": str(home / ".cache" / "factlint"),
        "FACTLINT_SERVICE": "0",
        "LANG": "C.UTF-8",
    }
    try:
        return subprocess.run(
            ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
             sys.executable, "-m", "lint", "check", "--no-languagetool", "-f", "json", *args],
            cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    finally:
        shutil.rmtree(home)


@pytest.fixture
def sticky():
    """A /tmp-like directory (mode 1777, owned by root) with a draft nobody owns."""
    base = Path(tempfile.mkdtemp(prefix="factlint-sticky-", dir="/tmp"))
    os.chmod(base, 0o1777)
    (base / "d.txt").write_text(BAD)
    os.chown(base / "d.txt", NOBODY, NOBODY)
    yield base
    shutil.rmtree(base)


@needs_root
def test_as_nobody_a_config_planted_in_a_shared_tmp_is_ignored(sticky):
    (sticky / ".factlint.yaml").write_text(OFF)
    os.chown(sticky / ".factlint.yaml", 12345, 12345)  # another local user
    proc = _as_nobody(sticky, "d.txt")
    assert proc.returncode == 1, proc.stderr
    assert len(json.loads(proc.stdout)) == 1
    [note] = notes(proc.stderr)
    assert "ignored: it is owned by user id 12345, not by you" in note


@needs_root
def test_as_nobody_even_ones_own_config_in_a_shared_tmp_is_ignored(sticky):
    (sticky / ".factlint.yaml").write_text(OFF)
    os.chown(sticky / ".factlint.yaml", NOBODY, NOBODY)
    proc = _as_nobody(sticky, "d.txt")
    assert len(json.loads(proc.stdout)) == 1
    assert f"ignored: it is in {sticky}, a directory anyone may write to" in notes(proc.stderr)[0]


@needs_root
def test_as_nobody_own_and_roots_configurations_apply(sticky):
    mine = sticky / "mine"
    mine.mkdir()
    (mine / "d.txt").write_text(BAD)
    (mine / ".factlint.yaml").write_text(OFF)
    for p in (mine, mine / "d.txt", mine / ".factlint.yaml"):
        os.chown(p, NOBODY, NOBODY)
    proc = _as_nobody(mine, "d.txt")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [] and not notes(proc.stderr)
    os.chown(mine / ".factlint.yaml", 0, 0)  # root's: trusted, like git
    proc = _as_nobody(mine, "d.txt")
    assert json.loads(proc.stdout) == [] and not notes(proc.stderr)
