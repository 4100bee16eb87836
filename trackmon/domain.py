"""Pure domain types: the normalized status model every carrier maps into.

No I/O here and no database identity. Times are aware UTC (see `ensure_utc`).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache, lru_cache


class Status(StrEnum):
    """Normalized parcel status (a contract: JSON output and the database use these values)."""

    not_found = "not_found"
    info_received = "info_received"
    in_transit = "in_transit"
    out_for_delivery = "out_for_delivery"
    available_for_pickup = "available_for_pickup"
    delivery_failed = "delivery_failed"
    delivered = "delivered"
    returning = "returning"
    returned = "returned"
    exception = "exception"
    expired = "expired"
    unknown = "unknown"  # a carrier code we have no mapping for (always logged)


#: Statuses after which a parcel needs no more polling (after a grace period).
FINAL_STATUSES = frozenset({Status.delivered, Status.returned, Status.expired})


class SubStatus(StrEnum):
    """Finer stage inside a status. Customs stages are sub-statuses of `in_transit`."""

    label_created = "label_created"
    picked_up = "picked_up"
    departed_origin = "departed_origin"          # left the origin country
    arrived_destination = "arrived_destination"  # arrived in the destination country
    customs_processing = "customs_processing"
    customs_held = "customs_held"
    customs_duties = "customs_duties"            # duties or taxes payable by the buyer
    customs_information_required = "customs_information_required"
    customs_released = "customs_released"
    pickup_post_office = "pickup_post_office"
    pickup_point = "pickup_point"
    pickup_locker = "pickup_locker"
    nobody_home = "nobody_home"
    bad_address = "bad_address"
    refused = "refused"
    security = "security"
    returning = "returning"
    returned = "returned"
    delayed = "delayed"
    damaged = "damaged"
    lost = "lost"
    cancelled = "cancelled"
    invalid_number = "invalid_number"
    other = "other"


CUSTOMS_SUB_STATUSES = frozenset({
    SubStatus.customs_processing, SubStatus.customs_held, SubStatus.customs_duties,
    SubStatus.customs_information_required, SubStatus.customs_released,
})


class AlertKind(StrEnum):
    """Exception kinds (a contract: alert names in JSON, the API and digests)."""

    stalled = "stalled"
    not_picked_up = "not_picked_up"
    pickup_waiting = "pickup_waiting"
    customs_hold = "customs_hold"
    delivery_failed = "delivery_failed"
    returning = "returning"
    lost = "lost"
    late = "late"
    split_package = "split_package"
    partial_delivery = "partial_delivery"


def ensure_utc(value: datetime) -> datetime:
    """Return `value` as an aware UTC datetime; naive values are refused. A UTC value is
    returned as it is (what `astimezone(UTC)` returns for it, without the conversion)."""
    if value.tzinfo is UTC:
        return value
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value.isoformat()} where aware UTC is required")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackingEvent:
    """One scan or checkpoint, normalized. `time` is aware UTC."""

    time: datetime
    description: str
    location: str | None = None
    status: Status = Status.in_transit
    sub_status: SubStatus | None = None
    raw_code: str | None = None           # the carrier's own code, kept for audit
    utc_offset_minutes: int | None = None  # offset of the local time where the scan happened
    country: str | None = None             # ISO-2 where known
    _fingerprint: str | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "time", ensure_utc(self.time))

    @property
    def fingerprint(self) -> str:
        """Identity of the event across polls and pushes (see `event_fingerprint`); computed
        once per event."""
        if self._fingerprint is None:
            object.__setattr__(self, "_fingerprint", event_fingerprint(
                self.time, self.location, self.description, self.raw_code, self.status.value))
        return self._fingerprint  # type: ignore[return-value]


@lru_cache(maxsize=16384)  # carrier wordings and places repeat across parcels: folded once each
def fold_text(text: str | None) -> str:
    """Text reduced to what carries meaning for identity: Unicode compatibility forms
    unified (NFKC: full-width letters and digits), case folded, and every whitespace,
    separator and punctuation character dropped ("【深圳】 已收寄" == "[深圳]已收寄",
    "Arrived at facility." == "ARRIVED  AT FACILITY")."""
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).casefold().translate(_punctuation()).split())


@cache
def _punctuation() -> dict[int, None]:
    """Punctuation and separators of the Basic Multilingual Plane, for `str.translate`
    (built on first use: a few tens of milliseconds)."""
    return {cp: None for cp in range(0x10000) if unicodedata.category(chr(cp))[0] in "PZ"}


def event_fingerprint(time: datetime, location: str | None, description: str, raw_code: str | None,
                      status: str) -> str:
    """Identity of one event: its time (to the second), its place and its text, each folded
    by `fold_text`.

    Two reports are the same event only when time, place and meaning agree; case, spacing
    and punctuation aside. The text is part of the identity because a raw code is not:
    AfterShip gives every checkpoint of a consolidator the same raw tag, and such a
    warehouse writes several checkpoints in the same minute at the same place, each with
    its own message; they are distinct events and all are kept.

    A re-wording with other words ("Arrived at facility" → "Прибыло в сортировочный
    центр") is NOT merged: no carrier API we read documents re-wording a stored event (17TRACK
    delivers a translation in a separate `description_translation` field, which we do not
    read), so a different text is a different event. Merging by code instead would drop real
    events, which is worse than keeping a rare double line.

    The raw code decides only for events without text (code-only scans), and our own status
    only for events with neither: the status comes from the classifier, which changes with
    releases, and must not change the identity of events already stored.

    Events stored before this definition are re-keyed by migration 0003.
    """
    text = fold_text(description)
    key = "|".join((
        ensure_utc(time).isoformat(timespec="seconds"),
        fold_text(location),
        text,
        "" if text else fold_text(raw_code),
        "" if text or raw_code else status,
    ))
    return hashlib.sha1(key.encode()).hexdigest()[:20]


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackingSnapshot:
    """What a carrier says about one parcel now. `events` are sorted oldest first."""

    carrier: str
    tracking_number: str
    status: Status
    sub_status: SubStatus | None = None
    raw_status: str | None = None              # e.g. "InTransit/InTransit_Other"
    events: tuple[TrackingEvent, ...] = ()
    eta_from: date | None = None
    eta_to: date | None = None
    origin_country: str | None = None
    destination_country: str | None = None
    last_mile_carrier: str | None = None
    source: str | None = None                  # adapter that produced it ("17track", "dhl")
    # digest of the raw part of the answer this was read from (`carriers.answer_parts`), when
    # the adapter gives one: the same part again is reported `Unchanged`, without parsing it
    raw_digest: str | None = field(default=None, compare=False)

    @property
    def last_event(self) -> TrackingEvent | None:
        return self.events[-1] if self.events else None


@dataclass(frozen=True, slots=True, kw_only=True)
class CarrierProblem:
    """A per-number failure inside an otherwise good response (data, not an exception)."""

    tracking_number: str
    kind: str        # "not_found" | "invalid" | "rejected" | "malformed" (answer unreadable)
    message: str
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Unchanged:
    """A number whose answer is, byte for byte, the one trackmon stored last (its raw part has
    the `digest` the caller already holds): not parsed again, nothing new in it."""

    tracking_number: str
    digest: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ParseResult:
    snapshots: tuple[TrackingSnapshot, ...] = ()
    problems: tuple[CarrierProblem, ...] = ()
    unchanged: tuple[Unchanged, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertCandidate:
    """An exception detected on one parcel or one order. `cause` makes it unique."""

    kind: AlertKind
    reason: str                  # human sentence: why it fired, with the figures
    cause: str = ""              # dedupe part: e.g. the event fingerprint or the date
    since: datetime | None = None
    details: dict[str, object] = field(default_factory=dict)
