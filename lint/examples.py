"""Running a pack's examples: every bad sentence must be flagged, every good one left alone.

The examples are a rule's tests (like the ``<example>`` elements of
LanguageTool's grammar rules). ``factlint test-packs`` and the test suite run
them through the same engine a draft goes through, with only the rule under
test enabled, so an example passes or fails exactly as a draft would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lint.autofix import edits_for
from lint.config import Config
from lint.engine import Engine
from lint.fixes import apply
from lint.packs.model import Example, Pack, Rule
from lint.runner import lint_source


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    example: Example
    side: str  # "bad" or "good"
    problem: str | None  # None when the example behaves as declared

    @property
    def ok(self) -> bool:
        return self.problem is None

    def describe(self) -> str:
        where = self.example.mark or self.rule.mark
        return f"{where}: {self.rule.id}: {self.side} example {self.problem}: {self.example.text!r}"


def run_pack(
    pack: Pack, base: Config | None = None, engine: Engine | None = None
) -> list[ExampleResult]:
    """Run every example of every rule in ``pack``."""
    engine = engine or Engine()
    base = base or Config()
    results = []
    for rule in pack.rules:
        results.extend(run_rule(rule, pack, base, engine))
    return results


def run_rule(rule: Rule, pack: Pack, base: Config, engine: Engine) -> list[ExampleResult]:
    """Run one rule's examples; a rule with no bad or no good example fails too."""
    config = base.replace(packs=[pack.path], select=[rule.id], ignore=[], severity={})
    config.languagetool = {"enabled": False}
    lint = _linter(engine, config)
    results = []
    for side, examples in (("bad", rule.bad), ("good", rule.good)):
        if not examples:
            results.append(
                ExampleResult(
                    rule, Example(""), side, f"missing (every rule needs {side} examples)"
                )
            )
        for ex in examples:
            results.append(ExampleResult(rule, ex, side, _verdict(side, ex, rule, lint)))
    return results


def _linter(engine: Engine, config: Config) -> Callable:
    def lint(ex: Example):
        return lint_source("<example>", ex.text, "text", config, engine, ex.pubdate)

    return lint


def _verdict(side: str, ex: Example, rule: Rule, lint: Callable) -> str | None:
    file, errors, _ = lint(ex)
    if errors:
        return "crashed: " + "; ".join(errors)
    own = [i for i in file.issues if i.rule == rule.id]
    if side == "good":
        if own:
            return "was flagged: " + "; ".join(f"col {i.column}: {i.message}" for i in own)
        return None
    if not own:
        return "was not flagged"
    if ex.fixed is not None:
        file.issues = own  # the fixes of this rule, chosen and applied as --fix would
        got = apply(ex.text, edits_for(file))
        if got != ex.fixed:
            return f"fixed to {got!r}, expected {ex.fixed!r}"
    return None
