"""JSON Schemas for packs and configurations; `factlint init` writes only what is accepted;
`test-packs` takes shipped names and, with none, the configured packs."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from lint.checks import KINDS
from lint.config import _KEYS, load_config
from lint.packs.loader import shipped_dir

SCHEMAS = Path(__file__).resolve().parents[2] / "lint" / "schema"
ROOT = Path(__file__).resolve().parents[2]


def _json_of(data):
    """YAML as a YAML language server hands it to a schema: dates are strings."""
    if isinstance(data, dict):
        return {str(k): _json_of(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_json_of(v) for v in data]
    return data.isoformat() if isinstance(data, dt.date) else data


def _validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads((SCHEMAS / name).read_text()))


PACKS = [*sorted(shipped_dir().glob("*.yaml")), ROOT / "examples" / "facts" / "kursk.facts.yaml"]


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_every_shipped_pack_validates(pack):
    errors = list(
        _validator("pack.schema.json").iter_errors(_json_of(yaml.safe_load(pack.read_text())))
    )
    assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]]


def test_the_pack_schema_catches_what_the_loader_refuses():
    validator = _validator("pack.schema.json")
    good = {"name": "house", "rules": [{"id": "tow", "kind": "substitution", "swap": {"a": "b"}}]}
    assert validator.is_valid(good)
    for bad_rule in (
        {"id": "tow", "kind": "substitution", "swapp": {"a": "b"}},  # a typo'd option
        {"id": "tow", "kind": "substitution"},  # a required option missing
        {"id": "tow", "kind": "substitution", "swap": {"a": "b"}, "severity": "high"},
        {"id": "tow", "kind": "nonsense"},
    ):
        assert not validator.is_valid({**good, "rules": [bad_rule]}), bad_rule


def test_the_schemas_describe_every_kind_and_setting():
    """Fails when a kind or a setting was added without `make docs` (python -m lint.packs.jsonschema)."""
    pack = json.loads((SCHEMAS / "pack.schema.json").read_text())
    assert set(pack["properties"]["rules"]["items"]["properties"]["kind"]["enum"]) == set(KINDS)
    config = json.loads((SCHEMAS / "factlint-config.schema.json").read_text())
    assert set(config["properties"]) == set(_KEYS)


def test_init_writes_a_config_that_validates_and_loads_where_it_is_found(factlint, project):
    (project / ".factlint.yaml").unlink()
    assert factlint("init").exit_code == 0
    written = project / ".factlint.yaml"
    text = written.read_text()
    assert _validator("factlint-config.schema.json").is_valid(_json_of(yaml.safe_load(text)))
    load_config(written, trusted=False)  # as discovery reads it: never a refused setting


def test_every_alternative_init_suggests_is_accepted(factlint, project, tmp_path):
    """Each commented `# key: value` line of the starter, used instead of the active one,
    validates and loads as a configuration found beside the drafts."""
    (project / ".factlint.yaml").unlink()
    factlint("init")
    text = (project / ".factlint.yaml").read_text()
    (project / "house-style.yaml").write_text(
        (project / "house.yaml").read_text().replace("name: house", "name: house-style")
    )
    alternatives = re.findall(r"(?m)^# ([a-z-]+): (.+?)(?:\s+# .*)?$", text)
    assert len(alternatives) >= 8
    for key, value in alternatives:
        active = re.compile(rf"(?m)^{re.escape(key)}:.*$")
        variant = (
            active.sub(f"{key}: {value}", text)
            if active.search(text)
            else text + f"\n{key}: {value}\n"
        )
        target = project / ".factlint.yaml"
        target.write_text(variant)
        assert _validator("factlint-config.schema.json").is_valid(
            _json_of(yaml.safe_load(variant))
        ), key
        load_config(target, trusted=False)


def test_schema_command_points_at_the_shipped_files(factlint):
    result = factlint("schema", "pack")
    assert Path(result.stdout.strip()).samefile(SCHEMAS / "pack.schema.json")
    assert json.loads(factlint("schema", "config", "--print").stdout)["title"].startswith(
        "factlint"
    )


def test_test_packs_takes_shipped_names_and_the_configured_packs(factlint, write):
    result = factlint("test-packs", "typography")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ examples, 0 failed", result.stdout.strip().splitlines()[-1])
    result = factlint("test-packs", "-v")  # the configuration's packs: the tiny house pack
    assert "ok   house.tow: bad: They tow the line." in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "4 examples, 0 failed"
    result = factlint("test-packs", "typograpy")
    assert result.exit_code == 2
    assert "typograpy: no such pack file, and no shipped pack of that name" in result.stderr


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_the_quick_id_reader_agrees_with_the_yaml(pack):
    """Typo checks read rule ids from the packs' lines (a millisecond, not a second): the
    same ids as the YAML gives, for every shipped pack."""
    from lint.packs.catalog import pack_ids

    data = yaml.safe_load(pack.read_text())
    name = data["name"]
    ids = tuple(
        r["id"] if r["id"].startswith(name + ".") else f"{name}.{r['id']}"
        for r in data.get("rules") or []
    )
    assert pack_ids(pack) == (name, ids)
