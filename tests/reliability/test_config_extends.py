"""``extends``: a newsroom-wide base configuration under each desk's own.

The mistakes (a loop, a missing file, a mistake inside the base) are in
``tests/test_pack_errors.py``; here is what a working chain means.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from conftest import TINY_PACK
from test_cli import cli

from lint.config import ConfigFinder, load_config


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def test_desk_config_over_newsroom_base(tmp_path):
    """Mappings merge key by key, accepted words add up, everything else the desk sets
    replaces the base's, and a pack the base names by path is found beside the base."""
    write(tmp_path, "newsroom/house.yaml", TINY_PACK)
    write(tmp_path, "newsroom/base.factlint.yaml", """\
        packs: [typography, ./house.yaml]
        severity: {house.*: error, typography.*: info}
        fail-on: error
        language: en-GB
        vocabulary: {accept: [Kursk], reject: {utilise: use}}
        languagetool: {enabled: false, picky: true}
        """)  # fmt: skip
    desk = write(tmp_path, "desk/.factlint.yaml", """\
        extends: ../newsroom/base.factlint.yaml
        severity: {house.very-unique: warning}
        fail-on: warning
        vocabulary: {accept: [Sudzha]}
        languagetool: {picky: false}
        """)  # fmt: skip
    config = load_config(desk)
    assert config.path == desk and config.root == desk.parent
    assert config.packs == ["typography", str(tmp_path / "newsroom" / "house.yaml")]
    assert config.severity == {"house.*": "error", "typography.*": "info",
                               "house.very-unique": "warning"}  # fmt: skip
    assert (config.fail_on, config.language) == ("warning", "en-GB")
    assert config.accept == ["Kursk", "Sudzha"]
    assert config.reject == {"utilise": "use"}
    assert config.languagetool == {"enabled": False, "picky": False}

    write(tmp_path, "desk/d.txt", "They tow the line. A very unique day.\n")
    result = cli("check", "d.txt", "-f", "json", cwd=tmp_path / "desk")
    found = {(i["rule"], i["severity"]) for i in json.loads(result.stdout)}
    assert found == {("house.tow", "error"), ("house.very-unique", "warning")}
    assert result.exit_code == 1


def test_chain_and_list_later_wins(tmp_path):
    """`extends` may be a list (later entries win) and bases may extend further bases; two
    bases sharing a base (a diamond) is not a loop."""
    write(tmp_path, "common.yaml", "packs: [idioms]\nfail-on: info\n")
    write(tmp_path, "a.yaml", "extends: common.yaml\nlanguage: en-AU\n")
    write(tmp_path, "b.yaml", "extends: common.yaml\nlanguage: en-CA\npubdate: 2025-04-28\n")
    top = write(tmp_path, ".factlint.yaml", "extends: [a.yaml, b.yaml]\nselect: [idioms]\n")
    config = load_config(top)
    assert config.packs == ["idioms"] and config.fail_on == "info"
    assert config.language == "en-CA" and str(config.pubdate) == "2025-04-28"
    assert config.select == ["idioms"]


def test_desk_packs_replace_the_base_packs_and_stay_relative_to_the_desk(tmp_path):
    """A desk that lists its own packs uses exactly those, relative to its own directory."""
    write(tmp_path, "base.yaml", "packs: [idioms, typography]\n")
    write(tmp_path, "desk/house.yaml", TINY_PACK)
    write(tmp_path, "desk/.factlint.yaml", "extends: ../base.yaml\npacks: [./house.yaml]\n")
    config = ConfigFinder().for_path(tmp_path / "desk" / "d.md")
    assert config.packs == ["./house.yaml"] and config.root == tmp_path / "desk"


def test_pyproject_may_extend_a_yaml_base(tmp_path):
    """`[tool.factlint]` in pyproject.toml takes `extends` too, relative to pyproject.toml."""
    write(tmp_path, "conf/base.yaml", "fail-on: error\npacks: [idioms]\n")
    write(tmp_path, "pyproject.toml", '[tool.factlint]\nextends = "conf/base.yaml"\n')
    config = ConfigFinder().for_path(tmp_path / "d.md")
    assert config.fail_on == "error" and config.packs == ["idioms"]
