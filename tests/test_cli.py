"""The command line as a user drives it: click's runner for detail, a real subprocess for the whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from lint.cli import main

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "lint" / "schema" / "issues.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text())
SHARED = Path(__file__).resolve().parents[2] / "shared" / "contract" / "issues.schema.json"


@pytest.mark.skipif(
    not SHARED.exists(), reason="the shared design contract is not beside this checkout"
)
def test_schema_copy_matches_the_contract():
    assert json.loads(SHARED.read_text()) == SCHEMA


def cli(*args: str, cwd: Path, input: str | None = None):
    """Run factlint in ``cwd``; ``.stdout`` and ``.stderr`` are kept apart."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_text_output_and_exit_code(project, write):
    write("draft.md", "# Title\n\nThey tow the line.\n\nA very unique chance.\n")
    result = cli("check", "draft.md", "--show-source", cwd=project)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "draft.md:3:6: warning house.tow Use 'toe the line' instead of 'tow the line'."
    )
    assert lines[1] == "    3 | They tow the line."
    assert lines[2] == "      |      ^^^^^^^^^^^^"
    assert "draft.md:5:3: error house.very-unique Avoid 'very unique'." in result.stdout
    assert "Found 2 issues (1 error, 1 warning) in 1 file. 1 fixable with --fix." in result.stdout


def test_clean_file_exits_zero(project, write):
    write("ok.txt", "The tug will tow the barge.\n")
    result = cli("check", "ok.txt", cwd=project)
    assert result.exit_code == 0
    assert "No issues in 1 file." in result.stdout


def test_fail_on_threshold(project, write):
    write("draft.txt", "They tow the line.\n")
    assert cli("check", "draft.txt", "--fail-on", "error", cwd=project).exit_code == 0
    assert cli("check", "draft.txt", "--fail-on", "warning", cwd=project).exit_code == 1
    assert cli("check", "draft.txt", "--fail-on", "never", cwd=project).exit_code == 0


def test_json_matches_contract(project, write):
    write("draft.md", "Intro.\n\nThey\ntow the line.\n")
    result = cli("check", "draft.md", "-f", "json", cwd=project)
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    [issue] = data
    assert issue == {
        "path": "draft.md",
        "line": 4,
        "column": 1,
        "end_line": 4,
        "end_column": 13,
        "offset": 13,
        "length": 12,
        "rule": "house.tow",
        "category": "style",
        "severity": "warning",
        "message": "Use 'toe the line' instead of 'tow the line'.",
        "replacements": ["toe the line"],
        "source": "factlint",
        "fixable": True,  # added backwards-compatibly: --fix may apply replacements[0]
    }


def test_select_ignore_and_severity_overrides(project, write):
    write("draft.txt", "They tow the line. A very unique day.\n")
    out = cli("check", "draft.txt", "-f", "json", "--ignore", "house.tow", cwd=project).stdout
    assert [i["rule"] for i in json.loads(out)] == ["house.very-unique"]
    out = cli("check", "draft.txt", "-f", "json", "--select", "house.t*", cwd=project).stdout
    assert [i["rule"] for i in json.loads(out)] == ["house.tow"]
    write(
        ".factlint.yaml",
        "packs: [./house.yaml]\nseverity: {house.*: info}\nlanguagetool: {enabled: false}\n",
    )
    result = cli("check", "draft.txt", "-f", "json", cwd=project)
    assert {i["severity"] for i in json.loads(result.stdout)} == {"info"}
    assert result.exit_code == 0


def test_directories_recurse_by_extension(project, write):
    write("drafts/a.md", "They tow the line.\n")
    write("drafts/sub/b.html", "<p>They tow the line.</p>\n")
    write("drafts/sub/c.txt", "They tow the line.\n")
    write("drafts/notes.json", '{"x": "They tow the line."}\n')
    write("drafts/.hidden/d.md", "They tow the line.\n")
    out = cli("check", "drafts", "-f", "json", cwd=project).stdout
    paths = sorted({i["path"] for i in json.loads(out)})
    assert paths == ["drafts/a.md", "drafts/sub/b.html", "drafts/sub/c.txt"]


def test_bad_files_are_reported_and_others_still_linted(project, write, tmp_path):
    write("good.txt", "They tow the line.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 society\n".encode("latin-1"))
    result = cli(
        "check", "binary.txt", "good.txt", "latin1.txt", "missing.md", "-f", "json", cwd=project
    )
    assert result.exit_code == 2
    assert [i["path"] for i in json.loads(result.stdout)] == ["good.txt"]
    errors = result.stderr.splitlines()
    assert (
        "factlint: error: binary.txt: binary file (contains NUL bytes), not a text draft" in errors
    )
    assert any(
        e.startswith("factlint: error: latin1.txt: not valid UTF-8 at line 1") for e in errors
    )
    assert "factlint: error: missing.md: no such file or directory" in errors


def test_utf16_with_bom_is_read(project, tmp_path):
    (tmp_path / "u16.txt").write_bytes("Line one.\nThey tow the line.\n".encode("utf-16"))
    data = json.loads(cli("check", "u16.txt", "-f", "json", cwd=project).stdout)
    assert [(i["line"], i["column"]) for i in data] == [(2, 6)]


