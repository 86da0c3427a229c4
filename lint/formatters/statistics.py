"""``--statistics``: how many issues each rule (or, ``--statistics=files``, each file)
raised, most first, in the manner of Ruff's ``--statistics``, so a desk sees where an
archive's problems are before reading them one by one.

Text is one row per rule: count, rule id, ``[*]`` when every issue of it can be fixed
with ``--fix``, the worst severity; JSON is a list of the same rows as objects.
"""

from __future__ import annotations

import json
from typing import TextIO

from lint.findings import Issue, severity_rank
from lint.runner import RunResult

BY = ("rules", "files")


def rows(result: RunResult, by: str = "rules") -> list[dict]:
    """One row per rule (or file): the count, most first, then by name."""
    key = (lambda i: i.rule) if by == "rules" else (lambda i: i.path)
    groups: dict[str, list[Issue]] = {}
    for issue in result.issues:
        groups.setdefault(key(issue), []).append(issue)
    out = []
    for name, issues in groups.items():
        worst = max((i.severity for i in issues), key=severity_rank)
        fixable = sum(1 for i in issues if i.fixable)
        row = {"rule" if by == "rules" else "path": name, "count": len(issues)}
        row |= {"fixable": fixable, "severity": worst}
        if by == "files":
            row["rules"] = len({i.rule for i in issues})
        out.append(row)
    return sorted(out, key=lambda r: (-r["count"], r.get("rule") or r.get("path")))


def write(result: RunResult, out: TextIO, by: str = "rules", fmt: str = "text") -> None:
    table = rows(result, by)
    if fmt == "json":
        out.write(json.dumps(table, indent=2, ensure_ascii=False) + "\n")
        return
    if not table:
        files = len(result.files)
        out.write(f"No issues in {files} file{'' if files == 1 else 's'}.\n")
        return
    name = "rule" if by == "rules" else "path"
    width = max(len(str(r["count"])) for r in table)
    label = max(len(r[name]) for r in table)
    for r in table:
        mark = "[*]" if r["fixable"] == r["count"] else "[-]" if r["fixable"] else "   "
        extra = f"  {r['rules']} rule{'s' if r['rules'] != 1 else ''}" if by == "files" else ""
        out.write(f"{r['count']:>{width}}  {r[name]:<{label}}  {mark}  {r['severity']}{extra}\n")
    total = sum(r["count"] for r in table)
    fixable = sum(r["fixable"] for r in table)
    tail = f" ({fixable} fixable with --fix: [*] all of a row, [-] some)" if fixable else ""
    out.write(f"Found {total} issue{'s' if total != 1 else ''}{tail}.\n")
