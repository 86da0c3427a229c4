"""Packs and configurations are data; the LanguageTool server is private; a check with
LanguageTool off talks to no one.

Each test plants a payload that would leave a marker file if it ran, and asserts
the marker is absent as well as the one-line, positioned refusal.
"""

from __future__ import annotations

import builtins
import importlib
import json
import os
import sys
from pathlib import Path

import psutil
import pytest
from conftest import TINY_PACK
from test_cli import cli

from lint.checks import KINDS

from .conftest import error_lines, factlint, factlint_env

PAYLOAD_MODULE = "factlint_payload_mod"


def tags(marker: Path) -> list[tuple[str, str]]:
    """YAML tags that build Python objects (what yaml.unsafe_load would run), as (id, yaml)."""
    touch = f"['touch {marker}']"
    return [
        ("object-apply", f"!!python/object/apply:os.system {touch}"),
        ("object-new", f"!!python/object/new:os.system {touch}"),
        ("verbatim-tag", f"!<tag:yaml.org,2002:python/object/apply:os.system> {touch}"),
        ("name", "!!python/name:os.system"),
        ("module", "!!python/module:os"),
        ("subprocess", f"!!python/object/apply:subprocess.check_call [[touch, {marker}]]"),
        ("local-include", "!include other.yaml"),
    ]


TAG_IDS = [t[0] for t in tags(Path("m"))]


@pytest.mark.parametrize("which", TAG_IDS)
def test_python_tags_in_a_pack_are_refused_and_never_run(tmp_path, which):
    """A pack with a Python-object tag (in a rule's option, deep inside the file) is
    refused at the tag's line and column, and the payload never runs."""
    marker = tmp_path / "pwned"
    tag = dict(tags(marker))[which]
    pack = TINY_PACK.replace(
        "tokens: [very unique]", f"tokens:\n      - very unique\n      - {tag}"
    )
    (tmp_path / "house.yaml").write_text(pack)
    (tmp_path / ".factlint.yaml").write_text("packs: [./house.yaml]\n")
    (tmp_path / "d.txt").write_text("They tow the line.\n")
    result = cli("check", "d.txt", "--no-languagetool", cwd=tmp_path)
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    line_no = pack.splitlines().index(f"      - {tag}") + 1
    assert line.startswith(f"factlint: error: {tmp_path}/house.yaml:{line_no}:9: ")
    assert "could not determine a constructor for the tag" in line
    assert not marker.exists()


@pytest.mark.parametrize("which", TAG_IDS)
def test_python_tags_in_a_config_are_refused_and_never_run(tmp_path, which):
    """The same in `.factlint.yaml` (under `languagetool:`, which is passed on as a mapping)."""
    marker = tmp_path / "pwned"
    tag = dict(tags(marker))[which]
    (tmp_path / ".factlint.yaml").write_text(f"packs: [idioms]\nlanguagetool:\n  java: {tag}\n")
    (tmp_path / "d.txt").write_text("They tow the line.\n")
    result = cli("check", "d.txt", cwd=tmp_path)
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    assert line.startswith(f"factlint: error: {tmp_path}/.factlint.yaml:3:9: could not determine")
    assert not marker.exists()


def test_python_tag_in_front_matter_is_just_text(tmp_path):
    """A draft's front matter is read with a safe loader too: the tag makes the front matter
    unreadable metadata, the draft is still linted, and nothing runs."""
    marker = tmp_path / "pwned"
    (tmp_path / "house.yaml").write_text(TINY_PACK)
    (tmp_path / ".factlint.yaml").write_text("packs: [./house.yaml]\n")
    tag = dict(tags(marker))["object-apply"]
    (tmp_path / "d.md").write_text(f"---\ndate: {tag}\n---\n\nThey tow the line.\n")
    result = cli("check", "d.md", "-f", "json", "--no-languagetool", cwd=tmp_path)
    assert [(i["line"], i["column"]) for i in json.loads(result.stdout)] == [(5, 6)]
    assert not marker.exists()


