"""Buyer languages: one folder each under `messages/`, discovered (the one list of languages).

A language is the folder `messages/<code>/` (the code a CLDR locale Babel knows: `it`,
`pl`): its message templates (`<kind>.subject.j2`, `<kind>.txt.j2`, optionally
`<kind>.html.j2`, `_parts.j2`) and `locale.toml`, the words trackmon writes in it outside the
templates (event lines, country names, the buyer page, the unsubscribe page, the listing
table, counted nouns). Dates, month names and plural rules are not written there: they come
from CLDR through Babel for the folder's code (`format_date`, `plural`).

A language is complete when it has every file English has and every key of every table of
English's `locale.toml` (each counted noun with a form for each CLDR plural category of
the language), and no key English lacks, except more countries, national posts and counted
nouns (a language with grammatical cases may count "days" in two: `day`, `day_dative`).
`Catalog.check()` says what is missing, naming the file; `trackmon run` refuses to start on
it and the tests run it for every folder.

In the repository the folder is the top-level `messages/`; installed, it is package data of
`trackmon` (`trackmon/messages`, a link to it in the source tree).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date as babel_format_date

from trackmon.errors import TemplateError

#: The language every other is checked against, and the one used when a buyer's is unknown.
REFERENCE = "en"
FACTS_FILE = "locale.toml"
MESSAGES_DIR = Path(__file__).resolve().parent / "messages"
#: The CLDR date format buyers read where a language's locale.toml names none (`pt` is CLDR's
#: Brazilian Portuguese).
_DATE_FORMAT = "long"


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    folder: Path
    facts: dict[str, Any]   # locale.toml, read once
    locale: Locale          # CLDR data for the code (dates, plural rules, scripts)

    def table(self, name: str) -> dict[str, Any]:
        """A table of locale.toml by dotted name (`page.words`); {} when absent."""
        node: Any = self.facts
        for part in name.split("."):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return node if isinstance(node, dict) else {}

    def text(self, table: str, key: str) -> str:
        value = self.table(table).get(key)
        if not isinstance(value, str):
            raise TemplateError(f"{self.code}: no {table}.{key} in {FACTS_FILE}", path=str(self.folder / FACTS_FILE))
        return value


def _read_facts(folder: Path) -> dict[str, Any]:
    path = folder / FACTS_FILE
    if not path.is_file():
        raise TemplateError(f"language folder {folder.name!r} has no {FACTS_FILE}", path=str(path))
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{FACTS_FILE} is not valid TOML: {exc}", path=str(path)) from None


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def _keys(node: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Leaf keys of nested tables by dotted path; a counted noun's forms stay one leaf."""
    out: dict[str, Any] = {}
    for key, value in node.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and not prefix.startswith("plurals"):
            out.update(_keys(value, path + "."))
        else:
            out[path] = value
    return out


