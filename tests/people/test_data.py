"""The names data's births and deaths, and mistakes in them reported as file:line:col."""

from __future__ import annotations

import datetime as dt

import pytest

from lint.examples import run_pack
from lint.packs import PackError, load_pack
from lint.packs.loader import shipped_dir

PACK = shipped_dir() / "people.yaml"


def test_the_shipped_pack_passes_its_examples(engine):
    failures = [r.describe() for r in run_pack(load_pack(PACK), engine=engine) if not r.ok]
    assert not failures, "\n".join(failures)


def test_most_people_have_a_birth_and_the_dead_a_death():
    people = [e for e in load_pack(PACK).rules[0].check.index.entities if e.type == "person"]
    born = [e for e in people if e.born]
    assert len(born) >= 0.9 * len(people)
    by_name = {e.name: e for e in people}
    starmer = by_name["Keir Starmer"]
    assert starmer.born.first == starmer.born.last == dt.date(1962, 9, 2)
    assert starmer.died is None
    assert by_name["Shinzo Abe"].died.first == dt.date(2022, 7, 8)
    wang = by_name["Wang Yi"].born  # the year only
    assert (wang.first, wang.last, wang.text) == (
        dt.date(1953, 1, 1),
        dt.date(1953, 12, 31),
        "1953",
    )
    assert all(e.died.first >= e.born.last for e in people if e.born and e.died)


def _pack(write, entity: str):
    write("names-data/people.yaml", f"checked: 2026-01-01\nentities:\n{entity}")
    body = (
        "name: desk\ndescription: x\nrules:\n  - id: age\n    kind: person-age\n"
        "    data: [names-data/people.yaml]\n"
    )
    return write("desk.yaml", body)


@pytest.mark.parametrize(
    ("entity", "where", "reason"),
    [
        ("  - {name: A B, type: person, born: 1962-13-01}\n", ":3:37:", "not a date"),
        ("  - {name: A B, type: person, born: soon}\n", ":3:37:", "`born` must be a date"),
        ("  - {name: A B, type: place, born: 1962}\n", ":3:36:", "`born` is for people only"),
        (
            "  - {name: A B, type: person, born: 1962-09-02, died: 1950}\n",
            ":3:55:",
            "died (1950) before born (1962-09-02)",
        ),
    ],
)
def test_mistakes_in_births_point_into_the_data_file(write, tmp_path, entity, where, reason):
    path = _pack(write, entity)
    with pytest.raises(PackError) as err:
        load_pack(path)
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'names-data' / 'people.yaml'}{where}"), message
    assert reason in message, message
