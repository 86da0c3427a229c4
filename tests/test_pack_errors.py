"""A mistake in a pack or a configuration is one line, ``file:line:col: what is wrong``."""

from __future__ import annotations

import re

import pytest

from lint.config import ConfigError, load_config
from lint.packs import PackError
from lint.packs.loader import parse_pack

HEAD = "name: p\nrules:\n"


def rule(body: str) -> str:
    return HEAD + "  - id: r\n" + body


PACK_MISTAKES = [
    ("not a mapping", "- a\n- b\n", "p.yaml:1:1: a pack is a mapping"),
    ("yaml syntax", "name: p\nrules: [\n", "p.yaml:3:1:"),
    ("missing name", "rules: []\n", "p.yaml:1:1: `name` is required"),
    ("bad name", "name: My Pack\nrules: []\n", "p.yaml:1:7: pack name 'My Pack' must be"),
    ("unknown pack key", "name: p\nrulez: []\n", "p.yaml:2:1: unknown key 'rulez' in pack"),
    ("rules not a list", "name: p\nrules: {a: 1}\n", "p.yaml:2:8: `rules` must be a list"),
    ("rule not a mapping", HEAD + "  - just text\n", "p.yaml:3:5: each rule is a mapping"),
    ("missing kind", rule(""), "`kind` is required"),
    ("unknown kind", rule("    kind: magic\n"), "p.yaml:4:11: p.r: unknown kind 'magic'"),
    (
        "bad severity",
        rule("    kind: existence\n    tokens: [x]\n    severity: fatal\n"),
        "p.yaml:6:15: p.r: severity must be one of error, warning, info, not 'fatal'",
    ),
    (
        "bad category",
        rule("    kind: existence\n    tokens: [x]\n    category: vibes\n"),
        "p.yaml:6:15: p.r: category must be one of",
    ),
    (
        "unknown option",
        rule("    kind: existence\n    tokens: [x]\n    tokenz: [y]\n"),
        "p.yaml:6:13: p.r: unknown option 'tokenz' for kind 'existence'",
    ),
    (
        "wrong option type",
        rule("    kind: existence\n    tokens: x\n"),
        "p.yaml:5:13: p.r: option 'tokens' must be a list of strings, not str",
    ),
    (
        "missing required option",
        rule("    kind: substitution\n"),
        "p.r: kind 'substitution' needs option 'swap'",
    ),
    (
        "bad regex",
        rule("    kind: existence\n    patterns: ['ok', '(unclosed']\n"),
        "p.yaml:5:22: p.r: invalid regular expression in 'patterns'",
    ),
    (
        "bad regex exception",
        rule("    kind: existence\n    tokens: [x]\n    exceptions: ['[a-']\n"),
        "p.yaml:6:18: p.r: invalid regular expression in 'exceptions'",
    ),
    (
        "bad swap key regex",
        rule("    kind: substitution\n    regex: true\n    swap:\n      'a(': b\n"),
        "p.yaml:7:7: p.r: invalid regular expression in 'swap'",
    ),
    (
        "duplicate id",
        HEAD
        + "  - {id: r, kind: existence, tokens: [x]}\n  - {id: r, kind: existence, tokens: [y]}\n",
        "p.yaml:4:5: duplicate rule id 'p.r'",
    ),
    (
        "duplicate key",
        rule("    kind: existence\n    kind: substitution\n"),
        "duplicate key 'kind'",
    ),
    (
        "bad id",
        HEAD + "  - {id: 'Bad Id', kind: existence, tokens: [x]}\n",
        "rule id 'Bad Id' must be",
    ),
    (
        "examples not mapping",
        rule("    kind: existence\n    tokens: [x]\n    examples: [a]\n"),
        "p.yaml:6:15: p.r: `examples` must be a mapping",
    ),
    (
        "unknown example side",
        rule("    kind: existence\n    tokens: [x]\n    examples: {ugly: [a]}\n"),
        "unknown key 'ugly' in p.r examples",
    ),
    (
        "bad example pubdate",
        rule(
            "    kind: existence\n    tokens: [x]\n    examples:\n      bad: [{text: x, pubdate: soon}]\n"
        ),
        "p.r: `pubdate` must be YYYY-MM-DD",
    ),
    (
        "python object tag",
        "name: !!python/object/apply:os.system ['echo hi']\nrules: []\n",
        "p.yaml:1:7: could not determine a constructor",
    ),
    (
        "message not a string",
        rule("    kind: existence\n    tokens: [x]\n    message: [a]\n"),
        "p.yaml:6:14: p.r: `message` must be a string",
    ),
    (
        "impossible yaml date",
        rule(
            "    kind: existence\n    tokens: [x]\n    examples:\n      bad: [{text: x, pubdate: 2024-13-40}]\n"
        ),
        "p.yaml:7:32: not a date: '2024-13-40' (month must be in 1..12)",
    ),
    (
        "fix not a bool",
        rule("    kind: existence\n    tokens: [x]\n    fix: maybe\n"),
        "p.yaml:6:10: p.r: `fix` must be true or false",
    ),
    ("tokens pattern invalid", rule("    kind: tokens\n    patterns: [[{NOPE: x}]]\n"), "p.r:"),
    (
        "tokens pattern nested too deep",
        rule("    kind: tokens\n    patterns: [[[[a]]]]\n"),
        "p.yaml:3:5: p.r: the options of kind 'tokens' have the wrong shape (TypeError: ",
    ),
    (
        "yaml alias bomb",
        rule(
            "    kind: existence\n    tokens: [&a [x, x, x], &b [*a, *a, *a], &c [*b, *b, *b], *c]\n"
        ),
        "p.yaml:5:13: p.r: option 'tokens' must be a list of strings, not a list of lists",
    ),
    (
        "description not a string",
        "name: p\ndescription: [&a [x, x, x], &b [*a, *a, *a], *b, *b]\nrules: []\n",
        "p.yaml:2:14: `description` must be a string",
    ),
    (
        "checked not a date",
        "name: p\nchecked: last week\nrules: []\n",
        "p.yaml:2:10: `checked` must be a date",
    ),
    (
        "unknown default",
        "name: p\ndefaults: {severity: info, sevrity: error}\nrules: []\n",
        "p.yaml:2:28: unknown key 'sevrity' in pack defaults",
    ),
    (
        "default message not a string",
        "name: p\ndefaults: {message: [a]}\nrules: []\n",
        "p.yaml:2:21: `defaults.message` must be a string",
    ),
]