def test_stdin_with_filename(project):
    result = cli(
        "check",
        "-",
        "--stdin-filename",
        "x.md",
        "-f",
        "json",
        cwd=project,
        input="Some `tow the line` code.\n\nThey tow the line.\n",
    )
    data = json.loads(result.stdout)
    assert [(i["path"], i["line"]) for i in data] == [("x.md", 3)]
    result = cli("check", "-", "-f", "json", cwd=project, input="They tow the line.\n")
    assert json.loads(result.stdout)[0]["path"] == "-"


def test_config_error_has_position_and_exit_2(project, write):
    write(".factlint.yaml", "packs: [./house.yaml]\nlanguage: fr-FR\n")
    write("d.txt", "x\n")
    result = cli("check", "d.txt", cwd=project)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("factlint: error: ")
    assert ".factlint.yaml:2:11: language must be one of" in result.stderr


def test_pack_error_has_position(project, write):
    write(
        "house.yaml",
        "name: house\nrules:\n  - id: x\n    kind: substitution\n    swap: {'(': y}\n    regex: true\n",
    )
    write("d.txt", "x\n")
    result = cli("check", "d.txt", cwd=project)
    assert result.exit_code == 2
    assert (
        "house.yaml:5:12: house.x: invalid regular expression in 'swap': missing ) at position 1 ('(')"
        in result.stderr
    )


def test_inline_suppression(project, write):
    write(
        "d.md",
        (
            "<!-- factlint-disable-next-line house.tow -->\nThey tow the line.\n\n"
            "They tow the line again.\n\n"
            "<!-- factlint-disable -->\nA very unique tow the line.\n<!-- factlint-enable -->\n\n"
            "A very unique end.\n"
        ),
    )
    write("d.txt", "# factlint-disable-next-line house.*\nThey tow the line.\nThey tow the line.\n")
    data = json.loads(cli("check", "d.md", "d.txt", "-f", "json", cwd=project).stdout)
    assert [(i["path"], i["line"], i["rule"]) for i in data] == [
        ("d.md", 4, "house.tow"),
        ("d.md", 10, "house.very-unique"),
        ("d.txt", 3, "house.tow"),
    ]


def test_fix_and_diff(project, write):
    path = write(
        "d.md", "Title\n\nThey *really* tow the line, and tow\nthe line.\n\n`tow the line`\n"
    )
    result = cli("check", "d.md", "--diff", cwd=project)
    assert "-They *really* tow the line, and tow\n" in result.stdout
    assert "+They *really* toe the line, and toe\n" in result.stdout
    assert "\n the line.\n" in result.stdout  # the hard wrap is kept
    assert (
        path.read_text()
        == "Title\n\nThey *really* tow the line, and tow\nthe line.\n\n`tow the line`\n"
    )
    cli("check", "d.md", "--fix", cwd=project)
    fixed = path.read_text()
    assert fixed == "Title\n\nThey *really* toe the line, and toe\nthe line.\n\n`tow the line`\n"
    cli("check", "d.md", "--fix", cwd=project)
    assert path.read_text() == fixed  # idempotent


def test_fix_never_touches_markup(project, write):
    path = write("d.md", "They tow *the* line.\n")
    cli("check", "d.md", "--fix", cwd=project)
    assert path.read_text() == "They tow *the* line.\n"


def test_rules_explain_init(project, write):
    out = cli("rules", cwd=project).stdout
    assert "house.tow" in out and "substitution" in out and "Broken idiom." in out
    out = cli("explain", "house.tow", cwd=project).stdout
    assert "They tow the line." in out and "The tug will tow the barge." in out
    assert cli("explain", "house.nope", cwd=project).exit_code == 2
    target = project / "new"
    target.mkdir()
    assert cli("init", "new", cwd=project).exit_code == 0
    assert (target / ".factlint.yaml").read_text().startswith("# factlint configuration")
    assert cli("init", "new", cwd=project).exit_code == 2
    from lint.config import load_config

    load_config(target / ".factlint.yaml")  # the starter file is a valid config


def test_test_packs_reports_failures(project, write):
    assert cli("test-packs", "house.yaml", cwd=project).exit_code == 0
    write(
        "broken.yaml",
        (
            "name: broken\nrules:\n  - id: x\n    kind: existence\n    tokens: [foo]\n"
            "    examples:\n      bad: [no match here]\n      good: [foo is here]\n"
        ),
    )
    result = cli("test-packs", "broken.yaml", cwd=project)
    assert result.exit_code == 1
    assert (
        "broken.yaml:7:13: broken.x: bad example was not flagged: 'no match here'" in result.stdout
    )
    assert "broken.yaml:8:14: broken.x: good example was flagged" in result.stdout


def test_real_subprocess(project, write):
    write("d.md", "They tow the line.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "d.md", "-f", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)[0]["rule"] == "house.tow"


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_other_formats_run(project, write, fmt):
    write("d.md", "They tow the line.\n")
    assert cli("check", "d.md", "-f", fmt, cwd=project).exit_code == 1
