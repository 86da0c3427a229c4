"""Wall time and peak memory of commands and process trees, for every row of the bench.

Every tool is measured the same way: wall time from before the process is
created to after it exits (so interpreter and JVM start-up count, as a user
pays them), and the peak of the summed resident set size of the process trees
we are told to watch, sampled from a thread so the measured code runs unchanged.

Summed RSS counts a page shared by two processes twice: a forked worker shares
most of its parent's pages (copy on write), so for a tree that forks, ``proportional``
also sums the proportional set size (PSS, from /proc/PID/smaps_rollup: each shared
page split between the processes that share it), which is what the tree takes.
"""

from __future__ import annotations

import contextlib
import resource
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

MB = 1 << 20
SAMPLE_EVERY = 0.02  # seconds; fine enough for runs of a few tenths of a second
SAMPLE_AT_MOST = 0.25  # seconds between samples once a run has gone on for a while
RAMP = 1.0
"""After RAMP seconds the interval grows with the time run so far (0.1 s after 5 s):
memory that grows over tens of seconds needs no 20 ms resolution."""
RESCAN = 0.25
"""Seconds between two walks of the process table for a tree's descendants (1.4 ms of
CPU each here, where reading the RSS of the processes known is 0.1 ms): walked at every
sample, 50 times a second, two samplers took a quarter of a core from a batch that
needs both."""


def interval(elapsed: float) -> float:
    """Seconds to the next sample, ``elapsed`` seconds into a run."""
    return min(SAMPLE_AT_MOST, SAMPLE_EVERY * max(1.0, elapsed / RAMP))


def own_cpu() -> float:
    """CPU seconds of this process (the bench and its sampling threads) so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _tree(roots: Iterable[int]) -> list[psutil.Process]:
    """Each root and its descendants, each once (one walk of the process table per root)."""
    seen: dict[int, psutil.Process] = {}
    for pid in roots:
        with contextlib.suppress(psutil.Error):  # a process may exit between the calls
            root = psutil.Process(pid)
            for proc in [root, *root.children(recursive=True)]:
                seen.setdefault(proc.pid, proc)
    return list(seen.values())


def _rss(procs: Iterable[psutil.Process]) -> int:
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


def _pss(procs: Iterable[psutil.Process]) -> int:
    """Summed PSS (bytes); a process whose smaps_rollup cannot be read counts its RSS."""
    total = 0
    for proc in procs:
        try:
            with open(f"/proc/{proc.pid}/smaps_rollup", "rb") as rollup:
                line = next(ln for ln in rollup if ln.startswith(b"Pss:"))
            total += int(line.split()[1]) * 1024
        except (OSError, StopIteration, ValueError, IndexError):
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
    return total


def tree_cpu(roots: Iterable[int]) -> float:
    """CPU seconds (user + system) used so far by each root process and its descendants:
    taken before and after a run, the difference says how many cores it kept busy."""
    total = 0.0
    for proc in _tree(roots):
        with contextlib.suppress(psutil.Error):
            times = proc.cpu_times()
            total += times.user + times.system
    return total


class PeakRSS:
    """Peak summed RSS of the trees under ``roots()`` while the ``with`` block runs.

    ``roots`` is called, and the trees walked, every RESCAN seconds, so a process that
    appears during the block (a service started by its first client) is picked up.
    """

    def __init__(self, roots: Callable[[], Iterable[int]], proportional: bool = False) -> None:
        self.roots = roots
        self.proportional = proportional
        self.peak = 0
        self.peak_pss = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        began = scanned = time.perf_counter()
        procs = _tree(self.roots())
        while True:
            now = time.perf_counter()
            if now - scanned >= RESCAN:  # new descendants, and new roots
                procs, scanned = _tree(self.roots()), now
            self.peak = max(self.peak, _rss(procs))
            if self.proportional:
                self.peak_pss = max(self.peak_pss, _pss(procs))
            if self._done.wait(interval(now - began)):
                return

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    @property
    def mb(self) -> float:
        return self.peak / MB

    @property
    def pss_mb(self) -> float | None:
        return self.peak_pss / MB if self.proportional else None


@dataclass
class Run:
    """One command: how long, how much memory, how it ended."""

    seconds: float
    peak_mb: float
    code: int
    stderr: str
    stdout: str = ""
    peak_pss_mb: float | None = None  # with ``proportional``: the peak of the summed PSS

    def failed(self, ok_codes: Sequence[int] = (0, 1)) -> str | None:
        """None when the command worked, else a one-line reason (its last stderr line)."""
        if self.code in ok_codes:
            return None
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return f"exit {self.code}: {lines[-1].strip()[:120] if lines else 'no message'}"


def run(
    cmd: Sequence[str | Path],
    cwd: Path,
    env: dict[str, str] | None = None,
    also_watch: Callable[[], Iterable[int]] = tuple,
    capture: bool = False,
    proportional: bool = False,
) -> Run:
    """Run ``cmd``, timing it and watching its tree plus ``also_watch()`` (their PSS too
    when ``proportional``); stdout is discarded unless ``capture``."""
    # files, not pipes: a chatty tool cannot block on a full pipe while we wait
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(
            [str(c) for c in cmd],
            cwd=cwd,
            env=env,
            stdout=out if capture else subprocess.DEVNULL,
            stderr=err,
        )
        with PeakRSS(lambda: [proc.pid, *also_watch()], proportional) as rss:
            proc.wait()
        seconds = time.perf_counter() - began
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Run(seconds, rss.mb, proc.returncode, stderr, stdout, rss.pss_mb)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
