"""factlint's rows, driven as a user drives it: the ``factlint`` command, end to end.

Each row starts with no factlint service running, so its first ``factlint
check`` is the cold one (it starts the service, which loads spaCy and the
packs); then every timed warm run checks a draft the service has not seen, so
its per-paragraph cache cannot flatter the figure; the batch is one run over
every file with ``--jobs`` = the cores. Memory is the factlint processes only
(the thin client plus the service and its workers); the LanguageTool JVM is
measured on its own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench import proc
from bench.table import Fig, Row
from bench.texts import Texts

DEFAULT = "factlint: all packs + LanguageTool"
RULES_ONLY = "factlint --no-languagetool"


@dataclass
class Factlint:
    """The ``factlint`` command in the bench's environment (private service and server)."""

    exe: Path
    work: Path
    env: dict[str, str]
    jobs: int

    def service_pid(self) -> int | None:
        """The pid of the running factlint service, or None (none runs, or no such thing yet)."""
        try:
            from lint.service.cli import ask
        except ImportError:
            return None
        with contextlib.suppress(OSError, ValueError):
            state = ask("status")
            return int(state["pid"]) if state and "pid" in state else None
        return None

    def stop_service(self) -> None:
        """What ``factlint service stop`` does, without loading the whole CLI to do it."""
        try:
            from lint.service import client
            from lint.service.cli import ask
        except ImportError:
            return
        with contextlib.suppress(OSError, ValueError):
            if ask("stop") is not None:
                client.wait_gone()

    def check(self, paths: Sequence[Path], *flags: str, proportional: bool = False) -> Checked:
        """One ``factlint check``; memory of the client's tree and, unless it is told not to
        use it, of the service's (and their PSS, when ``proportional``)."""
        before = self.service_pid()
        watch = [before] if before and "--no-service" not in flags else []
        cmd = [self.exe, "check", *paths, "-q", "--fail-on", "never", *flags]
        run = proc.run(
            cmd, self.work, self.env, also_watch=lambda: watch, proportional=proportional
        )
        after = self.service_pid()
        return Checked(run, restarted=before is not None and after != before, service=after)


@dataclass
class Checked:
    run: proc.Run
    restarted: bool  # the service was replaced mid-run (factlint's code changed under it)
    service: int | None  # the service pid after the run

    @property
    def error(self) -> str | None:
        return self.run.failed()

    def fig(self, value: float | None = None) -> Fig:
        if self.error:
            return Fig.na(self.error)
        return Fig(self.run.seconds if value is None else value)


@dataclass
class FactlintResult:
    row: Row
    notes: list[str] = field(default_factory=list)
    rss_5k: dict[str, Fig] = field(default_factory=dict)  # how it ran → Python-side peak MB
    warm_runs: list[float] = field(default_factory=list)


def _warm(fl: Factlint, draft: Path, flags: Sequence[str], notes: list[str]) -> Checked:
    """A warm run; retaken once if the service restarted because factlint's code changed."""
    checked = fl.check([draft], *flags)
    if checked.restarted:
        notes.append(
            f"the service restarted during a warm run on {draft.name} (code changed); retaken"
        )
        checked = fl.check([draft], *flags)
    return checked


def measure(
    fl: Factlint,
    texts: Texts,
    name: str,
    flags: Sequence[str],
    say: Callable[[str], None],
    jvm_pid: int | None = None,
    memory_target: bool = False,
) -> FactlintResult:
    """Cold, warm and batch figures for one configuration of factlint (and, for the
    memory target, its runs on the ~5,000-word draft); ``jvm_pid`` is watched in the batch."""
    result = FactlintResult(Row(name))
    fl.stop_service()
    say(f"{name}: cold first runs (service, then in-process)")
    cold = _cold(fl, texts, flags, result.notes)
    say(f"{name}: {len(texts.warm)} warm single drafts")
    jvm_roots = [jvm_pid] if jvm_pid else []
    service = [pid] if (pid := fl.service_pid()) else []
    before = proc.tree_cpu(service), proc.tree_cpu(jvm_roots)
    warm = _warm_runs(fl, texts, flags, result)
    if service and not any(w.error or w.restarted for w in warm):
        n = len(warm) + 1  # and the unchanged re-run
        ours, theirs = proc.tree_cpu(service) - before[0], proc.tree_cpu(jvm_roots) - before[1]
        wall = sum(result.warm_runs) / len(warm)
        result.notes.append(
            f"CPU per warm draft (the {len(warm)} new drafts and one unchanged re-run, "
            f"averaged): factlint's service {ours / n:.2f} s, LanguageTool's JVM "
            f"{theirs / n:.2f} s, in a mean {wall:.2f} s a new draft"
        )
    if memory_target:
        say(f"{name}: peak memory on the {texts.incremental_words:,}-word draft")
        _memory(fl, texts, flags, result)
    say(f"{name}: batch of {len(texts.batch)} files, --jobs {fl.jobs}")
    service = [pid] if (pid := fl.service_pid()) else []
    before = proc.tree_cpu(service), proc.tree_cpu(jvm_roots), proc.own_cpu()
    with proc.PeakRSS(lambda: jvm_roots) as jvm:
        batch = fl.check([texts.batch_dir], "--jobs", str(fl.jobs), *flags)
    ours, theirs = proc.tree_cpu(service) - before[0], proc.tree_cpu(jvm_roots) - before[1]
    bench_cpu = proc.own_cpu() - before[2]
    if batch.restarted:
        result.notes.append("the service restarted during the batch (code changed)")
    if jvm_pid:
        result.notes.append(f"LanguageTool JVM during the batch: {jvm.mb:.0f} MB")
    if service and not batch.error:
        result.notes.append(cpu_note("the batch", ours, theirs, batch.run.seconds,
                                     texts.batch_words, bench_cpu))  # fmt: skip
    fl.stop_service()

    failed = next((w.error for w in warm if w.error), None)
    result.row.figs = {
        "cold": cold.fig(),
        "warm": Fig.na(failed) if failed else Fig(proc.median(result.warm_runs)),
        "batch": batch.fig(texts.batch_words / batch.run.seconds),
        "rss": Fig(max(c.run.peak_mb for c in [cold, *warm, batch])),
    }
    return result


