"""LanguageTool alone, over HTTP: cold start, first check, warm checks, words per second.

Runs its own server from the cached jars in a temporary state directory (the
user's server is left alone), then times the same ~1,000-word drafts two ways:

- ``direct``:   one POST to ``/v2/check`` per draft, as any client would;
- ``factlint``: ``LanguageToolBackend.check_many`` (paragraph pieces, a small
  thread pool, Findings with mapped offsets), i.e. what the engine pays for
  LanguageTool.

Each timed draft is new to the server (its sentences carry a counter), so
LanguageTool's result cache does not flatter the figures; one repeat of a seen
draft is timed separately as ``cached``. ``warm_up_curve`` (used by ``make bench``)
times the first checks of a fresh managed server, with and without factlint's
background warm-up (``lint.languagetool.warmup``). Usage::

    python bench/bench_languagetool.py [--drafts 5] [--words 1000] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from bench.isolation import wait_warm_up
from bench.peers import LanguageToolAlone
from lint.languagetool import server, warmup
from lint.languagetool.backend import LanguageToolBackend
from lint.languagetool.install import install, is_installed
from lint.languagetool.settings import LanguageToolSettings

SENTENCES = (
    "The regional council voted on Tuesday to extend the curfew by two weeks.",
    "Officials said the decision followed a sharp rise in attacks on the power grid.",
    "Residents queued for water outside the main railway station for most of the morning.",
    "The mayor, who took office last October, has promised to publish the full budget.",
    "Critics argue that the plan does not adress the shortage of trained engineers.",
    "He go to the front line every week, according to his spokesman.",
    "Prices for bread and fuel have risen by a third since the start of the year.",
    "A spokesperson for the ministry declined to comment on the reports.",
    "The new bridge, which cost more then expected, is due to open in the spring.",
    "Aid groups warned that the winter could be the hardest in a decade.",
)


def draft(number: int, words: int) -> str:
    """About ``words`` words of news copy in paragraphs of four sentences, unique per number."""
    out: list[str] = []
    paragraph: list[str] = []
    count = i = 0
    while count < words:
        base = SENTENCES[i % len(SENTENCES)]
        sentence = f"In dispatch {number}.{i}, {base[0].lower()}{base[1:]}"  # never cached
        paragraph.append(sentence)
        count += len(sentence.split())
        i += 1
        if len(paragraph) == 4:
            out.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        out.append(" ".join(paragraph))
    return "\n\n".join(out)


def run(drafts: int = 5, words: int = 1000) -> dict:
    """Start a private server, time it, stop it; the figures as a dict."""
    jars = LanguageToolSettings(url=None).jars
    if not is_installed(jars):
        install(LanguageToolSettings(url=None))
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        settings = LanguageToolSettings(url=None, cache_dir=Path(tmp), jar_dir=jars)
        try:
            return _measure(settings, drafts, words)
        finally:
            server.stop_server(settings)


def _measure(settings: LanguageToolSettings, drafts: int, words: int) -> dict:
    began = time.perf_counter()
    state = server.ensure_server(settings, say=lambda _: None, warm_up=False)
    ready = time.perf_counter() - began
    session = requests.Session()
    session.trust_env = False
    url = f"{state.url}/v2/check"

    def direct(text: str) -> float:
        t = time.perf_counter()
        response = session.post(url, data={"language": "en-US", "text": text}, timeout=300)
        response.raise_for_status()
        response.json()
        return time.perf_counter() - t

    first = direct(draft(0, words))
    backend = LanguageToolBackend(settings, say=lambda _: None)
    backend.check(draft(1, words))  # the backend's own first use (client set-up)

    direct_times = [direct(draft(100 + n, words)) for n in range(drafts)]
    factlint_times = []
    for n in range(drafts):
        text = draft(200 + n, words)
        t = time.perf_counter()
        backend.check(text)
        factlint_times.append(time.perf_counter() - t)
    cached = direct(draft(100, words))
    word_count = len(draft(100, words).split())
    d, f = statistics.median(direct_times), statistics.median(factlint_times)
    return {
        "version": state.version,
        "java": state.java_version,
        "server_ready_s": round(ready, 2),
        "first_check_s": round(first, 2),
        "words_per_draft": word_count,
        "direct_warm_s": round(d, 3),
        "factlint_warm_s": round(f, 3),
        "ratio_factlint_to_direct": round(f / d, 2),
        "direct_words_per_s": round(word_count / d),
        "factlint_words_per_s": round(word_count / f),
        "cached_repeat_s": round(cached, 3),
    }


@dataclass
class Curve:
    """A fresh managed server's first checks: seconds per 1,000 words of each, in order."""

    label: str
    start_s: float  # server start to its first answer (and the one-sentence warm-up)
    per_1000: list[float]
    warm_up_s: float | None = None  # the background warm-up, waited for after check 1

    def line(self) -> str:
        values = " ".join(f"{v:.2f}" for v in self.per_1000)
        extra = (
            f"; background warm-up {self.warm_up_s:.0f} s, waited for after check 1"
            if self.warm_up_s is not None
            else ""
        )
        return f"{self.label} (start {self.start_s:.1f} s{extra}): {values}"


