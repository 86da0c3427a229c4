"""Public holidays and observances by country and year, from the **holidays** package
(maintained, with every category it has: public, government, optional, unofficial, so
Halloween and Mother's Day are there for the US; English names where it has them).

``dates_of(key, code, year)`` is the days a holiday falls on in one country and year,
or None when it is not judged there: unknown in that country, or on different days in
different states or provinces (Australia's King's Birthday, its Labour Day). Days
a holiday is observed on (Christmas Day (observed)) count as its days too.
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from collections.abc import Iterable
from importlib.metadata import version

import regex

from lint.world.countries import fold
from lint.world.store import cached

ALIASES = {
    # How news copy names holidays the package names otherwise.
    "christmas": "christmas day",
    "thanksgiving": "thanksgiving day",
    "easter": "easter sunday",
    "presidents' day": "washington's birthday",
    "presidents day": "washington's birthday",
    "president's day": "washington's birthday",
    "mlk day": "martin luther king jr day",
    "martin luther king day": "martin luther king jr day",
    "juneteenth": "juneteenth national independence day",
    "labour day": "labor day",
    "veterans' day": "veterans day",
    "anzac day": "anzac day",
}

ALIAS_WORDS = ("Christmas", "Thanksgiving", "Easter", "Presidents' Day", "Presidents Day",
               "President's Day", "MLK Day", "Martin Luther King Day", "Juneteenth",
               "Labour Day", "Veterans' Day")  # fmt: skip
"""The ALIASES as written in copy, found besides the package's own names."""

LANGUAGE_COUNTRY = {"en-US": "US", "en-GB": "GB", "en-AU": "AU", "en-CA": "CA", "en-NZ": "NZ",
                    "en-ZA": "ZA", "en-IE": "IE", "en-IN": "IN"}  # fmt: skip

_OBSERVED = regex.compile(r"\s*\((?:observed|estimated)[^)]*\)", regex.I)


def source() -> str:
    return f"holidays {version('holidays')}"


def key(name: str) -> str:
    """The lookup form of a holiday's name: "St. Patrick's Day" → "saint patrick's day"."""
    k = fold(_OBSERVED.sub("", name)).replace("’", "'")
    k = regex.sub(r"^st ", "saint ", k)
    k = k.replace(",", "")
    return ALIASES.get(k, k)


def _entity(code: str):
    """The package's class for a country, without building a calendar."""
    import holidays

    entity = getattr(holidays, code, None)
    if entity is None:
        raise NotImplementedError(code)
    return entity


def _calendar(code: str, year: int, subdiv: str | None = None) -> dict[dt.date, str]:
    import holidays

    cls = _entity(code)
    langs = getattr(cls, "supported_languages", ()) or ()
    language = next((lang for lang in (f"en_{code}", "en_US") if lang in langs), None)
    if language is None and not str(getattr(cls, "default_language", "en") or "en").startswith(
        "en"
    ):
        return {}
    cats = getattr(cls, "supported_categories", None) or ("public",)
    with warnings.catch_warnings():  # a year outside the package's range: simply none
        warnings.simplefilter("ignore")
        cal = holidays.country_holidays(
            code, subdiv=subdiv, years=year, categories=cats, language=language
        )
        return dict(cal.items())


@functools.lru_cache(maxsize=256)
def _national(code: str, year: int) -> dict[str, frozenset[dt.date]]:
    return _by_key(_calendar(code, year))


def _by_key(cal: dict[dt.date, str]) -> dict[str, frozenset[dt.date]]:
    out: dict[str, set[dt.date]] = {}
    for day, names in cal.items():
        for name in names.split("; "):
            out.setdefault(key(name), set()).add(day)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=256)
def _regional(code: str, year: int) -> dict[str, tuple[frozenset[frozenset[dt.date]], float]]:
    """For each holiday, the different sets of days the country's subdivisions give it,
    and the share of subdivisions that keep it."""
    subdivs = getattr(_entity(code), "subdivisions", ()) or ()
    out: dict[str, set[frozenset[dt.date]]] = {}
    count: dict[str, int] = {}
    for sub in subdivs:
        for k, days in _by_key(_calendar(code, year, sub)).items():
            out.setdefault(k, set()).add(days)
            count[k] = count.get(k, 0) + 1
    return {k: (frozenset(v), count[k] / len(subdivs)) for k, v in out.items()}


