"""``--format github``: GitHub Actions workflow commands, shown as annotations on a pull request.

Lines look like ``::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=rule::message``.
Data and property values are escaped as the runner expects (``%``, CR, LF, and
``:``/``,`` inside properties).
"""

from __future__ import annotations

from typing import TextIO

from lint.printable import escaped
from lint.runner import FileResult, RunResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    """A value as the runner reads it back: ``%``, CR and LF percent-encoded (so nothing
    can start a second command), every other control character and any byte that was
    not UTF-8 escaped as text (the runner has no encoding for them)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escaped(value)


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def write(result: RunResult, out: TextIO, color: bool = False) -> None:
    for file in result.files:
        for i in file.issues:
            props = (
                f"file={_prop(i.path)},line={i.line},col={i.column},"
                f"endLine={i.end_line},endColumn={i.end_column},title={_prop(i.rule)}"
            )
            message = i.message + _fix(i, file)
            out.write(f"::{LEVELS[i.severity]} {props}::{_data(message)}\n")


def _fix(issue, file: FileResult) -> str:
    """What the suggested change is, worded for what it does: "(delete 'Advertisement')"
    for a deletion, "(suggestion: toe the line)" otherwise; nothing when the message
    already says it."""
    if not issue.replacements:
        return ""
    new = issue.replacements[0]
    if new:
        return "" if new in issue.message else f" (suggestion: {new})"
    old = (file.source or "")[issue.offset : issue.offset + issue.length].strip()
    if not old or any(w in issue.message.lower() for w in ("delete", "remove")):
        return ""
    shown = old if len(old) <= 60 else old[:57] + "…"
    return f" (delete '{' '.join(shown.split())}')"
