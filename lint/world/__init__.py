"""Facts about the world from installed data packages: countries, capitals, demonyms
(``lint.world.countries``), cities (``lint.world.cities``) and public holidays
(``lint.world.holidays``). Every fact carries its ``source`` (package and version);
everything loads lazily on first use and is cached for the process.
"""
