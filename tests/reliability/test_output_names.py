"""Output is safe for any file name, in every format, in-process and through the service.

A file name is bytes: a newline must not forge a second record, an ESC must never reach
the terminal, a bidirectional override must not reorder what a reviewer reads, and a
name that is not UTF-8 (Latin-1 from a zip) must still give valid UTF-8 JSON and SARIF.
SARIF's artifactLocation.uri is a percent-encoded RFC 3986 URI reference. Also SARIF's
rule catalogue and fixes, GitHub's wording of deletions and JSON's ``fixable``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from test_cli import cli
from test_formatters import sarif_schema  # noqa: F401  (fixture)

from .conftest import error_lines

BAD = "They tow the line.\n"
CONFIG = "packs: [idioms, boilerplate]\nlanguagetool: {enabled: false}\n"
NAMES = {
    "newline": b"two\nlines.md",
    "fake-record": b"x.md:9:9: error forged.rule all is well\ny.md",
    "carriage-return": b"cr\rback.md",
    "escape": b"esc\x1b[2J\x1b[31mred.md",
    "bell-and-del": b"bell\x07del\x7f.md",
    "c1-csi": "c1\u009b31m.md".encode(),
    "bidi-override": "doc\u202etxt.md".encode(),
    "latin-1": b"caf\xe9.md",
    "invalid-utf8-run": b"\xff\xfe\xfdbytes.md",
    "space-percent-hash": b"a b%20#c?.md",
    "colon-first": b"a:b.md",
    "unicode": "café-naïve.md".encode(),
}
FORMATS = ["text", "json", "github", "sarif"]


@pytest.fixture
def named(tmp_path) -> Path:
    """A directory with one bad draft under each awkward name."""
    root = tmp_path / "drafts"
    root.mkdir()
    (tmp_path / ".factlint.yaml").write_text(CONFIG)
    for name in NAMES.values():
        with open(os.path.join(os.fsencode(root), name), "w") as f:
            f.write(BAD)
    return tmp_path


class Run:
    """A check's exit code and its output as bytes."""

    def __init__(self, code: int, stdout: bytes, stderr: bytes) -> None:
        self.returncode, self.stdout, self.stderr = code, stdout, stderr


def run_real(cwd: Path, *args: str) -> Run:
    """The real command line, in-process (the names reach it from a directory walk or
    as arguments, exactly as from a shell); output kept as bytes."""
    result = cli(*args, cwd=cwd)
    return Run(result.exit_code, result.stdout_bytes, result.stderr_bytes)


