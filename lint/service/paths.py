"""Where the service lives: one socket per user and per factlint installation.

Standard library only, and no pathlib (it brings ``re`` and ``urllib``): the thin
client imports this before anything else. Paths are strings.
"""

from __future__ import annotations

import os
import sys
import zlib

import lint

PACKAGE = os.path.dirname(os.path.realpath(lint.__file__))
MAX_SOCKET_PATH = 100  # AF_UNIX paths are limited to 108 bytes


def identity() -> str:
    """One service per interpreter and installation: two virtualenvs never share one."""
    key = f"{sys.prefix}|{PACKAGE}|{lint.__version__}".encode()
    return f"{zlib.crc32(key):08x}{zlib.adler32(key) & 0xFFFF:04x}"  # zlib: no OpenSSL to load


def fingerprint() -> str:
    """Changes whenever factlint's code does, so a stale service is replaced."""
    newest = 0
    for dirpath, _, filenames in os.walk(PACKAGE):
        for name in filenames:
            if name.endswith(".py"):
                newest = max(newest, os.stat(os.path.join(dirpath, name)).st_mtime_ns)
    return f"{lint.__version__}:{newest}"


def directory() -> str:
    """A directory only this user can enter: ``FACTLINT_SERVICE_DIR``, else
    ``$XDG_RUNTIME_DIR/factlint``, else ``~/.cache/factlint/service``; one under the
    temporary directory when those make the socket path too long."""
    candidates = []
    if os.environ.get("FACTLINT_SERVICE_DIR"):
        candidates.append(os.environ["FACTLINT_SERVICE_DIR"])
    if os.environ.get("XDG_RUNTIME_DIR"):
        candidates.append(os.path.join(os.environ["XDG_RUNTIME_DIR"], "factlint"))
    candidates.append(os.path.join(os.path.expanduser("~"), ".cache", "factlint", "service"))
    for candidate in candidates:
        # room for the private subdirectory private() may need
        longest = os.path.join(candidate, _subdirectory(), f"{identity()}.sock")
        if len(longest) <= MAX_SOCKET_PATH:
            return private(candidate)
    import tempfile  # the last resort: not loaded on every check

    return private(os.path.join(tempfile.gettempdir(), _subdirectory()))


def _subdirectory() -> str:
    return f"factlint-{os.getuid()}"


def private(path: str) -> str:
    """``path`` if only this user can enter it, else a private subdirectory of it.

    A directory factlint creates is made 0700. One that was there already is never
    chmod-ed (it may be a shared directory someone pointed factlint at): if others
    can enter it or it is not ours, factlint uses (or creates) ``factlint-UID``
    inside it, and refuses (PermissionError, one line) when that is not private."""
    if _make(path) or _is_private(path):
        return path
    inner = os.path.join(path, _subdirectory())
    if _make(inner) or _is_private(inner):
        return inner
    st = os.stat(inner)
    whose = "another user's" if st.st_uid != os.getuid() else f"mode {st.st_mode & 0o777:o}"
    raise PermissionError(
        f"{inner} is not private ({whose}); remove it or set FACTLINT_SERVICE_DIR"
    )


def _make(path: str) -> bool:
    """Create ``path`` (0700) if it is missing; True when this call created it."""
    parent = os.path.dirname(path)
    if parent and not os.path.isdir(parent):
        os.makedirs(parent, exist_ok=True)
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        return False
    os.chmod(path, 0o700)  # ours: the umask may have taken bits we need
    return True


def _is_private(path: str) -> bool:
    st = os.stat(path)
    return st.st_uid == os.getuid() and not st.st_mode & 0o077 and os.path.isdir(path)


def socket_path() -> str:
    return os.path.join(directory(), f"{identity()}.sock")


def lock_path() -> str:
    return os.path.join(directory(), f"{identity()}.lock")


def log_path() -> str:
    return os.path.join(directory(), f"{identity()}.log")
