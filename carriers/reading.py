"""Total reading of carrier answers: nothing a carrier sends can raise out of a poll round.

One mechanism for every adapter and both webhook parsers:

- `parse_ts` / `to_utc` / `parse_day` read times and dates and refuse values outside
  `MIN_YEAR`..`MAX_YEAR` (a scan in year 1 or 9999 is garbage, and converting it to UTC
  overflows) with a `ValueError` naming the value.
- `read_item(label, number, build)` runs the code that reads ONE parcel of an answer:
  whatever it raises (a wrong type at any level, a date out of range, nesting too deep for
  Python) becomes a `CarrierProblem(kind="malformed")` for that parcel with a short human
  reason; the snapshot it returns is checked (`check_snapshot`) so a value of the wrong type
  never reaches the database.
- `total(parse)` wraps an adapter's whole-answer `parse` (applied to every subclass by
  `CarrierAdapter.__init_subclass__`): anything but a `CarrierError` becomes a
  `CarrierResponseError` with the same kind of reason, which the poller backs off per batch.

A malformed parcel is not a "not found": the poller keeps its stored state, counts a failure,
records the reason in `last_error` and backs off (trackmon/poller.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timezone
from typing import Any, TypeVar

import structlog

from trackmon.domain import CarrierProblem, Status, SubStatus, TrackingEvent, TrackingSnapshot
from trackmon.errors import CarrierError, CarrierResponseError

log = structlog.get_logger("trackmon.carriers")

#: Years a parcel's scan, ETA or status time may carry; anything else is refused as garbage.
MIN_YEAR, MAX_YEAR = 2000, 2099
#: Real UTC offsets are within ±14 h; ±18 h is the ISO-8601 bound.
MAX_OFFSET_MINUTES = 18 * 60
#: Entries of each memo of pure per-text work (a carrier's country codes and event statuses):
#: bounded, so a long run of unique texts costs a fixed amount of memory (about 2 MB each).
TEXT_CACHE_SIZE = 8192

MALFORMED = "malformed"

_JSON_NAMES = {
    "str": "text", "int": "a number", "float": "a number", "bool": "true/false", "list": "a list",
    "dict": "an object", "NoneType": "null", "tuple": "a list",
}


class Malformed(ValueError):
    """A read value is not what the database expects (the message names the field)."""


def json_type(value: Any) -> str:
    """How a decoded JSON value's type reads to a person: "text", "a list", "null"..."""
    return _JSON_NAMES.get(type(value).__name__, type(value).__name__)


def member(node: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """`node[key]` when it is a `kind` (None when absent or null); another type → Malformed
    naming `where` ("track_info.tracking is text, not an object")."""
    value = node.get(key) if isinstance(node, dict) else None
    if value is None or isinstance(value, kind):
        return value
    wanted = "an object" if kind is dict else "a list" if kind is list else "text" if kind is str else "a value"
    raise Malformed(f"{where} is {json_type(value)}, not {wanted}")


def _json_name(python_name: str) -> str:
    return _JSON_NAMES.get(python_name, f"a {python_name} value")


def to_utc(dt: datetime, *, assume: timezone = UTC) -> datetime:
    """`dt` as aware UTC (naive taken in `assume`); a year outside the range is a ValueError."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.replace(tzinfo=assume)
    if not MIN_YEAR <= dt.year <= MAX_YEAR:
        raise ValueError(f"time {dt.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    try:
        out = dt.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"time {dt.isoformat()} is out of range") from None
    if not MIN_YEAR <= out.year <= MAX_YEAR:
        raise ValueError(f"time {dt.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return out


def parse_ts(value: Any, *, assume: timezone = UTC) -> datetime | None:
    """Parse an ISO-8601 timestamp to aware UTC. Naive values are taken in `assume`.

    Returns None for empty values; raises ValueError for garbage, for values that are not
    text, and for years outside `MIN_YEAR`..`MAX_YEAR`.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return to_utc(value, assume=assume)
    if not isinstance(value, str):
        raise ValueError(f"a time must be text, got {json_type(value)}")
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"time {value[:40]!r} is not ISO-8601") from None
    return to_utc(dt, assume=assume)


def parse_day(value: Any) -> date | None:
    """A calendar date from "YYYY-MM-DD..." (the date part of an ISO time as written, not its
    UTC date); None, with a warning, for anything else or a year outside the range."""
    if not value:
        return None
    if not isinstance(value, str) or len(value) < 10:
        log.warning("carrier.bad_value", field="date", value=str(value)[:40])
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        log.warning("carrier.bad_value", field="date", value=value[:40])
        return None
    return checked_day(day)


def checked_day(day: date | None) -> date | None:
    """`day`, or None (with a warning) when its year is outside the range."""
    if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
        log.warning("carrier.bad_value", field="date", value=day.isoformat())
        return None
    return day


_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"'(\w+)' object has no attribute '(\w+)'"), "{0} where an object was expected"),
    (re.compile(r"'(\w+)' object is not iterable"), "{0} where a list was expected"),
    (re.compile(r"'(\w+)' object is not subscriptable"), "{0} where an object or a list was expected"),
    (re.compile(r"unhashable type: '(\w+)'"), "{0} where a code was expected"),
    (re.compile(r"'(\w+)' object is not a mapping"), "{0} where an object was expected"),
    (re.compile(r"object of type '(\w+)' has no len\(\)"), "{0} where text or a list was expected"),
)


