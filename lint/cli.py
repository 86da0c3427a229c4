"""The ``factlint`` command: check drafts, list and explain rules, test packs, write a config.

Exit codes: 0 nothing at or above ``--fail-on``; 1 something was; 2 a usage,
configuration, pack, input or LanguageTool error (printed as one line each).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

import lint
from lint import autofix, parallel
from lint import explain as explain_mod
from lint.config import LANGUAGES, ConfigError, ConfigFinder
from lint.document.dates import parse_pubdate
from lint.engine import Engine
from lint.findings import SEVERITIES
from lint.formatters import FORMATS
from lint.formatters import text as text_format
from lint.languagetool import backend_for
from lint.languagetool.cli import languagetool as languagetool_group
from lint.languagetool.cli import server as server_group
from lint.languagetool.errors import LanguageToolError
from lint.nlp import ModelError
from lint.packs import PackError
from lint.runner import Overrides, RunResult, run
from lint.service.cli import service as service_group

EXIT_CLEAN, EXIT_ISSUES, EXIT_ERROR = 0, 1, 2
MAX_FIX_ROUNDS = 5
SHARED_ENGINE: Engine | None = None
"""The warm service's engine (spaCy, packs and paragraph cache kept between runs);
None in a one-off process, which builds its own."""


class Failure(click.ClickException):
    """A one-line error; exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"factlint: error: {self.format_message()}", err=True)


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _pubdate(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        date = parse_pubdate(value)
        if date is None:
            raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None
        return date


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(lint.__version__, prog_name="factlint")
def main() -> None:
    """factlint: a fact-correction and style linter for news drafts."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice([*SEVERITIES, "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: warning, or config).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules (ids or globs, comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rules (ids or globs, comma-separated).",
)
@click.option(
    "--pubdate",
    callback=_pubdate,
    metavar="YYYY-MM-DD",
    help="Publication date that anchors relative dates ('last October').",
)
@click.option("--language", type=click.Choice(LANGUAGES), default=None, help="English variant.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this configuration for every file instead of discovering one.",
)
@click.option("--no-languagetool", is_flag=True, help="Skip grammar and spelling by LanguageTool.")
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Name for text read from '-': its extension picks the format, its directory the config.",
)
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a unified diff; change nothing.")
@click.option(
    "--show-source/--no-show-source",
    default=None,
    help="Print the source line with a caret under each issue (default: on a terminal).",
)
@click.option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but issues and errors.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes for large runs (default 0: one per core).",
)
@click.option(
    "--no-service",
    is_flag=True,
    help="Check in this process; do not use or start the warm factlint service.",
)
def check(paths, fmt, fail_on, select, ignore, pubdate, language, config_path, no_languagetool,
          stdin_filename, fix, diff, show_source, color, quiet, jobs, no_service) -> None:  # fmt: skip
    """Lint drafts: files, directories (recursively: .txt .md .markdown .html .htm) or - for stdin."""
    overrides = Overrides(
        select=_split(select) or None,
        ignore=_split(ignore) or None,
        pubdate=pubdate,
        language=language,
        languagetool=False if no_languagetool else None,
        fail_on=fail_on,
    )
    try:
        finder = ConfigFinder(config_path)
    except ConfigError as exc:
        raise Failure(str(exc)) from None
    stdin_kind = "text"
    if stdin_filename:
        from lint.document import kind_for_path

        stdin_kind = kind_for_path(stdin_filename) or "text"
    engine = SHARED_ENGINE or Engine(languagetool=backend_for)
    progress = None if quiet or not sys.stderr.isatty() else ProgressBar(sys.stderr)

    def lint_once() -> RunResult:
        try:
            return run(paths, finder, overrides, engine, stdin_kind=stdin_kind,
                       stdin_name=stdin_filename, progress=progress,
                       jobs=jobs or parallel.default_jobs())  # fmt: skip
        except (ConfigError, PackError, ModelError, LanguageToolError) as exc:
            raise Failure(str(exc)) from None
        finally:
            if progress:
                progress.clear()

    result = lint_once()
    out = sys.stdout
    use_color = color == "always" or (color == "auto" and out.isatty() and fmt == "text")
    if diff:
        report = autofix.apply_fixes(result, write=False)
        out.write(report.diff)
        result.errors.extend(report.errors)
    elif fix:
        applied = files = 0
        for _ in range(MAX_FIX_ROUNDS):  # a fix can reveal another; stop when none is left
            report = autofix.apply_fixes(result, write=True)
            result.errors.extend(report.errors)
            applied, files = applied + report.applied, files + report.files
            if not report.applied:
                break
            errors = result.errors
            result = lint_once()
            result.errors = [*errors, *(e for e in result.errors if e not in errors)]
        if not quiet:
            click.echo(autofix.FixReport(applied=applied, files=files).summary(), err=True)
    if not diff:
        if fmt == "text":
            text_format.write(result, out, use_color, show_source)
        else:
            FORMATS[fmt](result, out, use_color)
    for error in result.errors:
        click.echo(f"factlint: error: {error}", err=True)
    if not quiet:
        for note in result.notes:
            click.echo(f"factlint: note: {note}", err=True)
    sys.exit(exit_code(result, overrides, finder))


class ProgressBar:
    """``[#####     ] 120/300 files`` on a terminal's stderr, for runs of many files."""

    MIN_FILES = 20
    WIDTH = 30

    def __init__(self, stream) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < self.MIN_FILES:
            return
        filled = self.WIDTH * done // max(total, 1)
        bar = "#" * filled + " " * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} files")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (self.WIDTH + 30) + "\r")
            self.stream.flush()
            self.shown = False


def exit_code(result: RunResult, overrides: Overrides, finder: ConfigFinder) -> int:
    if result.errors:
        return EXIT_ERROR
    fail_on = overrides.fail_on or finder.for_path(None).fail_on
    return EXIT_ISSUES if result.failed(fail_on) else EXIT_CLEAN


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--all", "show_all", is_flag=True, help="Include shipped packs the configuration does not use."
)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules(config_path, show_all, fmt) -> None:
    """List rules: id, pack, kind, severity, whether enabled, and one line of doc."""
    try:
        rows = explain_mod.rule_table(ConfigFinder(config_path).for_path(None), show_all)
    except (ConfigError, PackError) as exc:
        raise Failure(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    click.echo(explain_mod.format_table(rows))


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def explain(rule_id, config_path) -> None:
    """Print a rule's documentation with its bad and good examples."""
    try:
        config = ConfigFinder(config_path).for_path(None)
        click.echo(explain_mod.explain(rule_id, config))
    except (ConfigError, PackError, LookupError) as exc:
        raise Failure(exc.args[0] if isinstance(exc, LookupError) else str(exc)) from None


@main.command("test-packs")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every example, not just failures.")
def test_packs(paths, verbose) -> None:
    """Run the examples of rule packs: every bad example flagged, every good one not."""
    from lint.examples import run_pack
    from lint.packs import load_pack

    engine = Engine()
    total = failed = 0
    errors = []
    for path in _pack_files(paths, errors):
        try:
            pack = load_pack(path)
        except PackError as exc:
            errors.append(str(exc))
            continue
        for r in run_pack(pack, engine=engine):
            total += 1
            if not r.ok:
                failed += 1
                click.echo(f"FAIL {r.describe()}")
            elif verbose:
                click.echo(f"ok   {r.rule.id}: {r.side}: {r.example.text}")
    for e in errors:
        click.echo(f"factlint: error: {e}", err=True)
    click.echo(
        f"{total} examples, {failed} failed"
        + (f", {len(errors)} packs not loaded" if errors else "")
    )
    sys.exit(EXIT_ERROR if errors else EXIT_ISSUES if failed else EXIT_CLEAN)


def _pack_files(paths, errors: list[str]):
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*.yaml")
                if "rules" in p.read_text("utf-8", "replace")[:20000]
            )
        elif path.is_file():
            yield path
        else:
            errors.append(f"{path}: no such file or directory")


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .factlint.yaml.")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(force, directory) -> None:
    """Write a commented starter .factlint.yaml."""
    target = directory / ".factlint.yaml"
    if target.exists() and not force:
        raise Failure(f"{target} already exists (use --force to overwrite)")
    target.write_text(explain_mod.STARTER_CONFIG, encoding="utf-8")
    click.echo(f"wrote {target}")


