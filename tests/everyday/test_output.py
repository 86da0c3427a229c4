"""--statistics, like Ruff's: counts by rule, or by file."""

from __future__ import annotations

import json

TEXT = "They tow the line.\n\nA very unique chance.\n\nThey tow the line again.\n"


def test_statistics_by_rule(factlint, write):
    write("a.txt", TEXT)
    write("b.txt", "They tow the line.\n")
    result = factlint("check", "a.txt", "b.txt", "--statistics", "--no-languagetool")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "3  house.tow          [*]  warning",
        "1  house.very-unique       error",
        "Found 4 issues (3 fixable with --fix: [*] all of a row, [-] some).",
    ]


def test_statistics_by_file_and_as_json(factlint, write):
    write("a.txt", TEXT)
    write("b.txt", "They tow the line.\n")
    result = factlint("check", "a.txt", "b.txt", "--statistics=files", "--no-languagetool")
    assert result.stdout.splitlines()[:2] == [
        "3  a.txt  [-]  error  2 rules",
        "1  b.txt  [*]  warning  1 rule",
    ]
    result = factlint("check", "a.txt", "b.txt", "--statistics", "-f", "json", "--no-languagetool")
    assert json.loads(result.stdout) == [
        {"rule": "house.tow", "count": 3, "fixable": 3, "severity": "warning"},
        {"rule": "house.very-unique", "count": 1, "fixable": 0, "severity": "error"},
    ]


def test_statistics_refuses_formats_it_cannot_print(factlint, write):
    write("a.txt", TEXT)
    result = factlint("check", "a.txt", "--statistics", "-f", "sarif")
    assert result.exit_code == 2
    assert "--statistics prints text or json, not --format sarif" in result.stderr


def test_a_bare_statistics_flag_never_swallows_the_path(factlint, write):
    write("drafts/a.txt", TEXT)
    result = factlint("check", "--statistics", "drafts", "--no-languagetool")
    assert result.exit_code == 1, result.stderr
    assert result.stdout.splitlines()[0] == "2  house.tow          [*]  warning"
