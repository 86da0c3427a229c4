"""How factlint runs LanguageTool: one dataclass, built from defaults, config and env.

The ``languagetool:`` section of the user's config maps onto these fields.
Keys may be written in snake_case or kebab-case (``max_memory`` or
``max-memory``); unknown keys are an error, so a typo does not silently do
nothing.

=====================  ==========================================================
key                    meaning (default)
=====================  ==========================================================
url                    an existing LanguageTool server; nothing is installed or
                       started (none; env ``FACTLINT_LANGUAGETOOL_URL`` wins)
language               en-US, en-GB, en-AU, en-CA, ... (en-US)
enabled_rules          LT rule ids to switch on, e.g. EN_UNPAIRED_QUOTES ([])
disabled_rules         LT rule ids to switch off, added to NEWS_DISABLED_RULES ([])
enabled_categories     LT category ids to switch on ([])
disabled_categories    LT category ids to switch off ([])
picky                  LT's picky level: more style rules (false)
spell_names            keep the speller's matches on names too (false: a capitalised
                       word spaCy takes for a name is the names pack's; see
                       ``lint.names.unknown``)
accepted_words         words never reported as misspellings ([])
java                   path to ``java`` (auto: JAVA_HOME, PATH, /usr/lib/jvm)
max_memory             the server's ``-Xmx`` (512m)
idle_timeout           seconds without a check before the server stops; 0 never (1800)
port                   preferred port; another is used if it is taken (any free)
cache_dir              where jars and server state live (``$FACTLINT_CACHE_DIR``,
                       else ``$XDG_CACHE_HOME/factlint``, else ~/.cache/factlint)
jar_dir                the jars (``<cache_dir>/languagetool/<version>``)
state_dir              server state, lock, log (``<cache_dir>/languagetool/server``)
start_timeout          seconds to wait for a starting server (120)
request_timeout        seconds to wait for one check request (120)
check_time_limit       seconds the managed server may spend on one request before it
                       gives up and frees its thread, as factlint gives up waiting
                       (maxCheckTimeMillis; 120, as request_timeout)
workers                concurrent requests per factlint process (4)
spelling_suggestions   who searches the speller's suggestions: ``factlint`` (the
                       server skips them, ``lint.languagetool.suggest`` makes them
                       from LanguageTool's own dictionary: 0.7x the server's time)
                       or ``languagetool``; read when the server starts (factlint)
warm_up_checks         at most this many checks a new server is warmed up with in the
                       background, yielding to real ones, until its JIT compiler has
                       settled (``lint.languagetool.warmup``); 0 none (300; the
                       default is ``$FACTLINT_WARM_UP_CHECKS`` when set, and 0 on a CI
                       runner, ``$CI``: a one-shot check there should not leave minutes
                       of background work to the job's next steps)
enabled                false skips LanguageTool (read by the engine, not here)
=====================  ==========================================================

Defaults for news copy: ``EN_UNPAIRED_BRACKETS`` and ``EN_UNPAIRED_QUOTES`` are
off (LanguageTool 6.8 has the second on): they misfire on straight quotes and on
a quotation reopened in each of its paragraphs, and factlint's own
quotes-and-brackets check covers pairing; name them in ``enabled_rules`` to get
LanguageTool's opinion too. ``DATE_WEEKDAY`` ("Monday, 3 March 2025" when that
was not a Monday) stays on and is reported in the ``dates`` category.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

PINNED_VERSION = "6.8"
"""The LanguageTool release factlint installs (Maven Central). Needs Java 17+."""

MIN_JAVA = 17
"""The oldest Java that runs PINNED_VERSION (its class files are version 61)."""

NEWS_DISABLED_RULES = (
    "EN_UNPAIRED_BRACKETS",
    "EN_UNPAIRED_QUOTES",
    "JONG_UN",
    "EN_WORD_COHERENCY",
    "THE_SUPERLATIVE",
    "POSSESSIVE_APOSTROPHE",
    "CD_NN",
)
"""Off by default: unpaired brackets misfire on straight quotes, and unpaired quotes on a
quotation that runs over several paragraphs, each reopened (news convention; the
typography pack pairs both and knows it); JONG_UN insists on "Jong-un" where many style
guides write "Jong Un" (the names pack owns names and their consistency).
EN_WORD_COHERENCY compares words across the text of one request, which factlint packs
from several paragraphs (of several drafts): consistency across a draft is factlint's
(names, spelling varieties). THE_SUPERLATIVE ("won best actor"), POSSESSIVE_APOSTROPHE
("mixed teams event", "Lord of the Rings") and CD_NN were wrong on every one of their
judged matches on real news and encyclopedic prose (bench/judged/, 14 of 14)."""

URL_ENV = "FACTLINT_LANGUAGETOOL_URL"
CACHE_ENV = "FACTLINT_CACHE_DIR"
WARM_UP_ENV = "FACTLINT_WARM_UP_CHECKS"
WARM_UP_CHECKS = 300
"""Background warm-up requests after a server starts, at most (~100,000 words, where the
JIT compiler was measured to settle; ``lint.languagetool.warmup``)."""


def default_cache_dir() -> Path:
    """``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``, else ~/.cache/factlint."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "factlint"


def _env_url() -> str | None:
    return os.environ.get(URL_ENV) or None


def default_warm_up_checks() -> int:
    """``$FACTLINT_WARM_UP_CHECKS`` (a number), else none on a CI runner, else 300."""
    value = os.environ.get(WARM_UP_ENV, "").strip()
    if value.isdigit():
        return int(value)
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return 0
    return WARM_UP_CHECKS


