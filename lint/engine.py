"""The engine: rules + documents → issues.

It runs every enabled check on each document (spaCy parses the documents in
one batch first, with only the pipes the checks need), asks LanguageTool,
merges and deduplicates findings, applies inline suppressions and severity
settings, and converts plain-text offsets to source lines and columns, once,
at the end.
"""

from __future__ import annotations

import dataclasses
import itertools
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from lint import diskcache, regex_budget
from lint import nlp as nlp_mod
from lint.cache import LRU
from lint.checks import Context, RegexTimeout
from lint.config import Config
from lint.document import Document, quotes
from lint.findings import Finding, Issue
from lint.languagetool import categories, speller, variety
from lint.names import unknown as unknown_names
from lint.packs import PackError, Rule, load_pack, resolve
from lint.packs.loader import is_shipped_pack
from lint.packs.model import Pack
from lint.packs.options import Option
from lint.suppress import Suppressions

_TOKENS = itertools.count(1)
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
    sources: list[Path] = field(default_factory=list)  # files it was built from
    token: int = field(default_factory=lambda: next(_TOKENS))  # names it in cache keys

    @cached_property
    def local(self) -> list[Rule]:
        return [r for r in self.rules if r.check.scope == "paragraph"]

    @cached_property
    def whole(self) -> list[Rule]:
        return [r for r in self.rules if r.check.scope != "paragraph"]

    @cached_property
    def whole_parse(self) -> bool:
        return any(r.check.whole_parse for r in self.whole)

    @cached_property
    def outside(self) -> dict[str, tuple[str, ...]]:
        """Where each rule does not report (its ``outside:``)."""
        return {r.id: r.outside for r in self.rules}

    @cached_property
    def order(self) -> dict[str, int]:
        return {r.id: i for i, r in enumerate(self.rules)}

    @classmethod
    def build(cls, config: Config) -> RuleSet:
        packs = [load_pack(resolve(spec, config.root)) for spec in config.packs]
        rules: list[Rule] = []
        for pack in packs:
            rules.extend(r for r in pack.rules if config.rule_enabled(r.id) and config.speaks(r))
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
            sources=_sources(packs),
        )


def _sources(packs: list[Pack]) -> list[Path]:
    """The pack files and the data files their rules name (``data:``, relative to the pack)."""
    files = []
    for pack in packs:
        if not pack.path:
            continue
        base = Path(pack.path)
        files.append(base)
        for rule in pack.rules:
            data = rule.options.get("data")
            if isinstance(data, list):
                files.extend((base.parent / str(spec)).resolve() for spec in data)
    return files


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
CACHE_SIZE = 8192
"""Paragraph results kept between runs (findings, extractions): a few hundred drafts'
worth, a few MB."""
PARSE_CACHE_SIZE = 1024
"""spaCy parses kept (~40 kB a paragraph): an open 5,000-word draft many times over."""


