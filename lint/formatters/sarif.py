"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards.

One run, one ``tool.driver`` with a ``rules`` entry for every rule the run's
configurations enable (short and full description, help link, default level), and
for each LanguageTool rule that fired; one ``result`` per issue with a region in
1-based lines and columns (SARIF's default column unit is UTF-16 code units; we
declare ``columnKind: unicodeCodePoints`` because our columns count code points) and,
where the fix is safe to apply unseen, that fix as SARIF ``fixes``. File names are
percent-encoded URI references (RFC 3986), valid whatever bytes the name holds.
"""

from __future__ import annotations

import json
from typing import TextIO

import lint
from lint.printable import json_safe, uri_reference, valid_utf8
from lint.runner import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return uri_reference(path) if path != "-" else "stdin"


def _text(value: str) -> dict:
    return {"text": valid_utf8(value)}


def _descriptor(rule, severity: str) -> dict:
    """A reportingDescriptor for a pack rule."""
    summary = rule.summary or _first_line(rule.doc) or rule.id
    descriptor: dict = {
        "id": rule.id,
        "shortDescription": _text(summary),
        "fullDescription": _text(" ".join(rule.doc.split()) if rule.doc else summary),
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"category": rule.category, "source": "factlint", "fix": bool(rule.fix)},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _first_line(doc: str) -> str:
    return doc.strip().split("\n\n", 1)[0].replace("\n", " ").strip() if doc else ""


def write(result: RunResult, out: TextIO, color: bool = False) -> None:
    rules: dict[str, int] = {}
    descriptors: list[dict] = []
    for rule, severity in result.rule_catalog() if result.rule_catalog else ():
        if rule.id not in rules:
            rules[rule.id] = len(descriptors)
            descriptors.append(_descriptor(rule, severity))
    results: list[dict] = []
    for file in result.files:
        for i in file.issues:
            if i.rule not in rules:  # LanguageTool's, or a rule the catalogue lacks
                rules[i.rule] = len(descriptors)
                descriptor: dict = {
                    "id": i.rule,
                    "shortDescription": _text(f"{i.source} {i.category} rule {i.rule}"),
                    "defaultConfiguration": {"level": LEVELS[i.severity]},
                    "properties": {"category": i.category, "source": i.source},
                }
                if i.link:
                    descriptor["helpUri"] = i.link
                descriptors.append(descriptor)
            results.append(_result(i, rules[i.rule], file.source))
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
    out.write(json_safe(json.dumps(log, ensure_ascii=False, indent=2)) + "\n")


def _result(i, index: int, source: str | None) -> dict:
    region = {
        "startLine": i.line,
        "startColumn": i.column,
        "endLine": i.end_line,
        "endColumn": i.end_column,
        "charOffset": i.offset,
        "charLength": i.length,
    }
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(i.path)}, "region": region}}
    entry: dict = {
        "ruleId": i.rule,
        "ruleIndex": index,
        "level": LEVELS[i.severity],
        "message": _text(i.message),
        "locations": [location],
    }
    if i.fixable and i.replacements:  # only what --fix would apply
        new = i.replacements[0]
        old = (source or "")[i.offset : i.offset + i.length]
        what = f"Replace with '{new}'" if new else f"Delete '{' '.join(old.split())}'"
        entry["fixes"] = [
            {
                "description": _text(what),
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(i.path)},
                        "replacements": [{"deletedRegion": region, "insertedContent": _text(new)}],
                    }
                ],
            }
        ]
    return entry
