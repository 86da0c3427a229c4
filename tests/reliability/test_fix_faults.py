"""``--fix`` when the disk or the writer does not cooperate: the draft is never truncated or
half-written, no temporary file is left, and the command says what happened in one line.

``tests/test_autofix.py`` covers the pieces (a changed file, a failed fsync, permissions,
BOM and CRLF); these go through the command, a real full disk, a file the writer saves
while fixes are written, and encodings byte for byte.
"""

from __future__ import annotations

import errno
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from test_cli import cli

from lint import autofix

from .conftest import error_lines, factlint

DRAFT = "# Title\n\nThey tow the line.\n\nThe *minister* will tow the line, too.\n"


def leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if "factlint-tmp" in p.name]


def fix(project: Path, name: str):
    return cli("check", name, "--fix", cwd=project)


@pytest.fixture
def draft(project: Path) -> Path:
    path = project / "d.md"
    path.write_text(DRAFT)
    return path


def test_disk_full_during_fix(project, draft, monkeypatch):
    """The disk fills while the fixed copy is written (ENOSPC at fsync): the draft is
    byte-identical, no temporary file is left, one line says why, exit 2."""
    before = draft.read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = fix(project, "d.md")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        "factlint: error: d.md: not fixed: No space left on device"
    ]
    assert draft.read_bytes() == before
    assert leftovers(project) == []


def test_disk_full_half_way_through_the_write(project, draft, monkeypatch):
    """The write itself stops half-way (a partial write, then ENOSPC): same outcome; the
    half-written copy is removed, never renamed over the draft."""
    before = draft.read_bytes()
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k)))
    result = fix(project, "d.md")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        "factlint: error: d.md: not fixed: No space left on device"
    ]
    assert draft.read_bytes() == before
    assert leftovers(project) == []


def test_no_room_for_a_temporary_file(project, draft, monkeypatch):
    """The temporary file cannot even be created (a read-only directory, no inodes left):
    one line, not a traceback."""
    before = draft.read_bytes()

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = fix(project, "d.md")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        "factlint: error: d.md: not fixed: cannot write beside it: Read-only file system"
    ]
    assert draft.read_bytes() == before


@pytest.fixture
def tiny_disk(tmp_path):
    """A 256 KiB tmpfs (root only), unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True, text=True)  # fmt: skip
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_really_full_disk(tiny_disk, project):
    """On a real, nearly full file system (a 256 KiB tmpfs with a 150 KiB draft), `factlint
    check --fix` in a real process cannot write the fixed copy: the draft is byte-identical,
    no temporary file is left, one line, exit 2."""
    config = (project / ".factlint.yaml").read_text()
    (tiny_disk / ".factlint.yaml").write_text(
        config.replace("./house.yaml", str(project / "house.yaml"))
    )
    body = ("The council met on Tuesday. " * 30 + "\n\n") * 175 + "They tow the line.\n"
    draft = tiny_disk / "big.md"
    draft.write_text(body)
    before = draft.read_bytes()
    assert len(before) > 140_000
    proc = factlint("check", "big.md", "--fix", cwd=tiny_disk, timeout=120)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2, proc.stderr
    assert error_lines(proc.stderr) == [
        "factlint: error: big.md: not fixed: No space left on device"
    ]
    assert draft.read_bytes() == before
    assert leftovers(tiny_disk) == []


def test_writer_saves_while_fixes_are_written(project, draft, monkeypatch):
    """The writer's editor saves the draft at the very moment the fixed copy is being
    written: the writer's version wins, untouched, and factlint says to run it again."""
    real_fsync = os.fsync
    saved = "# Title\n\nThe writer's new version. They tow the line.\n"

    def writer_saves(fd):
        real_fsync(fd)
        draft.write_text(saved)

    monkeypatch.setattr(os, "fsync", writer_saves)
    result = fix(project, "d.md")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        "factlint: error: d.md: not fixed: it changed on disk while fixes were written; "
        "run factlint again"
    ]
    assert draft.read_text() == saved
    assert leftovers(project) == []


@pytest.mark.parametrize(
    "replacement", [b"They tow the line, edited.\n", b"\x00\x01binary now"], ids=["text", "binary"]
)
def test_writer_saved_between_lint_and_fix(project, draft, monkeypatch, replacement):
    """The draft changed after it was linted and before the fix (even into something that
    is not text any more): not written, one line, exit 2, the new content kept."""
    real_apply = autofix.apply_fixes

    def writer_saves_first(result, write):
        draft.write_bytes(replacement)
        return real_apply(result, write)

    monkeypatch.setattr(autofix, "apply_fixes", writer_saves_first)
    result = fix(project, "d.md")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        "factlint: error: d.md: not fixed: it changed on disk since it was read; run factlint again"
    ]
    assert draft.read_bytes() == replacement


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("be.txt", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
        ("le.txt", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
        ("bom8.md", lambda t: b"\xef\xbb\xbf" + t.encode()),
        ("crlf.md", lambda t: t.replace("\n", "\r\n").encode()),
        ("cr.txt", lambda t: t.replace("\n", "\r").encode()),
    ],
    ids=["utf16-be", "utf16-le", "utf8-bom", "crlf", "lone-cr"],
)
def test_fix_keeps_every_other_byte(project, name, encode):
    """A fix changes the words it fixes and nothing else: the encoding, byte order, BOM and
    line ends of the file are kept byte for byte."""
    text = "One: they tow the line.\nTwo: fine.\n\nThree: they tow the\nline.\n"
    path = project / name
    path.write_bytes(encode(text))
    result = fix(project, name)
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == encode(text.replace("tow", "toe"))


def test_fix_through_a_symlink_keeps_the_link(project):
    """A draft reached through a symbolic link is fixed where it lives; the link stays a link."""
    real = project / "real" / "d.txt"
    real.parent.mkdir()
    real.write_text("They tow the line.\n")
    (project / "link.txt").symlink_to(real)
    result = fix(project, "link.txt")
    assert result.exit_code == 0, result.stderr
    assert (project / "link.txt").is_symlink()
    assert real.read_text() == "They toe the line.\n"
    assert leftovers(real.parent) == [] and leftovers(project) == []
