"""Resolve the pinned LanguageTool release from Maven Central into the per-user cache.

LanguageTool's own download site is unreachable on our machines; Maven Central
is not. A small generated pom asks Maven for ``languagetool-server`` and
``language-en`` and ``dependency:copy-dependencies`` puts every jar into
``<cache>/languagetool/<version>/``. What the English server needs, and no more:

- ``language-all`` (every language, hundreds of MB) is excluded;
- ``language-es``, ``language-ca`` and ``language-pt`` stay, without their
  part-of-speech dictionaries: the server's language identifier
  (``CommonWordsDetector``) looks those three languages up when it starts
  and the server dies without them (checked for 6.6, 6.7 and 6.8).

Maven runs with a private local repository in a temporary directory that is
deleted afterwards, so the jars are stored once; the user's
``~/.m2/settings.xml`` (mirrors, proxies) still applies. A ``.complete``
marker written last makes a second run a no-op that touches no network.
Concurrent installs (parallel test workers, first runs) are serialised by a
file lock.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from filelock import FileLock, Timeout

from lint.languagetool.errors import LanguageToolError
from lint.languagetool.java import uncapped
from lint.languagetool.settings import LanguageToolSettings

MARKER = ".complete"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
MAVEN_ENV = "FACTLINT_MAVEN"
INSTALL_LOCK_TIMEOUT = 900.0

# (groupId, artifactId, [(groupId, artifactId) excluded])
ARTIFACTS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("org.languagetool", "languagetool-server", (("org.languagetool", "language-all"),)),
    ("org.languagetool", "language-en", ()),
    ("org.languagetool", "language-es", (("org.softcatala", "spanish-pos-dict"),)),
    ("org.languagetool", "language-ca", (("org.softcatala", "catalan-pos-dict"),)),
    ("org.languagetool", "language-pt", (("org.languagetool", "portuguese-pos-dict"),)),
)

Progress = Callable[[str], None]


def is_installed(jars: Path) -> bool:
    """True when ``jars`` holds a finished install whose jars are all present."""
    marker = jars / MARKER
    try:
        data = json.loads(marker.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return all((jars / name).is_file() for name in data.get("jars", []))


def installed_version(jars: Path) -> str | None:
    """The version recorded in the marker, or None when not installed."""
    try:
        return json.loads((jars / MARKER).read_text("utf-8")).get("version")
    except (OSError, ValueError):
        return None


def pom(version: str) -> str:
    """The throwaway pom that names what to resolve."""
    deps = []
    for group, artifact, exclusions in ARTIFACTS:
        excl = "".join(
            f"<exclusion><groupId>{escape(g)}</groupId><artifactId>{escape(a)}</artifactId>"
            "</exclusion>"
            for g, a in exclusions
        )
        deps.append(
            f"    <dependency><groupId>{escape(group)}</groupId>"
            f"<artifactId>{escape(artifact)}</artifactId><version>{escape(version)}</version>"
            + (f"<exclusions>{excl}</exclusions>" if excl else "")
            + "</dependency>"
        )
    body = "\n".join(deps)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>factlint</groupId>
  <artifactId>languagetool-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
{body}
  </dependencies>
</project>
"""


def find_maven() -> str:
    """``$FACTLINT_MAVEN``, else ``mvn`` on PATH, else ``$MAVEN_HOME/bin/mvn``."""
    candidates = [os.environ.get(MAVEN_ENV), shutil.which("mvn")]
    if os.environ.get("MAVEN_HOME"):
        candidates.append(str(Path(os.environ["MAVEN_HOME"]) / "bin" / "mvn"))
    for candidate in filter(None, candidates):
        if os.access(candidate, os.X_OK):
            return candidate
    raise LanguageToolError(
        "Maven (mvn) not found: LanguageTool is installed from Maven Central with it; "
        "install Maven (e.g. apt-get install maven) or point languagetool.url at a server"
    )


def _stderr(line: str) -> None:
    import sys

    print(line, file=sys.stderr, flush=True)


