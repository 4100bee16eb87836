"""Words of the ready-to-paste delivery-time table for product listings, per buyer language.

The headings are the `[listing]` table of each language's `messages/<lang>/locale.toml`;
country names are CLDR's (Babel) in that language.
"""

from __future__ import annotations

from babel import Locale

from trackmon import locales


def languages() -> list[str]:
    return locales.languages()


def headings(language: str) -> tuple[str, str, str, str]:
    """(heading, country column, delivery time column, "{low}–{high} days") in `language`."""
    words = locales.table(language, "listing")
    return (words["heading"], words["country"], words["delivery_time"], words["days"])


def country_name(code: str, language: str) -> str:
    """The country's CLDR name in `language`; its ISO code when CLDR has none."""
    territories = Locale.parse(locales.language_of(language)).territories
    return str(territories.get(code.upper(), code.upper()))
