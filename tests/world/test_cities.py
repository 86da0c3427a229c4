"""lint.world.cities and lint.world.store: GeoNames' cities, found fast."""

from __future__ import annotations

from lint.world import cities, store
from lint.world.countries import country


def test_capitals_under_every_name_geonames_gives_them():
    assert cities.is_capital(country("Ukrainian"), "Kiev")
    assert cities.is_capital(country("Ukrainian"), "Kyiv")
    assert cities.is_capital(country("Burmese"), "Naypyidaw")
    assert cities.is_capital(country("Kazakh"), "Nur-Sultan")
    assert not cities.is_capital(country("Moroccan"), "Casablanca")
    assert not cities.is_capital(country("Swiss"), "Geneva")


def test_cities_by_name_most_populous_first():
    assert cities.named("Casablanca")[0].country == "MA"
    assert cities.named("Bombay")[0].name == "Mumbai"  # another name of a large city
    assert [c.country for c in cities.named("Paris")][:2] == ["FR", "US"]


def test_a_country_has_a_place_of_that_name_or_not():
    assert cities.has_place("US", "Paris")  # Paris, Texas
    assert cities.has_place("GB", "Perth")  # Perth, Scotland
    assert cities.has_place("AU", "Victoria")  # a state
    assert not cities.has_place("DE", "Lyon")


def test_store_builds_once_then_reads_and_rebuilds_a_bad_file(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"a": (1, "b")}

    assert store.cached("t", "k1", build) == {"a": (1, "b")}
    assert store.cached("t", "k1", build) == {"a": (1, "b")}
    assert len(calls) == 1
    (path,) = (tmp_path / "world").glob("t-k1-*.marshal")
    path.write_bytes(b"\x00garbage")
    assert store.cached("t", "k1", build) == {"a": (1, "b")}
    assert len(calls) == 2
    assert store.cached("t", "k2", build) == {"a": (1, "b")}  # another key: rebuilt
    assert len(calls) == 3