def describe_failure(exc: BaseException) -> str:
    """A short human reason for why an answer could not be read (never a traceback)."""
    if isinstance(exc, CarrierError):
        return exc.message
    if isinstance(exc, RecursionError):
        return "the answer is nested too deeply to read"
    if isinstance(exc, OverflowError):
        return "a date or a number is out of range"
    if isinstance(exc, MemoryError):
        return "the answer is too large to read"
    text = str(exc)
    for pattern, template in _PATTERNS:
        match = pattern.search(text)
        if match:
            return template.format(_json_name(match.group(1)))
    if isinstance(exc, ValueError) and text:
        return text[:160]
    return f"a value of an unexpected kind ({type(exc).__name__})"


def _text(value: Any, name: str, *, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise Malformed(f"{name} is {json_type(value)}, not text")


def _country(value: Any, name: str) -> None:
    if value is not None and not (isinstance(value, str) and len(value) == 2):
        raise Malformed(f"{name} {str(value)[:20]!r} is not a two-letter country code")


def _day(value: Any, name: str) -> None:
    if value is None:
        return
    if isinstance(value, datetime) or not isinstance(value, date):
        raise Malformed(f"{name} is not a date")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise Malformed(f"{name} {value.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")


def check_event(ev: Any, index: int) -> None:
    """Raise Malformed naming the field when event `index` is not well-typed."""
    where = f"event {index + 1}"
    if not isinstance(ev, TrackingEvent):
        raise Malformed(f"{where} is not an event")
    if not MIN_YEAR <= ev.time.year <= MAX_YEAR:
        raise Malformed(f"{where} time is outside the years {MIN_YEAR}-{MAX_YEAR}")
    _text(ev.description, f"{where} description", optional=False)
    _text(ev.location, f"{where} location")
    _text(ev.raw_code, f"{where} code")
    if not isinstance(ev.status, Status) or not (ev.sub_status is None or isinstance(ev.sub_status, SubStatus)):
        raise Malformed(f"{where} has no valid status")
    offset = ev.utc_offset_minutes
    if offset is not None and (isinstance(offset, bool) or not isinstance(offset, int)
                               or abs(offset) > MAX_OFFSET_MINUTES):
        raise Malformed(f"{where} UTC offset {str(offset)[:20]} is not a real offset")
    _country(ev.country, f"{where} country")


def check_snapshot(snap: Any) -> TrackingSnapshot:
    """`snap` when every field has the type the database expects; else Malformed."""
    if not isinstance(snap, TrackingSnapshot):
        raise Malformed("no tracking result")
    if not isinstance(snap.tracking_number, str) or not snap.tracking_number.strip():
        raise Malformed("the tracking number is missing")
    _text(snap.carrier, "carrier", optional=False)
    if not isinstance(snap.status, Status) or not (
            snap.sub_status is None or isinstance(snap.sub_status, SubStatus)):
        raise Malformed("the parcel has no valid status")
    for value, name in ((snap.raw_status, "status code"), (snap.last_mile_carrier, "last-mile carrier"),
                        (snap.source, "source")):
        _text(value, name)
    _country(snap.origin_country, "origin country")
    _country(snap.destination_country, "destination country")
    _day(snap.eta_from, "estimated delivery date")
    _day(snap.eta_to, "estimated delivery date")
    if not isinstance(snap.events, tuple):
        raise Malformed("events are not a list")
    for index, ev in enumerate(snap.events):
        check_event(ev, index)
    return snap


def read_item(label: str, number: str, build: Callable[[], TrackingSnapshot]) -> TrackingSnapshot | CarrierProblem:
    """Read ONE parcel of an answer: its checked snapshot, or a `malformed` problem for it.

    `label` names the source in the reason ("17TRACK"). Never raises (bar KeyboardInterrupt
    and the like): one parcel's bad data must not cost the other parcels of the answer.
    """
    try:
        return check_snapshot(build())
    except Exception as exc:  # any shape of bad data: the reason says which
        reason = describe_failure(exc)
        log.warning("carrier.malformed_answer", source=label, tracking_number=number, reason=reason,
                    error_type=type(exc).__name__)
        return CarrierProblem(tracking_number=number, kind=MALFORMED,
                              message=f"{label} answer for this number could not be read: {reason}")


P = TypeVar("P", bound=Callable[..., Any])


def total(parse: P) -> P:
    """Wrap a whole-answer `parse(self, raw)`: anything but a CarrierError becomes a
    CarrierResponseError of that adapter with a short reason (the batch is backed off)."""
    if getattr(parse, "__trackmon_total__", False):
        return parse

    @functools.wraps(parse)
    def wrapper(self: Any, raw: Any) -> Any:
        try:
            return parse(self, raw)
        except CarrierError:
            raise
        except Exception as exc:  # bad data of any shape: a named, backed-off failure
            reason = describe_failure(exc)
            log.warning("carrier.malformed_answer", source=self.name, reason=reason, error_type=type(exc).__name__)
            raise CarrierResponseError(self.name, f"the answer could not be read: {reason}") from None

    wrapper.__trackmon_total__ = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


__all__ = [
    "MALFORMED", "MAX_YEAR", "MIN_YEAR", "Malformed", "check_snapshot", "checked_day", "describe_failure", "json_type",
    "member", "parse_day", "parse_ts", "read_item", "to_utc", "total",
]
