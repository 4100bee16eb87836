"""The words of the buyer's tracking page, written by trackmon in the buyer's language.

`event_line()` is the one place a tracking event becomes a buyer-language sentence on the
page (carrier texts are in Chinese, English or the carrier's own words: the page never shows
them). Sub-statuses that matter to a buyer (customs, leaving China, arriving) have their own
sentence; otherwise the status's. The words are the `[page.lines]` and `[page.words]` tables
of the language's `messages/<lang>/locale.toml`.
"""

from __future__ import annotations

from trackmon import locales


def language_of(language: str | None) -> str:
    return locales.language_of(language)


def word(key: str, language: str, **values: object) -> str:
    return locales.text(language, "page.words", key).format(**values)


def event_line(status: str, sub_status: str | None, language: str) -> str:
    """What a tracking event means, in the buyer's language (one sentence, no carrier text)."""
    lines = locales.table(language, "page.lines")
    key = sub_status if sub_status in lines else status if status in lines else "unknown"
    return locales.text(language, "page.lines", key)


def day(value: object, language: str) -> str:
    return locales.format_date(value, language_of(language))  # type: ignore[arg-type]
