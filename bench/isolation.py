"""The bench's own factlint service and LanguageTool server, in a temporary directory.

Why not the user's: their LanguageTool server keeps a sentence cache for 15
minutes and their factlint service a paragraph cache, either of which may hold
these very texts from an earlier run and flatter the figures; and other people
on the machine may be using them. So the bench points ``FACTLINT_CACHE_DIR``
(LanguageTool's state, with the cached jars linked in: nothing is downloaded)
and ``FACTLINT_SERVICE_DIR`` at a temporary directory, for itself and every
child process. factlint then finds and starts these exactly as it would the
user's; the bench stops both when it ends.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.peers import LanguageToolAlone
from bench.table import Fig

SERVICE_IDLE = "900"  # seconds: both go away by themselves if the bench is killed
CHECK_TIME_LIMIT = 600  # seconds a bench server may spend on one request (a busy host)
PACKS_HEADER = "# the bench: every shipped pack; LanguageTool on (the default)\n"


def isolate(tmp: Path, say: Callable[[str], None]) -> dict[str, str]:
    """Set the environment (of this process, so of every child too); return a copy."""
    from lint.languagetool.install import install, is_installed
    from lint.languagetool.settings import LanguageToolSettings

    real = LanguageToolSettings.from_mapping({})
    if not real.external and not is_installed(real.jars):
        say("installing LanguageTool (once per user)")
        install(real)
    cache = tmp / "cache"
    (cache / "languagetool").mkdir(parents=True)
    (cache / "languagetool" / real.version).symlink_to(real.jars, target_is_directory=True)
    os.environ["FACTLINT_CACHE_DIR"] = str(cache)
    os.environ["FACTLINT_SERVICE_DIR"] = str(tmp / "service")
    os.environ["FACTLINT_SERVICE_IDLE"] = SERVICE_IDLE
    return dict(os.environ)


@dataclass
class LanguageTool:
    """The server the bench started (or the user's external one) and its cold start."""

    settings: Any  # LanguageToolSettings, or None for an external server
    url: str
    pid: int | None
    version: str
    cold: Fig
    notes: list[str] = field(default_factory=list)
    warm_up: list[str] = field(default_factory=list)  # the background warm-up's requests

    @property
    def jars(self) -> Path | None:
        """The jars the bench's server runs (None for an external server)."""
        return self.settings.jars if self.settings is not None else None

    def stop(self) -> None:
        if self.settings is not None:
            from lint.languagetool import server

            server.stop_server(self.settings)


def start_languagetool(
    single: str, say: Callable[[str], None], suggestions: str = "factlint"
) -> LanguageTool:
    """Start the bench's server cold (to its first answer), then time its first check
    (of the single draft): LanguageTool's cold first run. ``suggestions`` is the
    ``spelling_suggestions`` setting it starts with: ``factlint`` (the server skips the
    speller's suggestions, as factlint starts it, and it is warmed up in the background
    as factlint warms it: waited for here, and its requests kept, so that LanguageTool
    alone's server can be sent the same) or ``languagetool`` (a stock server, no warm-up)."""
    from lint.languagetool import server, warmup
    from lint.languagetool.settings import LanguageToolSettings

    ours = suggestions == "factlint"
    settings = LanguageToolSettings.from_mapping(
        {"idle_timeout": int(SERVICE_IDLE), "spelling_suggestions": suggestions}
        | {"check_time_limit": CHECK_TIME_LIMIT}
        | {"warm_up_checks": warmup.CHECKS if ours else 0}  # factlint's default, not $CI's
    )
    if settings.external:  # FACTLINT_LANGUAGETOOL_URL: the user's server, not ours to start
        url = settings.url or ""
        LanguageToolAlone(url).check(single)
        return LanguageTool(None, url, None, f"LanguageTool at {url}", Fig.na("external server"))
    say("LanguageTool: cold start of a server in a temporary state directory")
    began = time.perf_counter()
    state = server.ensure_server(settings, say=lambda _: None, warm_up=ours)
    ready = time.perf_counter() - began
    first = LanguageToolAlone(state.url).check(single)
    version = f"LanguageTool {state.version} on Java {state.java_version} (-Xmx{state.max_memory})"
    notes = [
        f"LanguageTool's cold run = server start to first answer {ready:.2f} s + "
        f"first check of the single draft {first:.2f} s"
    ]
    sent: list[str] = []
    if ours:
        say("LanguageTool: waiting for factlint's background warm-up of its server")
        waited, line = wait_warm_up(settings.state / server.WARMUP_LOG)
        done = int(m.group(1)) if (m := re.search(r"(\d+) (?:warm-up )?checks", line)) else 0
        sent = warmup.warm_up_texts(settings.jars, settings.language, done)
        notes.append(f"factlint's background warm-up of its server: {line} (waited {waited:.0f} s)")
    return LanguageTool(settings, state.url, state.pid, version, Fig(ready + first), notes, sent)


def wait_warm_up(log: Path, limit: float = 900.0) -> tuple[float, str]:
    """Seconds until the warm-up process writes its last line (or ``limit``), and the line."""
    began = time.perf_counter()
    while time.perf_counter() - began < limit:
        with contextlib.suppress(OSError):
            lines = [
                ln for ln in log.read_text("utf-8", "replace").splitlines() if "warm-up:" in ln
            ]
            if lines:
                return time.perf_counter() - began, lines[-1].strip()
        time.sleep(0.5)
    return time.perf_counter() - began, "warm-up: not finished in time"


def write_configs(work: Path) -> None:
    """``work/.factlint.yaml``: every shipped pack, LanguageTool left on. ``rules-only/``:
    the same with LanguageTool off, for the rule-only language server (an editor has no
    ``--no-languagetool`` flag)."""
    try:
        from lint.packs.loader import shipped_names

        packs = list(shipped_names())
    except ImportError:
        from lint.config import DEFAULT_PACKS

        packs = list(DEFAULT_PACKS)
    listed = f"packs: [{', '.join(packs)}]\n"
    patient = f"languagetool: {{request_timeout: {CHECK_TIME_LIMIT}}}\n"  # a busy host
    (work / ".factlint.yaml").write_text(PACKS_HEADER + listed + patient, "utf-8")
    (work / "rules-only").mkdir(exist_ok=True)
    (work / "rules-only" / ".factlint.yaml").write_text(
        listed + "languagetool: {enabled: false}\n", "utf-8"
    )
