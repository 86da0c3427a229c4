"""Formatters: golden output for a fixed set of issues, and SARIF against its schema."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import jsonschema
import pytest

from lint.findings import Issue
from lint.formatters import github, json_format, sarif, text
from lint.runner import FileResult, RunResult, Target

SOURCE = "Héllo 😀 world.\nThey tow the line.\n"


def result() -> RunResult:
    issues = [
        Issue("d.md", 1, 9, 1, 14, 8, 5, "house.word", "style", "info", "A word: 'world'."),
        Issue(
            "d.md",
            2,
            6,
            2,
            18,
            21,
            12,
            "idioms.tow-the-line",
            "style",
            "warning",
            "Use 'toe the line' instead of 'tow the line'.",
            ("toe the line",),
            fixable=True,
            link="https://example.org/rules/tow",
        ),
        Issue(
            "d.md",
            2,
            1,
            2,
            5,
            16,
            4,
            "languagetool.X_RULE",
            "grammar",
            "error",
            "Odd, isn't it: 50% of it\nover two lines",
            (),
            source="languagetool",
        ),
    ]
    issues.sort(key=lambda i: (i.line, i.column))
    return RunResult(
        files=[FileResult(Target("d.md", Path("d.md"), "markdown"), SOURCE, None, issues)]
    )


def render(write, **kw) -> str:
    out = io.StringIO()
    write(result(), out, **kw)
    return out.getvalue()


def test_text_golden_with_source_and_wide_characters():
    assert render(text.write, color=False, show_source=True) == (
        "d.md:1:9: info house.word A word: 'world'.\n"
        "    1 | Héllo 😀 world.\n"
        "      |          ^^^^^\n"
        "d.md:2:1: error languagetool.X_RULE Odd, isn't it: 50% of it over two lines\n"
        "    2 | They tow the line.\n"
        "      | ^^^^\n"
        "d.md:2:6: warning idioms.tow-the-line Use 'toe the line' instead of 'tow the line'.\n"
        "    2 | They tow the line.\n"
        "      |      ^^^^^^^^^^^^\n"
        "Found 3 issues (1 error, 1 warning, 1 info) in 1 file. 1 fixable with --fix.\n"
    )


def test_text_without_source_and_with_color():
    plain = render(text.write, color=False)
    assert "|" not in plain
    colored = render(text.write, color=True)
    assert "\033[1;33mwarning\033[0m" in colored


def test_json_golden():
    data = json.loads(render(json_format.write))
    assert data[2] == {
        "path": "d.md", "line": 2, "column": 6, "end_line": 2, "end_column": 18,
        "offset": 21, "length": 12, "rule": "idioms.tow-the-line", "category": "style",
        "severity": "warning", "message": "Use 'toe the line' instead of 'tow the line'.",
        "replacements": ["toe the line"], "source": "factlint", "fixable": True,
        "link": "https://example.org/rules/tow",
    }  # fmt: skip
    schema = json.loads((Path(__file__).parents[1] / "lint/schema/issues.schema.json").read_text())
    jsonschema.validate(data, schema)


def test_github_golden_escapes():
    assert render(github.write).splitlines() == [
        "::notice file=d.md,line=1,col=9,endLine=1,endColumn=14,title=house.word::A word: 'world'.",
        "::error file=d.md,line=2,col=1,endLine=2,endColumn=5,title=languagetool.X_RULE::"
        "Odd, isn't it: 50%25 of it%0Aover two lines",
        "::warning file=d.md,line=2,col=6,endLine=2,endColumn=18,title=idioms.tow-the-line::"
        "Use 'toe the line' instead of 'tow the line'.",
    ]


@pytest.fixture(scope="session")
def sarif_schema(tmp_path_factory) -> dict:
    """The SARIF 2.1.0 JSON schema, from the npm registry (@microsoft/jest-sarif ships it)."""
    cache = Path.home() / ".cache" / "factlint-tests" / "sarif-2.1.0-rtm.5.json"
    if not cache.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is needed to fetch the SARIF schema")
        work = tmp_path_factory.mktemp("sarif")
        subprocess.run([npm, "pack", "@microsoft/jest-sarif@1.0.0-beta.0", "--silent"],
                       cwd=work, check=True, capture_output=True, timeout=300)  # fmt: skip
        [tgz] = work.glob("*.tgz")
        with tarfile.open(tgz) as tar:
            member = tar.extractfile("package/lib/schemas/sarif-2.1.0-rtm.5.json")
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(member.read())
    return json.loads(cache.read_text())


def test_sarif_validates_against_its_schema(sarif_schema):
    log = json.loads(render(sarif.write))
    jsonschema.validate(log, sarif_schema)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "factlint"
    assert [r["ruleId"] for r in run["results"]] == [
        "house.word", "languagetool.X_RULE", "idioms.tow-the-line",
    ]  # fmt: skip
    tow = run["results"][2]
    assert tow["level"] == "warning"
    assert tow["locations"][0]["physicalLocation"]["region"]["startColumn"] == 6
    assert tow["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == (
        "toe the line"
    )
    assert run["tool"]["driver"]["rules"][2]["helpUri"] == "https://example.org/rules/tow"
