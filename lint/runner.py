"""One lint run: paths → files → documents → engine → results.

This is the layer that knows about files: it expands directories, reads stdin
for ``-``, finds each file's configuration, refuses unreadable files with one
line each (and goes on with the rest), and groups documents that share a
configuration so the engine can batch them through spaCy.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lint import document, parallel
from lint.config import Config, ConfigFinder
from lint.document import Document, DocumentError
from lint.engine import Engine
from lint.findings import Issue, severity_rank

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
STDIN = "-"


@dataclass
class Target:
    """A file to lint: what the user calls it, and where it is (None for stdin)."""

    display: str
    path: Path | None
    kind: str


@dataclass
class Overrides:
    """Command-line settings that win over every configuration file."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    pubdate: dt.date | None = None
    language: str | None = None
    languagetool: bool | None = None  # False: --no-languagetool
    fail_on: str | None = None

    def apply(self, config: Config) -> Config:
        changes: dict = {}
        if self.select:
            changes["select"] = list(self.select)
        if self.ignore:
            changes["ignore"] = [*config.ignore, *self.ignore]
        if self.pubdate:
            changes["pubdate"] = self.pubdate
        if self.language:
            changes["language"] = self.language
        if self.fail_on:
            changes["fail_on"] = self.fail_on
        if self.languagetool is False:
            changes["languagetool"] = {**config.languagetool, "enabled": False}
        return config.replace(**changes) if changes else config


@dataclass
class FileResult:
    target: Target
    source: str | None = None
    document: Document | None = None
    issues: list[Issue] = field(default_factory=list)


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each; exit 2
    notes: list[str] = field(default_factory=list)  # printed once each

    @property
    def issues(self) -> list[Issue]:
        return [i for f in self.files for i in f.issues]

    def failed(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        return any(severity_rank(i.severity) >= severity_rank(fail_on) for i in self.issues)


def collect(paths: Iterable[str], finder: ConfigFinder) -> tuple[list[Target], list[str]]:
    """Files named or found under directories, in a stable order, and errors for bad paths."""
    targets: list[Target] = []
    errors: list[str] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            targets.append(Target(STDIN, None, "text"))
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, getattr(finder, "ignore_files", True)):
                if file.resolve() not in seen and not finder.for_path(file).excluded(file):
                    seen.add(file.resolve())
                    targets.append(Target(str(file), file, document.kind_for_path(file) or "text"))
        elif path.exists() or path.is_symlink():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                targets.append(Target(raw, path, document.kind_for_path(path) or "text"))
        else:
            errors.append(f"{raw}: no such file or directory")
    return targets, errors


def _walk(root: Path, ignore_files: bool = True) -> Iterator[Path]:
    skip = _ignore_filter(root) if ignore_files else None
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        if skip is not None:
            dirnames[:] = [d for d in dirnames if not skip(Path(dirpath) / d, True)]
        for name in sorted(filenames):
            file = Path(dirpath) / name
            if document.kind_for_path(file) and not (skip and skip(file, False)):
                yield file


def _ignore_filter(root: Path) -> Callable[[Path, bool], bool]:
    """Does a .gitignore or .ignore file skip this path (``--no-ignore-files``: none)?"""
    from lint.ignorefiles import IgnoreFiles

    return IgnoreFiles(root).ignored


def run(
    paths: Iterable[str],
    finder: ConfigFinder,
    overrides: Overrides,
    engine: Engine,
    *,
    stdin_kind: str = "text",
    stdin_name: str | None = None,
    read_stdin: Callable[[], bytes] | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
) -> RunResult:
    """Lint ``paths``; every readable file is linted even when others fail.

    With ``jobs`` > 1 a large run is spread over that many worker processes."""
    result = RunResult()
    targets, result.errors = collect(paths, finder)
    groups: dict[int, tuple[Config, list[FileResult]]] = {}
    for target in targets:
        if target.path is None:
            target.kind = stdin_kind
            if stdin_name:
                target.display = stdin_name
        config_path = target.path or (Path(stdin_name) if stdin_name else None)
        base = finder.for_path(config_path)
        config = overrides.apply(base)
        file = FileResult(target)
        try:
            file.source = _read(target, config, read_stdin)
            file.document = document.parse(file.source, target.kind)
        except DocumentError as exc:
            result.errors.append(f"{target.display}: {exc}")
            continue
        if not file.source.strip():
            result.notes.append(f"{target.display}: empty, nothing to lint")
        if overrides.pubdate:
            file.document.pubdate = overrides.pubdate
        result.files.append(file)
        groups.setdefault(id(base), (config, []))[1].append(file)
    done = 0
    total = len(result.files)

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    for config, files in groups.values():
        items = [(f.target.display, f.document) for f in files]
        chars = sum(len(doc.text) for _, doc in items)
        lint_results = None
        if parallel.worth_it(jobs, len(items), chars):
            lint_results = parallel.lint_parallel(items, config, jobs, advance)
        if lint_results is None:  # small, or a worker died: in this process
            lint_results = []
            for batch in _batches(items):
                lint_results.extend(engine.lint(batch, config))
                advance(len(batch))
        for file, lint_result in zip(files, lint_results, strict=True):
            file.issues = lint_result.issues
            result.errors.extend(lint_result.errors)
            result.notes.extend(n for n in lint_result.notes if n not in result.notes)
    return result


def lint_source(
    display: str,
    source: str,
    kind: str,
    config: Config,
    engine: Engine,
    pubdate: dt.date | None = None,
) -> tuple[FileResult, list[str], list[str]]:
    """Lint one in-memory text (an editor buffer, a pack example): result, errors, notes."""
    target = Target(display, None, kind)
    file = FileResult(target, source, document.parse(source, kind))
    if pubdate:
        file.document.pubdate = pubdate
    [lint_result] = engine.lint([(display, file.document)], config)
    file.issues = lint_result.issues
    return file, lint_result.errors, lint_result.notes


def _batches(items: list, size: int = 16) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _read(target: Target, config: Config, read_stdin: Callable[[], bytes] | None) -> str:
    if target.path is None:
        # an endless stream is refused once past the limit, not read to its end
        data = read_stdin() if read_stdin else sys.stdin.buffer.read(config.max_file_size + 1)
        if len(data) > config.max_file_size:
            raise DocumentError(f"input is larger than the {config.max_file_size} byte limit")
        return document.decode(data)
    return document.read_source(target.path, config.max_file_size)
