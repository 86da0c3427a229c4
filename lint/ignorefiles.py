""".gitignore and .ignore files for directory walks, as ripgrep and Ruff read them.

A desk's repository ignores its exports, scrapes and build output; linting them
would bury the drafts' issues. Patterns are gitignore's (pathspec): a file's
patterns apply below its own directory, a deeper file overrides a shallower one,
``.ignore`` overrides ``.gitignore`` in the same directory, and ``!pattern`` takes
a path back. Files above the walk's root count up to the top of its git
repository. Files named on the command line are always linted.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pathspec import GitIgnoreSpec

NAMES = (".gitignore", ".ignore")


@functools.lru_cache(maxsize=1024)
def _spec(directory: Path, name: str, _stamp: int) -> GitIgnoreSpec | None:
    try:
        lines = (directory / name).read_text("utf-8", "replace").splitlines()
    except OSError:
        return None
    return GitIgnoreSpec.from_lines(lines)


def _specs(directory: Path) -> list[GitIgnoreSpec]:
    found = []
    for name in NAMES:
        try:
            stamp = (directory / name).stat().st_mtime_ns
        except OSError:
            continue
        spec = _spec(directory, name, stamp)
        if spec is not None:
            found.append(spec)
    return found


class IgnoreFiles:
    """Answers "do the ignore files skip this path?" for one walk."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.top = self.root
        for directory in (self.root, *self.root.parents):
            if (directory / ".git").exists():
                self.top = directory
                break

    def ignored(self, path: Path, is_dir: bool) -> bool:
        try:
            real = path.absolute().resolve()
            rel = real.relative_to(self.top)
        except (ValueError, OSError, RuntimeError):  # outside the tree, or a symlink loop
            return False
        verdict = None
        directory = self.top
        for part in ("", *rel.parts[:-1]):
            directory = directory / part if part else directory
            sub = real.relative_to(directory).as_posix() + ("/" if is_dir else "")
            for spec in _specs(directory):
                hit = spec.check_file(sub).include
                if hit is not None:
                    verdict = hit
        return bool(verdict)
