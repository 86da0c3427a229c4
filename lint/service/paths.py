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
        if len(os.path.join(candidate, f"{identity()}.sock")) <= MAX_SOCKET_PATH:
            return private(candidate)
    import tempfile  # the last resort: not loaded on every check

    return private(os.path.join(tempfile.gettempdir(), f"factlint-{os.getuid()}"))


def private(path: str) -> str:
    """Create ``path`` (mode 0700); refuse one another user owns or others can enter."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    st = os.stat(path)
    if st.st_uid != os.getuid():
        raise PermissionError(f"{path} belongs to another user")
    if st.st_mode & 0o077:
        os.chmod(path, 0o700)
    return path


def socket_path() -> str:
    return os.path.join(directory(), f"{identity()}.sock")


def lock_path() -> str:
    return os.path.join(directory(), f"{identity()}.lock")


def log_path() -> str:
    return os.path.join(directory(), f"{identity()}.log")
