"""One lint run: paths → files → documents → engine → results.

This is the layer that knows about files: it expands directories, reads stdin
for ``-``, finds each file's configuration, refuses unreadable files with one
line each (and goes on with the rest), and groups documents that share a
configuration so the engine can batch them through spaCy.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lint import document, parallel, workdir
from lint.config import Config, ConfigFinder
from lint.document import Document, DocumentError
from lint.document.dates import out_of_range
from lint.document.reader import read_bounded
from lint.engine import Engine
from lint.findings import Issue, severity_rank
from lint.packs import Rule
from lint.printable import escaped

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
    cache: bool | None = None  # False: --no-cache

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
        if self.cache is False:
            changes["cache"] = False
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
    rule_catalog: Callable[[], list[tuple[Rule, str]]] | None = None
    """The rules the run's configurations enable, each with its effective severity
    (SARIF lists them all); built on demand, so other formats never load packs for it."""

    @property
    def issues(self) -> list[Issue]:
        return [i for f in self.files for i in f.issues]

    def failed(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        return any(severity_rank(i.severity) >= severity_rank(fail_on) for i in self.issues)


def collect(
    paths: Iterable[str], finder: ConfigFinder, notes: list[str] | None = None
) -> tuple[list[Target], list[str]]:
    """Files named or found under directories, in a stable order, and errors for bad paths
    (and for what a directory walk could not read); what a walk left out on purpose (a
    symbolic link out of the tree) goes to ``notes``."""
    targets: list[Target] = []
    errors: list[str] = []
    notes = [] if notes is None else notes
    seen: set[Path] = set()
    relative = [raw for raw in paths if raw != STDIN and workdir.refused(raw)]
    if relative:  # the working directory was deleted: one line for all of them
        errors.append(workdir.refused(", ".join(relative)))
    for raw in paths:
        if raw == STDIN:
            targets.append(Target(STDIN, None, "text"))
            continue
        if raw in relative:
            continue
        path = Path(raw)
        if path.is_dir():
            walk = Walk(path, getattr(finder, "ignore_files", True))
            for file in walk:
                if file.resolve() not in seen and not finder.for_path(file).excluded(file):
                    seen.add(file.resolve())
                    targets.append(Target(str(file), file, document.kind_for_path(file) or "text"))
            errors.extend(walk.errors)
            notes.extend(walk.notes)
        elif path.exists() or path.is_symlink():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                targets.append(Target(raw, path, document.kind_for_path(path) or "text"))
        else:
            errors.append(f"{raw}: no such file or directory")
    return targets, errors


class Walk:
    """The drafts under a directory, recursively, in a stable order.

    Symbolic links are never followed out of the tree, nor written through: a linked
    directory is not entered (its drafts in the tree are found under their own path; one
    outside it is left out with a note, to be named on the command line if meant), and a
    linked draft in the tree is yielded as the file it names, so ``--fix`` writes that
    file and never the link's target elsewhere. A link that loops, or a directory that
    cannot be read, is an error naming it, and the walk goes on with the rest."""

    def __init__(self, root: Path, ignore_files: bool = True) -> None:
        self.root = root
        self.ignore_files = ignore_files
        self.errors: list[str] = []
        self.notes: list[str] = []
        self._top = root.resolve()

    def __iter__(self) -> Iterator[Path]:
        try:
            skip = _ignore_filter(self.root) if self.ignore_files else None
        except OSError:  # a root that cannot be read: os.walk says so below
            skip = None
        for dirpath, dirnames, filenames in os.walk(self.root, onerror=self._unreadable):
            here = Path(dirpath)
            dirnames[:] = sorted(
                d
                for d in dirnames
                if d not in SKIP_DIRS and not d.startswith(".") and not self._linked_dir(here / d)
            )
            if skip is not None:
                dirnames[:] = [d for d in dirnames if not skip(Path(dirpath) / d, True)]
            for name in sorted(filenames):
                file = self._file(here / name)
                if file is not None and not (skip and skip(file, False)):
                    yield file

    def _unreadable(self, exc: OSError) -> None:
        line = f"{exc.filename}: cannot read directory: {_reason(exc)}; not linted"
        if line not in self.errors:
            self.errors.append(line)

    def _linked_dir(self, path: Path) -> bool:
        """Is ``path`` a symbolic link (never entered)? A link to a directory that holds
        it is a loop: an error; one out of the tree: a note."""
        try:
            if not path.is_symlink():
                return False
        except OSError as exc:
            self._unreadable(OSError(exc.errno, exc.strerror, str(path.parent)))
            return True
        target = path.resolve()
        if path.parent.resolve().is_relative_to(target):
            self.errors.append(
                f"{path}: symbolic link loop (to {target}, a directory that holds it); not followed"
            )
        elif not target.is_relative_to(self._top):
            self.notes.append(_outside(path, target, self.root))
        return True

    def _file(self, path: Path) -> Path | None:
        """The draft to lint for a directory entry: itself, the in-tree file a link names,
        or None (not a draft, or a link that loops, dangles or leaves the tree)."""
        try:
            linked = path.is_symlink()
        except OSError as exc:  # a directory that can be listed but not entered
            self._unreadable(OSError(exc.errno, exc.strerror, str(path.parent)))
            return None
        if not linked:
            return path if document.kind_for_path(path) else None
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:  # RuntimeError: older Pythons' "Symlink loop"
            if getattr(exc, "errno", None) == errno.ELOOP or isinstance(exc, RuntimeError):
                self.errors.append(f"{path}: symbolic link loop; not linted")
            elif document.kind_for_path(path):
                self.errors.append(f"{path}: broken symbolic link (to {os.readlink(path)})")
            return None
        if not document.kind_for_path(path) or target.is_dir():
            return None
        if not target.is_relative_to(self._top):
            self.notes.append(_outside(path, target, self.root))
            return None
        return self.root / target.relative_to(self._top)


def _outside(path: Path, target: Path, root: Path) -> str:
    return (
        f"{path}: not linted: a symbolic link out of {root} (to {target}); "
        "name it on the command line to lint it"
    )


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


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
    if why := out_of_range(overrides.pubdate):
        result.errors.append(f"--pubdate: {why}")
        return result
    targets, result.errors = collect(paths, finder, result.notes)
    groups: dict[int, tuple[Config, list[FileResult]]] = {}
    for target in targets:
        if target.path is None:
            target.kind = stdin_kind
            if stdin_name:
                target.display = stdin_name
        config_path = target.path or (Path(stdin_name) if stdin_name else None)
        base = finder.for_path(config_path).for_file(config_path)  # per-file-ignores
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
        elif note := _refuse_pubdate(file):
            result.notes.append(note)
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
        known = engine.recall(items, config)  # the on-disk cache: no worker for those
        todo = [i for i, r in enumerate(known) if r is None]
        advance(len(items) - len(todo))
        items = [items[i] for i in todo]
        chars = sum(len(doc.text) for _, doc in items)
        lint_results = None
        if items and parallel.worth_it(jobs, len(items), chars):
            lint_results = parallel.lint_parallel(items, config, jobs, advance)
        if lint_results is None:  # small, or a worker died: in this process
            lint_results = []
            for batch in _batches(items):
                lint_results.extend(engine.lint(batch, config))
                advance(len(batch))
        for i, lint_result in zip(todo, lint_results, strict=True):
            known[i] = lint_result
        for file, lint_result in zip(files, known, strict=True):
            file.issues = lint_result.issues
            result.errors.extend(lint_result.errors)
            result.notes.extend(n for n in lint_result.notes if n not in result.notes)
        for file in files:
            file.issues = _capped(file, result.notes)
    result.notes.extend(_finder_notes(finder))
    configs = [config for config, _ in groups.values()]
    result.rule_catalog = lambda: _catalog(engine, configs)
    result.errors = [escaped(e) for e in result.errors]  # one line each, whatever the names
    result.notes = [escaped(n) for n in result.notes]
    return result


def _catalog(engine: Engine, configs: list[Config]) -> list[tuple[Rule, str]]:
    rules: dict[str, tuple[Rule, str]] = {}
    for config in configs:
        ruleset = engine.ruleset(config)
        for rule in ruleset.rules:
            rules.setdefault(rule.id, (rule, ruleset.severities.get(rule.id, rule.severity)))
    return list(rules.values())


def _finder_notes(finder) -> list[str]:
    """What configuration discovery said (a configuration it did not trust)."""
    return list(getattr(getattr(finder, "finder", finder), "notes", []))


MAX_PER_RULE = 100
"""Issues one rule reports in one file; the rest are counted in a note. A paste that
repeats a word over megabytes would otherwise print (and hold) hundreds of thousands."""


def _capped(file: FileResult, notes: list[str]) -> list[Issue]:
    """The file's issues, at most MAX_PER_RULE per rule, with a note for each rule cut."""
    counts: dict[str, int] = {}
    kept = []
    for issue in file.issues:
        n = counts[issue.rule] = counts.get(issue.rule, 0) + 1
        if n <= MAX_PER_RULE:
            kept.append(issue)
    for rule, n in counts.items():
        if n > MAX_PER_RULE:
            notes.append(
                f"{file.target.display}: {rule}: the first {MAX_PER_RULE} shown, "
                f"… and {n - MAX_PER_RULE:,} more"
            )
    return kept