@dataclass
class LanguageToolSettings:
    """Everything the backend, installer and server manager need (see module doc)."""

    url: str | None = field(default_factory=_env_url)
    language: str = "en-US"
    enabled_rules: list[str] = field(default_factory=list)
    disabled_rules: list[str] = field(default_factory=list)
    enabled_categories: list[str] = field(default_factory=list)
    disabled_categories: list[str] = field(default_factory=list)
    picky: bool = False
    spell_names: bool = False
    accepted_words: frozenset[str] = frozenset()
    java: str | None = None
    max_memory: str = "512m"
    idle_timeout: int = 1800
    port: int | None = None
    cache_dir: Path = field(default_factory=default_cache_dir)
    jar_dir: Path | None = None
    state_dir: Path | None = None
    version: str = PINNED_VERSION
    start_timeout: float = 120.0
    request_timeout: float = 120.0
    check_time_limit: float = 120.0
    workers: int = 4
    spelling_suggestions: str = "factlint"
    warm_up_checks: int = field(default_factory=default_warm_up_checks)

    def __post_init__(self) -> None:
        self.cache_dir = Path(self.cache_dir).expanduser()
        if self.jar_dir is not None:
            self.jar_dir = Path(self.jar_dir).expanduser()
        if self.state_dir is not None:
            self.state_dir = Path(self.state_dir).expanduser()
        self.accepted_words = frozenset(self.accepted_words)

    @property
    def jars(self) -> Path:
        """Directory holding the resolved jars of ``version``."""
        return self.jar_dir or self.cache_dir / "languagetool" / self.version

    @property
    def state(self) -> Path:
        """Directory holding the per-user server's state file, lock and log."""
        return self.state_dir or self.cache_dir / "languagetool" / "server"

    @property
    def external(self) -> bool:
        """True when the user runs the server: factlint installs and starts nothing."""
        return bool(self.url)

    @property
    def effective_disabled_rules(self) -> list[str]:
        """NEWS_DISABLED_RULES plus ``disabled_rules``, minus what is explicitly enabled."""
        wanted = set(self.enabled_rules)
        merged = dict.fromkeys([*NEWS_DISABLED_RULES, *self.disabled_rules])
        return [rule for rule in merged if rule not in wanted]

    def key(self) -> tuple:
        """A hashable identity: one backend per distinct key in a process."""
        return tuple(
            tuple(sorted(v)) if isinstance(v, (list, frozenset)) else v
            for v in (getattr(self, f.name) for f in fields(self))
        )

    def with_(self, **changes: Any) -> LanguageToolSettings:
        """A copy with some fields changed."""
        return replace(self, **changes)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None = None) -> LanguageToolSettings:
        """Build from the config's ``languagetool:`` section; the URL env var wins.

        Raises ValueError naming an unknown key or a value of the wrong shape.
        """
        known = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in (data or {}).items():
            name = str(key).replace("-", "_")
            if name in _ENGINE_KEYS:
                continue
            if name not in known:
                raise ValueError(f"languagetool: unknown setting {key!r}")
            kwargs[name] = _coerce(name, value)
        settings = cls(**kwargs)
        if _env_url():
            settings.url = _env_url()
        return settings

    @classmethod
    def from_config(cls, config: Any) -> LanguageToolSettings:
        """Settings for a ``lint.config.Config``: its section, language and accepted words.

        The section's own ``language`` wins over the config's top-level one; the
        config's accepted vocabulary is added to ``accepted_words``.
        """
        section = dict(getattr(config, "languagetool", None) or {})
        settings = cls.from_mapping(section)
        if "language" not in section and getattr(config, "language", None):
            settings.language = str(config.language)
        accepted = getattr(config, "accept", None) or ()
        settings.accepted_words = settings.accepted_words | frozenset(accepted)
        return settings


_ENGINE_KEYS = {"enabled"}
_LISTS = {"enabled_rules", "disabled_rules", "enabled_categories", "disabled_categories"}
_BOOLS = {"picky", "spell_names"}
_INTS = {"idle_timeout", "port", "workers", "warm_up_checks"}
SUGGESTERS = ("factlint", "languagetool")
_FLOATS = {"start_timeout", "request_timeout", "check_time_limit"}
_MEMORY = re.compile(r"\d+[kKmMgG]?")


def _coerce(name: str, value: Any) -> Any:
    """Config values arrive as YAML scalars and lists; give them the field's type."""
    if value is None:
        return [] if name in _LISTS else frozenset() if name == "accepted_words" else None
    if name in _LISTS or name == "accepted_words":
        items = [value] if isinstance(value, str) else value
        if (
            not isinstance(items, Iterable)
            or isinstance(items, Mapping)
            or not all(isinstance(item, (str, int, float)) for item in items)
        ):  # never str() a nested list: YAML aliases can make it a billion items long
            raise ValueError(f"languagetool: {name} must be a list of strings")
        words = [str(item) for item in items]
        return frozenset(words) if name == "accepted_words" else words
    if name in _BOOLS:
        if not isinstance(value, bool):
            raise ValueError(f"languagetool: {name} must be true or false")
        return value
    if name in _INTS:
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ValueError(f"languagetool: {name} must be a whole number") from None
    if name in _FLOATS:
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValueError(f"languagetool: {name} must be a number of seconds") from None
    if name == "max_memory":
        if not _MEMORY.fullmatch(str(value)):
            raise ValueError(f"languagetool: max_memory must look like 512m or 2g, not {value!r}")
        return str(value)
    if name == "spelling_suggestions":
        if value not in SUGGESTERS:
            raise ValueError("languagetool: spelling_suggestions must be factlint or languagetool")
        return value
    if name in {"cache_dir", "jar_dir", "state_dir"}:
        return Path(str(value)).expanduser()
    return str(value)
