"""Everything read as configuration gets what drafts get: regular files only, a size
limit, one positioned line; a FIFO, a device or a huge file never hangs the run or
exhausts its memory. And ``max-file-size`` larger than memory allocates nothing.

Each case runs the real command line in-process, under an alarm, so a read that
blocked on a FIFO fails the test instead of hanging it; the memory cases run a real
process under an address-space limit.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import cli

from .conftest import error_lines


@pytest.fixture(autouse=True)
def _alarm():
    """Fail a case that blocks (a FIFO read would wait forever for a writer)."""

    def hung(signum, frame):
        raise TimeoutError("factlint blocked for 120 s")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


BAD = "They tow the line.\n"
PACK_CONFIG = "packs: [./house.yaml]\nlanguagetool: {enabled: false}\n"


def check(project: Path, *args: str):
    return cli("check", *args, cwd=project)


def only_error(proc) -> str:
    lines = error_lines(proc.stderr)
    assert proc.exit_code == 2, proc.stderr
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0].removeprefix("factlint: error: ")


@pytest.fixture
def draft(project: Path) -> Path:
    (project / "d.txt").write_text(BAD)
    return project / "d.txt"


def big_file(path: Path, size: int) -> Path:
    with path.open("wb") as f:  # sparse: costs no disk
        f.truncate(size)
    return path


SPECIALS = {
    "fifo": lambda d: (os.mkfifo(d / "special.yaml"), "special.yaml")[1],
    "dev-zero": lambda d: "/dev/zero",
    "dev-urandom": lambda d: "/dev/urandom",
    "dev-null": lambda d: "/dev/null",
    "directory": lambda d: ((d / "adir").mkdir(), "adir")[1],
}
KINDS = {
    "fifo": "not a regular file (a named pipe)",
    "dev-zero": "not a regular file (a character device)",
    "dev-urandom": "not a regular file (a character device)",
    "dev-null": "not a regular file (a character device)",
    "directory": "a directory",
}


@pytest.mark.parametrize("special", sorted(SPECIALS))
def test_extends_a_special_file_is_one_positioned_line(project, draft, special):
    spec = SPECIALS[special](project)
    (project / ".factlint.yaml").write_text(f"extends: {spec}\n{PACK_CONFIG}")
    line = only_error(check(project, "d.txt"))
    assert line.startswith(f"{project / '.factlint.yaml'}:1:10: extends: ")
    assert KINDS[special] in line


def test_extends_a_special_file_in_a_list_is_positioned_at_its_item(project, draft):
    (project / "base.yaml").write_text("select: ['*']\n")
    (project / ".factlint.yaml").write_text(f"extends: [base.yaml, /dev/zero]\n{PACK_CONFIG}")
    line = only_error(check(project, "d.txt"))
    assert line == (
        f"{project / '.factlint.yaml'}:1:22: extends: /dev/zero is not a regular file "
        "(a character device)"
    )


@pytest.mark.parametrize("special", ["fifo", "dev-zero", "dev-urandom", "dev-null"])
def test_config_option_naming_a_special_file_is_refused(project, draft, special):
    spec = SPECIALS[special](project)
    line = only_error(check(project, "d.txt", "--config", spec))
    assert line == f"{spec}: cannot read configuration: it is {KINDS[special]}"


def test_a_fifo_named_like_the_config_is_refused_not_waited_on(tmp_path):
    (tmp_path / "d.txt").write_text(BAD)
    os.mkfifo(tmp_path / ".factlint.yaml")
    line = only_error(check(tmp_path, "d.txt"))
    assert line.endswith(
        ".factlint.yaml: cannot read configuration: it is not a regular file (a named pipe)"
    )


def test_a_fifo_pyproject_is_refused_not_waited_on(tmp_path):
    (tmp_path / "d.txt").write_text(BAD)
    os.mkfifo(tmp_path / "pyproject.toml")
    line = only_error(check(tmp_path, "d.txt"))
    assert (
        "pyproject.toml: cannot read configuration: it is not a regular file (a named pipe)" in line
    )


def test_a_huge_config_is_refused_without_reading_it_all(project, draft):
    big_file(project / "huge.yaml", 8 << 30)  # 8 GB, sparse
    (project / ".factlint.yaml").write_text(f"extends: huge.yaml\n{PACK_CONFIG}")
    line = only_error(check(project, "d.txt"))
    assert line.endswith(
        "extends: huge.yaml is larger than the 1 MB limit for a configuration file"
    )
    line = only_error(check(project, "d.txt", "--config", "huge.yaml"))
    assert (
        line
        == "huge.yaml: cannot read configuration: it is larger than the 1 MB limit for a configuration file"
    )


def test_a_huge_pyproject_is_refused(tmp_path):
    (tmp_path / "d.txt").write_text(BAD)
    big_file(tmp_path / "pyproject.toml", 2 << 30)
    line = only_error(check(tmp_path, "d.txt"))
    assert line.endswith(
        "pyproject.toml: cannot read configuration: it is larger than the 1 MB limit for a configuration file"
    )


@pytest.mark.parametrize("special", ["fifo", "dev-zero", "directory"])
def test_a_word_list_that_is_a_special_file_is_refused_at_the_setting(project, draft, special):
    spec = SPECIALS[special](project)
    (project / ".factlint.yaml").write_text(f"{PACK_CONFIG}vocabulary:\n  files: [{spec}]\n")
    line = only_error(check(project, "d.txt"))
    assert line.startswith(f"{project / '.factlint.yaml'}:4:3: ")
    assert "cannot read word list: it is " in line and KINDS[special] in line


def test_a_huge_word_list_is_refused(project, draft):
    big_file(project / "words.txt", 4 << 30)
    (project / ".factlint.yaml").write_text(f"{PACK_CONFIG}vocabulary:\n  files: [words.txt]\n")
    line = only_error(check(project, "d.txt"))
    assert (
        "words.txt: cannot read word list: it is larger than the 16 MB limit for a word list"
        in line
    )


def test_a_pack_config_that_is_fine_still_works(project, draft):
    proc = check(project, "d.txt")
    assert proc.exit_code == 1
    assert "house.tow" in proc.stdout


@pytest.mark.parametrize("size", ["1000GB", "100000G"])
def test_a_max_file_size_larger_than_memory_allocates_nothing(project, draft, size):
    """The limit is read up to, never allocated: a 1 TB limit lints a small file (and
    standard input) in a process whose address space is capped at 4 GB."""
    (project / ".factlint.yaml").write_text(f"{PACK_CONFIG}max-file-size: {size}\n")
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))\n"
        "from lint.cli import main\n"
        "sys.argv = ['factlint', 'check', '--no-service', 'd.txt', '-']\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=project, input=BAD, capture_output=True, text=True,
        timeout=100, env={**os.environ, "FACTLINT_SERVICE": "0"},
    )  # fmt: skip
    assert "MemoryError" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stdout.count("house.tow") == 2  # the file and stdin


def test_read_regular_reads_in_chunks_up_to_the_limit(tmp_path):
    """In-process: a 1 TB limit on a 3-byte file under a 1 GB address-space cap."""
    from lint.document.reader import read_source

    (tmp_path / "x.txt").write_text("abc")
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    code = (
        "import resource\nfrom pathlib import Path\nfrom lint.document.reader import read_source\n"
        "resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))\n"
        f"print(read_source(Path({str(tmp_path / 'x.txt')!r}), 1 << 40))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout == "abc\n", proc.stderr
    assert read_source(tmp_path / "x.txt", 1 << 40) == "abc"
    assert (soft, hard) == resource.getrlimit(resource.RLIMIT_AS)
