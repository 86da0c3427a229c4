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
