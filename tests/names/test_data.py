"""The shipped names data and pack, and mistakes in a newsroom's names data reported as
``file:line:col: reason``."""

from __future__ import annotations

import datetime as dt

import pytest

from lint.examples import run_pack
from lint.names.entities import TYPES
from lint.packs import PackError, load_pack
from lint.packs.loader import shipped_dir

PACK = shipped_dir() / "names.yaml"


def test_the_shipped_pack_passes_its_examples(engine):
    failures = [r.describe() for r in run_pack(load_pack(PACK), engine=engine) if not r.ok]
    assert not failures, "\n".join(failures)


def test_the_public_figures_are_substantial_and_dated():
    check = load_pack(PACK).rules[0].check
    people = [e for e in check.index.entities if e.type == "person"]
    assert len(people) >= 500
    assert {e.type for e in check.index.entities} == set(TYPES)
    assert check.checked == dt.date(2026, 11, 25)
    names = {e.name for e in people}
    assert {"Narendra Modi", "Kim Jong Un", "Kim Jong Il", "António Guterres", "Mark Rutte",
            "Ursula von der Leyen", "Kristalina Georgieva", "Ajay Banga"} <= names  # fmt: skip
    modi = next(e for e in people if e.name == "Narendra Modi")
    assert modi.role_at(dt.date(2020, 1, 1)) == "Prime Minister of India"


def _pack(write, entities: str, data: str | None = None, rule: str = "kind: names"):
    if data is not None:
        write("names-data/people.yaml", data)
        rule += "\n    data: [names-data/people.yaml]"
    body = f"name: desk\ndescription: x\n{entities}rules:\n  - id: names\n    {rule}\n"
    return write("desk.yaml", body)


@pytest.mark.parametrize(
    ("entities", "where", "reason"),
    [
        ("entities:\n  - name: A B\n    type: human\n", ":5:11:", "`type` must be one of"),
        (
            "entities:\n  - name: A B\n    type: person\n    alias: [C]\n",
            ":6:5:",
            "unknown key 'alias'",
        ),
        ("entities:\n  - type: person\n", ":4:5:", "`name` must be a non-empty string"),
        (
            "entities:\n  - name: A B\n    type: person\n    roles: [{title: T, from: 2020-13-01}]\n",
            ":6:30:",
            "not a date",
        ),
        (
            "entities:\n  - name: A B\n    type: person\n    roles: [{title: T, from: 2020-01-01, to: 2019-01-01}]\n",
            ":6:46:",
            "ends (2019-01-01) before it begins",
        ),
        (
            "entities:\n  - {name: Kim Jong Un, type: person, misspellings: [Kim Jong Il]}\n"
            "  - {name: Kim Jong Il, type: person}\n",
            ":4:54:",
            "misspelling 'Kim Jong Il' is 'Kim Jong Il''s accepted form",
        ),
        (
            "entities:\n  - {name: A B, type: person}\n  - {name: A B, type: person}\n",
            ":5:12:",
            "duplicate entity 'A B'",
        ),
        ("entities: {name: A B}\n", ":3:11:", "`entities` must be a list"),
        ("", ":4:5:", "a names rule needs entities"),
    ],
)
def test_mistakes_in_inline_entities_say_where(write, entities, where, reason):
    path = _pack(write, entities)
    with pytest.raises(PackError) as err:
        load_pack(path)
    message = str(err.value)
    assert message.startswith(f"{path}{where}") and reason in message, message


def test_mistakes_in_a_data_file_point_into_that_file(write, tmp_path):
    data = "checked: 2026-01-01\nentities:\n  - name: A B\n    type: person\n    variants: [C, 3]\n"
    path = _pack(write, "", data)
    with pytest.raises(PackError) as err:
        load_pack(path)
    where = tmp_path / "names-data" / "people.yaml"
    assert str(err.value).startswith(
        f"{where}:5:19: desk.names: `variants` must be a list of strings"
    )


def test_a_data_file_that_is_not_yaml_points_into_that_file(write, tmp_path):
    path = _pack(write, "", "entities:\n  - name: [A\n")
    with pytest.raises(PackError) as err:
        load_pack(path)
    assert str(err.value).startswith(f"{tmp_path / 'names-data' / 'people.yaml'}:3:1: ")


def test_a_missing_data_file_is_reported_at_the_option(write):
    path = write(
        "desk.yaml",
        "name: desk\ndescription: x\nrules:\n  - id: names\n    kind: names\n"
        "    data: [nowhere.yaml]\n",
    )
    with pytest.raises(PackError) as err:
        load_pack(path)
    assert str(err.value).startswith(f"{path}:6:12: desk.names: names data file 'nowhere.yaml'")


def test_a_data_file_may_be_a_plain_list(write):
    path = _pack(write, "", "- {name: Zygmunt Kowalczykowski, type: person}\n")
    check = load_pack(path).rules[0].check
    assert [e.name for e in check.index.entities] == ["Zygmunt Kowalczykowski"]
    assert check.checked is None
