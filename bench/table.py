"""The one table ``make bench`` prints, its notes and the issue's targets with PASS/MISS.

A figure is either a number or "n/a (why)": a measurement that could not be
made (a tool missing, an interface not built yet) is printed with its reason
rather than dropped, so a reader never mistakes a gap for a result.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fig:
    """A measured value, or None with the reason it is missing."""

    value: float | None
    why: str = ""

    @classmethod
    def na(cls, why: str) -> Fig:
        return cls(None, why)

    @property
    def ok(self) -> bool:
        return self.value is not None

    def show(self, fmt: str, limit: int = 60) -> str:
        """The value, or "n/a (why)" with the reason cut to ``limit`` characters."""
        if self.value is not None:
            return format(self.value, fmt)
        why = self.why if len(self.why) <= limit else self.why[: limit - 1] + "…"
        return f"n/a ({why})"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    fmt: str


COLUMNS = (
    Column("cold", "cold first run (s)", ".2f"),
    Column("warm", "warm single draft (s)", ".3f"),
    Column("batch", "batch (words/s)", ",.0f"),
    Column("incremental", "incremental re-check (s)", ".3f"),
    Column("rss", "peak RSS (MB)", ".0f"),
)


@dataclass
class Row:
    """One tool; ``peer`` names the row a factlint row is divided by (None for peers)."""

    name: str
    figs: dict[str, Fig] = field(default_factory=dict)
    peer: str | None = None

    def fig(self, key: str) -> Fig:
        return self.figs.get(key, Fig.na("not measured"))


def ratio(ours: Fig, theirs: Fig) -> float | None:
    if ours.value is None or theirs.value is None or theirs.value == 0:
        return None
    return ours.value / theirs.value


def render_table(rows: list[Row]) -> list[str]:
    """Markdown table; a factlint cell carries "(r×)", its figure over its peer's."""
    by_name = {row.name: row for row in rows}
    lines = [
        "| tool | " + " | ".join(c.title for c in COLUMNS) + " |",
        "|------|" + "|".join("-" * (len(c.title) + 1) + ":" for c in COLUMNS) + "|",
    ]
    for row in rows:
        cells = []
        for column in COLUMNS:
            cell = row.fig(column.key).show(column.fmt)
            peer = by_name.get(row.peer) if row.peer else None
            r = ratio(row.fig(column.key), peer.fig(column.key)) if peer else None
            if r is not None:
                cell += f" ({r:.2f}×)"
            cells.append(cell)
        label = f"{row.name} (÷ {row.peer})" if row.peer else row.name
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


@dataclass(frozen=True)
class Target:
    """One comparison the issue asks for: what was measured, the bar, and the verdict."""

    number: int
    what: str
    measured: str
    bar: str
    passed: bool | None  # None: could not be judged

    def line(self) -> str:
        verdict = {True: "PASS", False: "MISS", None: "n/a"}[self.passed]
        return f"{self.number}. {self.what}: {self.measured} (target {self.bar}) — **{verdict}**"