def assert_safe(out: bytes, fmt: str, count: int) -> None:
    text = out.decode("utf-8")  # strict: valid UTF-8 or the test fails
    for bad in ("\x1b", "\x07", "\x7f", "\u009b", "\u202e", "\r"):
        assert bad not in text, (fmt, bad)
    if fmt == "text":
        records = [ln for ln in text.splitlines() if ": warning " in ln]
        assert len(records) == count
        assert len(text.splitlines()) == count + 1  # and the summary: no forged line
        assert not any(
            ln.startswith("x.md:9:9") or ln.startswith("y.md") for ln in text.splitlines()
        )
    elif fmt == "github":
        lines = text.splitlines()
        assert len(lines) == count and all(ln.startswith("::warning file=") for ln in lines)
    else:
        json.loads(text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_valid_and_one_record_per_issue(named, fmt):
    proc = run_real(named, "check", "--no-show-source", "-f", fmt, "drafts")
    assert proc.returncode == 1, proc.stderr
    assert_safe(proc.stdout, fmt, len(NAMES))
    proc.stderr.decode("utf-8")
    assert b"\x1b" not in proc.stderr


def test_text_names_are_escaped_readably(named):
    proc = run_real(named, "check", "--no-show-source", "drafts")
    text = proc.stdout.decode()
    assert "drafts/two\\nlines.md:1:6: warning" in text
    assert "drafts/esc\\x1b[2J\\x1b[31mred.md:1:6:" in text
    assert "drafts/caf\\xe9.md:1:6:" in text
    assert "drafts/doc\\u202etxt.md:1:6:" in text
    assert "drafts/café-naïve.md:1:6:" in text  # valid UTF-8 stays as it is


def test_json_paths_stay_exact_where_they_are_utf8(named):
    issues = json.loads(run_real(named, "check", "-f", "json", "drafts").stdout)
    paths = {i["path"] for i in issues}
    assert "drafts/two\nlines.md" in paths  # JSON escapes the newline itself
    assert "drafts/caf\\xe9.md" in paths  # the byte that is not UTF-8, as \xe9
    assert "drafts/café-naïve.md" in paths


def test_sarif_uris_are_percent_encoded_references_of_the_exact_bytes(named, sarif_schema):  # noqa: F811
    import jsonschema

    log = json.loads(run_real(named, "check", "-f", "sarif", "drafts").stdout)
    jsonschema.validate(log, sarif_schema)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/%")
    assert all(set(u) <= allowed for u in uris), uris
    got = {urllib.parse.unquote_to_bytes(u) for u in uris}
    assert got == {b"drafts/" + n for n in NAMES.values()}
    assert "drafts/a%3Ab.md" in uris  # a colon cannot pass for a scheme
    assert "drafts/caf%E9.md" in uris


def test_sarif_absolute_paths_are_file_uris(named):
    target = os.fsdecode(os.fsencode(named / "drafts") + b"/caf\xe9.md")
    log = json.loads(run_real(named, "check", "-f", "sarif", target).stdout)
    [result] = log["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/drafts/caf%E9.md")
    assert urllib.parse.unquote_to_bytes(uri[len("file://") :]) == os.fsencode(target)


def test_errors_about_awkward_names_are_one_line_each(named):
    (named / "drafts" / "bin\nary.md").write_bytes(b"\x00\x01")
    proc = run_real(named, "check", "drafts")
    errors = error_lines(proc.stderr.decode("utf-8", "backslashreplace"))
    assert proc.returncode == 2
    assert len([e for e in errors if "binary" in e]) == 1


# -- through the warm service ----------------------------------------------------


@pytest.fixture
def service_env():
    home = Path(f"/tmp/fl-names-{os.getpid()}-{time.monotonic_ns()}")  # short: AF_UNIX
    env = {**os.environ, "FACTLINT_SERVICE": "1", "FACTLINT_SERVICE_DIR": str(home)}
    yield env
    factlint = str(Path(sys.executable).with_name("factlint"))
    subprocess.run([factlint, "service", "stop"], env=env, capture_output=True, timeout=60)
    for pidfile in home.glob("*.pid"):
        with contextlib.suppress(ValueError, OSError):
            os.kill(int(pidfile.read_text().split()[0]), signal.SIGTERM)


@pytest.mark.slow
def test_through_the_service_every_format_is_valid(named, service_env):
    """The same names through the warm service (a real daemon, the real client)."""
    factlint = str(Path(sys.executable).with_name("factlint"))
    for fmt in FORMATS:
        proc = subprocess.run(
            [factlint, "check", "--no-show-source", "-f", fmt, "drafts"],
            cwd=named, env=service_env, capture_output=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 1, proc.stderr
        assert_safe(proc.stdout, fmt, len(NAMES))
        assert b"\x1b" not in proc.stderr
    status = subprocess.run(
        [factlint, "service", "status"], env=service_env, capture_output=True, text=True
    )
    assert f"{len(FORMATS)} checks served" in status.stdout, status.stdout


# -- SARIF's rule catalogue, fixes; GitHub's deletions; JSON's fixable --------------


def test_sarif_lists_every_enabled_rule_with_descriptions_link_and_level(tmp_path):
    (tmp_path / ".factlint.yaml").write_text(CONFIG)
    (tmp_path / "d.md").write_text("Advertisement\n\nThey tow the line.\n")
    log = json.loads(cli("check", "d.md", "-f", "sarif", cwd=tmp_path).stdout)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    listed = json.loads(cli("rules", "-f", "json", cwd=tmp_path).stdout)
    enabled = {r["id"] for r in listed if r.get("enabled", True)}
    assert {r["id"] for r in rules} >= enabled
    assert len(rules) > 50  # every rule, not just the two that fired
    for rule in rules:
        assert rule["shortDescription"]["text"].strip()
        assert rule["fullDescription"]["text"].strip()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    with_link = [r for r in rules if "helpUri" in r]
    assert len(with_link) == len([r for r in listed if r.get("link")]) or with_link
    results = log["runs"][0]["results"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_fixes_only_where_the_fix_is_safe(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "name: house\ndescription: d\nrules:\n"
        "  - id: tow\n    kind: substitution\n    summary: s\n    swap: {tow the line: toe the line}\n"
        "    examples: {bad: [They tow the line.], good: [The tug will tow the barge.]}\n"
        "  - id: unique\n    kind: existence\n    summary: s\n    fix: false\n"
        "    tokens: [very unique]\n    suggestion: unique\n"
        "    examples: {bad: [A very unique day.], good: [A unique day.]}\n"
    )
    (tmp_path / ".factlint.yaml").write_text(
        "packs: [./house.yaml, boilerplate]\nlanguagetool: {enabled: false}\n"
    )
    (tmp_path / "d.md").write_text("Advertisement\n\nThey tow the line on a very unique day.\n")
    log = json.loads(cli("check", "d.md", "-f", "sarif", cwd=tmp_path).stdout)
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert by_rule["house.tow"]["fixes"][0]["description"]["text"] == "Replace with 'toe the line'"
    assert "fixes" not in by_rule["house.unique"]  # fix: false
    [fix] = by_rule["boilerplate.advertisement"]["fixes"]
    assert fix["description"]["text"] == "Delete 'Advertisement'"
    change = fix["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == ""


def test_github_words_a_deletion_as_a_deletion(tmp_path):
    (tmp_path / ".factlint.yaml").write_text(CONFIG)
    (tmp_path / "d.md").write_text("Advertisement\n\nThey tow the line.\n")
    out = cli("check", "d.md", "-f", "github", cwd=tmp_path).stdout
    assert "(suggestion: )" not in out
    [ad] = [ln for ln in out.splitlines() if "boilerplate" in ln]
    assert ad.endswith("(delete 'Advertisement')")


def test_json_says_whether_each_issue_is_safely_fixable(tmp_path):
    (tmp_path / ".factlint.yaml").write_text(CONFIG)
    (tmp_path / "d.md").write_text("Advertisement\n\nThey tow the line.\n")
    issues = json.loads(cli("check", "d.md", "-f", "json", cwd=tmp_path).stdout)
    assert all(isinstance(i["fixable"], bool) for i in issues)
    assert {i["rule"]: i["fixable"] for i in issues}["idioms.tow-the-line"] is True
