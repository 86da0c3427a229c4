"""The background warm-up of a new server: its copy, its stopping rule, a real run."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from lint.languagetool import server, warmup
from lint.languagetool.settings import LanguageToolSettings

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _sentences(requests: list[str]) -> list[str]:
    return [s for r in requests for s in SENTENCE_END.split(r) if s.strip()]


def test_the_template_fallback_is_news_sized_and_never_repeats_a_sentence():
    requests = warmup.requests_text(40)
    assert len(requests) == 40
    assert all(1000 < len(r) <= warmup.CHUNK_CHARS + 600 for r in requests)
    sentences = _sentences(requests)
    assert len(sentences) == len(set(sentences))  # LanguageTool's sentence cache never answers


def test_the_warm_up_reads_languagetools_rule_examples_in_place(real_jars):
    examples = warmup.rule_examples(real_jars, "en-US")
    assert len(examples) > 10_000  # grammar.xml and style.xml of the installed jar
    assert len(examples) == len(set(examples))
    requests = warmup.warm_up_texts(real_jars, "en-US", warmup.CHECKS)
    assert len(requests) == warmup.CHECKS
    assert all(1000 < len(r) <= warmup.CHUNK_CHARS + 600 for r in requests)
    assert len(set(requests)) == len(requests)  # no request answered from the server's cache
    n = warmup.SENTENCES_PER_PARAGRAPH
    made = {" ".join(examples[i : i + n]) for i in range(0, len(examples), n)}
    assert all(p in made for r in requests for p in r.split("\n\n") if p)  # examples only
    assert not set(requests) & set(warmup.requests_text(warmup.CHECKS))  # not the templates


def test_without_the_languages_jar_the_templates_fill_in(tmp_path, real_jars):
    assert warmup.warm_up_texts(tmp_path, "en-US", 12) == warmup.requests_text(12)
    assert warmup.warm_up_texts(None, "en-US", 3) == warmup.requests_text(3)
    (tmp_path / "language-en-6.8.jar").write_bytes(b"not a zip")
    assert warmup.warm_up_texts(tmp_path, "en-US", 5) == warmup.requests_text(5)
    few = len(warmup.pack_requests(warmup.rule_examples(real_jars, "en-US"), 10_000))
    topped = warmup.warm_up_texts(real_jars, "en-US", few + 2)
    assert topped[-2:] == warmup.requests_text(2)  # more asked for than the examples make


def test_the_warm_up_stops_once_the_compiler_has_settled():
    window = warmup.WINDOW
    busy = [(i * 1.0, i * 2.0) for i in range(window + 1)]  # the compiler took half the CPU
    assert not warmup.settled(busy)
    quiet = busy + [(busy[-1][0] + i * 0.01, busy[-1][1] + i * 1.0) for i in range(1, window + 1)]
    assert warmup.settled(quiet)  # 1% of the checking over the last WINDOW checks
    assert not warmup.settled(quiet[:window])  # too few checks to tell
    idle = [(5.0, 9.0)] * (window + 1)
    assert not warmup.settled(idle)  # nothing measured: no evidence that it settled


def test_a_process_without_jit_threads_has_no_compiler_reading():
    assert warmup.compiler_cpu(os.getpid()) is None
    assert warmup.compiler_cpu(2**22 + 12345) is None  # no such process


def test_warm_up_asks_for_what_the_backend_asks_for():
    settings = LanguageToolSettings(url=None, enabled_rules=["EN_UNPAIRED_QUOTES"], picky=True)
    params = server.warm_up_params(settings)
    assert params["language"] == "en-US" and params["level"] == "picky"
    assert "EN_UNPAIRED_QUOTES" not in params["disabledRules"].split(",")
    assert params["enabledRules"] == "EN_UNPAIRED_QUOTES"


@pytest.mark.slow
@pytest.mark.languagetool
@pytest.mark.xdist_group("languagetool")
def test_a_real_warm_up_sends_the_examples_and_reads_the_compiler(isolated_settings):
    """Against a real server: the JVM's compiler threads are found and have worked, and
    the warm-up sends what it was asked to, after the server has been left alone."""
    state = server.ensure_server(isolated_settings, say=lambda _: None, warm_up=False)
    jit, whole = warmup.compiler_cpu(state.pid) or (0.0, 0.0)
    assert 0 < jit < whole  # HotSpot's compiler threads, by name, from /proc
    params = server.warm_up_params(isolated_settings)
    began = time.monotonic()
    why = warmup.run(isolated_settings.state, state.pid, 3, params, isolated_settings.jars)
    assert why == "warmed up: 3 checks"
    assert time.monotonic() - began >= warmup.QUIET  # it waited for the server to be left alone
    assert warmup.run(Path("/nonexistent"), state.pid, 3, params) == (
        "no state names the server to warm up"
    )


def test_the_warm_up_is_off_on_a_ci_runner_and_the_environment_can_set_it(monkeypatch):
    monkeypatch.delenv("FACTLINT_WARM_UP_CHECKS", raising=False)  # the suite sets it to 0
    monkeypatch.delenv("CI", raising=False)
    assert LanguageToolSettings().warm_up_checks == warmup.CHECKS == 300
    monkeypatch.setenv("CI", "true")  # GitHub Actions, GitLab CI and others set it
    assert LanguageToolSettings().warm_up_checks == 0
    monkeypatch.setenv("CI", "false")
    assert LanguageToolSettings().warm_up_checks == 300
    monkeypatch.setenv("FACTLINT_WARM_UP_CHECKS", "25")
    assert LanguageToolSettings().warm_up_checks == 25
    monkeypatch.setenv("FACTLINT_WARM_UP_CHECKS", "many")  # not a number: the default
    assert LanguageToolSettings().warm_up_checks == 300
    monkeypatch.setenv("FACTLINT_WARM_UP_CHECKS", "0")
    assert LanguageToolSettings.from_mapping({"warm_up_checks": 7}).warm_up_checks == 7
