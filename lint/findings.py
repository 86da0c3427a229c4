"""What checks produce (Finding) and what the engine reports (Issue).

A check knows only the plain text it was given, so a Finding carries offsets
into that text. The engine turns findings into Issues, which carry source
positions, once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
"""Most to least severe."""

CATEGORIES = (
    "spelling",
    "grammar",
    "style",
    "typography",
    "names",
    "dates",
    "facts",
    "boilerplate",
)
"""The documented set of issue categories (part of the JSON contract)."""


def severity_rank(severity: str) -> int:
    """Higher is more severe: info=0, warning=1, error=2."""
    return len(SEVERITIES) - 1 - SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    """One thing a check found, in offsets of the plain text it was given.

    Checks that speak for a single rule leave ``rule``/``category``/``severity``
    empty and the engine fills them from the rule. Backends that report many
    rules of their own (LanguageTool) set them per finding.
    """

    offset: int
    length: int
    message: str
    replacements: tuple[str, ...] = ()
    rule: str | None = None
    category: str | None = None
    severity: str | None = None
    link: str | None = None
    fixable: bool = False
    """True when applying ``replacements[0]`` is safe without a human look."""


@dataclass(frozen=True)
class Issue:
    """A finding placed in a source file: the unit every formatter prints."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    rule: str
    category: str
    severity: str
    message: str
    replacements: tuple[str, ...] = ()
    source: str = "factlint"
    link: str | None = None
    fixable: bool = False
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        """The JSON contract's object for this issue (the Python API's name for it)."""
        return self.to_json()

    def to_json(self) -> dict:
        """The JSON contract's object for this issue (see README, "JSON output")."""
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "replacements": list(self.replacements),
            "source": self.source,
            "fixable": self.fixable,
        }
        if self.link:
            data["link"] = self.link
        return data
