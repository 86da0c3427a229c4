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


# -- more bad documents (issue 8) ------------------------------------------------------------

NESTED_LIST = "".join("  " * depth + "- item\n" for depth in range(10)).encode()

REFUSED_MORE = [
    ("late-nul.txt", b"Fine prose. " * 1000 + b"\x00", "binary file (contains NUL bytes)"),
    (
        "utf16le-nobom.txt",
        "They tow the line.\n".encode("utf-16-le"),
        "looks like UTF-16 (little-endian) without a byte order mark; save the file as UTF-8",
    ),
    (
        "utf16be-nobom.md",
        "They tow the line.\n".encode("utf-16-be"),
        "looks like UTF-16 (big-endian) without a byte order mark",
    ),
    (
        "surrogate.txt",
        b"ok\n\xed\xa0\x80\n",
        "not valid UTF-8 at line 2, byte column 1 (byte 0xed)",
    ),
    ("truncated.md", "Café".encode()[:-1], "not valid UTF-8 at line 1, byte column 4 (byte 0xc3)"),
    ("overlong.txt", b"a\xc0\xafb\n", "not valid UTF-8 at line 1, byte column 2 (byte 0xc0)"),
    (
        "deep-quote.md",
        b"> " * 5000 + b"They tow the line.\n",
        "Markdown nested too deep at line 1, column 39: the parser stops at 20 levels of "
        "quotes and lists and would drop the rest unchecked, so the file is not linted",
    ),
    (
        "deep-later.md",
        b"Fine.\n\n" + b"> " * 25 + b"They tow the line.\n",
        "Markdown nested too deep at line 3, column 39:",
    ),
    ("deep-list.md", NESTED_LIST, "Markdown nested too deep at line 10, column 19:"),
]


@pytest.mark.parametrize(("name", "data", "reason"), REFUSED_MORE, ids=[r[0] for r in REFUSED_MORE])
def test_more_refusals_are_one_line(project, name, data, reason):
    """Binary, mis-encoded and too-deeply-nested drafts are refused with one line saying
    why (and where), instead of being linted as something they are not, or as empty."""
    result, issues = run(project, name, data)
    assert result.exit_code == 2
    assert issues == []
    [line] = [e for e in result.stderr.splitlines() if e.startswith("factlint: error:")]
    assert line.startswith(f"factlint: error: {name}: {reason}")


def _utf16_be_with_bom(text: str) -> bytes:
    return b"\xfe\xff" + text.encode("utf-16-be")


LINTED_MORE = [
    ("bom-only.txt", b"\xef\xbb\xbf", []),
    ("utf16be.md", _utf16_be_with_bom("x\n\nThey tow the line.\n"), [(3, 6)]),
    ("crlf.html", b"<p>One.</p>\r\n<p>They tow the line.</p>\r\n", [(2, 9)]),
    ("lone-cr.md", b"# T\r\rThey tow the line.\r", [(3, 6)]),
    ("lone-cr.html", b"<p>One.</p>\r<p>They tow the line.</p>\r", [(2, 9)]),
    ("mixed-eol.txt", b"A.\r\n\nB.\r\rThey tow the line.\n", [(5, 6)]),
    ("u2028.txt", "One.\u2028They tow the line.\n".encode(), [(1, 11)]),
    ("u2028-inside.txt", "They tow\u2028the line.\n".encode(), [(1, 6)]),
    ("form-feed.txt", b"Page one.\x0cThey tow the line.\n", [(1, 16)]),
    ("zwj-emoji.md", "👩‍👩‍👧‍👦 family: they tow the line.".encode(), [(1, 22)]),
    ("bidi.md", "\u202bمرحبا\u202c they tow the line \u200fשלום".encode(), [(1, 14)]),
    ("combining.md", "Cafe\u0301 *owners* tow the line.\n".encode(), [(1, 16)]),
    ("deep-ok.md", b"> " * 19 + b"They tow the line.\n", [(1, 44)]),
    (
        "nested-list-ok.md",
        NESTED_LIST[: NESTED_LIST.index(b"                - ")]
        + b"                - They tow the line.\n",
        [(9, 24)],
    ),
    (
        "unclosed-comment.md",
        b"They tow the line.\n\n<!-- never closed\n\nThey tow the line.\n",
        [(1, 6)],
    ),
    ("unclosed-script.html", b"<p>They tow the line.</p><script>var a = 'tow the line'", [(1, 9)]),
    ("unclosed-front-matter.md", b"---\ntitle: x\n\nThey tow the line.\n", [(4, 6)]),
    ("front-matter-only.md", b"---\ndate: 2025-01-01\n---\n", []),
    ("many-brackets.md", b"[" * 20_000 + b" They tow the line.", [(1, 20_007)]),
    ("emphasis-run.md", b"*" * 10_000 + b"They tow the line.", [(1, 10_006)]),
    ("unclosed-inline-tags.html", b"<b>" * 100_000 + b"they tow the line", [(1, 300_006)]),
    ("long-line.html", b"<p>" + b"word " * 200_000 + b"tow the line</p>", [(1, 1_000_004)]),
]


