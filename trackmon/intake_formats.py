"""Reading the values shops and spreadsheets write into order exports (pure functions).

- Excel's text guards: `'RB123…` and `="RB123…"` → the value inside.
- Several tracking numbers in one cell: `RR1…CN, RR2…CN` / `;` / `|` / `/` / line breaks,
  or spaces between whole numbers (spaces inside one number, `1Z 999 AA1…`, are kept).
- Countries: ISO 3166 alpha-2 and alpha-3 codes, and names in the CLDR languages listed in
  NAME_LOCALES (`Russia`, `Russland`, `Россия`, `Estados Unidos`...).
- Languages: ISO 639-1 codes (`pt`, `pt-BR`, `pt_BR`), ISO 639-2 codes and names in those
  languages (`Portuguese`, `Português`, `Deutsch`, `русский`).
- Dates: ISO 8601, `dd.mm.yyyy`, `dd/mm/yyyy` or `mm/dd/yyyy` (inferred when one part is
  above 12, else `date_order` decides), eBay's `Nov-20-26`, `20 Nov 2026`, `Nov 20, 2026`,
  Shopify's `2026-11-20 08:30:00 +0800`, and Excel serial numbers (`46346`).

Babel (CLDR data) is imported only when a name has to be looked up.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Literal

DateOrder = Literal["dmy", "mdy"]
DATE_ORDERS: tuple[str, ...] = ("dmy", "mdy")
# display languages whose country and language names are recognised
# (each also gives its own name: Português, Deutsch, русский)
NAME_LOCALES = ("en", "de", "fr", "es", "pt", "ru", "it", "nl", "pl", "tr", "uk", "zh", "ja", "ko", "ar", "he",
                "sv", "da", "nb", "fi", "cs", "ro", "hu", "el", "id", "vi", "th", "hi", "ms", "bg", "hr", "sk",
                "lt", "lv", "et", "sr", "sl", "fa", "kk", "be")
_EXCEL_EPOCH = datetime(1899, 12, 30, tzinfo=UTC)  # Excel's 1900 system (with its 1900 leap-day bug)
# serials between 1982-01-01 and 2064-12-31: a plain number outside that is not taken as a date
_EXCEL_MIN, _EXCEL_MAX = 29952, 60267


# ------------------------------------------------------------------ cells

def clean_cell(value: str | None) -> str | None:
    """Strip spaces and Excel's text guards; empty → None."""
    if value is None:
        return None
    text = value.replace("\u00a0", " ").strip()
    if len(text) >= 3 and text.startswith('="') and text.endswith('"'):
        text = text[2:-1].replace('""', '"').strip()
    if text.startswith("'"):
        text = text[1:].strip()
    if text.startswith("\t"):  # another guard some exporters write
        text = text.strip()
    return text or None


_SEPARATORS = re.compile(r"[,;|/\n\r]+")


def split_numbers(cell: str | None) -> list[str]:
    """Several tracking numbers in one cell → each one (order kept, duplicates dropped)."""
    text = clean_cell(cell)
    if not text:
        return []
    found: list[str] = []
    for piece in _SEPARATORS.split(text):
        piece = clean_cell(piece) or ""
        if not piece:
            continue
        words = piece.split()
        # "RR123456785CN LZ123456785CN": whole numbers side by side; "1Z 999 AA1 …": one number
        if len(words) > 1 and all(len(w) >= 8 and any(c.isdigit() for c in w) for w in words):
            found.extend(words)
        else:
            found.append(piece)
    return list(dict.fromkeys(found))


def normalize_carrier(value: str | None) -> str | None:
    """`China Post` → `china-post`, `USPS` → `usps`; placeholders (`Other`, `-`) → None."""
    text = clean_cell(value)
    if not text:
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")
    if slug in {"", "other", "others", "none", "n-a", "na", "unknown"}:
        return None
    return slug