def _cold(fl: Factlint, texts: Texts, flags: Sequence[str], notes: list[str]) -> Checked:
    """The first ``factlint check`` (it starts the service); then one in-process run, on
    another draft so LanguageTool's cache does not help it, for the notes."""
    cold = fl.check([texts.single], *flags)
    if cold.service is None and not cold.error:
        notes.append("no factlint service answered after the first run: figures are in-process")
    here = fl.check([texts.drafts[1]], "--no-service", *flags)
    notes.append(
        f"cold in-process run (`--no-service`, {texts.draft_words[1]:,} words) "
        f"{here.fig().show('.2f')} s, peak RSS {here.run.peak_mb:.0f} MB"
    )
    return cold


def _warm_runs(
    fl: Factlint, texts: Texts, flags: Sequence[str], result: FactlintResult
) -> list[Checked]:
    """One run per new draft; then the last draft again, unchanged, for the notes."""
    warm = [_warm(fl, draft, flags, result.notes) for draft in texts.warm]
    result.warm_runs = [w.run.seconds for w in warm]
    again = fl.check([texts.warm[-1]], *flags)
    result.notes.append(
        f"unchanged re-run of a warm draft (paragraph cache) {again.fig().show('.3f')} s"
    )
    return warm


def _memory(fl: Factlint, texts: Texts, flags: Sequence[str], result: FactlintResult) -> None:
    """Peak Python-side memory checking the ~5,000-word draft, through the warm service
    (client + service) and in a process of its own; neither from the on-disk result
    cache, where the first run leaves the draft's findings (the second then loaded no
    spaCy: 109 MB "in-process"). Proportional (PSS): the service's worker is forked from
    its main process and shares most of its pages, which summed RSS counts twice."""
    via_service = fl.check([texts.versions[0]], "--no-cache", *flags, proportional=True)
    in_process = fl.check(
        [texts.versions[0]], "--no-service", "--no-cache", *flags, proportional=True
    )
    for how, checked in (("service (client + service)", via_service),
                         ("in-process (--no-service)", in_process)):  # fmt: skip
        result.rss_5k[how] = checked.fig(checked.run.peak_pss_mb)
        result.notes.append(
            f"{how} on the {texts.incremental_words:,}-word draft: peak PSS "
            f"{checked.run.peak_pss_mb or 0:.0f} MB, peak RSS summed {checked.run.peak_mb:.0f} MB"
        )


def cpu_note(
    what: str, ours: float, jvm: float, seconds: float, words: int, bench: float | None = None
) -> str:
    """Where a run's time went: CPU seconds of factlint's processes and of LanguageTool's
    JVM, per 1,000 words, and how many cores they kept busy together; and the bench's own
    (its memory sampling), which competes with them for the same cores."""
    per = 1000 / max(words, 1)
    note = (
        f"CPU during {what}: factlint's processes {ours:.1f} s ({ours * per:.2f} s per 1,000 "
        f"words), LanguageTool's JVM {jvm:.1f} s ({jvm * per:.2f} s), in {seconds:.1f} s: "
        f"{(ours + jvm) / seconds:.2f} cores busy"
    )
    if bench is not None:
        note += f"; the bench itself {bench:.1f} s ({bench / seconds:.2f} cores)"
    return note
