"""The engine: rules + documents → issues.

It runs every enabled check on each document (spaCy parses the documents in
one batch first, with only the pipes the checks need), asks LanguageTool,
merges and deduplicates findings, applies inline suppressions and severity
settings, and converts plain-text offsets to source lines and columns, once,
at the end.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lint import nlp as nlp_mod
from lint.checks import Context, RegexTimeout
from lint.config import Config
from lint.document import Document
from lint.findings import Finding, Issue
from lint.packs import PackError, Rule, load_pack, resolve
from lint.packs.model import Pack
from lint.packs.options import Option
from lint.suppress import Suppressions

LT_PREFIX = "languagetool."
NEARBY = {"dates": 40}
"""Categories where a LanguageTool finding this close (in characters) to one of ours is the
same issue seen from another end: "Monday, April 27, 2025" is flagged by the dates pack at
the weekday and by LanguageTool at the year."""


@dataclass
class RuleSet:
    """The rules one configuration enables, compiled, with their effective severities."""

    rules: list[Rule]
    severities: dict[str, str]
    packs: list[Pack]
    accepted: frozenset[str]
    needs: frozenset[str]

    @classmethod
    def build(cls, config: Config) -> RuleSet:
        packs = [load_pack(resolve(spec, config.root)) for spec in config.packs]
        rules: list[Rule] = []
        for pack in packs:
            rules.extend(r for r in pack.rules if config.rule_enabled(r.id))
        if config.reject and config.rule_enabled("vocabulary.rejected"):
            rules.append(_vocabulary_rule(config))
        needs = frozenset().union(*(r.check.needs for r in rules)) if rules else frozenset()
        accepted = {w.lower() for w in config.accept}
        for r in rules:
            accepted.update(w.lower() for w in r.check.accepted_words())
        return cls(
            rules=rules,
            severities={r.id: config.severity_for(r.id, r.severity) for r in rules},
            packs=packs,
            accepted=frozenset(accepted),
            needs=needs,
        )


def _vocabulary_rule(config: Config) -> Rule:
    from lint.checks.vocabulary import Vocabulary
    from lint.packs.loader import compile_rule

    options = {k: o.default for k, o in Vocabulary.options.items()} | {"reject": config.reject}
    rule = Rule(
        id="vocabulary.rejected",
        kind="vocabulary",
        severity="warning",
        category="style",
        message="",
        options=options,
        pack="vocabulary",
        summary="Words the configuration's vocabulary rejects.",
    )
    rule.check = compile_rule(rule)
    return rule


@dataclass
class LintResult:
    """What linting one document produced."""

    issues: list[Issue] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: a rule that failed
    notes: list[str] = field(default_factory=list)  # e.g. "LanguageTool skipped"


LanguageToolFactory = Callable[[Config], object | None]


class Engine:
    """Lints documents; holds what is worth keeping between runs (rule sets, backends)."""

    def __init__(self, languagetool: LanguageToolFactory | None = None) -> None:
        self.languagetool = languagetool
        self._rulesets: dict[int, tuple[Config, RuleSet]] = {}

    def ruleset(self, config: Config) -> RuleSet:
        key = id(config)
        if key not in self._rulesets or self._rulesets[key][0] is not config:
            self._rulesets[key] = (config, RuleSet.build(config))
        return self._rulesets[key][1]

    def lint(self, items: list[tuple[str, Document]], config: Config) -> list[LintResult]:
        """Lint documents that share one configuration; results in the same order."""
        ruleset = self.ruleset(config)
        docs = [doc for _, doc in items]
        results = [LintResult() for _ in items]
        if ruleset.needs:
            parsed = nlp_mod.parse_all([d.text for d in docs], config.spacy_model, ruleset.needs)
        else:
            parsed = iter([None] * len(docs))
        per_doc: list[list[Finding]] = []
        for (path, doc), spacy_doc, result in zip(items, parsed, results, strict=True):
            ctx = Context(
                doc,
                spacy_doc,
                ruleset.accepted,
                pubdate=doc.pubdate or config.pubdate,
                language=config.language,
            )
            findings = []
            for rule in ruleset.rules:
                findings.extend(self._run_rule(rule, ctx, path, result))
            result.notes.extend(n for n in ctx.notes if n not in result.notes)
            per_doc.append(findings)
        lt_findings = self._languagetool(
            config.replace(accept=sorted(ruleset.accepted)), docs, results
        )
        for i, ((path, doc), result) in enumerate(zip(items, results, strict=True)):
            merged = merge(per_doc[i], lt_findings[i] if lt_findings else [])
            result.issues = to_issues(path, doc, merged, ruleset, config)
        return results

    def _run_rule(self, rule: Rule, ctx: Context, path: str, result: LintResult) -> list[Finding]:
        try:
            return [_with_rule(f, rule) for f in rule.check.run(ctx)]
        except RegexTimeout as exc:
            result.errors.append(f"{path}: {exc}")
        except Exception as exc:  # a broken check must not take the run down
            where = traceback.extract_tb(exc.__traceback__)[-1]
            result.errors.append(
                f"{path}: rule {rule.id} failed: {type(exc).__name__}: {exc} "
                f"({where.filename}:{where.lineno})"
            )
        return []

    def _languagetool(self, config: Config, docs: list[Document], results: list[LintResult]):
        if self.languagetool is None or not config.languagetool_enabled:
            if self.languagetool is not None or config.languagetool.get("enabled") is False:
                for r in results:
                    r.notes.append("LanguageTool was skipped (grammar and spelling not checked)")
            return None
        backend = self.languagetool(config)
        if backend is None:
            return None
        texts = [d.text for d in docs]
        findings = backend.check_many(texts)  # raises LanguageToolError: the caller exits 2
        return [
            [f for f in doc_findings if config.rule_enabled(f.rule)] for doc_findings in findings
        ]


def _with_rule(f: Finding, rule: Rule) -> Finding:
    return replace(
        f,
        rule=rule.id,
        category=f.category or rule.category,
        severity=f.severity or rule.severity,
        link=f.link or rule.link,
    )


def merge(own: list[Finding], languagetool: list[Finding]) -> list[Finding]:
    """One finding per span and category; factlint's rule wins over LanguageTool's on the same span.

    "The same span" means the two overlap by more than half of the shorter one:
    "recieve" flagged by the typos pack and by LanguageTool's speller is one
    issue, reported by the pack (which carries a safe fix). In the categories of
    NEARBY, a LanguageTool finding close to one of ours of the same category is
    dropped too.
    """
    seen: set[tuple[int, int, str]] = set()
    result: list[Finding] = []
    for f in own:  # two rules of one category on one span say one thing: the first speaks
        key = (f.offset, f.length, f.category or f.rule or "")
        if key not in seen:
            seen.add(key)
            result.append(f)
    spans = sorted((f.offset, f.offset + f.length, f.category) for f in result)
    for f in languagetool:
        reach = NEARBY.get(f.category or "", 0)
        if not any(
            _same_span(f.offset, f.offset + f.length, s, e)
            or (category == f.category and f.offset - reach < e and s < f.offset + f.length + reach)
            for s, e, category in spans
        ):
            result.append(f)
    return result


def _same_span(a0: int, a1: int, b0: int, b1: int) -> bool:
    overlap = min(a1, b1) - max(a0, b0)
    shorter = max(min(a1 - a0, b1 - b0), 1)
    return overlap > shorter / 2 or (a0 == b0 and a1 == b1)


def to_issues(
    path: str, doc: Document, findings: list[Finding], ruleset: RuleSet, config: Config
) -> list[Issue]:
    """Place findings in the source, apply suppressions and severities, sort."""
    suppressions = Suppressions(doc) if doc.directives else None
    issues = []
    for f in findings:
        start, end = doc.source_span(f.offset, f.length)
        line, column = doc.lines.position(start)
        rule = f.rule or "unknown.rule"
        if suppressions and suppressions.silenced(rule, start, line):
            continue
        end_line, end_column = doc.lines.position(end)
        default = ruleset.severities.get(rule) or f.severity or "warning"
        severity = config.severity_for(rule, default)
        issues.append(
            Issue(
                path=path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                offset=start,
                length=end - start,
                rule=rule,
                category=f.category or "style",
                severity=severity,
                message=f.message,
                replacements=f.replacements,
                source="languagetool" if rule.startswith(LT_PREFIX) else "factlint",
                link=f.link,
                fixable=f.fixable,
                extra={"plain_offset": f.offset, "plain_length": f.length},
            )
        )
    issues.sort(key=lambda i: (i.line, i.column, i.rule))
    return issues


__all__ = ["Engine", "LintResult", "Option", "PackError", "RuleSet", "merge", "to_issues"]
