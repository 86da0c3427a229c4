"""Where the service lives: one socket per user and per factlint installation.

Standard library only: the thin client imports this before anything else.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

import lint

PACKAGE = Path(lint.__file__).resolve().parent
MAX_SOCKET_PATH = 100  # AF_UNIX paths are limited to 108 bytes


def identity() -> str:
    """One service per interpreter and installation: two virtualenvs never share one."""
    key = f"{sys.prefix}|{PACKAGE}|{lint.__version__}"
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def fingerprint() -> str:
    """Changes whenever factlint's code does, so a stale service is replaced."""
    newest = 0
    for dirpath, _, filenames in os.walk(PACKAGE):
        for name in filenames:
            if name.endswith(".py"):
                newest = max(newest, os.stat(os.path.join(dirpath, name)).st_mtime_ns)
    return f"{lint.__version__}:{newest}"


def directory() -> Path:
    """A directory only this user can enter: ``FACTLINT_SERVICE_DIR``, else
    ``$XDG_RUNTIME_DIR/factlint``, else ``~/.cache/factlint/service``; one under the
    temporary directory when those make the socket path too long."""
    candidates = []
    if os.environ.get("FACTLINT_SERVICE_DIR"):
        candidates.append(Path(os.environ["FACTLINT_SERVICE_DIR"]))
    if os.environ.get("XDG_RUNTIME_DIR"):
        candidates.append(Path(os.environ["XDG_RUNTIME_DIR"]) / "factlint")
    candidates.append(Path.home() / ".cache" / "factlint" / "service")
    candidates.append(Path(tempfile.gettempdir()) / f"factlint-{os.getuid()}")
    for candidate in candidates:
        if len(str(candidate / f"{identity()}.sock")) <= MAX_SOCKET_PATH:
            return private(candidate)
    return private(candidates[-1])


def private(path: Path) -> Path:
    """Create ``path`` (mode 0700); refuse one another user owns or others can enter."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = path.stat()
    if st.st_uid != os.getuid():
        raise PermissionError(f"{path} belongs to another user")
    if st.st_mode & 0o077:
        os.chmod(path, 0o700)
    return path


def socket_path() -> Path:
    return directory() / f"{identity()}.sock"


def lock_path() -> Path:
    return directory() / f"{identity()}.lock"


def log_path() -> Path:
    return directory() / f"{identity()}.log"
