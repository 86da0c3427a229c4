"""The Python API and factlint audit with the real LanguageTool server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from lint.api import Linter
from lint.languagetool import server

from .support import REAL

pytestmark = REAL

DRAFT = "She go to the market every days, the council said on Monday.\n"


def test_the_api_reports_languagetool_findings(shared_server):
    with Linter(config={"languagetool": {"url": shared_server.url}}, cache=False) as linter:
        issues = linter.check_text(DRAFT, pubdate="2025-03-01")
    grammar = [i for i in issues if i.source == "languagetool"]
    assert grammar, [i.rule for i in issues]
    assert all(i.rule.startswith("languagetool.") for i in grammar)
    assert grammar[0].to_dict()["source"] == "languagetool"


@pytest.fixture
def kept_awake(shared_server, shared_settings):
    """The shared server, its idle clock reset every few seconds while the test runs (the
    audit's workers take a while to start, longer than the idle stop on a busy host)."""
    done = threading.Event()

    def touch() -> None:
        while not done.wait(5):
            server.touch(shared_settings)

    thread = threading.Thread(target=touch, daemon=True)
    thread.start()
    yield shared_server
    done.set()
    thread.join()


@pytest.mark.slow
def test_audit_with_a_languagetool_pool_matches_check(kept_awake, tmp_path):
    pytest.importorskip("distributed", reason="Dask is installed by `make test`")
    shared_server = kept_awake
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(DRAFT)
    (archive / "b.txt").write_text("The the mayor could care less, he said.\n")
    env = {**os.environ, "FACTLINT_NO_CACHE": "1"}
    out = tmp_path / "issues.jsonl"
    audit = subprocess.run(
        [sys.executable, "-m", "lint", "audit", "archive", "--workers", "1", "-o", str(out),
         "--languagetool-url", shared_server.url, "--partition-size", "1"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert audit.returncode == 1, audit.stderr
    check = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-service", "--format", "json", "archive"],
        cwd=tmp_path, env={**env, "FACTLINT_LANGUAGETOOL_URL": shared_server.url},
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert check.returncode == 1, check.stderr

    def key(i: dict) -> tuple:
        return (i["path"], i["offset"], i["rule"])

    audited = sorted((json.loads(line) for line in out.read_text().splitlines()), key=key)
    assert audited == sorted(json.loads(check.stdout), key=key)
    assert any(i["source"] == "languagetool" for i in audited)


def test_languagetool_answers_outlive_the_process(shared_server, tmp_path, monkeypatch):
    """After a restart (a new engine and backend, nothing in memory), an edited draft
    sends LanguageTool only the paragraph that changed: the others' answers are on disk."""
    from lint.languagetool import backend as backend_mod

    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    config = {"languagetool": {"url": shared_server.url}, "cache-dir": str(tmp_path / "c")}
    first = "She go to the market every days.\n\nThe council met on Monday.\n"
    with Linter(config) as linter:
        before = linter.check_text(first, pubdate="2025-03-01")
    sent: list[int] = []
    real = backend_mod.LanguageToolBackend._check_paragraphs

    def counting(self, keys):
        sent.append(len(keys))
        return real(self, keys)

    monkeypatch.setattr(backend_mod.LanguageToolBackend, "_check_paragraphs", counting)
    monkeypatch.setattr(backend_mod, "_backends", {})  # as a new process has
    edited = first.replace("Monday", "Tuesday")
    with Linter(config) as linter:
        after = linter.check_text(edited, pubdate="2025-03-01")
    assert sent == [1]  # only the edited paragraph
    grammar = [(i.rule, i.offset) for i in before if i.source == "languagetool"]
    assert grammar and grammar == [(i.rule, i.offset) for i in after if i.source == "languagetool"]