@main.command()
def lsp() -> None:
    """Run the language server on stdin/stdout (for editors)."""
    from lint.lsp import main as serve

    serve()


@main.group()
def vocabulary() -> None:
    """A newsroom's own words (word lists the configuration names)."""


@vocabulary.command("learn")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
    help="Write the word list to this file (default: standard output).",
)  # fmt: skip
@click.option(
    "--min-articles", type=click.IntRange(min=1), default=3, show_default=True,
    help="Propose a word flagged in at least this many articles.",
)  # fmt: skip
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-languagetool", is_flag=True, help="Learn from the typos pack only.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes.")
def learn(paths, output, min_articles, config_path, no_languagetool, jobs) -> None:
    """Propose the words the spelling checks flag across a published archive."""
    from lint import vocabulary as vocab

    overrides = Overrides(
        select=["typos", "languagetool"], languagetool=False if no_languagetool else None
    )
    try:
        finder = ConfigFinder(config_path)
        result = run(paths, finder, overrides, Engine(languagetool=backend_for),
                     jobs=jobs or parallel.default_jobs())  # fmt: skip
    except (ConfigError, PackError, ModelError, LanguageToolError) as exc:
        raise Failure(str(exc)) from None
    found = []
    for file in result.files:
        lines = (file.source or "").splitlines()
        for issue in file.issues:
            if issue.category not in vocab.SPELLING or issue.end_line != issue.line:
                continue
            text = lines[issue.line - 1] if issue.line <= len(lines) else ""
            word = text[issue.column - 1 : issue.column - 1 + issue.length]
            if issue.rule.startswith("typos.") and word[:1].islower():
                continue  # a known misspelling of a common word is never the desk's own
            if word.strip():
                found.append((file.target.display, issue.line, word, text))
    learned = vocab.collect(found, min_articles)
    listing = vocab.render(learned, len(result.files))
    for error in result.errors:
        click.echo(f"factlint: error: {error}", err=True)
    if output is None:
        click.echo(listing, nl=False)
    else:
        _write_atomically(output, listing)
        click.echo(f"wrote {len(learned)} words to {output}", err=True)
    sys.exit(EXIT_ERROR if result.errors and not result.files else EXIT_CLEAN)


def _write_atomically(path: Path, text: str) -> None:
    """Write all of ``text`` or leave ``path`` as it was."""
    import os
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise Failure(f"{path}: cannot write: {exc.strerror or exc}") from None


main.add_command(languagetool_group)
main.add_command(server_group)
main.add_command(service_group)

if __name__ == "__main__":
    main()
