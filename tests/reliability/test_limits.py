"""Bounds a draft cannot break: publication dates at the calendar's edge, very many
findings, and a slow (not catastrophic) regular expression.

Through the real command line, with the default packs where the dates matter (the
date, people, world and events rules all read the publication date).
"""

from __future__ import annotations

import json
import time

import pytest
from test_cli import cli

from lint import regex_budget

from .conftest import error_lines

RICH = (
    "Last year, on Monday, March 3, the 45-year-old President Joe Biden, born in 1942, "
    "visited Paris, the capital of Germany, for Christmas Day on December 25. The Berlin "
    "Wall fell in 1989. Next week, three years ago, in the 1990s, on 29 February.\n"
)
EDGES = ["9999-12-31", "0001-01-01", "10000-01-01"]


def internal_errors(stderr: str) -> list[str]:
    return [e for e in error_lines(stderr) if " failed: " in e or "Traceback" in e]


@pytest.fixture
def plain(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("languagetool: {enabled: false}\n")
    return tmp_path


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_front_matter_date_at_the_edge_is_one_positioned_note(plain, date):
    (plain / "d.md").write_text(f"---\ntitle: x\ndate: {date}\n---\n\n{RICH}")
    result = cli("check", "d.md", cwd=plain)
    assert not internal_errors(result.stderr), result.stderr
    [note] = [n for n in result.stderr.splitlines() if "publication date" in n and "outside" in n]
    assert note.startswith(f"factlint: note: d.md:3:7: publication date {date}")
    assert "linted as a draft without a date" in note
    assert result.exit_code in (0, 1)


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_html_meta_date_at_the_edge_is_one_positioned_note(plain, date):
    page = (
        f'<html><head><meta name="pubdate" content="{date}"></head>'
        f"<body><p>{RICH}</p></body></html>\n"
    )
    (plain / "d.html").write_text(page)
    result = cli("check", "d.html", cwd=plain)
    assert not internal_errors(result.stderr), result.stderr
    [note] = [n for n in result.stderr.splitlines() if "outside the dates" in n]
    assert note.startswith(f"factlint: note: d.html:1:{page.index(date) + 1}: ")


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "0999-12-31", "9000-01-01"])
def test_pubdate_option_at_the_edge_is_refused_in_one_line(plain, date):
    (plain / "d.txt").write_text(RICH)
    result = cli("check", "d.txt", "--pubdate", date, cwd=plain)
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        f"factlint: error: --pubdate: publication date {date}"
        + (" (a placeholder for no date?)" if date in ("9999-12-31", "0001-01-01") else "")
        + " is outside the dates factlint judges by (1000-01-01 to 8999-12-31)"
    ]


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_config_pubdate_at_the_edge_is_refused_where_it_is_written(plain, date):
    (plain / "d.txt").write_text(RICH)
    (plain / ".factlint.yaml").write_text(f"languagetool: {{enabled: false}}\npubdate: {date}\n")
    result = cli("check", "d.txt", cwd=plain)
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    assert line.startswith(f"factlint: error: {plain / '.factlint.yaml'}:2:10: publication date")


@pytest.mark.parametrize("date", ["1000-01-01", "8999-12-31"])
def test_the_last_dates_judged_by_run_every_rule_without_an_internal_error(plain, date):
    (plain / "d.md").write_text(f"---\ndate: {date}\n---\n\n{RICH}")
    for args in (["d.md"], ["d.md", "--pubdate", date]):
        result = cli("check", *args, cwd=plain)
        assert not internal_errors(result.stderr), result.stderr
        assert result.exit_code in (0, 1)


def test_a_date_past_the_calendar_in_front_matter_is_no_date(plain):
    (plain / "d.md").write_text(f"---\ndate: 10000-01-01\n---\n\n{RICH}")
    result = cli("check", "d.md", cwd=plain)
    assert not internal_errors(result.stderr), result.stderr


# -- very many findings ---------------------------------------------------------


def test_a_megabyte_paste_of_one_mistake_is_capped_with_a_count(project):
    """A paste accident: 'They tow the line.' 60,000 times, in one paragraph (1.1 MB).
    Each rule reports 100 and says how many more; the run stays bounded."""
    (project / "paste.txt").write_text("They tow the line. " * 60_000)
    start = time.monotonic()
    result = cli("check", "paste.txt", "-f", "json", cwd=project)
    elapsed = time.monotonic() - start
    issues = json.loads(result.stdout)
    assert len(issues) == 100
    assert {i["rule"] for i in issues} == {"house.tow"}
    assert "factlint: note: paste.txt: house.tow: the first 100 shown, … and 59,900 more" in (
        result.stderr.splitlines()
    )
    assert elapsed < 240, elapsed


