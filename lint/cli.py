"""The ``factlint`` command: check drafts, list and explain rules, test packs, write a config.

Exit codes: 0 nothing at or above ``--fail-on``; 1 something was; 2 a usage,
configuration, pack, input or LanguageTool error (printed as one line each).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

import lint
from lint import autofix, parallel
from lint import explain as explain_mod
from lint.audit_cli import audit as audit_command
from lint.cache_cli import cache_group
from lint.config import LANGUAGES, ConfigError, ConfigFinder, FileConfigs
from lint.document.dates import parse_pubdate
from lint.engine import Engine
from lint.findings import SEVERITIES
from lint.formatters import FORMATS
from lint.formatters import statistics as statistics_format
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


class _Main(click.Group):
    """The command group; a bare ``--statistics`` never takes the next path as its value
    (``factlint check --statistics drafts/`` counts by rule, as Ruff's does)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = list(args)
        for i, arg in enumerate(args):
            if arg == "--statistics" and (i + 1 == len(args) or args[i + 1] not in BY):
                args[i] = "--statistics=rules"
        return super().parse_args(ctx, args)


BY = statistics_format.BY


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(lint.__version__, prog_name="factlint")
def main() -> None:
    """factlint: a fact-correction and style linter for news drafts."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOBS",
    help="Skip files and directories matching these globs (comma-separated; relative to here).",
)
@click.option(
    "--no-ignore-files",
    is_flag=True,
    help="Walk directories without honouring .gitignore and .ignore files.",
)
@click.option(
    "--statistics",
    type=click.Choice(statistics_format.BY),
    is_flag=False,
    flag_value="rules",
    default=None,
    help="Print issue counts by rule (--statistics=files: by file) instead of the issues.",
)
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
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the on-disk result cache (`factlint cache clear` empties it).",
)
def check(paths, fmt, fail_on, select, ignore, pubdate, language, config_path, no_languagetool,
          stdin_filename, fix, diff, show_source, color, quiet, jobs, no_service,
          no_cache, exclude, no_ignore_files, statistics) -> None:  # fmt: skip
    """Lint drafts: files, directories (recursively: .txt .md .markdown .html .htm) or - for stdin."""
    _refuse_contradictions(fix, diff, statistics, fmt)
    overrides = Overrides(
        select=_split(select) or None,
        ignore=_split(ignore) or None,
        pubdate=pubdate,
        language=language,
        languagetool=False if no_languagetool else None,
        fail_on=fail_on,
        cache=False if no_cache else None,
    )
    try:
        finder = FileConfigs(ConfigFinder(config_path), _split(exclude), not no_ignore_files)
    except ConfigError as exc:
        raise Failure(str(exc)) from None
    _check_selectors(paths, finder, overrides, stdin_filename)
    stdin_kind = "text"
    if stdin_filename:
        from lint.document import kind_for_path

        stdin_kind = kind_for_path(stdin_filename) or "text"
    engine = SHARED_ENGINE or Engine(languagetool=backend_for, disk=True)
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

    with _QuietStderr.when(quiet):
        result = lint_once()
    result.errors.extend(_directive_errors(result, finder))
    out = sys.stdout
    use_color = _use_color(color, out, fmt)
    if show_source is None:
        show_source = out.isatty() and fmt == "text"
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
    if statistics:
        statistics_format.write(result, out, statistics, fmt)
    elif not diff:
        if fmt == "text":
            _write_text(result, out, use_color, show_source, summary=not quiet)
        else:
            FORMATS[fmt](result, out, use_color)
    for error in result.errors:
        click.echo(f"factlint: error: {error}", err=True)
    if not quiet:
        for note in [*result.notes, *_empty_directories(paths, result)]:
            click.echo(f"factlint: note: {note}", err=True)
    sys.exit(exit_code(result, overrides, finder))


class _QuietStderr:
    """``-q``: while drafts are checked, status lines others print to stderr ("factlint:
    starting LanguageTool …") are dropped; errors and anything else pass."""

    def __init__(self, stream) -> None:
        self.stream, self.pending = stream, ""

    @classmethod
    def when(cls, quiet: bool):
        import contextlib

        return contextlib.redirect_stderr(cls(sys.stderr)) if quiet else contextlib.nullcontext()

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if not line.startswith("factlint: ") or line.startswith("factlint: error"):
                self.stream.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False


def _refuse_contradictions(fix: bool, diff: bool, statistics: str | None, fmt: str) -> None:
    """Flags that cannot both be obeyed are a usage error, never silently one of them."""
    if fix and diff:
        raise click.UsageError("--fix writes the fixes and --diff only shows them: choose one")
    if statistics and diff:
        raise click.UsageError("--statistics counts issues and --diff shows fixes: choose one")
    if statistics and fmt not in ("text", "json"):
        raise click.UsageError(f"--statistics prints text or json, not --format {fmt}")


def _use_color(choice: str, out, fmt: str) -> bool:
    """``--color always`` wins; ``auto`` means a terminal and no ``NO_COLOR`` (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    return out.isatty() and fmt == "text" and not os.environ.get("NO_COLOR")


def _write_text(result: RunResult, out, color: bool, show_source: bool, summary: bool) -> None:
    """The text format; without ``summary`` (``-q``) or a file read, only the issues: no
    "No issues in 0 files" under the error that says why nothing was read."""
    if summary and result.files:
        text_format.write(result, out, color, show_source)
        return
    for file in result.files:
        lines = file.document.lines if file.document is not None else None
        for issue in file.issues:
            out.write(text_format.headline(issue, color) + "\n")
            if show_source and lines is not None:
                out.write(text_format.excerpt(issue, lines.line_text(issue.line), color))


def _check_selectors(paths, finder: FileConfigs, overrides: Overrides, stdin_name) -> None:
    """--select and --ignore name known rules of the packs the files will be checked with."""
    selectors = [*(overrides.select or []), *(overrides.ignore or [])]
    if not selectors:
        return
    from lint.packs.catalog import known, problem
    from lint.runner import collect

    targets, _ = collect(paths, finder)
    stdin_path = Path(stdin_name) if stdin_name else None
    found = [finder.for_path(t.path or stdin_path) for t in targets]
    configs = {id(c): c for c in found} or {0: finder.for_path(None)}
    ids: set[str] = set()
    names: set[str] = set()
    for config in configs.values():
        more_ids, more_names = known(config.packs, config.root)
        ids, names = ids | more_ids, names | more_names
    for flag, values in (("--select", overrides.select), ("--ignore", overrides.ignore)):
        for selector in values or []:
            why = problem(selector, ids, names)
            if why:
                raise Failure(f"{flag}: {why}")


def _directive_errors(result: RunResult, finder: FileConfigs) -> list[str]:
    """``file:line:col: …`` for each inline ``factlint-disable`` that names no known rule."""
    from lint.packs.catalog import known, problem

    errors = []
    for file in result.files:
        doc = file.document
        if doc is None or not doc.directives:
            continue
        config = finder.for_path(file.target.path)
        ids, names = known(config.packs, config.root)
        for directive in doc.directives:
            comment = doc.source[directive.offset : directive.end]
            for selector in directive.rules:
                why = problem(selector, ids, names)
                if why:
                    at = directive.offset + max(comment.find(selector), 0)
                    line, col = doc.lines.position(at)
                    errors.append(
                        f"{file.target.display}:{line}:{col}: factlint-{directive.action}: {why}"
                    )
    return errors


def _empty_directories(paths, result: RunResult) -> list[str]:
    """A note for each directory named that held no draft to lint."""
    from lint.document import EXTENSIONS

    notes = []
    linted = [Path(f.target.path).absolute() for f in result.files if f.target.path]
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            root = path.absolute()
            if not any(root == p or root in p.parents for p in linted):
                kinds = " ".join(EXTENSIONS)
                notes.append(
                    f"{raw}: no drafts to lint here ({kinds}; after exclude and ignore files)"
                )
    return notes


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
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
    help="markdown: the rule reference, one page per shipped rule (see --output).",
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(file_okay=False, path_type=Path),
    help="With --format markdown: write the pages into this directory (docs/rules/).",
)  # fmt: skip
def rules(config_path, show_all, fmt, output) -> None:
    """List rules: id, pack, kind, severity, whether enabled, and one line of doc."""
    if output is not None and fmt != "markdown":
        raise click.UsageError("--output writes the markdown reference: add --format markdown")
    if fmt == "markdown":
        try:
            if output is None:
                click.echo("\n".join(explain_mod.reference_pages().values()), nl=False)
            else:
                written = explain_mod.write_reference(output)
                click.echo(f"wrote {len(written)} pages to {output}", err=True)
        except PackError as exc:
            raise Failure(str(exc)) from None
        return
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
@click.argument("packs", nargs=-1)
@click.option("-v", "--verbose", is_flag=True, help="List every example, not just failures.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def test_packs(packs, verbose, config_path) -> None:
    """Run the examples of rule packs: every bad example flagged, every good one not.

    PACKS are files, directories of packs or shipped pack names (idioms); none: the
    packs of the configuration found here (or --config)."""
    from lint.examples import run_pack
    from lint.packs import load_pack
    from lint.packs.loader import is_shipped_pack, shipped_dir

    errors = []
    if not packs:
        try:
            config = ConfigFinder(config_path).for_path(None)
        except ConfigError as exc:
            raise Failure(str(exc)) from None
        paths = [
            shipped_dir() / f"{s}.yaml" if is_shipped_pack(s) else config.root / Path(s)
            for s in config.packs
        ]
    else:
        paths = [shipped_dir() / f"{s}.yaml" if is_shipped_pack(s) and not Path(s).exists()
                 else Path(s) for s in packs]  # fmt: skip
    engine = Engine()
    total = failed = 0
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
        elif len(path.parts) == 1 and not path.suffix:
            from lint.packs.loader import shipped_names

            errors.append(
                f"{path}: no such pack file, and no shipped pack of that name "
                f"(shipped: {', '.join(shipped_names())})"
            )
        else:
            errors.append(f"{path}: no such file or directory")


@main.command()
@click.argument("which", type=click.Choice(["config", "pack", "issues"]))
@click.option("--print", "show", is_flag=True, help="Print the schema instead of its path.")
def schema(which, show) -> None:
    """Where the JSON Schema of a configuration, a rule pack or the JSON output is (for
    editors' YAML language servers: yaml.schemas, or a `$schema=` modeline)."""
    names = {
        "config": "factlint-config.schema.json",
        "pack": "pack.schema.json",
        "issues": "issues.schema.json",
    }
    path = Path(lint.__file__).parent / "schema" / names[which]
    click.echo(path.read_text(encoding="utf-8") if show else path, nl=not show)


@main.command("config")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def show_config(file, config_path, fmt) -> None:
    """Print the effective configuration for FILE (default: here) and where each setting
    came from."""
    try:
        config = ConfigFinder(config_path).for_path(file)
    except ConfigError as exc:
        raise Failure(str(exc)) from None
    rows = explain_mod.config_rows(config, file)
    if fmt == "json":
        source = str(config.path) if config.path else None
        click.echo(json.dumps({"file": source, "settings": rows}, indent=2, ensure_ascii=False))
    else:
        click.echo(explain_mod.format_config(rows, config, file), nl=False)


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


main.add_command(audit_command)
main.add_command(cache_group)
main.add_command(languagetool_group)
main.add_command(server_group)
main.add_command(service_group)

if __name__ == "__main__":
    main()