@pytest.mark.parametrize(
    ("what", "text", "expected"), PACK_MISTAKES, ids=[m[0] for m in PACK_MISTAKES]
)
def test_pack_mistake_is_one_line_with_position(what, text, expected):
    with pytest.raises(PackError) as caught:
        parse_pack(text, "p.yaml")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("p.yaml:") or message.startswith("p.yaml ")
    assert expected in message


def test_catastrophic_pattern_is_stopped(engine):
    from lint import document
    from lint.checks import Context

    pack = parse_pack(rule("    kind: existence\n    patterns: ['(a|aa)+$']\n"), "p.yaml")
    check = pack.rules[0].check
    ctx = Context(document.parse("a" * 60 + "b", "text"))
    from lint.checks.base import RegexTimeout

    with pytest.raises(
        RegexTimeout, match=re.escape("rule p.r: regular expression '(?:(a|aa)+$)' took")
    ):
        list(check.run(ctx))


CONFIG_MISTAKES = [
    ("unknown key", "packz: []\n", ".factlint.yaml:1:1: unknown setting 'packz'"),
    ("packs not list", "packs: idioms\n", ".factlint.yaml:1:8: `packs` must be a list of strings"),
    ("bad language", "language: fr-FR\n", ".factlint.yaml:1:11: language must be one of"),
    ("bad severity", "severity: {style.*: fatal}\n", ".factlint.yaml:1:11: `severity` maps"),
    ("bad pubdate", "pubdate: yesterday\n", ".factlint.yaml:1:10: `pubdate` must be a date"),
    ("bad fail-on", "fail-on: sometimes\n", ".factlint.yaml:1:10: `fail-on` must be one of"),
    (
        "bad vocabulary",
        "vocabulary: {accept: yes}\n",
        ".factlint.yaml:1:13: `vocabulary.accept` must be a list",
    ),
    ("bad size", "max-file-size: huge\n", ".factlint.yaml:1:16: not a size"),
    ("yaml syntax", "packs: [a\n", ".factlint.yaml:2:1:"),
    ("not a mapping", "- a\n", ".factlint.yaml:1:1: the configuration must be a mapping"),
]


