"""The Python API: what a newsroom script calls instead of the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

import lint
from lint.api import CheckError, Linter, Results

IDIOM = "The minister said the party would tow the line on the budget.\n"


def test_check_text_returns_issues_of_the_json_contract():
    issues = lint.check_text(IDIOM, languagetool=False, cache=False)
    assert isinstance(issues, Results)
    [issue] = [i for i in issues if i.rule == "idioms.tow-the-line"]
    assert (issue.path, issue.line, issue.column) == ("<text>", 1, 35)
    assert issue.replacements == ("toe the line",)
    assert dataclasses.is_dataclass(issue)
    with pytest.raises(dataclasses.FrozenInstanceError):
        issue.line = 2  # type: ignore[misc]
    data = issue.to_dict()
    assert {"path", "line", "column", "rule", "severity", "message", "replacements"} <= set(data)
    json.dumps(data)  # the contract is JSON


def test_check_text_judges_dates_at_the_pubdate_it_is_given():
    text = "The summit opened on Monday, April 27, 2025, in the capital.\n"
    rules = {i.rule for i in lint.check_text(text, pubdate="2025-05-01", languagetool=False)}
    assert "dates.weekday-mismatch" in rules
    later = lint.check_text(text, pubdate=dt.date(2025, 5, 1), languagetool=False)
    assert "dates.weekday-mismatch" in {i.rule for i in later}


def test_markdown_positions_are_in_the_source():
    source = "# Budget\n\nThe party will *tow the line*, she said.\n"
    issues = lint.check_text(source, kind="markdown", path="budget.md", languagetool=False)
    [issue] = [i for i in issues if i.rule == "idioms.tow-the-line"]
    assert (issue.path, issue.line, issue.column) == ("budget.md", 3, 17)


def test_config_as_a_mapping_selects_rules():
    issues = lint.check_text(IDIOM, config={"ignore": ["idioms"]}, languagetool=False)
    assert not [i for i in issues if i.rule.startswith("idioms.")]


def test_a_broken_configuration_raises_one_line():
    with pytest.raises(CheckError, match="unknown setting"):
        lint.check_text(IDIOM, config={"colour": "blue"}, languagetool=False)
    with pytest.raises(CheckError, match="not a date"):
        lint.check_text(IDIOM, pubdate="someday", languagetool=False)
    with pytest.raises(CheckError, match="kind"):
        lint.check_text(IDIOM, kind="rtf", languagetool=False)  # type: ignore[arg-type]


def test_check_paths_lints_what_it_can_and_names_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(IDIOM, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nShe could care less about it.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    results = lint.check_paths([tmp_path, tmp_path / "missing.txt"], languagetool=False)
    paths = {i.path.rsplit("/", 1)[-1] for i in results}
    assert {"a.txt", "b.md"} <= paths
    assert any("missing.txt" in e for e in results.errors)
    assert any("bad.txt" in e for e in results.errors)
    assert any("LanguageTool was skipped" in n for n in results.notes)


def test_a_linter_stays_warm_between_calls():
    with Linter(languagetool=False, cache=False) as linter:
        first = linter.check_text(IDIOM)
        parses = linter.engine.parses.hits
        second = linter.check_text(IDIOM)
        assert second == first
        assert linter.engine.parses.hits > parses or linter.engine.cache.hits > 0


def test_standard_input_is_not_a_path():
    with pytest.raises(CheckError, match="check_text"):
        lint.check_paths(["-"], languagetool=False)
