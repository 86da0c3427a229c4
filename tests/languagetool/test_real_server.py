"""Against the real LanguageTool server: findings, variants, vocabulary, rules, sharing.

All tests here share one server (``shared_server``) except the parallel CLI
test, which starts its own from nothing to show that eight processes at once
start exactly one.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint.languagetool import LanguageToolSettings, server
from lint.languagetool.backend import LanguageToolBackend

from .support import REAL

pytestmark = REAL


@pytest.fixture
def check(shared_server, shared_settings):
    """check(text, **settings) → [(covered text, rule id without prefix, category)]."""

    def run(text: str, **changes) -> list[tuple[str, str, str]]:
        backend = LanguageToolBackend(shared_settings.with_(**changes))
        findings = backend.check(text)
        return [
            (text[f.offset : f.offset + f.length], f.rule.removeprefix("languagetool."),
             f.category)
            for f in findings
        ]  # fmt: skip

    return run


def test_grammar_and_spelling_at_the_right_offsets(check):
    text = "Kyiv 😀 is calm. He go to the office on Friday. I recieve the letter."
    found = check(text)
    assert ("go", "HE_VERB_AGR", "grammar") in found
    assert ("recieve", "MORFOLOGIK_RULE_EN_US", "spelling") in found


def test_date_weekday(check):
    found = check("The ceasefire began on Tuesday, 3 March 2025, at noon.")
    assert [c for c in found if "DATE_WEEKDAY" in c[1] and c[2] == "dates"]


def test_accepted_words_are_not_misspellings(check):
    text = "Budanov met Zaluzhnyi's deputy."
    flagged = {covered for covered, _, category in check(text) if category == "spelling"}
    assert "Budanov" in flagged
    accepted = check(text, accepted_words=frozenset({"Budanov", "Valerii Zaluzhnyi"}))
    assert not [c for c in accepted if c[2] == "spelling"]


def test_variant_spelling(check):
    text = "The colour of the flag is their favourite."
    assert {"colour", "favourite"} <= {c[0] for c in check(text, language="en-US")}
    assert not [c for c in check(text, language="en-GB") if c[2] == "spelling"]


def test_rule_selection(check):
    text = 'He said "wait (for me.'
    assert not [c for c in check(text) if c[1] in ("EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES")]
    enabled = check(text, enabled_rules=["EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES"])
    assert {"EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES"} <= {c[1] for c in enabled}
    off = check("I recieve it.", disabled_rules=["MORFOLOGIK_RULE_EN_US"])
    assert not [c for c in off if c[2] == "spelling"]
    off = check("I recieve it.", disabled_categories=["TYPOS"])
    assert not [c for c in off if c[2] == "spelling"]


def test_many_texts_in_order(shared_server, shared_settings):
    texts = [f"Text {i}: I recieve {i} letters." + "\n\nA paragraph. " * (i * 40) for i in range(8)]
    backend = LanguageToolBackend(shared_settings.with_(workers=4))
    for text, findings in zip(texts, backend.check_many(texts), strict=True):
        spelled = [text[f.offset : f.offset + f.length] for f in findings]
        assert "recieve" in spelled


def test_a_kept_open_connection_is_answered_as_fast_as_a_new_one(shared_server, shared_settings):
    """The backend keeps its connection to the server open between requests; the server
    must not leave every answer's body waiting for a delayed acknowledgement (40 ms a
    request, before the managed server ran with TCP_NODELAY)."""
    backend = LanguageToolBackend(shared_settings)
    for i in range(40):  # the handlers warm: what is left is the transport
        backend.check(f"Warm sentence number {i} is here.")
    client = backend._connect()

    def median(new_connection: bool) -> float:
        times = []
        for i in range(15):
            if new_connection:
                client._session().close()  # the next request opens a new connection
            began = time.perf_counter()
            client.check_raw(f"The council met {i} times in {time.time()}.")
            times.append(time.perf_counter() - began)
        return statistics.median(times)

    fresh, kept = median(True), median(False)
    assert kept < fresh + 0.02, (kept, fresh)


def test_external_url_installs_and_starts_nothing(shared_server, tmp_path):
    settings = LanguageToolSettings(
        url=shared_server.url, cache_dir=tmp_path / "unused", jar_dir=tmp_path / "no-jars"
    )
    findings = LanguageToolBackend(settings).check("I recieve it.")
    assert [f.rule for f in findings] == ["languagetool.MORFOLOGIK_RULE_EN_US"]
    assert not (tmp_path / "unused").exists() and not (tmp_path / "no-jars").exists()


def test_env_url_is_used_by_the_cli(shared_server, tmp_path, monkeypatch):
    (tmp_path / ".factlint.yaml").write_text(
        f"packs: []\nlanguagetool: {{cache_dir: {tmp_path / 'unused'}}}\n"
    )
    (tmp_path / "d.txt").write_text("I recieve it.\n")
    env = dict(os.environ, FACTLINT_LANGUAGETOOL_URL=shared_server.url)
    proc = _factlint(["check", "--config", ".factlint.yaml", "--format", "json", "d.txt"], tmp_path,
                    env)  # fmt: skip
    assert [i["rule"] for i in json.loads(proc.stdout)] == ["languagetool.MORFOLOGIK_RULE_EN_US"]
    assert not (tmp_path / "unused").exists()


@pytest.mark.parametrize("spell_names", [False, True])
def test_names_are_not_misspellings_unless_spell_names(shared_server, tmp_path, spell_names):
    (tmp_path / ".factlint.yaml").write_text(
        f"packs: []\nlanguagetool: {{spell_names: {str(spell_names).lower()}}}\n"
    )
    text = "Foreign ministry spokesman Geng Shuang said the talks were recieved well.\n"
    (tmp_path / "d.txt").write_text(text)
    env = dict(os.environ, FACTLINT_LANGUAGETOOL_URL=shared_server.url)
    proc = _factlint(["check", "--config", ".factlint.yaml", "--format", "json", "d.txt"], tmp_path,
                    env)  # fmt: skip
    spelled = [
        text[i["column"] - 1 : i["column"] - 1 + i["length"]]
        for i in json.loads(proc.stdout)
        if i["rule"] == "languagetool.MORFOLOGIK_RULE_EN_US"
    ]
    assert spelled == (["Geng", "Shuang", "recieved"] if spell_names else ["recieved"]), proc.stderr


def _factlint(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lint", *args], cwd=cwd, env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip


def test_eight_cli_processes_share_one_new_server(real_jars, tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / ".factlint.yaml").write_text(
        f"packs: []\nlanguagetool: {{cache_dir: {cache}, jar_dir: {real_jars}}}\n"
    )
    for i in range(8):
        (tmp_path / f"d{i}.md").write_text(f"# Draft {i}\n\nI recieve the letters.\n")
    settings = LanguageToolSettings(url=None, cache_dir=cache, jar_dir=real_jars)
    env = {k: v for k, v in os.environ.items() if k != "FACTLINT_LANGUAGETOOL_URL"}
    try:
        command = [sys.executable, "-m", "lint", "check", "--config", ".factlint.yaml", "--format",
                   "json"]  # fmt: skip
        procs = [
            subprocess.Popen(
                [*command, f"d{i}.md"],
                cwd=tmp_path,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(8)
        ]
        outputs = [p.communicate(timeout=300) for p in procs]
        for proc, (out, err) in zip(procs, outputs, strict=True):
            assert proc.returncode == 1, err
            issues = json.loads(out)
            assert [i["rule"] for i in issues] == ["languagetool.MORFOLOGIK_RULE_EN_US"]
            assert issues[0]["line"] == 3 and issues[0]["column"] == 3
        starts = sum(err.count("starting LanguageTool") for _, err in outputs)
        assert starts == 1
        state = server.read_state(settings.state)
        assert state is not None and server.is_our_server(state)
    finally:
        server.stop_server(settings)