@pytest.fixture
def payload_module(tmp_path, monkeypatch):
    """A module on sys.path that leaves a marker if anything imports it."""
    marker = tmp_path / "imported"
    (tmp_path / "mods").mkdir()
    (tmp_path / "mods" / f"{PAYLOAD_MODULE}.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).touch()\nclass Check:\n    pass\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path / "mods"))
    monkeypatch.delitem(sys.modules, PAYLOAD_MODULE, raising=False)
    imported: list[str] = []
    real_import, real_import_module = builtins.__import__, importlib.import_module

    def spy_import(name, *args, **kwargs):
        imported.append(name)
        return real_import(name, *args, **kwargs)

    def spy_import_module(name, *args, **kwargs):
        imported.append(name)
        return real_import_module(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", spy_import)
    monkeypatch.setattr(importlib, "import_module", spy_import_module)
    return marker, imported


def test_kinds_are_a_fixed_registry():
    """A rule's `kind` is looked up in a fixed table of check classes; none of its names
    could be read as a module path."""
    assert KINDS and all(k.replace("-", "").replace("_", "").isalnum() for k in KINDS)


@pytest.mark.parametrize(
    "kind",
    [
        PAYLOAD_MODULE,
        f"{PAYLOAD_MODULE}.Check",
        "os.system",
        "lint.checks.existence.Existence",
        "builtins.eval",
        "__import__",
    ],
)
def test_a_pack_cannot_name_code_as_its_kind(tmp_path, payload_module, kind):
    """`kind:` naming a module, a class by dotted path or a builtin is an unknown kind, at
    its position; nothing named in the pack is imported."""
    marker, imported = payload_module
    pack = f"name: p\nrules:\n  - id: r\n    kind: {kind}\n    summary: x\n"
    (tmp_path / "p.yaml").write_text(pack)
    (tmp_path / ".factlint.yaml").write_text("packs: [./p.yaml]\n")
    (tmp_path / "d.txt").write_text("Text.\n")
    result = cli("check", "d.txt", "--no-languagetool", cwd=tmp_path)
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    assert line.startswith(f"factlint: error: {tmp_path}/p.yaml:4:11: p.r: unknown kind {kind!r}")
    assert not marker.exists()
    assert not [n for n in imported if PAYLOAD_MODULE in n]


def test_module_names_anywhere_in_a_pack_or_config_import_nothing(tmp_path, payload_module):
    """A working pack whose every string names the payload module (message, options,
    examples, link) and a config that names it as the spaCy model: linting runs (or
    refuses the model in one line) and the module is never imported."""
    marker, imported = payload_module
    name = PAYLOAD_MODULE
    (tmp_path / "p.yaml").write_text(f"""\
name: p
description: {name}
link: {name}
rules:
  - id: r
    kind: existence
    summary: {name}
    doc: {name}
    message: "{name} {{match}}"
    tokens: [{name}, tow the line]
    suggestion: {name}
    examples:
      bad: [They tow the line.]
      good: ["{name}.Check"]
""")  # fmt: skip
    (tmp_path / ".factlint.yaml").write_text(
        f"packs: [./p.yaml, style]\nspacy: {{model: {name}}}\n"
    )
    (tmp_path / "d.txt").write_text(f"They tow the line. import {name}\n")
    result = cli("check", "d.txt", "--no-languagetool", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    assert line.startswith(f"factlint: error: spaCy model '{name}' is not installed")
    (tmp_path / ".factlint.yaml").write_text("packs: [./p.yaml]\n")
    result = cli("check", "d.txt", "-f", "json", "--no-languagetool", cwd=tmp_path)
    assert result.exit_code == 1
    assert {i["rule"] for i in json.loads(result.stdout)} == {"p.r"}
    assert not marker.exists()
    assert not [n for n in imported if name in n]


def test_config_cannot_make_factlint_run_a_program(tmp_path, real_jars_or_skip):
    """`languagetool.java` pointing at a script in the repository must not be executed
    just because a check found that configuration: it is refused, at the key."""
    marker = tmp_path / "pwned"
    script = tmp_path / "java"
    script.write_text(f"#!/bin/sh\ntouch {marker}\necho 'openjdk version \"17.0.1\"' >&2\n")
    script.chmod(0o755)
    (tmp_path / ".factlint.yaml").write_text(
        "packs: [idioms]\nlanguagetool:\n"
        f"  java: ./java\n  cache_dir: {tmp_path / 'cache'}\n  jar_dir: {real_jars_or_skip}\n"
        "  start_timeout: 5\n"
    )
    (tmp_path / "d.txt").write_text("They tow the line.\n")
    result = factlint("check", "d.txt", cwd=tmp_path, timeout=120)
    assert not marker.exists()
    assert result.returncode == 2
    assert result.stderr.startswith("factlint: error: "), result.stderr
    assert (
        ".factlint.yaml:3:3: `languagetool.java` chooses the program factlint runs, so a "
        "configuration found beside the drafts may not set it"
    ) in result.stderr


@pytest.mark.parametrize("key", ["url: http://example.org", "jar_dir: ./jars", "cache_dir: ."])
def test_a_repository_config_cannot_send_drafts_away_or_choose_the_jars(tmp_path, key):
    """A discovered configuration may not set where drafts go or which code runs; the same
    setting in a configuration the user names with --config is honoured."""
    (tmp_path / ".factlint.yaml").write_text(f"packs: [idioms]\nlanguagetool:\n  {key}\n")
    (tmp_path / "d.txt").write_text("They tow the line.\n")
    result = factlint("check", "d.txt", cwd=tmp_path, timeout=120)
    name = key.split(":")[0]
    assert result.returncode == 2
    assert f".factlint.yaml:3:3: `languagetool.{name}`" in result.stderr
    assert result.stderr.count("\n") == 1
    named = factlint("check", "--config", ".factlint.yaml", "--no-languagetool", "d.txt",
                     cwd=tmp_path, timeout=120)  # fmt: skip
    assert named.returncode == 1, named.stderr


@pytest.fixture
def real_jars_or_skip():
    from lint.languagetool.install import is_installed
    from lint.languagetool.settings import LanguageToolSettings

    jars = LanguageToolSettings(url=None).jars
    if not is_installed(jars):
        pytest.skip("LanguageTool is not installed in the per-user cache")
    return jars


# -- the network -------------------------------------------------------------------------------


@pytest.mark.languagetool
@pytest.mark.xdist_group("languagetool")
def test_languagetool_server_listens_on_loopback_only(shared_server):
    """The server factlint starts accepts connections on 127.0.0.1 only, and its watchdog
    listens nowhere."""
    process = psutil.Process(shared_server.pid)
    listening = [c for c in process.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    assert listening, "the server listens on no port"
    assert {(c.laddr.ip, c.laddr.port) for c in listening} == {("127.0.0.1", shared_server.port)}
    if shared_server.watchdog_pid and psutil.pid_exists(shared_server.watchdog_pid):
        watchdog = psutil.Process(shared_server.watchdog_pid)
        assert [
            c for c in watchdog.net_connections(kind="all") if c.status == psutil.CONN_LISTEN
        ] == []


AUDIT = """\
import json, os, sys
log = open(os.environ["FACTLINT_AUDIT_LOG"], "w")
WATCH = ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
         "socket.getaddrinfo", "socket.gethostbyname", "http.client.connect", "urllib.Request")
def hook(event, args):
    if event in WATCH:
        log.write(json.dumps([event, repr(args)]) + "\\n")
        log.flush()
    elif event == "subprocess.Popen":
        log.write(json.dumps([event, repr(args[1])]) + "\\n")
        log.flush()
sys.addaudithook(hook)
sys.argv = ["factlint", *sys.argv[1:]]
from lint.service.client import main
main()
"""


def test_check_without_languagetool_opens_no_connection(tmp_path, project):
    """`factlint check --no-languagetool` with the shipped packs (spaCy, names, dates) in a
    real process under an audit hook: no socket connects, binds, sends or resolves a name,
    no process is started, and no LanguageTool state appears."""
    wrapper = tmp_path / "audited.py"
    wrapper.write_text(AUDIT)
    log = tmp_path / "audit.log"
    (project / ".factlint.yaml").write_text("pubdate: 2025-04-28\n")
    (project / "d.md").write_text(
        "# Kursk\n\nOn Tuesday, March 4, 2025, President Emmanuel Macron refused to tow the "
        "line. Prime Minister Narendra Modi agreed last October.\n"
    )
    cache = tmp_path / "cache"
    env = factlint_env(FACTLINT_AUDIT_LOG=str(log), FACTLINT_CACHE_DIR=str(cache))
    import subprocess

    proc = subprocess.run(
        [sys.executable, str(wrapper), "check", "--no-service", "--no-languagetool", "-f", "json",
         "d.md"], cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "idioms.tow-the-line" in {i["rule"] for i in json.loads(proc.stdout)}
    events = [json.loads(line) for line in log.read_text().splitlines()]
    # urllib3 probes for IPv6 at import by binding a socket to ::1 port 0: loopback, no traffic
    assert [e for e in events if not (e[0] == "socket.bind" and "('::1', 0)" in e[1])] == []
    assert not (cache / "languagetool").exists()


def test_audit_hook_sees_connections(tmp_path, project, fake_lt):
    """The audit wrapper of the test above does see connections: the same check with
    LanguageTool on, against a server on 127.0.0.1, logs its connects there."""
    wrapper = tmp_path / "audited.py"
    wrapper.write_text(AUDIT)
    log = tmp_path / "audit.log"
    server = fake_lt(lambda text: (200, {"matches": []}))
    (project / ".factlint.yaml").write_text(
        f"packs: [./house.yaml]\nlanguagetool: {{url: '{server.url}'}}\n"
    )
    (project / "d.md").write_text("They tow the line.\n")
    env = factlint_env(FACTLINT_AUDIT_LOG=str(log))
    import subprocess

    proc = subprocess.run([sys.executable, str(wrapper), "check", "--no-service",
                           "--config", ".factlint.yaml", "d.md"],  # the user names it: url allowed
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    connects = [e for e in (json.loads(x) for x in log.read_text().splitlines())
                if e[0] == "socket.connect"]  # fmt: skip
    assert connects and all("127.0.0.1" in e[1] for e in connects)
    assert os.environ.get("FACTLINT_LANGUAGETOOL_URL") is None