class Engine:
    """Lints documents; keeps what is worth keeping between runs.

    Rule sets are kept per configuration (rebuilt when a pack file changes);
    paragraph results are kept in an LRU keyed by paragraph text, so a re-check
    after an edit parses and checks only the paragraphs that changed, and the
    whole-document checks compare cached per-paragraph extractions.
    """

    def __init__(
        self,
        languagetool: LanguageToolFactory | None = None,
        cache_size: int = CACHE_SIZE,
        disk: bool = False,
    ) -> None:
        """``disk``: keep results in the on-disk cache (lint.diskcache) too, unless the
        configuration says ``cache: False``; only for the real LanguageTool factory."""
        self.languagetool = languagetool
        self.disk = disk
        self.cache = LRU(cache_size)
        self.parses = LRU(min(cache_size, PARSE_CACHE_SIZE))
        self._rulesets: dict[tuple, tuple[tuple, RuleSet]] = {}
        self._pool: ThreadPoolExecutor | None = None

    def ruleset(self, config: Config) -> RuleSet:
        key = _config_key(config)
        cached = self._rulesets.get(key)
        if cached is not None and cached[0] == _stamp(cached[1].sources):
            return cached[1]
        ruleset = RuleSet.build(config)
        self._rulesets[key] = (_stamp(ruleset.sources), ruleset)
        return ruleset

    def lint(self, items: list[tuple[str, Document]], config: Config) -> list[LintResult]:
        """Lint documents that share one configuration; results in the same order.

        A document whose result is in the on-disk cache is answered from it."""
        store = self.store(config)
        if store is None:
            return self._lint(items, config)
        keys = self._disk_keys(items, config)
        results = [_decode(store.get(key)) for key in keys]
        todo = [i for i, r in enumerate(results) if r is None]
        if todo:
            fresh = self._lint([items[i] for i in todo], config)
            for i, result in zip(todo, fresh, strict=True):
                results[i] = result
                if not result.errors:  # a failed rule is tried again next time
                    store.put(keys[i], _encode(result))
        if store.broken and results:
            results[0].notes.append(store.broken)  # the runner says each note once
        return results  # type: ignore[return-value]

    def recall(self, items: list[tuple[str, Document]], config: Config) -> list[LintResult | None]:
        """The results the on-disk cache holds for these documents (None: not there), so
        a caller can send only the others to worker processes."""
        store = self.store(config)
        if store is None:
            return [None] * len(items)
        return [_decode(store.get(key)) for key in self._disk_keys(items, config)]

    def store(self, config: Config) -> diskcache.DiskCache | None:
        """The on-disk cache for this configuration (``broken`` says why it is off), or
        None when it is not used."""
        if not self.disk or not getattr(config, "cache", True) or diskcache.disabled_by_env():
            return None
        return diskcache.open_cache(getattr(config, "cache_dir", None))

    def _disk_keys(self, items: list[tuple[str, Document]], config: Config) -> list[str]:
        """Everything that decides each document's result (lint.diskcache); what the
        configuration contributes is worked out once for all of them."""
        settings = None
        if self.languagetool is not None and config.languagetool_enabled:
            backend = self.languagetool(config)
            settings = getattr(getattr(backend, "settings", None), "key", lambda: None)()
        shared = (diskcache.code_fingerprint(), _config_digest(config), settings)
        return [
            diskcache.digest(*shared, path, doc.kind, doc.source, doc.pubdate)
            for path, doc in items
        ]

    def _lint(self, items: list[tuple[str, Document]], config: Config) -> list[LintResult]:
        """Lint documents that share one configuration; results in the same order.

        LanguageTool's requests go out first and run while spaCy and the rules
        work, so a run costs about the slower of the two, not their sum.
        """
        ruleset = self.ruleset(config)
        docs = [doc for _, doc in items]
        results = [LintResult() for _ in items]
        pending, spell_names = self._start_languagetool(config, ruleset, docs, results)
        names_apart = pending is not None and not spell_names
        needs = ruleset.needs | unknown_names.NEEDS if names_apart else ruleset.needs
        contexts = self._contexts(docs, config, ruleset, needs)
        per_doc = [
            self._check(ctx, path, ruleset, result)
            for (path, _), ctx, result in zip(items, contexts, results, strict=True)
        ]
        for ctx, result in zip(contexts, results, strict=True):
            result.notes.extend(n for n in ctx.notes if n not in result.notes)
        lt_findings = pending.result() if pending is not None else None
        for i, (offset, why) in getattr(lt_findings, "failed", {}).items():  # the rest was
            line = docs[i].lines.position(docs[i].source_span(offset, 0)[0])[0]  # checked
            results[i].errors.append(f"{items[i][0]}:{line}: not grammar-checked: {why}")
        for i, ((path, doc), result) in enumerate(zip(items, results, strict=True)):
            lt = (
                [categories.compound_in_draft(f, doc.text) for f in lt_findings[i]]
                if lt_findings
                else []
            )
            if names_apart:
                parsed = [(start, part.nlp) for start, part in contexts[i].parts]
                lt = unknown_names.drop_unknown_names(lt, doc.text, parsed, contexts[i].extra)
            if not spell_names:  # `spell_names: true` reports every speller match
                lt = speller.drop_doubtful(lt, doc.text)
            lt = variety.collapse(lt, doc.text)
            merged, gapped = outside(merge(per_doc[i], lt), doc, ruleset)
            if gapped:
                result.notes.append(GAPPED_NOTE.format(path=path))
            result.issues = to_issues(path, doc, merged, ruleset, config)
        return results

    def _contexts(
        self, docs: list[Document], config: Config, ruleset: RuleSet, needs: frozenset[str]
    ) -> list[Context]:
        """A Context per document, with one per paragraph; spaCy parses the paragraphs
        it has not seen (one batch for all documents), with the pipes ``needs`` calls
        for, and joins them per document."""
        spans = [doc.chunks() for doc in docs]
        chunk_docs: list = []
        if needs:
            texts = [
                doc.text[a:b]
                for doc, doc_spans in zip(docs, spans, strict=True)
                for a, b in doc_spans
            ]
            chunk_docs = nlp_mod.parse_paragraphs(texts, config.spacy_model, needs, self.parses)
        parsed = iter(chunk_docs)
        contexts = []
        for doc, doc_spans in zip(docs, spans, strict=True):
            pubdate = doc.pubdate or config.pubdate
            key = (pubdate, config.language, config.spacy_model, needs)
            nlps = [next(parsed) for _ in doc_spans] if needs else [None] * len(doc_spans)
            common = {
                "accepted": ruleset.accepted,
                "pubdate": pubdate,
                "language": config.language,
                "cache": self.cache,
                "cache_key": key,
            }
            parts = [
                (a, Context(doc.part(a, b), nlp, **common))
                for (a, b), nlp in zip(doc_spans, nlps, strict=True)
            ]
            whole = nlp_mod.join(nlps) if needs and ruleset.whole_parse else None
            contexts.append(Context(doc, whole, parts=parts, **common))
        return contexts

    def _check(self, ctx: Context, path: str, ruleset: RuleSet, result: LintResult):
        """Paragraph-scoped rules run per paragraph (cached by its text); the others
        see the whole document. Findings come back in rule order, as merge expects."""
        findings: list[Finding] = []
        failed: set[str] = set()
        for start, part in ctx.parts:
            key = ("findings", ruleset.token, part.text, *ctx.cache_key)
            cached = self.cache.get(key, None)
            if cached is None:
                found: list[Finding] = []
                for rule in ruleset.local:
                    check = rule.check
                    if rule.id not in failed and part.contains(check.gate, check.gate_folded):
                        rule_findings = self._run_rule(rule, part, path, result)
                        if rule_findings is None:
                            failed.add(rule.id)  # one error per rule and document
                        else:
                            found.extend(rule_findings)
                cached = (found, tuple(part.notes))
                if not failed:
                    self.cache.put(key, cached)
            found, notes = cached
            findings.extend(replace(f, offset=f.offset + start) if start else f for f in found)
            ctx.notes.extend(n for n in notes if n not in ctx.notes)
        for rule in ruleset.whole:
            findings.extend(self._run_rule(rule, ctx, path, result) or [])
        order = ruleset.order
        findings.sort(key=lambda f: order.get(f.rule or "", 0))
        return findings

    def _run_rule(
        self, rule: Rule, ctx: Context, path: str, result: LintResult
    ) -> list[Finding] | None:
        """The rule's findings, or None (and one error line) when it failed."""
        try:
            with regex_budget.charged(rule.id, result, len(ctx.doc.text)):
                return [_with_rule(f, rule) for f in rule.check.run(ctx)]
        except regex_budget.Spent as exc:  # a slow regex: stopped for this document
            result.notes.append(f"{path}: {exc}")
        except RegexTimeout as exc:
            result.errors.append(f"{path}: {exc}")
        except Exception as exc:  # a broken check must not take the run down
            where = traceback.extract_tb(exc.__traceback__)[-1]
            result.errors.append(
                f"{path}: rule {rule.id} failed: {type(exc).__name__}: {exc} "
                f"({where.filename}:{where.lineno})"
            )
        return None

    def _start_languagetool(
        self, config: Config, ruleset: RuleSet, docs: list[Document], results: list[LintResult]
    ) -> tuple[Future | None, bool]:
        """Send the texts to LanguageTool in the background: the pending findings (None
        when it is not used) and whether its speller's matches on names are wanted."""
        if self.languagetool is None or not config.languagetool_enabled:
            if self.languagetool is not None or config.languagetool.get("enabled") is False:
                for r in results:
                    r.notes.append("LanguageTool was skipped (grammar and spelling not checked)")
            return None, False
        config = config.replace(
            accept=sorted(ruleset.accepted), languagetool=_without_owned(config, ruleset)
        )
        backend = self.languagetool(config)  # raises LanguageToolError: the caller exits 2
        if backend is None:
            return None, False
        if hasattr(backend, "disk"):  # its answers per paragraph are kept on disk too
            backend.disk = self.store(config)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="factlint-languagetool")
        texts = [d.text for d in docs]

        def check() -> list[list[Finding]]:
            findings = backend.check_many(texts)  # raises LanguageToolError
            findings[:] = [[f for f in found if config.rule_enabled(f.rule)] for found in findings]
            return findings  # in place: its .failed (texts not checked) is kept

        settings = getattr(backend, "settings", None)
        return self._pool.submit(check), bool(getattr(settings, "spell_names", False))