@pytest.mark.parametrize(("name", "data", "where"), LINTED_MORE, ids=[r[0] for r in LINTED_MORE])
def test_more_drafts_linted_at_the_right_place(project, name, data, where):
    """Odd but valid drafts — other encodings and line ends, Unicode line separators,
    emoji sequences, bidi controls, unclosed markup, pathological runs of markup — are
    linted, and each issue is at the line and code-point column of the words it names."""
    result, issues = run(project, name, data)
    assert result.exit_code == 1, result.stderr
    assert [(i["line"], i["column"]) for i in issues] == where
    assert not [e for e in result.stderr.splitlines() if e.startswith("factlint: error:")]


def _draft_of(size: int) -> tuple[bytes, tuple[int, int]]:
    """About ``size`` bytes of clean prose with one 'tow the line' in the middle, and where."""
    paragraph = b"The council met on Tuesday and agreed the budget after long talks. " * 6
    lines = [paragraph + b"\n"] * (size // (len(paragraph) + 1))
    middle = len(lines) // 2
    lines[middle] = b"They tow the line.\n"
    return b"".join(lines), (middle + 1, 6)


def test_twenty_megabyte_draft_is_refused_at_once(project):
    """A 20 MB draft is over the default 5 MB `max-file-size`: one line says so and how to
    lint it anyway, without reading it; the other files are linted."""
    data, _ = _draft_of(20 << 20)
    result, issues = run(project, "big20.txt", data)
    assert result.exit_code == 2 and issues == []
    [line] = [e for e in result.stderr.splitlines() if e.startswith("factlint: error:")]
    assert line == (
        "factlint: error: big20.txt: file is 20.0 MB, above the 5.0 MB limit "
        "(raise `max-file-size` in the configuration to lint it)"
    )


@pytest.mark.slow
def test_twenty_megabyte_draft_is_linted_when_allowed(project):
    """With `max-file-size: 25MB` the same 20 MB draft is linted (seconds, not minutes:
    splitting it into paragraphs used to be quadratic) and the issue is in the right place."""
    config = project / ".factlint.yaml"
    config.write_text(config.read_text() + "max-file-size: 25MB\n")
    data, where = _draft_of(20 << 20)
    result, issues = run(project, "big20.txt", data)
    assert result.exit_code == 1, result.stderr
    assert [(i["line"], i["column"]) for i in issues] == [where]


def test_fifo_and_devices_are_refused_not_waited_on(project):
    """A named pipe with a draft's name (nobody writes to it) would block the run forever;
    it is refused in one line, through the real command, and the rest is linted."""
    import os
    import subprocess
    import sys

    drafts = project / "drafts"
    drafts.mkdir()
    os.mkfifo(drafts / "pipe.md")
    (drafts / "good.txt").write_text(GOOD)
    os.symlink("/dev/zero", drafts / "zero.txt")
    # the link out of the tree is named, as a directory walk does not follow it
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-service", "-f", "json", "drafts",
         "drafts/zero.txt"],
        cwd=project, capture_output=True, text=True, timeout=120,
        env={**os.environ, "FACTLINT_SERVICE": "0"},
    )  # fmt: skip
    assert proc.returncode == 2
    assert [i["path"] for i in json.loads(proc.stdout)] == ["drafts/good.txt"]
    errors = sorted(e for e in proc.stderr.splitlines() if e.startswith("factlint: error:"))
    assert errors == [
        "factlint: error: drafts/pipe.md: is a named pipe, not a regular file; "
        "to lint a stream, pipe it to `factlint check -`",
        "factlint: error: drafts/zero.txt: is a character device, not a regular file; "
        "to lint a stream, pipe it to `factlint check -`",
    ]


@pytest.mark.slow
def test_endless_stdin_is_refused_past_the_limit(project):
    """`some-command | factlint check -` where the command never ends: factlint must stop
    reading once past `max-file-size` and refuse in one line, not wait for an end that never
    comes. (The feeder stops after 64 MB and holds the pipe open, so a failing run waits
    instead of exhausting memory.)"""
    import os
    import subprocess
    import sys
    import threading

    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--no-service", "-"],
        cwd=project, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "FACTLINT_SERVICE": "0"},
    )  # fmt: skip
    stop = threading.Event()

    def feed() -> None:
        block = b"They tow the line. " * 4096
        try:
            for _ in range((64 << 20) // len(block)):
                proc.stdin.write(block)
            stop.wait(120)
        except (BrokenPipeError, ValueError):
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        proc.wait(timeout=30)
        err = proc.stderr.read().decode()
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail("factlint kept reading an endless standard input")
    finally:
        stop.set()
    assert proc.returncode == 2
    assert "above the 5.0 MB limit" in err or "larger than" in err
