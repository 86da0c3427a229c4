"""Mistakes are caught, not silently accepted: a typo in a rule id names the closest ones."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

BAD = "They tow the line.\n"


def test_typo_in_config_select_is_an_error_where_it_was_written(factlint, write):
    write(
        ".factlint.yaml",
        "packs: [./house.yaml]\nlanguagetool: {enabled: false}\nselect: [house.tw]\n",
    )
    write("a.txt", BAD)
    result = factlint("check", "a.txt")
    assert result.exit_code == 2
    assert (
        ".factlint.yaml:3:10: select: unknown rule id 'house.tw'; did you mean 'house.tow'"
        in result.stderr
    )
    assert result.stdout == ""


def test_typo_in_severity_and_per_file_ignores_positioned(factlint, write):
    write(".factlint.yaml", "packs: [./house.yaml]\nseverity:\n  house.very-uniqe: info\n")
    write("a.txt", BAD)
    result = factlint("check", "a.txt", "--no-languagetool")
    assert result.exit_code == 2
    assert (
        ".factlint.yaml:3:3: severity: unknown rule id 'house.very-uniqe'; did you mean 'house.very-unique'"
        in result.stderr
    )
    write(".factlint.yaml", "packs: [./house.yaml]\nper-file-ignores: {'old/*': [hous]}\n")
    result = factlint("check", "a.txt", "--no-languagetool")
    assert result.exit_code == 2
    assert (
        "per-file-ignores: unknown rule id or pack name 'hous'; did you mean 'house'"
        in result.stderr
    )


def test_globs_and_pack_names_that_match_rules_are_fine(factlint, write):
    write(
        ".factlint.yaml",
        "packs: [./house.yaml]\nignore: [house.very-*, languagetool.EN_QUOTES, style]\n",
    )
    write("a.txt", BAD + "\nA very unique chance.\n")
    result = factlint("check", "a.txt", "--no-languagetool")
    assert result.exit_code == 1, result.stderr
    assert "house.tow" in result.stdout and "house.very-unique" not in result.stdout


def test_glob_matching_nothing_is_an_error(factlint, write):
    write("a.txt", BAD)
    result = factlint("check", "a.txt", "--no-languagetool", "--ignore", "huose.*")
    assert result.exit_code == 2
    assert "--ignore: unknown glob 'huose.*'; did you mean 'house'" in result.stderr


def test_typo_on_the_command_line_changes_nothing(factlint, write):
    path = write("a.txt", BAD)
    result = factlint("check", "a.txt", "--no-languagetool", "--select", "house.tw", "--fix")
    assert result.exit_code == 2
    assert "--select: unknown rule id 'house.tw'; did you mean 'house.tow'" in result.stderr
    assert path.read_text() == BAD  # refused before any fix was written


def test_typo_in_inline_directive_is_an_error_at_its_position(factlint, write):
    write(
        "d.md",
        "They tow the line.\n\n<!-- factlint-disable-next-line house.tw -->\nThey tow the line.\n",
    )
    result = factlint("check", "d.md", "--no-languagetool")
    assert result.exit_code == 2
    assert (
        "d.md:3:33: factlint-disable-next-line: unknown rule id 'house.tw'; did you mean 'house.tow'"
        in result.stderr
    )
    write(
        "d.md",
        "They tow the line.\n\n<!-- factlint-disable-next-line house.tow -->\nThey tow the line.\n",
    )
    result = factlint("check", "d.md", "--no-languagetool")
    assert result.exit_code == 1, result.stderr
    assert [line.split(":")[1] for line in result.stdout.splitlines()[:-1]] == ["1"]


def test_missing_path_is_an_error_without_a_contradicting_summary(factlint):
    result = factlint("check", "nope.md", "--no-languagetool")
    assert result.exit_code == 2
    assert result.stderr.startswith("factlint: error: nope.md: no such file or directory")
    assert "No issues" not in result.stdout + result.stderr


def test_directory_without_drafts_says_so(factlint, project):
    (project / "empty").mkdir()
    (project / "empty" / "notes.csv").write_text("a,b\n")
    result = factlint("check", "empty", "--no-languagetool")
    assert result.exit_code == 0
    assert "empty: no drafts to lint here" in result.stderr
    assert "0 files" not in result.stdout


def test_quiet_prints_only_issues_and_errors(factlint, write):
    write("a.txt", BAD)
    write("empty.txt", "")
    result = factlint("check", "a.txt", "empty.txt", "missing.txt", "-q", "--no-languagetool")
    assert result.exit_code == 2
    assert (
        result.stdout
        == "a.txt:1:6: warning house.tow Use 'toe the line' instead of 'tow the line'.\n"
    )
    assert result.stderr == "factlint: error: missing.txt: no such file or directory\n"


def test_fix_with_diff_is_refused(factlint, write):
    path = write("a.txt", BAD)
    result = factlint("check", "a.txt", "--fix", "--diff")
    assert result.exit_code == 2
    assert "--fix writes the fixes and --diff only shows them: choose one" in result.stderr
    assert path.read_text() == BAD


def _on_a_terminal(args: list[str], cwd: Path, env: dict) -> str:
    """factlint's stdout when it is a terminal (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "lint.cli", *args], cwd=cwd, env=env, stdout=follower,
        stderr=subprocess.DEVNULL, timeout=300,
    )  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.returncode == 1
    return b"".join(chunks).decode()


def test_no_color_is_honoured_on_a_terminal(project, write):
    write("a.txt", BAD)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    args = ["check", "a.txt", "--no-languagetool"]
    assert "\033[" in _on_a_terminal(args, project, env)
    plain = _on_a_terminal(args, project, {**env, "NO_COLOR": "1"})
    assert "\033[" not in plain
    assert "a.txt:1:6: warning house.tow" in plain
    assert "    1 | They tow the line." in plain  # the source line still shows on a terminal
