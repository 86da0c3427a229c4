"""``make bench``: factlint against the tools a user would pick instead, on the same texts.

Prints one table — cold first run, warm single draft, batch words/s,
incremental re-check, peak memory; one row per tool — with each factlint
figure also as a ratio to its peer, then issue 7's targets with PASS/MISS, and
appends it all with the date to ``bench/RESULTS.md``. Every figure is measured
in this run, on this machine, on real published news (``bench/texts.py``).

Modules: ``texts`` (which articles), ``isolation`` (the bench's own service and
LanguageTool server), ``factlint_rows`` (the ``factlint`` command),
``lsp_incremental`` (the language server), ``peers`` (LanguageTool, spaCy,
proselint, codespell, Harper), ``proc`` (time and memory), ``table`` and
``report`` (the output). Usage: ``python -m bench [--quick]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench import (
    bench_languagetool,
    factlint_rows,
    isolation,
    lsp_incremental,
    machine,
    peers,
    report,
)
from bench.factlint_rows import DEFAULT, RULES_ONLY
from bench.texts import Texts, prepare
from lint.parallel import default_jobs

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BIN = Path(sys.executable).parent
BEGAN = time.monotonic()


def say(message: str) -> None:
    """Progress on stderr, so stdout is the report alone."""
    print(f"bench [{time.monotonic() - BEGAN:4.0f} s] {message}", file=sys.stderr, flush=True)


RATIOS_BATCH = 100  # articles in the batch of `--ratios` (~55,000 words)


def measure(
    work: Path,
    env: dict[str, str],
    quick: bool,
    suggestions: str = "factlint",
    ratios: bool = False,
) -> report.Results:
    """Every row, in an order where no cache holds a text before its timed run. With
    ``ratios``, only what issue 22's ratios need (factlint with LanguageTool, LanguageTool
    alone, spaCy alone: warm drafts and a smaller batch) and the warm-up curve."""
    load_before = os.getloadavg()
    if quick:
        texts = prepare(work, 20, 2, 2, quick=True)
    else:
        texts = prepare(work, RATIOS_BATCH) if ratios else prepare(work)
    isolation.write_configs(work)
    exe = BIN / "factlint"
    if not exe.exists():
        raise SystemExit(f"bench: {exe} is missing; run `make install`")
    lt = isolation.start_languagetool(texts.text(texts.single), say, suggestions)
    fl = factlint_rows.Factlint(exe, work, env, default_jobs())
    try:
        client = peers.LanguageToolAlone(lt.url)
        say(f"LanguageTool: warming its JVM up on {len(texts.warmup)} other articles")
        for text in texts.warmup:
            client.check(text)
        lsp = {} if ratios else _language_server(exe, work, texts, env)  # no cache has it yet
        default = factlint_rows.measure(
            fl, texts, DEFAULT, [], say, lt.pid, memory_target=not ratios
        )
        default.row.peer = peers.LT_ALONE
        rows = [default.row]
        rules_only = None
        if not ratios:
            rules_only = factlint_rows.measure(fl, texts, RULES_ONLY, ["--no-languagetool"], say)
            rules_only.row.peer = peers.SPACY_ALONE
            default.row.figs["incremental"] = lsp[DEFAULT].incremental
            rules_only.row.figs["incremental"] = lsp[RULES_ONLY].incremental
            rows.append(rules_only.row)
        # LanguageTool keeps a sentence cache: the server that answered factlint would
        # answer these very texts from it. A fresh one, warmed up alike, for LanguageTool alone.
        say("LanguageTool alone: a fresh server (the first one's cache holds these texts)")
        lt.stop()
        fresh = isolation.start_languagetool(texts.text(texts.single), say, "languagetool")
        client = peers.LanguageToolAlone(fresh.url)
        warmed = as_warm_as_factlint(client, texts, lt.warm_up, lsp=not ratios)
        rows.append(peers.languagetool_row(client, texts, lt.cold, fresh.pid, say, lt.notes))
        fresh.stop()
        rows.append(peers.spacy_row(texts, work / "manifest.json", env, say))
        found, missing = (
            ([], ["other tools: not run (`--ratios`)"]) if ratios else peers.cli_peers()
        )
        rows += [peers.cli_row(peer, texts, work, say) for peer in found]
        curves = []
        if lt.jars is not None:  # an external server: not ours to start
            say(f"the warm-up curve of a fresh managed server, {len(texts.curve)} checks, twice")
            curves = [
                bench_languagetool.warm_up_curve(texts.curve, lt.jars, background, say)
                for background in (False, True)
            ]
    finally:
        say("stopping the bench's factlint service and LanguageTool server")
        fl.stop_service()
        lt.stop()
    versions = [
        machine.factlint_version(),
        lt.version,
        machine.spacy_version(),
        *(peer.version for peer in found),
        f"pygls {machine.package('pygls')} (the LSP client)",
    ]
    return report.Results(
        texts, rows, default, rules_only, lsp, lt, missing, versions, load_before, BEGAN,
        suggestions=suggestions, warmed=warmed, curves=curves, ratios=ratios,
    )  # fmt: skip


def as_warm_as_factlint(
    client: peers.LanguageToolAlone, texts: Texts, warm_up: list[str], lsp: bool = True
) -> str:
    """Warm LanguageTool alone's fresh server on what factlint's server had checked before
    factlint's warm drafts were timed, in the same order: the requests of factlint's
    background warm-up (``warm_up``, as they were sent), the warm-up articles, the
    ~5,000-word draft (the language server's run, when there was one) and the two drafts
    of the cold runs. A JVM that has checked more answers faster, so anything less
    flatters factlint. (The paragraphs the language server's edits bring in are left out:
    LanguageTool alone's own re-checks must find them new.) Returns a line for the notes."""
    sent = [*warm_up, *texts.warmup, *([texts.version_texts[0]] if lsp else [])]
    sent += [texts.text(texts.single), texts.text(texts.drafts[1])]
    say(f"LanguageTool alone: warming it as factlint's server was ({len(sent)} texts)")
    for text in sent:
        client.check(text)
    draft = "the language server's draft, " if lsp else ""
    background = (
        f"the {len(warm_up)} requests of factlint's background warm-up (LanguageTool's rule "
        "examples, ~2,000 characters each), "
        if warm_up
        else ""
    )
    return (
        f"Warm-up: before the timed warm drafts, both LanguageTool servers had checked the "
        f"same texts ({client.checks} texts, {client.words:,} words: {background}the "
        f"{len(texts.warmup)} warm-up articles, {draft}the two cold drafts; factlint's "
        "server also the paragraphs the language server's edits brought in), factlint's "
        "articles in paragraphs packed into requests of ~2,000 characters, LanguageTool "
        "alone's one request per text"
    )


def _language_server(
    exe: Path, work: Path, texts: Texts, env: dict[str, str]
) -> dict[str, lsp_incremental.LspResult]:
    """The ~5,000-word draft opened and edited in ``factlint lsp``, with LanguageTool
    (``work/lsp``) and without (``work/rules-only``, whose configuration turns it off)."""
    out = {}
    for name, folder in ((DEFAULT, work / "lsp"), (RULES_ONLY, work / "rules-only")):
        say(f"{name}: the language server, {len(texts.versions) - 1} one-paragraph edits")
        folder.mkdir(exist_ok=True)
        document = folder / "draft.txt"
        document.write_text(texts.version_texts[0], "utf-8")
        out[name] = lsp_incremental.measure(exe, document, texts.version_texts, env)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke test of the bench itself (20 batch files, 2 warm drafts, 2 edits); "
        "nothing is appended to RESULTS.md",
    )
    parser.add_argument(
        "--spelling-suggestions",
        choices=("factlint", "languagetool"),
        default="factlint",
        help="who searches the speller's suggestions on factlint's LanguageTool server "
        "(the `spelling_suggestions` setting; default factlint, as factlint ships): "
        "`languagetool` measures factlint without that lever",
    )
    parser.add_argument(
        "--ratios",
        action="store_true",
        help=f"issue 22's ratios only: factlint with LanguageTool, LanguageTool alone and "
        f"spaCy alone on warm drafts and a batch of {RATIOS_BATCH} articles, and the warm-up "
        "curve (appended to RESULTS.md)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        env = isolation.isolate(Path(tmp), say)
        results = measure(work, env, args.quick, args.spelling_suggestions, args.ratios)
    text = report.render(results)
    print(text)
    if not args.quick:
        previous = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
        RESULTS.write_text(previous.rstrip("\n") + "\n\n" + text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
