"""The buyer's sending window: messages go out in the buyer's daytime, a few a day at most.

The buyer's zone is the order's `buyer_timezone`, else the main zone of `buyer_country`,
else UTC. The window (default 09:00–20:00 local) comes from `messaging.send_window_*`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from trackmon.errors import ConfigError
from trackmon.settings import Settings

#: The zone most of a country's buyers live in (the country's capital or largest city).
COUNTRY_TIMEZONES = {
    "US": "America/New_York", "CA": "America/Toronto", "MX": "America/Mexico_City",
    "BR": "America/Sao_Paulo", "AR": "America/Argentina/Buenos_Aires", "CL": "America/Santiago",
    "CO": "America/Bogota", "PE": "America/Lima", "VE": "America/Caracas", "EC": "America/Guayaquil",
    "UY": "America/Montevideo", "PY": "America/Asuncion", "BO": "America/La_Paz",
    "CR": "America/Costa_Rica", "PA": "America/Panama", "GT": "America/Guatemala",
    "DO": "America/Santo_Domingo", "PR": "America/Puerto_Rico",
    "RU": "Europe/Moscow", "UA": "Europe/Kyiv", "BY": "Europe/Minsk", "KZ": "Asia/Almaty",
    "GB": "Europe/London", "IE": "Europe/Dublin", "FR": "Europe/Paris", "DE": "Europe/Berlin",
    "ES": "Europe/Madrid", "PT": "Europe/Lisbon", "IT": "Europe/Rome", "NL": "Europe/Amsterdam",
    "BE": "Europe/Brussels", "LU": "Europe/Luxembourg", "CH": "Europe/Zurich", "AT": "Europe/Vienna",
    "PL": "Europe/Warsaw", "CZ": "Europe/Prague", "SK": "Europe/Bratislava", "HU": "Europe/Budapest",
    "RO": "Europe/Bucharest", "BG": "Europe/Sofia", "GR": "Europe/Athens", "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo", "DK": "Europe/Copenhagen", "FI": "Europe/Helsinki", "EE": "Europe/Tallinn",
    "LV": "Europe/Riga", "LT": "Europe/Vilnius", "SI": "Europe/Ljubljana", "HR": "Europe/Zagreb",
    "RS": "Europe/Belgrade", "TR": "Europe/Istanbul", "IL": "Asia/Jerusalem", "AE": "Asia/Dubai",
    "SA": "Asia/Riyadh", "IN": "Asia/Kolkata", "JP": "Asia/Tokyo", "KR": "Asia/Seoul",
    "CN": "Asia/Shanghai", "HK": "Asia/Hong_Kong", "TW": "Asia/Taipei", "SG": "Asia/Singapore",
    "MY": "Asia/Kuala_Lumpur", "TH": "Asia/Bangkok", "VN": "Asia/Ho_Chi_Minh", "PH": "Asia/Manila",
    "ID": "Asia/Jakarta", "AU": "Australia/Sydney", "NZ": "Pacific/Auckland",
    "ZA": "Africa/Johannesburg", "NG": "Africa/Lagos", "GH": "Africa/Accra", "KE": "Africa/Nairobi",
    "EG": "Africa/Cairo", "MA": "Africa/Casablanca", "DZ": "Africa/Algiers",
}


def buyer_zone(timezone: str | None, country: str | None) -> ZoneInfo:
    """The order's zone if valid, else the country's main zone, else UTC."""
    for name in (timezone, COUNTRY_TIMEZONES.get((country or "").upper())):
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def parse_hhmm(value: str, key: str) -> time:
    try:
        hours, minutes = value.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ConfigError(f"{key} must be HH:MM (got {value!r})", key=key) from None


def window_bounds(settings: Settings) -> tuple[time, time]:
    return _bounds(settings.messaging.send_window_start, settings.messaging.send_window_end)


@lru_cache(maxsize=16)
def _bounds(start_text: str, end_text: str) -> tuple[time, time]:
    """The window of two settings (parsed once per process: the planner asks for every message)."""
    start = parse_hhmm(start_text, "messaging.send_window_start")
    end = parse_hhmm(end_text, "messaging.send_window_end")
    if end <= start:
        raise ConfigError(f"messaging.send_window_end ({end:%H:%M}) must be after "
                          f"send_window_start ({start:%H:%M})", key="messaging.send_window_end")
    return start, end


def _at(day: date, moment: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=zone).astimezone(UTC)


def next_in_window(at: datetime, zone: ZoneInfo, start: time, end: time) -> datetime:
    """`at` if it falls inside the buyer's window, else the next window opening (UTC)."""
    local = at.astimezone(zone)
    if local.time() < start:
        return _at(local.date(), start, zone)
    if local.time() >= end:
        return _at(local.date() + timedelta(days=1), start, zone)
    return at.astimezone(UTC)


def window_opening(day: date, zone: ZoneInfo, start: time) -> datetime:
    return _at(day, start, zone)


def local_day(at: datetime, zone: ZoneInfo) -> date:
    return at.astimezone(zone).date()


def day_span(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of a buyer-local day in UTC."""
    return _at(day, time(0), zone), _at(day + timedelta(days=1), time(0), zone)
