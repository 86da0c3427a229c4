"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards.

One run, one ``tool.driver`` with a ``rules`` entry per rule that fired (its
help link and category), one ``result`` per issue with a region in 1-based
lines and columns (SARIF's default column unit is UTF-16 code units; we
declare ``columnKind: unicodeCodePoints`` because our columns count code points)
and replacements as SARIF ``fixes``.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TextIO

import lint
from lint.runner import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return PurePath(path).as_posix() if path != "-" else "stdin"


def write(result: RunResult, out: TextIO, color: bool = False) -> None:
    rules: dict[str, int] = {}
    descriptors: list[dict] = []
    results: list[dict] = []
    for i in result.issues:
        if i.rule not in rules:
            rules[i.rule] = len(descriptors)
            descriptor: dict = {
                "id": i.rule,
                "properties": {"category": i.category, "source": i.source},
            }
            if i.link:
                descriptor["helpUri"] = i.link
            descriptors.append(descriptor)
        region = {
            "startLine": i.line,
            "startColumn": i.column,
            "endLine": i.end_line,
            "endColumn": i.end_column,
            "charOffset": i.offset,
            "charLength": i.length,
        }
        location = {
            "physicalLocation": {"artifactLocation": {"uri": _uri(i.path)}, "region": region}
        }
        entry: dict = {
            "ruleId": i.rule,
            "ruleIndex": rules[i.rule],
            "level": LEVELS[i.severity],
            "message": {"text": i.message},
            "locations": [location],
        }
        if i.replacements:
            entry["fixes"] = [
                {
                    "description": {"text": f"Replace with '{r}'"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(i.path)},
                            "replacements": [
                                {"deletedRegion": region, "insertedContent": {"text": r}}
                            ],
                        }
                    ],
                }
                for r in i.replacements[:3]
            ]
        results.append(entry)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factlint",
                        "version": lint.__version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
