"""``--format github``: GitHub Actions workflow commands, shown as annotations on a pull request.

Lines look like ``::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=rule::message``.
Data and property values are escaped as the runner expects (``%``, CR, LF, and
``:``/``,`` inside properties).
"""

from __future__ import annotations

from typing import TextIO

from lint.runner import RunResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def write(result: RunResult, out: TextIO, color: bool = False) -> None:
    for i in result.issues:
        props = (
            f"file={_prop(i.path)},line={i.line},col={i.column},"
            f"endLine={i.end_line},endColumn={i.end_column},title={_prop(i.rule)}"
        )
        message = i.message
        if i.replacements:
            message += f" (suggestion: {i.replacements[0]})"
        out.write(f"::{LEVELS[i.severity]} {props}::{_data(message)}\n")
