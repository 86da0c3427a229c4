"""--fix writes atomically, in the file's encoding, never over a file that changed, never markup."""

from __future__ import annotations

import os

import pytest

from lint import autofix
from lint.autofix import FixError, keep_layout, write_atomically
from lint.config import ConfigFinder
from lint.runner import Overrides, run


@pytest.fixture
def lint(project, engine, monkeypatch):
    """lint("a.txt", ...) → the RunResult of linting files in the project directory."""
    monkeypatch.chdir(project)
    return lambda *names: run(list(names), ConfigFinder(), Overrides(), engine)


def test_file_changed_since_read_is_not_written(lint, project, write):
    path = write("d.txt", "They tow the line.\n")
    result = lint("d.txt")
    path.write_text("The writer rewrote it. They tow the line.\n")
    report = autofix.apply_fixes(result, write=True)
    assert report.applied == 0
    assert report.errors == [
        "d.txt: not fixed: it changed on disk since it was read; run factlint again"
    ]
    assert path.read_text() == "The writer rewrote it. They tow the line.\n"


def test_encoding_bom_and_crlf_are_kept(lint, project, tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"\xef\xbb\xbfOne.\r\nThey tow the line.\r\n")
    autofix.apply_fixes(lint("d.txt"), write=True)
    assert path.read_bytes() == b"\xef\xbb\xbfOne.\r\nThey toe the line.\r\n"
    path16 = tmp_path / "u.txt"
    path16.write_bytes("They tow the line.\n".encode("utf-16"))
    autofix.apply_fixes(lint("u.txt"), write=True)
    assert path16.read_bytes().decode("utf-16") == "They toe the line.\n"


def test_failed_write_leaves_the_file_whole(lint, project, write, monkeypatch):
    path = write("d.txt", "They tow the line.\n")
    result = lint("d.txt")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    report = autofix.apply_fixes(result, write=True)
    assert report.errors == ["d.txt: not fixed: No space left on device"]
    assert path.read_text() == "They tow the line.\n"
    assert [p.name for p in project.iterdir() if "factlint-tmp" in p.name] == []


def test_permissions_are_kept(lint, project, write):
    path = write("d.txt", "They tow the line.\n")
    path.chmod(0o640)
    autofix.apply_fixes(lint("d.txt"), write=True)
    assert path.read_text() == "They toe the line.\n"
    assert path.stat().st_mode & 0o777 == 0o640


def test_html_fix_keeps_markup(lint, project, write):
    path = write("d.html", "<p>They <em>tow</em> the line. They tow the\nline.</p>\n")
    autofix.apply_fixes(lint("d.html"), write=True)
    assert path.read_text() == "<p>They <em>tow</em> the line. They toe the\nline.</p>\n"


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("tow the\nline", "toe the line", "toe the\nline"),
        ("tow  the line", "toe the line", "toe  the line"),
        ("in order\nto", "to", "to"),
        ("  ", " ", " "),
    ],
)
def test_keep_layout(original, replacement, expected):
    assert keep_layout(original, replacement) == expected


def test_write_atomically_refuses_changed_file(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("new")
    with pytest.raises(FixError):
        write_atomically(path, "old", "fixed")
    assert path.read_text() == "new"
