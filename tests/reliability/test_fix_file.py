"""``--fix`` keeps the file it fixes: owner, group, hard links, and a read-only file is not
rewritten; each refusal is said once. Real files and permissions, through the command;
where permissions matter the command runs without root's powers (``setpriv`` drops every
capability: uid 0 then reads and writes like any user, by the mode bits)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import error_lines, factlint, factlint_env

BROKEN = "They tow the line.\n"
FIXED = "They toe the line.\n"
NOBODY = 65534

pytestmark = pytest.mark.skipif(
    os.getuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv"
)


def powerless(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``factlint ARGS`` as uid 0 with no capabilities (no DAC override, no chown)."""
    return subprocess.run(
        ["setpriv", "--bounding-set=-all", "--", sys.executable, "-m", "lint", *args,
         "--no-service"],
        cwd=cwd, env=factlint_env(HOME=str(cwd / "home")), capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip


@pytest.fixture
def root(tmp_path):
    tmp_path.chmod(0o755)
    (tmp_path / "home").mkdir()
    (tmp_path / "c.yaml").write_text("packs: [idioms]\nlanguagetool: {enabled: false}\n")
    return tmp_path


def draft(root: Path, name: str, mode: int = 0o644, owner=(0, 0)) -> Path:
    path = root / name
    path.write_text(BROKEN)
    os.chown(path, *owner)
    path.chmod(mode)
    return path


def test_owner_group_and_links_are_kept(root):
    """As root: a file of another user keeps its owner and group; a file with a second
    hard link is fixed under both names (one inode); a read-only file is refused."""
    theirs = draft(root, "theirs.txt", owner=(NOBODY, NOBODY))
    linked = draft(root, "linked.txt")
    os.link(linked, root / "other-name.txt")
    inode = linked.stat().st_ino
    readonly = draft(root, "readonly.txt", mode=0o444)
    proc = factlint("check", "--config", "c.yaml", "--fix", "theirs.txt", "linked.txt",
                    "readonly.txt", cwd=root)  # fmt: skip
    assert "Traceback" not in proc.stderr
    assert theirs.read_text() == FIXED and (theirs.stat().st_uid, theirs.stat().st_gid) == (
        NOBODY, NOBODY)  # fmt: skip
    assert linked.read_text() == FIXED and (root / "other-name.txt").read_text() == FIXED
    assert linked.stat().st_ino == inode and linked.stat().st_nlink == 2
    assert readonly.read_text() == BROKEN and readonly.stat().st_mode & 0o777 == 0o444
    assert error_lines(proc.stderr) == [
        "factlint: error: readonly.txt: not fixed: it is read-only; make it writable to fix "
        "it, or use --diff"
    ]  # said once, though the fix ran a second round for the other files
    assert proc.returncode == 2
    assert not [p for p in root.iterdir() if "factlint-tmp" in p.name]


def test_without_root_powers(root):
    """A file of another user that this user may write (mode 666) is fixed in place, its
    owner kept; a group this user cannot give is kept the same way; a file this user may
    only read is refused in one line; a directory this user cannot write beside."""
    theirs = draft(root, "theirs.txt", mode=0o666, owner=(NOBODY, NOBODY))
    group = draft(root, "group.txt", mode=0o664, owner=(0, NOBODY))
    group.chmod(0o666)
    notmine = draft(root, "notmine.txt", mode=0o644, owner=(NOBODY, NOBODY))
    locked = root / "locked"
    locked.mkdir()
    inside = draft(locked, "inside.txt", mode=0o666)
    os.chown(locked, NOBODY, NOBODY)
    locked.chmod(0o755)
    proc = powerless("check", "--config", "c.yaml", "--fix", "theirs.txt", "group.txt",
                     "notmine.txt", "locked/inside.txt", cwd=root)  # fmt: skip
    assert "Traceback" not in proc.stderr
    assert theirs.read_text() == FIXED and theirs.stat().st_uid == NOBODY
    assert group.read_text() == FIXED and group.stat().st_gid == NOBODY
    assert notmine.read_text() == BROKEN
    assert inside.read_text() == BROKEN
    lines = error_lines(proc.stderr)
    assert lines == [
        "factlint: error: notmine.txt: not fixed: it is read-only; make it writable to fix "
        "it, or use --diff",
        "factlint: error: locked/inside.txt: not fixed: cannot write beside it: Permission denied",
    ], proc.stderr
    assert proc.returncode == 2