def _without_owned(config: Config, ruleset: RuleSet) -> dict:
    """The ``languagetool:`` section with LanguageTool's rules switched off where an enabled
    factlint rule says the same thing (categories.OWNED_BY), unless the user enabled them."""
    section = dict(config.languagetool)
    key = next((k for k in ("disabled_rules", "disabled-rules") if k in section), "disabled_rules")
    enabled = {*section.get("enabled_rules", ()), *section.get("enabled-rules", ())}
    off = [r for r in categories.owned(ruleset.severities.__contains__) if r not in enabled]
    if off:
        mine = section.get(key) or []
        section[key] = [*([mine] if isinstance(mine, str) else mine), *off]
    return section


def _config_key(config: Config) -> tuple:
    """What of a configuration decides its rule set."""
    return (
        str(config.root),
        tuple(config.packs),
        tuple(config.select),
        tuple(config.ignore),
        tuple(sorted(config.severity.items())),
        tuple(config.accept),
        tuple(sorted(config.reject.items())),
    )


def _config_digest(config: Config) -> str:
    """A configuration and the contents of the packs it names that are not shipped (the
    shipped ones are in diskcache.code_fingerprint), with the data files they read."""
    fields = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}
    fields.pop("written", None)  # where settings were written, not what they say
    files = []
    for spec in config.packs:
        if is_shipped_pack(spec):
            continue
        try:
            files.extend(_sources([load_pack(resolve(spec, config.root))]))
        except PackError:
            files.append(Path(spec))  # the run reports it; the key only has to differ
    return diskcache.digest(fields, [(str(f), diskcache.file_digest(f)) for f in files])


