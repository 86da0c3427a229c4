"""factlint audit on a real Dask cluster gives the issues factlint check gives."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dask")]

FACTLINT = [sys.executable, "-m", "lint"]
DRAFTS = [
    "The council said it would tow the line on rates.\n",
    "# Floods\n\nResidents waited with baited breath as the river rose.\n",
    "The minister could care less, she said, about the poll.\n",
    "The debate is a mute point now that the the vote is over.\n",
    "Staff will make due with the old depot until March.\n",
    "<html><body><p>For all intensive purposes the deal is done.</p></body></html>\n",
    "A clean draft about the weather, with nothing wrong in it.\n",
]
NAMES = ["a.txt", "b.md", "c.txt", "d.txt", "sub/e.txt", "sub/f.html", "sub/g.txt"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit") / "archive"
    for name, text in zip(NAMES, DRAFTS, strict=True):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env_args = ["--no-languagetool"]
    return subprocess.run(
        [*FACTLINT, *args, *env_args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def key(issue: dict) -> tuple:
    return (issue["path"], issue["line"], issue["column"], issue["rule"], issue["message"])


@functools.cache
def checked(archive: Path) -> list[dict]:
    """What `factlint check` says of the archive (asked once)."""
    done = run("check", "--no-service", "--format", "json", "archive", cwd=archive.parent)
    assert done.returncode == 1, done.stderr
    return sorted(json.loads(done.stdout), key=key)


@pytest.mark.parametrize("size", [1, 3])
def test_the_same_issues_as_check_in_any_partitioning(archive, scheduler, size):
    out = archive.parent / f"issues-{size}.jsonl"
    done = run("audit", "archive", "--scheduler", scheduler, "--output", str(out),
               "--partition-size", str(size), cwd=archive.parent)  # fmt: skip
    assert done.returncode == 1, done.stderr
    audited = sorted((json.loads(line) for line in out.read_text().splitlines()), key=key)
    assert audited == checked(archive)
    assert len({i["path"] for i in audited}) == 6  # every draft but the clean one
    assert "audited 7 files on 2 workers" in done.stderr


def test_a_missing_path_is_named_and_the_rest_audited(archive, scheduler):
    out = archive.parent / "issues.jsonl"
    done = run("audit", "archive", "gone.txt", "--scheduler", scheduler, "-o", str(out),
               cwd=archive.parent)  # fmt: skip
    assert done.returncode == 2
    assert "gone.txt: no such file or directory" in done.stderr
    assert len(out.read_text().splitlines()) == len(checked(archive))


def test_parquet_holds_the_same_rows(archive, scheduler):
    pq = pytest.importorskip("pyarrow.parquet")
    out = archive.parent / "issues.parquet"
    done = run("audit", "archive", "--scheduler", scheduler, "--format", "parquet",
               "-o", str(out), cwd=archive.parent)  # fmt: skip
    assert done.returncode == 1, done.stderr
    rows = sorted(pq.read_table(out).to_pylist(), key=key)
    assert [{k: v for k, v in r.items() if v is not None} for r in rows] == checked(archive)


def test_an_unreachable_scheduler_is_one_line(archive):
    done = run("audit", "archive", "--scheduler", "tcp://127.0.0.1:9", cwd=archive.parent)
    assert done.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr
    assert "Traceback" not in done.stderr
