"""The hover on a diagnostic: what the rule says, why, the fix, and where it is documented.

Written from the rule itself (its pack's ``summary`` and ``doc``, the
replacements of this finding, its ``link``), as Markdown, in the manner of
``factlint explain`` and Ruff's rule pages.
"""

from __future__ import annotations

import textwrap

from lint.findings import Issue
from lint.packs.model import Rule

LANGUAGETOOL_RULE = "https://community.languagetool.org/rule/show/{id}?lang=en"


def markdown(issue: Issue, rule: Rule | None, original: str) -> str:
    """One diagnostic's hover text."""
    out = [f"**{issue.rule}** · {issue.severity} · {issue.category}", "", issue.message]
    summary = rule.summary.strip() if rule and rule.summary else ""
    if summary and summary != issue.message.strip():
        out += ["", summary]
    if rule and rule.doc:
        out += ["", "**Why.** " + " ".join(textwrap.dedent(rule.doc).split())]
    out += ["", "**Fix.** " + _fix(issue, rule, original)]
    link = (rule.link if rule and rule.link else None) or issue.link or _languagetool_link(issue)
    if link:
        out += ["", f"[Documentation of {issue.rule}]({link})"]
    return "\n".join(out)


def _fix(issue: Issue, rule: Rule | None, original: str) -> str:
    if not issue.replacements:
        return (
            "none automatic: reword it, or silence the rule on this line "
            f"(`factlint-disable-line {issue.rule}`)."
        )
    shown = ", ".join(f"'{r}'" if r else "delete it" for r in issue.replacements[:5])
    what = f"'{original}' → {shown}" if original else shown
    note = (
        " (a safe fix: `factlint check --fix` and *Fix all* apply it)"
        if issue.fixable
        else " (to be chosen by you: `--fix` leaves it)"
    )
    return what + note


def _languagetool_link(issue: Issue) -> str | None:
    if issue.rule.startswith("languagetool."):
        return LANGUAGETOOL_RULE.format(id=issue.rule.split(".", 1)[1])
    return None