_DOWNLOADED = re.compile(r"Downloaded from \S+: (\S+) \(([^,)]+)")


def install(
    settings: LanguageToolSettings | None = None,
    *,
    force: bool = False,
    progress: Progress | None = _stderr,
) -> Path:
    """Make sure the pinned jars are in the cache; return their directory.

    A finished install is left alone (no network) unless ``force``. Raises
    LanguageToolError when Maven is missing or fails, or when the settings
    point at an external server (there is nothing to install then).
    """
    settings = settings or LanguageToolSettings()
    say = progress or (lambda _line: None)
    jars = settings.jars
    if not force and is_installed(jars):
        say(f"LanguageTool {settings.version} is already installed in {jars}")
        return jars
    jars.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(jars.parent / f".{jars.name}.install.lock"))
    try:
        with lock.acquire(timeout=INSTALL_LOCK_TIMEOUT):
            if not force and is_installed(jars):  # another process finished it meanwhile
                say(f"LanguageTool {settings.version} is already installed in {jars}")
                return jars
            _resolve(settings.version, jars, say)
    except Timeout:
        raise LanguageToolError(
            f"another process has been installing LanguageTool into {jars} for "
            f"{INSTALL_LOCK_TIMEOUT:.0f} s; remove {lock.lock_file} if it is gone"
        ) from None
    return jars


def _resolve(version: str, jars: Path, say: Progress) -> None:
    mvn = find_maven()
    started = time.monotonic()
    say(f"Installing LanguageTool {version} from Maven Central into {jars} ...")
    work = Path(tempfile.mkdtemp(prefix=f".install-{version}-", dir=jars.parent))
    try:
        (work / "pom.xml").write_text(pom(version), "utf-8")
        out = work / "jars"
        command = [
            mvn, "-B", "-f", str(work / "pom.xml"),
            f"-Dmaven.repo.local={work / 'repo'}",
            f"{DEPENDENCY_PLUGIN}:copy-dependencies",
            f"-DoutputDirectory={out}", "-DincludeScope=runtime",
        ]  # fmt: skip
        _run_maven(command, work, say)
        names = sorted(p.name for p in out.glob("*.jar"))
        for needed in (f"languagetool-server-{version}.jar", f"language-en-{version}.jar"):
            if needed not in names:
                raise LanguageToolError(f"Maven finished but {needed} is missing from {out}")
        marker = {"version": version, "jars": names, "installed": time.time()}
        (out / MARKER).write_text(json.dumps(marker, indent=1), "utf-8")
        if jars.exists():
            shutil.rmtree(jars)  # an unfinished or forced install
        os.replace(out, jars)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    size = sum(p.stat().st_size for p in jars.glob("*.jar")) / 1e6
    took = time.monotonic() - started
    say(f"LanguageTool {version} installed: {len(names)} jars, {size:.0f} MB, {took:.1f} s")


def _run_maven(command: list[str], work: Path, say: Progress) -> None:
    """Run Maven, reporting each jar it downloads; one clear line if it fails."""
    tail: list[str] = []
    jars_seen = 0
    try:
        proc = subprocess.Popen(
            command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, text=True, errors="replace", preexec_fn=uncapped,
        )  # fmt: skip
    except OSError as exc:
        raise LanguageToolError(f"cannot run Maven ({command[0]}): {exc}") from None
    assert proc.stdout is not None
    for raw in proc.stdout:
        line = raw.rstrip()
        tail = [*tail[-40:], line]
        match = _DOWNLOADED.search(line)
        if match and match.group(1).endswith(".jar"):
            jars_seen += 1
            say(f"  [{jars_seen:3}] {match.group(1).rsplit('/', 1)[-1]} ({match.group(2)})")
    if proc.wait() != 0:
        errors = [line for line in tail if "[ERROR]" in line] or tail[-1:] or ["no output"]
        reason = errors[0].replace("[ERROR]", "").strip()
        raise LanguageToolError(f"Maven could not resolve LanguageTool: {reason}")