def _encode(result: LintResult) -> dict:
    return {
        "issues": [
            {
                **{f.name: getattr(i, f.name) for f in dataclasses.fields(i)},
                "replacements": list(i.replacements),
            }
            for i in result.issues
        ],
        "notes": list(result.notes),
    }


def _decode(value: object) -> LintResult | None:
    """A cached result, or None for a miss or an entry of another shape."""
    if not isinstance(value, dict):
        return None
    try:
        issues = [Issue(**{**i, "replacements": tuple(i["replacements"])}) for i in value["issues"]]
        return LintResult(issues=issues, notes=list(value["notes"]))
    except (KeyError, TypeError):
        return None


def _stamp(paths: list[Path]) -> tuple:
    """Size and modification time of the files a rule set was built from."""
    stamps = []
    for path in paths:
        try:
            st = path.stat()
            stamps.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


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


GAPPED_NOTE = (
    '{path}: the text has gaps where values were removed ("an area of , Algeria"): '
    "spacing before punctuation is not checked in it"
)


def outside(findings: list[Finding], doc: Document, ruleset: RuleSet) -> tuple[list[Finding], int]:
    """Drop what a rule says where it does not report (``outside:``): inside a direct
    quotation (style rules, and LanguageTool's style and colloquial-grammar advice: what
    someone said is not reworded), and in a text with gaps left by removed values. The
    findings kept, and how many were dropped for gaps (the engine notes it once)."""
    kept: list[Finding] = []
    gapped = 0
    for f in findings:
        rule = f.rule or ""
        where = ruleset.outside.get(rule)
        if where is None:  # LanguageTool's
            where = categories.outside(rule, f.category)
        if "gaps" in where and doc.gapped:
            gapped += 1
            continue
        quoted = "quotations" in where and quotes.inside(
            doc.quotations, f.offset, f.offset + f.length
        )
        if not quoted:
            kept.append(f)
    return kept, gapped


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
                source="languagetool" if rule.startswith(categories.RULE_PREFIX) else "factlint",
                link=f.link,
                fixable=f.fixable,
                extra={"plain_offset": f.offset, "plain_length": f.length},
            )
        )
    issues.sort(key=lambda i: (i.line, i.column, i.rule))
    return issues


__all__ = ["Engine", "LintResult", "Option", "PackError", "RuleSet", "merge", "to_issues"]