@pytest.mark.parametrize(
    ("what", "text", "expected"), CONFIG_MISTAKES, ids=[m[0] for m in CONFIG_MISTAKES]
)
def test_config_mistake_is_one_line_with_position(tmp_path, what, text, expected):
    path = tmp_path / ".factlint.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message
    assert expected in message.replace(str(tmp_path) + "/", "")


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factlint]\npacks = ["idioms"]\nfail-on = "error"\n'
    )
    from lint.config import ConfigFinder

    (tmp_path / "a").mkdir()
    config = ConfigFinder().for_path(tmp_path / "a" / "draft.md")
    assert config.packs == ["idioms"] and config.fail_on == "error"


# -- more mistakes, and every mistake through the real command (issue 8) ----------------------

from pathlib import Path  # noqa: E402

from test_cli import cli  # noqa: E402

MORE_CONFIG_MISTAKES = [
    # (what, {file: text}, expected line on stderr after "factlint: error: ")
    (
        "extends missing file",
        {".factlint.yaml": "extends: newsroom/base.yaml\n"},
        ".factlint.yaml:1:10: extends: no such configuration file 'newsroom/base.yaml' "
        "({tmp}/newsroom/base.yaml)".replace("{tmp}/", ""),
    ),
    (
        "extends loop",
        {
            ".factlint.yaml": "extends: a.yaml\n",
            "a.yaml": "packs: []\nextends: [./b.yaml]\n",
            "b.yaml": "extends: a.yaml\n",
        },
        "b.yaml:1:10: extends loop: a.yaml → b.yaml → a.yaml",
    ),
    (
        "extends itself",
        {".factlint.yaml": "fail-on: error\nextends: .factlint.yaml\n"},
        ".factlint.yaml:2:10: extends loop: .factlint.yaml → .factlint.yaml",
    ),
    (
        "extends loop through a directory",
        {
            ".factlint.yaml": "extends: base/newsroom.yaml\n",
            "base/newsroom.yaml": "extends: ../.factlint.yaml\n",
        },
        "base/newsroom.yaml:1:10: extends loop: .factlint.yaml → base/newsroom.yaml → "
        ".factlint.yaml",
    ),
    (
        "extends not a path",
        {".factlint.yaml": "extends: {file: base.yaml}\n"},
        ".factlint.yaml:1:10: `extends` must be the path of a configuration file, or a list of them",
    ),
    (
        "extends a directory",
        {
            ".factlint.yaml": "extends: [base.yaml, newsroom]\n",
            "base.yaml": "",
            "newsroom/x.yaml": "",
        },
        ".factlint.yaml:1:22: extends: 'newsroom' is a directory, not a configuration file",
    ),
    (
        "mistake inside the base",
        {".factlint.yaml": "extends: base.yaml\n", "base.yaml": "packs: []\nfail-on: sometimes\n"},
        "base.yaml:2:10: `fail-on` must be one of",
    ),
    (
        "missing pack file",
        {".factlint.yaml": "packs: [typography, ./house-style.yaml]\n"},
        ".factlint.yaml:1:21: no such pack './house-style.yaml' (shipped packs: ",
    ),
    (
        "config duplicate key",
        {".factlint.yaml": "packs: []\nfail-on: error\npacks: [idioms]\n"},
        ".factlint.yaml:3:1: duplicate key 'packs'",
    ),
    (
        "config not utf-8",
        {".factlint.yaml": b"packs: []\nvocabulary: {accept: [Caf\xe9]}\n"},
        ".factlint.yaml:2:26: not valid UTF-8 (byte 0xe9); save it as UTF-8",
    ),
    (
        "config python tag",
        {".factlint.yaml": "packs: !!python/object/apply:os.system ['touch {tmp}/pwned']\n"},
        ".factlint.yaml:1:8: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    (
        "pyproject broken toml",
        {"pyproject.toml": "[tool.factlint]\npacks = [typography\n"},
        "pyproject.toml:2:10: Invalid value",
    ),
    (
        "pyproject extends missing",
        {"pyproject.toml": '[tool.factlint]\nextends = "base.yaml"\n'},
        "pyproject.toml: extends: no such configuration file 'base.yaml'",
    ),
    (
        "languagetool unknown setting",
        {".factlint.yaml": "packs: []\nlanguagetool:\n  max_memroy: 1g\n"},
        ".factlint.yaml:3:3: languagetool: unknown setting 'max_memroy'",
    ),
    (
        "languagetool bad value",
        {".factlint.yaml": "packs: []\nlanguagetool: {max_memory: lots}\n"},
        ".factlint.yaml:2:28: languagetool: max_memory must look like 512m or 2g, not 'lots'",
    ),
    (
        "languagetool alias bomb",
        {
            ".factlint.yaml": "packs: []\nlanguagetool:\n  disabled_rules: [&a [X, X, X], "
            "&b [*a, *a, *a], &c [*b, *b, *b], *c, *c, *c]\n"
        },
        ".factlint.yaml:3:19: languagetool: disabled_rules must be a list of strings",
    ),
    (
        "pack not utf-8",
        {".factlint.yaml": "packs: [./p.yaml]\n", "p.yaml": b"name: p\ndescription: caf\xe9\n"},
        "p.yaml:2:17: not valid UTF-8 (byte 0xe9); save it as UTF-8",
    ),
    (
        "pack is a directory",
        {".factlint.yaml": "packs: [./p.yaml]\n", "p.yaml/x": ""},
        ".factlint.yaml:1:9: no such pack './p.yaml'",
    ),
]


