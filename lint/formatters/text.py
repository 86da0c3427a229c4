"""``--format text``: ``path:line:col: severity rule message``, for people.

With ``show_source`` (the default on a terminal) each issue is followed by its
source line and a caret under the span, the way compilers and Ruff do it, so a
writer sees the mistake without opening the file. Colour only on a terminal.
"""

from __future__ import annotations

import unicodedata
from typing import TextIO

from lint.document.mapping import LineIndex
from lint.findings import Issue
from lint.printable import escaped, pictured
from lint.runner import RunResult

COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def write(
    result: RunResult, out: TextIO, color: bool = False, show_source: bool | None = None
) -> None:
    show_source = color if show_source is None else show_source
    count = 0
    for file in result.files:
        lines = _lines(file) if show_source else None
        for issue in file.issues:
            count += 1
            out.write(headline(issue, color) + "\n")
            if lines is not None:
                out.write(excerpt(issue, lines.line_text(issue.line), color))
    out.write(summary(result, count) + "\n")


def _lines(file) -> LineIndex | None:
    """The file's line index: the one the engine built, else one over the source."""
    if file.document is not None:
        return file.document.lines
    return LineIndex(file.source) if file.source is not None else None


def headline(issue: Issue, color: bool = False) -> str:
    """One line whatever the file name or message holds: control characters are escaped
    (a newline in a name cannot forge a second record, ESC never reaches the terminal)."""
    where = f"{escaped(issue.path)}:{issue.line}:{issue.column}:"
    severity, rule = issue.severity, escaped(issue.rule)
    if color:
        where = BOLD + where + RESET
        severity = COLORS[severity] + severity + RESET
        rule = DIM + rule + RESET
    text = f"{where} {severity} {rule} {message_line(issue.message)}"
    if issue.replacements and issue.replacements[0] not in issue.message:
        text += f" (suggestion: {issue.replacements[0]!r})"
    return text


def message_line(message: str) -> str:
    """A message on one line: its line breaks as spaces, other control characters escaped."""
    return escaped(
        " ".join(message.splitlines()) if "\n" in message or "\r" in message else message
    )


def excerpt(issue: Issue, line: str, color: bool = False) -> str:
    """The source line and a caret line under the issue's span."""
    start = issue.column - 1
    end = issue.end_column - 1 if issue.end_line == issue.line else len(line)
    end = max(end, start + 1)
    gutter = f"{issue.line:>5} | "
    shown = pictured(line.replace("\t", " "))
    caret = " " * _width(shown[:start]) + "^" * max(_width(shown[start:end]), 1)
    if color:
        caret = COLORS[issue.severity] + caret + RESET
    return f"{gutter}{shown}\n{' ' * (len(gutter) - 2)}| {caret}\n"


def _width(text: str) -> int:
    """Terminal cells: wide East Asian characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def summary(result: RunResult, count: int) -> str:
    files = len(result.files)
    noun = "file" if files == 1 else "files"
    if not count:
        return f"No issues in {files} {noun}."
    by = {s: sum(1 for i in result.issues if i.severity == s) for s in ("error", "warning", "info")}
    parts = [f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in by.items() if n]
    fixable = sum(1 for i in result.issues if i.fixable)
    text = f"Found {count} issue{'s' if count != 1 else ''} ({', '.join(parts)}) in {files} {noun}."
    if fixable:
        text += f" {fixable} fixable with --fix."
    return text
