"""``--format json``: the contract editors and scripts rely on (README, "JSON output").

One JSON array per run, one object per issue, in file order then position.
Version 1 of the schema; changing a field is a breaking change.
"""

from __future__ import annotations

import json
from typing import TextIO

from lint.runner import RunResult


def write(result: RunResult, out: TextIO, color: bool = False) -> None:
    json.dump([i.to_json() for i in result.issues], out, ensure_ascii=False, indent=2)
    out.write("\n")
