"""--jobs: a run spread over worker processes finds exactly what one process finds, and a
worker that dies costs time, not results."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from lint import parallel
from lint.config import Config, ConfigFinder
from lint.engine import Engine
from lint.runner import Overrides, run

STORY = "The minister refused to tow the line on Tuesday, March 4, 2025.\n\nIt was very unique.\n"


CONFIG = Config(languagetool={"enabled": False})


class Fixed(ConfigFinder):
    def for_path(self, path):
        return CONFIG  # one configuration: the files are linted as one group


@pytest.fixture
def drafts(tmp_path):
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text(f"Story {i}.\n\n" + STORY * (i + 1))
    return tmp_path


def found(result) -> list[tuple]:
    return [(i.path, i.line, i.column, i.rule) for i in result.issues]


@pytest.mark.slow
def test_workers_find_what_one_process_finds(drafts, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_CHARS_COLD", 0)  # these drafts are small
    monkeypatch.setattr(parallel, "MIN_CHARS_WARM", 0)
    alone = run([str(drafts)], Fixed(), Overrides(), Engine(), jobs=1)
    spread = run([str(drafts)], Fixed(), Overrides(), Engine(), jobs=2)
    assert parallel._pool is not None and parallel._pool_size == 2  # the workers did run
    assert found(spread) == found(alone) and len(found(alone)) == 2 * sum(range(1, 7))


def test_a_dead_worker_means_linting_here(drafts, monkeypatch):
    class DeadPool:
        def submit(self, *args):
            future: Future = Future()
            future.set_exception(BrokenProcessPool("a worker was killed"))
            return future

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(parallel, "MIN_CHARS_COLD", 0)
    monkeypatch.setattr(parallel, "_pool_of", lambda jobs: DeadPool())
    spread = run([str(drafts)], Fixed(), Overrides(), Engine(), jobs=2)
    alone = run([str(drafts)], Fixed(), Overrides(), Engine(), jobs=1)
    assert found(spread) == found(alone) and not spread.errors


@pytest.mark.slow
def test_one_pool_resized_and_jobs_capped_at_the_usable_cores(drafts, monkeypatch):
    """A long-lived process (the service) asked for --jobs 2, then 64, then 2 again holds
    one pool at a time, never more workers than it has cores."""
    import os

    import psutil

    monkeypatch.setattr(parallel, "MIN_CHARS_COLD", 0)
    monkeypatch.setattr(parallel, "MIN_CHARS_WARM", 0)
    cores = len(os.sched_getaffinity(0))
    engine = Engine()
    alone = run([str(drafts)], Fixed(), Overrides(), engine, jobs=1)
    me = psutil.Process()
    for jobs in (2, 64, 2):
        spread = run([str(drafts)], Fixed(), Overrides(), engine, jobs=jobs)
        assert found(spread) == found(alone)
        assert parallel._pool_size == min(jobs, cores)
        workers = [p for p in me.children(recursive=True) if _a_pool_worker(p)]
        assert len(workers) <= cores + 1  # the pool's workers (and its resource tracker)
    assert parallel.capped(64) == cores and parallel.capped(0) == 1


def _a_pool_worker(process) -> bool:
    """A live worker of a multiprocessing pool (a worker of the old pool may still be a
    zombie, reaped a moment later)."""
    import psutil

    try:
        return "multiprocessing" in " ".join(process.cmdline())
    except psutil.Error:
        return False
