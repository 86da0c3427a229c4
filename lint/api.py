"""factlint from Python: ``check_text``, ``check_paths`` and a ``Linter`` that stays warm.

    import lint

    issues = lint.check_text("They will tow the line.", pubdate="2025-05-01")
    with lint.Linter(languagetool=False) as linter:
        for issue in linter.check_paths(["drafts/"]):
            print(issue.path, issue.line, issue.rule, issue.message)

An ``Issue`` is the JSON contract as a frozen dataclass (``issue.to_dict()`` is the
contract's object). ``check_paths`` lints every readable file even when others fail:
their one-line errors are in ``results.errors``, the notes in ``results.notes``.
A problem that stops the whole check (a broken configuration or pack, no spaCy model,
LanguageTool that cannot start) raises ``CheckError`` with the same one line the CLI
prints.

A ``Linter`` keeps what is expensive between calls: the spaCy pipeline, compiled packs,
paragraph caches and its LanguageTool connection; the module functions use one shared
default linter per setting. The command line, the warm service and the language server
run the same engine and runner underneath.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from lint import parallel
from lint.config import Config, ConfigError, ConfigFinder, from_dict, load_config
from lint.document import DocumentError
from lint.document.dates import parse_pubdate
from lint.engine import Engine
from lint.findings import Issue
from lint.languagetool import backend_for
from lint.languagetool.errors import LanguageToolError
from lint.nlp import ModelError
from lint.packs import PackError
from lint.runner import Overrides, lint_source, run

Kind = Literal["text", "markdown", "html"]
ConfigLike = Config | str | os.PathLike | dict | None

__all__ = ["CheckError", "Issue", "Linter", "Results", "check_paths", "check_text"]


class CheckError(Exception):
    """The check could not run at all; ``str()`` is the one line the CLI prints."""


class Results(list[Issue]):
    """The issues found (a list), with ``errors`` (one line per file that could not be
    linted or rule that failed) and ``notes`` (said once each)."""

    def __init__(self, issues: Iterable[Issue] = (), errors=(), notes=()) -> None:
        super().__init__(issues)
        self.errors: list[str] = list(errors)
        self.notes: list[str] = list(notes)


def _config(config: ConfigLike) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    try:
        if isinstance(config, dict):
            return from_dict(config, None)
        return load_config(Path(config))
    except ConfigError as exc:
        raise CheckError(str(exc)) from None


def _pubdate(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    parsed = parse_pubdate(value)
    if parsed is None:
        raise CheckError(f"pubdate {value!r}: not a date (YYYY-MM-DD)")
    return parsed


class Linter:
    """Lints many texts and files with warm state; close it (or use ``with``) when done.

    ``config``: a Config, the path of a ``.factlint.yaml``/``pyproject.toml``, a mapping
    written as in one, or None (``check_text``: the shipped defaults; ``check_paths``: each
    file's own configuration, found as the CLI finds it). ``languagetool=False`` is
    ``--no-languagetool``; ``cache=False`` is ``--no-cache``."""

    def __init__(
        self, config: ConfigLike = None, *, languagetool: bool = True, cache: bool = True
    ) -> None:
        self.config = _config(config)
        self.languagetool = languagetool
        self.cache = cache
        self.engine = Engine(languagetool=backend_for, disk=cache)
        self._lock = threading.Lock()  # one check at a time per Linter (spaCy is not shared)

    def _overrides(self, pubdate: dt.date | None) -> Overrides:
        return Overrides(
            pubdate=pubdate,
            languagetool=False if not self.languagetool else None,
            cache=False if not self.cache else None,
        )

    def check_text(
        self,
        text: str,
        *,
        kind: Kind = "text",
        path: str = "<text>",
        pubdate: dt.date | str | None = None,
    ) -> Results:
        """The issues in one text (a draft held in memory); ``path`` names it in issues."""
        if kind not in ("text", "markdown", "html"):
            raise CheckError(f"kind {kind!r}: one of text, markdown, html")
        when = _pubdate(pubdate)
        config = self._overrides(when).apply(self.config or Config())
        with self._lock:
            try:
                file, errors, notes = lint_source(path, text, kind, config, self.engine, when)
            except (ConfigError, PackError, ModelError, LanguageToolError) as exc:
                raise CheckError(str(exc)) from None
            except DocumentError as exc:
                raise CheckError(f"{path}: {exc}") from None
        return Results(file.issues, errors, notes)

    def check_paths(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        pubdate: dt.date | str | None = None,
        jobs: int = 1,
    ) -> Results:
        """The issues in files and directories (walked as ``factlint check`` walks them)."""
        names = [os.fspath(p) for p in paths]
        if "-" in names:
            raise CheckError("'-' (standard input) is not a path here: use check_text")
        finder = ConfigFinder(None)
        if self.config is not None:
            finder.explicit = self.config
        with self._lock:
            try:
                result = run(
                    names,
                    finder,
                    self._overrides(_pubdate(pubdate)),
                    self.engine,
                    jobs=min(max(1, jobs), parallel.default_jobs()),
                )
            except (ConfigError, PackError, ModelError, LanguageToolError) as exc:
                raise CheckError(str(exc)) from None
        notes = [*getattr(finder, "notes", []), *result.notes]
        return Results(result.issues, result.errors, dict.fromkeys(notes))

    def close(self) -> None:
        """Let go of the worker threads; the LanguageTool server stays for other runs."""
        pool = getattr(self.engine, "_pool", None)
        if pool is not None:
            pool.shutdown(wait=False)
            self.engine._pool = None

    def __enter__(self) -> Linter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_defaults: dict[tuple, Linter] = {}
_defaults_lock = threading.Lock()


def _default(languagetool: bool, cache: bool) -> Linter:
    with _defaults_lock:
        key = (languagetool, cache)
        if key not in _defaults:
            _defaults[key] = Linter(languagetool=languagetool, cache=cache)
        return _defaults[key]


def _sharing(linter: Linter, languagetool: bool, cache: bool) -> Linter:
    """``linter`` with the default linter's warm engine (and its lock)."""
    default = _default(languagetool, cache)
    linter.engine, linter._lock = default.engine, default._lock
    return linter


def check_text(
    text: str,
    *,
    kind: Kind = "text",
    config: ConfigLike = None,
    pubdate: dt.date | str | None = None,
    languagetool: bool = True,
    cache: bool = True,
    path: str = "<text>",
) -> Results:
    """The issues in one text; see ``Linter`` for the arguments."""
    if config is None:
        linter = _default(languagetool, cache)
    else:
        linter = _sharing(
            Linter(config, languagetool=languagetool, cache=cache), languagetool, cache
        )
    return linter.check_text(text, kind=kind, path=path, pubdate=pubdate)


def check_paths(
    paths: Iterable[str | os.PathLike],
    *,
    config: ConfigLike = None,
    pubdate: dt.date | str | None = None,
    languagetool: bool = True,
    cache: bool = True,
    jobs: int = 1,
) -> Results:
    """The issues in files and directories; see ``Linter`` for the arguments."""
    if config is None:
        linter = _default(languagetool, cache)
    else:
        linter = _sharing(
            Linter(config, languagetool=languagetool, cache=cache), languagetool, cache
        )
    return linter.check_paths(paths, pubdate=pubdate, jobs=jobs)