def warm_up_curve(
    texts: list[str], jars: Path, background: bool, say: Callable[[str], None]
) -> Curve:
    """Start a managed server as factlint does (its properties, the one-sentence check,
    and with ``background`` the background warm-up), in a state directory of its own, and
    time its first checks of ``texts``, each new to it, as factlint sends them (the same
    rule selection; the idle clock touched around each, as the backend does). With
    ``background`` the warm-up is waited for after the first check: the first check is
    the one that started the server and shows it is not delayed, the others come later."""
    with tempfile.TemporaryDirectory(prefix="factlint-curve-") as tmp:
        checks = warmup.CHECKS if background else 0
        settings = LanguageToolSettings(
            url=None, cache_dir=Path(tmp), jar_dir=jars, idle_timeout=900, warm_up_checks=checks,
            check_time_limit=600, request_timeout=600,
        )  # fmt: skip
        try:
            began = time.perf_counter()
            state = server.ensure_server(settings, say=lambda _: None, warm_up=True)
            started = time.perf_counter() - began
            client = LanguageToolAlone(state.url, params=server.warm_up_params(settings))
            per_1000: list[float] = []
            waited = None
            for n, text in enumerate(texts):
                server.touch(settings)
                seconds = client.check(text)
                server.touch(settings)
                per_1000.append(seconds * 1000 / max(1, len(text.split())))
                if n == 0 and background:
                    say("warm-up curve: waiting for the background warm-up")
                    waited, _ = wait_warm_up(settings.state / server.WARMUP_LOG)
        finally:
            server.stop_server(settings)
    label = "with the background warm-up" if background else "without (one sentence, as before)"
    return Curve(label, started, per_1000, waited)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=int, default=5, help="warm drafts timed per way")
    parser.add_argument("--words", type=int, default=1000, help="words per draft")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run(args.drafts, args.words)
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    print(f"LanguageTool {figures['version']} on Java {figures['java']}")
    print(f"  server start (to first answer)   {figures['server_ready_s']:8.2f} s")
    print(f"  first check (cold)               {figures['first_check_s']:8.2f} s")
    print(f"  words per draft                  {figures['words_per_draft']:8d}")
    print(f"  warm check, direct HTTP          {figures['direct_warm_s']:8.3f} s "
          f"({figures['direct_words_per_s']} words/s)")  # fmt: skip
    print(f"  warm check, factlint backend     {figures['factlint_warm_s']:8.3f} s "
          f"({figures['factlint_words_per_s']} words/s)")  # fmt: skip
    print(f"  factlint / direct                {figures['ratio_factlint_to_direct']:8.2f}")
    print(f"  repeat of a seen draft (cached)  {figures['cached_repeat_s']:8.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
