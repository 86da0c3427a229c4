"""A working directory deleted under the shell that runs factlint.

Some libraries factlint imports (spaCy's command line, through weasel) read the working
directory as they load, and fail when it is gone. ``settle()`` runs first, when the
``lint`` package is imported: if the directory no longer exists it moves to ``/`` and
remembers so, and the runner then lints the absolute paths it was given and refuses
relative ones in one line, instead of the run dying in an import.
"""

from __future__ import annotations

import os

GONE: str | None = None
"""The working directory this process started in, when it no longer existed."""


def settle() -> None:
    global GONE
    try:
        os.getcwd()
    except FileNotFoundError:
        GONE = os.environ.get("PWD") or "(unknown)"
        os.chdir("/")


def refused(path: str | os.PathLike[str]) -> str | None:
    """Why a relative ``path`` cannot be used (the working directory is gone), or None."""
    if GONE is None or os.path.isabs(path):  # not pathlib: the thin client imports this
        return None
    return (
        f"{path}: the current directory ({GONE}) no longer exists, so relative paths "
        "cannot be found; give absolute paths or change to a directory that exists"
    )
