"""Installing: Maven is asked once; a finished cache is left alone; failures are one line.

A stand-in ``mvn`` (FACTLINT_MAVEN) records its calls and copies jars like
``dependency:copy-dependencies`` would, so these tests touch no network. The
real resolution from Maven Central is exercised by ``make test`` before pytest
and by the ``real_jars`` fixture on a fresh machine.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from lint.languagetool import LanguageToolError, LanguageToolSettings
from lint.languagetool.install import install, installed_version, is_installed, pom

FAKE_MVN = """#!/bin/sh
echo "$@" >> "{calls}"
for arg in "$@"; do
  case "$arg" in -DoutputDirectory=*) out="${{arg#-DoutputDirectory=}}";; esac
done
{body}
"""
RESOLVES = """mkdir -p "$out"
echo "Downloaded from central: https://repo/x/language-en-6.8.jar (2.8 MB at 9 MB/s)"
for jar in languagetool-server-6.8 language-en-6.8 languagetool-core-6.8; do
  echo jar > "$out/$jar.jar"
done"""
FAILS = """echo "[ERROR] Failed to execute goal: Could not resolve dependencies"; exit 1"""


@pytest.fixture
def fake_mvn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def make(body: str) -> Path:
        calls = tmp_path / "mvn-calls"
        script = tmp_path / "mvn"
        script.write_text(FAKE_MVN.format(calls=calls, body=body))
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
        monkeypatch.setenv("FACTLINT_MAVEN", str(script))
        return calls

    return make


def test_second_install_runs_nothing(fake_mvn, tmp_path):
    calls = fake_mvn(RESOLVES)
    settings = LanguageToolSettings(url=None, cache_dir=tmp_path / "cache")
    lines: list[str] = []
    jars = install(settings, progress=lines.append)
    assert is_installed(jars) and installed_version(jars) == "6.8"
    assert any("language-en-6.8.jar (2.8 MB" in line for line in lines)
    assert len(calls.read_text().splitlines()) == 1
    install(settings, progress=lines.append)
    assert len(calls.read_text().splitlines()) == 1
    assert "already installed" in lines[-1]
    assert [p.name for p in jars.parent.iterdir() if p.name.startswith(".install-")] == []


def test_unfinished_install_is_redone(fake_mvn, tmp_path):
    calls = fake_mvn(RESOLVES)
    settings = LanguageToolSettings(url=None, cache_dir=tmp_path / "cache")
    settings.jars.mkdir(parents=True)
    (settings.jars / "half.jar").write_text("")  # an interrupted earlier run, no marker
    install(settings, progress=None)
    assert calls.exists() and is_installed(settings.jars)
    assert not (settings.jars / "half.jar").exists()


def test_maven_failure_is_one_line(fake_mvn, tmp_path):
    fake_mvn(FAILS)
    settings = LanguageToolSettings(url=None, cache_dir=tmp_path / "cache")
    with pytest.raises(LanguageToolError) as err:
        install(settings, progress=None)
    assert str(err.value) == (
        "Maven could not resolve LanguageTool: Failed to execute goal: "
        "Could not resolve dependencies"
    )
    assert not is_installed(settings.jars)


def test_missing_maven_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTLINT_MAVEN", raising=False)
    monkeypatch.delenv("MAVEN_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    settings = LanguageToolSettings(url=None, cache_dir=tmp_path / "cache")
    with pytest.raises(LanguageToolError, match=r"Maven \(mvn\) not found"):
        install(settings, progress=None)


def test_pom_excludes_every_other_language():
    text = pom("6.8")
    assert "<artifactId>language-all</artifactId>" in text.split("languagetool-server")[1]
    assert "language-de" not in text and "spanish-pos-dict" in text
