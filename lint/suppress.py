"""Inline suppression: which issues the draft's own ``factlint-…`` comments silence.

* ``factlint-disable RULES`` … ``factlint-enable RULES``: a region (to the end
  of the file when never enabled again);
* ``factlint-disable-next-line RULES``: the next non-blank line;
* ``factlint-disable-line RULES``: the comment's own line.

RULES are ids or globs separated by spaces or commas; none means every rule.
"""

from __future__ import annotations

import fnmatch

from lint.document.model import Directive, Document


def _matches(rule: str, patterns: tuple[str, ...]) -> bool:
    return not patterns or any(
        fnmatch.fnmatchcase(rule, p) or rule.startswith(p + ".") for p in patterns
    )


class Suppressions:
    """Answers "is RULE silenced at this source offset?" for one document."""

    def __init__(self, doc: Document) -> None:
        self.regions: list[tuple[int, int, tuple[str, ...]]] = []
        self.lines: list[tuple[int, tuple[str, ...]]] = []
        lines = doc.lines
        open_regions: list[tuple[int, Directive]] = []
        for d in doc.directives:
            if d.action == "disable":
                open_regions.append((d.end, d))
            elif d.action == "enable":
                still_open = []
                for start, opened in open_regions:
                    if not d.rules or not opened.rules or set(opened.rules) & set(d.rules):
                        rules = (
                            tuple(r for r in opened.rules if r not in d.rules) if d.rules else ()
                        )
                        self.regions.append((start, d.offset, opened.rules))
                        if d.rules and opened.rules and rules:
                            still_open.append((d.end, Directive("disable", rules, d.offset, d.end)))
                    else:
                        still_open.append((start, opened))
                open_regions = still_open
            elif d.action == "disable-line":
                self.lines.append((lines.position(d.offset)[0], d.rules))
            elif d.action == "disable-next-line":
                self.lines.append((_next_content_line(doc, d.end), d.rules))
        for start, opened in open_regions:
            self.regions.append((start, len(doc.source), opened.rules))

    def silenced(self, rule: str, offset: int, line: int) -> bool:
        for start, end, rules in self.regions:
            if start <= offset < end and _matches(rule, rules):
                return True
        return any(ln == line and _matches(rule, rules) for ln, rules in self.lines)


def _next_content_line(doc: Document, after: int) -> int:
    """The 1-based number of the first non-blank line after source offset ``after``."""
    line, _ = doc.lines.position(after)
    starts = doc.lines.starts
    source = doc.source
    for n in range(line, len(starts)):  # n is the 0-based index of line n+1
        start = starts[n]
        end = starts[n + 1] if n + 1 < len(starts) else len(source)
        if source[start:end].strip():
            return n + 1
    return line + 1
