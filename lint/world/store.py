"""Derived tables kept on disk between runs, so a cold run does not re-read the packages.

Parsing GeoNames' city table or countryinfo's 250 JSON files costs more than a cold run
may pay (0.3 s for all world data), so what factlint derives from them (plain strings,
numbers, tuples and dicts) is written once, with ``marshal``, to factlint's cache
directory (``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``, else
~/.cache/factlint), under a key naming the package versions it came from and the
Python that wrote it. A missing, stale or unreadable file is rebuilt; a read-only
cache only means the table is rebuilt in memory each run.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    from lint.languagetool.settings import default_cache_dir

    return default_cache_dir() / "world"


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The table ``build()`` returns, from disk when a file for this ``key`` exists."""
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    safe = "".join(c if c.isalnum() or c in "-._" else "_" for c in f"{key}-{python}")
    path = cache_dir() / f"{name}-{safe}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(table))
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass
    return table
