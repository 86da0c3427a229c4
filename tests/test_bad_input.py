"""Bad documents: each is linted correctly or refused with one line; the rest of the run goes on."""

from __future__ import annotations

import json

import pytest
from test_cli import cli

GOOD = "They tow the line.\n"


def run(project, name: str, data: bytes, *extra: str):
    (project / name).write_bytes(data)
    (project / "good.txt").write_text(GOOD)
    result = cli("check", name, "good.txt", "-f", "json", *extra, cwd=project)
    issues = json.loads(result.stdout)
    assert [i for i in issues if i["path"] == "good.txt"], "the good file must still be linted"
    return result, [i for i in issues if i["path"] == name]


REFUSED = [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
    ("nul.md", b"text\x00more", "binary file (contains NUL bytes)"),
    (
        "latin1.txt",
        "naïve\n".encode("latin-1"),
        "not valid UTF-8 at line 1, byte column 3 (byte 0xef)",
    ),
    (
        "cp1252.md",
        b"line\n\x93quoted\x94\n",
        "not valid UTF-8 at line 2, byte column 1 (byte 0x93)",
    ),
    ("bad16.txt", b"\xff\xfeA\x00\x00\xd8", "not valid UTF-16"),
]


@pytest.mark.parametrize(("name", "data", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_one_line(project, name, data, reason):
    result, issues = run(project, name, data)
    assert result.exit_code == 2
    assert issues == []
    [line] = [e for e in result.stderr.splitlines() if e.startswith("factlint: error:")]
    assert line.startswith(f"factlint: error: {name}: {reason}")


def test_too_large_is_refused_not_hung(project):
    result, _ = run(project, "big.txt", b"They tow the line. " * (300_000))
    assert result.exit_code == 2
    assert "big.txt: file is 5.4 MB, above the 5.0 MB limit" in result.stderr


LINTED = [
    ("empty.txt", b"", []),
    ("blank.md", b"  \n\n\t\n", []),
    ("bom-crlf.txt", b"\xef\xbb\xbfFirst.\r\nThey tow the line.\r\n", [(2, 6)]),
    ("utf16.txt", "x\nThey tow the line.\n".encode("utf-16"), [(2, 6)]),
    ("lone-cr.txt", b"One.\rThey tow the line.\r", [(2, 6)]),
    ("emoji.md", "# 😀👍🏽\n\nA 🇺🇦 flag: they tow the line.\n".encode(), [(3, 17)]),
    ("combining.txt", "Cafe\u0301 owners tow the line.\n".encode(), [(1, 14)]),
    ("rtl.html", "<p>مرحبا they tow the line שלום</p>".encode(), [(1, 15)]),
    ("long-line.md", b"word " * 200_000 + b"tow the line", [(1, 1_000_001)]),
    ("nested.html", b"<div>" * 5000 + b"they tow the line" + b"</div>" * 5000, [(1, 25006)]),
    ("unclosed.html", b"<p>They <b>tow the line.<p>Next", [(1, 12)]),
    ("bad-front-matter.md", b"---\ntitle: [unclosed\n---\n\nThey tow the line.\n", [(5, 6)]),
]


@pytest.mark.parametrize(("name", "data", "where"), LINTED, ids=[r[0] for r in LINTED])
def test_linted_at_the_right_place(project, name, data, where):
    result, issues = run(project, name, data)
    assert result.exit_code == 1, result.stderr  # good.txt always has one issue
    assert [(i["line"], i["column"]) for i in issues] == where
    if not data.strip():
        assert f"factlint: note: {name}: empty, nothing to lint" in result.stderr
