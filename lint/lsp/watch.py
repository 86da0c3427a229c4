"""Which files a document's checks depend on, and noticing when one changes.

A configuration is its own file, the files it ``extends``, the word lists its
``vocabulary.files`` name, and the packs and data files its rules were built
from. The server asks the editor to watch them (``workspace/didChangeWatchedFiles``,
registered dynamically); an editor that cannot watch files gets a poll of their
modification times instead, once a second, which costs a few ``stat`` calls.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import tomllib
import yaml

from lint.config import CONFIG_NAMES, Config

PATTERNS = tuple(f"**/{n}" for n in (*CONFIG_NAMES, "pyproject.toml"))
"""Globs every client is asked to watch: a configuration may appear anywhere."""


def config_files(path: Path | None, seen: set[Path] | None = None) -> set[Path]:
    """A configuration file, the files it extends and the word lists they name."""
    seen = set() if seen is None else seen
    if path is None:
        return seen
    path = path.resolve()
    if path in seen:
        return seen
    seen.add(path)
    data = _read(path)
    if not isinstance(data, dict):
        return seen
    vocab = data.get("vocabulary")
    if isinstance(vocab, dict) and isinstance(vocab.get("files"), list):
        seen.update((path.parent / str(f)).resolve() for f in vocab["files"])
    extends = data.get("extends")
    for spec in extends if isinstance(extends, list) else [extends] if extends else []:
        if isinstance(spec, str):
            config_files(path.parent / Path(spec).expanduser(), seen)
    return seen


def files_in_use(config: Config, sources: Iterable[Path]) -> set[Path]:
    """Every file the checks under ``config`` read (``sources``: its rule set's packs)."""
    return config_files(config.path) | {Path(p).resolve() for p in sources}


def _read(path: Path) -> object:
    try:
        text = path.read_text("utf-8")
        if path.name == "pyproject.toml":
            tool = tomllib.loads(text).get("tool", {})
            return tool.get("factlint") if isinstance(tool, dict) else None
        return yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, tomllib.TOMLDecodeError):
        return None


def is_config_name(path: Path) -> bool:
    return path.name in (*CONFIG_NAMES, "pyproject.toml")


MARGIN_NS = 100_000_000  # file times lag the clock by up to a tick or so
UNSEEN = (-1, -1)  # a stamp no file has: reported as changed at the next look


class Stamps:
    """Modification times of the files in use, to tell which changed since last asked."""

    def __init__(self) -> None:
        self.stamps: dict[Path, tuple[int, int] | None] = {}

    def track(self, paths: Iterable[Path], since: int | None = None) -> None:
        """Start watching ``paths``. A file modified since ``since`` (ns since the epoch)
        is recorded as changed already: a lint that began then may have read it before
        the write (file times are coarse, hence a margin)."""
        for p in paths:
            if p not in self.stamps:
                stamp = _stamp(p)
                if stamp and since is not None and stamp[0] >= since - MARGIN_NS:
                    stamp = UNSEEN
                self.stamps[p] = stamp

    def changed(self) -> list[Path]:
        out = []
        for p, old in self.stamps.items():
            new = _stamp(p)
            if new != old:
                self.stamps[p] = new
                out.append(p)
        return out


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
