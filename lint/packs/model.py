"""Rules and packs as loaded from YAML, before any check is compiled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lint.packs.yamlpos import Mark

OUTSIDE = ("quotations", "gaps")


@dataclass(frozen=True)
class Example:
    """A sentence a rule must flag (bad) or leave alone (good)."""

    text: str
    mark: Mark | None = None
    pubdate: dt.date | None = None
    fixed: str | None = None  # bad examples: the text after applying the fixes


@dataclass
class Rule:
    id: str  # "pack.rule"
    kind: str
    severity: str
    category: str
    message: str
    options: dict
    pack: str
    summary: str = ""
    doc: str = ""
    link: str | None = None
    fix: bool = True  # may its replacement be applied by --fix?
    languages: tuple[str, ...] = ()
    """The language varieties the rule is written for (AP's "Dec. 13" and "8 a.m." are
    en-US); empty: every one. A configuration of another variety runs the rule only when
    its ``select`` names it by id."""
    outside: tuple[str, ...] = ()
    """Where the rule does not report (OUTSIDE): "quotations" (never reword what someone
    said: style rules by default), "gaps" (a text that lost removed values)."""
    bad: list[Example] = field(default_factory=list)
    good: list[Example] = field(default_factory=list)
    mark: Mark | None = None
    check: Any = field(default=None, repr=False, compare=False)  # the compiled Check
    owner: Any = field(default=None, repr=False, compare=False)
    """The Pack the rule came from: kinds that read pack-level data (``entities``,
    ``facts``) find it in ``owner.data``, and files it names relative to ``owner.path``."""

    @property
    def name(self) -> str:
        return self.id.split(".", 1)[1]


@dataclass
class Pack:
    name: str
    description: str
    path: str
    rules: list[Rule] = field(default_factory=list)
    data: dict = field(default_factory=dict)  # kind-specific extras (entities, facts)
    shipped: bool = False
