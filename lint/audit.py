"""Archive audits on Dask: many files, many workers, one JSON Lines (or Parquet) result.

A newsroom that changes its style guide re-checks hundreds of thousands of
articles. ``factlint audit`` lists the files here, cuts the list into
partitions, and sends them to a Dask cluster (``dask.distributed``: an address,
or a LocalCluster on this machine). Each worker process keeps one warm
``lint.api.Linter`` per setting (spaCy and the packs load once per worker, not
per task) and the issues stream back, partition by partition, to the output:
one issue per line in the JSON contract, or a Parquet table. The issues are
those ``factlint check`` reports for the same files, in any partitioning.

Workers read the files by absolute path, so on a real cluster the archive must
be on storage every worker sees (the configuration is found beside each file,
as ``check`` finds it). LanguageTool: each worker uses the managed server of
its own host (shared by the workers there), or one of the URLs given, spread
over the workers.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PARTITION = 16
"""Files per task: big enough that scheduling is cheap, small enough to spread."""


class AuditError(Exception):
    """The audit cannot run (no Dask, no scheduler, an unwritable output)."""


@dataclass
class AuditSummary:
    files: int = 0
    issues: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)


# -- on the workers ----------------------------------------------------------------------

_linters: dict[tuple, object] = {}
_linters_lock = threading.Lock()


def _worker_linter(languagetool: bool, urls: tuple[str, ...], config: str | None):
    """This worker process's Linter for these settings, made once and kept warm."""
    from lint.api import Linter

    key = (languagetool, urls, config)
    with _linters_lock:
        if key not in _linters:
            if urls:  # this worker's share of the LanguageTool pool
                from lint.languagetool.settings import URL_ENV

                os.environ[URL_ENV] = urls[zlib.crc32(_worker_name().encode()) % len(urls)]
            _linters[key] = Linter(config, languagetool=languagetool)
        return _linters[key]


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return str(os.getpid())


def lint_partition(
    files: Sequence[tuple[str, str]],
    languagetool: bool = True,
    urls: tuple[str, ...] = (),
    config: str | None = None,
    pubdate: str | None = None,
) -> dict:
    """One task: lint ``files`` ([(display name, absolute path)]) with this worker's
    warm Linter; issues (JSON contract, named as the user named them), errors, notes."""
    import dataclasses

    linter = _worker_linter(languagetool, urls, config)
    shown = dict((path, display) for display, path in files)
    results = linter.check_paths([path for _, path in files], pubdate=pubdate)  # type: ignore[attr-defined]
    issues = [dataclasses.replace(i, path=shown.get(i.path, i.path)).to_dict() for i in results]
    errors = []
    for line in results.errors:
        for path, display in shown.items():
            if line.startswith(path):
                line = display + line[len(path) :]
                break
        errors.append(line)
    return {"files": len(files), "issues": issues, "errors": errors, "notes": results.notes}


# -- on the client -----------------------------------------------------------------------


def partitions(files: list[tuple[str, str]], size: int) -> list[list[tuple[str, str]]]:
    size = max(1, size)
    return [files[i : i + size] for i in range(0, len(files), size)]


def list_files(paths: Iterable[str], config: str | None) -> tuple[list[tuple[str, str]], list[str]]:
    """The drafts ``check`` would lint (directories walked the same way), as
    (display name, absolute path), and errors for paths that are not there."""
    from lint.config import ConfigFinder
    from lint.runner import collect

    finder = ConfigFinder(Path(config) if config else None)
    targets, errors = collect(list(paths), finder)
    files = [(t.display, str(Path(t.path).resolve())) for t in targets if t.path is not None]
    if any(t.path is None for t in targets):
        errors.append("-: standard input cannot be audited; name files or directories")
    return files, errors


