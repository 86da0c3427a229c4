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

from bench import factlint_rows, isolation, lsp_incremental, machine, peers, report
from bench.factlint_rows import DEFAULT, RULES_ONLY
from bench.texts import Texts, prepare
from lint.parallel import default_jobs

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BIN = Path(sys.executable).parent
BEGAN = time.monotonic()


def say(message: str) -> None:
    """Progress on stderr, so stdout is the report alone."""
    print(f"bench [{time.monotonic() - BEGAN:4.0f} s] {message}", file=sys.stderr, flush=True)


def measure(work: Path, env: dict[str, str], quick: bool) -> report.Results:
    """Every row, in an order where no cache holds a text before its timed run."""
    load_before = os.getloadavg()
    texts = prepare(work, 20, 2, 2) if quick else prepare(work)
    isolation.write_configs(work)
    exe = BIN / "factlint"
    if not exe.exists():
        raise SystemExit(f"bench: {exe} is missing; run `make install`")
    lt = isolation.start_languagetool(texts.text(texts.single), say)
    fl = factlint_rows.Factlint(exe, work, env, default_jobs())
    try:
        client = peers.LanguageToolAlone(lt.url)
        say(f"LanguageTool: warming its JVM up on {len(texts.warmup)} other articles")
        for text in texts.warmup:
            client.check(text)
        lsp = _language_server(exe, work, texts, env)  # first: no cache has seen the draft
        default = factlint_rows.measure(fl, texts, DEFAULT, [], say, lt.pid, memory_target=True)
        rules_only = factlint_rows.measure(fl, texts, RULES_ONLY, ["--no-languagetool"], say)
        default.row.peer, rules_only.row.peer = peers.LT_ALONE, peers.SPACY_ALONE
        default.row.figs["incremental"] = lsp[DEFAULT].incremental
        rules_only.row.figs["incremental"] = lsp[RULES_ONLY].incremental
        rows = [default.row, rules_only.row]
        # LanguageTool keeps a sentence cache: the server that answered factlint would
        # answer these very texts from it. A fresh one, warmed up alike, for LanguageTool alone.
        say("LanguageTool alone: a fresh server (the first one's cache holds these texts)")
        lt.stop()
        fresh = isolation.start_languagetool(texts.text(texts.single), say)
        client = peers.LanguageToolAlone(fresh.url)
        for text in texts.warmup:
            client.check(text)
        rows.append(peers.languagetool_row(client, texts, lt.cold, fresh.pid, say))
        fresh.stop()
        rows.append(peers.spacy_row(texts, work / "manifest.json", env, say))
        found, missing = peers.cli_peers()
        rows += [peers.cli_row(peer, texts, work, say) for peer in found]
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
        texts, rows, default, rules_only, lsp, lt, missing, versions, load_before, BEGAN
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
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        env = isolation.isolate(Path(tmp), say)
        results = measure(work, env, args.quick)
    text = report.render(results)
    print(text)
    if not args.quick:
        previous = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
        RESULTS.write_text(previous.rstrip("\n") + "\n\n" + text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
