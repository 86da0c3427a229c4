"""``factlint audit``: re-check an archive on a Dask cluster (see lint.audit)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lint.findings import severity_rank


@click.command("audit")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="A Dask scheduler (tcp://host:8786); default: a LocalCluster on this machine.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes of the LocalCluster (without --scheduler).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where the issues go (default: standard output, JSON Lines).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "parquet"]),
    default="jsonl",
    show_default=True,
    help="One issue per line in the JSON contract, or Parquet.",
)
@click.option("--no-languagetool", is_flag=True, help="Skip LanguageTool's grammar and spelling.")
@click.option(
    "--languagetool-url",
    "urls",
    multiple=True,
    metavar="URL",
    help="A LanguageTool server for the workers (repeat for a pool; default: the "
    "managed server on each worker's host).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Use this configuration for every file instead of finding one beside it.",
)
@click.option("--pubdate", metavar="YYYY-MM-DD", help="Publication date for drafts without one.")
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Files per task.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="warning",
    show_default=True,
    help="Exit 1 when an issue this severe is found.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary line.")
def audit(paths, scheduler, workers, output, fmt, no_languagetool, urls, config_path, pubdate,
          partition_size, fail_on, quiet) -> None:  # fmt: skip
    """Lint an archive on Dask: files are partitioned to workers that each stay warm."""
    from lint import audit as audit_mod
    from lint.cli import ProgressBar, _pubdate

    when = _pubdate(None, None, pubdate)
    progress = None if quiet or not sys.stderr.isatty() else ProgressBar(sys.stderr)
    try:
        summary = audit_mod.audit(
            paths, output=output, fmt=fmt, scheduler=scheduler, workers=workers,
            languagetool=not no_languagetool, urls=urls, config=config_path, pubdate=when,
            partition_size=partition_size, progress=progress,
        )  # fmt: skip
    except audit_mod.AuditError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if progress:
            progress.clear()
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    for error in summary.errors:
        click.echo(f"factlint: error: {error}", err=True)
    if not quiet:
        where = f" → {output}" if output else ""
        click.echo(f"audited {summary.files} files on {summary.workers} workers in "
                   f"{summary.seconds:.1f} s: {summary.issues} issues{where}", err=True)  # fmt: skip
    if summary.errors:
        sys.exit(2)
    worst = [s for s, n in summary.by_severity.items() if n]
    if fail_on != "never" and any(severity_rank(s) >= severity_rank(fail_on) for s in worst):
        sys.exit(1)