def _client(scheduler: str | None, workers: int | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AuditError(
            "factlint audit needs Dask: pip install 'factlint[dask]' (dask.distributed)"
        ) from None
    if scheduler:
        try:
            return Client(scheduler, timeout=30), None
        except (OSError, TimeoutError) as exc:
            raise AuditError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    cluster = LocalCluster(
        n_workers=workers or min(os.cpu_count() or 1, 4),
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,  # not a warning per worker stopped at the end
    )
    return Client(cluster), cluster


class _Writer:
    """JSON Lines written as they come (flushed per partition), or Parquet at the end;
    the output appears whole (a temporary file renamed) so a failed audit leaves none."""

    def __init__(self, output: Path | None, fmt: str) -> None:
        self.output, self.fmt = output, fmt
        self.rows: list[dict] = []
        self.tmp: Path | None = None
        self.handle = None
        if fmt == "parquet":
            if output is None:
                raise AuditError("--format parquet needs --output FILE")
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                raise AuditError("Parquet output needs pyarrow: pip install pyarrow") from None
        if output is None:
            self.handle = sys.stdout
        elif fmt == "jsonl":
            self.tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
            try:
                self.handle = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115
            except OSError as exc:
                raise AuditError(f"{output}: cannot write: {exc.strerror}") from None

    def write(self, issues: list[dict]) -> None:
        if self.fmt == "parquet":
            self.rows.extend(issues)
            return
        for issue in issues:
            self.handle.write(json.dumps(issue, ensure_ascii=False) + "\n")
        self.handle.flush()

    def finish(self) -> None:
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(self.rows, schema=_schema(self.rows))
            tmp = self.output.with_name(f".{self.output.name}.{os.getpid()}.tmp")
            pq.write_table(table, tmp)
            os.replace(tmp, self.output)
        elif self.tmp is not None:
            self.handle.close()
            os.replace(self.tmp, self.output)

    def abandon(self) -> None:
        if self.tmp is not None:
            self.handle.close()
            self.tmp.unlink(missing_ok=True)


def _schema(rows: list[dict]):
    """The contract's columns, typed, and any field a newer contract adds (inferred)."""
    import pyarrow as pa

    text, number = pa.string(), pa.int64()
    known = {
        "path": text, "line": number, "column": number, "end_line": number,
        "end_column": number, "offset": number, "length": number, "rule": text,
        "category": text, "severity": text, "message": text,
        "replacements": pa.list_(text), "source": text, "link": text,
    }  # fmt: skip
    extra = sorted({k for r in rows for k in r} - set(known))
    inferred = pa.Table.from_pylist([{k: r.get(k) for k in extra} for r in rows]).schema
    return pa.schema([*known.items(), *((k, inferred.field(k).type) for k in extra)])


def audit(
    paths: Iterable[str],
    *,
    output: Path | None = None,
    fmt: str = "jsonl",
    scheduler: str | None = None,
    workers: int | None = None,
    languagetool: bool = True,
    urls: Sequence[str] = (),
    config: str | None = None,
    pubdate: dt.date | None = None,
    partition_size: int = PARTITION,
    progress: Callable[[int, int], None] | None = None,
) -> AuditSummary:
    """Lint every draft under ``paths`` on a Dask cluster; issues go to ``output``."""
    summary = AuditSummary()
    started = time.perf_counter()
    files, summary.errors = list_files(paths, config)
    writer = _Writer(output, fmt)
    client = cluster = None
    try:
        if files:
            from distributed import as_completed

            client, cluster = _client(scheduler, workers)
            summary.workers = len(client.scheduler_info().get("workers", {}))
            tasks = [
                client.submit(
                    lint_partition,
                    part,
                    languagetool,
                    tuple(urls),
                    config and str(Path(config).resolve()),
                    pubdate and pubdate.isoformat(),
                    key=f"factlint-{n}-{time.time_ns()}",
                    retries=1,
                )
                for n, part in enumerate(partitions(files, partition_size))
            ]
            for future in as_completed(tasks):
                if future.status == "error":
                    summary.errors.append(f"a partition failed on its worker: {future.exception()}")
                    continue
                done = future.result()
                writer.write(done["issues"])
                summary.files += done["files"]
                summary.issues += len(done["issues"])
                for issue in done["issues"]:
                    sev = issue["severity"]
                    summary.by_severity[sev] = summary.by_severity.get(sev, 0) + 1
                summary.errors.extend(done["errors"])
                summary.notes.extend(n for n in done["notes"] if n not in summary.notes)
                if progress:
                    progress(summary.files, len(files))
        writer.finish()
    except BaseException:
        writer.abandon()
        raise
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary
