"""Find a Java runtime new enough for the pinned LanguageTool.

Order: the ``java`` setting, ``$JAVA_HOME/bin/java``, ``java`` on PATH, then
the JDKs under ``$FACTLINT_JVM_DIRS`` (default ``/usr/lib/jvm`` and friends),
newest first. The first one at least MIN_JAVA wins, so a machine whose default
Java is too old still works when a newer JDK is installed beside it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from lint.languagetool.errors import LanguageToolError
from lint.languagetool.settings import MIN_JAVA

JVM_DIRS_ENV = "FACTLINT_JVM_DIRS"
DEFAULT_JVM_DIRS = ("/usr/lib/jvm", "/usr/lib64/jvm", "/Library/Java/JavaVirtualMachines")


_versions: dict[str, int] = {}


def java_version(java: str) -> int | None:
    """The major version of ``java`` (17, 21, 25), or None if it does not run.

    Only answers are remembered: a probe that timed out on a loaded host is tried
    again next time rather than meaning "no Java" for the life of the service."""
    if java in _versions:
        return _versions[java]
    try:
        proc = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False,
            preexec_fn=uncapped,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', proc.stderr + proc.stdout)
    if not match:
        return None
    major = int(match.group(1))
    _versions[java] = version = int(match.group(2) or 0) if major == 1 else major  # "1.8.0"
    return version  # is Java 8


def uncapped() -> None:
    """``preexec_fn`` for a JVM (java, Maven): lift the address-space cap it inherits.

    A JVM reserves its heap, class space and code cache at start (over 7 GB with the
    default heap), so the cap the service puts on its workers, meant for the Python
    process, kept ``java -version`` from starting: "Java 17+ not found" whenever a
    check through the service had to start LanguageTool. The hard limit stays."""
    try:
        import resource
    except ImportError:  # not POSIX
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _candidates() -> Iterator[str]:
    if os.environ.get("JAVA_HOME"):
        yield str(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    on_path = shutil.which("java")
    if on_path:
        yield on_path
    dirs = os.environ.get(JVM_DIRS_ENV)
    roots = dirs.split(os.pathsep) if dirs is not None else DEFAULT_JVM_DIRS
    found: list[Path] = []
    for root in filter(None, roots):
        base = Path(root)
        if base.is_dir():
            found += base.glob("*/bin/java")
            found += base.glob("*/Contents/Home/bin/java")  # macOS bundles
    paths = {str(p) for p in found}
    yield from sorted(paths, key=lambda p: java_version(p) or 0, reverse=True)


def find_java(configured: str | None = None, minimum: int = MIN_JAVA) -> str:
    """Path of a Java at least ``minimum``; LanguageToolError says what to install."""
    if configured:
        path = shutil.which(configured) or configured
        version = java_version(path)
        if version is None:
            raise LanguageToolError(
                f"Java not found at {configured!r} (languagetool.java): "
                f"install Java {minimum}+ or fix the path"
            )
        if version < minimum:
            raise LanguageToolError(
                f"Java {version} at {configured} is too old for LanguageTool: "
                f"it needs Java {minimum}+"
            )
        return path
    seen: dict[str, int | None] = {}
    for path in _candidates():
        real = os.path.realpath(path)
        if real in seen:
            continue
        seen[real] = version = java_version(path)
        if version is not None and version >= minimum:
            return path
    too_old = [f"{p} is Java {v}" for p, v in seen.items() if v is not None]
    detail = f" ({'; '.join(too_old)})" if too_old else ""
    raise LanguageToolError(
        f"Java {minimum}+ not found{detail}: LanguageTool needs it; install a JDK "
        f"(e.g. apt-get install openjdk-{minimum}-jre-headless), set languagetool.java, "
        "or point languagetool.url at a running server"
    )
