"""Directory walks: symbolic links never lead out of the tree or get written through,
loops and unreadable directories are named (exit 2) and the rest is still linted.

Permissions are tried as an unprivileged user (root reads every directory), through
``setpriv``; each case is a real directory tree on disk.
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
from conftest import TINY_PACK
from test_cli import cli

from .conftest import error_lines

BAD = "They tow the line.\n"
FIXED = "They toe the line.\n"


@pytest.fixture
def tree(project: Path) -> Path:
    """project/drafts with one plain draft; the project config uses the tiny pack."""
    drafts = project / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text(BAD)
    return drafts


def paths_linted(result) -> list[str]:
    return sorted({i["path"] for i in json.loads(result.stdout)})


def notes(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("factlint: note:")]


def test_a_file_link_out_of_the_tree_is_left_out_with_a_note(tree, tmp_path):
    elsewhere = tmp_path.parent / f"{tmp_path.name}-outside"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text(BAD)
    os.symlink(elsewhere / "secret.md", tree / "link.md")
    result = cli("check", "drafts", "-f", "json", cwd=tree.parent)
    assert paths_linted(result) == ["drafts/a.md"]
    [note] = [n for n in notes(result.stderr) if "link.md" in n]
    assert "not linted: a symbolic link out of drafts" in note
    assert "name it on the command line" in note
    assert result.exit_code == 1  # a note, not an error
    shutil.rmtree(elsewhere)


def test_a_directory_link_out_of_the_tree_is_not_entered(tree, tmp_path):
    elsewhere = tmp_path.parent / f"{tmp_path.name}-archive"
    (elsewhere / "2019").mkdir(parents=True)
    (elsewhere / "2019" / "old.md").write_text(BAD)
    os.symlink(elsewhere, tree / "archive")
    result = cli("check", "drafts", "-f", "json", cwd=tree.parent)
    assert paths_linted(result) == ["drafts/a.md"]
    assert any(
        "drafts/archive: not linted: a symbolic link out of" in n for n in notes(result.stderr)
    )
    shutil.rmtree(elsewhere)


def test_a_link_named_on_the_command_line_is_linted(tree, tmp_path):
    elsewhere = tmp_path.parent / f"{tmp_path.name}-named"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text(BAD)
    os.symlink(elsewhere / "secret.md", tree / "link.md")
    result = cli("check", "drafts/link.md", "-f", "json", cwd=tree.parent)
    assert paths_linted(result) == ["drafts/link.md"]
    shutil.rmtree(elsewhere)


def test_fix_never_writes_through_a_link_out_of_the_tree(tree, tmp_path):
    elsewhere = tmp_path.parent / f"{tmp_path.name}-victim"
    elsewhere.mkdir()
    victim = elsewhere / "victim.md"
    victim.write_text(BAD)
    os.symlink(victim, tree / "link.md")
    result = cli("check", "drafts", "--fix", cwd=tree.parent)
    assert victim.read_text() == BAD  # the file outside the tree is untouched
    assert (tree / "link.md").is_symlink()  # and the link is still a link
    assert (tree / "a.md").read_text() == FIXED  # the draft in the tree was fixed
    assert result.exit_code == 0
    shutil.rmtree(elsewhere)


def test_fix_writes_the_real_file_of_a_link_inside_the_tree_once(tree):
    (tree / "sub").mkdir()
    os.symlink("../a.md", tree / "sub" / "again.md")
    result = cli("check", "drafts", "--fix", "-f", "json", cwd=tree.parent)
    assert (tree / "a.md").read_text() == FIXED
    assert (tree / "sub" / "again.md").is_symlink()
    assert "1 fix applied in 1 file" in result.stderr or "1 fix" in result.stderr


def test_a_link_inside_the_tree_is_linted_once_under_the_files_name(tree):
    os.symlink("a.md", tree / "0-first.md")  # sorts before the file it names
    result = cli("check", "drafts", "-f", "json", cwd=tree.parent)
    assert [i["path"] for i in json.loads(result.stdout)] == ["drafts/a.md"]


@pytest.mark.parametrize(
    "make, name, says",
    [
        (lambda t: os.symlink("loop.md", t / "loop.md"), "loop.md", "symbolic link loop"),
        (
            lambda t: (os.symlink("b.md", t / "c.md"), os.symlink("c.md", t / "b.md")),
            "b.md",
            "symbolic link loop",
        ),
        (lambda t: os.symlink("..", t / "up"), "up", "symbolic link loop (to"),
        (lambda t: os.symlink(".", t / "self"), "self", "symbolic link loop (to"),
        (lambda t: os.symlink("/", t / "root"), "root", "symbolic link loop (to /"),
        (lambda t: os.symlink("gone.md", t / "dangling.md"), "dangling.md", "broken symbolic link"),
    ],
    ids=["self-loop", "two-link-loop", "parent", "dot", "filesystem-root", "dangling"],
)
def test_loops_and_broken_links_are_named_and_the_rest_linted(tree, make, name, says):
    make(tree)
    result = cli("check", "drafts", "-f", "json", cwd=tree.parent)
    assert result.exit_code == 2
    assert "drafts/a.md" in paths_linted(result)
    errors = [e for e in error_lines(result.stderr) if f"drafts/{name}:" in e]
    assert errors and says in errors[0], result.stderr
    assert len(errors[0].splitlines()) == 1


def test_a_deep_link_to_an_ancestor_is_a_loop(tree):
    deep = tree / "x" / "y" / "z"
    deep.mkdir(parents=True)
    os.symlink("../../..", deep / "back")
    result = cli("check", "drafts", "-f", "json", cwd=tree.parent)
    assert result.exit_code == 2
    assert [e for e in error_lines(result.stderr) if "drafts/x/y/z/back: symbolic link loop" in e]


# -- as a user without root's reach --------------------------------------------


def _as_nobody(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "FACTLINT_CACHE_DIR": str(home / ".cache" / "factlint"),
        "FACTLINT_SERVICE": "0",
        "LANG": "C.UTF-8",
    }
    argv = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    return subprocess.run(
        [*argv, sys.executable, "-m", "lint", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture
def nobody_dir():
    """A directory under /tmp that the user 'nobody' owns (pytest's own is root's, 0700)."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root to hand files to the user 'nobody', and setpriv")
    base = Path(tempfile.mkdtemp(prefix="factlint-nobody-", dir="/tmp"))
    os.chmod(base, 0o755)
    home = base / "home"
    home.mkdir()
    (base / "house.yaml").write_text(TINY_PACK)
    (base / ".factlint.yaml").write_text("packs: [./house.yaml]\nlanguagetool: {enabled: false}\n")
    for p in [base, *base.rglob("*")]:
        os.chown(p, 65534, 65534)
    yield base
    for p in base.rglob("*"):
        if p.is_dir() and not p.is_symlink():
            os.chmod(p, 0o755)
    shutil.rmtree(base)


