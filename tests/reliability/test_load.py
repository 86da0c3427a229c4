"""Load: many factlint processes on one LanguageTool server, and thousands of files in one run.

Heavy (``slow``); the LanguageTool one shares the suite's server and so runs in its
xdist group. No test asserts a duration: deadlines are generous, memory is measured.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from conftest import TINY_PACK

from lint.languagetool import server

from .conftest import factlint_env

PROCESSES = 20
FILES = 2000
MEMORY_LIMIT = 1.5 * 2**30


def _languagetool_processes(state_dir: Path) -> list[psutil.Process]:
    """LanguageTool servers (java) and watchdogs whose command line names ``state_dir``."""
    found = []
    for p in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(p.info["cmdline"] or [])
        if str(state_dir) in cmdline and (server.MAIN_CLASS in cmdline or "watchdog" in cmdline):
            found.append(p)
    return found


@pytest.mark.slow
@pytest.mark.languagetool
@pytest.mark.xdist_group("languagetool")
def test_twenty_processes_share_one_languagetool_server(shared_server, shared_settings, tmp_path):
    """20 `factlint check --no-service` processes at once against the running per-user
    server: all succeed with the same findings, none starts another server (same pid
    before and after), and afterwards no java process is left beyond that one server."""
    (tmp_path / "house.yaml").write_text(TINY_PACK)
    (tmp_path / ".factlint.yaml").write_text(
        "packs: [./house.yaml]\nlanguagetool: "
        f"{{cache_dir: {shared_settings.cache_dir}, jar_dir: {shared_settings.jars}}}\n"
    )
    for i in range(PROCESSES):
        (tmp_path / f"d{i}.md").write_text(
            f"# Draft {i}\n\nI recieve {i} letters and tow the line.\n"
        )
    before = server.read_state(shared_settings.state)
    assert before is not None and before.pid == shared_server.pid
    command = [sys.executable, "-m", "lint", "check", "--no-service", "--config", ".factlint.yaml",
               "-f", "json"]  # fmt: skip
    procs = [
        subprocess.Popen(
            [*command, f"d{i}.md"],
            cwd=tmp_path,
            env=factlint_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(PROCESSES)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for n, (proc, (out, err)) in enumerate(zip(procs, outputs, strict=True)):
        assert proc.returncode == 1, err
        assert "starting LanguageTool" not in err
        found = {(i["rule"], i["line"], i["column"]) for i in json.loads(out)}
        line = f"I recieve {n} letters and tow the line."
        tow = ("house.tow", 3, line.index("tow") + 1)
        assert found == {("languagetool.MORFOLOGIK_RULE_EN_US", 3, 3), tow}, err
    after = server.read_state(shared_settings.state)
    assert after is not None and after.pid == before.pid and server.is_our_server(after)
    java = [p for p in _languagetool_processes(shared_settings.state) if "java" in p.name()]
    assert [p.pid for p in java] == [before.pid]
    assert all(not psutil.pid_exists(p.pid) for p in procs)


class PeakMemory:
    """Samples the resident memory of a process and all its descendants until it ends."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while self.root.is_running() and self.root.status() != psutil.STATUS_ZOMBIE:
            total = 0
            try:
                for p in [self.root, *self.root.children(recursive=True)]:
                    total += p.memory_info().rss
            except psutil.Error:
                pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def stop(self) -> int:
        self.thread.join(10)
        return self.peak


@pytest.mark.slow
def test_two_thousand_files_in_one_run(tmp_path, record_property):
    """2,000 small Markdown drafts in one `factlint check` with the shipped packs: every
    file is linted (each has one planted issue, found at its place), and the whole process
    tree (workers included) stays under 1.5 GB resident."""
    drafts = tmp_path / "drafts"
    for i in range(FILES):
        sub = drafts / f"desk{i % 20:02}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"story{i:04}.md").write_text(
            f"# Story {i}\n\nThe council met on Tuesday, March 4, 2025, and its members refused "
            f"to tow the line on the budget for district {i}.\n\nThe vote comes next month.\n"
        )
    (tmp_path / ".factlint.yaml").write_text(
        "pubdate: 2025-04-28\nlanguagetool: {enabled: false}\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--no-service", "-f", "json", "drafts"],
        cwd=tmp_path, env=factlint_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    memory = PeakMemory(proc.pid)
    out, err = proc.communicate(timeout=900)
    peak = memory.stop()
    record_property("peak_rss_bytes", peak)
    print(f"\n2,000 files: peak resident memory {peak / 2**20:.0f} MiB")
    assert proc.returncode == 1, err
    issues = json.loads(out)
    assert len({i["path"] for i in issues}) == FILES
    tows = [i for i in issues if i["rule"] == "idioms.tow-the-line"]
    columns = {i["path"]: i["column"] for i in tows}
    for path, column in columns.items():
        line = (tmp_path / path).read_text().splitlines()[2]
        assert column == line.index("tow the line") + 1
    assert len(tows) == FILES and {i["line"] for i in tows} == {3}
    assert 0 < peak < MEMORY_LIMIT
