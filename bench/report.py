"""The report: machine and versions, the texts, the table, issue 7's targets, notes.

Everything a later reader of ``RESULTS.md`` needs to judge a figure is written
next to it: what was measured, how often, on what, and what was not measured
and why.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import time
from dataclasses import dataclass, field

from bench import machine
from bench.bench_languagetool import Curve
from bench.factlint_rows import DEFAULT, RULES_ONLY, FactlintResult
from bench.isolation import LanguageTool
from bench.lsp_incremental import LspResult
from bench.peers import LT_ALONE, SPACY_ALONE
from bench.table import Fig, Row, Target, render_table
from bench.texts import Texts

WARM_TARGET = 0.5  # seconds, a ~1,000-word draft through the CLI
BATCH_TARGET = 0.9  # × min(LanguageTool alone, spaCy alone) words/s
INCREMENTAL_TARGET = 0.2  # seconds, one edited paragraph in the language server
MEMORY_TARGET = 500  # MB, Python side, the ~5,000-word draft
WARM_RATIO_TARGET = 0.8  # × LanguageTool alone's warm single draft (issue 22)
BATCH_RATIO_TARGET = 1.2  # × min(LanguageTool alone, spaCy alone) words/s (issue 22)


@dataclass
class Results:
    texts: Texts
    rows: list[Row]
    default: FactlintResult
    rules_only: FactlintResult | None
    lsp: dict[str, LspResult]
    languagetool: LanguageTool
    missing: list[str]
    versions: list[str]
    load_before: tuple[float, float, float]
    began: float  # time.monotonic() when the bench started
    suggestions: str = "factlint"  # spelling_suggestions of factlint's LanguageTool server
    warmed: str = ""  # how LanguageTool alone's server was warmed, for the notes
    curves: list[Curve] = field(default_factory=list)
    ratios: bool = False  # `--ratios`: issue 22's rows only (no rule-only row, no LSP)

    def row(self, name: str) -> Row:
        return next(r for r in self.rows if r.name == name)


# -- issue 7's targets ---------------------------------------------------------------------


def targets(r: Results) -> list[Target]:
    return [
        _warm_target(r),
        _batch_target(r),
        _incremental_target(r),
        _memory_target(r),
        _versus_proselint(r),
    ]


def ratio_targets(r: Results) -> list[Target]:
    """Issue 22: ratios to the tools factlint wraps, measured side by side in this run."""
    ours, lt = r.row(DEFAULT).fig("warm").value, r.row(LT_ALONE).fig("warm").value
    what = "warm single ~1,000-word draft, all packs + LanguageTool, ÷ LanguageTool alone"
    bar = f"≤ {WARM_RATIO_TARGET:.1f}×"
    if ours is None or not lt:
        warm = Target(1, what, "n/a (a figure is missing)", bar, None)
    else:
        measured = f"{ours:.3f} s ÷ {lt:.3f} s = {ours / lt:.2f}×"
        warm = Target(1, what, measured, bar, ours / lt <= WARM_RATIO_TARGET)
    batch = r.row(DEFAULT).fig("batch").value
    lt_b, nlp = r.row(LT_ALONE).fig("batch").value, r.row(SPACY_ALONE).fig("batch").value
    what = "batch throughput, all packs + LanguageTool, ÷ the slower of LanguageTool and spaCy"
    bar = f"≥ {BATCH_RATIO_TARGET:.1f}×"
    if batch is None or not lt_b or not nlp:
        return [warm, Target(2, what, "n/a (a figure is missing)", bar, None)]
    floor = min(lt_b, nlp)
    measured = f"{batch:,.0f} ÷ min({lt_b:,.0f}, {nlp:,.0f}) words/s = {batch / floor:.2f}×"
    return [warm, Target(2, what, measured, bar, batch / floor >= BATCH_RATIO_TARGET)]


def _at_most(fig: Fig, bar: float) -> bool | None:
    return None if fig.value is None else fig.value <= bar


def _warm_target(r: Results) -> Target:
    warm, rules = r.row(DEFAULT).fig("warm"), r.row(RULES_ONLY).fig("warm")
    measured = f"{warm.show('.3f')} s median (rule-only {rules.show('.3f')} s)"
    what = "warm single ~1,000-word draft through the CLI, end to end"
    return Target(1, what, measured, f"≤ {WARM_TARGET} s", _at_most(warm, WARM_TARGET))


def _batch_target(r: Results) -> Target:
    ours = r.row(DEFAULT).fig("batch").value
    lt, nlp = r.row(LT_ALONE).fig("batch").value, r.row(SPACY_ALONE).fig("batch").value
    what = "factlint + LanguageTool batch throughput"
    bar = f"≥ {BATCH_TARGET:.2f} × min(LanguageTool alone, spaCy alone)"
    if ours is None or lt is None or nlp is None:
        return Target(2, what, "n/a (a figure is missing)", bar, None)
    floor = min(lt, nlp)
    measured = (
        f"{ours:,.0f} words/s = {ours / floor:.2f} × min(LanguageTool {lt:,.0f}, "
        f"spaCy {nlp:,.0f} words/s)"
    )
    return Target(2, what, measured, bar, ours >= BATCH_TARGET * floor)


def _incremental_target(r: Results) -> Target:
    ours, rules = r.row(DEFAULT).fig("incremental"), r.row(RULES_ONLY).fig("incremental")
    measured = f"{ours.show('.3f')} s median (rule-only {rules.show('.3f')} s)"
    what = "re-check after editing one paragraph, in the language server"
    bar = f"≤ {INCREMENTAL_TARGET} s"
    return Target(3, what, measured, bar, _at_most(ours, INCREMENTAL_TARGET))


def _memory_target(r: Results) -> Target:
    """Every way factlint ran on the ~5,000-word draft must stay under the bar: the
    command's process trees by their PSS (a forked worker's shared pages once), the
    language server (one process) by its RSS."""
    figures = {**r.default.rss_5k, "language server": r.lsp[DEFAULT].peak_mb}
    known = [f.value for f in figures.values() if f.value is not None]
    measured = ", ".join(f"{how} {f.show('.0f')} MB" for how, f in figures.items())
    what = (
        f"Python-side peak memory on the {r.texts.incremental_words:,}-word draft "
        "(the command's trees: PSS; the language server: RSS)"
    )
    passed = max(known) < MEMORY_TARGET if known else None
    return Target(4, what, measured, f"< {MEMORY_TARGET} MB", passed)


def _versus_proselint(r: Results) -> Target:
    what = "rule-only factlint faster than proselint on the same files"
    bar = "single draft and batch"
    proselint = next((row for row in r.rows if row.name == "proselint"), None)
    if proselint is None:
        return Target(5, what, "n/a (proselint not installed)", bar, None)
    rules = r.row(RULES_ONLY)
    single, their_single = rules.fig("warm").value, proselint.fig("warm").value
    batch, their_batch = rules.fig("batch").value, proselint.fig("batch").value
    if None in (single, their_single, batch, their_batch):
        return Target(5, what, "n/a (a figure is missing)", bar, None)
    single_holds, batch_holds = single < their_single, batch > their_batch  # type: ignore[operator]
    measured = (
        f"single {single:.3f} s vs {their_single:.3f} s ({_holds(single_holds)}); "
        f"batch {batch:,.0f} vs {their_batch:,.0f} words/s ({_holds(batch_holds)})"
    )
    return Target(5, what, measured, bar, single_holds and batch_holds)


def _holds(value: bool) -> str:
    return "holds" if value else "does not hold"


# -- the text ------------------------------------------------------------------------------


def render(r: Results) -> str:
    return "\n".join(
        [
            f"## {dt.datetime.now():%Y-%m-%d %H:%M} — {platform.node()}"
            + (" — `--ratios`" if r.ratios else ""),
            "",
            *_header(r),
            "",
            *render_table(r.rows),
            "",
            "(r×) = the factlint figure ÷ its peer's (the row named after ÷): below 1 is better "
            "for seconds and MB, above 1 for words/s.",
            "",
            "Targets (issue 22, ratios in this run):",
            "",
            *(target.line() for target in ratio_targets(r)),
            "",
            *(
                []
                if r.ratios
                else ["Targets (issue 7):", "", *(target.line() for target in targets(r)), ""]
            ),
            *_curves(r),
            "Notes:",
            "",
            *(f"- {note}" for note in _notes(r)),
            "",
        ]
    )


def _header(r: Results) -> list[str]:
    t = r.texts
    warm = t.draft_words[2:]
    return [
        f"Machine: {machine.machine()}. Load average (1/5/15 min) before → after: "
        f"{machine.load(r.load_before)} → {machine.load()}.",
        "",
        f"Versions: {'; '.join(r.versions)}.",
        "",
        f"Texts: {t.source}. Batch: {len(t.batch)} articles, {t.batch_words:,} words "
        f"(`news_texts({len(t.batch)})`). The drafts come from the articles after those, so "
        "no cache holds one when it is timed. Single draft: "
        f"{t.draft_words[0]:,} words (the article nearest 1,000 words); "
        f"warm drafts: {len(warm)} more of "
        f"{min(warm):,}–{max(warm):,} words; incremental draft: {t.incremental_words:,} words "
        "of real articles whose paragraph breaks survived the scrape, "
        f"{len(t.versions) - 1} edits, each replacing one paragraph "
        f"({min(t.edited_words)}–{max(t.edited_words)} words) with one of another article.",
    ]


def _notes(r: Results) -> list[str]:
    t = r.texts
    first = [
        "Cold first run: factlint's is the first `factlint check` with no factlint service "
        "running (it starts the service, which loads spaCy and the packs); the LanguageTool "
        "server was already running and warm. " + "; ".join(r.languagetool.notes) + ".",
        f"{DEFAULT}: " + "; ".join(r.default.notes) + ".",
    ]
    if r.ratios or r.rules_only is None:
        return [
            *first,
            f"Repeats: warm single = median of {len(t.warm)} runs, each on a draft new to "
            "every cache; batch = one run.",
            *_common_notes(r),
        ]
    lsp, lsp_rules = r.lsp[DEFAULT], r.lsp[RULES_ONLY]
    notes = [
        *first,
        f"{RULES_ONLY}: " + "; ".join(r.rules_only.notes) + ".",
        f"Language server: first diagnostics of the {t.incremental_words:,}-word draft "
        f"{lsp.first.show('.2f', 200)} s (rule-only {lsp_rules.first.show('.2f', 200)} s); "
        f"each re-check {_seconds(lsp.edits)} (rule-only {_seconds(lsp_rules.edits)}); "
        'initializationOptions `{"debounce": 0}`, full-text didChange, nothing subtracted; '
        f"server peak RSS {lsp.peak_mb.show('.0f')} MB (rule-only "
        f"{lsp_rules.peak_mb.show('.0f')} MB).",
        f"Repeats: warm single = median of {len(t.warm)} runs, each on a draft new to every "
        f"cache; incremental = median of {len(t.versions) - 1} edits; cold and batch = one "
        "run each.",
        "Peak RSS: factlint = the client plus the service and its worker processes (summed) "
        "over the row's runs, the batch being the largest; LanguageTool = its JVM, capped by "
        "`-Xmx` (`languagetool.max_memory`); spaCy alone and the CLI peers = their processes.",
        *_common_notes(r),
    ]
    return notes


def _common_notes(r: Results) -> list[str]:
    return [
        "Peers: LanguageTool alone = one POST to `/v2/check` per text, in sequence, on a "
        "server of its own (started as factlint starts it, at nice 5, but with the stock "
        "speller), as warm as factlint's (see Warm-up); spaCy alone = the "
        "pipes factlint loads, as `spacy.load` gives them (without factlint's faster "
        "lemmatizer), in one process (`nlp`, and `nlp.pipe` with factlint's `batch_size=64`), "
        "while factlint's batch used `--jobs` = the cores; Harper lints files in parallel and "
        "ran with `--format compact`; a peer's re-check is a full check of the edited draft "
        "(LanguageTool's own sentence cache answers for the unchanged sentences). "
        "The operating system's file cache was not dropped before the cold runs.",
        "Isolation: the bench ran its own factlint service and LanguageTool server (the same "
        "jars, a temporary directory); the user's were neither used nor stopped.",
        "Spelling suggestions: factlint's LanguageTool server ran with "
        + (
            "`maxSpellingSuggestions=-1` (factlint's default, `spelling_suggestions: "
            "factlint`: the server skips the speller's suggestion search, factlint makes the "
            "suggestions from LanguageTool's own dictionary)"
            if r.suggestions == "factlint"
            else "the stock speller (`spelling_suggestions: languagetool`: the server "
            "searches the suggestions, as before issue 22)"
        )
        + "; LanguageTool alone's ran stock (it searches them).",
        *([r.warmed + "."] if r.warmed else []),
        *r.missing,
        *_busy(r.load_before),
        f"Bench time: {time.monotonic() - r.began:.0f} s.",
    ]


def _curves(r: Results) -> list[str]:
    if not r.curves:
        return []
    return [
        "Warm-up curve of a fresh managed server (LanguageTool's seconds per 1,000 words of "
        f"each of its first {len(r.curves[0].per_1000)} checks, real articles new to it, "
        "sent as factlint sends them; a server of its own for each curve):",
        "",
        *(f"- {curve.line()}" for curve in r.curves),
        "",
    ]


def _seconds(values: list[float]) -> str:
    return ", ".join(f"{v:.3f}" for v in values) + " s" if values else "n/a"


def _busy(load: tuple[float, float, float]) -> list[str]:
    """A warning when other work was competing for the cores as the bench started."""
    cores = os.cpu_count() or 1
    if load[0] <= cores:
        return []
    return [
        f"The machine was busy when the bench started (load {load[0]:.1f} on {cores} cores): "
        "other work competed for the cores, so the figures are pessimistic; compare ratios."
    ]
