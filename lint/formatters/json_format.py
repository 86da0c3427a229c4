"""``--format json``: the contract editors and scripts rely on (README, "JSON output").

One JSON array per run, one object per issue, in file order then position.
Version 1 of the schema; changing a field is a breaking change.
"""

from __future__ import annotations

import json
from typing import TextIO

from lint.printable import json_safe, valid_utf8
from lint.runner import RunResult


def write(result: RunResult, out: TextIO, color: bool = False) -> None:
    """Valid UTF-8 whatever the file names: a byte of a name that is not UTF-8 is written
    as the four characters ``\\xNN`` (README, "JSON output")."""
    issues = [_utf8(i.to_json()) for i in result.issues]
    out.write(json_safe(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n")


def _utf8(data: dict) -> dict:
    for key in ("path", "message"):
        data[key] = valid_utf8(data[key])
    data["replacements"] = [valid_utf8(r) for r in data["replacements"]]
    return data