def _refuse_pubdate(file: FileResult) -> str | None:
    """A note, positioned at the date, when the draft's own publication date (front
    matter, HTML meta) is one no check can judge by; the draft is then linted as one
    without a date."""
    doc = file.document
    why = out_of_range(doc.pubdate) if doc is not None else None
    if not why:
        return None
    source = file.source or ""
    at = max(source.find(doc.pubdate.isoformat()), source.find(f"{doc.pubdate.year:04d}"))
    line, column = doc.lines.position(at) if at >= 0 else (1, 1)
    doc.pubdate = None
    return f"{file.target.display}:{line}:{column}: {why}; linted as a draft without a date"


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
    notes = [f"{display}: {why}; not used"] if (why := out_of_range(pubdate)) else []
    if pubdate and not why:
        file.document.pubdate = pubdate
    elif note := _refuse_pubdate(file):
        notes.append(note)
    [lint_result] = engine.lint([(display, file.document)], config)
    file.issues = lint_result.issues
    file.issues = _capped(file, notes)
    return file, lint_result.errors, [*notes, *lint_result.notes]


def _batches(items: list, size: int = 16) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _read(target: Target, config: Config, read_stdin: Callable[[], bytes] | None) -> str:
    if target.path is None:
        # an endless stream is refused once past the limit, not read to its end
        data = read_stdin() if read_stdin else read_bounded(sys.stdin.buffer, config.max_file_size)
        if len(data) > config.max_file_size:
            raise DocumentError(f"input is larger than the {config.max_file_size} byte limit")
        return document.decode(data)
    return document.read_source(target.path, config.max_file_size)
