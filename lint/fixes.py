"""Applying fixes: the safe replacements of findings, never two that overlap.

Fixes are computed on source offsets, so in Markdown and HTML a fix only ever
replaces prose characters the finding points at; a finding whose span crosses
markup (its source span is not the same length of verbatim prose) is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str
    rule: str = ""


def choose(edits: Iterable[Edit]) -> list[Edit]:
    """Non-overlapping edits, earliest first; on overlap the earlier (then longer) one wins."""
    chosen: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda e: (e.start, -(e.end - e.start), e.rule)):
        if e.start >= last_end or (e.start == e.end and e.start > last_end):
            chosen.append(e)
            last_end = max(e.end, last_end)
    return chosen


def apply(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with the chosen edits applied."""
    out = []
    pos = 0
    for e in choose(edits):
        out.append(text[pos : e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