def _write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text if isinstance(text, bytes) else text.replace("{tmp}", str(root)).encode()
        path.write_bytes(data)


def _one_error_line(result, root: Path) -> str:
    """The single ``factlint: error:`` line of a run, paths shown relative to ``root``."""
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("factlint: error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0].removeprefix("factlint: error: ").replace(f"{root}/", "")


@pytest.mark.parametrize(
    ("what", "files", "expected"), MORE_CONFIG_MISTAKES, ids=[m[0] for m in MORE_CONFIG_MISTAKES]
)
def test_config_mistake_through_the_command(tmp_path, what, files, expected):
    """`factlint check` with a broken configuration (a loop or missing file in `extends`, a
    missing pack, bad bytes, a Python tag): one line `file:line:col: reason`, exit 2, no
    traceback and nothing linted."""
    _write_files(tmp_path, files)
    (tmp_path / "d.txt").write_text("They tow the line.\n")
    result = cli("check", "d.txt", "--no-languagetool", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    line = _one_error_line(result, tmp_path)
    assert line.startswith(expected), line
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    ("what", "text", "expected"), PACK_MISTAKES, ids=[m[0] for m in PACK_MISTAKES]
)
def test_pack_mistake_through_the_command(tmp_path, what, text, expected):
    """Every pack mistake of the catalogue, in a pack the configuration lists: `factlint
    check` prints one line naming the pack file, line and column, and exits 2."""
    (tmp_path / "p.yaml").write_text(text)
    (tmp_path / ".factlint.yaml").write_text("packs: [./p.yaml]\n")
    (tmp_path / "d.txt").write_text("They tow the line.\n")
    result = cli("check", "d.txt", "--no-languagetool", cwd=tmp_path)
    assert result.exit_code == 2
    line = _one_error_line(result, tmp_path)
    assert line.startswith("p.yaml:") and expected in line, line


@pytest.mark.parametrize(
    ("what", "text", "expected"), CONFIG_MISTAKES, ids=[m[0] for m in CONFIG_MISTAKES]
)
def test_first_config_mistakes_through_the_command(tmp_path, what, text, expected):
    """The first ten configuration mistakes of the catalogue, through `factlint check`."""
    (tmp_path / ".factlint.yaml").write_text(text)
    (tmp_path / "d.txt").write_text("They tow the line.\n")
    result = cli("check", "d.txt", "--no-languagetool", cwd=tmp_path)
    assert result.exit_code == 2
    assert expected in _one_error_line(result, tmp_path)


def test_extends_loop_in_a_real_process(tmp_path):
    """The same through a real `factlint` process (no warm service): the loop is one line on
    stderr and the exit code is 2."""
    import os
    import subprocess
    import sys

    _write_files(tmp_path, {".factlint.yaml": "extends: a.yaml\n", "a.yaml": "extends: b.yaml\n",
                            "b.yaml": "extends: a.yaml\n", "d.md": "They tow the line.\n"})  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-service", "d.md"], cwd=tmp_path,
        capture_output=True, text=True, timeout=120, env={**os.environ, "FACTLINT_SERVICE": "0"},
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"factlint: error: {tmp_path}/b.yaml:1:10: extends loop: a.yaml → b.yaml → a.yaml"
    ]