def test_an_unreadable_directory_is_named_and_the_rest_linted(nobody_dir):
    drafts = nobody_dir / "drafts"
    (drafts / "locked").mkdir(parents=True)
    (drafts / "a.md").write_text(BAD)
    (drafts / "locked" / "b.md").write_text(BAD)
    (drafts / "noexec").mkdir()
    (drafts / "noexec" / "c.md").write_text(BAD)
    for p in [drafts, *drafts.rglob("*")]:
        os.chown(p, 65534, 65534)
    os.chmod(drafts / "locked", 0o000)
    os.chmod(drafts / "noexec", 0o600)  # listable by name only: its files cannot be opened
    proc = _as_nobody("check", "drafts", "-f", "json", cwd=nobody_dir, home=nobody_dir / "home")
    assert proc.returncode == 2, proc.stderr
    assert [i["path"] for i in json.loads(proc.stdout)] == ["drafts/a.md"]
    errors = error_lines(proc.stderr)
    assert (
        "factlint: error: drafts/locked: cannot read directory: permission denied; not linted"
        in errors
    )
    assert any(e.startswith("factlint: error: drafts/noexec") for e in errors), errors
    assert all("Traceback" not in e for e in proc.stderr.splitlines())


def test_an_unreadable_top_directory_is_one_line(nobody_dir):
    drafts = nobody_dir / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text(BAD)
    os.chown(drafts, 65534, 65534)
    os.chmod(drafts, 0o000)
    proc = _as_nobody("check", "drafts", cwd=nobody_dir, home=nobody_dir / "home")
    assert proc.returncode == 2
    assert error_lines(proc.stderr) == [
        "factlint: error: drafts: cannot read directory: permission denied; not linted"
    ]


# -- a working directory that no longer exists ------------------------------------


def _from_a_deleted_directory(
    tmp_path: Path, *args: str, stdin: str = ""
) -> subprocess.CompletedProcess:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = 'cd "$1" && rmdir "$1" && shift && exec "$@"'
    return subprocess.run(
        ["sh", "-c", script, "sh", str(gone), sys.executable, "-m", "lint", "check",
         "--no-service", "--no-languagetool", *args],
        input=stdin, capture_output=True, text=True, timeout=300,
        env={**os.environ, "FACTLINT_SERVICE": "0"},
    )  # fmt: skip


def test_a_deleted_working_directory_lints_absolute_paths_and_names_relative_ones(tree, tmp_path):
    proc = _from_a_deleted_directory(tmp_path, str(tree / "a.md"), "rel.md", "other.md")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2
    assert f"{tree / 'a.md'}:1:6: warning house.tow" in proc.stdout
    [line] = error_lines(proc.stderr)
    assert line.startswith("factlint: error: rel.md, other.md: the current directory (")
    assert "no longer exists" in line


def test_a_deleted_working_directory_still_lints_stdin(tmp_path):
    proc = _from_a_deleted_directory(tmp_path, "-", stdin="They tow the line.\n")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1
    assert "-:1:6: warning idioms.tow-the-line" in proc.stdout


def test_a_deleted_working_directory_refuses_a_relative_config(tree, tmp_path):
    proc = _from_a_deleted_directory(tmp_path, "--config", "x.yaml", str(tree / "a.md"))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2
    [line] = error_lines(proc.stderr)
    assert line.startswith("factlint: error: --config x.yaml: the current directory")
