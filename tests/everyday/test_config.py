"""Configuration that composes: your pack beside the shipped ones, per-file ignores,
--exclude, ignore files, and `factlint config` saying where each setting came from."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from lint.config import DEFAULT_PACKS, load_config

BAD = "They tow the line.\n"


def _config(factlint, *args):
    result = factlint("config", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return {row["setting"]: row for row in json.loads(result.stdout)["settings"]}


def test_default_keeps_the_shipped_packs_beside_your_own(factlint, write):
    write(".factlint.yaml", "packs: [default, ./house.yaml]\n")
    packs = _config(factlint)["packs"]["value"]
    assert packs == [*DEFAULT_PACKS, "./house.yaml"]


def test_extend_packs_adds_to_the_inherited_packs(factlint, write):
    write("base.yaml", "packs: [typography, idioms]\n")
    write("desk/.factlint.yaml", "extends: ../base.yaml\nextend-packs: [../house.yaml]\n")
    write("desk/a.txt", BAD)
    rows = _config(factlint, "desk/a.txt")
    assert rows["packs"]["value"] == ["typography", "idioms", "../house.yaml"]
    assert any(w.endswith("base.yaml:1:8") for w in rows["packs"]["from"])
    assert any(w.endswith("desk/.factlint.yaml:2:15") for w in rows["packs"]["from"])
    result = factlint("rules", "--config", "desk/.factlint.yaml", "--format", "json")
    packs = {row["pack"] for row in json.loads(result.stdout) if row["enabled"]}
    assert packs == {"typography", "idioms", "house"}


def test_extend_packs_with_no_packs_extends_the_defaults(factlint, write):
    write(".factlint.yaml", "extend-packs: [./house.yaml]\n")
    assert _config(factlint)["packs"]["value"] == [*DEFAULT_PACKS, "./house.yaml"]


def test_per_file_ignores(factlint, write):
    write(".factlint.yaml", "packs: [./house.yaml]\nper-file-ignores: {'archive/*': [house.tow]}\n")
    write("archive/2019/old.txt", BAD)
    write("new.txt", BAD)
    result = factlint("check", ".", "--no-languagetool", "-f", "json")
    assert [i["path"] for i in json.loads(result.stdout)] == ["new.txt"]
    rows = _config(factlint, "archive/2019/old.txt")
    assert rows["ignore"]["value"] == ["house.tow"]
    assert rows["ignore"]["from"] == ["per-file-ignores 'archive/*'"]


def test_exclude_on_the_command_line(factlint, write):
    write("archive/old.txt", BAD)
    write("drafts/new.txt", BAD)
    result = factlint("check", ".", "--no-languagetool", "-f", "json", "--exclude", "archive")
    assert [i["path"] for i in json.loads(result.stdout)] == ["drafts/new.txt"]
    result = factlint(
        "check", ".", "--no-languagetool", "-f", "json", "--exclude", "*/new.txt,archive/*"
    )
    assert json.loads(result.stdout) == []


def test_walks_honour_gitignore_and_ignore_files(factlint, project, write):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    write(".gitignore", "exports/\n*.scraped.md\n")
    write("drafts/.ignore", "wip.txt\n")
    for name in ("exports/a.txt", "drafts/b.scraped.md", "drafts/wip.txt", "drafts/ok.txt"):
        write(name, BAD)
    result = factlint("check", ".", "--no-languagetool", "-f", "json")
    assert [i["path"] for i in json.loads(result.stdout)] == ["drafts/ok.txt"]
    result = factlint("check", ".", "--no-languagetool", "-f", "json", "--no-ignore-files")
    assert len({i["path"] for i in json.loads(result.stdout)}) == 4
    result = factlint("check", "drafts/wip.txt", "--no-languagetool", "-f", "json")
    assert [i["path"] for i in json.loads(result.stdout)] == ["drafts/wip.txt"]  # named: linted


def test_config_shows_where_each_setting_came_from(factlint, write, project):
    write(".factlint.yaml", "packs: [./house.yaml]\nlanguage: en-GB\nseverity: {house: info}\n")
    write("desk/.factlint.yaml", "extends: ../.factlint.yaml\nseverity: {house.tow: error}\n")
    result = factlint("config", "desk/a.md")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"# configuration for desk/a.md: {project / 'desk' / '.factlint.yaml'}"
    by_key = {line.split(":", 1)[0]: line for line in lines[1:]}
    assert by_key["language"].startswith('language: "en-GB"    # ')
    assert by_key["language"].endswith(f"{project / '.factlint.yaml'}:2:11")
    assert by_key["severity"].startswith('severity: {"house": "info", "house.tow": "error"}')
    assert (
        ".factlint.yaml:3:11, " in by_key["severity"]
        and "desk/.factlint.yaml:2:11" in by_key["severity"]
    )
    assert by_key["fail-on"] == 'fail-on: "warning"    # default'


def test_unknown_setting_suggests_the_closest(factlint, write):
    write(".factlint.yaml", "packs: [./house.yaml]\nper-file-ignore: {}\n")
    result = factlint("config")
    assert result.exit_code == 2
    assert (
        ".factlint.yaml:2:1: unknown setting 'per-file-ignore'; did you mean 'per-file-ignores'?"
        in result.stderr
    )


def test_the_readme_configuration_example_is_accepted_where_it_is_found(project, write):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    write(
        "house-style.yaml",
        (project / "house.yaml").read_text().replace("name: house", "name: house-style"),
    )
    write("newsroom-words.txt", "Sudzha\n")
    path = write(".factlint.yaml", example, dedent=False)
    config = load_config(path, trusted=False)
    assert config.packs == [*DEFAULT_PACKS, "./house-style.yaml"]
    assert config.per_file_ignores == {"archive/*": ["style", "typography"]}


def test_per_file_ignores_apply_to_the_python_api_and_stdin_names(factlint, project, write):
    write(".factlint.yaml", "packs: [./house.yaml]\nper-file-ignores: {'archive/*': [house.tow]}\n")
    write("archive/old.txt", BAD)
    from lint.api import check_paths

    old = Path.cwd()
    os.chdir(project)
    try:
        assert [i.rule for i in check_paths(["archive/old.txt"], languagetool=False)] == []
    finally:
        os.chdir(old)
    result = factlint(
        "check", "-", "--stdin-filename", "archive/new.txt", "--no-languagetool", input=BAD
    )
    assert result.exit_code == 0 and "No issues in 1 file." in result.stdout
