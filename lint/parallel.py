"""Batches spread over worker processes (``factlint check --jobs N``).

spaCy holds the GIL while it parses, so a batch uses more than one core only
through processes. Each worker loads its own engine once (spaCy, packs,
LanguageTool client) and then lints batches of documents sent to it; the pool
is kept for the life of the process, so the warm service pays the start-up
once. Small runs stay in-process: a worker needs seconds to start.

Bounded in a long-lived process: there is one pool, resized (replaced) when a run asks
for another number of workers rather than one more pool per ``--jobs`` value, and
``--jobs`` is capped at the cores this process may use (``os.sched_getaffinity``):
more workers than cores only add memory (each holds its own spaCy).

A process that already holds the warm engine (a service worker) forks its workers:
they start in milliseconds with spaCy and the packs loaded, where a spawned one takes
seconds of CPU to load them again, time a batch of 100 articles spent mostly waiting.
Anything else spawns (a fresh interpreter: no fork of a threaded process).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from lint.config import Config
from lint.document import Document
from lint.engine import Engine, LintResult

MIN_CHARS_COLD = 200_000
"""Characters of prose (about 35,000 words) that make starting workers worth it."""
MIN_CHARS_WARM = 20_000
"""…and when the workers are already running (in the service)."""
BATCH_CHARS = 30_000

_pool: ProcessPoolExecutor | None = None
_pool_size = 0
_engine: Engine | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def capped(jobs: int) -> int:
    """``jobs``, at most the usable cores."""
    return max(1, min(jobs, default_jobs()))


def worth_it(jobs: int, documents: int, chars: int) -> bool:
    """Enough work to share: a document is never split, and workers take seconds to start."""
    jobs = capped(jobs)
    if jobs <= 1 or documents < 2 * jobs:
        return False
    warm = (_pool is not None and _pool_size == jobs) or _forkable()
    return chars >= (MIN_CHARS_WARM if warm else MIN_CHARS_COLD)


def lint_parallel(
    items: list[tuple[str, Document]],
    config: Config,
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> list[LintResult] | None:
    """``Engine.lint`` over ``jobs`` processes; results in the order of ``items``, or None
    when a worker died (killed, out of memory): the caller then lints in-process."""
    pool = _pool_of(capped(jobs))
    batches = list(_batches(items))
    try:
        futures: list[Future] = [pool.submit(_lint, batch, config) for batch in batches]
        results: list[LintResult] = []
        for batch, future in zip(batches, futures, strict=True):
            results.extend(future.result())
            if progress:
                progress(len(batch))
    except BrokenProcessPool:
        _drop_pool()
        return None
    return results


def _batches(items: list[tuple[str, Document]]) -> Iterator[list[tuple[str, Document]]]:
    batch: list[tuple[str, Document]] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item[1].text)
        if size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _pool_of(jobs: int) -> ProcessPoolExecutor:
    """The pool, with ``jobs`` workers: the one there is, or a new one replacing it."""
    global _pool, _pool_size
    if _pool is None or _pool_size != jobs:
        _drop_pool()
        how = "fork" if _forkable() else "spawn"
        context = multiprocessing.get_context(how)
        # the death signal comes when the creating *thread* ends: only the main one's
        parent = os.getpid() if threading.current_thread() is threading.main_thread() else 0
        _pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_start, initargs=(how, parent)
        )
        _pool_size = jobs
    return _pool


def _drop_pool() -> None:
    global _pool, _pool_size
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool, _pool_size = None, 0


FDS = "/proc/self/fd"  # a process's open descriptors (Linux)
PR_SET_PDEATHSIG = 1  # prctl(2)

IDLE_THREADS = ("factlint-languagetool",)
"""Threads that may run beside a fork: the engine's LanguageTool thread, idle between
lints (the pool is used instead of ``Engine.lint``, not during it)."""


def _forkable() -> bool:
    """True when workers forked from here start warm and safe: spaCy is loaded, this is
    the main thread, and no other thread runs but factlint's idle ones (a lock another
    thread held at the fork would stay held in the child)."""
    from lint import nlp

    if not hasattr(os, "fork") or not os.path.isdir(FDS) or nlp.load.cache_info().currsize == 0:
        return False
    main = threading.main_thread()
    if threading.current_thread() is not main:
        return False
    return all(t is main or t.name.startswith(IDLE_THREADS) for t in threading.enumerate())


def _let_go_of_sockets() -> None:
    """Point every socket a forked worker inherited at /dev/null: they are its parent's (a
    service worker's client connection and control socket, its HTTP connections), and a
    client does not see its connection end while another process holds it. The numbers
    stay taken, so a Python object that closes one later closes /dev/null, never a file
    opened since. multiprocessing's own channels are pipes, left alone."""
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for name in os.listdir(FDS):
            with contextlib.suppress(OSError, ValueError):
                fd = int(name)
                if fd != null and stat.S_ISSOCK(os.fstat(fd).st_mode):
                    os.dup2(null, fd)
    finally:
        os.close(null)


def _die_with(parent: int) -> None:
    """Linux: this worker is sent SIGTERM when the process that made it ends, however it
    ends (a service worker retired, killed, or stopped with the service), rather than
    living on as an orphan holding its own spaCy (about 500 MB each)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # it ended before the prctl
        os._exit(0)


def _start(how: str, parent: int) -> None:
    """A worker's engine; it dies with ``parent`` (0: a pool made off the main thread
    lives on, as the end of that thread would kill it). A forked one drops what was its
    parent's: a service worker's signal handlers (its deadline and cancel), and the
    LanguageTool clients, whose connections the parent and every worker would share."""
    global _engine
    from lint.languagetool import backend, backend_for

    if parent and sys.platform == "linux":
        _die_with(parent)
    if how == "fork":
        for sig in (signal.SIGTERM, signal.SIGALRM):
            signal.signal(sig, signal.SIG_DFL)
        _let_go_of_sockets()
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        backend._backends.clear()
    _engine = Engine(languagetool=backend_for, disk=True)


def _lint(batch: list[tuple[str, Document]], config: Config) -> list[LintResult]:
    assert _engine is not None
    return _engine.lint(batch, config)