def test_text_output_of_many_findings_is_capped_too(project):
    (project / "paste.md").write_text("They tow the line.\n\n" * 500)
    result = cli("check", "paste.md", cwd=project)
    assert result.stdout.count("house.tow") == 100
    assert "Found 100 issues" in result.stdout
    assert "… and 400 more" in result.stderr


def test_below_the_cap_nothing_is_cut(project):
    (project / "some.md").write_text("They tow the line.\n\n" * 100)
    result = cli("check", "some.md", "-f", "json", cwd=project)
    assert len(json.loads(result.stdout)) == 100
    assert "more" not in result.stderr


def test_the_cap_is_per_rule_and_per_file(project):
    (project / "a.md").write_text("They tow the line. A very unique chance.\n\n" * 150)
    (project / "b.md").write_text("They tow the line.\n\n" * 3)
    result = cli("check", "a.md", "b.md", "-f", "json", cwd=project)
    issues = json.loads(result.stdout)
    by = {(i["path"], i["rule"]) for i in issues}
    assert sum(1 for i in issues if i["path"] == "a.md" and i["rule"] == "house.tow") == 100
    assert sum(1 for i in issues if i["rule"] == "house.very-unique") == 100
    assert ("b.md", "house.tow") in by
    assert sum(1 for n in result.stderr.splitlines() if "… and 50 more" in n) == 2


# -- a slow regular expression ------------------------------------------------------

SLOW_PACK = r"""
name: house
description: A pack with a slow pattern.
rules:
  - id: slow
    kind: existence
    summary: A word written again later with a z.
    patterns: ['\b(\w+)\b(?=[\s\S]*\b\1z)']
    examples:
      bad: [A word and wordz.]
      good: [A word.]
  - id: tow
    kind: substitution
    summary: Broken idiom.
    swap: {tow the line: toe the line}
    examples:
      bad: [They tow the line.]
      good: [The tug will tow the barge.]
"""


def test_a_slow_pattern_is_stopped_per_document_and_named(tmp_path, monkeypatch):
    """Each paragraph's scan takes a fraction of a second (never the per-call limit),
    but over 40 paragraphs it would take far longer than the rule's budget."""
    monkeypatch.setattr(regex_budget, "BUDGET", 1.0)
    (tmp_path / "house.yaml").write_text(SLOW_PACK)
    (tmp_path / ".factlint.yaml").write_text(
        "packs: [./house.yaml]\nlanguagetool: {enabled: false}\n"
    )
    words = [" ".join(f"w{j}x{i}" for i in range(1200)) for j in range(40)]
    (tmp_path / "slow.txt").write_text("\n\n".join(f"{w}. They tow the line." for w in words))
    start = time.monotonic()
    result = cli("check", "slow.txt", "-f", "json", cwd=tmp_path)
    elapsed = time.monotonic() - start
    notes = [n for n in result.stderr.splitlines() if "was stopped" in n]
    assert notes == [
        "factlint: note: slow.txt: rule house.slow was stopped: its regular expressions took "
        f"more than {notes[0].split('more than ')[1].split(' s')[0]} s on this document "
        "(a slow pattern); what it found before is kept"
    ]
    assert not error_lines(result.stderr)
    issues = json.loads(result.stdout)
    assert sum(1 for i in issues if i["rule"] == "house.tow") == 40  # the other rule ran on
    assert elapsed < 60, elapsed


def test_the_budget_is_per_document(tmp_path, monkeypatch):
    monkeypatch.setattr(regex_budget, "BUDGET", 1.0)
    (tmp_path / "house.yaml").write_text(SLOW_PACK)
    (tmp_path / ".factlint.yaml").write_text(
        "packs: [./house.yaml]\nlanguagetool: {enabled: false}\n"
    )
    slow = "\n\n".join(" ".join(f"v{j}y{i}" for i in range(1200)) for j in range(40))
    (tmp_path / "a.txt").write_text(slow)
    (tmp_path / "b.txt").write_text(slow.replace("v", "u"))
    result = cli("check", "a.txt", "b.txt", cwd=tmp_path)
    stopped = [n for n in result.stderr.splitlines() if "was stopped" in n]
    assert [n.split(":")[2].strip() for n in stopped] == ["a.txt", "b.txt"]


def test_a_fast_pattern_is_never_stopped(project):
    (project / "long.md").write_text("They tow the line.\n\n" * 2000)
    result = cli("check", "long.md", cwd=project)
    assert "was stopped" not in result.stderr
