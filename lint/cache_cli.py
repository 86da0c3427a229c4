"""``factlint cache``: where the on-disk result cache is, how big, and emptying it."""

from __future__ import annotations

from pathlib import Path

import click

from lint import diskcache


def _directory(config_path: Path | None) -> Path:
    if config_path is None:
        return diskcache.default_directory()
    from lint.config import ConfigError, load_config

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    return config.cache_dir or diskcache.default_directory()


_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The configuration whose `cache-dir` to use.",
)


@click.group("cache")
def cache_group() -> None:
    """The on-disk result cache (``--no-cache`` bypasses it for one run)."""


@cache_group.command("info")
@_config_option
def info(config_path: Path | None) -> None:
    """Where the cache is, its entries and size."""
    store = diskcache.open_cache(_directory(config_path))
    entries, size = store.size()
    if store.broken:
        raise click.ClickException(store.broken)
    click.echo(f"{store.file}: {entries} results, {size / 1e6:.1f} MB "
               f"(limit {store.max_bytes / 1e6:.0f} MB)")  # fmt: skip


@cache_group.command("clear")
@_config_option
def clear(config_path: Path | None) -> None:
    """Remove every cached result."""
    directory = _directory(config_path)
    if not (directory / "cache.sqlite3").exists():
        click.echo(f"{directory}: no cache")
        return
    store = diskcache.open_cache(directory)
    removed = store.clear()
    if store.broken:
        raise click.ClickException(store.broken)
    click.echo(f"removed {removed} cached results from {store.file}")