class Catalog:
    """The languages of one `messages` folder (the built-in one, or a test's)."""

    def __init__(self, root: Path = MESSAGES_DIR) -> None:
        self.root = Path(root)
        self._languages: dict[str, Language] | None = None

    # -- discovery -------------------------------------------------------------------------
    def _load(self) -> dict[str, Language]:
        if self._languages is None:
            found: dict[str, Language] = {}
            if not self.root.is_dir():
                raise TemplateError("the message folder is missing", path=str(self.root))
            for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
                if folder.name.startswith((".", "_")):
                    continue
                try:
                    locale = Locale.parse(folder.name)
                except (ValueError, UnknownLocaleError):
                    raise TemplateError(f"folder {folder.name!r} is not a language code CLDR knows "
                                        "(name a language folder by its code: it, pl, pt)",
                                        path=str(folder)) from None
                found[folder.name] = Language(folder.name, folder, _read_facts(folder), locale)
            if REFERENCE not in found:
                raise TemplateError(f"the reference language folder {REFERENCE!r} is missing",
                                    path=str(self.root / REFERENCE))
            self._languages = found
        return self._languages

    @property
    def codes(self) -> list[str]:
        """Every language, the reference first."""
        return sorted(self._load(), key=lambda code: (code != REFERENCE, code))

    def __contains__(self, code: object) -> bool:
        return code in self._load()

    def resolve(self, language: str | None) -> str:
        """`pt-BR`, `fr_FR`, `RU` → a language of ours; the reference when it is not one."""
        code = (language or "").strip().lower().replace("_", "-").split("-", 1)[0]
        return code if code in self._load() else REFERENCE

    def get(self, language: str | None) -> Language:
        return self._load()[self.resolve(language)]

    # -- completeness ----------------------------------------------------------------------
    def problems(self, kinds: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        """(message, path) for everything missing or unknown, every language; [] = complete."""
        langs = self._load()
        ref = langs[REFERENCE]
        ref_files = _files(ref.folder)
        out: list[tuple[str, str]] = []
        for kind in kinds:
            for part in ("subject", "txt"):
                name = f"{kind}.{part}.j2"
                if name not in ref_files:
                    out.append((f"{REFERENCE}: message kind '{kind}' has no {name}", str(ref.folder / name)))
        ref_keys = _keys(ref.facts)
        for code in self.codes:
            lang = langs[code]
            for name in sorted(ref_files - _files(lang.folder)):
                out.append((f"{code}: missing {name} (every language has the files {REFERENCE} has)",
                            str(lang.folder / name)))
            keys = _keys(lang.facts)
            facts = str(lang.folder / FACTS_FILE)
            out += [(f"{code}: {FACTS_FILE} lacks {key}", facts) for key in sorted(set(ref_keys) - set(keys))
                    if not key.startswith("national_posts.")]
            out += [(f"{code}: {FACTS_FILE} has {key}, which {REFERENCE} does not", facts)
                    for key in sorted(set(keys) - set(ref_keys))
                    if not key.startswith(("national_posts.", "countries.", "plurals."))]
            for key, value in keys.items():
                if not isinstance(value, dict if key.startswith("plurals.") else str):
                    out.append((f"{code}: {FACTS_FILE} {key} is not a "
                                f"{'table of plural forms' if key.startswith('plurals.') else 'string'}", facts))
                elif key.startswith("plurals."):
                    wanted = set(lang.locale.plural_form.tags) | {"other"}
                    missing = sorted(wanted - set(value))
                    if missing:
                        out.append((f"{code}: {FACTS_FILE} {key} lacks the CLDR plural form(s) "
                                    f"{', '.join(missing)}", facts))
        return out

    def check(self, kinds: tuple[str, ...] = ()) -> int:
        """Raise TemplateError naming the first missing file or key; returns how many languages."""
        found = self.problems(kinds)
        if found:
            message, path = found[0]
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            raise TemplateError(message + more, path=path)
        return len(self._load())


@cache
def catalog() -> Catalog:
    """The built-in languages (package data)."""
    return Catalog()


def languages() -> list[str]:
    return catalog().codes


def language_of(language: str | None) -> str:
    return catalog().resolve(language)


def text(language: str | None, table: str, key: str) -> str:
    """A word of the buyer's language from its locale.toml (`text("it", "events", "delivered")`)."""
    return catalog().get(language).text(table, key)


def table(language: str | None, name: str) -> dict[str, Any]:
    return catalog().get(language).table(name)


# -- CLDR: dates, plurals, scripts -----------------------------------------------------------
@cache
def _locale(code: str) -> Locale:
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(REFERENCE)


def format_date(value: str | date | None, language: str) -> str:
    """A date as the buyer writes it (CLDR long format): `November 20, 2026`, `20 listopada 2026`."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = value.date()
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return babel_format_date(day, _date_pattern(language), locale=_locale(language))


def _date_pattern(language: str) -> str:
    """The language's `[dates] format` from its locale.toml: a CLDR format name or pattern (CLDR's
    long format where none is given)."""
    pattern = catalog().get(language).table("dates").get("format")
    return pattern if isinstance(pattern, str) and pattern.strip() else _DATE_FORMAT


def plural_category(count: int | float, language: str) -> str:
    """The CLDR plural category of `count` in `language`: one, few, many, other..."""
    return str(_locale(language).plural_form(count))


def plural(count: int | float, forms: dict[str, str], language: str) -> str:
    """The form of a counted noun for `count` (forms by CLDR category; `other` when absent)."""
    return forms.get(plural_category(count, language), forms["other"])


@cache
def script(language: str) -> str:
    """The language's usual script, lower-case (`latin`, `cyrillic`), from CLDR likely subtags."""
    likely = get_global("likely_subtags").get(language, "")
    parts = likely.split("_")
    code = parts[1] if len(parts) > 1 else "Latn"
    return {"Latn": "latin", "Cyrl": "cyrillic", "Hans": "han", "Hant": "han"}.get(code, code.lower())
