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
"""

from __future__ import annotations

import multiprocessing
import os
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
    return chars >= (MIN_CHARS_WARM if _pool is not None and _pool_size == jobs else MIN_CHARS_COLD)


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
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        _pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start)
        _pool_size = jobs
    return _pool


def _drop_pool() -> None:
    global _pool, _pool_size
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool, _pool_size = None, 0


def _start() -> None:
    global _engine
    from lint.languagetool import backend_for

    _engine = Engine(languagetool=backend_for, disk=True)


def _lint(batch: list[tuple[str, Document]], config: Config) -> list[LintResult]:
    assert _engine is not None
    return _engine.lint(batch, config)