WIDELY_KEPT = 0.5
"""A holiday only states keep is judged when at least this share of them keep it, on one
day (England's, Wales's and Northern Ireland's Easter Monday)."""


def national_dates(holiday: str, code: str, year: int) -> frozenset[dt.date]:
    """The days the national calendar gives ``holiday`` (cheap: no states read)."""
    try:
        return _national(code, year).get(key(holiday), frozenset())
    except (NotImplementedError, KeyError, ValueError):
        return frozenset()


@functools.lru_cache(maxsize=4096)
def dates_of(holiday: str, code: str, year: int) -> frozenset[dt.date] | None:
    """The days ``holiday`` falls on (or is observed on) in country ``code`` in ``year``:
    empty when the package does not know it there (or only a few states keep it), None
    when its states keep it on different days."""
    try:
        k = key(holiday)
        national = _national(code, year).get(k)
        regional, share = _regional(code, year).get(k, (frozenset(), 0.0))
    except (NotImplementedError, KeyError, ValueError):
        return frozenset()
    if national is None:
        if not regional or share < WIDELY_KEPT:
            return frozenset()  # a few states' day ("Victory Day" is Rhode Island's)
        if len(regional) != 1:
            return None
        national = next(iter(regional))
    if any(not (days & national) for days in regional):
        return None  # a state keeps it on other days
    return national


@functools.lru_cache(maxsize=1)
def supported() -> frozenset[str]:
    """The countries the package has. Importing it costs a tenth of a second (it loads
    every country's module), so this and the names below are kept on disk
    (``lint.world.store``) and the package is imported only to judge a date."""

    def build() -> list[str]:
        import holidays

        return sorted(holidays.list_supported_countries())

    return frozenset(cached("holidays-countries", version("holidays"), build))


NAME_YEARS = range(2000, 2036)
"""The years whose holiday names are found in copy (names change little: a King's
Birthday was a Queen's)."""
SUBDIVISION_YEARS = (2016, 2020, 2024)
"""The years read for the names only some states keep (England's Easter Monday)."""


@functools.lru_cache(maxsize=256)
def names_of(code: str) -> tuple[str, ...]:
    """Every name the package gives a holiday of this country in NAME_YEARS."""

    def build() -> list[str]:
        names: set[str] = set()
        try:
            subdivs = getattr(_entity(code), "subdivisions", ()) or ()
            cals = [_calendar(code, year) for year in NAME_YEARS]
            cals += [_calendar(code, y, sub) for sub in subdivs for y in SUBDIVISION_YEARS]
        except (NotImplementedError, KeyError, ValueError):
            return []
        for cal in cals:
            for joined in cal.values():
                names.update(_OBSERVED.sub("", n) for n in joined.split("; "))
        return sorted(names)

    key = f"2-{version('holidays')}-{code}-{NAME_YEARS.start}-{NAME_YEARS.stop}"
    return tuple(cached("holiday-names", key, build))


@functools.lru_cache(maxsize=64)
def spellings(codes: tuple[str, ...]) -> frozenset[str]:
    """The holiday names of these countries (and the aliases) as written in copy:
    "Boxing Day", "Saint Patrick's Day", "St. Patrick's Day"."""
    names = {name for code in codes for name in names_of(code) if name[:1].isupper()}
    variants = set(names) | set(ALIAS_WORDS)
    for s in names:
        if s.startswith("Saint "):
            variants |= {"St. " + s[6:], "St " + s[6:]}
    return frozenset(variants)


def names_pattern(names: Iterable[str]) -> str:
    """An alternation of these holiday names, longest first; any space may be a line
    break, any apostrophe either kind."""
    parts = []
    for v in sorted(names, key=lambda n: (-len(n), n)):
        p = regex.escape(v).replace(r"\ ", r"\s+").replace("'", "['’]").replace(r"\'", "['’]")
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"