def _fold(text: str) -> str:
    """Case- and accent-insensitive key: `Україна` stays Cyrillic, `Türkiye` → `turkiye`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s.'’()\-_,]+", " ", plain).strip()


# ------------------------------------------------------------------ countries

# English names shops still write that CLDR has since replaced (CLDR keeps only the current
# name: Türkiye, Czechia, Eswatini...) and ISO's formal names of the usual lists
_FORMER_NAMES = {
    "Turkey": "TR", "Czech Republic": "CZ", "Swaziland": "SZ", "Macedonia": "MK", "Burma": "MM",
    "Ivory Coast": "CI", "East Timor": "TL", "Holland": "NL", "Great Britain": "GB", "England": "GB",
    "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB", "Russian Federation": "RU",
    "Korea, Republic of": "KR", "Republic of Korea": "KR", "Viet Nam": "VN", "Iran, Islamic Republic of": "IR",
    "Moldova, Republic of": "MD", "Taiwan, Province of China": "TW", "Bolivia, Plurinational State of": "BO",
    "Venezuela, Bolivarian Republic of": "VE", "Tanzania, United Republic of": "TZ",
    "United States of America": "US", "United Kingdom of Great Britain and Northern Ireland": "GB",
}


@cache
def _country_names() -> dict[str, str]:
    from babel import Locale
    from babel.core import get_global

    table: dict[str, str] = {}
    codes = {code for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
    for loc in NAME_LOCALES:
        for code, name in Locale.parse(loc).territories.items():
            if code in codes:
                table.setdefault(_fold(name), code)
    for alias, targets in get_global("territory_aliases").items():
        # CLDR aliases: alpha-3 codes (DEU, RUS, USA) and old ones (UK)
        if alias.isalpha() and len(alias) in (2, 3) and targets and targets[0] in codes:
            table.setdefault(_fold(alias), targets[0])
    for name, code in _FORMER_NAMES.items():
        table.setdefault(_fold(name), code)
    for code in codes:
        table[_fold(code)] = code
    return table


@cache
def iso_countries() -> frozenset[str]:
    """ISO 3166 alpha-2 codes (from tzdata: no CLDR load needed for a plain code)."""
    from importlib import resources

    text = (resources.files("tzdata.zoneinfo") / "iso3166.tab").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#"))


def parse_country(value: str) -> str:
    """A country code or name → ISO 3166 alpha-2; ValueError naming the value otherwise."""
    text = value.strip()
    if len(text) == 2 and text.upper() in iso_countries():
        return text.upper()
    key = _fold(text)
    code = _country_names().get(key)
    if code is None:
        raise ValueError(f"buyer_country {value!r} is neither an ISO 3166 code (US, DE, BRA) "
                         "nor a country name trackmon knows")
    return code


# ------------------------------------------------------------------ languages

@cache
def _language_names() -> dict[str, str]:
    from babel import Locale
    from babel.core import get_global

    table: dict[str, str] = {}
    for loc in NAME_LOCALES:
        for code, name in Locale.parse(loc).languages.items():
            base = code.split("_", 1)[0]
            if len(base) == 2:
                table.setdefault(_fold(name), base)
    for alias, target in get_global("language_aliases").items():
        base = str(target).split("_", 1)[0]
        if len(alias) == 3 and alias.isalpha() and len(base) == 2:  # ISO 639-2: por, deu, ger, rus
            table.setdefault(alias, base)
    return table


_LANG_CODE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$")


def parse_language(value: str) -> str:
    """A language code or name → 2-letter lower-case code; ValueError otherwise."""
    text = value.strip()
    m = _LANG_CODE.match(text)
    if m and len(m.group(1)) == 2:
        return m.group(1).lower()
    names = _language_names()
    if m and (code := names.get(m.group(1).lower())):
        return code
    key = _fold(re.sub(r"\(.*\)", "", text))  # "Português (Brasil)" → "portugues"
    code = names.get(key) or names.get(_fold(text))
    if code is None:
        raise ValueError(f"buyer_language {value!r} is neither a language code (en, pt-BR) "
                         "nor a language name trackmon knows")
    return code


# ------------------------------------------------------------------ dates

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?:[ T,]+(.*))?$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?\s*(.*)$")
_NAMED_FORMATS = ("%b-%d-%y", "%b-%d-%Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y",
                  "%d-%b-%Y", "%d-%b-%y")
_ZONE_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y/%m/%d %H:%M:%S %z")


class AmbiguousDate(ValueError):
    """`03/04/2026` with no date order given."""


def parse_when(value: str, *, date_order: str | None = None, field: str = "shipped_at") -> datetime:
    """A date or date-time as shops write it → aware UTC (no zone given: UTC)."""
    parsed = _read(value.strip(), date_order, field)
    if parsed is None:
        raise ValueError(f"{field} {value!r} is not a date trackmon reads (2026-11-20, 20.11.2026, "
                         "11/20/2026, Nov-20-26 or an Excel date number)")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_day(value: str, *, date_order: str | None = None, field: str = "promised_delivery") -> date:
    """Like parse_when, for a calendar day: the date as written, with no time-zone shift."""
    parsed = _read(value.strip(), date_order, field)
    if parsed is None:
        raise ValueError(f"{field} {value!r} is not a date (2026-11-20, 20.11.2026, 11/20/2026)")
    return parsed.date()


def _read(text: str, date_order: str | None, field: str) -> datetime | None:
    """The cheap readers first (a regex decides), the strptime loops last."""
    if text[:1].isdigit():
        parsed = _iso(text) or _numeric(text, date_order, field) or _excel(text)
        if parsed is not None or _ISO_DATE.match(text) is None:
            return parsed or _named(text)
        return _zoned(text)
    return _named(text)


def _iso(text: str) -> datetime | None:
    if not _ISO_DATE.match(text):
        return None
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _zoned(text: str) -> datetime | None:
    for fmt in _ZONE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _excel(text: str) -> datetime | None:
    try:
        serial = float(text.replace(",", "."))
    except ValueError:
        return None
    if not _EXCEL_MIN <= serial <= _EXCEL_MAX:
        return None
    return _EXCEL_EPOCH + timedelta(days=serial)


def _named(text: str) -> datetime | None:
    head, _, rest = text.partition(" ") if re.match(r"^[A-Za-z]{3}-", text) else (text, "", "")
    for candidate in (text, head):
        for fmt in _NAMED_FORMATS:
            try:
                parsed = datetime.strptime(candidate, fmt)
            except ValueError:
                continue
            if candidate is head and rest:
                return _with_time(parsed, rest) or parsed
            return parsed
    return None


def _numeric(text: str, date_order: str | None, field: str) -> datetime | None:
    m = _NUMERIC.match(text)
    if not m:
        return None
    a, sep, b, c, rest = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    if len(a) == 4:  # 2026/11/20
        year, month, day = int(a), int(b), int(c)
    else:
        first, second = int(a), int(b)
        year = int(c) + (2000 if len(c) == 2 else 0)
        if sep == "." or first > 12:  # dots are day-first everywhere they are used
            day, month = first, second
        elif second > 12:
            month, day = first, second
        elif first == second:
            day = month = first
        elif date_order in DATE_ORDERS:
            day, month = (first, second) if date_order == "dmy" else (second, first)
        else:
            raise AmbiguousDate(f"{field} {text!r} could be day/month or month/day: "
                                "give --date-format dmy or mdy")
    try:
        parsed = datetime(year, month, day)
    except ValueError:
        raise ValueError(f"{field} {text!r} is not a real date") from None
    return _with_time(parsed, rest) if rest else parsed


def _with_time(day: datetime, rest: str) -> datetime | None:
    m = _TIME.match(rest.strip())
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if m.group(4):
        hour = hour % 12 + (12 if m.group(4).lower() == "pm" else 0)
    zone = (m.group(5) or "").strip()
    parsed = day.replace(hour=hour, minute=minute, second=second)
    if zone:
        offset = re.match(r"^(?:UTC|GMT)?\s*([+-])(\d{2}):?(\d{2})$", zone)
        if zone.upper() in ("UTC", "GMT", "Z"):
            return parsed.replace(tzinfo=UTC)
        if not offset:
            return None
        sign = 1 if offset.group(1) == "+" else -1
        from datetime import timezone
        delta = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3)))
        return parsed.replace(tzinfo=timezone(sign * delta))
    return parsed


__all__ = [
    "DATE_ORDERS", "AmbiguousDate", "clean_cell", "iso_countries", "normalize_carrier", "parse_country", "parse_day",
    "parse_language", "parse_when", "split_numbers",
]
